/**
 * `npm run scenarios:check [files…]`: validates, compiles and explores every
 * scenario (all of scenarios/*.json by default), prints a table and exits
 * non-zero on any problem. It also warns, without failing, where the room
 * would have to make something up: a kind or a room without a drawing, a
 * state without a declared look; and of an object that starts absent and
 * that nothing ever brings into the room.
 *
 * Every citation of the EU GMP guide in a scenario's texts (and, by default,
 * in locales/careers.json) is checked against the index of PE 009-17
 * (src/engine/refs/citations.ts): an unknown paragraph fails the check with
 * the file, the path of the text and the citation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { prepare } from '../engine/attempt';
import { exploreScenario } from '../engine/exploreScenario';
import { absenceWarnings } from '../engine/look';
import { checkCitationsInJson } from '../engine/refs/citations';
import { parseScenarioText } from '../engine/validateScenario';
import { drawingWarnings } from '../game/drawings';

const dir = resolve(import.meta.dirname, '../../scenarios');
const careers = resolve(import.meta.dirname, '../../locales/careers.json');

/** What the check of one file found: the lines to print, in order, and its row of the table. */
interface FileReport {
  errors: string[];
  row: string[];
  failed: boolean;
  warnings: number;
}

function checkFile(file: string): FileReport {
  const name = basename(file);
  const errors: string[] = [];
  let text: string;
  try {
    if (statSync(file).size > 2 * 1024 * 1024 * 4) throw new Error('file far too large');
    text = readFileSync(file, 'utf8');
  } catch (err) {
    errors.push(`${name}: cannot read the file (${err instanceof Error ? err.message : err})`);
    return { errors, row: [name, '-', '-', '-', 'unreadable'], failed: true, warnings: 0 };
  }
  const t0 = performance.now();
  const v = parseScenarioText(text);
  if (!v.ok) {
    for (const p of v.problems) errors.push(`${name}: ${p.path}: ${p.message.en}`);
    return { errors, row: [name, '-', '-', (performance.now() - t0).toFixed(0), `${v.problems.length} problem(s)`], failed: true, warnings: 0 };
  }
  const report = exploreScenario(prepare(v.scenario));
  for (const p of report.problems) errors.push(`${name}: ${p.path}: ${p.message.en}`);
  const citations = checkCitationsInJson(JSON.parse(text));
  for (const c of citations) errors.push(`${name}: ${c.path}: citation "${c.citation}": ${c.message.en}`);
  const problems = report.problems.length + citations.length;
  const drawing = [...drawingWarnings(v.scenario), ...absenceWarnings(v.scenario)];
  for (const w of drawing) errors.push(`${name}: warning: ${w.path}: ${w.message.en}`);
  const result = problems ? `${problems} problem(s)` : 'ok';
  return {
    errors,
    row: [v.scenario.id, String(report.states), `${report.perfectScore}/100`, (performance.now() - t0).toFixed(0), drawing.length ? `${result}, ${drawing.length} warning(s)` : result],
    failed: problems > 0,
    warnings: drawing.length,
  };
}

/**
 * The files checked on as many threads as the machine has cores (at most one per file): exploring the
 * larger scenarios takes seconds each. Reports come back in the order of the files.
 */
async function checkAll(files: string[]): Promise<FileReport[]> {
  const threads = Math.min(files.length, availableParallelism());
  if (threads <= 1) return files.map(checkFile);
  const reports: FileReport[] = new Array(files.length);
  let next = 0;
  // a worker runs this same file through tsx's loader, as the command itself does
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
      const worker = new Worker(code, { eval: true, workerData: { checker: true, files } });
      const give = () => {
        if (next >= files.length) return void worker.terminate().then(() => done());
        worker.postMessage(next++);
      };
      worker.on('message', (m: { index: number; report: FileReport } | 'ready') => {
        if (m !== 'ready') reports[m.index] = m.report;
        give();
      });
      worker.on('error', fail);
    })),
  );
  return reports;
}

const job = workerData as { checker?: boolean; files: string[] } | null;
if (!isMainThread && job?.checker) {
  const port = parentPort!;
  port.on('message', (index: number) => port.postMessage({ index, report: checkFile(job.files[index]!) }));
  port.postMessage('ready');
} else if (isMainThread) {
  await main();
}

function files(): string[] {
  const args = process.argv.slice(2);
  return args.length
    ? args.map((f) => resolve(f))
    : readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => join(dir, f));
}

async function main() {
  const args = process.argv.slice(2);
  const list = files();
  let failures = 0;
  let warnings = 0;
  const rows: string[][] = [['scenario', 'states explored', 'perfect-run score', 'time (ms)', 'result']];
  for (const r of await checkAll(list)) {
    for (const e of r.errors) console.error(e);
    if (r.failed) failures++;
    warnings += r.warnings;
    rows.push(r.row);
  }
  // the career-day texts cite the guide too
  const careerCitations = args.length ? [] : checkCitationsInJson(JSON.parse(readFileSync(careers, 'utf8')));
  for (const c of careerCitations) console.error(`careers.json: ${c.path}: citation "${c.citation}": ${c.message.en}`);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(failures ? `\n${failures} scenario(s) failed the check.` : `\nAll ${list.length} scenario(s) are sound.`);
  if (careerCitations.length) console.log(`locales/careers.json: ${careerCitations.length} citation problem(s) (see above).`);
  // a warning alone does not fail the check; say so only when nothing else did
  if (warnings) console.log(`${warnings} warning(s) on how the room draws them (see above)${failures || careerCitations.length ? '.' : ': the check still passes.'}`);
  process.exit(failures || careerCitations.length ? 1 : 0);
}
