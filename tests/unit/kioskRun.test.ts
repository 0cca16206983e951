/**
 * The career-day kiosk's run (AttemptOptions.scored): the discovery scenario
 * with discovery's hints, but a mistake costs its penalty and a critical
 * mistake stops the run, as in training. Discovery elsewhere stays forgiving.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import { prepare } from '../../src/engine/attempt';
import { viewOf } from '../../src/engine/view';
import type { AttemptOptions, Scenario } from '../../src/engine/types';
import { act } from './fixtures';

const discovery = prepare(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/discovery.json'), 'utf8')) as Scenario);
const kiosk: AttemptOptions = { seed: 5, mode: 'discovery', forcedFault: 'none', scored: true };
const forgiving: AttemptOptions = { seed: 5, mode: 'discovery', forcedFault: 'none' };
const perfect = perfectRun(discovery, kiosk).events;

describe('the kiosk run', () => {
  it('a perfect run scores 100 and passes', () => {
    const r = replay(discovery, kiosk, perfect);
    expect(r.end).toBe('passed');
    expect(r.score.total).toBe(100);
  });

  it('a mistake costs its penalty (the scenario gives 10 for changing a set point), where discovery forgives it', () => {
    const events = [act('adjust', 'control-panel'), ...perfect];
    expect(replay(discovery, kiosk, events).score.total).toBe(90);
    expect(replay(discovery, forgiving, events).score.total).toBe(100);
  });

  it('opening the bioreactor stops the run at once, with its explanation; discovery lets the visitor go on', () => {
    const r = replay(discovery, kiosk, [act('open', 'bioreactor')]);
    expect(r.end).toBe('failed');
    expect(r.score.critical).toBe(true);
    expect(viewOf(discovery, r.snapshot).breakdown.critical?.explanation?.fr).toMatch(/^On n'ouvre jamais un bioréacteur/);
    // the same visitor, in discovery on the home screen, carries on and can still finish
    expect(replay(discovery, forgiving, [act('open', 'bioreactor'), ...perfect]).end).toBe('passed');
  });

  it('shows hints and steps as discovery does', () => {
    const v = viewOf(discovery, replay(discovery, kiosk, []).snapshot);
    expect(v.shows).toEqual({ hints: true, steps: true, judgements: true, score: true });
  });
});
