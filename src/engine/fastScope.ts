/**
 * The fast way through a machine. xstate's own `transition()` builds a
 * throwaway actor (and so a whole initial state) on every call; our machines
 * only assign and raise, so one inert actor scope, built once, serves every
 * call. On top of that, the most common step — one transition chosen, with no
 * target, whose actions only assign, after which no eventless transition is
 * enabled and no event was raised — is taken here in a few lines, the way
 * xstate's macrostep takes it, without its general bookkeeping (exit and
 * entry sets, a new state value and tag set for every assign); any other
 * step goes through xstate's `transition()` itself.
 * tests/unit/fastScope.test.ts proves the results equal to xstate's
 * `initialTransition()` / `transition()` on every built-in scenario.
 */
import { and, createActor, not, type ActorScope, type AnyStateMachine, type EventFromLogic, type EventObject, type InputFrom, type Snapshot, type SnapshotFrom } from 'xstate';

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
  return (quickInitial(scope.self.getSnapshot() as MachineSnapshot, scope.self, input) as TSnapshot | undefined) ?? machine.getInitialSnapshot(scope, input);
}

/** The snapshot after `event`, through the reused scope: the quick step when it applies, else xstate's macrostep. */
export function fastTransition<TSnapshot, TEvent extends EventObject>(machine: PureMachine<TSnapshot, TEvent, never>, scope: ActorScope<TSnapshot & Snapshot<unknown>, TEvent>, snapshot: TSnapshot, event: TEvent): TSnapshot {
  return (quickStep(snapshot as unknown as MachineSnapshot, event) as TSnapshot | undefined) ?? machine.transition(snapshot, event, scope);
}

/* ---------- the quick step: xstate's macrostep for its simplest case ---------- */

/** The parts of xstate's state nodes, transitions and snapshots the quick step reads (all public on xstate's objects). */
interface Guard {
  type?: string;
  params?: unknown;
  check?: (snapshot: MachineSnapshot, args: GuardArgs, guard: Guard) => boolean;
  (args: GuardArgs, params: unknown): boolean;
}
type GuardRef = string | Guard | { type: string; params?: unknown };
interface GuardArgs {
  context: unknown;
  event: EventObject;
}
interface Transition {
  guard?: GuardRef;
  target?: readonly unknown[];
  actions: readonly unknown[];
  source: StateNode;
}
interface StateNode {
  type: string;
  key: string;
  path: readonly string[];
  parent?: StateNode;
  states: Record<string, StateNode>;
  transitions: Map<string, Transition[]>;
  always?: Transition[];
  entry: readonly unknown[];
  exit: readonly unknown[];
  tags: readonly string[];
  order: number;
  config: { invoke?: unknown; after?: unknown; output?: unknown };
  initial?: { target: readonly StateNode[]; actions: readonly unknown[] };
}
interface MachineSnapshot {
  status: string;
  output?: unknown;
  error?: unknown;
  children: Record<string, unknown>;
  historyValue: Record<string, unknown>;
  context: unknown;
  value: unknown;
  _nodes: StateNode[];
  tags: Set<string>;
  machine: { root: StateNode; config: { context?: unknown }; implementations: { guards: Record<string, unknown>; actions: Record<string, unknown> } };
}
/** An xstate built-in action, as `assign()` and `enqueueActions()` return them. */
interface BuiltinAction {
  type?: string;
  assignment?: unknown;
  collect?: (args: Record<string, unknown>, params: unknown) => void;
  resolve?: unknown;
}

/** Gave up: the step is not the simple kind, xstate takes it. */
const GIVE_UP = Symbol('give up');

/**
 * The event's candidate transitions on a state node, as xstate orders them
 * (its own `getCandidates`: the event's own, then wildcards, longest first),
 * kept per node and event type.
 */
const candidateCache = new WeakMap<StateNode, (Map<string, Transition[]> | undefined)[]>();
const NONE: Transition[] = [];
/** The candidate lists of one machine's states, by the state's `order` (unique in its machine): one look-up per event, not one per state. */
function candidatesOf(root: StateNode): (Map<string, Transition[]> | undefined)[] {
  let byOrder = candidateCache.get(root);
  if (!byOrder) candidateCache.set(root, (byOrder = []));
  return byOrder;
}
function candidates(node: StateNode, type: string, byOrder: (Map<string, Transition[]> | undefined)[]): Transition[] {
  if (node.transitions.size === 0) return NONE;
  let byType = byOrder[node.order];
  if (!byType) byOrder[node.order] = byType = new Map();
  let list = byType.get(type);
  if (!list) {
    const exact = node.transitions.get(type);
    const wild = [...node.transitions.keys()]
      .filter((d) => d !== type && matchesDescriptor(type, d))
      .sort((a, b) => b.length - a.length)
      .flatMap((d) => node.transitions.get(d)!);
    list = exact ? [...exact, ...wild] : wild;
    byType.set(type, list);
  }
  return list;
}

