/**
 * The look word `absent`: an object not in the room until a fault (or a
 * step) brings it. Before, the view leaves it out (so the room does not draw
 * it and the twin does not list it) and any action on it has no effect,
 * whatever rule or step watches it; once an effect sets a state that is not
 * absent, it is there and its actions count. The checker warns of an object
 * that nothing ever brings in, and names a step of a perfect run that acts
 * on an object not there yet.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare, type CompiledScenario } from '../../src/engine/attempt';
import { exploreScenario } from '../../src/engine/exploreScenario';
import { absenceWarnings } from '../../src/engine/look';
import { perfectActions } from '../../src/engine/solver';
import type { AttemptOptions, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';
import { act } from './fixtures';

const dir = resolve(import.meta.dirname, '../../scenarios');
const load = (name: string) => prepare(JSON.parse(readFileSync(resolve(dir, `${name}.json`), 'utf8')) as Scenario);
const listed = (c: CompiledScenario, a: Attempt) => viewOf(c, a.snapshot).objects.map((o) => o.id);
const last = (a: Attempt) => a.snapshot.context.outcomes.at(-1)!;

/** Plays the perfect trainee's next actions until `until` holds (or the attempt ends), checking `each` before every action. */
function playUntil(c: CompiledScenario, a: Attempt, until: () => boolean, each: () => void = () => undefined) {
  for (let i = 0; i < 500 && !until(); i++) {
    each();
    const next = perfectActions(c, a.snapshot)[0];
    if (!next) break;
    a.send(next);
  }
}

describe('cleaning-disinfection: the puddle of medium under the bench', () => {
  const c = load('cleaning-disinfection');
  const options: AttemptOptions = { seed: 7, mode: 'training', forcedFault: 'medium-spill' };

  it('is not in the room, nor listed, before the walls are cleaned; tapping it then does nothing', () => {
    const a = new Attempt(c, options);
    expect(listed(c, a)).not.toContain('spill');
    expect(listed(c, a)).toContain('floor');
    a.send(act('absorb', 'spill'));
    expect(last(a)).toMatchObject({ kind: 'no-effect', ref: 'spill' });
    expect(a.snapshot.context.done['absorb-spill']).toBeUndefined();
    expect(a.snapshot.context.objects.spill!.state).toBe('dry');
  });

  it('appears, spilt, once the walls are cleaned (the fault), and can then be soaked up and bagged', () => {
    const a = new Attempt(c, options);
    playUntil(c, a, () => a.snapshot.context.done['clean-walls'] !== undefined, () => expect(listed(c, a)).not.toContain('spill'));
    const spill = viewOf(c, a.snapshot).objects.find((o) => o.id === 'spill');
    expect(spill).toMatchObject({ state: 'spilled', stateLabel: { en: 'puddle of culture medium' }, look: { fill: 1, problem: true } });
    expect(spill!.actions.map((x) => x.verb)).toEqual(['absorb', 'dispose']);
    expect(viewOf(c, a.snapshot).faults.map((f) => f.id)).toEqual(['medium-spill']);
    a.send(act('absorb', 'spill'));
    expect(last(a)).toMatchObject({ kind: 'step', ref: 'absorb-spill', points: 4 });
    a.send(act('dispose', 'spill'));
    expect(last(a)).toMatchObject({ kind: 'step', ref: 'bag-absorbent', points: 3 });
    // bagged, it stays in the room, done
    expect(viewOf(c, a.snapshot).objects.find((o) => o.id === 'spill')).toMatchObject({ state: 'bagged', look: { fill: 0, done: true } });
  });

  it('never appears in an attempt without the fault, which a perfect trainee still passes with 100', () => {
    const a = new Attempt(c, { seed: 7, mode: 'training', forcedFault: 'none' });
    playUntil(c, a, () => a.snapshot.status !== 'active', () => expect(listed(c, a)).not.toContain('spill'));
    expect(a.result.end).toBe('passed');
    expect(a.result.score.total).toBe(100);
  });
});

describe('material-transfer: the notebook at the bottom of the carton', () => {
  const c = load('material-transfer');

  it('is absent until the carton is unpacked with the fault "item-not-on-list", then found (a problem)', () => {
    const a = new Attempt(c, { seed: 3, mode: 'training', forcedFault: 'item-not-on-list' });
    playUntil(c, a, () => a.snapshot.context.done['unpack-shipper'] !== undefined, () => expect(listed(c, a)).not.toContain('extra-item'));
    expect(viewOf(c, a.snapshot).objects.find((o) => o.id === 'extra-item')).toMatchObject({ state: 'found', look: { problem: true } });
    a.send(act('set-aside', 'extra-item'));
    expect(last(a)).toMatchObject({ kind: 'step', ref: 'set-aside-item' });
  });

  it('an action on it while absent is no effect, even one a rule on every object of that verb would judge', () => {
    // a forged replay: the interlock has failed (its rule makes any "load" a major mistake), the notebook is not there
    const a = new Attempt(c, { seed: 3, mode: 'training', forcedFault: 'interlock-failure' });
    playUntil(c, a, () => a.snapshot.context.raised['interlock-failure'] !== undefined);
    expect(listed(c, a)).not.toContain('extra-item');
    const penalties = a.result.score.total;
    a.send(act('load', 'extra-item'));
    expect(last(a)).toMatchObject({ kind: 'no-effect', ref: 'extra-item', penalty: 0 });
    expect(a.result.score.total).toBe(penalties);
    // the same gesture on an item that is there is judged by the rule
    a.send(act('load', 'tubing-set'));
    expect(last(a)).toMatchObject({ kind: 'violation', ref: 'load-through-failed-hatch', penalty: 15 });
  });
});

