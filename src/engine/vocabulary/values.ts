/**
 * What the words read and write in a running attempt: the values objects
 * show, and the small expression tree that computes a number from them
 * (scenarios/README.md §7).
 */
import { randomBetween } from '../random.ts';
import type { AttemptContext, Expr, ObjectStatus } from '../types';

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
