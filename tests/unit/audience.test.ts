/**
 * What each audience may see, decided by the engine's view (view.ts
 * showsFor): the trainee in training or discovery sees hints, steps,
 * judgements and score; in assessment none of them while playing, and at
 * the debrief the judgements, the steps they name and the score, never a
 * hint; the instructor's replay shows what the trainee saw while playing.
 */
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import type { AttemptOptions, EngineEvent, Mode } from '../../src/engine/types';
import { showsFor, viewOf, type Audience } from '../../src/engine/view';
import { act, gowning } from './fixtures';

const c = prepare(gowning());
const options = (mode: Mode): AttemptOptions => ({ seed: 11, mode, forcedFault: 'none' });
const view = (mode: Mode, events: EngineEvent[], audience?: Audience) => viewOf(c, new Attempt(c, options(mode), events).snapshot, audience);
// the jewellery off (a step done), then the facility suit too early (a mistake)
const playing = [act('remove', 'personal-items'), act('don', 'facility-suit')];
// … then into Grade B ungowned: a critical mistake ends the attempt
const ended = [...playing, act('enter', 'door-grade-b')];

describe('what the reader sees', () => {
  it('the rules, mode by mode', () => {
    const all = { hints: true, steps: true, judgements: true, score: true };
    const none = { hints: false, steps: false, judgements: false, score: false };
    for (const mode of ['discovery', 'training'] as const) {
      for (const audience of ['trainee', 'instructor'] as const) {
        expect(showsFor(mode, audience, 'running')).toEqual(all);
        expect(showsFor(mode, audience, 'failed')).toEqual(all);
      }
    }
    expect(showsFor('assessment', 'trainee', 'running')).toEqual(none);
    expect(showsFor('assessment', 'trainee', 'closure')).toEqual(none);
    expect(showsFor('assessment', 'trainee', 'passed')).toEqual({ hints: false, steps: true, judgements: true, score: true });
    expect(showsFor('assessment', 'instructor', 'running')).toEqual(none);
    expect(showsFor('assessment', 'instructor', 'failed')).toEqual(none);
  });

  it('a trainee in training: hints beside the steps, every judgement, the hints of the steps that come first', () => {
    const v = view('training', playing);
    expect(v.shows).toEqual({ hints: true, steps: true, judgements: true, score: true });
    expect(v.steps.find((s) => s.id === 'wash-hands')!.hint).toEqual({ fr: 'Le lavage se fait ici, au premier stade du vestiaire : toute la procédure prend 40 à 60 s (OMS) ; plus court, les mains ne sont pas propres.', en: expect.any(String) });
    expect(v.outcomes.map((o) => [o.outcome.kind, o.shown])).toEqual([['phase', true], ['step', true], ['early', true]]);
    expect(v.outcomes.at(-1)!.waitingFor!.steps.map((s) => [s.id, !!s.hint])).toEqual([['remove-outdoor-clothes', true], ['wash-hands', true]]);
  });

  it('a trainee in assessment, playing: no hint, no judgement (the news of a phase still shows)', () => {
    const v = view('assessment', playing);
    expect(v.shows).toEqual({ hints: false, steps: false, judgements: false, score: false });
    expect(v.steps.every((s) => s.hint === undefined)).toBe(true);
    expect(v.outcomes.map((o) => [o.outcome.kind, o.shown])).toEqual([['phase', true], ['step', false], ['early', false]]);
    expect(v.outcomes.at(-1)!.waitingFor).toBeUndefined();
  });

  it('a trainee in assessment, at the debrief: the judgements and the steps they name, still no hint', () => {
    const v = view('assessment', ended);
    expect(v.end).toBe('failed');
    expect(v.shows).toEqual({ hints: false, steps: true, judgements: true, score: true });
    expect(v.outcomes.filter((o) => !o.shown)).toEqual([]);
    expect(v.outcomes.find((o) => o.outcome.kind === 'early')!.waitingFor!.steps).toEqual([
      { id: 'remove-outdoor-clothes', title: { fr: 'Retirer la tenue de ville', en: 'Take off outdoor clothes' }, number: 3 },
      { id: 'wash-hands', title: { fr: 'Se laver les mains, au moins 40 s', en: 'Wash hands for at least 40 s' }, number: 4 },
    ]);
  });

  it("the instructor's replay: what the trainee saw while playing, to the last action", () => {
    expect(view('training', ended, 'instructor').shows).toEqual({ hints: true, steps: true, judgements: true, score: true });
    const v = view('assessment', ended, 'instructor');
    expect(v.shows).toEqual({ hints: false, steps: false, judgements: false, score: false });
    expect(v.outcomes.filter((o) => o.shown).map((o) => o.outcome.kind)).toEqual(['phase']);
  });
});
