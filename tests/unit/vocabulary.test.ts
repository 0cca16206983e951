/**
 * Every word of the scenario vocabulary (scenarios/README.md, sections 6 to
 * 8): each condition, expression and effect, as an instructor writing a
 * scenario would expect it to behave. Expected values are worked out by hand
 * from the guide's wording, limits included.
 *
 * Two levels: the word alone (src/engine/conditions.ts, on a context written
 * out here), and, where the guide's meaning involves the judge (a step's
 * minutes, a rule's typed value, a raised fault), the word inside a small
 * scenario played through the compiled machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { applyEffects, drawExpr, evalExpr, holds } from '../../src/engine/conditions';
import type { AttemptContext, AttemptOptions, Condition, Expr, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { CONDITIONS, EFFECTS, EXPRS } from '../../src/engine/vocabulary';
import { act } from './fixtures';

/* ---------- the word alone ---------- */

/** A running attempt at minute `clock`, with nothing done, nothing raised and these objects. */
function context(over: Partial<AttemptContext> = {}): AttemptContext {
  return {
    scenarioId: 'vocabulary', version: 1, mode: 'training', seed: 7, rng: 7, passMark: 80, fault: null, clock: 0,
    done: {}, raised: {}, objects: {}, record: {}, outcomes: [], hints: 0, events: 0, critical: null,
    ...over,
  };
}

/** Does the condition hold? `handled`: the faults whose steps are all done; `input`: the value typed with the action. */
const holdsIn = (cond: Condition | undefined, ctx: AttemptContext, o: { input?: number; handled?: string[] } = {}) =>
  holds(cond, { ctx, input: o.input, faultHandled: (id) => (o.handled ?? []).includes(id) });

/** The room of the guide's expression table: the cell counter shows 2.3, a console shows pH 7.1 and nothing of its own. */
const counterRoom = () =>
  context({
    objects: {
      'cell-counter': { state: 'idle', value: 2.3 },
      console: { state: 'on', readings: { ph: 7.1 } },
      'empty-display': { state: 'idle' },
    },
  });

/* ---------- the word in a scenario ---------- */

const text = (en: string) => ({ fr: en, en });

/**
 * A small procedure that uses the words whose meaning involves the judge:
 * wash 40–60 s (the sink keeps the time typed), disinfect the sample port,
 * let it dry a minute, take the sample at least 2 minutes after disinfecting.
 * Touching the floor with the gloves raises a fault (change the gloves).
 */
function sampling(): Scenario {
  const s: Scenario = {
    id: 'vocabulary-sampling', version: 1,
    title: text('Sampling'), summary: text('Take a sample from the bioreactor port.'),
    blocks: [2], grades: ['C'], room: 'upstream-suite', minutes: 5,
    objectives: [text('Respect the contact time')], passMark: 80, faultChance: 0, sources: ['unit test'],
    phases: [{ id: 'sampling', title: text('Sampling') }],
    objects: [
      {
        id: 'sink', name: text('Sink'), kind: 'sink', state: 'idle', states: { idle: text('ready'), used: text('hands washed') },
        looks: { idle: {}, used: { done: true } },
        actions: [{ verb: 'wash', label: text('Wash hands…'), input: { label: text('Time'), unit: 's', min: 0, max: 180, step: 1 } }],
      },
      {
        id: 'sample-port', name: text('Sample port'), kind: 'sample-port', state: 'closed',
        states: { closed: text('closed'), disinfected: text('disinfected'), sampled: text('sampled') },
        looks: { closed: {}, disinfected: { done: true }, sampled: { done: true } },
        actions: [{ verb: 'disinfect', label: text('Disinfect') }, { verb: 'wait', label: text('Let the alcohol dry') }, { verb: 'sample', label: text('Take the sample') }],
      },
      {
        id: 'gloves', name: text('Gloves'), kind: 'gloves', state: 'intact',
        states: { intact: text('intact'), contaminated: text('contaminated') },
        looks: { intact: { on: true }, contaminated: { problem: true } },
        actions: [{ verb: 'touch-floor', label: text('Pick something up from the floor') }, { verb: 'change', label: text('Change') }],
      },
    ],
    steps: [
      {
        id: 'wash-hands', phase: 'sampling', title: text('Wash hands 40 to 60 s'), action: { verb: 'wash', target: 'sink' },
        points: 5, category: 'aseptic',
        expect: { min: 40, max: 60, wrong: { penalty: 3, category: 'aseptic', explanation: text('A hand wash takes 40 to 60 seconds.') } },
        effects: [{ set: { object: 'sink', state: 'used' } }, { setValue: { object: 'sink', value: { input: true } } }],
      },
      {
        id: 'disinfect-port', phase: 'sampling', title: text('Disinfect the port'), action: { verb: 'disinfect', target: 'sample-port' },
        requires: ['wash-hands'], points: 5, category: 'aseptic', effects: [{ set: { object: 'sample-port', state: 'disinfected' } }],
      },
      {
        id: 'let-dry', phase: 'sampling', title: text('Let the alcohol dry'), action: { verb: 'wait', target: 'sample-port' },
        requires: ['disinfect-port'], points: 2, category: 'aseptic', minutes: 1,
      },
      {
        id: 'take-sample', phase: 'sampling', title: text('Take the sample'), action: { verb: 'sample', target: 'sample-port' },
        requires: ['disinfect-port'], when: { elapsed: { since: 'disinfect-port', atLeast: 2 } },
        points: 5, category: 'aseptic', effects: [{ set: { object: 'sample-port', state: 'sampled' } }],
      },
    ],
    rules: [
      {
        id: 'wash-too-short', on: { verb: 'wash', target: 'sink' }, when: { inputBetween: { min: 0, max: 9 } },
        category: 'aseptic', severity: 'major', penalty: 5, explanation: text('Under 10 seconds is not a wash.'),
      },
      {
        id: 'gloves-on-floor', on: { verb: 'touch-floor', target: 'gloves' }, category: 'aseptic', severity: 'major', penalty: 10,
        explanation: text('Gloves that touch the floor are contaminated.'),
        effects: [{ set: { object: 'gloves', state: 'contaminated' } }, { raiseFault: 'gloves-contaminated' }],
      },
      {
        id: 'sample-with-open-fault', on: { verb: 'sample', target: 'sample-port' }, when: { faultActive: 'gloves-contaminated' },
        category: 'deviation', severity: 'major', penalty: 10, explanation: text('Change the contaminated gloves first.'),
      },
      {
        id: 'change-after-handled', on: { verb: 'change', target: 'gloves' }, when: { faultHandled: 'gloves-contaminated' },
        category: 'deviation', severity: 'minor', penalty: 2, explanation: text('The gloves were changed already.'),
      },
    ],
    faults: [
      {
        id: 'gloves-contaminated', title: text('Contaminated gloves'), trigger: { byRule: true }, announce: text('Your gloves touched the floor.'),
        steps: [{
          id: 'change-gloves', stage: 'contain', title: text('Change the gloves'), action: { verb: 'change', target: 'gloves' },
          points: 2, category: 'aseptic', effects: [{ set: { object: 'gloves', state: 'intact' } }],
        }],
      },
    ],
    record: [{ id: 'rec-sign', label: text('Signature'), kind: 'signature', after: 'take-sample', points: 2 }],
    debrief: { passed: text('Passed.'), failed: text('To be redone.'), critical: text('Stopped.') },
  };
  return s;
}

