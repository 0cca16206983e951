/**
 * What a word of the scenario vocabulary is made of: one module per word
 * (./condition/*.ts, ./expr/*.ts, ./effect/*.ts) holds the three together, and
 * ./index.ts lists them.
 *
 * - `schema`: the word's form in the JSON Schema, a plain object. The
 *   schema's `expr`, `condition` and `effect` are the lists of these fragments
 *   (src/engine/scenarioSchema.ts), and the TypeScript types of the scenario
 *   file are generated from that schema (`npm run scenarios:schema`).
 * - `holds` (a condition), `evaluate` (an expression) or `apply` (an
 *   effect): what the word does in a running attempt.
 * - `check`: what the scenario checker says about it that the schema cannot
 *   (a step, object, reading or fault it names that does not exist…).
 */
import type { Problem } from '../validateScenario';
import type { AttemptContext, Condition, Effect, Expr, Fault, RoomObject, Rule, Scenario, Step } from '../types';

/** The part of JSON Schema the scenario schema is written in (see src/cli/schemaTypes.ts for the types generated from it). */
export type JsonSchema = { [keyword: string]: unknown };

/** The words of a union of one-key objects: `{ done: string } | { all: Condition[] }` → `'done' | 'all'`. */
type WordOf<T> = T extends unknown ? keyof T & string : never;
export type ConditionName = WordOf<Condition>;
export type EffectName = WordOf<Effect>;
/** The words of an expression (a plain number is not a word). */
export type ExprName = WordOf<Exclude<Expr, number>>;
/** The node of one word: `ConditionNode<'done'>` is `{ done: string }`. */
export type ConditionNode<K extends ConditionName> = Extract<Condition, Record<K, unknown>>;
export type EffectNode<K extends EffectName> = Extract<Effect, Record<K, unknown>>;
export type ExprNode<K extends ExprName> = Extract<Expr, Record<K, unknown>>;

/** What a condition is judged with: the attempt, and what comes with the action being judged. */
export interface ConditionScope {
  ctx: AttemptContext;
  input?: number;
  /** The reason typed with the action being judged (a batch-record correction). */
  reason?: string;
  faultHandled: (faultId: string) => boolean;
}

/** Where a step of the scenario stands: its path in the file, its phase's index (a step of the procedure, or a fault's step bound to a later phase) and its fault. */
export interface PlacedStep {
  step: Step;
  path: string;
  phase?: number;
  fault?: string;
}

/** What a word's check can ask of the scenario checker (src/engine/validateScenario.ts checkMeaning). */
export interface CheckScope {
  scenario: Scenario;
  /** Says a problem at this JSON path, in English and French. */
  problem(path: string, en: string, fr: string): void;
  /** Says problems found elsewhere (lots.ts). */
  problems(list: Problem[]): void;
  step(id: string): PlacedStep | undefined;
  /** These say "no step/object/fault is called …" when there is none. */
  needStep(path: string, id: string): void;
  needObject(path: string, id: string): RoomObject | undefined;
  needReading(path: string, object: RoomObject, reading: string): void;
  needFault(path: string, id: string): void;
  /** Checks an expression (the objects and readings it reads). */
  expr(e: Expr | undefined, path: string): void;
  /** Some effect of the scenario sets this object's value (or this reading's). */
  setsValue(object: string, reading?: string): boolean;
  /** Checks a condition inside this one (all, any, not). */
  condition(c: Condition, path: string): void;
  /** The fault whose effects (or whose steps' effects) are checked; absent elsewhere. */
  fault?: Fault;
}

export interface ConditionWord<K extends ConditionName = ConditionName> {
  word: K;
  /** The branch of the schema's `condition` (one of its `oneOf`). */
  schema: JsonSchema;
  /** Does it hold? `holds` judges the conditions inside this one (all, any, not). */
  holds(node: ConditionNode<K>, scope: ConditionScope, holds: (c: Condition, scope: ConditionScope) => boolean): boolean;
  check(node: ConditionNode<K>, path: string, scope: CheckScope): void;
  /** The conditions inside this one, if any (all, any, not). */
  inner?(node: ConditionNode<K>): Condition[];
  /**
   * This condition and `other` can never hold together, as far as their
   * words say (the checker's precedence of rules, ../precedence.ts). Asked of
   * both conditions of a pair; a word without it contradicts nothing.
   */
  contradicts?(node: ConditionNode<K>, other: Condition): boolean;
  /**
   * Where the word can never hold: said once for a `when` that uses it,
   * anywhere inside, as [English, French]. `rule`: the `on` of the rule whose
   * `when` it is; absent for a step's `when`.
   */
  misplaced?(rule?: Rule['on']): [string, string] | undefined;
}

export interface EffectWord<K extends EffectName = EffectName> {
  word: K;
  /** The branch of the schema's `effect` (one of its `oneOf`). */
  schema: JsonSchema;
  /**
   * The attempt after the effect. `next` is the applier's own copy: its
   * scalar fields may be written in place, and its `objects` too by a word
   * that says so in `writes` (the applier copies `objects` first); anything
   * else it holds is replaced, never written.
   * `input`: the value typed with the action (an expression's `input`);
   * `scenario`: its objects' lot prefixes, for `newLot` (without it `newLot` does nothing).
   */
  apply(node: EffectNode<K>, next: AttemptContext, input: number | undefined, scenario: Scenario | undefined): AttemptContext;
  /** `objects`: `apply` writes `next.objects` in place, so the applier gives it its own copy first (once per judgement, not once per effect). */
  writes?: 'objects';
  check(node: EffectNode<K>, path: string, scope: CheckScope): void;
}

/** `"x"` in a message. */
export const quote = (s: unknown) => `"${String(s)}"`;

/** A reference to a definition of the schema: `ref('id')` is `{ "$ref": "#/$defs/id" }`. */
export const ref = (def: string, more: JsonSchema = {}): JsonSchema => ({ $ref: `#/$defs/${def}`, ...more });

/** The schema of a word whose node is one key: `{ "<word>": <body> }` and nothing else. */
export const oneKey = (word: string, body: JsonSchema, more: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [word],
  ...more,
  properties: { [word]: body },
});

/** An object of these properties, `required` ones first listed. */
export const record = (required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

export interface ExprWord<K extends ExprName = ExprName> {
  word: K;
  /** The branch of the schema's `expr` (one of its `oneOf`, after a plain number). */
  schema: JsonSchema;
  /** Its number; `evaluate` computes the expressions inside this one. `input`: the value typed with the action. */
  evaluate(node: ExprNode<K>, ctx: AttemptContext, input: number | undefined, evaluate: (e: Expr, ctx: AttemptContext, input?: number) => number): number;
  check(node: ExprNode<K>, path: string, scope: CheckScope): void;
}
