/**
 * The `imsmanifest.xml` of a SCORM package, for SCORM 1.2 or SCORM 2004 4th
 * edition. Pure (a string out of data), so the CLI (src/cli/packageScorm.ts)
 * and the instructor area's "Exporter en SCORM" write the same manifest.
 *
 * One SCO per procedure, each launching `index.html?lms=1` (and
 * `&scenario=<id>` when the package holds several). The app's files are one
 * shared asset resource every SCO depends on. The manifest carries no
 * mastery score (1.2) nor a measure that satisfies the objective (2004): the
 * SCO itself says passed or failed, so that a critical failure fails whatever
 * the points and a training package never passes, and no LMS overrules it
 * from the score. In 2004 the sequencing is kept to what lets a learner
 * choose a procedure (choice and flow), with the objectives and shared data
 * kept to the package (not global to the LMS) and completion and success set
 * by the content.
 */
import type { ScormStandard } from './config';
import { LMS_PARAM } from './config';

export interface ManifestSco {
  /** The scenario's id (goes in the launch address and, made legal, in the identifiers). */
  id: string;
  /** Its French title. */
  title: string;
}

export interface ManifestInput {
  standard: ScormStandard;
  /** The package's identifier, before it is made a legal XML identifier. */
  identifier: string;
  /** The organisation's title (French). */
  title: string;
  scos: ManifestSco[];
  /** Every file of the app in the package, relative to its root with '/' (the manifest and schema files excluded). */
  files: string[];
}

/** The schema files each standard's manifest names, with what they need (copied beside the manifest). */
export const SCHEMA_FILES: Record<ScormStandard, readonly string[]> = {
  '1.2': ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  '2004': [
    'imscp_v1p1.xsd',
    'adlcp_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
    'XMLSchema.dtd',
    'datatypes.dtd',
  ],
};

export const MANIFEST_FILE = 'imsmanifest.xml';

/** Text as XML character data or an attribute value: escaped, characters XML 1.0 forbids removed. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A legal xsd:ID (an NCName): letters, digits, '.', '-', '_', never starting with a digit, '.' or '-'. */
export function xmlId(s: string): string {
  const id = s.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/** The launch address of a procedure's SCO, relative to the package's root. */
export function launchHref(scenarioId: string, several: boolean): string {
  return `index.html?${LMS_PARAM}=1${several ? `&scenario=${encodeURIComponent(scenarioId)}` : ''}`;
}

/** A file path as a relative URI: each segment percent-encoded where it must be, never absolute. */
function fileHref(path: string): string {
  const rel = path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return rel.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

/** At most n characters (the schemas' limit on a title is 200), on a whole character. */
const cut = (s: string, n: number) => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join('')}…` : s);

export function buildManifest(m: ManifestInput): string {
  if (!m.scos.length) throw new Error('A SCORM package needs at least one procedure.');
  const several = m.scos.length > 1;
  const ids = new Set<string>();
  /** A legal identifier, unique in the manifest. */
  const unique = (raw: string) => {
    const base = xmlId(raw);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
    ids.add(id);
    return id;
  };
  const manifestId = unique(m.identifier);
  const orgId = unique('ORG-salle-blanche');
  const appId = unique('RES-app');
  const scos = m.scos.map((s) => ({ ...s, item: unique(`ITEM-${s.id}`), res: unique(`RES-${s.id}`) }));
  const title = (s: string) => `<title>${xmlText(cut(s, 200))}</title>`;
  const files = [...new Set(m.files.map(fileHref))].filter((f) => f && f !== MANIFEST_FILE).sort();
  const v12 = m.standard === '1.2';
  const scormType = v12 ? 'adlcp:scormtype' : 'adlcp:scormType';

  const head = v12
    ? [
        `<manifest identifier="${manifestId}" version="1.0"`,
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
        '  <metadata>',
        '    <schema>ADL SCORM</schema>',
        '    <schemaversion>1.2</schemaversion>',
        '  </metadata>',
      ]
    : [
        `<manifest identifier="${manifestId}" version="1"`,
        '  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
        '  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
        '  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
        '  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">',
        '  <metadata>',
        '    <schema>ADL SCORM</schema>',
        '    <schemaversion>2004 4th Edition</schemaversion>',
        '  </metadata>',
      ];
  const orgAttrs = v12 ? '' : ' adlseq:objectivesGlobalToSystem="false" adlcp:sharedDataGlobalToSystem="false"';
  const items = scos.flatMap((s) => [
    `      <item identifier="${s.item}" identifierref="${s.res}" isvisible="true">`,
    `        ${title(s.title)}`,
    ...(v12
      ? []
      : [
          '        <imsss:sequencing>',
          '          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>',
          '        </imsss:sequencing>',
        ]),
    '      </item>',
  ]);
  const orgSequencing = v12 ? [] : ['      <imsss:sequencing>', '        <imsss:controlMode choice="true" flow="true"/>', '      </imsss:sequencing>'];
  const resources = [
    ...scos.flatMap((s) => [
      `    <resource identifier="${s.res}" type="webcontent" ${scormType}="sco" href="${xmlText(launchHref(s.id, several))}">`,
      '      <file href="index.html"/>',
      `      <dependency identifierref="${appId}"/>`,
      '    </resource>',
    ]),
    `    <resource identifier="${appId}" type="webcontent" ${scormType}="asset">`,
    ...files.map((f) => `      <file href="${xmlText(f)}"/>`),
    '    </resource>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...head,
    `  <organizations default="${orgId}">`,
    `    <organization identifier="${orgId}"${orgAttrs}>`,
    `      ${title(m.title)}`,
    ...items,
    ...orgSequencing,
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...resources,
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
