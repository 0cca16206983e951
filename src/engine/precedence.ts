/**
 * Which rule answers an action when several could: the word `overrides` of a
 * rule (scenarios/README.md §5). Only one rule answers an action; a rule
 * that overrides another is asked before it, whatever the order of the
 * arrays. Here: the order the judge asks the rules in, and the checker's
 * search for two rules that can fire on the same action with no precedence
 * declared between them. Scenario rules always come before the built-in
 * documentation rules (builtinRules.ts): they are the site's own word.
 */
import type { Condition, Fault, FaultRule, Rule } from './types';
import { conditionWord } from './vocabulary/index.ts';

/** A rule of the scenario or of a fault, with where it is written. */
export interface PlacedRule {
  rule: Rule;
  /** The fault whose rule it is. */
  fault?: string;
  /** Its JSON path in the file, for the checker. */
  path: string;
}

/** Every rule of the scenario, in file order: the scenario's, then each fault's. */
export function placedRules(s: { rules: Rule[]; faults: Fault[] }): PlacedRule[] {
  return [
    ...s.rules.map((rule, i) => ({ rule, path: `rules[${i}]` })),
    ...s.faults.flatMap((f, fi) => (f.rules ?? []).map((rule, i) => ({ rule, fault: f.id, path: `faults[${fi}].rules[${i}]` }))),
  ];
}

/** The ids reached from `from` through `next`, directly or not (a step's `requires`, a rule's `overrides`); `from` itself only through a circle. */
export function reached(from: readonly string[], next: (id: string) => readonly string[] | undefined): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const o of next(id) ?? []) if (!seen.has(o)) (seen.add(o), visit(o));
  };
  from.forEach(visit);
  return seen;
}

/** The rules each rule overrides, directly or through another (a overrides b, b overrides c: a overrides c). */
function overriddenBy(rules: readonly PlacedRule[]): Map<string, Set<string>> {
  const direct = new Map(rules.map((r) => [r.rule.id, r.rule.overrides ?? []]));
  return new Map(rules.map(({ rule }) => [rule.id, reached([rule.id], (id) => direct.get(id))]));
}

/**
 * The order in which the judge asks the rules: a rule before every rule it
 * overrides; otherwise file order. (A circle of overrides, which the checker
 * refuses, leaves its rules in file order.)
 */
export function byPrecedence<T extends PlacedRule>(rules: readonly T[]): T[] {
  const over = overriddenBy(rules);
  const left = [...rules];
  const out: T[] = [];
  while (left.length) {
    // the first rule in file order that no rule still waiting overrides
    let i = left.findIndex((r) => !left.some((o) => o !== r && over.get(o.rule.id)!.has(r.rule.id) && !over.get(r.rule.id)!.has(o.rule.id)));
    if (i < 0) i = 0;
    out.push(left.splice(i, 1)[0]!);
  }
  return out;
}

/** The conditions that must all hold for the condition to hold. */
const conjuncts = (c: Condition | undefined): Condition[] => (!c ? [] : 'all' in c ? c.all.flatMap(conjuncts) : [c]);

/** Two lists of conditions that can never all hold together, as far as their words say: a pair contradicts, or every branch of an `any` does. */
function exclusive(a: readonly Condition[], b: readonly Condition[]): boolean {
  const anyOut = (x: readonly Condition[], y: readonly Condition[]) =>
    x.some((c) => 'any' in c && c.any.every((branch) => exclusive([...conjuncts(branch), ...x.filter((o) => o !== c)], y)));
  // not (all of these), while the other list says all of these
  const said = (y: readonly Condition[]) => new Set(y.map((c) => JSON.stringify(c)));
  const notOut = (x: readonly Condition[], y: readonly Condition[]) =>
    x.some((c) => 'not' in c && conjuncts(c.not).every((n) => said(y).has(JSON.stringify(n))));
  return a.some((x) => b.some((y) => contradict(x, y))) || anyOut(a, b) || anyOut(b, a) || notOut(a, b) || notOut(b, a);
}

/** Two conditions that can never hold together, as far as their words say (each word's `contradicts`, ./vocabulary). */
const contradict = (a: Condition, b: Condition): boolean => conditionWord(a)?.contradicts?.(a as never, b) ?? false;