/** What the checker says of a scenario, as `path: message`. */
const problemsOf = (s: Scenario) => {
  const v = validateScenario(s);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};

const training: AttemptOptions = { seed: 3, mode: 'training', forcedFault: 'none' };
const play = (s: Scenario, events: ReturnType<typeof act>[]) => replay(prepare(s), training, events);
const washed = [act('wash', 'sink', 45)];
const disinfected = [...washed, act('disinfect', 'sample-port')];
/** What the last action came to: its kind and the step or rule it answered. */
const last = (r: ReturnType<typeof play>) => {
  const o = r.context.outcomes.at(-1)!;
  return `${o.kind} ${o.ref}`;
};

describe('the scenario of these tests', () => {
  it('passes the checker, so what it shows is what a real file does', () => {
    expect(problemsOf(sampling())).toEqual([]);
  });
});

/* ========== conditions (README section 6) ========== */

describe('done', () => {
  it('holds once the step is done, and only for that step', () => {
    const ctx = context({ clock: 5, done: { 'wash-hands': 3 } });
    expect(holdsIn({ done: 'wash-hands' }, ctx)).toBe(true);
    expect(holdsIn({ done: 'disinfect-port' }, ctx)).toBe(false);
  });

  it('a step done at minute 0 (the very first action) is done', () => {
    expect(holdsIn({ done: 'wash-hands' }, context({ done: { 'wash-hands': 0 } }))).toBe(true);
  });
});

describe('notDone', () => {
  it('holds until the step is done', () => {
    expect(holdsIn({ notDone: 'wash-hands' }, context())).toBe(true);
    expect(holdsIn({ notDone: 'wash-hands' }, context({ done: { 'wash-hands': 4 } }))).toBe(false);
  });

  it('a step done at minute 0 is no longer "not done"', () => {
    expect(holdsIn({ notDone: 'wash-hands' }, context({ done: { 'wash-hands': 0 } }))).toBe(false);
  });

  it('other steps being done does not matter', () => {
    expect(holdsIn({ notDone: 'wash-hands' }, context({ done: { 'disinfect-port': 1 } }))).toBe(true);
  });
});

describe('equals', () => {
  const ctx = context({ objects: { 'garment-pack': { state: 'damaged' }, coverall: { state: 'folded' } } });

  it('holds when the object is in that state', () => {
    expect(holdsIn({ equals: { object: 'garment-pack', state: 'damaged' } }, ctx)).toBe(true);
  });

  it('does not hold in any other state, nor for another object in that state', () => {
    expect(holdsIn({ equals: { object: 'garment-pack', state: 'intact' } }, ctx)).toBe(false);
    expect(holdsIn({ equals: { object: 'coverall', state: 'damaged' } }, ctx)).toBe(false);
  });

  it('follows the object when an effect changes its state', () => {
    const after = applyEffects(ctx, [{ set: { object: 'garment-pack', state: 'opened' } }]);
    expect(holdsIn({ equals: { object: 'garment-pack', state: 'damaged' } }, after)).toBe(false);
    expect(holdsIn({ equals: { object: 'garment-pack', state: 'opened' } }, after)).toBe(true);
  });
});

