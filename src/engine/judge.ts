/**
 * The judgement of one action, as pure functions of (scenario, context, event).
 * compileScenario.ts names each predicate as an xstate guard and each reducer
 * as an assign action; nothing here knows about xstate. Where the attempt
 * stands in the procedure (its phase, each fault's stage) is the machine's
 * state, not the context: a function that needs the phase is given it.
 */
import { BUILTIN_RULES } from './builtinRules';
import { stillCounts } from './ending';
import { applyEffect, evalExpr, holds, readingKey, valueOf, withValue, writesObjects, type ConditionScope } from './conditions';
import { isAbsent } from './look';
import { firstExpiry } from './lots';
import { lotNumber, randomBetween, streamFor } from './random';
import { expectedText, textEntryRight } from './recordText';
import type { ScenarioIndex } from './scenarioIndex';
import { copyContext, forgiving, isTextKind, type AttemptContext, type AttemptOptions, type Category, type Effect, type FaultStage, type JudgedEvent, type Outcome, type RecordEntry, type RecordStatus, type RuleUntil, type Step } from './types';

/* ---------- set-up ---------- */

export function createContext(ix: ScenarioIndex, options: AttemptOptions): AttemptContext {
  const s = ix.scenario;
  let rng = (options.seed >>> 0) ^ 0x9e3779b9;
  let fault: string | null = null;
  const drawable = s.faults.filter((f) => !('byRule' in f.trigger));
  if (options.forcedFault && options.forcedFault !== 'none' && ix.faults.has(options.forcedFault)) {
    fault = options.forcedFault;
  } else if (!options.forcedFault && drawable.length) {
    let r: number;
    [r, rng] = randomBetween(rng, 0, 1, 6);
    if (r < s.faultChance) {
      const total = drawable.reduce((sum, f) => sum + (f.weight ?? 1), 0);
      let pick: number;
      [pick, rng] = randomBetween(rng, 0, total, 6);
      for (const f of drawable) {
        pick -= f.weight ?? 1;
        if (pick <= 0 || f === drawable[drawable.length - 1]) {
          fault = f.id;
          break;
        }
      }
    }
  }
  let ctx: AttemptContext = {
    scenarioId: s.id,
    version: s.version,
    mode: options.mode,
    seed: options.seed,
    rng,
    passMark: Math.max(s.passMark, options.passMark ?? 0),
    scored: options.scored ? true : undefined,
    fault,
    clock: 0,
    done: {},
    raised: {},
    objects: {},
    record: {},
    outcomes: [],
    hints: 0,
    events: 0,
    critical: null,
    ending: undefined,
    read: undefined,
    lastInput: undefined,
  };
  for (const o of s.objects) {
    let value: number | undefined;
    let lot: string | undefined;
    if (o.value !== undefined) {
      const e = o.value;
      if (typeof e === 'object' && 'random' in e) [value, ctx.rng] = randomBetween(ctx.rng, e.random.min, e.random.max, e.random.decimals);
      else value = evalExpr(e, ctx);
    }
    if (o.lot) [lot, ctx.rng] = lotNumber(ctx.rng, o.lot);
    const expiry = firstExpiry(s, o, options.seed, fault);
    let status: AttemptContext['objects'][string] = { state: o.state, ...(value !== undefined ? { value } : {}), ...(lot ? { lot } : {}), ...(expiry ? { expiry } : {}) };
    for (const r of o.readings ?? []) {
      if (r.value === undefined) continue;
      // a reading draws from a stream of its own: the attempt's main sequence stays as it was
      const v = typeof r.value === 'object' && 'random' in r.value
        ? randomBetween(streamFor(options.seed, `${o.id}.${r.id}`), r.value.random.min, r.value.random.max, r.value.random.decimals)[0]
        : evalExpr(r.value, ctx);
      status = withValue(status, v, r.id);
    }
    ctx.objects[o.id] = status;
  }
  const f = fault ? ix.faults.get(fault) : undefined;
  if (f && 'atStart' in f.trigger) ctx = raise(ix, ctx, [f.id]);
  return ctx;
}

