/**
 * What goes in a SCORM package, the same for the CLI (src/cli/packageScorm.ts)
 * and the instructor area's "Exporter en SCORM": the app's build (as
 * `build-files.json` lists it, less the service worker and the schema
 * folder), then at the root `lms.json`, `imsmanifest.xml` and the schema
 * files of the standard. Pure: the caller reads the build's files (from disk,
 * or from the service worker's cache or the network) and writes the zip.
 */
import { isPassMark } from '../engine/score';
import type { Mode, Scenario } from '../engine/types';
import { LMS_CONFIG_FILE, type LmsConfig, type ScormStandard } from './config';
import { buildManifest, MANIFEST_FILE, SCHEMA_FILES } from './manifest';
import { BUILD_FILES } from './packageBuild';
import { zip, type ZipEntry } from './zip';

export const STANDARDS: readonly ScormStandard[] = ['1.2', '2004'];
export type PackageMode = Extract<Mode, 'training' | 'assessment'>;
export const PACKAGE_MODES: readonly PackageMode[] = ['training', 'assessment'];

export { BUILD_FILES, type BuildFiles } from './packageBuild';

/** Where the build keeps each standard's schema files (vendored in assets/scorm/, see README). */
export const schemaPath = (standard: ScormStandard, file: string) => `scorm/${standard}/${file}`;

/** Files of the build a package leaves out: the service worker (an LMS serves the package), the schema folder (the standard's files go to the root), the list itself. */
export function isPackagedAppFile(path: string): boolean {
  return !(path === BUILD_FILES || path.startsWith('scorm/') || path === 'sw.js' || path === 'registerSW.js' || /^workbox-[^/]*\.js$/.test(path) || path.endsWith('.map'));
}

export interface PackageChoice {
  standard: ScormStandard;
  /** The procedures of the package, one SCO each, in this order. */
  scenarios: Scenario[];
  /** Which of them are built into the app (the others are carried whole in lms.json). */
  builtinIds: readonly string[];
  mode: PackageMode;
  passMark?: number;
  forcedFault?: string;
  /** ISO time the package is made. */
  madeAt: string;
  appVersion: string;
}

const MODE_FR: Record<PackageMode, string> = { training: 'entraînement', assessment: 'évaluation' };
const MODE_FILE: Record<PackageMode, string> = { training: 'entrainement', assessment: 'evaluation' };

/** The package's title (French, as the LMS shows it): the procedure's, or how many, and the mode. */
export function packageTitle(scenarios: readonly Scenario[], mode: PackageMode): string {
  const what = scenarios.length === 1 ? scenarios[0]!.title.fr : `Salle blanche : ${scenarios.length} procédures`;
  return `${what} (${MODE_FR[mode]})`;
}

/** The package's file name, without ".zip": procedure (or how many), standard, mode, and the day when given. */
export function packageName(c: Pick<PackageChoice, 'scenarios' | 'standard' | 'mode'>, day?: string): string {
  const what = c.scenarios.length === 1 ? c.scenarios[0]!.id : `salle-blanche-${c.scenarios.length}-procedures`;
  return [what, `scorm-${c.standard}`, MODE_FILE[c.mode], day].filter(Boolean).join('_');
}

export function lmsConfigOf(c: PackageChoice): LmsConfig {
  const carried = c.scenarios.filter((s) => !c.builtinIds.includes(s.id));
  return {
    standard: c.standard,
    scenarioIds: c.scenarios.map((s) => s.id),
    mode: c.mode,
    ...(c.passMark !== undefined ? { passMark: c.passMark } : {}),
    ...(c.forcedFault ? { forcedFault: c.forcedFault } : {}),
    ...(carried.length ? { scenarios: carried } : {}),
    title: packageTitle(c.scenarios, c.mode),
    madeAt: c.madeAt,
    appVersion: c.appVersion,
  };
}

/** The package's files: where each goes, and either its text or the build file it is read from. */
export type PackageFile = { path: string; text: string } | { path: string; from: string };

export function packageFiles(c: PackageChoice, buildFiles: readonly string[]): PackageFile[] {
  const app = buildFiles.filter(isPackagedAppFile);
  if (!app.includes('index.html')) throw new Error('The build has no index.html: build the app first.');
  const config = lmsConfigOf(c);
  const manifest = buildManifest({
    standard: c.standard,
    identifier: `salle-blanche.${c.standard}.${c.mode}.${c.scenarios.map((s) => s.id).join('.')}`,
    title: config.title,
    scos: c.scenarios.map((s) => ({ id: s.id, title: s.title.fr })),
    files: [...app, LMS_CONFIG_FILE],
  });
  return [
    ...app.map((path) => ({ path, from: path })),
    { path: LMS_CONFIG_FILE, text: `${JSON.stringify(config, null, 1)}\n` },
    { path: MANIFEST_FILE, text: manifest },
    ...SCHEMA_FILES[c.standard].map((f) => ({ path: f, from: schemaPath(c.standard, f) })),
  ];
}

/** Reads what each file needs and zips the package (the manifest first, as some LMSs look for it there). */
export async function packageZip(files: readonly PackageFile[], read: (buildPath: string) => Promise<Uint8Array>, date?: Date): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const ordered = [...files].sort((a, b) => Number(b.path === MANIFEST_FILE) - Number(a.path === MANIFEST_FILE));
  const entries: ZipEntry[] = [];
  for (const f of ordered) entries.push({ path: f.path, data: 'text' in f ? encoder.encode(f.text) : await read(f.from) });
  return zip(entries, { date });
}

export interface PackageRequest {
  scenarioIds: string[];
  mode: string;
  passMark?: number;
  fault?: string;
}

/** Why the request cannot be packaged (English sentences for the CLI; the instructor area's form cannot make these mistakes), or nothing. */
export function packageProblems(r: PackageRequest, known: readonly Scenario[]): string[] {
  const problems: string[] = [];
  if (!PACKAGE_MODES.includes(r.mode as PackageMode)) problems.push(`Unknown mode "${r.mode}": a SCORM package is "training" or "assessment".`);
  if (r.passMark !== undefined && !isPassMark(r.passMark)) problems.push(`The pass mark must be a whole number of points from 0 to 100 (got ${r.passMark}).`);
  const found: Scenario[] = [];
  for (const id of r.scenarioIds) {
    const s = known.find((x) => x.id === id);
    if (s) found.push(s);
    else problems.push(`Unknown scenario "${id}". Known: ${known.map((x) => x.id).join(', ')}.`);
  }
  if (!r.scenarioIds.length) problems.push('No scenario to package.');
  if (r.fault) for (const s of found) if (!s.faults.some((f) => f.id === r.fault)) problems.push(`The fault "${r.fault}" is not a fault of "${s.id}" (its faults: ${s.faults.map((f) => f.id).join(', ') || 'none'}).`);
  return problems;
}
