/**
 * The named vocabulary of conditions, expressions and effects that scenario
 * files use instead of code. Each word lives in its own module under
 * ./vocabulary (its schema fragment, its evaluation, its check); this module
 * is the engine's door to them. Each function is pure: context in, answer or
 * new context out.
 */
import type { AttemptContext, Effect, Scenario } from './types';
import { applyEffect, writesObjects } from './vocabulary/index.ts';

export { readingKey, readingOf, valueOf, withValue, drawExpr } from './vocabulary/values.ts';
export { faultActive } from './vocabulary/condition/faultActive.ts';
export { plainReason, reasonPoor } from './vocabulary/condition/poorReason.ts';
export { evalExpr, holds, type ConditionScope } from './vocabulary/index.ts';

export { applyEffect, writesObjects };

/**
 * Applies effects in order; returns the new context (the input is not
 * changed). `newLot` needs the scenario (its objects' lot prefixes). The
 * objects are copied only when an effect writes them.
 */
export function applyEffects(ctx: AttemptContext, effects: Effect[] | undefined, input?: number, scenario?: Scenario): AttemptContext {
  if (!effects?.length) return ctx;
  let next: AttemptContext = { ...ctx };
  let ownObjects = false;
  for (const effect of effects) {
    if (!ownObjects && writesObjects(effect)) {
      next.objects = { ...next.objects };
      ownObjects = true;
    }
    next = applyEffect(effect, next, input, scenario);
  }
  return next;
}
