/**
 * Judgements that name their reason (engine side): a step tried too early
 * names the steps and phases that come first; an inaccurate record value
 * carries the value written and the value expected; blanks and uncorrected
 * values found at submission name their entries; the view's score breakdown
 * adds up; the debrief praises a record only when it has no gap. Every
 * expected id, number and text below is read from scenarios/gowning.json by
 * hand, not from the engine.
 */
import { describe, expect, it } from 'vitest';
import { Attempt, prepare, replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, EngineEvent, Scenario } from '../../src/engine/types';
import { conclusionOf, viewOf } from '../../src/engine/view';
import { act, gowning } from './fixtures';

const training: AttemptOptions = { seed: 11, mode: 'training', forcedFault: 'none' };
const c = prepare(gowning());
const perfect = (o: AttemptOptions) => perfectRun(c, o).events;
const view = (o: AttemptOptions, events: EngineEvent[]) => viewOf(c, new Attempt(c, o, events).snapshot);
/** The changing room (phase 1 of gowning), done right. */
const changingRoom = [act('declare', 'health-declaration'), act('remove', 'personal-items'), act('undress', 'locker'), act('wash', 'sink', 45), act('don', 'facility-suit'), act('cross', 'step-over-bench')];

describe('too early: the steps still missing', () => {
  it('names the steps the tried step requires, and theirs, in the order of the procedure', () => {
    // the facility suit requires the outdoor clothes off and the wash; the wash requires the jewellery off
    const early = replay(c, training, [act('don', 'facility-suit')]).context.outcomes.at(-1)!;
    expect(early).toMatchObject({ kind: 'early', ref: 'don-facility-suit', missing: ['remove-jewellery', 'remove-outdoor-clothes', 'wash-hands'] });
    const after = replay(c, training, [act('remove', 'personal-items'), act('don', 'facility-suit')]).context.outcomes.at(-1)!;
    expect(after.missing).toEqual(['remove-outdoor-clothes', 'wash-hands']);
  });

  it('the view names each step with its place in its phase and its hint', () => {
    const v = view(training, [act('remove', 'personal-items'), act('don', 'facility-suit')]);
    expect(v.outcomes.at(-1)!.waitingFor).toEqual({
      phases: [],
      steps: [
        { id: 'remove-outdoor-clothes', title: { fr: 'Retirer la tenue de ville', en: 'Take off outdoor clothes' }, number: 3,
          hint: { fr: 'Aucun vêtement de ville, chaussettes comprises, ne passe vers la zone B.', en: 'No outdoor clothing, socks included, goes on towards Grade B.' } },
        { id: 'wash-hands', title: { fr: 'Se laver les mains, au moins 40 s', en: 'Wash hands for at least 40 s' }, number: 4,
          hint: { fr: 'Le lavage se fait ici, au premier stade du vestiaire : toute la procédure prend 40 à 60 s (OMS) ; plus court, les mains ne sont pas propres.', en: 'Hands are washed here, in the first stage of the change room: the whole procedure takes 40 to 60 s (WHO); any shorter and hands are not clean.' } },
      ],
    });
  });

  it('a step of a later phase names the unfinished phase before it, and its own missing steps', () => {
    // the first sterile gloves (sterile airlock, phase 2) need the hand rub and the opened pack, itself after its check
    const r = replay(c, training, [act('don', 'inner-gloves')]);
    expect(r.context.outcomes.at(-1)!.missing).toEqual([
      'declare-health', 'remove-jewellery', 'remove-outdoor-clothes', 'wash-hands', 'don-facility-suit', 'cross-bench',
      'hand-rub', 'inspect-pack', 'open-pack',
    ]);
    const w = view(training, [act('don', 'inner-gloves')]).outcomes.at(-1)!.waitingFor!;
    expect(w.phases).toEqual([{ number: 1, title: { fr: 'Vestiaire (premier stade)', en: 'Changing room (first stage)' }, left: 6 }]);
    expect(w.steps.map((s) => [s.id, s.number, !!s.hint])).toEqual([['hand-rub', 1, true], ['inspect-pack', 2, true], ['open-pack', 3, false]]);
  });

  it('a raised fault not handled yet comes first, named with its fault', () => {
    const o: AttemptOptions = { ...training, forcedFault: 'torn-pack' };
    const events = [...changingRoom, act('rub', 'hand-rub', 25), act('inspect', 'garment-pack'), act('check', 'mirror')];
    const early = replay(c, o, events).context.outcomes.at(-1)!;
    expect(early).toMatchObject({ kind: 'early', ref: 'mirror-check' });
    expect(early.missing!.slice(0, 4)).toEqual(['reject-pack', 'new-pack', 'note-pack', 'open-pack']);
    const w = view(o, events).outcomes.at(-1)!.waitingFor!;
    const damaged = { fr: 'Sachet de tenue endommagé', en: 'Damaged garment pack' };
    expect(w.steps.map((s) => [s.id, s.fault])).toEqual([['reject-pack', damaged], ['new-pack', damaged], ['note-pack', damaged]]);
    // the airlock still has open-pack … don-outer-gloves (steps 8 to 15 of the file) to do
    expect(w.phases).toEqual([{ number: 2, title: { fr: "Sas d'habillage stérile", en: 'Sterile gowning airlock' }, left: 8 }]);
  });

  it('a step whose only obstacle is its own condition names nothing', () => {
    // a copy where the outdoor clothes come off only once the sink has been used: a condition, not a required step
    const s: Scenario = gowning();
    s.steps.find((x) => x.id === 'remove-outdoor-clothes')!.when = { equals: { object: 'sink', state: 'used' } };
    const c2 = prepare(s);
    const a = new Attempt(c2, training, [act('undress', 'locker')]);
    const early = a.snapshot.context.outcomes.at(-1)!;
    expect(early).toMatchObject({ kind: 'early', ref: 'remove-outdoor-clothes' });
    expect(early.missing).toBeUndefined();
    expect(viewOf(c2, a.snapshot).outcomes.at(-1)!.waitingFor).toBeUndefined();
  });
});