/* ---------- shared look-ups ---------- */

export function faultHandled(ix: ScenarioIndex, ctx: AttemptContext, faultId: string): boolean {
  const f = ix.faults.get(faultId);
  if (!f) return false;
  for (const s of f.steps) if (ctx.done[s.id] === undefined) return false;
  return true;
}

export function faultContained(ix: ScenarioIndex, ctx: AttemptContext, faultId: string): boolean {
  const f = ix.faults.get(faultId);
  if (!f) return false;
  for (const s of f.steps) if (s.stage === 'contain' && ctx.done[s.id] === undefined) return false;
  return true;
}

/** A fault's rule applies from its fault's raising until the fault reaches the stage the rule names (contained, or documented by default). */
function faultRuleApplies(ix: ScenarioIndex, ctx: AttemptContext, faultId: string, until: RuleUntil = 'documented'): boolean {
  if (ctx.raised[faultId] === undefined) return false;
  return until === 'contained' ? !faultContained(ix, ctx, faultId) : !faultHandled(ix, ctx, faultId);
}

/** The stage the context gives a fault: what its region in the machine follows. */
export function faultStage(ix: ScenarioIndex, ctx: AttemptContext, faultId: string): FaultStage {
  if (ctx.raised[faultId] === undefined) return 'quiet';
  return faultHandled(ix, ctx, faultId) ? 'documented' : faultContained(ix, ctx, faultId) ? 'contained' : 'raised';
}

const scope = (ix: ScenarioIndex, ctx: AttemptContext, input?: number, reason?: string): ConditionScope => ({
  ctx,
  input,
  reason,
  faultHandled: (id) => faultHandled(ix, ctx, id),
});

/** An action, whether logged as ACT or dispatched to the machine as act.<verb>.<target>. */
const isAct = (e: JudgedEvent): e is Extract<JudgedEvent, { verb: string }> => 'verb' in e;
/** The event is this gesture: same verb and object, and, for a two-ended gesture, made onto its second object. */
const matches = (e: JudgedEvent, action: { verb: string; target: string; with?: string }) =>
  isAct(e) && e.verb === action.verb && e.target === action.target && (action.with === undefined || e.with === action.with);
const valueOfAct = (e: JudgedEvent) => (isAct(e) ? e.value : undefined);

type NewOutcome = Omit<Outcome, 'seq' | 'at'>;

function scaled(ctx: AttemptContext, penalty: number): number {
  return forgiving(ctx) ? 0 : penalty;
}

/** A new array: the list, then the item (one exact copy: the fastest way V8 offers for a list of any length here). */
function appended<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = list[i]!;
  out[n] = item;
  return out;
}

/**
 * One judgement in the making: its own copy of the context, written in
 * place, so that an action costs one copy of the context whatever it
 * changes. What the copy holds (outcomes, done, raised, objects, record,
 * read) is still the given context's until this judgement first changes
 * it: then it is copied once and written in place from there on. The
 * context given, and everything it holds, is never written: a snapshot taken
 * before reads what it read (tests/unit/earlierSnapshots.test.ts).
 */
class Judgement {
  next: AttemptContext;
  private ownOutcomes = false;
  private ownDone = false;
  private ownRaised = false;
  private ownObjects = false;

  /** With an event: counted, and its value kept for inputBetween. */
  constructor(ctx: AttemptContext, event?: JudgedEvent) {
    this.next = copyContext(ctx);
    if (event !== undefined) {
      this.next.events = ctx.events + 1;
      this.next.lastInput = isAct(event) ? event.value : undefined;
    }
  }

  /** Adds an outcome to the log, numbered in order and timed now. */
  push(o: NewOutcome): void {
    const list = this.next.outcomes;
    const outcome: Outcome = { seq: list.length, at: this.next.clock, ...o };
    if (this.ownOutcomes) list.push(outcome);
    else {
      this.next.outcomes = appended(list, outcome);
      this.ownOutcomes = true;
    }
  }

