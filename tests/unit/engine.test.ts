import { describe, expect, it } from 'vitest';
import { Attempt, prepare, replay } from '../../src/engine/attempt';
import { faultStageIn, phaseIn } from '../../src/engine/compileScenario';
import { exploreScenario, perfectRun } from '../../src/engine/exploreScenario';
import { viewOf } from '../../src/engine/view';
import type { AttemptOptions, EngineEvent } from '../../src/engine/types';
import { act, gowning } from './fixtures';

const training: AttemptOptions = { seed: 11, mode: 'training', forcedFault: 'none' };
const c = prepare(gowning());
const perfect = (o: AttemptOptions) => perfectRun(c, o).events;

/** The perfect events up to (not including) the first event on that target. */
const until = (o: AttemptOptions, target: string) => {
  const events = perfect(o);
  return events.slice(0, events.findIndex((e) => e.target === target));
};

describe('compiled gowning machine', () => {
  it('a perfect run passes with 100/100 in every category', () => {
    const r = replay(c, training, perfect(training));
    expect(r.end).toBe('passed');
    expect(r.score.total).toBe(100);
    expect(Object.values(r.score.byCategory).every((v) => v === 100)).toBe(true);
  });

  it('the states of the machine are the phases of the SOP', () => {
    const a = new Attempt(c, training);
    expect(phaseIn(a.snapshot)).toBe('changing-room');
    for (const e of until(training, 'hand-rub')) a.send(e);
    expect(phaseIn(a.snapshot)).toBe('airlock');
    expect(viewOf(c, a.snapshot)).toMatchObject({ phaseIndex: 1, phase: { id: 'airlock' } });
  });

  it('a step of a later phase done now is too early; one of a phase done is no longer judged', () => {
    // in the changing room: the mirror check belongs to the last phase
    expect(replay(c, training, [act('check', 'mirror')]).context.outcomes.at(-1)).toMatchObject({ kind: 'early', ref: 'mirror-check' });
    const inAirlock = until(training, 'hand-rub');
    const r = replay(c, training, [...inAirlock, act('remove', 'personal-items')]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'no-effect', ref: 'personal-items' });
  });

  it('an out-of-order step costs the sequence penalty and is not done', () => {
    const r = replay(c, training, [act('cross', 'step-over-bench')]);
    const last = r.context.outcomes.at(-1)!;
    // crossing with jewellery on is a named rule, more precise than "too early"
    expect(last).toMatchObject({ kind: 'violation', ref: 'jewellery-past-bench', penalty: 15, category: 'aseptic' });
    expect(r.context.done['cross-bench']).toBeUndefined();
    const early = replay(c, training, [act('don', 'facility-suit')]).context.outcomes.at(-1)!;
    expect(early).toMatchObject({ kind: 'early', ref: 'don-facility-suit', penalty: 2, category: 'sequence' });
  });

  it('judges a numeric input against its range', () => {
    const short = replay(c, training, [act('remove', 'personal-items'), act('wash', 'sink', 15)]);
    expect(short.context.outcomes.at(-1)).toMatchObject({ kind: 'wrong-value', ref: 'wash-hands', penalty: 3 });
    const right = replay(c, training, [act('remove', 'personal-items'), act('wash', 'sink', 45)]);
    expect(right.context.done['wash-hands']).toBeDefined();
    expect(right.context.objects.sink!.value).toBe(45);
  });

  it('a critical rule fails the attempt at once in training and assessment', () => {
    for (const mode of ['training', 'assessment'] as const) {
      const r = replay(c, { ...training, mode }, [act('enter', 'door-grade-b')]);
      expect(r.end).toBe('failed');
      expect(r.score.critical).toBe(true);
      expect(r.score.passed).toBe(false);
    }
  });

  it('discovery mode explains mistakes without penalty or failure', () => {
    const o: AttemptOptions = { ...training, mode: 'discovery' };
    const r = replay(c, o, [act('enter', 'door-grade-b'), act('don', 'facility-suit'), ...perfect(o)]);
    expect(r.end).toBe('passed');
    expect(r.score.total).toBe(100);
    expect(r.context.outcomes.filter((x) => x.kind === 'violation' || x.kind === 'early')).toHaveLength(2);
  });

  it('mistakes lower the score and can fail it below the pass mark', () => {
    const events: EngineEvent[] = [];
    for (let i = 0; i < 8; i++) events.push(act('cross', 'step-over-bench'));
    const r = replay(c, training, [...events, ...perfect(training)]);
    expect(r.end).toBe('failed');
    expect(r.score.total).toBe(0);
    expect(r.score.critical).toBe(false);
  });
});

