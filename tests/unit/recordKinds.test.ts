/**
 * Record entries that are not numbers (text, date, time of day) and lots
 * drawn during the run (`newLot`): judged right and wrong, replayed alike,
 * drawn the same for a seed, and checked. Expected times and dates are worked
 * out by hand from the little procedure below.
 */
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { addDays, isIsoDate, timeAfter } from '../../src/engine/calendar';
import { drawNewLot, firstExpiry } from '../../src/engine/lots';
import { streamFor, lotNumber } from '../../src/engine/random';
import type { ActEvent, EngineEvent, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';

const L = (fr: string, en = fr) => ({ fr, en });

/**
 * A bottle of buffer (lot "BF", expiry 30–60 days after 2026-03-02) checked,
 * then a hold of 45 minutes on the tank; the fault `expired` finds the
 * bottle past its date, and a new bottle is fetched (newLot). The clock
 * starts at 07:30 and a step's time is the clock once it is done: inspect
 * takes 5 min (07:35), starting the hold 1 min (07:36), the hold 45 min
 * (08:21), releasing the tank 1 min (08:22).
 */
function bench(): Scenario {
  return {
    id: 'record-kinds', version: 1, title: L('Essai'), summary: L('Essai'), blocks: [1], grades: ['C'], room: 'prep-room', minutes: 10,
    objectives: [L('Essai')], passMark: 50, faultChance: 0, sources: ['test'],
    start: { day: '2026-03-02', time: '07:30' },
    phases: [{ id: 'work', title: L('Travail') }],
    objects: [
      { id: 'bottle', name: L('Flacon'), kind: 'bottle', lot: 'BF', expiry: { minDays: 30, maxDays: 60, expiredWith: 'expired' }, state: 'closed', states: { closed: L('fermé'), checked: L('contrôlé'), expired: L('périmé'), replaced: L('remplacé') }, actions: [{ verb: 'inspect', label: L('Contrôler') }, { verb: 'replace', label: L('Remplacer') }] },
      { id: 'tank', name: L('Cuve'), kind: 'tank', state: 'idle', states: { idle: L('au repos'), holding: L('en attente'), done: L('fini') }, actions: [{ verb: 'hold', label: L('Démarrer') }, { verb: 'wait', label: L('Attendre') }, { verb: 'release', label: L('Libérer') }] },
    ],
    steps: [
      { id: 'inspect', phase: 'work', title: L('Contrôler'), action: { verb: 'inspect', target: 'bottle' }, points: 5, category: 'process', minutes: 5, effects: [{ set: { object: 'bottle', state: 'checked' } }] },
      { id: 'start-hold', phase: 'work', title: L('Attente'), action: { verb: 'hold', target: 'tank' }, requires: ['inspect'], points: 5, category: 'process', minutes: 1 },
      { id: 'wait', phase: 'work', title: L('Attendre'), action: { verb: 'wait', target: 'tank' }, requires: ['start-hold'], points: 1, category: 'process', minutes: 45 },
      { id: 'end-hold', phase: 'work', title: L('Fin'), action: { verb: 'release', target: 'tank' }, requires: ['wait'], points: 5, category: 'process' },
    ],
    rules: [],
    faults: [{
      id: 'expired', title: L('Périmé'), trigger: { afterStep: 'inspect' }, announce: L('Périmé'), effects: [{ set: { object: 'bottle', state: 'expired' } }],
      steps: [{ id: 'new-bottle', stage: 'contain', title: L('Nouveau'), action: { verb: 'replace', target: 'bottle' }, points: 5, category: 'deviation', effects: [{ newLot: 'bottle' }, { set: { object: 'bottle', state: 'replaced' } }] }],
    }],
    record: [
      { id: 'lot', label: L('Lot'), kind: 'text', after: 'inspect', expected: { lotOf: 'bottle' }, points: 2 },
      { id: 'exp', label: L('Péremption'), kind: 'date', after: 'inspect', expected: { expiryOf: 'bottle' }, points: 2 },
      { id: 'tank-id', label: L('Cuve n°'), kind: 'text', after: 'inspect', expected: 'T-204', points: 2 },
      { id: 'hold-start', label: L('Début'), kind: 'time', after: 'start-hold', expected: { timeOf: 'start-hold' }, points: 2 },
      { id: 'hold-end', label: L('Fin'), kind: 'time', after: 'end-hold', expected: { timeOf: 'end-hold' }, points: 2 },
      { id: 'new-lot', label: L('Nouveau lot'), kind: 'text', after: 'new-bottle', expected: { lotOf: 'bottle' }, points: 2 },
      { id: 'new-exp', label: L('Nouvelle péremption'), kind: 'date', after: 'new-bottle', expected: { expiryOf: 'bottle' }, points: 2 },
      { id: 'sign', label: L('Visa'), kind: 'signature', after: 'end-hold', points: 1 },
    ],
    debrief: { passed: L('ok'), failed: L('non'), critical: L('critique') },
  };
}

const act = (verb: string, target: string, more: Partial<ActEvent> = {}): ActEvent => ({ type: 'ACT', verb, target, ...more });
const NONE = { seed: 21, mode: 'training' as const, forcedFault: 'none' };
const FAULT = { seed: 21, mode: 'training' as const, forcedFault: 'expired' };

/** The lot and expiry the seed gives the bottle at the start (the lot is the main sequence's first draw, as for every object with a lot). */
function firstLot(seed: number) {
  return lotNumber((seed >>> 0) ^ 0x9e3779b9, 'BF')[0];
}

describe('record entries of text, date and time', () => {
  it('the scenario is sound', () => {
    expect(validateScenario(bench()).problems).toEqual([]);
  });

  it('each kind, written right, earns its points; the times are the clock from 07:30, once each step is done', () => {
    const s = bench();
    const start = replay(s, NONE, []).context;
    const lot = start.objects.bottle!.lot!;
    const exp = start.objects.bottle!.expiry!;
    expect(lot).toBe(firstLot(21));
    const events: EngineEvent[] = [
      act('inspect', 'bottle'),
      act('record', 'lot', { text: lot.toLowerCase() }), // case does not matter for a lot number
      act('record', 'exp', { text: exp }),
      act('record', 'tank-id', { text: '  T-204 ' }), // nor spaces around
      act('hold', 'tank'),
      act('record', 'hold-start', { text: '07:36' }),
      act('wait', 'tank'),
      act('release', 'tank'),
      act('record', 'hold-end', { text: '08:22' }),
    ];
    const r = replay(s, NONE, events);
    const records = r.context.outcomes.filter((o) => o.kind === 'record');
    expect(records.map((o) => [o.ref, o.points])).toEqual([['lot', 2], ['exp', 2], ['tank-id', 2], ['hold-start', 2], ['hold-end', 2]]);
    expect(r.context.outcomes.filter((o) => o.kind === 'violation')).toEqual([]);
    // kept as written, trimmed: what the record shows
    expect(r.context.record['tank-id']!.value).toBe('T-204');
    expect(r.context.record['hold-end']!.value).toBe('08:22');
    // the time of day the screen shows (HUD) is the one the entry copies
    expect(viewOf(prepare(s), r.snapshot).timeOfDay).toBe('08:22');
  });

  it('a wrong value earns nothing and its judgement names the value written and the value expected', () => {
    const s = bench();
    const start = replay(s, NONE, []).context;
    const lot = start.objects.bottle!.lot!;
    const exp = start.objects.bottle!.expiry!;
    const wrongDate = addDays(exp, 1);
    const r = replay(s, NONE, [
      act('inspect', 'bottle'),
      act('record', 'lot', { text: `${lot}1` }),
      act('record', 'exp', { text: wrongDate }),
      act('record', 'tank-id', { text: 'T-240' }),
      act('hold', 'tank'),
      act('record', 'hold-start', { text: '07:35' }), // the inspection's time, not the hold's
    ]);
    const wrong = r.context.outcomes.filter((o) => o.ref === 'gdp-inaccurate');
    expect(wrong.map((o) => [o.target, o.written, o.expected])).toEqual([
      ['lot', `${lot}1`, lot],
      ['exp', wrongDate, exp],
      ['tank-id', 'T-240', 'T-204'],
      ['hold-start', '07:35', '07:36'],
    ]);
    expect(r.context.outcomes.filter((o) => o.kind === 'record').every((o) => o.points === 0)).toBe(true);
    // the view gives the screen the kind, so it writes a date as a date
    const view = viewOf(prepare(s), r.snapshot);
    const exps = view.outcomes.find((o) => o.outcome.ref === 'gdp-inaccurate' && o.outcome.target === 'exp')!;
    expect(exps.values).toEqual({ written: wrongDate, expected: exp, kind: 'date' });
  });

  it('a wrong entry corrected with its reason earns its points once', () => {
    const s = bench();
    const r = replay(s, NONE, [
      act('inspect', 'bottle'),
      act('record', 'tank-id', { text: 'T-240' }),
      act('correct', 'tank-id', { text: 'T-204', reason: 'chiffres inversés' }),
    ]);
    expect(r.context.record['tank-id']).toMatchObject({ value: 'T-204', wrong: false, corrections: [{ from: 'T-240', to: 'T-204', reason: 'chiffres inversés' }] });
    expect(r.context.outcomes.filter((o) => o.kind === 'record' && o.ref === 'tank-id').map((o) => o.points)).toEqual([0, 2]);
  });

  it('a replay of the same events gives the same context and score', () => {
    const s = bench();
    const start = replay(s, FAULT, []).context;
    const events: EngineEvent[] = [act('inspect', 'bottle'), act('record', 'lot', { text: start.objects.bottle!.lot! }), act('replace', 'bottle'), act('record', 'new-lot', { text: 'BF-0000' })];
    const a = replay(s, FAULT, events);
    const b = replay(bench(), FAULT, structuredClone(events));
    expect(b.context).toEqual(a.context);
    expect(b.score).toEqual(a.score);
  });
});

describe('lots and expiry dates drawn by the seed', () => {
  it('the expiry is the same for a seed, in its window after the run\'s day, and does not move the main sequence', () => {
    const s = bench();
    const o = s.objects[0]!;
    for (const seed of [1, 2, 3, 99, 123456]) {
      const e = firstExpiry(s, o, seed, null)!;
      expect(firstExpiry(s, o, seed, null)).toBe(e);
      expect(isIsoDate(e)).toBe(true);
      expect(e >= '2026-04-01' && e <= '2026-05-01').toBe(true); // 2026-03-02 + 30 days .. + 60 days
    }
    const dates = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => firstExpiry(s, o, seed, null)));
    expect(dates.size).toBeGreaterThan(1);
    // the lot number is still the main sequence's first draw: adding an expiry moved nothing
    expect(replay(s, NONE, []).context.objects.bottle!.lot).toBe(firstLot(21));
    const withoutExpiry = bench();
    delete withoutExpiry.objects[0]!.expiry;
    expect(replay(withoutExpiry, NONE, []).context.objects.bottle!.lot).toBe(firstLot(21));
  });

  it('when the attempt\'s fault is the expired lot, the lot found is past its date (1 to 90 days before the run\'s day)', () => {
    const s = bench();
    for (const seed of [1, 2, 3, 99]) {
      const e = replay(s, { ...FAULT, seed }, []).context.objects.bottle!.expiry!;
      expect(e >= '2025-12-02' && e <= '2026-03-01', e).toBe(true);
    }
  });

  it('a new lot differs from the old one, is in date, and is the same for a seed', () => {
    const s = bench();
    for (const seed of [1, 2, 3, 21, 99]) {
      const events = [act('inspect', 'bottle'), act('replace', 'bottle')];
      const before = replay(s, { ...FAULT, seed }, events.slice(0, 1)).context.objects.bottle!;
      const after = replay(s, { ...FAULT, seed }, events).context.objects.bottle!;
      expect(after.lot).toMatch(/^BF-\d{4}$/);
      expect(after.lot).not.toBe(before.lot);
      expect(after.expiry! >= '2026-04-01' && after.expiry! <= '2026-05-01').toBe(true);
      expect(replay(s, { ...FAULT, seed }, events).context.objects.bottle).toEqual(after);
    }
  });

  it('a new lot is judged against the bottle it is written for', () => {
    const s = bench();
    const events: EngineEvent[] = [act('inspect', 'bottle'), act('replace', 'bottle')];
    const now = replay(s, FAULT, events).context.objects.bottle!;
    const r = replay(s, FAULT, [...events, act('record', 'new-lot', { text: now.lot! }), act('record', 'new-exp', { text: now.expiry! })]);
    expect(r.context.outcomes.filter((o) => o.kind === 'record').map((o) => [o.ref, o.points])).toEqual([['new-lot', 2], ['new-exp', 2]]);
  });

  it('a lot drawn again never repeats the current one, even when its stream would', () => {
    const s = bench();
    const ctx = replay(s, FAULT, []).context;
    // the stream of the first new lot gives this lot first: make it the current one
    const clash = lotNumber(streamFor(ctx.seed, 'bottle.lot.1'), 'BF')[0];
    const next = drawNewLot(s, { ...ctx, objects: { ...ctx.objects, bottle: { ...ctx.objects.bottle!, lot: clash } } }, 'bottle');
    expect(next.objects.bottle!.lot).not.toBe(clash);
    expect(next.objects.bottle!.newLots).toBe(1);
  });
});