describe('between', () => {
  const showing = (value: number) => context({ objects: { 'control-panel': { state: 'on', value } } });
  const alarm: Condition = { between: { object: 'control-panel', min: 37.6, max: 45 } };

  it('holds inside the range, limits included', () => {
    expect(holdsIn(alarm, showing(40))).toBe(true);
    expect(holdsIn(alarm, showing(37.6))).toBe(true);
    expect(holdsIn(alarm, showing(45))).toBe(true);
  });

  it('does not hold just outside either limit', () => {
    expect(holdsIn(alarm, showing(37.5))).toBe(false);
    expect(holdsIn(alarm, showing(45.1))).toBe(false);
  });

  it('does not hold while the object shows no value', () => {
    expect(holdsIn(alarm, context({ objects: { 'control-panel': { state: 'on' } } }))).toBe(false);
    // nor for a range that would take any number
    expect(holdsIn({ between: { object: 'control-panel', min: -1e9, max: 1e9 } }, context({ objects: { 'control-panel': { state: 'on' } } }))).toBe(false);
  });

  it('with a reading, judges that reading, not the object\'s own value', () => {
    const ctx = context({ objects: { console: { state: 'on', value: 37, readings: { ph: 7.1 } } } });
    expect(holdsIn({ between: { object: 'console', reading: 'ph', min: 7, max: 7.4 } }, ctx)).toBe(true);
    expect(holdsIn({ between: { object: 'console', reading: 'ph', min: 36, max: 38 } }, ctx)).toBe(false);
    expect(holdsIn({ between: { object: 'console', min: 36, max: 38 } }, ctx)).toBe(true);
    expect(holdsIn({ between: { object: 'console', reading: 'do', min: -1e9, max: 1e9 } }, ctx)).toBe(false);
  });
});

describe('inputBetween', () => {
  const tooShort: Condition = { inputBetween: { min: 0, max: 9 } };

  it('judges the value typed with this action, limits included', () => {
    const ctx = context();
    expect(holdsIn(tooShort, ctx, { input: 0 })).toBe(true);
    expect(holdsIn(tooShort, ctx, { input: 5 })).toBe(true);
    expect(holdsIn(tooShort, ctx, { input: 9 })).toBe(true);
    expect(holdsIn(tooShort, ctx, { input: 9.5 })).toBe(false);
    expect(holdsIn(tooShort, ctx, { input: -1 })).toBe(false);
  });

  it('never holds without a typed value (as in a step\'s "when")', () => {
    expect(holdsIn(tooShort, context())).toBe(false);
  });

  it('in a rule: a 5 s or a 9 s "wash" breaks it and the step is not done; 10 s is only a wrong value', () => {
    for (const seconds of [5, 9]) {
      const r = play(sampling(), [act('wash', 'sink', seconds)]);
      expect(last(r), `${seconds} s`).toBe('violation wash-too-short');
      expect(r.context.done['wash-hands']).toBeUndefined();
    }
    expect(last(play(sampling(), [act('wash', 'sink', 10)]))).toBe('wrong-value wash-hands');
    expect(last(play(sampling(), washed))).toBe('step wash-hands');
  });
});

describe('poorReason', () => {
  const sop: Condition = { poorReason: { shorterThan: 10, refused: ['erreur', 'error', 'erreur de saisie'] } };
  const holdsFor = (reason: string | undefined) => holds(sop, { ctx: context(), reason, faultHandled: () => false });

  it('holds for a blank or absent reason', () => {
    expect(holdsFor(undefined)).toBe(true);
    expect(holdsFor('')).toBe(true);
    expect(holdsFor('   ')).toBe(true);
  });

  it('holds for a reason shorter than `shorterThan` characters once trimmed; 10 characters are enough', () => {
    expect(holdsFor('faute')).toBe(true);
    expect(holdsFor('  123456789  ')).toBe(true); // 9 characters
    expect(holdsFor('1234567890')).toBe(false);
  });

  it('holds for a refused word alone, whatever its case, accents, spaces and final punctuation', () => {
    expect(holdsFor('Erreur de saisie.')).toBe(true);
    expect(holdsFor('ERREUR DE  SAISIE !')).toBe(true);
    expect(holdsFor('érreur de saisie')).toBe(true);
    expect(holdsFor('Erreur de saisie : 1250 lu 1205 au totaliseur')).toBe(false);
  });

  it('without `shorterThan` nor `refused`, only a blank reason is poor', () => {
    const blank: Condition = { poorReason: {} };
    expect(holds(blank, { ctx: context(), reason: ' ', faultHandled: () => false })).toBe(true);
    expect(holds(blank, { ctx: context(), reason: 'x', faultHandled: () => false })).toBe(false);
  });

  /** The sampling scenario with the wash time written in the record, and a rule on its corrections. */
  const withRecord = (): Scenario => {
    const s = sampling();
    s.record.unshift({ id: 'rec-wash', label: text('Wash time (s)'), kind: 'value', after: 'wash-hands', value: { value: 'sink' }, unit: 's', points: 2 });
    s.rules.push({
      id: 'vague-correction', on: { verb: 'correct' }, when: { poorReason: { shorterThan: 10, refused: ['error'] } },
      category: 'documentation', severity: 'major', penalty: 4, explanation: text('Say why the value was wrong.'),
    });
    return s;
  };

  it('in a rule on "correct": "error" breaks it and the value stays; a real reason is a correction; a blank one too is the rule\'s', () => {
    expect(problemsOf(withRecord())).toEqual([]);
    const wrote = [...washed, act('record', 'rec-wash', 54)];
    let r = play(withRecord(), [...wrote, act('correct', 'rec-wash', 45, 'Error')]);
    expect(last(r)).toBe('violation vague-correction');
    expect(r.context.record['rec-wash']!.value).toBe(54);
    r = play(withRecord(), [...wrote, act('correct', 'rec-wash', 45, 'Transposed digits: the timer showed 45')]);
    expect(last(r)).toBe('record rec-wash');
    expect(r.context.record['rec-wash']!.corrections).toHaveLength(1);
    // the scenario's rule speaks before the built-in gdp-no-reason (README §5)
    expect(last(play(withRecord(), [...wrote, act('correct', 'rec-wash', 45, ' ')]))).toBe('violation vague-correction');
  });

  it('the checker refuses it where no reason is ever typed: a step\'s "when", a rule on another verb', () => {
    const s = withRecord();
    s.rules.at(-1)!.on = { verb: 'disinfect', target: 'sample-port' };
    s.steps[1]!.when = { not: { poorReason: {} } };
    expect(problemsOf(s)).toEqual([
      'steps[1].when: only a correction of the batch record carries a reason, so "poorReason" never holds in a step: put it in a rule on the verb "correct"',
      `rules[${s.rules.length - 1}].when: only a correction of the batch record carries a reason, so "poorReason" holds only in a rule on the verb "correct"`,
    ]);
  });
});

