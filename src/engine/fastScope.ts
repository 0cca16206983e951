/**
 * The fast way through a machine: one inert actor scope, built once and
 * reused by every pure transition. xstate's own `transition()` builds a
 * throwaway actor (and so a whole initial state) on every call; our machines
 * only assign, so the same scope serves every call and each transition is
 * several times cheaper. tests/unit/fastScope.test.ts proves the results equal
 * to xstate's `initialTransition()` / `transition()` on every built-in
 * scenario.
 */
import { createActor, type ActorScope, type AnyStateMachine, type EventFromLogic, type EventObject, type InputFrom, type Snapshot, type SnapshotFrom } from 'xstate';

export type FastScope<M extends AnyStateMachine> = ActorScope<SnapshotFrom<M>, EventFromLogic<M>>;

/**
 * An inert scope for `machine`, built the way xstate builds its own for
 * `transition()` (no logger, no deferred work, actions not executed). The
 * input only lets the throwaway actor inside build an initial snapshot.
 */
export function scopeFor<M extends AnyStateMachine>(machine: M, input?: InputFrom<M>): FastScope<M> {
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
  };
}

/** What the fast path needs of a machine: its pure initial snapshot and transition, given a scope. */
interface PureMachine<TSnapshot, TEvent extends EventObject, TInput> {
  getInitialSnapshot(scope: ActorScope<TSnapshot & Snapshot<unknown>, TEvent>, input: TInput): TSnapshot;
  transition(snapshot: TSnapshot, event: TEvent, scope: ActorScope<TSnapshot & Snapshot<unknown>, TEvent>): TSnapshot;
}

/** The initial snapshot of `machine` for `input`, through the reused scope. */
export function fastInitial<TSnapshot, TEvent extends EventObject, TInput>(machine: PureMachine<TSnapshot, TEvent, TInput>, scope: ActorScope<TSnapshot & Snapshot<unknown>, TEvent>, input: TInput): TSnapshot {
  return machine.getInitialSnapshot(scope, input);
}

/** The snapshot after `event`, through the reused scope. */
export function fastTransition<TSnapshot, TEvent extends EventObject>(machine: PureMachine<TSnapshot, TEvent, never>, scope: ActorScope<TSnapshot & Snapshot<unknown>, TEvent>, snapshot: TSnapshot, event: TEvent): TSnapshot {
  return machine.transition(snapshot, event, scope);
}
