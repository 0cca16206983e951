/**
 * What the words read and write in a running attempt: the values objects
 * show, and the drawing of an expression from the seed (the expression
 * words themselves are ./expr/*.ts, scenarios/README.md §7).
 */
import { randomBetween } from '../random.ts';
import { evalExpr } from './index.ts';
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

/** Evaluates an expression that may draw from the seeded generator. */
export function drawExpr(expr: Expr, ctx: AttemptContext, input?: number): [number, number] {
  if (typeof expr === 'object' && 'random' in expr) {
    const { min, max, decimals } = expr.random;
    return randomBetween(ctx.rng, min, max, decimals);
  }
  return [evalExpr(expr, ctx, input), ctx.rng];
}