  private done(): Record<string, number> {
    if (!this.ownDone) {
      this.next.done = { ...this.next.done };
      this.ownDone = true;
    }
    return this.next.done;
  }

  /**
   * A new object with the step added, made in one spread: a copy written by
   * key afterwards turns slow in V8 (a dictionary) past some twenty steps,
   * and every later copy of it with it.
   */
  setDone(stepId: string, at: number): void {
    this.next.done = { ...this.next.done, [stepId]: at };
    this.ownDone = true;
  }

  /** Applies effects in the order written: a fault raised in the middle of the list is raised there, its own effects with it. */
  effects(ix: ScenarioIndex, effects: readonly Effect[] | undefined, input?: number): void {
    if (!effects) return;
    for (const e of effects) {
      if ('raiseFault' in e) this.raise(ix, [e.raiseFault]);
      else this.effect(ix, e, input);
    }
  }

  /** One effect (a `raiseFault` among them does nothing: see `effects`). */
  private effect(ix: ScenarioIndex, e: Effect, input: number | undefined): void {
    if (!this.ownObjects && writesObjects(e)) {
      this.next.objects = { ...this.next.objects };
      this.ownObjects = true;
    }
    const { objects, done } = this.next;
    this.next = applyEffect(e, this.next, input, ix.scenario);
    // a word that replaced a collection gave a fresh one (newLot its objects, redo the steps done): this judgement owns it
    if (this.next.objects !== objects) this.ownObjects = true;
    if (this.next.done !== done) this.ownDone = true;
  }

  /** Raises faults not raised yet: applies their effects and says so. */
  raise(ix: ScenarioIndex, ids: readonly string[]): void {
    for (const id of ids) {
      const f = ix.faults.get(id);
      if (!f) continue;
      const announced = this.next.outcomes.some((o) => o.kind === 'fault-raised' && o.ref === id);
      if (announced && !faultHandled(ix, this.next, id)) continue; // already being handled
      if (announced) {
        // The same fault again (a second contaminated glove…): its answer must be given again.
        const done = this.done();
        for (const s of f.steps) delete done[s.id];
      }
      if (!this.ownRaised) {
        this.next.raised = { ...this.next.raised };
        this.ownRaised = true;
      }
      this.next.raised[id] = this.next.clock;
      // the fault's own effects as written (a raiseFault among them raises nothing)
      for (const e of f.effects ?? []) this.effect(ix, e, undefined);
      this.push({ kind: 'fault-raised', ref: id, points: 0, penalty: 0 });
    }
  }
}

/** Raises faults not raised yet: applies their effects and says so. */
function raise(ix: ScenarioIndex, ctx: AttemptContext, ids: string[]): AttemptContext {
  const j = new Judgement(ctx);
  j.raise(ix, ids);
  return j.next;
}

/* ---------- guards ---------- */

/** The object is not in the room now: its state's look is `absent` (look.ts). */
export function objectAbsent(ix: ScenarioIndex, ctx: AttemptContext, objectId: string): boolean {
  const o = ix.objects.get(objectId);
  const st = ctx.objects[objectId];
  return !!o && !!st && isAbsent(o, st.state);
}

/**
 * The action is made on an object that is not in the room now, or onto one
 * (its second end): judged as an action on an object the room does not
 * have, no effect, before any rule or step is asked.
 */
export function actsOnAbsent(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent): boolean {
  return isAct(event) && (objectAbsent(ix, ctx, event.target) || (event.with !== undefined && objectAbsent(ix, ctx, event.with)));
}

export function ruleBroken(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, ruleId: string): boolean {
  const r = ix.rules.get(ruleId);
  if (!r || !isAct(event)) return false;
  if (r.rule.on.verb !== undefined && r.rule.on.verb !== event.verb) return false;
  if (r.rule.on.target !== undefined && r.rule.on.target !== event.target) return false;
  if (r.rule.on.with !== undefined && r.rule.on.with !== event.with) return false;
  if (r.fault && !faultRuleApplies(ix, ctx, r.fault, r.until)) return false;
  return r.rule.when === undefined || holds(r.rule.when, scope(ix, ctx, event.value, event.reason));
}