/** A hand wash whose sink may splash: a puddle, absent until the fault "splash" (after the jewellery) spills it. */
function withPuddle(): Scenario {
  const s = JSON.parse(readFileSync(resolve(import.meta.dirname, 'scenarios/hand-wash-warnings.json'), 'utf8')) as Scenario;
  s.id = 'hand-wash-puddle';
  s.objects.push({
    id: 'puddle',
    name: { fr: 'Sol sous le lavabo', en: 'Floor under the sink' },
    kind: 'spill',
    at: [60, 80],
    state: 'none',
    states: { none: { fr: 'sec', en: 'dry' }, wet: { fr: 'flaque', en: 'puddle' }, dried: { fr: 'essuyé', en: 'wiped' } },
    looks: { none: { absent: true }, wet: { fill: 1, problem: true }, dried: { fill: 0, done: true } },
    actions: [{ verb: 'wipe', label: { fr: 'Essuyer', en: 'Wipe up' } }],
  });
  s.faults = [{
    id: 'splash',
    title: { fr: 'Éclaboussure', en: 'Splash' },
    weight: 1,
    trigger: { afterStep: 'remove-jewellery' },
    announce: { fr: "De l'eau a coulé sous le lavabo.", en: 'Water has run under the sink.' },
    effects: [{ set: { object: 'puddle', state: 'wet' } }],
    steps: [{
      id: 'wipe-puddle',
      stage: 'contain',
      title: { fr: 'Essuyer la flaque', en: 'Wipe up the puddle' },
      action: { verb: 'wipe', target: 'puddle' },
      points: 2,
      category: 'safety',
      effects: [{ set: { object: 'puddle', state: 'dried' } }],
    }],
  }];
  return s;
}

describe('an absent object in a scenario of one\'s own', () => {
  const i = 3; // the puddle's place in objects

  it('is valid, and the checker proves it sound without a warning about it', () => {
    const s = withPuddle();
    expect(validateScenario(s).ok).toBe(true);
    expect(absenceWarnings(s)).toEqual([]);
    const report = exploreScenario(prepare(s));
    expect(report.problems).toEqual([]);
    expect(report.perfectScore).toBe(100);
  });

  it('"absent" goes alone: with another word it is refused', () => {
    const s = withPuddle();
    s.objects[i]!.looks!.none = { absent: true, fill: 0 };
    const v = validateScenario(s);
    expect(v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`)).toEqual([
      `objects[${i}].looks.none: an absent object is not drawn at all: "absent" goes alone, with no other word`,
    ]);
  });

  it('warns, naming the object, when nothing ever brings it into the room', () => {
    const s = withPuddle();
    // the fault no longer spills it: it can never be seen nor wiped
    s.faults[0]!.effects = [];
    const w = absenceWarnings(s);
    expect(w.map((x) => [x.path, x.object])).toEqual([[`objects[${i}].looks.none`, 'puddle']]);
    // (wiping it would set it "dried", but wiping an absent puddle has no effect: that does not bring it in)
    expect(w[0]!.message.en).toBe('the object "puddle" starts absent (its state "none") and no effect of a fault, or of a step or rule on another object, ever sets it to a state that is not absent: it is never in the room, so it can never be used');
    expect(w[0]!.message.fr).toMatch(/^l'objet "puddle" est absent au départ/);
  });

  it('no warning when a step brings it in, or when it starts in the room', () => {
    const s = withPuddle();
    s.faults[0]!.effects = [];
    s.steps[1]!.effects!.push({ set: { object: 'puddle', state: 'wet' } });
    expect(absenceWarnings(s)).toEqual([]);
    const t = withPuddle();
    t.faults[0]!.effects = [];
    t.objects[i]!.state = 'dried';
    expect(absenceWarnings(t)).toEqual([]);
  });

  it('the checker names a step of the procedure that acts on it before anything brings it in', () => {
    const s = withPuddle();
    // wiping the floor becomes a step of the procedure, with no fault to spill the puddle first
    s.faults = [];
    s.steps.push({
      id: 'wipe-floor', phase: 'wash', title: { fr: 'Essuyer le sol', en: 'Wipe the floor' },
      action: { verb: 'wipe', target: 'puddle' }, requires: ['wash-hands'], points: 2, category: 'safety',
    });
    const paths = exploreScenario(prepare(s)).problems.map((p) => `${p.path}: ${p.message.en}`);
    expect(paths).toContain('steps[2].action: the step "wipe-floor" acts on the object "puddle", which is not in the room at that point of a perfect run (its state "none" looks "absent"): bring it in first with an effect that sets a state that is not absent');
    expect(paths).toContain('steps[2]: the step "wipe-floor" can never be done');
    // and a trainee's gesture on it in that phase is no effect, not the step
    const a = new Attempt(prepare(s), { seed: 1, mode: 'training', forcedFault: 'none' });
    a.send(act('remove', 'personal-items'));
    a.send(act('wash', 'sink', 45));
    a.send(act('wipe', 'puddle'));
    expect(last(a)).toMatchObject({ kind: 'no-effect', ref: 'puddle' });
    expect(a.snapshot.context.done['wipe-floor']).toBeUndefined();
  });
});
