/**
 * A fault's rule applies until the stage of its fault it names (`until`):
 * contained, or documented (the default). Events written by hand, as a
 * trainee would play them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { faultStageIn } from '../../src/engine/compileScenario';
import type { AttemptOptions, EngineEvent, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { act } from './fixtures';

const scenario = (id: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario;

describe('media preparation: the expired lot is a critical until it is contained', () => {
  const c = prepare(scenario('media-preparation'));
  const o: AttemptOptions = { seed: 3, mode: 'training', forcedFault: 'expired-lot' };
  const raised = [act('clear', 'bench'), act('check', 'vessel'), act('inspect', 'powder-medium')];
  const weigh = act('weigh', 'weigh-container', 220);

  it('weighing before the lot is replaced is the critical use-expired-lot', () => {
    const r = replay(c, o, [...raised, act('reject', 'powder-medium'), act('note', 'logbook'), weigh]);
    expect(r.end).toBe('failed');
    expect(r.context.critical).toBe('use-expired-lot');
  });

  it('the new lot weighed after containment, before the phone call, is judged as any weighing', () => {
    const contained = [...raised, act('reject', 'powder-medium'), act('replace', 'powder-medium'), act('note', 'logbook')];
    const before = replay(c, o, contained);
    expect(faultStageIn(before.snapshot, 'expired-lot')).toBe('contained');
    const r = replay(c, o, [...contained, weigh]);
    expect(r.end).toBe('running');
    expect(r.context.critical).toBeNull();
    expect(r.context.outcomes.some((x) => x.ref === 'use-expired-lot')).toBe(false);
    // as without the fault: the balance has not had its daily check
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'weigh-unchecked-balance' });
    const noFault = replay(c, { ...o, forcedFault: 'none' }, [...raised, weigh]);
    expect(noFault.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'weigh-unchecked-balance' });
  });

  it("it is the fault rule's until that stops it, not the scenario rule before it", () => {
    // without weigh-unchecked-balance (a scenario rule, so tried first), the fault rule alone decides
    const contained = [...raised, act('reject', 'powder-medium'), act('replace', 'powder-medium'), act('note', 'logbook'), weigh];
    const alone = (until: 'contained' | undefined) => {
      const s = scenario('media-preparation');
      s.rules = s.rules.filter((r) => r.id !== 'weigh-unchecked-balance');
      const rule = s.faults.find((f) => f.id === 'expired-lot')!.rules![0]!;
      if (until) rule.until = until;
      else delete rule.until;
      return replay(s, o, contained).context;
    };
    expect(alone('contained').critical).toBeNull();
    expect(alone(undefined).critical).toBe('use-expired-lot'); // the default: until documented, and the supervisor is not called yet
  });
});

describe('deviation handling: classification and CAPA rules apply until the fault is documented', () => {
  const c = prepare(scenario('deviation-handling'));
  // the golden feed-error run (values read as drawn by its seed), up to the containment: pump stopped, line clamped, supervisor called,
  // the open deviation on the board, the other feeds of the day rechecked
  const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, '../golden/deviation-handling/fault.json'), 'utf8')) as { options: AttemptOptions; events: EngineEvent[] };
  const o = golden.options;
  const contained = golden.events.slice(0, golden.events.findIndex((e) => 'verb' in e && e.verb === 'check-others') + 1);

  it('a wrong classification or CAPA after containment is still the rule of the fault', () => {
    const declared = [...contained, act('write-facts', 'logbook'), act('declare', 'computer')];
    expect(faultStageIn(replay(c, o, contained).snapshot, 'feed-error')).toBe('contained');
    expect(faultStageIn(replay(c, o, declared).snapshot, 'feed-error')).toBe('contained');
    const r = replay(c, o, [...declared, act('classify-minor', 'deviation-form')]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'wrong-class-minor-feed-error' });
    const capa = replay(c, o, [...contained, act('capa-none', 'capa-plan')]);
    expect(capa.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'wrong-capa-none-feed-error' });
  });

  it("keeps the default: none of its fault rules says until", () => {
    const s = scenario('deviation-handling');
    expect(s.faults.flatMap((f) => f.rules ?? []).every((r) => r.until === undefined)).toBe(true);
  });
});

describe('the checker reads until', () => {
  const expired = (s: Scenario) => s.faults.find((f) => f.id === 'expired-lot')!;

  it('until "contained" on a fault with no containment step is an error naming the fault and the rule, in both languages', () => {
    const s = scenario('media-preparation');
    for (const st of expired(s).steps) st.stage = 'document';
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
    const p = v.problems.find((x) => x.path.endsWith('.until'));
    expect(p?.path).toBe(`faults[${s.faults.indexOf(expired(s))}].rules[0].until`);
    expect(p?.message.en).toContain('"expired-lot"');
    expect(p?.message.en).toContain('"use-expired-lot"');
    expect(p?.message.fr).toContain('"expired-lot"');
    expect(p?.message.fr).toContain('"use-expired-lot"');
  });

  it('only "contained" or "documented", and only on a fault\'s rule', () => {
    const wrong = scenario('media-preparation');
    (expired(wrong).rules![0] as { until: string }).until = 'raised';
    expect(validateScenario(wrong).problems.map((x) => x.path)).toContain(`faults[${wrong.faults.indexOf(expired(wrong))}].rules[0].until`);
    const top = scenario('media-preparation');
    (top.rules[0] as { until?: string }).until = 'contained';
    const v = validateScenario(top);
    expect(v.problems).toContainEqual(expect.objectContaining({ path: 'rules[0]', message: expect.objectContaining({ en: 'unknown field "until"' }) }));
  });

  it('the built-in scenarios pass', () => {
    for (const id of ['media-preparation', 'deviation-handling']) expect(validateScenario(scenario(id)).problems).toEqual([]);
  });
});
