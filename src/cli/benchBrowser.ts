/**
 * `npm run bench`, browser part: figures measured in the system Chromium,
 * each against a baseline measured in the same run. Builds the app and the
 * bench pages (src/cli/bench/*.html), serves them with `vite preview`, and
 * writes bench-results/browser.json.
 *  - autosave latency per event over a 500-event attempt (median, p95),
 *    against a bare idb put per event; the time to read that attempt back
 *    and rebuild it by replay, against the minimal xstate machine;
 *  - the cached (offline) reload to interactive, against the first load;
 *  - the cleanroom (when the bench page for the room exists): see room.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumPath } from '../../tests/e2e/chromiumPath';

const root = resolve(import.meta.dirname, '../..');
const pagesDir = join(root, 'bench-results', 'pages');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number, d = 1) => x.toFixed(d);

async function serve(outDir: string, port: number, configFile: string | false): Promise<PreviewServer> {
  return preview({ root, configFile, logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
}

async function buildAll() {
  console.log('building the app and the bench pages…');
  await build({ root, logLevel: 'warn' });
  await build({
    configFile: false,
    root: join(root, 'src/cli/bench'),
    base: './',
    logLevel: 'warn',
    build: { outDir: pagesDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000, rollupOptions: { input: { autosave: join(root, 'src/cli/bench/autosave.html') } } },
  });
}

async function autosave(browser: Browser, base: string) {
  const page = await browser.newPage();
  await page.goto(`${base}/autosave.html`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  const r = await page.evaluate(() => (window as unknown as { runBench(n: number): Promise<unknown> }).runBench(500));
  await page.close();
  return r as {
    events: number;
    stored: number;
    autosave: { medianMs: number; p95Ms: number; syncMedianMs: number; syncP95Ms: number };
    bareIdbPut: { medianMs: number; p95Ms: number };
    replay: { readMs: number; firstReplayMs: number; bestReplayMs: number; minimalMachineMs: number; score: number };
  };
}

/** Navigation to the profile screen being usable, first load (nothing cached) and then reload offline from the service worker. */
async function offlineReload(browser: Browser, base: string) {
  const first: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    let t0 = performance.now();
    await page.goto(`${base}/`);
    await page.locator('#profile-name').waitFor();
    first.push(performance.now() - t0);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    t0 = performance.now();
    await page.reload();
    await page.locator('#profile-name').waitFor();
    cached.push(performance.now() - t0);
    await context.close();
  }
  return { rounds: ROUNDS, firstLoadMs: median(first), offlineReloadMs: median(cached), ratio: median(cached) / median(first), all: { first, cached } };
}

async function main() {
  await buildAll();
  const app = await serve(join(root, 'dist'), 4190, join(root, 'vite.config.ts'));
  const pages = await serve(pagesDir, 4191, false);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const a = await autosave(browser, 'http://127.0.0.1:4191');
    console.log(`\nautosave, ${a.events}-event attempt in IndexedDB (each event written and awaited):`);
    console.log(`  store.appendEvent + flush   median ${f(a.autosave.medianMs, 2)} ms   p95 ${f(a.autosave.p95Ms, 2)} ms`);
    console.log(`  baseline: bare idb put      median ${f(a.bareIdbPut.medianMs, 2)} ms   p95 ${f(a.bareIdbPut.p95Ms, 2)} ms   ratio (median) ${f(a.autosave.medianMs / a.bareIdbPut.medianMs, 2)}`);
    console.log(`  what the tap waits for (appendEvent, journal included)   median ${f(a.autosave.syncMedianMs, 3)} ms   p95 ${f(a.autosave.syncP95Ms, 3)} ms`);
    console.log(`replay of that attempt: read ${f(a.replay.readMs)} ms, first replay ${f(a.replay.firstReplayMs)} ms, best ${f(a.replay.bestReplayMs)} ms; minimal machine, same events ${f(a.replay.minimalMachineMs, 2)} ms (ratio ${f(a.replay.bestReplayMs / a.replay.minimalMachineMs)})`);

    const o = await offlineReload(browser, 'http://127.0.0.1:4190');
    console.log(`\nfirst load to interactive (median of ${o.rounds}): ${f(o.firstLoadMs)} ms; offline reload from the service worker: ${f(o.offlineReloadMs)} ms; ratio ${f(o.ratio, 2)}`);

    mkdirSync(join(root, 'bench-results'), { recursive: true });
    const out = { date: new Date().toISOString(), chromium: browser.version(), autosave: a, offline: o };
    writeFileSync(join(root, 'bench-results', 'browser.json'), JSON.stringify(out, null, 2));
    console.log('\nwritten: bench-results/browser.json');
  } finally {
    await browser.close();
    await new Promise<void>((ok) => app.httpServer.close(() => ok()));
    await new Promise<void>((ok) => pages.httpServer.close(() => ok()));
  }
}

await main();