describe('faults', () => {
  it('the seed draws the same fault every time, and different seeds draw different ones', () => {
    const drawn = new Set<string | null>();
    for (let seed = 0; seed < 40; seed++) {
      const a = new Attempt(c, { seed, mode: 'training' }).snapshot.context.fault;
      const b = new Attempt(c, { seed, mode: 'training' }).snapshot.context.fault;
      expect(a).toBe(b);
      drawn.add(a);
    }
    expect(drawn).toEqual(new Set([null, 'torn-pack', 'torn-glove', 'gown-tear-exit']));
  });

  it('a torn pack is raised at inspection, blocks the stage until handled, and opening it is critical', () => {
    const o: AttemptOptions = { ...training, forcedFault: 'torn-pack' };
    const before = until(o, 'garment-pack');
    const raised = replay(c, o, [...before, act('inspect', 'garment-pack')]);
    expect(raised.context.raised['torn-pack']).toBeDefined();
    expect(raised.context.objects['garment-pack']!.state).toBe('damaged');
    const opened = replay(c, o, [...before, act('inspect', 'garment-pack'), act('open', 'garment-pack')]);
    expect(opened.end).toBe('failed');
    expect(opened.context.critical).toBe('use-torn-pack');
    const handled = replay(c, o, perfect(o));
    expect(handled.end).toBe('passed');
    expect(handled.score.total).toBe(100);
    expect(handled.context.done['note-pack']).toBeDefined();
  });

  it('a fault raised by a rule is answered again each time it happens', () => {
    const o = training;
    const pre = until(o, 'coverall');
    const r = replay(c, o, [...pre, act('spread', 'coverall'), act('discard', 'coverall'), act('take-new', 'coverall'), act('spread', 'coverall')]);
    expect(r.context.objects.coverall!.state).toBe('contaminated');
    expect(r.context.done['discard-coverall']).toBeUndefined();
    const fin = replay(c, o, [...pre, act('spread', 'coverall'), act('discard', 'coverall'), act('take-new', 'coverall'), ...perfect(o).slice(pre.length)]);
    expect(fin.end).toBe('passed');
    expect(fin.score.total).toBe(90);
  });

  it("a fault's step answers before the phase's step of the same gesture", () => {
    // disinfecting at the IPA spray is both a step of the last phase and one of the torn glove's answer
    const o: AttemptOptions = { ...training, forcedFault: 'torn-glove' };
    const events = perfect(o);
    const raised = events.slice(0, events.findIndex((e) => e.target === 'mirror') + 1);
    const spray = act('disinfect', 'ipa-spray');
    const before = replay(c, o, [...raised, spray]).context.outcomes.at(-1);
    expect(before).toMatchObject({ kind: 'violation', ref: 'disinfect-torn-glove' }); // a torn glove is changed, not sprayed: no step is done
    const after = replay(c, o, [...raised, act('remove', 'outer-gloves'), spray]).context.outcomes.at(-1);
    expect(after).toMatchObject({ kind: 'step', ref: 'disinfect-inner-glove' });
  });

  it("a fault's region follows it: raised, handled, raised again is raised, in the machine and on screen", () => {
    const pre = until(training, 'coverall');
    const stageAfter = (events: EngineEvent[]) => {
      const r = replay(c, training, [...pre, ...events]);
      const shown = viewOf(c, r.snapshot).faults.find((f) => f.id === 'coverall-contaminated')?.stage;
      return { region: faultStageIn(r.snapshot, 'coverall-contaminated'), shown };
    };
    expect(stageAfter([])).toEqual({ region: 'quiet', shown: undefined });
    const raise = act('spread', 'coverall');
    expect(stageAfter([raise])).toEqual({ region: 'raised', shown: 'raised' });
    const handle = [act('discard', 'coverall'), act('take-new', 'coverall')];
    expect(stageAfter([raise, ...handle])).toEqual({ region: 'documented', shown: 'documented' });
    expect(stageAfter([raise, ...handle, raise])).toEqual({ region: 'raised', shown: 'raised' });
    expect(stageAfter([raise, ...handle, raise, ...handle])).toEqual({ region: 'documented', shown: 'documented' });
  });
});