describe('faultActive', () => {
  it('holds once the fault is raised, until it is handled', () => {
    expect(holdsIn({ faultActive: 'torn-glove' }, context())).toBe(false);
    const raised = context({ raised: { 'torn-glove': 3 } });
    expect(holdsIn({ faultActive: 'torn-glove' }, raised)).toBe(true);
    expect(holdsIn({ faultActive: 'torn-glove' }, raised, { handled: ['torn-glove'] })).toBe(false);
  });

  it('a fault raised at minute 0 (at the start) is active', () => {
    expect(holdsIn({ faultActive: 'torn-glove' }, context({ raised: { 'torn-glove': 0 } }))).toBe(true);
  });

  it('in a scenario: the rule watching it fires between the fault and its answer, not before nor after', () => {
    const sample = act('sample', 'sample-port');
    const ready = [...disinfected, act('wait', 'sample-port')];
    const faulted = [...ready, act('touch-floor', 'gloves')];
    expect(last(play(sampling(), [...faulted, sample]))).toBe('violation sample-with-open-fault');
    expect(last(play(sampling(), [...ready, sample]))).toBe('step take-sample');
    expect(last(play(sampling(), [...faulted, act('change', 'gloves'), sample]))).toBe('step take-sample');
  });
});

describe('faultHandled', () => {
  it('holds once the fault was raised and all its steps are done', () => {
    const raised = context({ raised: { 'temperature-alarm': 2 } });
    expect(holdsIn({ faultHandled: 'temperature-alarm' }, raised)).toBe(false);
    expect(holdsIn({ faultHandled: 'temperature-alarm' }, raised, { handled: ['temperature-alarm'] })).toBe(true);
  });

  it('a fault never raised is not "handled", even with nothing left to do', () => {
    expect(holdsIn({ faultHandled: 'temperature-alarm' }, context(), { handled: ['temperature-alarm'] })).toBe(false);
  });

  it('in a scenario: only after the fault\'s steps are done', () => {
    const change = act('change', 'gloves');
    // gloves changed with no fault: nothing to judge
    expect(last(play(sampling(), [...washed, change]))).toBe('no-effect gloves');
    // the fault's own step, then the same gesture again: the rule on a handled fault
    const faulted = [...washed, act('touch-floor', 'gloves')];
    expect(last(play(sampling(), [...faulted, change]))).toBe('fault-handled gloves-contaminated');
    expect(last(play(sampling(), [...faulted, change, change]))).toBe('violation change-after-handled');
  });
});

describe('elapsed', () => {
  const wait2: Condition = { elapsed: { since: 'disinfect-port', atLeast: 2 } };

  it('holds from exactly `atLeast` minutes after the step, not a minute before', () => {
    expect(holdsIn(wait2, context({ done: { 'disinfect-port': 3 }, clock: 4 }))).toBe(false);
    expect(holdsIn(wait2, context({ done: { 'disinfect-port': 3 }, clock: 5 }))).toBe(true);
    expect(holdsIn(wait2, context({ done: { 'disinfect-port': 3 }, clock: 30 }))).toBe(true);
  });

  it('never holds while the step is not done, however late', () => {
    expect(holdsIn(wait2, context({ clock: 100 }))).toBe(false);
  });

  it('counts from minute 0 for a step done first', () => {
    expect(holdsIn(wait2, context({ done: { 'disinfect-port': 0 }, clock: 2 }))).toBe(true);
    expect(holdsIn(wait2, context({ done: { 'disinfect-port': 0 }, clock: 1 }))).toBe(false);
  });

  it('at least 0 minutes holds as soon as the step is done', () => {
    expect(holdsIn({ elapsed: { since: 'disinfect-port', atLeast: 0 } }, context({ done: { 'disinfect-port': 6 }, clock: 6 }))).toBe(true);
  });

  it('in a scenario: the count includes the step\'s own minute; one more step of a minute makes 2', () => {
    const sample = act('sample', 'sample-port');
    expect(last(play(sampling(), [...disinfected, sample]))).toBe('early take-sample');
    expect(last(play(sampling(), [...disinfected, act('wait', 'sample-port'), sample]))).toBe('step take-sample');
  });

  it('in a scenario: a disinfection written as taking 2 minutes is enough on its own', () => {
    const s = sampling();
    s.steps[1]!.minutes = 2;
    expect(last(play(s, [...disinfected, act('sample', 'sample-port')]))).toBe('step take-sample');
  });

  it('in a scenario: only steps and advanceClock move the clock, a step of 0 minutes does not', () => {
    const instant = sampling();
    instant.steps[2]!.minutes = 0;
    const steps = [...disinfected, act('wait', 'sample-port'), act('sample', 'sample-port')];
    expect(last(play(instant, steps))).toBe('early take-sample');
    // the guide's equivalent of `"minutes": 1`: `"minutes": 0` and an advanceClock of 1
    const advanced = sampling();
    advanced.steps[2]!.minutes = 0;
    advanced.steps[2]!.effects = [{ advanceClock: 1 }];
    expect(last(play(advanced, steps))).toBe('step take-sample');
  });
});

