/**
 * `npm run scenarios:check [files…]`: validates, compiles and explores every
 * scenario (all of scenarios/*.json by default), prints a table and exits
 * non-zero on any problem. It also warns, without failing, where the room
 * would have to make something up: a kind or a room without a drawing, a
 * state without a declared look.
 *
 * Every citation of the EU GMP guide in a scenario's texts (and, by default,
 * in locales/careers.json) is checked against the index of PE 009-17
 * (src/engine/refs/citations.ts): an unknown paragraph fails the check with
 * the file, the path of the text and the citation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { prepare } from '../engine/attempt';
import { exploreScenario } from '../engine/exploreScenario';
import { checkCitationsInJson } from '../engine/refs/citations';
import { parseScenarioText } from '../engine/validateScenario';
import { drawingWarnings } from '../game/drawings';

const dir = resolve(import.meta.dirname, '../../scenarios');
const careers = resolve(import.meta.dirname, '../../locales/careers.json');
const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => resolve(f))
  : readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => join(dir, f));

let failures = 0;
let warnings = 0;
const rows: string[][] = [['scenario', 'states explored', 'perfect-run score', 'time (ms)', 'result']];
for (const file of files) {
  const name = basename(file);
  let text: string;
  try {
    if (statSync(file).size > 2 * 1024 * 1024 * 4) throw new Error('file far too large');
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`${name}: cannot read the file (${err instanceof Error ? err.message : err})`);
    failures++;
    rows.push([name, '-', '-', '-', 'unreadable']);
    continue;
  }
  const t0 = performance.now();
  const v = parseScenarioText(text);
  if (!v.ok) {
    for (const p of v.problems) console.error(`${name}: ${p.path}: ${p.message.en}`);
    failures++;
    rows.push([name, '-', '-', (performance.now() - t0).toFixed(0), `${v.problems.length} problem(s)`]);
    continue;
  }
  const report = exploreScenario(prepare(v.scenario));
  for (const p of report.problems) console.error(`${name}: ${p.path}: ${p.message.en}`);
  const citations = checkCitationsInJson(JSON.parse(text));
  for (const c of citations) console.error(`${name}: ${c.path}: citation "${c.citation}": ${c.message}`);
  const problems = report.problems.length + citations.length;
  if (problems) failures++;
  const drawing = drawingWarnings(v.scenario);
  for (const w of drawing) console.error(`${name}: warning: ${w.path}: ${w.message.en}`);
  warnings += drawing.length;
  const result = problems ? `${problems} problem(s)` : 'ok';
  rows.push([v.scenario.id, String(report.states), `${report.perfectScore}/100`, (performance.now() - t0).toFixed(0), drawing.length ? `${result}, ${drawing.length} warning(s)` : result]);
}
// the career-day texts cite the guide too
const careerCitations = args.length ? [] : checkCitationsInJson(JSON.parse(readFileSync(careers, 'utf8')));
for (const c of careerCitations) console.error(`careers.json: ${c.path}: citation "${c.citation}": ${c.message}`);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(failures ? `\n${failures} scenario(s) failed the check.` : `\nAll ${files.length} scenario(s) are sound.`);
if (careerCitations.length) console.log(`locales/careers.json: ${careerCitations.length} citation problem(s) (see above).`);
if (warnings) console.log(`${warnings} warning(s) on how the room draws them (see above): the check still passes.`);
process.exit(failures || careerCitations.length ? 1 : 0);
