/**
 * Reading an instrument: the built-in "read the display" action, named
 * readings, and what the twin may show. Expectations come from the gowning
 * and inoculation procedures as written in their files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';
import { act, gowning } from './fixtures';

const training: AttemptOptions = { seed: 11, mode: 'training', forcedFault: 'none' };
const load = (id: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario;

/** Gowning up to the hand wash, washed for 45 s (the sink's timer then shows 45 s). */
function washed(): Attempt {
  const c = prepare(gowning());
  const a = new Attempt(c, training);
  const events = perfectRun(c, training).events;
  for (const e of events.slice(0, events.findIndex((x) => x.target === 'sink'))) a.send(e);
  a.send(act('wash', 'sink', 45));
  return a;
}

describe('reading a display', () => {
  it('is an event of its own: kept with its value, never "no effect", never scored', () => {
    const a = washed();
    const before = a.result.score;
    a.send({ type: 'ACT', verb: 'read', target: 'sink' });
    const last = a.snapshot.context.outcomes.at(-1)!;
    expect(last.kind).toBe('reading');
    expect(last.ref).toBe('sink');
    expect([last.points, last.penalty]).toEqual([0, 0]);
    expect(a.snapshot.context.read?.sink?.value).toBe(45);
    expect(a.result.score).toEqual(before);
  });

  it('the twin may show a value only once it has been read', () => {
    const a = washed();
    const sink = () => viewOf(a.compiled, a.snapshot).objects.find((o) => o.id === 'sink')!;
    expect(sink().readings).toHaveLength(1);
    expect(sink().readings[0]!.read).toBeUndefined();
    a.send({ type: 'ACT', verb: 'read', target: 'sink' });
    expect(sink().readings[0]!.read).toMatchObject({ value: 45, current: true });
  });

  it('an object without a display reads as nothing', () => {
    const a = washed();
    a.send({ type: 'ACT', verb: 'read', target: 'mirror' });
    expect(a.snapshot.context.outcomes.at(-1)!.kind).toBe('no-effect');
    expect(viewOf(a.compiled, a.snapshot).objects.find((o) => o.id === 'mirror')!.readings).toEqual([]);
  });

  it('before anything sets it, a display shows nothing to read', () => {
    const c = prepare(gowning());
    const a = new Attempt(c, training);
    a.send({ type: 'ACT', verb: 'read', target: 'sink' });
    expect(a.snapshot.context.outcomes.at(-1)!.kind).toBe('no-effect');
    expect(a.snapshot.context.read).toBeUndefined();
  });
});

describe('named readings (the bioreactor console of inoculation)', () => {
  const inoculation = load('inoculation');
  const c = prepare(inoculation);

  it('each reading is read on its own, within the range the console shows', () => {
    const a = new Attempt(c, training);
    for (const reading of ['temperature', 'ph', 'do', 'rocking']) a.send({ type: 'ACT', verb: 'read', target: 'control-panel', reading });
    const read = a.snapshot.context.read!;
    // the batch's setpoints: 37.0 °C, pH 7.00, 40 % air saturation, 20 rocks/min; the console shows the culture near them
    expect(read['control-panel.temperature']!.value).toBeGreaterThanOrEqual(36.9);
    expect(read['control-panel.temperature']!.value).toBeLessThanOrEqual(37.1);
    expect(read['control-panel.ph']!.value).toBeGreaterThanOrEqual(6.98);
    expect(read['control-panel.ph']!.value).toBeLessThanOrEqual(7.04);
    expect(read['control-panel.do']!.value).toBeGreaterThanOrEqual(38);
    expect(read['control-panel.do']!.value).toBeLessThanOrEqual(42);
    expect(read['control-panel.rocking']!.value).toBe(20);
    const view = viewOf(c, a.snapshot).objects.find((o) => o.id === 'control-panel')!;
    expect(view.readings.map((r) => r.key)).toEqual(['control-panel.temperature', 'control-panel.ph', 'control-panel.do', 'control-panel.rocking']);
  });

  it('an unknown reading reads as nothing', () => {
    const a = new Attempt(c, training);
    a.send({ type: 'ACT', verb: 'read', target: 'control-panel', reading: 'glucose' });
    expect(a.snapshot.context.outcomes.at(-1)!.kind).toBe('no-effect');
  });

  it('readings draw from their own stream: the same seed gives the same readings, and the lots and faults are those of a file without readings', () => {
    const without = structuredClone(inoculation);
    for (const o of without.objects) delete o.readings;
    const seeds = [1, 2, 3, 42, 977];
    for (const seed of seeds) {
      const o: AttemptOptions = { seed, mode: 'training' };
      const withCtx = new Attempt(c, o).snapshot.context;
      const withoutCtx = new Attempt(prepare(without), o).snapshot.context;
      expect(withCtx.fault).toBe(withoutCtx.fault);
      expect(withCtx.rng).toBe(withoutCtx.rng);
      for (const id of Object.keys(withoutCtx.objects)) expect(withCtx.objects[id]!.lot).toBe(withoutCtx.objects[id]!.lot);
      expect(new Attempt(c, o).snapshot.context.objects['control-panel']!.readings).toEqual(withCtx.objects['control-panel']!.readings);
    }
  });
});

describe('checking readings in a scenario file', () => {
  it('a record entry can expect a named reading, and an unknown one is named', () => {
    const s = load('inoculation');
    s.record.push({ id: 'rec-console-ph', label: { fr: 'pH affiché', en: 'pH shown' }, kind: 'value', after: 'confirm-ready', value: { value: 'control-panel.ph' }, tolerance: 0.005, unit: 'pH', points: 1 });
    expect(validateScenario(s).ok).toBe(true);
    s.record.at(-1)!.value = { value: 'control-panel.glucose' };
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.message.en)).toContain('the object "control-panel" has no reading "glucose"');
  });

  it('two readings of one object cannot share an id', () => {
    const s = load('inoculation');
    const panel = s.objects.find((o) => o.id === 'control-panel')!;
    panel.readings!.push({ ...panel.readings![0]! });
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
  });

  it('a step may ask the trainee to read an instrument, without the object listing a "read" action', () => {
    const s = gowning();
    const wash = s.steps.findIndex((x) => x.id === 'wash-hands');
    s.steps.splice(wash + 1, 0, { id: 'read-timer', phase: s.steps[wash]!.phase, title: { fr: 'Lire la minuterie', en: 'Read the timer' }, action: { verb: 'read', target: 'sink' }, requires: ['wash-hands'], points: 1, category: 'aseptic' });
    expect(validateScenario(s).ok).toBe(true);
    const c = prepare(s);
    const a = new Attempt(c, training);
    const events = perfectRun(c, training).events;
    const at = events.findIndex((e) => e.verb === 'read');
    expect(at).toBeGreaterThan(0);
    for (const e of events.slice(0, at + 1)) a.send(e);
    expect(a.snapshot.context.outcomes.at(-1)).toMatchObject({ kind: 'step', ref: 'read-timer', points: 1 });
  });
});
