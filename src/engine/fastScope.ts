/**
 * The fast way through a machine. xstate's own `transition()` builds a
 * throwaway actor (and so a whole initial state) on every call; our machines
 * only assign and raise, so one inert actor scope, built once, serves every
 * call. On top of that, the most common step — one transition chosen, with no
 * target, whose actions only assign, after which no eventless transition is
 * enabled and no event was raised — is taken here in a few lines, the way
 * xstate's macrostep takes it, without its general bookkeeping (exit and
 * entry sets, a new state value and tag set for every assign); any other
 * step goes through xstate's `transition()` itself. What depends only on the
 * set of active states — which transitions an event type can take there, in
 * xstate's order, and where a transition with a target leads — is worked out
 * once per set and kept with its `_nodes` array, which the snapshots reached
 * the same way share.
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
function preparedGuard(t: Transition, snapshot: MachineSnapshot): Check {
  let check = checks.get(t);
  if (!check) {
    try {
      check = prepareGuard(t.guard!, snapshot.machine.implementations.guards);
    } catch (e) {
      if (e !== GIVE_UP) throw e;
      // not the simple kind: gives up when it is asked, not before
      check = GIVE;
    }
    checks.set(t, check);
  }
  return check;
}
function guardHolds(t: Transition, context: unknown, event: EventObject, snapshot: MachineSnapshot): boolean {
  return preparedGuard(t, snapshot)(context, event, snapshot);
}

/** A candidate transition with its guard made ready (null: no guard). */
interface Candidate {
  t: Transition;
  check: Check | null;
}

/** The first candidate whose guard holds: xstate's `StateNode.next` over a list. */
function firstOf(list: readonly Candidate[], context: unknown, event: EventObject, snapshot: MachineSnapshot): Transition | undefined {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c.check === null || c.check(context, event, snapshot)) return c.t;
  }
  return undefined;
}

/**
 * How an event selects its transitions in one set of active states: xstate's
 * `transitionNode`, with its walk over the state value and its look-ups done
 * once. A compound state asks its child, then itself: one list, the first
 * enabled wins. A parallel state asks each region (each may select one), then
 * itself if none did: `regions`, then `own`. A parallel state with at most
 * one region that can answer the event is one list again.
 */
interface Split {
  regions: readonly (readonly Candidate[])[];
  own: readonly Candidate[];
}
type Selection = readonly Candidate[] | Split;
const isSplit = (s: Selection): s is Split => !Array.isArray(s);

/** What `make` gives for `key`, worked out once and kept in `memo`; a step not of the simple kind is kept as such, and gives up each time. */
function once<K, V>(memo: { get(key: K): V | typeof GIVE_UP | undefined; set(key: K, value: V | typeof GIVE_UP): unknown }, key: K, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    try {
      value = make();
    } catch (e) {
      if (e !== GIVE_UP) throw e;
      value = GIVE_UP;
    }
    memo.set(key, value);
  }
  if (value === GIVE_UP) throw GIVE_UP;
  return value;
}

/** What the quick step keeps for one set of active states (one `_nodes` array: see `moveOf`, which makes them shared). */
interface Configuration {
  /** By event type: how it selects, or GIVE_UP where the state value is not of the simple kind. */
  byType: Map<string, Selection | typeof GIVE_UP>;
  /** By transition of the simple kind with a target: the active states after it, or GIVE_UP. */
  moves: Map<Transition, Move | typeof GIVE_UP>;
}
const configurations = new WeakMap<readonly StateNode[], Configuration>();
function configurationOf(nodes: readonly StateNode[]): Configuration {
  let c = configurations.get(nodes);
  if (!c) configurations.set(nodes, (c = { byType: new Map(), moves: new Map() }));
  return c;
}

function candidateList(nodes: readonly StateNode[], type: string, snapshot: MachineSnapshot, byOrder: (Map<string, Transition[]> | undefined)[]): Candidate[] {
  const out: Candidate[] = [];
  for (const n of nodes) {
    for (const t of candidates(n, type, byOrder)) out.push({ t, check: t.guard === undefined ? null : preparedGuard(t, snapshot) });
  }
  return out;
}