describe('batch record: the values and the entries named', () => {
  const washed = [act('remove', 'personal-items'), act('wash', 'sink', 45)];

  it('an inaccurate value carries what was written and what the sink showed', () => {
    const r = replay(c, training, [...washed, act('record', 'rec-wash-time', 54)]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'gdp-inaccurate', target: 'rec-wash-time', written: 54, expected: 45 });
    const v = view(training, [...washed, act('record', 'rec-wash-time', 54)]).outcomes.at(-1)!;
    expect(v.entry).toEqual({ fr: 'Durée du lavage des mains (s)', en: 'Hand-wash time (s)' });
    expect(v.values).toEqual({ written: 54, expected: 45, unit: 's', instrument: { fr: 'Lavabo à commande non manuelle', en: expect.any(String) } });
  });

  it('a correction to another wrong value names it too', () => {
    const r = replay(c, training, [...washed, act('record', 'rec-wash-time', 54), act('correct', 'rec-wash-time', 44, 'relu')]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ ref: 'gdp-inaccurate', written: 44, expected: 45 });
  });

  it('a named reading gives its own label and decimals', () => {
    const s: Scenario = gowning();
    const sink = s.objects.find((o) => o.id === 'sink')!;
    sink.readings = [{ id: 'timer', label: { fr: 'Minuteur', en: 'Timer' }, unit: 's', decimals: 1 }];
    s.steps.find((x) => x.id === 'wash-hands')!.effects!.push({ setValue: { object: 'sink', reading: 'timer', value: { input: true } } });
    s.record.find((e) => e.id === 'rec-wash-time')!.value = { value: 'sink.timer' };
    const c2 = prepare(s);
    const v = viewOf(c2, new Attempt(c2, training, [...washed, act('record', 'rec-wash-time', 54)]).snapshot).outcomes.at(-1)!;
    expect(v.values).toMatchObject({ written: 54, expected: 45, unit: 's', decimals: 1, reading: { fr: 'Minuteur', en: 'Timer' } });
  });

  it('blanks found at submission name their entries, and the passed debrief is not told the record is complete', () => {
    const events = perfect(training).filter((e) => e.target !== 'rec-entry-sign');
    const r = replay(c, training, events);
    expect(r.end).toBe('passed');
    expect(r.context.outcomes.find((o) => o.ref === 'gdp-blank')).toMatchObject({ penalty: 3, entries: ['rec-entry-sign'] });
    const v = view(training, events);
    expect(v.outcomes.find((o) => o.outcome.ref === 'gdp-blank')!.entries).toEqual([{ fr: "Visa de l'opérateur à l'entrée en zone B", en: "Operator's signature on entering Grade B" }]);
    expect(v.recordGaps.blank.map((e) => e.id)).toEqual(['rec-entry-sign']);
    expect(conclusionOf(v)).toBe('passed-with-gaps');
    expect(conclusionOf(view(training, perfect(training)))).toBe('passed');
  });

  it('an uncorrected wrong value or a late entry is a gap too; a critical end or a failure says so', () => {
    const p = perfect(training);
    const wrong = p.map((e) => (e.target === 'rec-wash-time' ? { ...e, value: 99 } : e));
    const w = view(training, wrong);
    expect(w.end).toBe('passed');
    expect(w.recordGaps.wrong.map((e) => e.id)).toEqual(['rec-wash-time']);
    expect(w.outcomes.find((o) => o.outcome.ref === 'gdp-uncorrected')!.entries).toEqual([{ fr: 'Durée du lavage des mains (s)', en: 'Hand-wash time (s)' }]);
    expect(conclusionOf(w)).toBe('passed-with-gaps');
    // the wash time written once the airlock's first step is done: late
    const washTime = p.find((e) => e.target === 'rec-wash-time')!;
    const rest = p.filter((e) => e !== washTime);
    const rub = rest.findIndex((e) => e.target === 'hand-rub');
    const late = view(training, [...rest.slice(0, rub + 1), washTime, ...rest.slice(rub + 1)]);
    expect(late.end).toBe('passed');
    expect([late.recordGaps.blank, late.recordGaps.wrong, late.recordGaps.late.map((e) => e.id)]).toEqual([[], [], ['rec-wash-time']]);
    expect(conclusionOf(late)).toBe('passed-with-gaps');
    const crosses = Array.from({ length: 8 }, () => act('cross', 'step-over-bench'));
    expect(conclusionOf(view(training, [...crosses, ...p]))).toBe('failed');
    expect(conclusionOf(view(training, [act('enter', 'door-grade-b')]))).toBe('critical');
    expect(conclusionOf(view(training, [act('remove', 'personal-items')]))).toBeNull();
  });
});