export function isCritical(ix: ScenarioIndex, ruleId: string): boolean {
  return ix.rules.get(ruleId)?.rule.severity === 'critical';
}

/**
 * The step's own conditions hold, whatever the value: not done yet, its fault
 * raised (for a fault step), the steps it requires done, its `when` true.
 * Whether a step of the procedure is in the current phase is the machine's
 * business: its transitions live in its phase's state.
 */
export function stepReady(ix: ScenarioIndex, ctx: AttemptContext, stepId: string): boolean {
  const s = ix.steps.get(stepId);
  if (!s || ctx.done[stepId] !== undefined) return false;
  if (s.fault !== undefined && ctx.raised[s.fault] === undefined) return false;
  if (s.step.requires && !s.step.requires.every((r) => ctx.done[r] !== undefined)) return false;
  return s.step.when === undefined || holds(s.step.when, scope(ix, ctx));
}

/** The step may be done now, `phase` being the index of the phase the machine is in (see compileScenario's phaseIndexIn). */
export function stepOpen(ix: ScenarioIndex, ctx: AttemptContext, stepId: string, phase: number): boolean {
  const s = ix.steps.get(stepId);
  return !!s && (s.fault !== undefined ? (s.phase ?? 0) <= phase : s.phase === phase) && stepReady(ix, ctx, stepId);
}

export function valueAccepted(ix: ScenarioIndex, ctx: AttemptContext, stepId: string, value: number | undefined): boolean {
  const e = ix.steps.get(stepId)?.step.expect;
  if (!e) return true;
  if (value === undefined || !Number.isFinite(value)) return false;
  if (e.value !== undefined) return Math.abs(value - evalExpr(e.value, ctx)) <= (e.tolerance ?? 0) + 1e-9;
  const min = e.min !== undefined ? evalExpr(e.min, ctx) : -Infinity;
  const max = e.max !== undefined ? evalExpr(e.max, ctx) : Infinity;
  return value >= min - 1e-9 && value <= max + 1e-9;
}

/* The machine asks these of a step of the procedure in its phase's state, of a fault step on `running`. */

/** The step's gesture, the step ready and the value right: the step is done. */
export function stepDue(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): boolean {
  const s = ix.steps.get(stepId);
  return !!s && matches(event, s.step.action) && stepReady(ix, ctx, stepId)
    && valueAccepted(ix, ctx, stepId, valueOfAct(event));
}

/** The step's gesture, the step ready, but a value outside what it expects. */
export function stepWrongValue(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): boolean {
  const s = ix.steps.get(stepId);
  return !!s && !!s.step.expect && matches(event, s.step.action) && stepReady(ix, ctx, stepId)
    && !valueAccepted(ix, ctx, stepId, valueOfAct(event));
}

/** The gesture of a step of the procedure not done yet, made before what it requires (or its `when`). */
export function stepEarly(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): boolean {
  return stepPending(ix, ctx, event, stepId) && !stepReady(ix, ctx, stepId);
}

/**
 * The gesture of a step of the procedure not done yet. The machine asks it
 * after the phase's own steps: then the step belongs to a phase not reached
 * yet (those of past phases are all done), so the gesture is too early.
 * A fault step is early only when it is bound to a later phase (its `phase`)
 * and its fault has happened: otherwise it is offered once its fault is raised.
 */
export function stepPending(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): boolean {
  const s = ix.steps.get(stepId);
  return !!s && (s.fault === undefined || (s.phase !== undefined && ctx.raised[s.fault] !== undefined)) && matches(event, s.step.action) && ctx.done[stepId] === undefined;
}

/**
 * A rule or a fault step answers this gesture, so no step of the phase does:
 * rules come first, then the steps of raised faults (see compileScenario).
 */
export function answeredFirst(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, rules: readonly string[], faultSteps: readonly string[]): boolean {
  return rules.some((r) => ruleBroken(ix, ctx, event, r))
    || faultSteps.some((s) => matches(event, ix.steps.get(s)!.step.action) && stepReady(ix, ctx, s));
}

