/**
 * `npm run bench`, SCORM part: the size of a SCORM package (one procedure,
 * each standard) against the app's own build, both zipped by the same
 * writer (src/lms/zip.ts) and unzipped. Uses dist/ as the browser part of
 * the bench built it (builds it when dist/ has no build-files.json); writes
 * bench-results/scorm.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scenario } from '../engine/types';
import { BUILD_FILES, packageFiles, packageZip, STANDARDS, type BuildFiles } from '../lms/package';
import { zip } from '../lms/zip';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

async function main() {
  if (!existsSync(join(dist, BUILD_FILES))) {
    console.log('Building the app (vite build)…');
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const list = JSON.parse(readFileSync(join(dist, BUILD_FILES), 'utf8')) as BuildFiles;
  const read = async (p: string) => new Uint8Array(readFileSync(join(dist, p)));
  const app = await Promise.all(list.files.map(async (path) => ({ path, data: await read(path) })));
  const appBytes = app.reduce((n, e) => n + e.data.length, 0);
  const appZip = (await zip(app)).length;
  const scenario = JSON.parse(readFileSync(join(root, 'scenarios/media-preparation.json'), 'utf8')) as Scenario;
  console.log(`SCORM package of one procedure (${scenario.id}, assessment) against the app's own build (${list.files.length} files)`);
  console.log(`  app's build                 zipped ${mib(appZip)}   unzipped ${mib(appBytes)}`);
  const packages: Record<string, { zipBytes: number; bytes: number; zipRatio: number }> = {};
  for (const standard of STANDARDS) {
    const files = packageFiles({ standard, scenarios: [scenario], builtinIds: [scenario.id], mode: 'assessment', madeAt: new Date().toISOString(), appVersion: list.version }, list.files);
    let bytes = 0;
    for (const f of files) bytes += 'text' in f ? new TextEncoder().encode(f.text).length : (await read(f.from)).length;
    const zipBytes = (await packageZip(files, read)).length;
    packages[standard] = { zipBytes, bytes, zipRatio: zipBytes / appZip };
    console.log(`  package, SCORM ${standard.padEnd(4)}        zipped ${mib(zipBytes)}   unzipped ${mib(bytes)}   ratio ${(zipBytes / appZip).toFixed(2)} (zipped, against the build)`);
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'scorm.json'), `${JSON.stringify({ scenario: scenario.id, app: { files: list.files.length, bytes: appBytes, zipBytes: appZip }, packages }, null, 1)}\n`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