describe('how the score is made', () => {
  it('points earned out of possible, each penalty, the score', () => {
    // too early (2, sequence), jewellery past the bench (15, aseptic), the wash time left blank (3 at submission)
    const events = [act('don', 'facility-suit'), act('cross', 'step-over-bench'), ...perfect(training).filter((e) => e.target !== 'rec-wash-time')];
    const b = view(training, events).breakdown;
    // 122 points of steps and 20 of record entries are possible; the wash time's 3 are not earned
    expect([b.earned, b.possible, b.base]).toEqual([139, 142, 98]);
    expect(b.penalties.map((o) => [o.outcome.ref, o.outcome.penalty, o.category])).toEqual([
      ['don-facility-suit', 2, 'sequence'],
      ['jewellery-past-bench', 15, 'aseptic'],
      ['gdp-blank', 3, 'documentation'],
    ]);
    expect(b.penaltyTotal).toBe(20);
    // 100 × 139 / 142 = 97.89; − 20 = 77.89
    expect([b.total, b.clamped, b.critical, b.passed]).toEqual([78, false, null, false]);
    expect(b.penalties[1]!.gesture).toEqual({ object: { fr: 'Banc de franchissement', en: expect.any(String) }, action: { fr: "Franchir le banc, une jambe après l'autre", en: expect.any(String) } });
  });

  it('the critical rule that failed the attempt, and a score held at 0', () => {
    const b = view(training, [act('remove', 'personal-items'), act('enter', 'door-grade-b')]).breakdown;
    // 5 of 142 points: 3.52 → 4; − 40 = −36.5, held at 0
    expect([b.earned, b.possible, b.base, b.penaltyTotal, b.total, b.clamped]).toEqual([5, 142, 4, 40, 0, true]);
    expect(b.critical?.outcome).toMatchObject({ ref: 'enter-incomplete', critical: true, penalty: 40 });
    expect(b.critical?.reason).toBeDefined();
  });

  it('discovery: no penalty to list', () => {
    const b = view({ ...training, mode: 'discovery' }, [act('don', 'facility-suit')]).breakdown;
    expect(b.penalties).toEqual([]);
  });
});