/**
 * What a step tried too early waits for: the steps not done that must come
 * first, in the order of the procedure. Its `requires` not done, and theirs in
 * turn (wearing the suit waits for the wash, which waits for the jewellery);
 * when the step belongs to a later phase, every step not done of the phases
 * before it and of the raised faults not handled yet, since the procedure
 * moves on only once those are done. A `when` that does not hold names no
 * step: nothing is added for it (the step's `early` explanation speaks).
 */
export function missingBefore(ix: ScenarioIndex, ctx: AttemptContext, stepId: string): string[] {
  const s = ix.steps.get(stepId);
  if (!s) return [];
  const wanted = new Set<string>();
  const visit = (id: string) => {
    for (const r of ix.steps.get(id)?.step.requires ?? []) {
      if (ctx.done[r] !== undefined || wanted.has(r)) continue;
      wanted.add(r);
      visit(r);
    }
  };
  visit(stepId);
  const faults = Object.keys(ctx.raised).filter((f) => !faultHandled(ix, ctx, f));
  const now = currentPhase(ix, ctx);
  if (s.phase !== undefined && s.phase > now) {
    // the faults' steps done before the procedure reaches the step's phase: all but those bound to that phase or a later one
    for (const f of faults) for (const x of ix.faults.get(f)!.steps) if (ctx.done[x.id] === undefined && (ix.steps.get(x.id)!.phase ?? now) < s.phase) wanted.add(x.id);
    for (let p = now; p < s.phase; p++) for (const id of ix.stepsByPhase[p] ?? []) if (ctx.done[id] === undefined) wanted.add(id);
  }
  // the faults' steps first (they are answered before the procedure goes on), then the procedure's, phase by phase
  const missing: string[] = [];
  if (!wanted.size) return missing;
  for (const f of faults) for (const x of ix.faults.get(f)!.steps) if (wanted.has(x.id)) missing.push(x.id);
  for (const ids of ix.stepsByPhase) for (const id of ids) if (wanted.has(id)) missing.push(id);
  return missing;
}

/**
 * The phase the procedure is in, from the context alone: the first whose
 * steps are not all done or that waits for a fault's answer (the machine's
 * phase state moves on exactly when phaseComplete holds, see compileScenario).
 */
export function currentPhase(ix: ScenarioIndex, ctx: AttemptContext): number {
  const last = ix.stepsByPhase.length - 1;
  for (let p = 0; p < last; p++) if (!phaseComplete(ix, ctx, p)) return p;
  return Math.max(0, last);
}

/**
 * The steps of the phase are done and no fault is waiting for its answer in
 * it: the procedure moves on. A raised fault waits for its steps, but not for
 * those bound to a later phase (done when the procedure gets there).
 */
export function phaseComplete(ix: ScenarioIndex, ctx: AttemptContext, phase: number): boolean {
  for (const id of ix.stepsByPhase[phase] ?? []) if (ctx.done[id] === undefined) return false;
  for (const f in ctx.raised) {
    for (const x of ix.faults.get(f)?.steps ?? []) if (ctx.done[x.id] === undefined && (ix.steps.get(x.id)!.phase ?? phase) <= phase) return false;
  }
  return true;
}

/**
 * The phase has something to do in this attempt: a step of the procedure, or
 * a step bound to it of a fault that has happened. A phase that holds only
 * the steps of faults that did not happen is passed over.
 */
export function phaseHolds(ix: ScenarioIndex, ctx: AttemptContext, phase: number): boolean {
  if ((ix.stepsByPhase[phase] ?? []).length) return true;
  for (const f in ctx.raised) if ((ix.faults.get(f)?.steps ?? []).some((x) => ix.steps.get(x.id)!.phase === phase)) return true;
  return false;
}

/* ---------- the batch record ---------- */

const RECORD_VERBS = new Set(['record', 'correct', 'sign']);

export type RecordVerdict = 'prefill' | 'filled' | 'blank' | 'incomplete' | 'no-reason' | 'accept';

