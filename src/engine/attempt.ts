/**
 * One attempt driven by pure transitions of the compiled machine: start,
 * send, and replay. The event list with its seed and options is the single
 * source of truth: resume, instructor replay and tests all replay it.
 */
import { createActor, type AnyActorScope, type AnyStateMachine } from 'xstate';
import { compileScenario, endOf, machineEvent } from './compileScenario';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { scoreOf } from './score';
import type { AttemptContext, AttemptOptions, EngineEvent, Scenario, ScoreReport } from './types';

export interface CompiledScenario {
  scenario: Scenario;
  index: ScenarioIndex;
  machine: ReturnType<typeof compileScenario>;
  /** One inert actor scope reused by every pure transition (see scopeFor). */
  scope: AnyActorScope;
}

const cache = new WeakMap<Scenario, CompiledScenario>();

export function prepare(scenario: Scenario): CompiledScenario {
  let c = cache.get(scenario);
  if (!c) {
    const index = indexScenario(scenario);
    const machine = compileScenario(scenario, index);
    c = { scenario, index, machine, scope: scopeFor(machine as unknown as AnyStateMachine, { seed: 0, mode: 'training', forcedFault: 'none' }) };
    cache.set(scenario, c);
  }
  return c;
}

/** The parts of an xstate snapshot the rest of the house reads. */
export interface Snapshot {
  context: AttemptContext;
  value: unknown;
  status: 'active' | 'done' | 'error' | 'stopped';
  matches(state: string): boolean;
}

/**
 * xstate's pure `transition()` builds a throwaway actor (and so a whole
 * initial state) on every call; our machines only assign, so one inert scope,
 * built the way xstate builds its own, serves every transition and makes
 * each one about ten times cheaper. The results are meant to be those of
 * xstate's `transition()`; no test compares the two yet: the tests, like the
 * app, replay through this scope only.
 */
export function scopeFor(machine: AnyStateMachine, input?: unknown): AnyActorScope {
  const self = createActor(machine, { input });
  return {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}

export function startAttempt(c: CompiledScenario, options: AttemptOptions): Snapshot {
  return c.machine.getInitialSnapshot(c.scope, options) as unknown as Snapshot;
}

export function advance(c: CompiledScenario, snapshot: Snapshot, event: EngineEvent): Snapshot {
  if (snapshot.status !== 'active') return snapshot;
  return c.machine.transition(snapshot as never, machineEvent(event) as never, c.scope) as unknown as Snapshot;
}

export interface ReplayResult {
  snapshot: Snapshot;
  context: AttemptContext;
  score: ScoreReport;
  end: ReturnType<typeof endOf>;
}

export function replay(scenario: Scenario | CompiledScenario, options: AttemptOptions, events: readonly EngineEvent[]): ReplayResult {
  const c = 'machine' in scenario ? scenario : prepare(scenario);
  let snap = startAttempt(c, options);
  for (const e of events) snap = advance(c, snap, e);
  return summarize(c, snap);
}

export function summarize(c: CompiledScenario, snapshot: Snapshot): ReplayResult {
  return { snapshot, context: snapshot.context, score: scoreOf(c.index, snapshot.context), end: endOf(snapshot) };
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
