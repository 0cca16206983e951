/**
 * The vocabulary of scenario files: every expression, condition and effect
 * word, one module each (its schema fragment, its evaluation, its check). The order of
 * the lists is the order of the schema's `oneOf` (and of the forms an error
 * message names). To add a word: write its module beside the others, list it
 * here, run `npm run scenarios:schema` (the schema and the scenario types are
 * generated from these lists), and document it in scenarios/README.md §6, §7 or §8.
 */
import type { AttemptContext, Condition, Effect, Expr, Scenario } from '../types';
import { all } from './condition/all.ts';
import { any } from './condition/any.ts';
import { between } from './condition/between.ts';
import { done } from './condition/done.ts';
import { elapsed } from './condition/elapsed.ts';
import { equals } from './condition/equals.ts';
import { faultActiveWord } from './condition/faultActive.ts';
import { faultHandled } from './condition/faultHandled.ts';
import { inputBetween } from './condition/inputBetween.ts';
import { not } from './condition/not.ts';
import { notDone } from './condition/notDone.ts';
import { poorReason } from './condition/poorReason.ts';
import { advanceClock } from './effect/advanceClock.ts';
import { add } from './expr/add.ts';
import { div } from './expr/div.ts';
import { input } from './expr/input.ts';
import { mul } from './expr/mul.ts';
import { random } from './expr/random.ts';
import { round } from './expr/round.ts';
import { sub } from './expr/sub.ts';
import { value } from './expr/value.ts';
import { newLot } from './effect/newLot.ts';
import { raiseFault } from './effect/raiseFault.ts';
import { redo } from './effect/redo.ts';
import { set } from './effect/set.ts';
import { setValue } from './effect/setValue.ts';
import type { ConditionName, ConditionScope, ConditionWord, EffectName, EffectWord, ExprName, ExprWord, JsonSchema } from './word.ts';

/** Every condition word, by name: the type asks for a module for each word of the schema's `condition`. */
const CONDITION_WORDS: { [K in ConditionName]: ConditionWord<K> } = {
  done,
  notDone,
  equals,
  between,
  inputBetween,
  faultActive: faultActiveWord,
  faultHandled,
  elapsed,
  poorReason,
  all,
  any,
  not,
};

/** Every effect word, by name. */
const EFFECT_WORDS: { [K in EffectName]: EffectWord<K> } = {
  set,
  setValue,
  advanceClock,
  raiseFault,
  redo,
  newLot,
};

/** Every word of an expression, by name (a plain number is not a word). */
const EXPR_WORDS: { [K in ExprName]: ExprWord<K> } = {
  value,
  input,
  add,
  mul,
  sub,
  div,
  round,
  random,
};

export const CONDITIONS: readonly ConditionWord[] = Object.values(CONDITION_WORDS) as ConditionWord[];
export const EFFECTS: readonly EffectWord[] = Object.values(EFFECT_WORDS) as EffectWord[];
export const EXPRS: readonly ExprWord[] = Object.values(EXPR_WORDS) as ExprWord[];

// looked up by name on every evaluation: plain objects without a prototype are the fastest lookup here
const conditionWords: Record<string, ConditionWord | undefined> = Object.assign(Object.create(null), CONDITION_WORDS);
const effectWords: Record<string, EffectWord | undefined> = Object.assign(Object.create(null), EFFECT_WORDS);
const exprWords: Record<string, ExprWord | undefined> = Object.assign(Object.create(null), EXPR_WORDS);

/** The word of a node: its one key (the schema allows no other). */
function wordOf(node: object): string | undefined {
  for (const k in node) return k;
  return undefined;
}

export function conditionWord(c: Condition): ConditionWord | undefined {
  const w = wordOf(c);
  return w === undefined ? undefined : conditionWords[w];
}

export function effectWord(e: Effect): EffectWord | undefined {
  const w = wordOf(e);
  return w === undefined ? undefined : effectWords[w];
}

export function exprWord(e: Exclude<Expr, number>): ExprWord | undefined {
  const w = wordOf(e);
  return w === undefined ? undefined : exprWords[w];
}

/** The number an expression gives (a random one gives the middle of its range: see values.ts drawExpr). */
export function evalExpr(expr: Expr, ctx: AttemptContext, input?: number): number {
  if (typeof expr === 'number') return expr;
  const word = exprWord(expr);
  return word ? word.evaluate(expr as never, ctx, input, evalExpr) : NaN;
}

/** Does the condition hold? No condition always holds. */
export function holds(cond: Condition | undefined, scope: ConditionScope): boolean {
  if (!cond) return true;
  const word = conditionWord(cond);
  return word ? word.holds(cond as never, scope, holds) : false;
}

/** The effect writes the attempt's `objects` in place: its applier copies them first (see EffectWord.writes). */
export function writesObjects(effect: Effect): boolean {
  return effectWord(effect)?.writes === 'objects';
}

/** Applies one effect to the applier's copy of the attempt (see EffectWord.apply). */
export function applyEffect(effect: Effect, next: AttemptContext, input?: number, scenario?: Scenario): AttemptContext {
  const word = effectWord(effect);
  return word ? word.apply(effect as never, next, input, scenario) : next;
}

/** The condition uses this word somewhere, itself or inside (all, any, not). */
export function usesWord(c: Condition | undefined, word: ConditionName): boolean {
  if (!c) return false;
  if (word in c) return true;
  const inner = conditionWord(c)?.inner?.(c as never) ?? [];
  return inner.some((x) => usesWord(x, word));
}

/** What the words used in a `when` say of where it stands (ConditionWord.misplaced): a step's `when`, or the `when` of a rule on `rule`. */
export function misplacedWords(c: Condition | undefined, rule?: Parameters<NonNullable<ConditionWord['misplaced']>>[0]): [string, string][] {
  if (!c) return [];
  return CONDITIONS.flatMap((w) => {
    const said = w.misplaced && usesWord(c, w.word) ? w.misplaced(rule) : undefined;
    return said ? [said] : [];
  });
}

/** The schema's `expr`, `condition` and `effect`: one form per word, in the lists' order. */
export const exprSchema = (): JsonSchema => ({
  description: 'A number computed from the room: no code, only this small tree (scenarios/README.md §7).',
  oneOf: [{ type: 'number' }, ...EXPRS.map((w) => w.schema)],
});
export const conditionSchema = (): JsonSchema => ({
  description: 'A condition: one word of src/engine/vocabulary/condition (scenarios/README.md §6).',
  oneOf: CONDITIONS.map((w) => w.schema),
});
export const effectSchema = (): JsonSchema => ({
  description: 'An effect: one word of src/engine/vocabulary/effect (scenarios/README.md §8).',
  oneOf: EFFECTS.map((w) => w.schema),
});

export type { ConditionScope, ConditionWord, EffectWord, ExprWord } from './word.ts';