/** What good documentation practice says of a record, correct or sign action. */
export function judgeRecord(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent): RecordVerdict | null {
  if (!isAct(event) || !RECORD_VERBS.has(event.verb)) return null;
  const entry = ix.record.get(event.target);
  if (!entry) return null;
  const current = ctx.record[entry.id];
  if (event.verb === 'correct') {
    if (!current) return 'blank';
    if (!event.reason || !event.reason.trim()) return 'no-reason';
    return 'accept';
  }
  if (current) return 'filled';
  if (ctx.done[entry.after] === undefined) return 'prefill';
  if (entry.kind === 'signature') {
    const siblings = ix.recordByStep.get(entry.after) ?? [];
    if (siblings.some((e) => e.kind !== 'signature' && !ctx.record[e.id])) return 'incomplete';
  }
  return 'accept';
}

/** The value written (a number, or the text of a text, date or time entry) is the one the entry expects. */
export function recordValueRight(ix: ScenarioIndex, ctx: AttemptContext, entry: RecordEntry, value: number | undefined, text?: string): boolean {
  if (isTextKind(entry.kind)) return textEntryRight(ix.scenario, ctx, entry, text);
  if (entry.kind !== 'value' || entry.value === undefined) return true;
  if (value === undefined || !Number.isFinite(value)) return false;
  return Math.abs(value - evalExpr(entry.value, ctx)) <= (entry.tolerance ?? 0) + 1e-9;
}

/**
 * An entry is late once the work has moved on: a step of a later phase is
 * done (so its own phase is over). Finishing a phase's last step and then
 * writing its entry is still contemporaneous.
 */
function recordIsLate(ix: ScenarioIndex, ctx: AttemptContext, entry: RecordEntry): boolean {
  const phase = ix.steps.get(entry.after)?.phase;
  if (phase === undefined) return false;
  for (const id in ctx.done) if ((ix.steps.get(id)?.phase ?? -1) > phase) return true;
  return false;
}

/* ---------- reducers (each returns a new context) ---------- */

const base = (ctx: AttemptContext, event: JudgedEvent): AttemptContext => new Judgement(ctx, event).next;

/** The event counted and one outcome pushed, in one new context. */
function judged(ctx: AttemptContext, event: JudgedEvent, o: NewOutcome): AttemptContext {
  const j = new Judgement(ctx, event);
  j.push(o);
  return j.next;
}

export function violation(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, ruleId: string): AttemptContext {
  const r = ix.rules.get(ruleId)!.rule;
  const critical = r.severity === 'critical';
  const j = new Judgement(ctx, event);
  if (critical && !forgiving(ctx)) j.next.critical = r.id;
  j.push({
    kind: 'violation', ref: r.id, points: 0, penalty: scaled(ctx, r.penalty), category: r.category,
    severity: r.severity, critical, ...actionOf(event),
  });
  j.effects(ix, r.effects, valueOfAct(event));
  return j.next;
}

function actionOf(event: JudgedEvent) {
  return isAct(event) ? { verb: event.verb, target: event.target, ...(event.with !== undefined ? { with: event.with } : {}) } : {};
}

export function completeStep(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): AttemptContext {
  const { step, fault } = ix.steps.get(stepId)!;
  const j = new Judgement(ctx, event);
  j.setDone(stepId, ctx.clock);
  j.next.clock = ctx.clock + (step.minutes ?? 1);
  j.effects(ix, step.effects, valueOfAct(event));
  // A step done again (a fault answered twice, a step reopened by a fault's `redo`) earns its points once.
  const again = doneBefore(ctx, stepId);
  j.push({ kind: 'step', ref: stepId, points: again ? 0 : step.points, penalty: 0, category: step.category, ...actionOf(event) });
  if (fault && faultHandled(ix, j.next, fault)) j.push({ kind: 'fault-handled', ref: fault, points: 0, penalty: 0 });
  // a fault follows its step the first time only: the weld redone after a failed weld does not fail again
  if (j.next.fault && !again) {
    const f = ix.faults.get(j.next.fault);
    if (f && 'afterStep' in f.trigger && f.trigger.afterStep === stepId) j.raise(ix, [f.id]);
  }
  return j.next;
}

