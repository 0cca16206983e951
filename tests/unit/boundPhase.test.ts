/**
 * A fault's step bound to a later phase (a fault step's `phase`): what the
 * checker says of it, on copies of deviation-handling (version 4, whose day-3
 * investigation meeting is such a phase) broken on purpose. How the engine
 * plays it is in deviationModel.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';

const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/deviation-handling.json'), 'utf8');
const deviation = (): Scenario => JSON.parse(text) as Scenario;
const problemsOf = (s: Scenario) => {
  const v = validateScenario(s);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};
/** The feed-error fault (the third) and its step by id. */
const feedError = (s: Scenario) => s.faults[2]!;
const stepOf = (s: Scenario, id: string) => feedError(s).steps.find((x) => x.id === id)!;
const at = (s: Scenario, id: string) => `faults[2].steps[${feedError(s).steps.findIndex((x) => x.id === id)}]`;

describe('the checker on fault steps bound to a later phase', () => {
  it('accepts the shipped deviation handling', () => {
    expect(problemsOf(deviation())).toEqual([]);
  });

  it('names a phase that does not exist', () => {
    const s = deviation();
    stepOf(s, 'account-feed-error').phase = 'investigation-meting';
    expect(problemsOf(s)).toContain(`${at(s, 'account-feed-error')}.phase: no phase is called "investigation-meting"`);
  });

  it('refuses a step bound to the phase where its fault happens: it is done there anyway', () => {
    const s = deviation();
    stepOf(s, 'meeting-feed-error').phase = 'round';
    expect(problemsOf(s)).toContain(`${at(s, 'meeting-feed-error')}.phase: the fault "feed-error" happens in the phase "round", so a step bound to it or to an earlier phase is done there anyway: bind it to a later phase, or remove "phase"`);
  });

  it('refuses a day-0 step that requires a step of the later phase', () => {
    const s = deviation();
    delete stepOf(s, 'account-feed-error').phase;
    expect(problemsOf(s)).toContain(`${at(s, 'account-feed-error')}.requires[0]: "meeting-feed-error" is done in the later phase "investigation-meeting", and this step, without "phase", is done before the procedure leaves the phase where the fault happens, so it could never be done: give it "phase": "investigation-meeting" too`);
  });

  it('refuses a phase with nothing in it, and a first phase without a step of the procedure', () => {
    const s = deviation();
    for (const f of s.faults) for (const st of f.steps) delete st.phase;
    expect(problemsOf(s)).toEqual(['phases[2]: the phase "investigation-meeting" has no step: give it steps of the procedure, or bind steps of a fault to it with "phase"']);
    const first = deviation();
    first.phases.unshift(first.phases.pop()!);
    expect(problemsOf(first)).toContain('phases[0]: every attempt starts in the first phase "investigation-meeting", so it needs a step of the procedure');
  });

  it('refuses a redo in a step of the later phase: the phase where the fault happened is over', () => {
    const s = deviation();
    stepOf(s, 'send-qa-feed-error').effects!.push({ redo: ['check-feed'] });
    const n = stepOf(s, 'send-qa-feed-error').effects!.length - 1;
    expect(problemsOf(s)).toContain(`${at(s, 'send-qa-feed-error')}.effects[${n}]: a step bound to the later phase "investigation-meeting" cannot reopen steps with "redo": the phase where the fault happened is over by then`);
  });
});
