/**
 * `npm run package:scorm`: bad options are refused with a sentence before
 * anything is built; the packages written from a build are one zip per
 * standard and procedure (or one per standard with --one-package), each
 * beside its unzipped folder, holding the app, lms.json, the manifest and
 * the standard's schema files at the root, and no service worker.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinScenarios, parseArgs, writePackages, type PackageArgs } from '../../src/cli/packageScorm';
import { packageProblems } from '../../src/lms/package';
import { unzip } from '../../src/lms/zip';

const root = resolve(import.meta.dirname, '../..');
const known = builtinScenarios(root);
const work = mkdtempSync(join(tmpdir(), 'package-scorm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const args = (argv: string[]): PackageArgs => {
  const r = parseArgs(argv);
  if ('problems' in r) throw new Error(r.problems.join(' '));
  return { ...r.args, out: join(work, 'out') };
};
const problemsOf = (argv: string[]) => {
  const r = parseArgs(argv);
  if ('problems' in r) return r.problems;
  const a = r.args;
  return packageProblems({ scenarioIds: a.scenarioIds.length ? a.scenarioIds : known.map((s) => s.id), mode: a.mode, passMark: a.passMark, fault: a.fault }, known);
};

/** A small stand-in for `vite build`'s output, with its build-files.json. */
function fakeBuild(): string {
  const dir = join(work, 'build');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index-A1.js"></script>');
  writeFileSync(join(dir, 'assets/index-A1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.x = 1');
  cpSync(join(root, 'assets/scorm'), join(dir, 'scorm'), { recursive: true });
  const files = ['assets/index-A1.js', 'index.html', 'sw.js', 'scorm/1.2/imscp_rootv1p1p2.xsd'];
  writeFileSync(join(dir, 'build-files.json'), JSON.stringify({ version: '9.8.7', files }));
  return dir;
}

describe('npm run package:scorm', () => {
  it('refuses bad options with a sentence that names them', () => {
    expect(problemsOf(['--scenario', 'gowning', '--mode', 'assessment', '--pass-mark', '80'])).toEqual([]);
    expect(problemsOf(['--scenario', 'gowning', '--fault', 'torn-glove'])).toEqual([]);
    expect(problemsOf(['--scenario', 'sterilisation'])).toEqual([expect.stringContaining('Unknown scenario "sterilisation"')]);
    expect(problemsOf(['--pass-mark', '101'])).toEqual([expect.stringContaining('from 0 to 100 (got 101)')]);
    expect(problemsOf(['--pass-mark', '-1'])).toEqual([expect.stringContaining('from 0 to 100 (got -1)')]);
    expect(problemsOf(['--pass-mark', 'eighty'])).toEqual([expect.stringContaining('from 0 to 100 (got "eighty")')]);
    expect(problemsOf(['--scenario', 'gowning', '--fault', 'expired-lot'])).toEqual([expect.stringContaining('The fault "expired-lot" is not a fault of "gowning"')]);
    expect(problemsOf(['--mode', 'discovery', '--scenario', 'gowning'])).toEqual([expect.stringContaining('"training" or "assessment"')]);
    expect(problemsOf(['--standard', '2.0'])).toEqual(['Unknown standard "2.0": choose 1.2, 2004 or both.']);
    expect(problemsOf(['--scenario'])).toEqual(['--scenario needs a value.']);
    expect(problemsOf(['--zip'])).toEqual(['Unknown option "--zip".']);
  });

  it('writes one zip per standard and procedure, beside its folder, with the app, lms.json, the manifest and the schemas', async () => {
    const build = fakeBuild();
    const a = args(['--scenario', 'media-preparation', '--scenario', 'gowning', '--mode', 'assessment', '--pass-mark', '75']);
    const written = await writePackages(a, build, known, new Date('2026-12-02T09:00:00Z'));
    expect(written.map((w) => w.name)).toEqual([
      'media-preparation_scorm-1.2_evaluation',
      'gowning_scorm-1.2_evaluation',
      'media-preparation_scorm-2004_evaluation',
      'gowning_scorm-2004_evaluation',
    ]);
    const entries = await unzip(new Uint8Array(readFileSync(join(a.out, 'gowning_scorm-2004_evaluation.zip'))));
    const names = entries.map((e) => e.path);
    expect(names[0]).toBe('imsmanifest.xml');
    expect(names).toEqual(expect.arrayContaining(['index.html', 'assets/index-A1.js', 'lms.json', 'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'imsss_v1p0.xsd', 'xml.xsd']));
    expect(names.filter((n) => n === 'sw.js' || n.startsWith('scorm/') || n === 'build-files.json')).toEqual([]);
    const config = JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'lms.json')!.data));
    expect(config).toEqual({
      standard: '2004',
      scenarioIds: ['gowning'],
      mode: 'assessment',
      passMark: 75,
      title: 'Habillage pour la zone B, entrée et sortie (évaluation)',
      madeAt: '2026-12-02T09:00:00.000Z',
      appVersion: '9.8.7',
    });
    // the unzipped folder holds the same files
    for (const n of names) expect(existsSync(join(a.out, 'gowning_scorm-2004_evaluation', n)), n).toBe(true);
    expect(readFileSync(join(a.out, 'gowning_scorm-2004_evaluation', 'index.html'), 'utf8')).toContain('./assets/index-A1.js');
  });

  it('puts every chosen procedure in one package per standard with --one-package, a fault forced', async () => {
    const build = fakeBuild();
    const a = args(['--scenario', 'gowning', '--scenario', 'discovery', '--standard', '1.2', '--mode', 'training', '--fault', 'torn-glove', '--one-package']);
    const written = await writePackages(a, build, known);
    expect(written.map((w) => w.name)).toEqual(['salle-blanche-2-procedures_scorm-1.2_entrainement']);
    const entries = await unzip(new Uint8Array(readFileSync(written[0]!.zip)));
    const manifest = new TextDecoder().decode(entries.find((e) => e.path === 'imsmanifest.xml')!.data);
    expect(manifest).toContain('href="index.html?lms=1&amp;scenario=gowning"');
    expect(manifest).toContain('href="index.html?lms=1&amp;scenario=discovery"');
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imsmd_rootv1p2p1.xsd']));
    const config = JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'lms.json')!.data));
    expect(config).toMatchObject({ standard: '1.2', scenarioIds: ['gowning', 'discovery'], mode: 'training', forcedFault: 'torn-glove', title: 'Salle blanche : 2 procédures (entraînement)' });
    expect(config.passMark).toBeUndefined();
  });
});