/** The step was done once already in this attempt (and reopened since, or answered again). */
export function doneBefore(ctx: AttemptContext, stepId: string): boolean {
  for (const o of ctx.outcomes) if (o.kind === 'step' && o.ref === stepId) return true;
  return false;
}

export function wrongValue(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): AttemptContext {
  const { step } = ix.steps.get(stepId)!;
  const w = step.expect!.wrong;
  return judged(ctx, event, { kind: 'wrong-value', ref: stepId, points: 0, penalty: scaled(ctx, w.penalty), category: w.category ?? 'process', severity: 'minor', ...actionOf(event) });
}

export function early(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, stepId: string): AttemptContext {
  const { step } = ix.steps.get(stepId)!;
  const d = ix.scenario.defaults?.early;
  const penalty = step.early?.penalty ?? d?.penalty ?? BUILTIN_RULES.early!.penalty;
  const category: Category = d?.category ?? 'sequence';
  const missing = missingBefore(ix, ctx, stepId);
  return judged(ctx, event, { kind: 'early', ref: stepId, points: 0, penalty: scaled(ctx, penalty), category, severity: 'minor', ...actionOf(event), ...(missing.length ? { missing } : {}) });
}

export function noEffect(ctx: AttemptContext, event: JudgedEvent): AttemptContext {
  const j = new Judgement(ctx, event);
  if (isAct(event)) j.push({ kind: 'no-effect', ref: event.target, points: 0, penalty: 0, ...actionOf(event) });
  return j.next;
}

/**
 * The trainee reads an instrument's display (the built-in `read` action):
 * what it shows now is kept, so the twin can show it and announce it. Never
 * judged "no effect"; a step or rule on `read` judges it first where the
 * scenario wants reading to count. A display that shows nothing (no such
 * reading, no value yet) is read as nothing.
 */
export function readDisplay(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent): AttemptContext {
  if (!isAct(event)) return base(ctx, event);
  const key = readingKey(event.target, event.reading);
  const object = ix.objects.get(event.target);
  const known = !!object && (event.reading === undefined || (object.readings ?? []).some((r) => r.id === event.reading));
  const value = known ? valueOf(ctx, key) : undefined;
  if (!known || !ix.readable.has(event.target)) return noEffect(ctx, event);
  const j = new Judgement(ctx, event);
  // a display that shows nothing yet (a balance before its check) is read as blank: said, not kept
  if (value !== undefined && Number.isFinite(value)) j.next.read = { ...ctx.read, [key]: { value, at: ctx.clock } };
  j.push({ kind: 'reading', ref: key, points: 0, penalty: 0, ...actionOf(event) });
  return j.next;
}

export function countHint(ctx: AttemptContext): AttemptContext {
  const next = copyContext(ctx);
  next.hints = ctx.hints + 1;
  next.events = ctx.events + 1;
  return next;
}

/** The procedure enters a phase: said in the log, with the phase's brief. */
export function enterPhase(ctx: AttemptContext, id: string): AttemptContext {
  const j = new Judgement(ctx);
  j.push({ kind: 'phase', ref: id, points: 0, penalty: 0 });
  return j.next;
}

function builtin(ctx: AttemptContext, id: string, event: JudgedEvent, count = 1, more: Partial<Outcome> = {}): Omit<Outcome, 'seq' | 'at'> {
  const r = BUILTIN_RULES[id]!;
  return { kind: 'violation', ref: id, points: 0, penalty: scaled(ctx, r.penalty) * count, category: r.category, severity: r.severity, ...actionOf(event), ...more };
}