/** The selection of `type` under `node`, whose state value is `value` (the order xstate asks them in, see `select` below). */
function selectionUnder(node: StateNode, value: unknown, type: string, snapshot: MachineSnapshot, byOrder: (Map<string, Transition[]> | undefined)[]): Selection {
  if (typeof value === 'string') {
    const child = node.states[value];
    if (!child || value[0] === '#') throw GIVE_UP;
    return candidateList([child, node], type, snapshot, byOrder);
  }
  const sub = value as Record<string, unknown>;
  const own = candidateList([node], type, snapshot, byOrder);
  const regions: (readonly Candidate[])[] = [];
  for (const k in sub) {
    if (!sub[k]) continue;
    const child = node.states[k];
    if (!child) throw GIVE_UP;
    const s = selectionUnder(child, sub[k], type, snapshot, byOrder);
    if (node.type !== 'parallel') {
      // a compound state: its child's answer, else its own
      return isSplit(s) ? { regions: s.regions, own: [...s.own, ...own] } : [...s, ...own];
    }
    // a region that is itself parallel: not the simple kind
    if (isSplit(s)) throw GIVE_UP;
    if (s.length) regions.push(s);
  }
  if (regions.length === 0) return own;
  if (regions.length === 1) return [...regions[0]!, ...own];
  return { regions, own };
}

/** xstate's `transitionNode` from the root: the transitions `event` selects in `snapshot`, deepest states first, one per region. */
function select(snapshot: MachineSnapshot, event: EventObject, out: Transition[]): void {
  const byType = configurationOf(snapshot._nodes).byType;
  let sel = byType.get(event.type);
  if (sel === undefined || sel === GIVE_UP) sel = once(byType, event.type, () => selectionUnder(snapshot.machine.root, snapshot.value, event.type, snapshot, candidatesOf(snapshot.machine.root)));
  const context = snapshot.context;
  if (!isSplit(sel)) {
    const t = firstOf(sel, context, event, snapshot);
    if (t) out.push(t);
    return;
  }
  const { regions, own } = sel;
  for (const r of regions) {
    const t = firstOf(r, context, event, snapshot);
    if (t) out.push(t);
  }
  if (!out.length) {
    const t = firstOf(own, context, event, snapshot);
    if (t) out.push(t);
  }
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
    return withContext(snapshot, assigned(t.actions, snapshot.context, event, snapshot, queue));
  }
  const move = moveOf(t, snapshot);
  // the exited states' exit actions, the transition's, the target's entry, in that order
  let context = snapshot.context;
  for (const n of move.exited) if (n.exit.length) context = assigned(n.exit, context, event, snapshot, queue);
  if (t.actions.length) context = assigned(t.actions, context, event, snapshot, queue);
  if (move.entry.length) context = assigned(move.entry, context, event, snapshot, queue);
  if (!move.final) return { ...snapshot, context, _nodes: move.nodes, value: move.value, tags: move.tags };
  // the machine is done (xstate runs every active state's exit actions: there are none, see moveOf)
  return { ...snapshot, status: 'done', output: undefined, context, _nodes: move.nodes, value: move.value, tags: move.tags };
}

/** The own fields of xstate's machine snapshot (its `createMachineSnapshot`), in its order. */
const SNAPSHOT_FIELDS = ['status', 'output', 'error', 'machine', 'context', '_nodes', 'value', 'tags', 'children', 'historyValue', 'matches', 'hasTag', 'can', 'getMeta', 'toJSON'];
/** Snapshots of this xstate have exactly those fields (checked once per machine, on its first snapshot here). */
const plainShape = new WeakMap<object, boolean>();
type SnapshotFields = MachineSnapshot & { matches: unknown; hasTag: unknown; can: unknown; getMeta: unknown; toJSON: unknown };

/**
 * The snapshot with another context, as xstate's `cloneMachineSnapshot` with
 * only a context makes it: every field named, one object of one shape (far
 * faster in V8 than a spread); a spread where xstate's snapshot has other fields.
 */