describe('the calendar', () => {
  it('counts days and times of day by hand-checked examples', () => {
    expect(addDays('2026-03-02', 30)).toBe('2026-04-01');
    expect(addDays('2026-03-02', -1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(timeAfter('07:30', 5)).toBe('07:35');
    expect(timeAfter('23:50', 25)).toBe('00:15');
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('the checker', () => {
  const problems = (change: (s: Scenario) => void) => {
    const s = bench();
    change(s);
    const v = validateScenario(s);
    return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
  };

  it('a date entry about an object without expiry, or without lot', () => {
    expect(problems((s) => delete s.objects[0]!.expiry)).toContain('record[1].expected.expiryOf: the object "bottle" has no expiry date ("expiry")');
    expect(problems((s) => { s.record[0]!.expected = { lotOf: 'tank' }; })).toContain('record[0].expected.lotOf: the object "tank" has no lot number ("lot")');
    expect(problems((s) => { s.record[0]!.expected = { lotOf: 'flask' }; })).toContain('record[0].expected.lotOf: no object is called "flask"');
  });

  it('a blank text, a malformed date or time, an expected value of the wrong kind', () => {
    expect(problems((s) => { s.record[2]!.expected = '   '; })).toContain('record[2].expected: the expected text is blank');
    expect(problems((s) => { s.record[1]!.expected = '31/03/2027'; })).toContain('record[1].expected: "31/03/2027" is not a date written YYYY-MM-DD');
    expect(problems((s) => { s.record[3]!.expected = '7:35'; })).toContain('record[3].expected: "7:35" is not a time of day written HH:MM (00:00 to 23:59)');
    expect(problems((s) => { s.record[0]!.kind = 'date'; })).toContain('record[0].kind: a lot number is a text: make the entry "text"');
    expect(problems((s) => { s.record[3]!.expected = { timeOf: 'lunch' }; })).toContain('record[3].expected.timeOf: no step is called "lunch"');
  });

  it('a text entry without expected, a value entry with expected', () => {
    expect(problems((s) => delete s.record[0]!.expected)).toContain('record[0]: "expected" is missing');
    expect(problems((s) => { s.record[7]!.expected = 'x'; })).toContain('record[7].expected: a "signature" entry is not judged by "expected": remove it, or make the entry "text", "date" or "time"');
  });

  it('an expiry without lot or without the run\'s day; newLot on an object without lot; a bad start', () => {
    expect(problems((s) => delete s.objects[0]!.lot)).toContain('objects[0].expiry: the object "bottle" has an expiry but no "lot": give it a lot prefix');
    expect(problems((s) => { s.start = { time: '07:30' }; })).toContain('objects[0].expiry: an expiry date counts from the run\'s day: give "start": { "day": "YYYY-MM-DD" }');
    expect(problems((s) => { s.faults[0]!.steps[0]!.effects = [{ newLot: 'tank' }]; })).toContain('faults[0].steps[0].effects[0].newLot: the object "tank" has no "lot", so no new lot can be drawn for it');
    expect(problems((s) => { s.objects[0]!.expiry!.expiredWith = 'spill'; })).toContain('objects[0].expiry.expiredWith: no fault is called "spill"');
    expect(problems((s) => { s.start = { day: '2026-02-30', time: '07:30' }; })).toContain('start.day: "2026-02-30" is not a date written YYYY-MM-DD');
    expect(problems((s) => { s.start = { day: '2026-03-02', time: '24:00' }; })).toContain('start.time: should be a time of day written HH:MM (00:00 to 23:59)');
  });
});
