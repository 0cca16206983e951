/**
 * Proves a scenario sound by exploring its compiled machine: a perfect run
 * for every fault variant must pass with the full score (a fault whose answer
 * is a decision, on that decision: on hold, rejected), every step and fault
 * branch must be reached, and no reachable state may be a dead end (a state
 * from which neither `passed` nor `failed` can be reached). The search is
 * breadth-first and bounded; states left unexpanded are finished by the
 * perfect-run solver.
 */
import { advance, startAttempt, type CompiledScenario, type Snapshot } from './attempt';
import { endOf, phaseIndexIn } from './compileScenario';
import { evalExpr } from './conditions';
import { objectAbsent, stepOpen } from './judge';
import { perfectActions, recordActions } from './solver';
import { scoreOf } from './score';
import type { Problem } from './validateScenario';
import type { ActEvent, AttemptOptions, EngineEvent, ScoreReport, Step } from './types';

export interface VariantReport {
  fault: string;
  states: number;
  perfectScore: number;
  perfectPassed: boolean;
  perfectEvents: ActEvent[];
}

export interface ExploreReport {
  scenarioId: string;
  states: number;
  perfectScore: number;
  variants: VariantReport[];
  problems: Problem[];
  ms: number;
}

const say = (path: string, en: string, fr: string): Problem => ({ path, message: { en, fr } });

export function perfectRun(c: CompiledScenario, options: AttemptOptions, from?: Snapshot, limit = 2000): { snapshot: Snapshot; events: ActEvent[]; score: ScoreReport } {
  let snap = from ?? startAttempt(c, options);
  const events: ActEvent[] = [];
  for (let i = 0; i < limit; i++) {
    const next = perfectActions(c, snap)[0];
    if (!next) break;
    snap = advance(c, snap, next);
    events.push(next);
  }
  return { snapshot: snap, events, score: scoreOf(c.index, snap.context) };
}

/** Actions worth trying: those some step, rule or record entry can answer. */
function candidateActions(c: CompiledScenario, snap: Snapshot): ActEvent[] {
  const out: ActEvent[] = [];
  const rules = [...c.index.rules.values()].map((r) => r.rule.on);
  for (const o of c.scenario.objects) {
    // an object not in the room now: every action on it is "no effect"
    if (objectAbsent(c.index, snap.context, o.id)) continue;
    for (const a of o.actions) {
      const relevant = [...c.index.steps.values()].some((s) => s.step.action.verb === a.verb && s.step.action.target === o.id)
        || rules.some((on) => (on.verb === undefined || on.verb === a.verb) && (on.target === undefined || on.target === o.id));
      if (!relevant) continue;
      if (!a.input) {
        // a two-ended gesture is tried onto each object it can be made onto
        if (a.with) for (const other of a.with) out.push({ type: 'ACT', verb: a.verb, target: o.id, with: other });
        else out.push({ type: 'ACT', verb: a.verb, target: o.id });
        continue;
      }
      const values = new Set<number>([a.input.min, a.input.max]);
      for (const s of c.index.steps.values()) {
        if (s.step.action.verb !== a.verb || s.step.action.target !== o.id || !s.step.expect) continue;
        const e = s.step.expect;
        if (e.value !== undefined) values.add(evalExpr(e.value, snap.context));
        if (e.min !== undefined) values.add(evalExpr(e.min, snap.context));
        if (e.max !== undefined) values.add(evalExpr(e.max, snap.context));
      }
      for (const value of values) if (Number.isFinite(value)) out.push({ type: 'ACT', verb: a.verb, target: o.id, value });
    }
  }
  out.push(...recordActions(c, snap.context));
  if (endOf(snap) === 'closure') out.push({ type: 'ACT', verb: 'submit', target: 'batch-record' });
  return out;
}

/**
 * Where a perfect run stopped: the steps open there whose object (or second
 * end) is absent from the room at that point, so the engine answers "no
 * effect" to them. Said by the step's place in the file.
 */
function stepsOnAbsent(c: CompiledScenario, snap: Snapshot): Problem[] {
  const s = c.scenario;
  const ctx = snap.context;
  const phase = phaseIndexIn(s, snap);
  const places: [Step, string][] = [...s.steps.map((st, i): [Step, string] => [st, `steps[${i}]`]), ...s.faults.flatMap((f, fi) => f.steps.map((st, i): [Step, string] => [st, `faults[${fi}].steps[${i}]`]))];
  const out: Problem[] = [];
  for (const [st, path] of places) {
    if (!stepOpen(c.index, ctx, st.id, phase)) continue;
    const absent = [st.action.target, ...(st.action.with ? [st.action.with] : [])].find((id) => objectAbsent(c.index, ctx, id));
    if (absent === undefined) continue;
    const state = ctx.objects[absent]!.state;
    out.push(say(
      `${path}.action`,
      `the step "${st.id}" acts on the object "${absent}", which is not in the room at that point of a perfect run (its state "${state}" looks "absent"): bring it in first with an effect that sets a state that is not absent`,
      `l'étape « ${st.id} » agit sur l'objet « ${absent} », qui n'est pas dans la salle à ce moment d'un parcours parfait (son état « ${state} » a l'aspect « absent ») : faites-le d'abord venir par un effet qui le met dans un état qui ne l'est pas`,
    ));
  }
  return out;
}

function keyOf(s: Snapshot): string {
  const x = s.context;
  return JSON.stringify([s.value, Object.keys(x.done).sort(), x.objects, Object.keys(x.raised).sort(), Object.keys(x.record).sort(), x.critical, x.clock]);
}

