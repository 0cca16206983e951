/**
 * The named vocabulary of conditions, expressions and effects that scenario
 * files use instead of code. Each function is pure: context in, answer or new
 * context out.
 */
import { drawNewLot } from './lots';
import { randomBetween } from './random';
import type { AttemptContext, Condition, Effect, Expr, ObjectStatus, Scenario } from './types';

/** The key of a value on a display: the object's own value, or one of its named readings. */
export const readingKey = (object: string, reading?: string) => (reading ? `${object}.${reading}` : object);

/** The object and the named reading a key names: "balance", or "console.ph". */
export function readingOf(key: string): { object: string; reading?: string } {
  const dot = key.indexOf('.');
  return dot < 0 ? { object: key } : { object: key.slice(0, dot), reading: key.slice(dot + 1) };
}

/** The value an object shows: its own, or a named reading's ("console.ph"). */
export function valueOf(ctx: AttemptContext, key: string): number | undefined {
  const { object, reading } = readingOf(key);
  return reading === undefined ? ctx.objects[object]?.value : ctx.objects[object]?.readings?.[reading];
}

/** The object's status with one value set: its own, or a named reading. */
export function withValue(o: ObjectStatus, value: number, reading?: string): ObjectStatus {
  return reading ? { ...o, readings: { ...o.readings, [reading]: value } } : { ...o, value };
}

export function evalExpr(expr: Expr, ctx: AttemptContext, input?: number): number {
  if (typeof expr === 'number') return expr;
  if ('value' in expr) return valueOf(ctx, expr.value) ?? NaN;
  if ('input' in expr) return input ?? NaN;
  if ('add' in expr) return expr.add.reduce<number>((s, e) => s + evalExpr(e, ctx, input), 0);
  if ('sub' in expr) return evalExpr(expr.sub[0], ctx, input) - evalExpr(expr.sub[1], ctx, input);
  if ('mul' in expr) return expr.mul.reduce<number>((s, e) => s * evalExpr(e, ctx, input), 1);
  if ('div' in expr) return evalExpr(expr.div[0], ctx, input) / evalExpr(expr.div[1], ctx, input);
  if ('round' in expr) {
    const f = 10 ** expr.round[1];
    return Math.round(evalExpr(expr.round[0], ctx, input) * f) / f;
  }
  // random is only drawn by effects and object set-up, which carry the generator.
  return (expr.random.min + expr.random.max) / 2;
}

/** Evaluates an expression that may draw from the seeded generator. */
export function drawExpr(expr: Expr, ctx: AttemptContext, input?: number): [number, number] {
  if (typeof expr === 'object' && 'random' in expr) {
    const { min, max, decimals } = expr.random;
    return randomBetween(ctx.rng, min, max, decimals);
  }
  return [evalExpr(expr, ctx, input), ctx.rng];
}

export function faultActive(ctx: AttemptContext, faultId: string, handled: (id: string) => boolean): boolean {
  return ctx.raised[faultId] !== undefined && !handled(faultId);
}

export interface ConditionScope {
  ctx: AttemptContext;
  input?: number;
  /** The reason typed with the action being judged (a batch-record correction). */
  reason?: string;
  faultHandled: (faultId: string) => boolean;
}

export function holds(cond: Condition | undefined, scope: ConditionScope): boolean {
  if (!cond) return true;
  const { ctx } = scope;
  if ('done' in cond) return ctx.done[cond.done] !== undefined;
  if ('notDone' in cond) return ctx.done[cond.notDone] === undefined;
  if ('equals' in cond) return ctx.objects[cond.equals.object]?.state === cond.equals.state;
  if ('between' in cond) {
    const v = valueOf(ctx, readingKey(cond.between.object, cond.between.reading));
    return v !== undefined && v >= cond.between.min && v <= cond.between.max;
  }
  if ('inputBetween' in cond) {
    return scope.input !== undefined && scope.input >= cond.inputBetween.min && scope.input <= cond.inputBetween.max;
  }
  if ('faultActive' in cond) return faultActive(ctx, cond.faultActive, scope.faultHandled);
  if ('faultHandled' in cond) return ctx.raised[cond.faultHandled] !== undefined && scope.faultHandled(cond.faultHandled);
  if ('elapsed' in cond) {
    const since = ctx.done[cond.elapsed.since];
    return since !== undefined && ctx.clock - since >= cond.elapsed.atLeast;
  }
  if ('poorReason' in cond) return reasonPoor(scope.reason, cond.poorReason);
  if ('all' in cond) return cond.all.every((c) => holds(c, scope));
  if ('any' in cond) return cond.any.some((c) => holds(c, scope));
  return !holds(cond.not, scope);
}

/** A reason as the SOP reads it: case, accents, surrounding spaces and punctuation aside. */
export const plainReason = (reason: string) =>
  reason.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').replace(/\s+/g, ' ');

/**
 * The reason of a correction does not say why: blank (or absent), shorter
 * than `shorterThan` characters once trimmed, or nothing but one of the
 * `refused` words ("erreur", "error": a correction always corrects an error).
 */
export function reasonPoor(reason: string | undefined, p: { shorterThan?: number; refused?: string[] }): boolean {
  const said = (reason ?? '').trim();
  if (!said) return true;
  if (p.shorterThan !== undefined && [...said].length < p.shorterThan) return true;
  const plain = plainReason(said);
  return (p.refused ?? []).some((w) => plainReason(w) === plain);
}

/** Applies effects in order; returns the new context (the input is not changed). `newLot` needs the scenario (its objects' lot prefixes). */
export function applyEffects(ctx: AttemptContext, effects: Effect[] | undefined, input?: number, scenario?: Scenario): AttemptContext {
  if (!effects?.length) return ctx;
  let next: AttemptContext = { ...ctx, objects: { ...ctx.objects }, raised: { ...ctx.raised } };
  for (const effect of effects) {
    if ('set' in effect) {
      next.objects[effect.set.object] = { ...next.objects[effect.set.object], state: effect.set.state };
    } else if ('setValue' in effect) {
      const [value, rng] = drawExpr(effect.setValue.value, next, input);
      next.rng = rng;
      const o = next.objects[effect.setValue.object];
      if (o) next.objects[effect.setValue.object] = withValue(o, value, effect.setValue.reading);
    } else if ('advanceClock' in effect) {
      const [minutes, rng] = drawExpr(effect.advanceClock, next, input);
      next.rng = rng;
      next.clock += Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
    } else if ('redo' in effect) {
      // the steps are open again; what they earned stays (judge.ts completeStep earns a step once)
      const done = { ...next.done };
      for (const id of effect.redo) delete done[id];
      next.done = done;
    } else if ('newLot' in effect && scenario) next = drawNewLot(scenario, next, effect.newLot);
    // raiseFault is carried out by the judge, which announces the fault.
  }
  return next;
}
