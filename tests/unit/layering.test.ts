/**
 * Which part of the source may use which, read from the files themselves
 * (every `import … from`, `export … from`, `import '…'`, `import('…')` and
 * `new URL('…', import.meta.url)`, relative paths resolved; type-only imports
 * count too):
 *  - src/engine, and whatever it imports, runs without a page or a store
 *    (Node's checker, the tests and a web worker use it): no phaser, no idb,
 *    nothing of src/ui, src/game, src/store or src/app, no document, window,
 *    localStorage, sessionStorage or indexedDB;
 *  - src/ui and src/game never reach into src/store (the app passes them
 *    what they show);
 *  - src/app is the top: only src/app itself and index.html's entry
 *    (src/app/main.ts) import it (the tests may, to test it);
 *  - src/lms (the runtime inside an LMS) uses the engine, the ui and the
 *    game, never src/store nor idb (a package keeps nothing in the browser);
 *    main.ts loads its boot.ts only on demand (its own chunk);
 *  - nothing under src imports tests.
 * Each failure names the file, the line and the import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Every file under a folder of the repository, as repository paths ("src/engine/judge.ts"). */
function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (ext.test(name)) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** The code without its comments; with `blankStrings`, without the text of its strings either. */
function code(text: string, blankStrings = false): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) => {
    if (m.startsWith('/')) return m.replace(/[^\n]/g, ' ');
    return blankStrings ? m[0] + m.slice(1, -1).replace(/[^\n]/g, ' ') + m[0] : m;
  });
}

interface Import {
  /** The importing file. */
  file: string;
  line: number;
  /** As written. */
  spec: string;
  /** A repository path for a file of the project, else the package's name ("phaser", "@playwright/test", "node:fs"). */
  target: string;
}