function describePath(events: EngineEvent[]): string {
  return events.map((e) => (e.type === 'ACT' ? `${e.verb} ${e.target}${e.with ? ` → ${e.with}` : ''}${e.value !== undefined ? ` ${e.value}` : ''}` : e.type)).slice(-6).join(', ');
}

export function exploreScenario(c: CompiledScenario, { maxStates = 1500 } = {}): ExploreReport {
  const t0 = performance.now();
  const s = c.scenario;
  const problems: Problem[] = [];
  const variants: VariantReport[] = [];
  const reachedSteps = new Set<string>();
  const reachedFaults = new Set<string>();
  const faultVariants = ['none', ...s.faults.filter((f) => !('byRule' in f.trigger)).map((f) => f.id)];
  let total = 0;

  for (const fault of faultVariants) {
    const options: AttemptOptions = { seed: 1, mode: 'training', forcedFault: fault };
    const perfect = perfectRun(c, options);
    const end = endOf(perfect.snapshot);
    for (const id of Object.keys(perfect.snapshot.context.done)) reachedSteps.add(id);
    for (const id of Object.keys(perfect.snapshot.context.raised)) reachedFaults.add(id);
    const label = fault === 'none' ? 'without fault' : `with the fault "${fault}"`;
    const labelFr = fault === 'none' ? 'sans panne' : `avec la panne « ${fault} »`;
    // a fault whose answer is a decision ends the perfect run on that decision
    const decision = s.faults.find((f) => f.id === fault)?.ending?.decision;
    if (end !== 'passed') {
      problems.push(say('steps', `a perfect run ${label} ends "${end}" after: ${describePath(perfect.events)}`, `un parcours parfait ${labelFr} finit « ${end} » après : ${describePath(perfect.events)}`));
      for (const p of stepsOnAbsent(c, perfect.snapshot)) if (!problems.some((x) => x.path === p.path && x.message.en === p.message.en)) problems.push(p);
    } else if (perfect.snapshot.context.ending?.decision !== decision) {
      const got = perfect.snapshot.context.ending?.decision ?? 'passed';
      problems.push(say('faults', `a perfect run ${label} ends "${got}", not on its decision "${decision ?? 'passed'}"`, `un parcours parfait ${labelFr} finit « ${got} » et non sur sa décision « ${decision ?? 'passed'} »`));
    } else if (perfect.score.total !== 100) {
      problems.push(say('steps', `a perfect run ${label} scores ${perfect.score.total}/100, not 100`, `un parcours parfait ${labelFr} obtient ${perfect.score.total}/100 et non 100`));
    }

    // Bounded breadth-first search over distinct states.
    const start = startAttempt(c, options);
    const seen = new Map<string, { snap: Snapshot; path: EngineEvent[]; next: string[]; expanded: boolean }>();
    const queue: string[] = [];
    const k0 = keyOf(start);
    seen.set(k0, { snap: start, path: [], next: [], expanded: false });
    queue.push(k0);
    while (queue.length && seen.size < maxStates) {
      const key = queue.shift()!;
      const node = seen.get(key)!;
      node.expanded = true;
      if (node.snap.status !== 'active') continue;
      for (const event of candidateActions(c, node.snap)) {
        const snap = advance(c, node.snap, event);
        const k = keyOf(snap);
        if (k === key) continue;
        node.next.push(k);
        if (!seen.has(k)) {
          seen.set(k, { snap, path: [...node.path, event], next: [], expanded: false });
          queue.push(k);
        }
      }
    }
    total += seen.size;
    // Which states can reach an end? Ends, and unexpanded states the solver finishes.
    const good = new Set<string>();
    for (const [k, n] of seen) {
      for (const id of Object.keys(n.snap.context.done)) reachedSteps.add(id);
      for (const id of Object.keys(n.snap.context.raised)) reachedFaults.add(id);
      if (n.snap.status !== 'active') good.add(k);
      else if (!n.expanded) {
        const finish = perfectRun(c, options, n.snap);
        if (finish.snapshot.status !== 'active') good.add(k);
      }
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const [k, n] of seen) {
        if (!good.has(k) && n.next.some((x) => good.has(x))) {
          good.add(k);
          changed = true;
        }
      }
    }
    const stuck = [...seen].filter(([k]) => !good.has(k));
    if (stuck.length) {
      const [, n] = stuck[0]!;
      problems.push(say('steps', `${stuck.length} reachable state(s) ${label} have no way to an end, e.g. after: ${describePath(n.path) || '(start)'}`, `${stuck.length} état(s) atteignable(s) ${labelFr} sans issue, par exemple après : ${describePath(n.path) || '(départ)'}`));
    }
    variants.push({ fault, states: seen.size, perfectScore: perfect.score.total, perfectPassed: end === 'passed', perfectEvents: perfect.events });
  }

  s.steps.forEach((st, i) => {
    if (!reachedSteps.has(st.id)) problems.push(say(`steps[${i}]`, `the step "${st.id}" can never be done`, `l'étape « ${st.id} » ne peut jamais être faite`));
  });
  s.faults.forEach((f, fi) => {
    if (!reachedFaults.has(f.id)) problems.push(say(`faults[${fi}]`, `the fault "${f.id}" can never be raised`, `la panne « ${f.id} » ne peut jamais survenir`));
    else f.steps.forEach((st, i) => {
      if (!reachedSteps.has(st.id)) problems.push(say(`faults[${fi}].steps[${i}]`, `the step "${st.id}" can never be done`, `l'étape « ${st.id} » ne peut jamais être faite`));
    });
  });
  return {
    scenarioId: s.id,
    states: total,
    perfectScore: Math.min(...variants.map((v) => v.perfectScore)),
    variants,
    problems,
    ms: performance.now() - t0,
  };
}
