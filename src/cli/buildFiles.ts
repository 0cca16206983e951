/**
 * A Vite plugin that writes `build-files.json` at the build's root: the
 * app's version and every file the build wrote (the service worker's own
 * files excepted: they are written after it). A SCORM package is this build
 * plus its manifest: the CLI (src/cli/packageScorm.ts) and the instructor
 * area's "Exporter en SCORM" both read the list, the area fetching each file
 * from the service worker's cache (so it works offline) or the network.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { BUILD_FILES, type BuildFiles } from '../lms/packageBuild.ts';

/** Every file under a folder, relative to it with '/'. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function buildFiles(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'salle-blanche:build-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      handler() {
        const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
        const list: BuildFiles = { version, files: filesIn(outDir).filter((f) => f !== BUILD_FILES) };
        writeFileSync(join(outDir, BUILD_FILES), `${JSON.stringify(list, null, 1)}\n`);
      },
    },
  };
}
