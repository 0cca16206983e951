/**
 * One attempt driven by pure transitions of the compiled machine: start,
 * send, and replay. The event list with its seed and options is the single
 * source of truth: resume, instructor replay and tests all replay it.
 */
import type { SnapshotFrom } from 'xstate';
import { compileScenario, endOf, machineEvent, type ScenarioMachine } from './compileScenario';
import { endingOf, type EndingKind } from './ending';
import { fastInitial, fastTransition, scopeFor, type FastScope } from './fastScope';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { scoreOf } from './score';
import type { AttemptContext, AttemptOptions, EngineEvent, Scenario, ScoreReport } from './types';

export interface CompiledScenario {
  scenario: Scenario;
  index: ScenarioIndex;
  machine: ScenarioMachine;
  /** One inert actor scope reused by every pure transition (see fastScope.ts). */
  scope: FastScope<ScenarioMachine>;
}

const cache = new WeakMap<Scenario, CompiledScenario>();

export function prepare(scenario: Scenario): CompiledScenario {
  let c = cache.get(scenario);
  if (!c) {
    const index = indexScenario(scenario);
    const machine = compileScenario(scenario, index);
    c = { scenario, index, machine, scope: scopeFor(machine, { seed: 0, mode: 'training', forcedFault: 'none' }) };
    cache.set(scenario, c);
  }
  return c;
}

/** A snapshot of a compiled scenario's machine: its state value says where the procedure stands, its context what was done. */
export type Snapshot = SnapshotFrom<ScenarioMachine>;

export function startAttempt(c: CompiledScenario, options: AttemptOptions): Snapshot {
  return fastInitial(c.machine, c.scope, options);
}

export function advance(c: CompiledScenario, snapshot: Snapshot, event: EngineEvent): Snapshot {
  if (snapshot.status !== 'active') return snapshot;
  return fastTransition(c.machine, c.scope, snapshot, machineEvent(event));
}

export interface ReplayResult {
  snapshot: Snapshot;
  context: AttemptContext;
  score: ScoreReport;
  end: ReturnType<typeof endOf>;
  /** How it ended (passed, failed, critical, or the decision that ended it: hold, reject); null while it runs. */
  ending: EndingKind | null;
}

export function replay(scenario: Scenario | CompiledScenario, options: AttemptOptions, events: readonly EngineEvent[]): ReplayResult {
  const c = 'machine' in scenario ? scenario : prepare(scenario);
  let snap = startAttempt(c, options);
  for (const e of events) snap = advance(c, snap, e);
  return summarize(c, snap);
}

export function summarize(c: CompiledScenario, snapshot: Snapshot): ReplayResult {
  const score = scoreOf(c.index, snapshot.context);
  const end = endOf(snapshot);
  const ending = end === 'passed' || end === 'failed' ? endingOf({ end, critical: score.critical, ending: snapshot.context.ending?.decision }) : null;
  return { snapshot, context: snapshot.context, score, end, ending };
}

/** A live attempt for a screen: holds the snapshot and tells listeners once per event. */
export class Attempt {
  readonly events: EngineEvent[] = [];
  private listeners = new Set<(s: Snapshot, e: EngineEvent | null) => void>();
  snapshot: Snapshot;

  constructor(readonly compiled: CompiledScenario, readonly options: AttemptOptions, events: readonly EngineEvent[] = []) {
    this.snapshot = startAttempt(compiled, options);
    for (const e of events) this.apply(e);
  }

  private apply(e: EngineEvent) {
    this.snapshot = advance(this.compiled, this.snapshot, e);
    this.events.push(e);
  }

  send(e: EngineEvent): Snapshot {
    if (this.snapshot.status !== 'active') return this.snapshot;
    this.apply(e);
    for (const l of this.listeners) l(this.snapshot, e);
    return this.snapshot;
  }

  subscribe(listener: (s: Snapshot, e: EngineEvent | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get result(): ReplayResult {
    return summarize(this.compiled, this.snapshot);
  }
}
