/**
 * Which rule answers an action when two could (the word `overrides`,
 * src/engine/precedence.ts): the declared precedence decides, not the order
 * of the arrays; the checker names two rules left without one. Expected
 * judgements are read from gowning.json: crossing the bench at the very start,
 * jewellery and outdoor clothes both still on, is the jewellery rule's
 * (major, 15), which the file says overrides the outdoor-clothes rule (10).
 */
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { byPrecedence, placedRules } from '../../src/engine/precedence';
import type { Rule, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { act, gowning } from './fixtures';

const options = { seed: 5, mode: 'training' as const, forcedFault: 'none' };
const problemsOf = (s: Scenario) => {
  const v = validateScenario(s);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};
/** The rule that answered crossing the bench first thing. */
const crossing = (s: Scenario) => {
  const o = replay(prepare(s), options, [act('cross', 'step-over-bench')]).context.outcomes.at(-1)!;
  return `${o.kind} ${o.ref} ${o.penalty}`;
};
const rule = (s: Scenario, id: string) => s.rules.find((r) => r.id === id)!;

describe('precedence between rules', () => {
  it('the rule that overrides answers, whatever the order of the array', () => {
    const s = gowning();
    expect(s.rules.slice(0, 2).map((r) => r.id)).toEqual(['jewellery-past-bench', 'outdoor-clothes-past-bench']);
    expect(crossing(s)).toBe('violation jewellery-past-bench 15');
    const swapped = () => {
      const x = gowning();
      x.rules = [x.rules[1]!, x.rules[0]!, ...x.rules.slice(2)];
      return x;
    };
    expect(problemsOf(swapped())).toEqual([]);
    expect(crossing(swapped())).toBe('violation jewellery-past-bench 15');
    // the other way round, declared: the other rule answers, in either order
    // (a fresh copy each time: a compiled scenario is kept for the object it was compiled from)
    for (const s2 of [gowning(), swapped()]) {
      delete rule(s2, 'jewellery-past-bench').overrides;
      rule(s2, 'outdoor-clothes-past-bench').overrides = ['jewellery-past-bench'];
      expect(problemsOf(s2)).toEqual([]);
      expect(crossing(s2)).toBe('violation outdoor-clothes-past-bench 10');
    }
  });

  it('a fault\'s rule can override a scenario rule: it is asked first', () => {
    const s = gowning();
    const faultRule = s.faults.flatMap((f) => f.rules ?? [])[0]!;
    const scenarioRule = s.rules.at(-1)!;
    faultRule.overrides = [scenarioRule.id];
    const order = byPrecedence(placedRules(s)).map((p) => p.rule.id);
    expect(order.indexOf(faultRule.id)).toBeLessThan(order.indexOf(scenarioRule.id));
    // rules with no precedence between them keep file order
    expect(order.slice(0, 2)).toEqual(['jewellery-past-bench', 'outdoor-clothes-past-bench']);
  });

  it('the checker names both rules and the action when no precedence is declared, and accepts a declared one', () => {
    const s = gowning();
    delete rule(s, 'jewellery-past-bench').overrides;
    expect(problemsOf(s)).toEqual([
      'rules[1].on: the rules "jewellery-past-bench" (rules[0]) and "outdoor-clothes-past-bench" (rules[1]) can both fire on "cross" on "step-over-bench", and only one answers an action: say which one speaks first with "overrides": ["outdoor-clothes-past-bench"] on "jewellery-past-bench", or the reverse',
    ]);
  });

  it('the checker leaves alone rules that cannot fire together: contradicting conditions, one fault\'s rule before its trigger step', () => {
    const s = gowning();
    const extra: Rule = {
      id: 'cross-after-jewellery', on: { verb: 'cross' }, when: { done: 'remove-jewellery' }, overrides: [],
      category: 'sequence', severity: 'minor', penalty: 1, explanation: { fr: 'x', en: 'x' },
    };
    delete extra.overrides;
    s.rules.push(extra);
    // it meets "jewellery-past-bench" (notDone remove-jewellery) never, but "outdoor-clothes-past-bench" can fire with it
    expect(problemsOf(s)).toEqual([
      expect.stringMatching(/^rules\[\d+\]\.on: the rules "outdoor-clothes-past-bench" \(rules\[1\]\) and "cross-after-jewellery" \(rules\[\d+\]\) can both fire on "cross" on "step-over-bench"/),
    ]);
  });

  it('the checker refuses an unknown rule, a rule overriding itself, and a circle', () => {
    const s = gowning();
    rule(s, 'outdoor-clothes-past-bench').overrides = ['jewellery-past-bench', 'outdoor-clothes-past-bench', 'no-such-rule'];
    expect(problemsOf(s)).toEqual([
      'rules[1].overrides[1]: a rule cannot override itself',
      'rules[1].overrides[2]: no rule is called "no-such-rule"',
      'rules[0].overrides: rules override each other in a circle: jewellery-past-bench → outdoor-clothes-past-bench → jewellery-past-bench',
    ]);
  });
});