/** xstate's `matchesEventDescriptor`: the same type, `*`, or a prefix ending in `.*`. */
function matchesDescriptor(type: string, descriptor: string): boolean {
  if (descriptor === type || descriptor === '*') return true;
  if (!descriptor.endsWith('.*')) return false;
  const partial = descriptor.split('.');
  const tokens = type.split('.');
  for (let i = 0; i < partial.length; i++) {
    if (partial[i] === '*') return i === partial.length - 1;
    if (partial[i] !== tokens[i]) return false;
  }
  return true;
}

/** Params computed from the event, and the like: not the simple kind. */
const GIVE = (_: unknown): never => {
  throw GIVE_UP;
};

/** A guard made ready to call: what xstate's `evaluateGuard` does for it, its look-ups done once. */
type Check = (context: unknown, event: EventObject, snapshot: MachineSnapshot) => boolean;
const AND_CHECK = (and([]) as unknown as Guard).check;
const NOT_CHECK = (not('x') as unknown as Guard).check;

/**
 * xstate's `evaluateGuard`, prepared: a named guard (its implementation and
 * params found once), an inline one, or a built-in that checks itself — and
 * and not unrolled into their guards, any other built-in asked its own check.
 */
function prepareGuard(guard: GuardRef, guards: Record<string, unknown>): Check {
  const inline = typeof guard === 'function';
  const resolved = inline ? guard : guards[typeof guard === 'string' ? guard : guard.type];
  if (!inline && !resolved) throw GIVE_UP;
  if (typeof resolved !== 'function') return prepareGuard(resolved as GuardRef, guards);
  const fn = resolved as Guard;
  if ('check' in fn) {
    const subs = (fn as unknown as { guards?: GuardRef[] }).guards;
    if (fn.check === AND_CHECK && subs) {
      const all = subs.map((g) => prepareGuard(g, guards));
      return (c, e, s) => {
        for (const g of all) if (!g(c, e, s)) return false;
        return true;
      };
    }
    if (fn.check === NOT_CHECK && subs?.length === 1) {
      const one = prepareGuard(subs[0]!, guards);
      return (c, e, s) => !one(c, e, s);
    }
    return (context, event, snapshot) => fn.check!(snapshot, { context, event }, fn);
  }
  // the guard's arguments: one object per prepared guard, filled on each call (a guard reads them, and keeps nothing)
  const args: GuardArgs = { context: undefined, event: { type: '' } };
  if (inline || typeof guard === 'string' || !('params' in guard)) {
    return (context, event) => {
      args.context = context;
      args.event = event;
      return fn(args, undefined);
    };
  }
  if (typeof guard.params === 'function') throw GIVE_UP;
  const { params } = guard;
  return (context, event) => {
    args.context = context;
    args.event = event;
    return fn(args, params);
  };
}

/** The prepared guard of a transition, kept with it (a transition belongs to one machine, and so to one set of guards). */
const checks = new WeakMap<Transition, Check>();
function guardHolds(t: Transition, context: unknown, event: EventObject, snapshot: MachineSnapshot): boolean {
  let check = checks.get(t);
  if (!check) checks.set(t, (check = prepareGuard(t.guard!, snapshot.machine.implementations.guards)));
  return check(context, event, snapshot);
}

/** xstate's `StateNode.next`: the first candidate whose guard holds. */
function firstEnabled(node: StateNode, snapshot: MachineSnapshot, event: EventObject, out: Transition[], byOrder: (Map<string, Transition[]> | undefined)[]): boolean {
  const list = candidates(node, event.type, byOrder);
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    if (t.guard === undefined || guardHolds(t, snapshot.context, event, snapshot)) {
      out.push(t);
      return true;
    }
  }
  return false;
}

