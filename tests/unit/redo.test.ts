/**
 * A fault's answer that reopens steps of the procedure (effect `redo`):
 * single-use-assembly's failed weld (version 2). Sealing off the rejected
 * weld reopens loading the welder, welding and inspecting; the trainee does
 * them again under the same rules. Expected values from the scenario file:
 * load-welder 5, weld-tubes 5, inspect-weld 6 points the first time, nothing
 * the second (README §8: a step earns its points once; the first points stay).
 */
import { describe, expect, it } from 'vitest';
import { advance, prepare, startAttempt, type Snapshot } from '../../src/engine/attempt';
import { scoreOf } from '../../src/engine/score';
import type { EngineEvent, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from './fixtures';

const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/single-use-assembly.json'), 'utf8');
const assembly = (): Scenario => JSON.parse(text) as Scenario;
const c = prepare(assembly());
const options = { seed: 6, mode: 'training' as const, forcedFault: 'failed-weld' };
const play = (events: EngineEvent[]): Snapshot => events.reduce((s, e) => advance(c, s, e), startAttempt(c, options));

/** Receipt, installation and connections up to the weld inspection that fails (tests/golden/single-use-assembly/fault.json, events 0–24). */
const toFailedWeld: EngineEvent[] = [
  act('clear', 'workbench'), act('inspect-pack', 'bag'), act('check-indicator', 'bag'), act('check-expiry', 'bag'),
  act('inspect-pack', 'manifold'), act('review', 'certificate', 34.2), act('transfer', 'bag'),
  act('inspect', 'holder'), act('install', 'bag'), act('install', 'manifold'), act('close', 'clamp-bag'), act('close', 'clamp-manifold'),
  act('check', 'clamp-source'), act('connect', 'connector'), act('verify', 'connector'), act('open', 'clamp-bag'),
  act('load', 'tube-welder'), act('weld', 'tube-welder'), act('inspect', 'tube-welder'),
];
const sealedOff = [...toFailedWeld, act('reject', 'tube-welder'), act('seal', 'tube-sealer')];
const outcomesOf = (s: Snapshot, ref: string) => s.context.outcomes.filter((o) => o.ref === ref).map((o) => `${o.kind} +${o.points} -${o.penalty}`);
const problemsOf = (s: Scenario) => {
  const v = validateScenario(s);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};

describe('redo: a fault reopens steps of the procedure', () => {
  it('the weld inspection raises the fault; rejecting does not reopen anything yet', () => {
    const s = play([...toFailedWeld, act('reject', 'tube-welder')]);
    expect(s.context.raised['failed-weld']).toBeDefined();
    expect(['load-welder', 'weld-tubes', 'inspect-weld'].map((id) => s.context.done[id] !== undefined)).toEqual([true, true, true]);
  });

  it('sealing off reopens loading, welding and inspecting: the step list shows them open again, to redo', () => {
    const s = play(sealedOff);
    expect(['load-welder', 'weld-tubes', 'inspect-weld'].map((id) => s.context.done[id])).toEqual([undefined, undefined, undefined]);
    const steps = viewOf(c, s).steps.filter((x) => ['load-welder', 'weld-tubes', 'inspect-weld', 'open-weld'].includes(x.id));
    expect(steps.map((x) => [x.id, x.done, x.open, x.redo ?? false])).toEqual([
      ['load-welder', false, true, true],
      ['weld-tubes', false, false, true],
      ['inspect-weld', false, false, true],
      ['open-weld', false, false, false],
    ]);
  });

  it('the steps are done again in order, earn nothing twice, keep their first points, and the new weld does not fail again', () => {
    const before = scoreOf(c.index, play(sealedOff).context);
    const s = play([...sealedOff, act('load', 'tube-welder'), act('weld', 'tube-welder'), act('inspect', 'tube-welder')]);
    expect(outcomesOf(s, 'load-welder')).toEqual(['step +5 -0', 'step +0 -0']);
    expect(outcomesOf(s, 'weld-tubes')).toEqual(['step +5 -0', 'step +0 -0']);
    expect(outcomesOf(s, 'inspect-weld')).toEqual(['step +6 -0', 'step +0 -0']);
    expect(s.context.outcomes.filter((o) => o.kind === 'fault-raised').map((o) => o.ref)).toEqual(['failed-weld']);
    expect(s.context.objects['tube-welder']!.state).toBe('weld-ok');
    expect(scoreOf(c.index, s.context).earned).toBe(before.earned);
    // the log can now be written (it requires the new weld inspected), and the fault is handled
    const logged = advance(c, s, act('note', 'logbook'));
    expect(outcomesOf(logged, 'log-weld')).toEqual(['step +4 -0']);
    expect(logged.context.outcomes.some((o) => o.kind === 'fault-handled' && o.ref === 'failed-weld')).toBe(true);
  });

  it('a reopened step is judged as any step: welding before loading again is early; the log waits for the new inspection', () => {
    expect(outcomesOf(play([...sealedOff, act('weld', 'tube-welder')]), 'weld-tubes')).toEqual(['step +5 -0', 'early +0 -2']);
    const s = play([...sealedOff, act('note', 'logbook')]);
    expect(s.context.done['log-weld']).toBeUndefined();
  });

  it('opening the manifold clamp before the new weld is inspected is the fault\'s rule, which overrides the scenario\'s', () => {
    const s = play([...sealedOff, act('open', 'clamp-manifold')]);
    expect(s.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'open-clamp-failed-weld', penalty: 40 });
  });

  it('the checker: redo belongs to a fault raised after a step, and names that step or what it requires, in its phase', () => {
    expect(problemsOf(assembly())).toEqual([]);
    const s = assembly();
    const weld = s.faults.find((f) => f.id === 'failed-weld')!;
    weld.effects = [...(weld.effects ?? []), { redo: ['open-weld', 'line-clearance', 'reject-weld', 'no-such-step'] }];
    s.rules[0]!.effects = [{ redo: ['weld-tubes'] }];
    const at = `faults[${s.faults.indexOf(weld)}].effects[1].redo`;
    expect(problemsOf(s)).toEqual([
      'rules[0].effects[0].redo: "redo" reopens steps as the answer to a fault: put it in a fault\'s effects or in its steps\' effects',
      `${at}[0]: "open-weld" does not come before the fault "failed-weld" can happen: "redo" reopens the step "inspect-weld" that raises it, or a step it requires in the same phase`,
      `${at}[1]: "line-clearance" does not come before the fault "failed-weld" can happen: "redo" reopens the step "inspect-weld" that raises it, or a step it requires in the same phase`,
      `${at}[2]: "reject-weld" is a fault's step: "redo" reopens steps of the procedure`,
      `${at}[3]: no step is called "no-such-step"`,
    ]);
  });
});