function resolveSpec(file: string, spec: string): string {
  if (!spec.startsWith('.') && !spec.startsWith('/')) {
    const parts = spec.split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  const base = spec.startsWith('/') ? join(root, spec) : resolve(root, dirname(file), spec);
  const found = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
  return relative(root, found ?? base).split('\\').join('/');
}

/** What a source file (or an HTML page, by its scripts) of that text imports. */
function importsIn(file: string, text: string): Import[] {
  const html = file.endsWith('.html');
  const patterns = html
    ? [/<script\b[^>]*\bsrc\s*=\s*(["'])([^"']+)\1/g]
    : [
        /^[ \t]*(?:import|export)\b[^;]*?\bfrom\s*(['"])([^'"\n]*)\1/gm,
        /^[ \t]*import\s*(['"])([^'"\n]*)\1/gm,
        /\bimport\s*\(\s*(['"`])([^'"`\n]*)\1\s*\)/g,
        /\bnew\s+URL\s*\(\s*(['"`])([^'"`\n]*)\1\s*,\s*import\.meta\.url\s*\)/g,
      ];
  // found in the code with its strings blanked (so that a string or comment that reads like an import is not one), read in the code as written
  const kept = html ? text : code(text);
  const searched = html ? text : code(text, true);
  const list: Import[] = [];
  for (const re of patterns) {
    for (const m of searched.matchAll(re)) {
      const at = m.index! + m[0].lastIndexOf(m[1]! + m[2]! + m[1]!) + 1;
      const spec = kept.slice(at, at + m[2]!.length);
      list.push({ file, line: kept.slice(0, at).split('\n').length, spec, target: resolveSpec(file, spec) });
    }
  }
  return list.sort((a, b) => a.line - b.line);
}

const cache = new Map<string, Import[]>();
const importsOf = (file: string): Import[] => {
  if (!cache.has(file)) cache.set(file, importsIn(file, readFileSync(join(root, file), 'utf8')));
  return cache.get(file)!;
};

const say = (i: Import) => `${i.file}:${i.line} imports '${i.spec}'${i.target !== i.spec ? ` (${i.target})` : ''}`;

const sources = filesUnder('src', /\.(ts|js|mjs)$/);
const pages = ['index.html', ...filesUnder('src', /\.html$/)];

describe('the import reader', () => {
  // so that an empty answer below means "no such import", not "nothing read"
  it('finds imports of every form, relative paths resolved, and where they are', () => {
    const judge = importsOf('src/engine/judge.ts');
    expect(judge).toContainEqual(expect.objectContaining({ spec: './conditions', target: 'src/engine/conditions.ts' }));
    expect(judge.map((i) => i.target)).toContain('src/engine/types.ts'); // `import type`
    expect(importsOf('src/engine/attempt.ts')).toContainEqual(expect.objectContaining({ target: 'xstate' }));
    const main = importsOf('src/app/main.ts');
    expect(main).toContainEqual(expect.objectContaining({ spec: './instructorArea', target: 'src/app/instructorArea.ts' })); // import()
    expect(importsOf('src/app/scenarioCheck.ts')).toContainEqual(expect.objectContaining({ target: 'src/app/scenarioCheck.worker.ts' })); // a worker
    expect(importsOf('src/game/index.ts').map((i) => i.target)).toContain('src/game/startGame.ts');
    expect(importsOf('index.html')).toEqual([expect.objectContaining({ spec: '/src/app/main.ts', target: 'src/app/main.ts' })]);
    const line = readFileSync(join(root, 'src/engine/judge.ts'), 'utf8').split('\n').findIndex((l) => l.includes("from './conditions'")) + 1;
    expect(judge.find((i) => i.spec === './conditions')!.line).toBe(line);
  });

  it('does not read imports in comments or strings, nor globals there', () => {
    const text = [
      "// import x from 'phaser';",
      "/* import('idb') */",
      "const s = \"import y from 'idb'\";",
      'const t = `import(\'idb\') in a document`;',
      "import { h } from '../ui/dom';",
    ].join('\n');
    expect(importsIn('src/engine/x.ts', text)).toEqual([{ file: 'src/engine/x.ts', line: 5, spec: '../ui/dom', target: 'src/ui/dom.ts' }]);
    expect(code(text, true)).not.toMatch(/idb|phaser|document/);
  });
});

describe('layers', () => {
  it('src/engine, and all it imports, needs no page and no storage', () => {
    const forbidden = (target: string) =>
      ['phaser', 'idb'].includes(target) || ['src/ui', 'src/game', 'src/store', 'src/app'].some((d) => under(target, d));
    const problems: string[] = [];
    // every file the engine reaches, with the chain of imports that reaches it ("src/engine/a.ts → ")
    const reached = new Map<string, string>(sources.filter((f) => under(f, 'src/engine')).map((f) => [f, '']));
    const queue = [...reached.keys()];
    while (queue.length) {
      const file = queue.shift()!;
      const chain = reached.get(file)!;
      for (const i of importsOf(file)) {
        if (forbidden(i.target)) problems.push(chain + say(i));
        else if (/\.(ts|js|mjs)$/.test(i.target) && existsSync(join(root, i.target)) && !reached.has(i.target)) {
          reached.set(i.target, `${chain}${file} → `);
          queue.push(i.target);
        }
      }
    }
    for (const [file, chain] of reached) {
      code(readFileSync(join(root, file), 'utf8'), true)
        .split('\n')
        .forEach((l, n) => {
          const g = /(?<![\w$.])(?:globalThis\.|self\.)?(document|window|localStorage|sessionStorage|indexedDB)\b(?!\s*\??:)/.exec(l);
          if (g) problems.push(`${chain}${file}:${n + 1} uses the global ${g[1]}`);
        });
    }
    expect(reached.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('src/ui and src/game never import src/store', () => {
    const problems = sources
      .filter((f) => under(f, 'src/ui') || under(f, 'src/game'))
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/store'))
      .map(say);
    expect(problems).toEqual([]);
  });

  it("only src/app itself and index.html's entry import src/app", () => {
    const importers = [...sources.filter((f) => !under(f, 'src/app')), ...pages, 'vite.config.ts'];
    const problems = importers
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/app') && !(i.file === 'index.html' && i.target === 'src/app/main.ts'))
      .map(say);
    expect(problems).toEqual([]);
  });

  it('src/lms never imports src/store nor idb, and main.ts loads src/lms/boot.ts only on demand', () => {
    const problems = sources
      .filter((f) => under(f, 'src/lms'))
      .flatMap(importsOf)
      .filter((i) => i.target === 'idb' || under(i.target, 'src/store'))
      .map(say);
    expect(problems).toEqual([]);
    const main = code(readFileSync(join(root, 'src/app/main.ts'), 'utf8'));
    if (existsSync(join(root, 'src/lms/boot.ts'))) expect(main).toMatch(/\bimport\s*\(\s*'\.\.\/lms\/boot'\s*\)/);
    expect(main).not.toMatch(/^[ \t]*import\b[^;(]*?\bfrom\s*'\.\.\/lms\/boot'/m);
  });

  it('nothing under src imports tests', () => {
    const problems = [...sources, ...pages.filter((p) => under(p, 'src'))]
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'tests'))
      .map(say);
    expect(problems).toEqual([]);
  });
});