/** An inaccurate value: what was written and what the record expected, so the judgement can name both. */
function inaccurate(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent, entry: RecordEntry): Omit<Outcome, 'seq' | 'at'> {
  if (isTextKind(entry.kind)) {
    const written = isAct(event) ? event.text?.trim() : undefined;
    const expected = expectedText(ix.scenario, ctx, entry);
    return builtin(ctx, 'gdp-inaccurate', event, 1, { ...(written ? { written } : {}), ...(expected !== undefined ? { expected } : {}) });
  }
  const written = valueOfAct(event);
  const expected = entry.value !== undefined ? evalExpr(entry.value, ctx) : undefined;
  return builtin(ctx, 'gdp-inaccurate', event, 1, {
    ...(written !== undefined && Number.isFinite(written) ? { written } : {}),
    ...(expected !== undefined && Number.isFinite(expected) ? { expected } : {}),
  });
}

export function writeRecord(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent): AttemptContext {
  if (!isAct(event)) return base(ctx, event);
  const verdict = judgeRecord(ix, ctx, event);
  const act = event;
  if (verdict === 'prefill' || verdict === 'incomplete' || verdict === 'no-reason') {
    const id = { prefill: 'gdp-prefill', incomplete: 'gdp-sign-incomplete', 'no-reason': 'gdp-no-reason' }[verdict];
    return judged(ctx, event, builtin(ctx, id, event));
  }
  if (verdict !== 'accept') return judged(ctx, event, { kind: 'no-effect', ref: act.target, points: 0, penalty: 0, ...actionOf(event) });
  const j = new Judgement(ctx, event);
  const entry = ix.record.get(act.target)!;
  const right = recordValueRight(ix, ctx, entry, act.value, act.text);
  const prev = ctx.record[entry.id];
  const value = entry.kind === 'value' ? act.value : isTextKind(entry.kind) ? act.text?.trim() : undefined;
  let status: RecordStatus;
  if (act.verb === 'correct' && prev) {
    status = { ...prev, value, wrong: !right, corrections: [...prev.corrections, { from: prev.value, to: value, reason: act.reason!.trim(), at: ctx.clock }] };
    const earnedBefore = ctx.outcomes.some((o) => o.kind === 'record' && o.ref === entry.id && o.points > 0);
    if (right && !earnedBefore) j.push({ kind: 'record', ref: entry.id, points: entry.points, penalty: 0, category: 'documentation', ...actionOf(event) });
    else if (!right) j.push(inaccurate(ix, ctx, event, entry));
  } else {
    const late = recordIsLate(ix, ctx, entry);
    j.push({ kind: 'record', ref: entry.id, points: right ? entry.points : 0, penalty: 0, category: 'documentation', ...actionOf(event) });
    if (!right) j.push(inaccurate(ix, ctx, event, entry));
    if (late) j.push(builtin(ctx, 'gdp-late', event));
    status = value !== undefined ? { value, at: ctx.clock, wrong: !right, late, corrections: [] } : { at: ctx.clock, wrong: !right, late, corrections: [] };
  }
  j.next.record = { ...ctx.record, [entry.id]: status };
  return j.next;
}

/** Entries the run must have: those of the procedure (of its steps done, once a decision ended it) and of the faults raised. */
export function expectedEntries(ix: ScenarioIndex, ctx: AttemptContext): RecordEntry[] {
  return ix.scenario.record.filter((e) => {
    const s = ix.steps.get(e.after);
    return s?.fault === undefined ? stillCounts(ctx, e.after) : ctx.raised[s.fault] !== undefined;
  });
}

export function submitRecord(ix: ScenarioIndex, ctx: AttemptContext, event: JudgedEvent): AttemptContext {
  const j = new Judgement(ctx, event);
  const entries = expectedEntries(ix, ctx);
  const blank = entries.filter((e) => !ctx.record[e.id]).map((e) => e.id);
  const wrong = entries.filter((e) => ctx.record[e.id]?.wrong).map((e) => e.id);
  if (blank.length) j.push(builtin(ctx, 'gdp-blank', event, blank.length, { entries: blank }));
  if (wrong.length) j.push(builtin(ctx, 'gdp-uncorrected', event, wrong.length, { entries: wrong }));
  j.push({ kind: 'end', ref: 'batch-record', points: 0, penalty: 0, ...actionOf(event) });
  return j.next;
}