describe('all', () => {
  const ctx = context({ done: { 'don-outer-gloves': 4 } });

  it('holds when every condition holds', () => {
    expect(holdsIn({ all: [{ done: 'don-outer-gloves' }, { notDone: 'mirror-check' }] }, ctx)).toBe(true);
  });

  it('does not hold when any one fails, first or last', () => {
    expect(holdsIn({ all: [{ done: 'mirror-check' }, { notDone: 'mirror-check' }] }, ctx)).toBe(false);
    expect(holdsIn({ all: [{ done: 'don-outer-gloves' }, { done: 'mirror-check' }] }, ctx)).toBe(false);
  });

  it('of one condition is that condition', () => {
    expect(holdsIn({ all: [{ done: 'don-outer-gloves' }] }, ctx)).toBe(true);
    expect(holdsIn({ all: [{ done: 'mirror-check' }] }, ctx)).toBe(false);
  });

  it('an empty list is refused by the checker', () => {
    const s = sampling();
    s.steps[3]!.when = { all: [] };
    expect(problemsOf(s)).toContain('steps[3].when.all: needs at least 1 item(s)');
  });
});

describe('any', () => {
  const gloves = (state: string) => context({ objects: { 'outer-gloves': { state } } });
  const unusable: Condition = {
    any: [{ equals: { object: 'outer-gloves', state: 'torn' } }, { equals: { object: 'outer-gloves', state: 'removed' } }],
  };

  it('holds when at least one holds, whichever', () => {
    expect(holdsIn(unusable, gloves('torn'))).toBe(true);
    expect(holdsIn(unusable, gloves('removed'))).toBe(true);
  });

  it('does not hold when none holds', () => {
    expect(holdsIn(unusable, gloves('worn'))).toBe(false);
  });

  it('holds when all hold too (not an exclusive or)', () => {
    expect(holdsIn({ any: [{ done: 'a' }, { done: 'b' }] }, context({ done: { a: 1, b: 2 } }))).toBe(true);
  });

  it('an empty list is refused by the checker', () => {
    const s = sampling();
    s.steps[3]!.when = { any: [] };
    expect(problemsOf(s)).toContain('steps[3].when.any: needs at least 1 item(s)');
  });
});

describe('not', () => {
  const washing = (value?: number) => context({ objects: { sink: { state: 'used', ...(value !== undefined ? { value } : {}) } } });
  const notInRange: Condition = { not: { between: { object: 'sink', min: 40, max: 60 } } };

  it('holds when its condition does not, and the other way round', () => {
    expect(holdsIn(notInRange, washing(30))).toBe(true);
    expect(holdsIn(notInRange, washing(40))).toBe(false);
    expect(holdsIn(notInRange, washing(60))).toBe(false);
    expect(holdsIn(notInRange, washing(61))).toBe(true);
  });

  it('of a `between` on an object that shows no value holds (the between does not)', () => {
    expect(holdsIn(notInRange, washing())).toBe(true);
  });

  it('twice is the condition itself', () => {
    expect(holdsIn({ not: { not: { done: 'a' } } }, context({ done: { a: 0 } }))).toBe(true);
    expect(holdsIn({ not: { not: { done: 'a' } } }, context())).toBe(false);
  });

  it('without a condition (`"not": null`): refused by the checker; the engine reads it as "not always", i.e. never', () => {
    const empty = { not: null } as unknown as Condition;
    const s = sampling();
    s.steps[3]!.when = empty;
    expect(problemsOf(s)).toContain('steps[3].when.not: should be of type object');
    // no `when` at all means always (a step without one is open once its `requires` are done)
    expect(holdsIn(undefined, context())).toBe(true);
    expect(holdsIn(empty, context())).toBe(false);
  });
});

/* ========== expressions (README section 7), with the cell counter showing 2.3 ========== */

const value = (e: Expr, input?: number) => evalExpr(e, counterRoom(), input);
const counter: Expr = { value: 'cell-counter' };

describe('a number', () => {
  it('is itself', () => {
    expect(value(2.3)).toBe(2.3);
    expect(value(0)).toBe(0);
    expect(value(-4)).toBe(-4);
  });
});

describe('value', () => {
  it("is the object's displayed value", () => {
    expect(value(counter)).toBe(2.3);
  });

  it('"object.reading" is that named reading', () => {
    expect(value({ value: 'console.ph' })).toBe(7.1);
  });

  it('is not a number while the object shows nothing, or for a reading it does not have', () => {
    expect(value({ value: 'empty-display' })).toBeNaN();
    expect(value({ value: 'console' })).toBeNaN();
    expect(value({ value: 'console.do' })).toBeNaN();
  });
});