/** What a scenario tells of its steps: enough to know which steps are surely done once another is. */
export interface Procedure {
  phases: { id: string }[];
  steps: { id: string; phase: string; requires?: string[] }[];
  faults: Fault[];
  rules: Rule[];
}

/**
 * What surely holds while each rule applies: its `when`; for a fault's rule,
 * its fault active and, for a fault raised after a step, that step done; and
 * with each step done, the steps it requires and those of earlier phases
 * (the procedure reached its phase). A step a fault may reopen (`redo`) is
 * never surely done.
 */
function applying(p: Procedure) {
  const phaseOf = new Map(p.steps.map((st) => [st.id, p.phases.findIndex((ph) => ph.id === st.phase)]));
  const requires = new Map(p.steps.map((st) => [st.id, st.requires ?? []]));
  const effects = [...p.rules, ...p.faults.flatMap((f) => [f, ...(f.rules ?? []), ...f.steps])].flatMap((x) => x.effects ?? []);
  const reopened = new Set(effects.flatMap((e) => ('redo' in e ? e.redo : [])));
  const byRule = new Set(effects.flatMap((e) => ('raiseFault' in e ? [e.raiseFault] : [])));
  const before = (id: string): string[] => {
    const phase = phaseOf.get(id) ?? -1;
    const from = [id, ...p.steps.filter((st) => phaseOf.get(st.id)! < phase).map((st) => st.id)];
    const out = new Set([...from, ...reached(from, (x) => requires.get(x))].filter((x) => phaseOf.has(x)));
    return [...out].filter((x) => !reopened.has(x));
  };
  /** A step of the fault that requires all the others of `steps`: while it is not done, they are not all done. */
  const last = (f: Fault, steps: Fault['steps']): Condition[] => {
    const req = new Map(f.steps.map((st) => [st.id, st.requires ?? []]));
    const end = steps.find((st) => steps.every((o) => o === st || reached([st.id], (x) => req.get(x)).has(o.id)));
    return end ? [{ notDone: end.id }] : [];
  };
  return (r: PlacedRule): Condition[] => {
    const f = r.fault === undefined ? undefined : p.faults.find((x) => x.id === r.fault);
    const trigger = f && 'afterStep' in f.trigger && !byRule.has(f.id) ? [{ done: f.trigger.afterStep }] : [];
    const until = f ? last(f, (r.rule as FaultRule).until === 'contained' ? f.steps.filter((st) => st.stage === 'contain') : f.steps) : [];
    const own: Condition[] = [...conjuncts(r.rule.when), ...(r.fault ? [{ faultActive: r.fault }] : []), ...trigger, ...until];
    const done = own.flatMap((c) => ('done' in c ? before(c.done) : []));
    return [...own, ...done.map((d) => ({ done: d }))];
  };
}

/** The action both rules watch, or null when they never watch the same one. */
function sharedAction(a: Rule['on'], b: Rule['on']): Rule['on'] | null {
  const out: Rule['on'] = {};
  for (const k of ['verb', 'target', 'with'] as const) {
    if (a[k] !== undefined && b[k] !== undefined && a[k] !== b[k]) return null;
    const v = a[k] ?? b[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export interface Overlap {
  first: PlacedRule;
  second: PlacedRule;
  /** The action both can answer: what both `on` say together (a word left out: any). */
  action: Rule['on'];
}

/**
 * Pairs of rules that can fire on the same action with no precedence between
 * them: their `on` meet, what holds while they apply does not contradict, they
 * are not rules of two faults that never happen in the same attempt (only
 * one fault is drawn; a fault raised by a rule can join it), and neither
 * overrides the other.
 */
export function undeclaredOverlaps(rules: readonly PlacedRule[], p: Procedure): Overlap[] {
  const over = overriddenBy(rules);
  const drawn = new Set(p.faults.filter((f) => !('byRule' in f.trigger)).map((f) => f.id));
  const applies = applying(p);
  const out: Overlap[] = [];
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      const action = sharedAction(a.rule.on, b.rule.on);
      if (!action) continue;
      if (a.fault && b.fault && a.fault !== b.fault && drawn.has(a.fault) && drawn.has(b.fault)) continue;
      if (over.get(a.rule.id)!.has(b.rule.id) || over.get(b.rule.id)!.has(a.rule.id)) continue;
      const ca = applies(a);
      const cb = applies(b);
      if (exclusive(ca, cb)) continue;
      out.push({ first: a, second: b, action });
    }
  });
  return out;
}
