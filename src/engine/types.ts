/**
 * The shape of a scenario file (what an instructor writes) and of a running
 * attempt (what the compiled machine keeps in its context). The scenario
 * file's types are generated from the scenario schema
 * (./scenarioTypes.generated.ts, `npm run scenarios:schema`, from
 * ./scenarioSchema.ts and the words of ./vocabulary): change them there. The
 * names below give the parts of a file that have no name of their own in the
 * schema; the attempt's types further down are written here.
 */
import type { Category, RecordEntry, RoomObject, Rule, Step } from './scenarioTypes.generated';

export type {
  Category,
  Condition,
  Effect,
  Expr,
  Fault,
  FaultRule,
  FaultStep,
  Localized,
  MainStep,
  Phase,
  RecordEntry,
  RoomObject,
  Rule,
  Scenario,
  ScenarioRule,
  StateLook,
  Step,
} from './scenarioTypes.generated';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The scoring categories, in the order results list them (the schema's `category`). */
export const CATEGORIES = ['sequence', 'aseptic', 'documentation', 'safety', 'process', 'deviation'] as const;

export const MODES = ['discovery', 'training', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

export type Severity = Rule['severity'];

/** One gesture an object offers, with the second ends it can be made onto and the value it asks for. */
export type ObjectAction = RoomObject['actions'][number];

/**
 * One named value an instrument shows beside the others (a console's
 * temperature, pH, dissolved oxygen and agitation; a balance's gross, tare
 * and net): read and recorded on its own, as `{ "value": "<object>.<id>" }`.
 */
export type Reading = NonNullable<RoomObject['readings']>[number];

/** What a step that asks a value expects, and what happens when the value given is outside. */
export type Expectation = NonNullable<Step['expect']>;

/**
 * An object's lot expiry: a date `minDays`–`maxDays` after the run's day.
 * `expiredWith`: when the attempt's fault is this one, the lot found at the
 * start is already past its date (1–`minDays` days before the run's day).
 */
export type LotExpiry = NonNullable<RoomObject['expiry']>;

/** The stage of its fault at which a fault's rule stops applying: once the fault is contained, or documented (the default). */
export const RULE_UNTIL = ['contained', 'documented'] as const;
export type RuleUntil = (typeof RULE_UNTIL)[number];

/** The decisions that end an attempt as a correct outcome before the procedure's end (see ./ending.ts). */
export const DECISIONS = ['hold', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Record entries whose value is not a number (src/engine/recordText.ts): a text, a date (YYYY-MM-DD), a time of day (HH:MM). */
export const TEXT_KINDS = ['text', 'date', 'time'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
export const isTextKind = (kind: string): kind is TextKind => (TEXT_KINDS as readonly string[]).includes(kind);

/** What a text, date or time entry expects: a literal, an object's lot number or expiry, or the time of day a step was done. */
export type TextExpected = NonNullable<RecordEntry['expected']>;

/* ---------- the running attempt ---------- */

export interface AttemptOptions {
  seed: number;
  mode: Mode;
  /** Force a fault for an exam: its id, or 'none' for a run without fault. */
  forcedFault?: string;
  /** An instructor's pass mark above the scenario's own. */
  passMark?: number;
  /**
   * A discovery run that counts (the career-day kiosk): hints and steps as in
   * discovery, but a mistake costs its penalty and a critical mistake ends
   * the run, as in training. Discovery elsewhere stays forgiving.
   */
  scored?: boolean;
}

/**
 * One action of the trainee. `read` (the built-in "read the display" on an
 * instrument) names the reading in `reading` when the object has several;
 * `with` is the second object of a two-ended gesture (connect, transfer, place).
 */
export type ActEvent = { type: 'ACT'; verb: string; target: string; value?: number; reason?: string; reading?: string; with?: string;
  /** A text, date or time written in the record, in a form that does not depend on the language: as typed (trimmed), YYYY-MM-DD, HH:MM. */
  text?: string };

/** The verb of the built-in action that reads an instrument's display. */
export const READ_VERB = 'read';
export type EngineEvent = ActEvent | { type: 'HINT' };

/**
 * An event as the compiled machine receives it: an action is named
 * `act.<verb>.<target>` (see compileScenario's machineEvent), so the machine
 * finds the transitions of one action by its name.
 */
export type MachineEvent = (Omit<ActEvent, 'type'> & { type: `act.${string}` }) | { type: 'HINT' } | FaultEvent;
/** Raised by the machine itself when an action changes a fault's stage: it moves the fault's region (compileScenario). */
export type FaultEvent = { type: `fault.${string}`; stage: FaultStage };
/** What the judge accepts: an action as logged (ACT) or as the machine receives it. */
export type JudgedEvent = EngineEvent | MachineEvent;

/** Where a fault stands: its region of the machine (quiet → raised → contained → documented). */
export type FaultStage = 'quiet' | 'raised' | 'contained' | 'documented';

export type OutcomeKind =
  | 'step'
  | 'record'
  | 'violation'
  | 'wrong-value'
  | 'early'
  | 'no-effect'
  | 'reading'
  | 'fault-raised'
  | 'fault-handled'
  | 'phase'
  | 'decision'
  | 'end';

/** The outcomes that are mistakes: a broken rule, a wrong value, a step done too early. */
export type MistakeKind = Extract<OutcomeKind, 'violation' | 'wrong-value' | 'early'>;
export const MISTAKE_KINDS: readonly MistakeKind[] = ['violation', 'wrong-value', 'early'];
export const isMistake = (kind: OutcomeKind): kind is MistakeKind => (MISTAKE_KINDS as readonly OutcomeKind[]).includes(kind);

export interface Outcome {
  seq: number;
  at: number;
  kind: OutcomeKind;
  /** Step, rule, fault, record entry or phase id. */
  ref: string;
  points: number;
  penalty: number;
  category?: Category;
  severity?: Severity;
  critical?: boolean;
  verb?: string;
  target?: string;
  /** The second object of a two-ended gesture. */
  with?: string;
  /** A step tried too early: the steps not done that come first, in the order of the procedure (judge.ts missingBefore). */
  missing?: string[];
  /** A batch-record value judged inaccurate: the value written, and the value the record expected (the instrument's display then). */
  written?: number | string;
  expected?: number | string;
  /** Blanks or uncorrected values found at submission: the record entries concerned, in record order. */
  entries?: string[];
}

export interface ObjectStatus {
  state: string;
  value?: number;
  lot?: string;
  /** Its lot's expiry date, YYYY-MM-DD. */
  expiry?: string;
  /** How many new lots the run has drawn for it (each from a stream of its own). */
  newLots?: number;
  /** The named readings' values, by reading id. */
  readings?: Record<string, number>;
}

/** What the trainee last read on a display, by reading key ("balance", "console.ph"). */
export interface ReadStatus {
  value: number;
  /** Simulated minute of the read. */
  at: number;
}

export interface RecordStatus {
  /** A number, or the text, date (YYYY-MM-DD) or time (HH:MM) of such an entry. */
  value?: number | string;
  at: number;
  wrong: boolean;
  late: boolean;
  corrections: { from?: number | string; to?: number | string; reason: string; at: number }[];
}

export interface AttemptContext {
  scenarioId: string;
  version: number;
  mode: Mode;
  seed: number;
  rng: number;
  passMark: number;
  /** A discovery run that counts its mistakes (AttemptOptions.scored); absent otherwise. */
  scored?: true;
  /** The fault the seed (or the instructor) chose, or null. */
  fault: string | null;
  clock: number;
  done: Record<string, number>;
  raised: Record<string, number>;
  objects: Record<string, ObjectStatus>;
  record: Record<string, RecordStatus>;
  outcomes: Outcome[];
  hints: number;
  events: number;
  critical: string | null;
  /** The decision that ended the procedure (a fault with an `ending` answered in full); absent otherwise. */
  ending?: { decision: Decision; fault: string };
  /** What the trainee has read on the displays (only that shows in the twin). */
  read?: Record<string, ReadStatus>;
  /** The value of the action being judged (for inputBetween). */
  lastInput?: number;
}

/**
 * A copy of the context, every field named, with the fields of `change` in
 * place of its own: one object of one shape, which V8 makes far faster than
 * a spread of the context (whose shape varies). The type asks for every
 * field: a field added to AttemptContext must be added here.
 */
export function copyContext(c: AttemptContext, change?: Partial<AttemptContext>): AttemptContext {
  const copy: { [K in keyof Required<AttemptContext>]: AttemptContext[K] } = {
    scenarioId: c.scenarioId,
    version: c.version,
    mode: c.mode,
    seed: c.seed,
    rng: c.rng,
    passMark: c.passMark,
    scored: c.scored,
    fault: c.fault,
    clock: c.clock,
    done: c.done,
    raised: c.raised,
    objects: c.objects,
    record: c.record,
    outcomes: c.outcomes,
    hints: c.hints,
    events: c.events,
    critical: c.critical,
    ending: c.ending,
    read: c.read,
    lastInput: c.lastInput,
  };
  if (change) for (const k in change) (copy as Record<string, unknown>)[k] = change[k as keyof AttemptContext];
  return copy;
}

/** Discovery that forgives: no penalty, no critical stop (a scored discovery run, the kiosk's, forgives nothing). */
export const forgiving = (ctx: Pick<AttemptContext, 'mode' | 'scored'>): boolean => ctx.mode === 'discovery' && !ctx.scored;

export interface ScoreReport {
  total: number;
  byCategory: Partial<Record<Category, number>>;
  earned: number;
  possible: number;
  penalties: number;
  passed: boolean;
  critical: boolean;
  passMark: number;
}