describe('input', () => {
  it('is what was typed with the action', () => {
    expect(value({ input: true }, 45)).toBe(45);
    expect(value({ input: true }, 0)).toBe(0);
  });

  it('is not a number without a typed value', () => {
    expect(value({ input: true })).toBeNaN();
  });

  it("in a step's effects: the sink keeps the time the trainee typed", () => {
    expect(play(sampling(), [act('wash', 'sink', 55)]).context.objects.sink!.value).toBe(55);
  });
});

describe('add', () => {
  it('adds its terms, however many', () => {
    expect(value({ add: [counter, 0.5] })).toBeCloseTo(2.8, 12);
    expect(value({ add: [1, 2, 3, 4] })).toBe(10);
  });

  it('of one term is that term', () => {
    expect(value({ add: [counter] })).toBe(2.3);
  });

  it('with a term that is not a number is not a number', () => {
    expect(value({ add: [counter, { value: 'empty-display' }] })).toBeNaN();
  });
});

describe('sub', () => {
  it('takes the second from the first, in that order', () => {
    expect(value({ sub: [counter, 0.5] })).toBeCloseTo(1.8, 12);
    expect(value({ sub: [0.5, counter] })).toBeCloseTo(-1.8, 12);
  });
});

describe('mul', () => {
  it('multiplies its factors, however many', () => {
    expect(value({ mul: [counter, 1.1, 0.01] })).toBeCloseTo(0.0253, 12);
    expect(value({ mul: [2, 3] })).toBe(6);
  });

  it('of one factor is that factor; by 0 is 0', () => {
    expect(value({ mul: [counter] })).toBe(2.3);
    expect(value({ mul: [counter, 0] })).toBe(0);
  });
});

describe('div', () => {
  it('divides the first by the second, in that order', () => {
    expect(value({ div: [{ mul: [0.5, 2000] }, counter] })).toBeCloseTo(1000 / 2.3, 9);
    expect(value({ div: [{ mul: [0.5, 2000] }, counter] })).toBeCloseTo(434.78, 2);
    expect(value({ div: [counter, 2] })).toBe(1.15);
  });
});

describe('round', () => {
  it('to 0 decimals: the guide\'s 434.78… gives 435', () => {
    expect(value({ round: [{ div: [{ mul: [0.5, 2000] }, counter] }, 0] })).toBe(435);
  });

  it('to some decimals', () => {
    expect(value({ round: [{ div: [{ mul: [0.5, 2000] }, counter] }, 1] })).toBe(434.8);
    expect(value({ round: [{ mul: [counter, 1.1, 0.01] }, 3] })).toBe(0.025);
    expect(value({ round: [1 / 3, 6] })).toBe(0.333333);
  });

  it('cleans what a subtraction leaves: 2.3 − 0.5 to 1 decimal is exactly 1.8', () => {
    expect(value({ round: [{ sub: [counter, 0.5] }, 1] })).toBe(1.8);
  });

  it('a half goes up', () => {
    expect(value({ round: [2.5, 0] })).toBe(3);
    expect(value({ round: [0.25, 1] })).toBe(0.3);
  });
});

describe('random', () => {
  const draw: Expr = { random: { min: 1.8, max: 2.8, decimals: 1 } };

  it('where nothing is drawn (expect, a record value) it counts as the middle of its range', () => {
    expect(value(draw)).toBeCloseTo(2.3, 12);
    expect(value({ random: { min: 40, max: 60, decimals: 0 } })).toBe(50);
  });

  it('drawn: within the range, with its decimals, and the next draw moves on', () => {
    let rng = 12345;
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const [v, next] = drawExpr(draw, context({ rng }));
      expect(v).toBeGreaterThanOrEqual(1.8);
      expect(v).toBeLessThanOrEqual(2.8);
      expect(Math.round(v * 10) / 10).toBe(v);
      expect(next).not.toBe(rng);
      seen.add(v);
      rng = next;
    }
    // eleven possible values, 1.8 to 2.8: 200 draws meet nearly all of them, both limits included
    expect(seen.size).toBeGreaterThanOrEqual(9);
    expect(seen.has(1.8) && seen.has(2.8)).toBe(true);
  });

  it('with 0 decimals, a whole number', () => {
    let rng = 99;
    for (let i = 0; i < 50; i++) {
      const [v, next] = drawExpr({ random: { min: 40, max: 60, decimals: 0 } }, context({ rng }));
      expect(Number.isInteger(v)).toBe(true);
      rng = next;
    }
  });

  it('the same seed gives the same number (replays match)', () => {
    expect(drawExpr(draw, context({ rng: 777 }))).toEqual(drawExpr(draw, context({ rng: 777 })));
  });
});

/* ========== effects (README section 8) ========== */

describe('set', () => {
  const ctx = context({ objects: { 'outer-gloves': { state: 'worn', value: 1 }, mirror: { state: 'idle' } } });

  it('puts the object in that state, leaving the rest of it and the other objects alone', () => {
    const after = applyEffects(ctx, [{ set: { object: 'outer-gloves', state: 'torn' } }]);
    expect(after.objects['outer-gloves']).toEqual({ state: 'torn', value: 1 });
    expect(after.objects.mirror).toEqual({ state: 'idle' });
  });

  it('applied in order: the last state set wins', () => {
    const after = applyEffects(ctx, [{ set: { object: 'outer-gloves', state: 'torn' } }, { set: { object: 'outer-gloves', state: 'removed' } }]);
    expect(after.objects['outer-gloves']!.state).toBe('removed');
  });

  it('leaves the context it was given as it was (a replay starts again from it)', () => {
    applyEffects(ctx, [{ set: { object: 'outer-gloves', state: 'torn' } }]);
    expect(ctx.objects['outer-gloves']).toEqual({ state: 'worn', value: 1 });
  });
});

