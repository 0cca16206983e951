/**
 * The fast path (one inert scope reused by every transition, src/engine/fastScope.ts)
 * against xstate's own pure functions, `initialTransition()` and `transition()`:
 * on every built-in scenario, seeded random attempts — mostly what the
 * scenario allows at that point (the solver's next actions), then any action
 * its objects declare (values in and out of range, two-ended gestures onto
 * each end, readings), record entries written right, wrong or corrected,
 * hints and an early submit — with each fault forced in turn. After every
 * event both give the same context, state value and status.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { advance, prepare, startAttempt, type CompiledScenario, type Snapshot } from '../../src/engine/attempt';
import { endOf, faultStageIn, machineEvent } from '../../src/engine/compileScenario';
import { faultStage } from '../../src/engine/judge';
import { perfectActions } from '../../src/engine/solver';
import { MODES, READ_VERB, type AttemptOptions, type EngineEvent, type Scenario } from '../../src/engine/types';

const dir = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const ATTEMPTS = 12;
const EVENTS = 80;

/** A small seeded generator (mulberry32): the same seed draws the same attempts. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}
type Random = ReturnType<typeof random>;

/** Any action the scenario declares, with a value drawn in or just out of its range. */
function anyAction(c: CompiledScenario, r: Random): EngineEvent {
  const o = r.pick(c.scenario.objects);
  if (!o.actions.length || (c.index.readable.has(o.id) && r.next() < 0.15)) return { type: 'ACT', verb: READ_VERB, target: o.id };
  const a = r.pick(o.actions);
  const event: EngineEvent = { type: 'ACT', verb: a.verb, target: o.id };
  if (a.with) event.with = r.pick(a.with);
  if (a.input) event.value = a.input.min + r.next() * (a.input.max - a.input.min) * 1.2;
  return event;
}

/** A record entry written (right or wrong), signed or corrected. */
function recordAction(c: CompiledScenario, r: Random): EngineEvent {
  const e = r.pick(c.scenario.record);
  const verb = e.kind === 'signature' ? 'sign' : r.next() < 0.3 ? 'correct' : 'record';
  return { type: 'ACT', verb, target: e.id, value: r.int(100), ...(verb === 'correct' ? { reason: r.next() < 0.7 ? 'erreur de lecture' : '' } : {}) };
}

function nextEvent(c: CompiledScenario, snap: Snapshot, r: Random): EngineEvent {
  const x = r.next();
  if (x < 0.6) {
    const allowed = perfectActions(c, snap);
    if (allowed.length) return r.pick(allowed);
  }
  if (x < 0.85) return anyAction(c, r);
  if (x < 0.95) return recordAction(c, r);
  return x < 0.98 ? { type: 'HINT' } : { type: 'ACT', verb: 'submit', target: 'batch-record' };
}

describe('the fast scope gives what xstate gives', () => {
  for (const file of files) {
    it(`${file}: random attempts, event by event`, () => {
      const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      const c = prepare(scenario);
      const faults = [undefined, 'none', ...scenario.faults.map((f) => f.id)];
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const seed = 1000 * files.indexOf(file) + attempt;
        const r = random(seed);
        const forcedFault = faults[attempt % faults.length];
        const options: AttemptOptions = { seed, mode: MODES[attempt % MODES.length]!, ...(forcedFault ? { forcedFault } : {}) };
        let fast = startAttempt(c, options);
        let [pure] = initialTransition(c.machine, options);
        const where = (i: number) => `${file}, seed ${seed}, event ${i}`;
        expect(fast.context, where(0)).toEqual(pure.context);
        expect(fast.value, where(0)).toEqual(pure.value);
        for (let i = 1; i <= EVENTS && fast.status === 'active'; i++) {
          const event = nextEvent(c, fast, r);
          fast = advance(c, fast, event);
          [pure] = transition(c.machine, pure, machineEvent(event));
          expect(fast.context, where(i)).toEqual(pure.context);
          expect(fast.value, where(i)).toEqual(pure.value);
          expect(fast.status, where(i)).toBe(pure.status);
          // each fault's region stands where the judge says the fault is (it moves on the events the judge raises)
          if (endOf(fast) === 'running') for (const f of scenario.faults) expect(faultStageIn(fast, f.id), `${where(i)}, ${f.id}`).toBe(faultStage(c.index, fast.context, f.id));
        }
      }
    });
  }
});