function withContext(snapshot: MachineSnapshot, context: unknown): MachineSnapshot {
  let plain = plainShape.get(snapshot.machine);
  if (plain === undefined) {
    const keys = Object.keys(snapshot);
    plainShape.set(snapshot.machine, (plain = keys.length === SNAPSHOT_FIELDS.length && keys.every((k, i) => k === SNAPSHOT_FIELDS[i])));
  }
  if (!plain) return { ...snapshot, context };
  const s = snapshot as SnapshotFields;
  const copy: SnapshotFields = {
    status: s.status, output: s.output, error: s.error, machine: s.machine, context, _nodes: s._nodes, value: s.value, tags: s.tags,
    children: s.children, historyValue: s.historyValue, matches: s.matches, hasTag: s.hasTag, can: s.can, getMeta: s.getMeta, toJSON: s.toJSON,
  };
  return copy;
}

/**
 * Where a transition with a target leads from a set of active states: the
 * states exited (deepest and latest first), the new set of active states,
 * its state value and tags. Worked out once per set and transition, and the
 * new set kept: the next step from it finds its own work done (`configurationOf`).
 * Snapshots share these arrays, value and tag set: nothing writes them.
 */
interface Move {
  exited: readonly StateNode[];
  entry: readonly unknown[];
  nodes: StateNode[];
  value: unknown;
  tags: Set<string>;
  final: boolean;
}
function moveOf(t: Transition, snapshot: MachineSnapshot): Move {
  const moves = configurationOf(snapshot._nodes).moves;
  const move = moves.get(t);
  return move !== undefined && move !== GIVE_UP ? move : once(moves, t, () => newMove(t, snapshot));
}
function newMove(t: Transition, snapshot: MachineSnapshot): Move {
  const target = t.target![0] as StateNode;
  const parent = target.parent;
  const final = target.type === 'final';
  if (t.target!.length !== 1 || (target.type !== 'atomic' && !final) || target === t.source || !parent || parent.type !== 'compound' || !under(t.source, parent)) throw GIVE_UP;
  if (final && (parent.parent || parent.config.output !== undefined)) throw GIVE_UP;
  if (busy(target)) throw GIVE_UP;
  const exited = snapshot._nodes.filter((n) => under(n, parent)).sort((a, b) => b.order - a.order);
  if (exited.some(busy)) throw GIVE_UP;
  // xstate's set of active nodes: the exited taken out, the target added at the end
  const nodes = snapshot._nodes.filter((n) => !exited.includes(n));
  nodes.push(target);
  const value = withLeaf(snapshot.value, parent.path, target.key);
  if (final) {
    // the machine is done: xstate keeps the active states ordered latest first, and would run their exit actions
    nodes.sort((a, b) => b.order - a.order);
    if (nodes.some((n) => n.exit.length)) throw GIVE_UP;
  }
  return { exited, entry: target.entry, nodes, value, tags: tagsOf(nodes), final };
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
      select(next, current, enabled);
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
    select(snapshot, event, chosen);
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
    const { nodes, value, tags, entry } = initialOf(machine.root);
    // xstate's pre-initial state: the context function's answer, assigned onto an empty context
    const context = { ...(make({ spawn: GIVE, input, self }) as object) };
    const queue: EventObject[] = [];
    const start: MachineSnapshot = {
      ...template,
      status: 'active', output: undefined, error: undefined, context: {}, _nodes: nodes, value, tags, children: {}, historyValue: {},
    };
    const entered = { ...start, context: assigned(entry, context, event, { ...start, context }, queue) };
    return settle(entered, event, queue);
  } catch {
    return undefined;
  }
}

/**
 * The initial configuration of a machine, worked out once: every state
 * entered in document order, their entry actions, the state value and tags.
 * Every attempt starts from the same `_nodes` array, so the work the quick
 * step keeps for it (`configurationOf`) serves them all.
 */
interface Initial {
  nodes: StateNode[];
  value: unknown;
  tags: Set<string>;
  entry: readonly unknown[];
}
const initials = new WeakMap<StateNode, Initial | typeof GIVE_UP>();
function initialOf(root: StateNode): Initial {
  const initial = initials.get(root);
  if (initial !== undefined && initial !== GIVE_UP) return initial;
  return once(initials, root, () => {
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
    enter(root);
    nodes.sort((a, b) => a.order - b.order);
    return { nodes, value: valueOf(root), tags: tagsOf(nodes), entry: nodes.flatMap((n) => n.entry) };
  });
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