describe('setValue', () => {
  it('gives the object the value of its expression, which it then displays', () => {
    const after = applyEffects(counterRoom(), [{ setValue: { object: 'empty-display', value: { mul: [counter, 2] } } }]);
    expect(after.objects['empty-display']).toEqual({ state: 'idle', value: 4.6 });
    expect(counterRoom().objects['empty-display']!.value).toBeUndefined();
  });

  it('with a reading, sets that reading only', () => {
    const after = applyEffects(counterRoom(), [{ setValue: { object: 'console', reading: 'ph', value: 6.9 } }]);
    expect(after.objects.console).toEqual({ state: 'on', readings: { ph: 6.9 } });
  });

  it('with the typed value', () => {
    const after = applyEffects(counterRoom(), [{ setValue: { object: 'cell-counter', value: { input: true } } }], 3.1);
    expect(after.objects['cell-counter']!.value).toBe(3.1);
  });

  it('applied in order: a later effect reads the value an earlier one set', () => {
    const after = applyEffects(counterRoom(), [
      { setValue: { object: 'cell-counter', value: 50 } },
      { setValue: { object: 'empty-display', value: { mul: [counter, 1.1, 0.01] } } },
    ]);
    expect(after.objects['empty-display']!.value).toBeCloseTo(0.55, 12);
  });

  it('a random value is drawn from the seed: the same seed, the same value', () => {
    const trypan: Expr = { random: { min: 40, max: 60, decimals: 0 } };
    const draw = (rng: number) => applyEffects(context({ rng, objects: { a: { state: 'idle' } } }), [{ setValue: { object: 'a', value: trypan } }]);
    const one = draw(2024);
    expect(draw(2024).objects).toEqual(one.objects);
    expect(one.objects.a!.value).toBeGreaterThanOrEqual(40);
    expect(one.objects.a!.value).toBeLessThanOrEqual(60);
    expect(Number.isInteger(one.objects.a!.value)).toBe(true);
    expect(one.rng).not.toBe(2024);
    const values = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => draw(seed * 1000).objects.a!.value));
    expect(values.size).toBeGreaterThan(1);
  });

  it('two random values in a row are two draws, not the same one twice', () => {
    const fine: Expr = { random: { min: 0, max: 1, decimals: 6 } };
    const after = applyEffects(context({ objects: { a: { state: 'idle' }, b: { state: 'idle' } } }), [
      { setValue: { object: 'a', value: fine } },
      { setValue: { object: 'b', value: fine } },
    ]);
    expect(after.objects.a!.value).not.toBe(after.objects.b!.value);
  });
});

describe('advanceClock', () => {
  const at = (clock: number, e: Expr) => applyEffects(context({ clock }), [{ advanceClock: e }]).clock;

  it('moves the clock on by that many minutes', () => {
    expect(at(3, 1)).toBe(4);
    expect(at(3, 15)).toBe(18);
    expect(at(0, 0.5)).toBe(0.5);
  });

  it('zero or negative does nothing', () => {
    expect(at(3, 0)).toBe(3);
    expect(at(3, -5)).toBe(3);
  });

  it('an expression that is not a number (an object showing nothing) leaves the clock as it is', () => {
    expect(applyEffects(counterRoom(), [{ advanceClock: { value: 'empty-display' } }]).clock).toBe(0);
  });

  it('a random wait is drawn within its range, the same for the same seed', () => {
    const wait: Expr = { random: { min: 5, max: 15, decimals: 0 } };
    const clocks = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => applyEffects(context({ rng: seed * 31, clock: 10 }), [{ advanceClock: wait }]).clock);
    for (const c of clocks) {
      expect(c).toBeGreaterThanOrEqual(15);
      expect(c).toBeLessThanOrEqual(25);
      expect(Number.isInteger(c)).toBe(true);
    }
    expect(new Set(clocks).size).toBeGreaterThan(1);
    expect(applyEffects(context({ rng: 31, clock: 10 }), [{ advanceClock: wait }]).clock).toBe(clocks[0]);
  });

  it('several add up, in order', () => {
    expect(applyEffects(context({ clock: 2 }), [{ advanceClock: 1 }, { advanceClock: -3 }, { advanceClock: 4 }]).clock).toBe(7);
  });
});

describe('redo', () => {
  it('reopens the steps named: they are no longer done, the others stay, nothing else changes', () => {
    const ctx = context({ clock: 9, done: { 'wash-hands': 0, 'disinfect-port': 2, 'let-dry': 3 } });
    const next = applyEffects(ctx, [{ redo: ['disinfect-port', 'let-dry'] }]);
    expect(next.done).toEqual({ 'wash-hands': 0 });
    expect(next.clock).toBe(9);
    expect(ctx.done).toEqual({ 'wash-hands': 0, 'disinfect-port': 2, 'let-dry': 3 }); // the input is not changed
  });

  it('a step not done is left as it is', () => {
    expect(applyEffects(context({ done: { 'wash-hands': 0 } }), [{ redo: ['take-sample'] }]).done).toEqual({ 'wash-hands': 0 });
  });
});