describe('batch record (good documentation practice)', () => {
  const start = [act('remove', 'personal-items')];
  it('pre-filling an entry is refused and costs points', () => {
    const r = replay(c, training, [...start, act('record', 'rec-wash-time', 45)]);
    expect(r.context.record['rec-wash-time']).toBeUndefined();
    expect(r.context.outcomes.at(-1)).toMatchObject({ ref: 'gdp-prefill', penalty: 5, category: 'documentation' });
  });

  it('a wrong value is written, flagged, and a traceable correction with a reason fixes it', () => {
    const events = [...start, act('wash', 'sink', 45), act('record', 'rec-wash-time', 54)];
    const wrong = replay(c, training, events);
    expect(wrong.context.record['rec-wash-time']).toMatchObject({ value: 54, wrong: true });
    const noReason = replay(c, training, [...events, act('correct', 'rec-wash-time', 45, ' ')]);
    expect(noReason.context.outcomes.at(-1)).toMatchObject({ ref: 'gdp-no-reason' });
    const fixed = replay(c, training, [...events, act('correct', 'rec-wash-time', 45, 'erreur de transcription')]);
    expect(fixed.context.record['rec-wash-time']).toMatchObject({ value: 45, wrong: false });
    expect(fixed.context.record['rec-wash-time']!.corrections[0]).toMatchObject({ from: 54, to: 45, reason: 'erreur de transcription' });
  });

  it('an entry made after its stage is late; blanks are counted at submission', () => {
    const events = perfect(training).filter((e) => e.target !== 'rec-wash-time' && e.target !== 'rec-gowning-check');
    const r = replay(c, training, events.slice(0, -1));
    expect(r.end).toBe('closure');
    const late = replay(c, training, [...events.slice(0, -1), act('record', 'rec-wash-time', r.context.objects.sink!.value)]);
    expect(late.context.outcomes.at(-1)).toMatchObject({ ref: 'gdp-late', penalty: 2 });
    const blank = replay(c, training, events);
    expect(blank.context.outcomes.find((o) => o.ref === 'gdp-blank')).toMatchObject({ penalty: 6 });
  });

  it('signing before the step is documented is refused', () => {
    const o = training;
    const events = perfect(o);
    const iSign = events.findIndex((e) => e.verb === 'sign');
    const r = replay(c, o, events.slice(0, iSign));
    expect(r.context.record['rec-entry-sign']).toBeUndefined();
  });
});

describe('determinism and replay', () => {
  it('random legal event sequences replay to identical snapshots and scores', () => {
    let rng = 12345;
    const rand = (n: number) => {
      rng = (rng * 1103515245 + 12345) % 2147483648;
      return rng % n;
    };
    const actions: EngineEvent[] = [];
    for (const o of c.scenario.objects) for (const a of o.actions) actions.push(a.input ? act(a.verb, o.id, a.input.min + rand(a.input.max - a.input.min)) : act(a.verb, o.id));
    for (const e of c.scenario.record) actions.push(act(e.kind === 'signature' ? 'sign' : 'record', e.id, 45));
    actions.push(act('submit', 'batch-record'), { type: 'HINT' });
    for (let trial = 0; trial < 60; trial++) {
      const options: AttemptOptions = { seed: trial, mode: (['training', 'assessment', 'discovery'] as const)[trial % 3]! };
      const live = new Attempt(c, options);
      const good = perfect(options);
      for (let i = 0; i < 80; i++) live.send(rand(3) === 0 ? actions[rand(actions.length)]! : good[rand(good.length)]!);
      const again = replay(gowning(), options, live.events);
      expect(again.context).toEqual(live.snapshot.context);
      expect(again.score).toEqual(live.result.score);
      expect(again.end).toBe(live.result.end);
    }
  });
});

describe('soundness check', () => {
  it('proves gowning sound', () => {
    const report = exploreScenario(c, { maxStates: 300 });
    expect(report.problems).toEqual([]);
    expect(report.perfectScore).toBe(100);
  });

  it('finds a step that can never be done and a perfect run that cannot pass', () => {
    const s = gowning();
    const step = s.steps.find((x) => x.id === 'don-mask')!;
    step.when = { equals: { object: 'mask', state: 'worn' } };
    const report = exploreScenario(prepare(s), { maxStates: 300 });
    const text = report.problems.map((p) => p.message.en).join('\n');
    expect(text).toMatch(/the step "don-mask" can never be done/);
    expect(text).toMatch(/a perfect run without fault ends "running"/);
  });
});
