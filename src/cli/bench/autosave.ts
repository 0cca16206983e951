/**
 * Browser bench page (built and driven by src/cli/benchBrowser.ts): a
 * 500-event attempt autosaved through the real store in IndexedDB, each
 * event written and awaited, against a bare idb put per event in the same
 * page; then the time to read that attempt back and rebuild it by replay,
 * against the minimal xstate machine fed the same events.
 */
import { openDB } from 'idb';
import { prepare, replay } from '../../engine/attempt';
import type { ActEvent, Scenario } from '../../engine/types';
import { eventsOf, openStore, optionsOf } from '../../store';
import gowning from '../../../scenarios/gowning.json';
import { runMinimal } from './minimalMachine';

const scenario = gowning as unknown as Scenario;

/** 500 legal actions: every action of every object in turn, in discovery mode so the attempt never ends early. */
function stream(n: number): ActEvent[] {
  const all = scenario.objects.flatMap((o) => o.actions.map((a) => ({ type: 'ACT' as const, verb: a.verb, target: o.id, ...(a.input ? { value: a.input.min } : {}) })));
  return Array.from({ length: n }, (_, i) => all[i % all.length]!);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function run(n: number) {
  const events = stream(n);
  const store = await openStore({ name: `bench-${Date.now()}` });
  const profile = await store.createProfile({ name: 'Bench', lang: 'en' });
  const options = { seed: 11, mode: 'discovery' as const };
  const rec = await store.startAttempt({ profileId: profile.id, scenarioId: scenario.id, scenarioVersion: scenario.version, options });
  const store_: number[] = [];
  const sync: number[] = [];
  for (const [i, e] of events.entries()) {
    const t0 = performance.now();
    store.appendEvent(rec.id, e, i);
    const t1 = performance.now();
    await store.flush();
    store_.push(performance.now() - t0);
    sync.push(t1 - t0);
  }
  // baseline: the same events, one bare idb put each, awaited
  const db = await openDB(`bench-bare-${Date.now()}`, 1, { upgrade: (d) => void d.createObjectStore('log', { autoIncrement: true }) });
  const bare: number[] = [];
  for (const [i, e] of events.entries()) {
    const t0 = performance.now();
    await db.put('log', { event: e, at: i });
    bare.push(performance.now() - t0);
  }
  db.close();

  // replay: read the attempt back, rebuild it by replay (what resume and the instructor's replay do)
  const c = prepare(scenario);
  const r0 = performance.now();
  const stored = (await store.getAttempt(profile.id, rec.id))!;
  const r1 = performance.now();
  const result = replay(c, optionsOf(stored), eventsOf(stored));
  const r2 = performance.now();
  let minimalMs = 0;
  for (let k = 0; k < 5; k++) {
    const m0 = performance.now();
    runMinimal(eventsOf(stored));
    minimalMs = k ? Math.min(minimalMs, performance.now() - m0) : performance.now() - m0;
  }
  let replayBest = r2 - r1;
  for (let k = 0; k < 4; k++) {
    const m0 = performance.now();
    replay(c, optionsOf(stored), eventsOf(stored));
    replayBest = Math.min(replayBest, performance.now() - m0);
  }
  return {
    events: n,
    stored: stored.events.length,
    autosave: {
      medianMs: quantile(store_, 0.5),
      p95Ms: quantile(store_, 0.95),
      syncMedianMs: quantile(sync, 0.5),
      syncP95Ms: quantile(sync, 0.95),
      // flat as the attempt grows: the 10th event against the last, as the medians of the first and the last 20 (one write is noisy)
      event10Ms: quantile(store_.slice(0, 20), 0.5),
      lastEventMs: quantile(store_.slice(-20), 0.5),
    },
    bareIdbPut: { medianMs: quantile(bare, 0.5), p95Ms: quantile(bare, 0.95) },
    replay: { readMs: r1 - r0, firstReplayMs: r2 - r1, bestReplayMs: replayBest, minimalMachineMs: minimalMs, score: result.score.total },
  };
}

(window as unknown as { runBench: typeof run }).runBench = run;
document.getElementById('state')!.textContent = 'ready';