describe('raiseFault', () => {
  const faulted = [...washed, act('touch-floor', 'gloves')];

  it("a rule's effect raises the fault now: announced, after the rule's own effects", () => {
    const r = play(sampling(), faulted);
    const kinds = r.context.outcomes.slice(-2).map((o) => `${o.kind} ${o.ref}`);
    expect(kinds).toEqual(['violation gloves-on-floor', 'fault-raised gloves-contaminated']);
    expect(r.context.raised['gloves-contaminated']).toBeDefined();
    expect(r.context.objects.gloves!.state).toBe('contaminated');
  });

  it("the fault's steps become the trainee's to do, and the procedure waits for them", () => {
    const r = play(sampling(), faulted);
    expect(r.context.done['change-gloves']).toBeUndefined();
    const answered = play(sampling(), [...faulted, act('change', 'gloves')]);
    expect(answered.context.done['change-gloves']).toBeDefined();
    expect(answered.context.objects.gloves!.state).toBe('intact');
    // the whole procedure done with the fault left open: the attempt does not move on to the batch record
    const rest = [act('disinfect', 'sample-port'), act('wait', 'sample-port'), act('sample', 'sample-port')];
    expect(play(sampling(), [...faulted, ...rest]).end).toBe('running');
    expect(play(sampling(), [...faulted, act('change', 'gloves'), ...rest]).end).toBe('closure');
  });

  it('applied in order like the other effects: what comes after it in the list comes after the fault\'s own effects', () => {
    const s = sampling();
    s.faults[0]!.effects = [{ set: { object: 'gloves', state: 'contaminated' } }, { advanceClock: 1 }];
    s.rules[1]!.effects = [{ raiseFault: 'gloves-contaminated' }, { set: { object: 'gloves', state: 'intact' } }, { advanceClock: 5 }];
    const r = play(s, faulted);
    // washing took minute 0: the fault is raised at minute 1, its minute then the rule's five make 7
    expect(r.context.raised['gloves-contaminated']).toBe(1);
    expect(r.context.objects.gloves!.state).toBe('intact');
    expect(r.context.clock).toBe(7);
  });
});

/* ---------- the registry ---------- */

describe('the registry of words (src/engine/vocabulary)', () => {
  const root = resolve(import.meta.dirname, '../..');
  const builtins = readdirSync(resolve(root, 'scenarios'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => JSON.parse(readFileSync(resolve(root, 'scenarios', f), 'utf8')) as Scenario);

  /** The words a scenario uses, found by walking the file: every `when` is a condition, every `effects` a list of effects. */
  const wordsUsed = (s: Scenario) => {
    const conditions = new Set<string>();
    const effects = new Set<string>();
    const condition = (c: Record<string, unknown>) => {
      for (const [word, body] of Object.entries(c)) {
        conditions.add(word);
        if (word === 'all' || word === 'any') (body as Record<string, unknown>[]).forEach(condition);
        if (word === 'not') condition(body as Record<string, unknown>);
      }
    };
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (v === null || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        if (k === 'when') condition(x as Record<string, unknown>);
        else if (k === 'effects') for (const e of x as object[]) Object.keys(e).forEach((w) => effects.add(w));
        else walk(x);
      }
    };
    walk(s);
    return { conditions, effects };
  };

  it('every word has its schema fragment, its evaluation and its check', () => {
    expect(CONDITIONS.length).toBeGreaterThan(0);
    for (const w of [...CONDITIONS, ...EFFECTS, ...EXPRS]) {
      expect(w.schema, w.word).toMatchObject({ type: 'object', required: [w.word], properties: { [w.word]: expect.anything() } });
      expect(typeof ('holds' in w ? w.holds : 'apply' in w ? w.apply : w.evaluate), w.word).toBe('function');
      expect(typeof w.check, w.word).toBe('function');
    }
  });

  it('every word the built-in scenarios use is in the registry', () => {
    const conditions = new Set(CONDITIONS.map((w) => w.word as string));
    const effects = new Set(EFFECTS.map((w) => w.word as string));
    expect(builtins.length).toBeGreaterThanOrEqual(7);
    for (const s of builtins) {
      const used = wordsUsed(s);
      expect([...used.conditions].filter((w) => !conditions.has(w)), s.id).toEqual([]);
      expect([...used.effects].filter((w) => !effects.has(w)), s.id).toEqual([]);
    }
  });

  it('the authoring guide describes exactly the words of the registry (scenarios/README.md, §6 conditions, §7 expressions, §8 effects)', () => {
    const guide = readFileSync(resolve(root, 'scenarios/README.md'), 'utf8');
    const section = (n: number) => guide.slice(guide.indexOf(`\n## ${n}. `), guide.indexOf(`\n## ${n + 1}. `));
    const described = (text: string) => [...text.matchAll(/^\*\*`(\w+)`\*\*(?:, \*\*`(\w+)`\*\*)*(?:,? and \*\*`(\w+)`\*\*)?/gm)]
      .flatMap((m) => [...m[0].matchAll(/`(\w+)`/g)].map((x) => x[1]!));
    expect(described(section(6)).sort()).toEqual(CONDITIONS.map((w) => w.word).sort());
    expect(described(section(8)).sort()).toEqual(EFFECTS.map((w) => w.word).sort());
    // §7 is a table: a row per form, the word first ("| `add` (one or more terms) |"), after the plain number
    const rows = [...section(7).matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]!);
    expect(rows.sort()).toEqual(EXPRS.map((w) => w.word).sort());
  });
});
