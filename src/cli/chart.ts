/**
 * `npm run scenarios:chart <file> [--out chart.md] [--lang en]`: the compiled
 * machine of a scenario as a Mermaid state diagram an instructor can read
 * (phases in order with their steps, fault regions with their stages,
 * closure, passed or failed). Printed, or written to the file given by --out
 * (a `.md` file gets the diagram in a mermaid code block, ready for a README
 * or a wiki; any other name gets the bare diagram).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { prepare } from '../engine/attempt';
import { chartOf } from '../engine/chart';
import { LANGS, type Lang } from '../engine/types';
import { parseScenarioText } from '../engine/validateScenario';

const usage = 'usage: npm run scenarios:chart <scenario.json> [--out <file>] [--lang fr|en]';
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  args.splice(i, 2);
  return value;
};

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

const out = option('--out');
const lang = (option('--lang') ?? 'fr') as Lang;
if (!LANGS.includes(lang)) fail(`unknown language "${lang}"`);
if (args.length !== 1) fail('one scenario file, please');
const file = resolve(args[0]!);
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  fail(`${file}: cannot read the file (${err instanceof Error ? err.message : err})`);
}
const v = parseScenarioText(text);
if (!v.ok) {
  for (const p of v.problems) console.error(`${file}: ${p.path}: ${p.message.en}`);
  fail(`${file}: not a valid scenario (npm run scenarios:check says more)`);
}
const chart = chartOf(prepare(v.scenario), lang);
if (!out) process.stdout.write(chart);
else {
  writeFileSync(out, extname(out) === '.md' ? `\`\`\`mermaid\n${chart}\`\`\`\n` : chart);
  console.error(`written: ${out}`);
}
