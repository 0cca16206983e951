/**
 * `npm run package:scorm`: builds the app once, then writes under
 * `dist-scorm/` one SCORM package per standard and procedure (or one per
 * standard holding every chosen procedure, with --one-package): the zip to
 * upload to the LMS and, beside it, the same files unzipped.
 *
 *   npm run package:scorm -- --scenario media-preparation --mode assessment --pass-mark 80
 *
 * See `--help`, and README "Dans un LMS : les paquets SCORM".
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Scenario } from '../engine/types';
import type { ScormStandard } from '../lms/config';
import { BUILD_FILES, packageFiles, packageName, packageProblems, packageZip, STANDARDS, type BuildFiles, type PackageMode } from '../lms/package';

export const USAGE = `npm run package:scorm -- [options]

Builds the app, then writes SCORM packages under dist-scorm/ (a .zip for the LMS and the same files unzipped beside it).
  --scenario <id>        a built-in procedure to package (repeat for several; default: all of them)
  --standard 1.2|2004|both   SCORM 1.2, SCORM 2004 4th edition, or one package of each (default: both)
  --mode training|assessment training reports completion only; assessment reports the score and passed/failed (default: assessment)
  --pass-mark <0-100>    the pass mark in points out of 100 (default: each procedure's own)
  --fault <id>           a fault forced on every attempt (a fault of every chosen procedure; default: drawn at random)
  --one-package          all chosen procedures in one package, one SCO each (default: one package per procedure, so each is its own gradebook column)
  --from <folder>        package this existing build instead of building (it must hold build-files.json)
  --out <folder>         where to write (default: dist-scorm)`;

export interface PackageArgs {
  scenarioIds: string[];
  standards: ScormStandard[];
  mode: string;
  passMark?: number;
  fault?: string;
  onePackage: boolean;
  from?: string;
  out: string;
  help: boolean;
}

/** The command line read, or the sentences that say what is wrong with it. */
export function parseArgs(argv: readonly string[]): { args: PackageArgs } | { problems: string[] } {
  const args: PackageArgs = { scenarioIds: [], standards: [...STANDARDS], mode: 'assessment', onePackage: false, out: 'dist-scorm', help: false };
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) {
        problems.push(`${flag} needs a value.`);
        return undefined;
      }
      i++;
      return v;
    };
    switch (flag) {
      case '--scenario': {
        const v = value();
        if (v) args.scenarioIds.push(v);
        break;
      }
      case '--standard': {
        const v = value();
        if (v === 'both') args.standards = [...STANDARDS];
        else if (v === '1.2' || v === '2004') args.standards = [v];
        else if (v !== undefined) problems.push(`Unknown standard "${v}": choose 1.2, 2004 or both.`);
        break;
      }
      case '--mode': {
        const v = value();
        if (v !== undefined) args.mode = v;
        break;
      }
      case '--pass-mark': {
        const v = value();
        if (v === undefined) break;
        const n = /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
        if (Number.isNaN(n)) problems.push(`The pass mark must be a whole number of points from 0 to 100 (got "${v}").`);
        else args.passMark = n;
        break;
      }
      case '--fault': {
        const v = value();
        if (v !== undefined) args.fault = v;
        break;
      }
      case '--one-package':
        args.onePackage = true;
        break;
      case '--from': {
        const v = value();
        if (v !== undefined) args.from = v;
        break;
      }
      case '--out': {
        const v = value();
        if (v !== undefined) args.out = v;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        problems.push(`Unknown option "${flag}".`);
    }
  }
  return problems.length ? { problems } : { args };
}

/** The built-in procedures, from scenarios/. */
export function builtinScenarios(root: string): Scenario[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);
}

export interface Written {
  name: string;
  zip: string;
  dir: string;
  bytes: number;
}

/** Writes the packages the arguments ask for from a build folder; returns what it wrote. */
export async function writePackages(args: PackageArgs, buildDir: string, known: readonly Scenario[], now = new Date()): Promise<Written[]> {
  const list = JSON.parse(readFileSync(join(buildDir, BUILD_FILES), 'utf8')) as BuildFiles;
  const chosen = args.scenarioIds.length ? args.scenarioIds.map((id) => known.find((s) => s.id === id)!) : [...known];
  const groups = args.onePackage ? [chosen] : chosen.map((s) => [s]);
  const written: Written[] = [];
  mkdirSync(args.out, { recursive: true });
  for (const standard of args.standards) {
    for (const scenarios of groups) {
      const choice = {
        standard,
        scenarios,
        builtinIds: known.map((s) => s.id),
        mode: args.mode as PackageMode,
        ...(args.passMark !== undefined ? { passMark: args.passMark } : {}),
        ...(args.fault ? { forcedFault: args.fault } : {}),
        madeAt: now.toISOString(),
        appVersion: list.version,
      };
      const name = packageName(choice);
      const files = packageFiles(choice, list.files);
      const dir = join(args.out, name);
      rmSync(dir, { recursive: true, force: true });
      for (const f of files) {
        const target = join(dir, f.path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, 'text' in f ? f.text : readFileSync(join(buildDir, f.from)));
      }
      const bytes = await packageZip(files, async (p) => new Uint8Array(readFileSync(join(buildDir, p))), now);
      const zipPath = join(args.out, `${name}.zip`);
      writeFileSync(zipPath, bytes);
      written.push({ name, zip: zipPath, dir, bytes: bytes.length });
    }
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('problems' in parsed) {
    for (const p of parsed.problems) console.error(p);
    console.error(`\n${USAGE}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const root = resolve(import.meta.dirname, '../..');
  const known = builtinScenarios(root);
  const problems = packageProblems({ scenarioIds: args.scenarioIds.length ? args.scenarioIds : known.map((s) => s.id), mode: args.mode, passMark: args.passMark, fault: args.fault }, known);
  if (problems.length) {
    for (const p of problems) console.error(p);
    return 2;
  }
  let buildDir = args.from ? resolve(args.from) : join(resolve(args.out), '.app-build');
  if (!args.from) {
    console.log('Building the app (vite build)…');
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn', build: { outDir: buildDir, emptyOutDir: true } });
  }
  buildDir = resolve(buildDir);
  for (const w of await writePackages(args, buildDir, known)) console.log(`${w.zip}  ${(w.bytes / 1024 / 1024).toFixed(2)} MB   (unzipped: ${w.dir}/)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