/** xstate's `transitionNode`: the transitions the event selects under `node`, deepest states first, one per region. */
function select(node: StateNode, value: unknown, snapshot: MachineSnapshot, event: EventObject, out: Transition[], byOrder: (Map<string, Transition[]> | undefined)[]): boolean {
  if (typeof value === 'string') {
    const child = node.states[value];
    if (!child || value[0] === '#') throw GIVE_UP;
    return firstEnabled(child, snapshot, event, out, byOrder) || firstEnabled(node, snapshot, event, out, byOrder);
  }
  const sub = value as Record<string, unknown>;
  // xstate asks a compound state's one child, or each region of a parallel one, then the state itself
  let any = false;
  for (const k in sub) {
    if (!sub[k]) continue;
    const child = node.states[k];
    if (!child) throw GIVE_UP;
    if (select(child, sub[k], snapshot, event, out, byOrder)) any = true;
    if (node.type !== 'parallel') break;
  }
  return any || firstEnabled(node, snapshot, event, out, byOrder);
}

/**
 * The eventless transitions that apply to each active atomic state (its own,
 * then its ancestors', in xstate's order), kept per set of active nodes.
 */
const alwaysCache = new WeakMap<readonly StateNode[], Transition[][]>();
function alwaysOf(nodes: readonly StateNode[]): Transition[][] {
  let list = alwaysCache.get(nodes);
  if (!list) {
    list = [];
    for (const n of nodes) {
      if (n.type !== 'atomic' && n.type !== 'final') continue;
      const ts: Transition[] = [];
      for (let s: StateNode | undefined = n; s; s = s.parent) if (s.always) ts.push(...s.always);
      if (ts.length) list.push(ts);
    }
    alwaysCache.set(nodes, list);
  }
  return list;
}

/**
 * The context after the actions of a transition with no target, as xstate's
 * `resolveActionsAndContext` gives it: each assign merges its partial
 * context into a copy; an `enqueueActions` that only enqueues assigns is
 * the same. Anything else (a raised event, a child, an inline action with
 * params from the event) gives up.
 */
function assigned(actions: readonly unknown[], context: unknown, event: EventObject, snapshot: MachineSnapshot, queue: EventObject[]): unknown {
  let ctx = context;
  for (const action of actions) {
    const inline = typeof action === 'function';
    const impl = (inline ? action : snapshot.machine.implementations.actions[typeof action === 'string' ? action : (action as { type: string }).type]) as BuiltinAction | undefined;
    const params = inline || typeof action === 'string' ? undefined : 'params' in (action as object) ? (typeof (action as { params: unknown }).params === 'function' ? GIVE(action) : (action as { params: unknown }).params) : undefined;
    if (!impl || !('resolve' in impl)) throw GIVE_UP;
    if (impl.type === 'xstate.assign') ctx = assignOnce(impl, ctx, event, params);
    else if (impl.type === 'xstate.enqueueActions') {
      queued.length = 0;
      raisedTo = queue;
      impl.collect!({ context: ctx, event, enqueue, check: GIVE, self: undefined, system: undefined }, params);
      const n = queued.length;
      for (let i = 0; i < n; i++) ctx = assignOnce({ assignment: queued[i] }, ctx, event, undefined);
      queued.length = 0;
    } else throw GIVE_UP;
  }
  return ctx;
}

/** What the `enqueueActions` being run enqueues, when it only assigns and raises (the quick step runs one at a time). */
const queued: unknown[] = [];
let raisedTo: EventObject[] = [];
const enqueue = Object.assign((_: unknown): never => GIVE(_), {
  assign: (...args: unknown[]) => {
    if (args.length !== 1) GIVE(args);
    queued.push(args[0]);
  },
  // an event given as it is, raised now (not delayed): into the internal queue, in order
  raise: (event: unknown, options?: { delay?: unknown }) => {
    if (typeof event !== 'object' || event === null || options?.delay !== undefined) GIVE(event);
    raisedTo.push(event as EventObject);
  },
  cancel: GIVE, sendTo: GIVE, sendParent: GIVE, spawnChild: GIVE, stopChild: GIVE, emit: GIVE,
});

/** xstate's `resolveAssign` for an assignment that spawns nothing. */
function assignOnce(impl: BuiltinAction, context: unknown, event: EventObject, params: unknown): unknown {
  const { assignment } = impl;
  const args = { context, event, spawn: GIVE, self: undefined, system: undefined };
  let partial: Record<string, unknown> = {};
  if (typeof assignment === 'function') partial = assignment(args, params);
  else for (const [key, a] of Object.entries(assignment as Record<string, unknown>)) partial[key] = typeof a === 'function' ? a(args, params) : a;
  // xstate's Object.assign({}, context, partial): when the assignment gave a whole new context (the judge's
  // reducers do), that is a copy of `partial` itself, which no one else holds, so it serves as it is
  if (covers(partial, context as object)) return partial;
  return { ...(context as object), ...partial };
}

