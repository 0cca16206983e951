/**
 * Look-up tables built once per scenario, so guards and views find a step, a
 * rule or an object by id without scanning arrays on every event.
 */
import { byPrecedence, placedRules } from './precedence.ts';
import type { Effect, Fault, FaultRule, FaultStep, MainStep, ObjectAction, RecordEntry, RoomObject, Rule, RuleUntil, Scenario, Step } from './types';

export interface IndexedStep {
  step: Step;
  /**
   * Index of the phase the step belongs to: a step of the procedure's own, or
   * the later phase a fault's step is bound to (its `phase`, an investigation
   * meeting days later). A fault's step without `phase` has none: it is done
   * wherever the fault happens, before the procedure goes on.
   */
  phase?: number;
  /** The fault it answers, for a step of a fault branch. */
  fault?: string;
}

export interface IndexedRule {
  rule: Rule;
  fault?: string;
  /** A fault's rule: the stage of its fault at which it stops applying. */
  until?: RuleUntil;
}

export interface ScenarioIndex {
  scenario: Scenario;
  objects: Map<string, RoomObject>;
  steps: Map<string, IndexedStep>;
  /** In the order the judge asks them (precedence.ts): a rule before the rules it overrides, else file order. */
  rules: Map<string, IndexedRule>;
  faults: Map<string, Fault>;
  record: Map<string, RecordEntry>;
  stepsByPhase: string[][];
  recordByStep: Map<string, RecordEntry[]>;
  /** `verb target` → the action an object offers. */
  actions: Map<string, ObjectAction>;
  /** Objects with a display to read: a value, named readings, or an effect that sets one. */
  readable: Set<string>;
}

/** What writes effects: a step or a rule (with the action it answers), or a fault raised (no action). */
export interface EffectSource {
  on?: { verb?: string; target?: string; with?: string };
  effects?: Effect[];
}

/** Everything in the scenario that writes effects: its steps and rules, and each fault, its steps and its rules. */
export function effectSources(scenario: Scenario): EffectSource[] {
  return [
    ...scenario.steps.map((x) => ({ on: x.action, effects: x.effects })),
    ...scenario.rules.map((r) => ({ on: r.on, effects: r.effects })),
    ...scenario.faults.flatMap((f) => [{ effects: f.effects }, ...f.steps.map((x) => ({ on: x.action, effects: x.effects })), ...(f.rules ?? []).map((r) => ({ on: r.on, effects: r.effects }))]),
  ];
}

/** Every effect the scenario writes (effectSources). */
export function everyEffect(scenario: Scenario): Effect[] {
  return effectSources(scenario).flatMap((x) => x.effects ?? []);
}

export const actionKey = (verb: string, target: string) => `${verb} ${target}`;

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const steps = new Map<string, IndexedStep>();
  const rules = new Map<string, IndexedRule>();
  const phaseOf = new Map(scenario.phases.map((p, i) => [p.id, i]));
  const stepsByPhase: string[][] = scenario.phases.map(() => []);
  scenario.steps.forEach((s: MainStep) => {
    const phase = phaseOf.get(s.phase) ?? 0;
    steps.set(s.id, { step: s, phase });
    stepsByPhase[phase]?.push(s.id);
  });
  // in the order the judge asks them: a rule before those it overrides, else file order
  for (const { rule, fault } of byPrecedence(placedRules(scenario))) {
    rules.set(rule.id, fault === undefined ? { rule } : { rule, fault, until: (rule as FaultRule).until ?? 'documented' });
  }
  for (const f of scenario.faults) {
    f.steps.forEach((s: FaultStep) => steps.set(s.id, s.phase !== undefined && phaseOf.has(s.phase) ? { step: s, fault: f.id, phase: phaseOf.get(s.phase)! } : { step: s, fault: f.id }));
  }
  const recordByStep = new Map<string, RecordEntry[]>();
  for (const e of scenario.record) {
    const list = recordByStep.get(e.after) ?? [];
    list.push(e);
    recordByStep.set(e.after, list);
  }
  const actions = new Map<string, ObjectAction>();
  for (const o of scenario.objects) for (const a of o.actions) actions.set(actionKey(a.verb, o.id), a);
  const readable = new Set(scenario.objects.filter((o) => o.value !== undefined || (o.readings ?? []).length > 0).map((o) => o.id));
  for (const e of everyEffect(scenario)) if ('setValue' in e) readable.add(e.setValue.object);
  return {
    scenario,
    readable,
    objects: new Map(scenario.objects.map((o) => [o.id, o])),
    steps,
    rules,
    faults: new Map(scenario.faults.map((f) => [f.id, f])),
    record: new Map(scenario.record.map((e) => [e.id, e])),
    stepsByPhase,
    recordByStep,
    actions,
  };
}
