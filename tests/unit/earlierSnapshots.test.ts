/**
 * The judge copies the context once per action and writes that copy in
 * place; what the copy holds (the outcome log, the steps done, the record,
 * the objects, the faults raised) is copied only when the action changes it,
 * so successive snapshots share what did not change. Nothing may write
 * what an earlier snapshot holds: the instructor's replay keeps a snapshot
 * per event and reads each one's outcomes, resume and undo start again from
 * an earlier one. Here every snapshot of an attempt with mistakes, a fault
 * and record corrections is kept with a deep copy of its context taken at
 * once; after the whole attempt each still reads exactly its copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, prepare, startAttempt, type Snapshot } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptContext, EngineEvent, Scenario } from '../../src/engine/types';

const dir = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

describe('an earlier snapshot reads what it read when it was taken', () => {
  for (const file of files) {
    it(`${file}: each fault forced, steps tried too early, entries written wrong and corrected`, () => {
      const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      const c = prepare(scenario);
      const last = scenario.steps[scenario.steps.length - 1]!.action;
      const early: EngineEvent = { type: 'ACT', verb: last.verb, target: last.target };
      const entry = scenario.record.find((e) => e.kind === 'value') ?? scenario.record[0]!;
      const mistakes: EngineEvent[] = [
        early,
        { type: 'ACT', verb: 'record', target: entry.id, value: -1, text: 'x' },
        { type: 'ACT', verb: 'correct', target: entry.id, value: -2, text: 'y', reason: 'erreur de lecture' },
        { type: 'HINT' },
      ];
      for (const forcedFault of ['none', ...scenario.faults.map((f) => f.id)]) {
        const options = { seed: 7, mode: 'training' as const, forcedFault };
        const perfect = perfectRun(c, options).events;
        const half = perfect.length >> 1;
        const events = [...mistakes, ...perfect.slice(0, half), ...mistakes, ...perfect.slice(half)];
        let snap = startAttempt(c, options);
        const kept: { snap: Snapshot; copy: AttemptContext; outcomes: number }[] = [{ snap, copy: structuredClone(snap.context), outcomes: snap.context.outcomes.length }];
        for (const e of events) {
          if (snap.status !== 'active') break;
          snap = advance(c, snap, e);
          kept.push({ snap, copy: structuredClone(snap.context), outcomes: snap.context.outcomes.length });
        }
        // the attempt went somewhere: outcomes were added along the way
        expect(kept[kept.length - 1]!.outcomes).toBeGreaterThan(kept[0]!.outcomes + events.length / 2);
        kept.forEach((k, i) => {
          const where = `${file}, fault ${forcedFault}, after event ${i}`;
          expect(k.snap.context.outcomes.length, where).toBe(k.outcomes);
          expect(k.snap.context, where).toEqual(k.copy);
        });
      }
    });
  }
});