/** Every own key of `context` is an own key of `partial`. */
function covers(partial: object, context: object): boolean {
  for (const k in context) if (!Object.prototype.hasOwnProperty.call(partial, k)) return false;
  return true;
}

/**
 * One microstep of xstate for a transition of the simple kinds: with no
 * target (its actions give the context; the state stays), or to an atomic
 * or final state whose parent, a compound state, holds the source: the
 * active states under that parent are exited (their exit actions, deepest
 * and latest first), the transition's actions run, the target is entered
 * (its entry actions) and takes their place in the state value. A final
 * state at the top ends the machine (status done). Anything else (history,
 * invoked or delayed work, a final state deeper down) gives up.
 */
function microstep(t: Transition, snapshot: MachineSnapshot, event: EventObject, queue: EventObject[]): MachineSnapshot {
  if (!t.target?.length) {
    // no action: xstate keeps the very same snapshot
    if (!t.actions.length) return snapshot;
    return { ...snapshot, context: assigned(t.actions, snapshot.context, event, snapshot, queue) };
  }
  const target = t.target[0] as StateNode;
  const parent = target.parent;
  const final = target.type === 'final';
  if (t.target.length !== 1 || (target.type !== 'atomic' && !final) || target === t.source || !parent || parent.type !== 'compound' || !under(t.source, parent)) throw GIVE_UP;
  if (final && (parent.parent || parent.config.output !== undefined)) throw GIVE_UP;
  if (busy(target)) throw GIVE_UP;
  const exited = snapshot._nodes.filter((n) => under(n, parent)).sort((a, b) => b.order - a.order);
  if (exited.some(busy)) throw GIVE_UP;
  // the exited states' exit actions, the transition's, the target's entry, in that order
  let context = snapshot.context;
  for (const n of exited) if (n.exit.length) context = assigned(n.exit, context, event, snapshot, queue);
  if (t.actions.length) context = assigned(t.actions, context, event, snapshot, queue);
  if (target.entry.length) context = assigned(target.entry, context, event, snapshot, queue);
  // xstate's set of active nodes: the exited taken out, the target added at the end
  const nodes = snapshot._nodes.filter((n) => !exited.includes(n));
  nodes.push(target);
  const value = withLeaf(snapshot.value, parent.path, target.key);
  if (!final) return { ...snapshot, context, _nodes: nodes, value, tags: tagsOf(nodes) };
  // the machine is done: xstate runs every active state's exit actions (none here, or it gives up) and keeps them ordered latest first
  nodes.sort((a, b) => b.order - a.order);
  if (nodes.some((n) => n.exit.length)) throw GIVE_UP;
  return { ...snapshot, status: 'done', output: undefined, context, _nodes: nodes, value, tags: tagsOf(nodes) };
}

/** The tags of the active states, as xstate gathers them (a new set for each snapshot). */
function tagsOf(nodes: readonly StateNode[]): Set<string> {
  const tags = new Set<string>();
  for (const n of nodes) for (const tag of n.tags) tags.add(tag);
  return tags;
}

