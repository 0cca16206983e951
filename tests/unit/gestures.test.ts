/**
 * Gestures with two ends (media preparation: the sterile filter assembly is
 * connected onto the preparation vessel's outlet). Expectations come from the
 * procedure: onto the vessel is the step; onto the WFI point of use is the
 * mistake the scenario explains; a connection names both ends for the room.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { ActEvent, AttemptOptions, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';

const load = () => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/media-preparation.json'), 'utf8')) as Scenario;
const options: AttemptOptions = { seed: 3, mode: 'training', forcedFault: 'none' };
const c = prepare(load());

/** The perfect run up to the connection of the filter assembly. */
function beforeConnect(): Attempt {
  const events = perfectRun(c, options).events;
  const a = new Attempt(c, options);
  for (const e of events.slice(0, events.findIndex((e) => e.verb === 'connect' && e.target === 'filter'))) a.send(e);
  return a;
}
const connect = (w?: string): ActEvent => ({ type: 'ACT', verb: 'connect', target: 'filter', ...(w ? { with: w } : {}) });

describe('two-ended gestures', () => {
  it('the perfect run connects the assembly onto the vessel', () => {
    expect(perfectRun(c, options).events).toContainEqual(connect('vessel'));
  });

  it('onto the vessel the step is done and the room is told what is joined to what', () => {
    const a = beforeConnect();
    a.send(connect('vessel'));
    expect(a.snapshot.context.outcomes.at(-1)).toMatchObject({ kind: 'step', ref: 'connect-assembly', target: 'filter', with: 'vessel' });
    expect(viewOf(c, a.snapshot).links).toEqual([{ verb: 'connect', from: 'filter', to: 'vessel' }]);
  });

  it('onto the WFI point of use it is the mistake the scenario explains, and nothing is joined', () => {
    const a = beforeConnect();
    a.send(connect('wfi-tap'));
    expect(a.snapshot.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'filter-onto-wfi', penalty: 3 });
    expect(a.snapshot.context.done['connect-assembly']).toBeUndefined();
    expect(viewOf(c, a.snapshot).links).toEqual([]);
  });

  it('without its second end the gesture does nothing', () => {
    const a = beforeConnect();
    a.send(connect());
    expect(a.snapshot.context.outcomes.at(-1)!.kind).toBe('no-effect');
  });

  it('the checker names a step onto an object the action cannot reach, and a step that forgets its second end', () => {
    const s = load();
    s.steps.find((x) => x.id === 'connect-assembly')!.action.with = 'bag';
    let v = validateScenario(s);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.message.en).join('\n')).toContain('cannot be made onto "bag"');
    delete s.steps.find((x) => x.id === 'connect-assembly')!.action.with;
    v = validateScenario(s);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.message.en).join('\n')).toContain('say which one in "with"');
  });
});