/** `node` lies under `ancestor` (a proper descendant). */
function under(node: StateNode, ancestor: StateNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** A state whose entry or exit does more than its actions: it invokes, waits (`after`) or keeps a history. Not the simple kind. */
function busy(n: StateNode): boolean {
  return n.config.invoke !== undefined || n.config.after !== undefined || Object.values(n.states).some((c) => c.type === 'history');
}

/** The state value with the state under `path` (a compound state's) replaced by its child `key`. */
function withLeaf(value: unknown, path: readonly string[], key: string): unknown {
  if (!path.length) return key;
  const v = value as Record<string, unknown>;
  return { ...v, [path[0]!]: withLeaf(v[path[0]!], path.slice(1), key) };
}

/** xstate's `selectEventlessTransitions`: for each atomic state, the first enabled eventless transition of it or its ancestors. */
function eventless(snapshot: MachineSnapshot, event: EventObject): Transition[] {
  const found: Transition[] = [];
  for (const list of alwaysOf(snapshot._nodes)) {
    for (const t of list) {
      if (t.guard === undefined || guardHolds(t, snapshot.context, event, snapshot)) {
        if (!found.includes(t)) found.push(t);
        break;
      }
    }
  }
  return found;
}

/**
 * The rest of xstate's macrostep, from a snapshot after its first microstep:
 * as long as one is enabled, eventless transitions, then the events raised
 * on the way, in order; each microstep of the simple kinds, else it gives up.
 */
function settle(snapshot: MachineSnapshot, event: EventObject, queue: EventObject[]): MachineSnapshot {
  let next = snapshot;
  let current = event;
  let checkEventless = true;
  while (next.status === 'active') {
    let enabled: Transition[] = checkEventless ? eventless(next, current) : [];
    const before: MachineSnapshot | undefined = enabled.length ? next : undefined;
    if (!enabled.length) {
      if (!queue.length) break;
      current = queue.shift()!;
      enabled = [];
      select(next.machine.root, next.value, next, current, enabled, candidatesOf(next.machine.root));
    }
    if (enabled.length > 1) throw GIVE_UP;
    if (enabled.length) next = microstep(enabled[0]!, next, current, queue);
    checkEventless = next !== before;
  }
  return next;
}

/** The snapshot after `event` when every microstep of xstate's macrostep is of the simple kinds, else undefined. */
function quickStep(snapshot: MachineSnapshot, event: EventObject): MachineSnapshot | undefined {
  if (snapshot.status !== 'active' || event.type.startsWith('xstate.')) return undefined;
  try {
    const queue: EventObject[] = [];
    const chosen: Transition[] = [];
    select(snapshot.machine.root, snapshot.value, snapshot, event, chosen, candidatesOf(snapshot.machine.root));
    if (chosen.length > 1) return undefined;
    return settle(chosen.length ? microstep(chosen[0]!, snapshot, event, queue) : snapshot, event, queue);
  } catch {
    // not the simple kind (GIVE_UP), or a guard or action that throws: xstate takes it and says so its own way
    return undefined;
  }
}

/**
 * The initial snapshot, as xstate's `getInitialSnapshot` makes it, when it is
 * of the simple kinds, else undefined: the context from the machine's context
 * function and the input; every state of the initial configuration entered
 * in document order (their entry actions, which only assign and raise); then
 * the rest of the macrostep on the init event. `template` is a snapshot of
 * the same machine (the scope's own actor's), whose methods the new one shares.
 */
function quickInitial(template: MachineSnapshot, self: unknown, input: unknown): MachineSnapshot | undefined {
  const { machine } = template;
  const make = machine.config.context;
  if (typeof make !== 'function') return undefined;
  try {
    const event = { type: 'xstate.init', input };
    const nodes: StateNode[] = [];
    const enter = (n: StateNode) => {
      if (busy(n) || n.type === 'final' || n.type === 'history') throw GIVE_UP;
      nodes.push(n);
      if (n.type === 'compound') {
        const [first, ...more] = n.initial!.target;
        if (more.length || n.initial!.actions.length || first!.parent !== n) throw GIVE_UP;
        enter(first!);
      } else if (n.type === 'parallel') {
        for (const c of Object.values(n.states)) if (c.type !== 'history') enter(c);
      }
    };
    enter(machine.root);
    nodes.sort((a, b) => a.order - b.order);
    // xstate's pre-initial state: the context function's answer, assigned onto an empty context
    const context = { ...(make({ spawn: GIVE, input, self }) as object) };
    const queue: EventObject[] = [];
    const start: MachineSnapshot = {
      ...template,
      status: 'active', output: undefined, error: undefined, context: {}, _nodes: nodes, value: valueOf(machine.root),
      tags: new Set(nodes.flatMap((n) => n.tags)), children: {}, historyValue: {},
    };
    const entered = { ...start, context: assigned(nodes.flatMap((n) => n.entry), context, event, { ...start, context }, queue) };
    return settle(entered, event, queue);
  } catch {
    return undefined;
  }
}

/** The state value of a state in its initial configuration, as xstate's `getStateValue` writes it. */
function valueOf(n: StateNode): unknown {
  if (n.type === 'compound') {
    const child = n.initial!.target[0]!;
    return child.type === 'atomic' || child.type === 'final' ? child.key : { [child.key]: valueOf(child) };
  }
  const value: Record<string, unknown> = {};
  for (const c of Object.values(n.states)) {
    if (c.type === 'history') continue;
    // an atomic state straight under a parallel one: xstate writes {} there; not the simple kind
    if (c.type === 'atomic' || c.type === 'final') throw GIVE_UP;
    value[c.key] = valueOf(c);
  }
  return value;
}
