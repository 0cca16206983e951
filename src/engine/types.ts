/**
 * The shape of a scenario file (what an instructor writes) and of a running
 * attempt (what the compiled machine keeps in its context). Mirrors
 * scenarios/scenario.schema.json: change both together.
 */

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export const CATEGORIES = ['sequence', 'aseptic', 'documentation', 'safety', 'process', 'deviation'] as const;
export type Category = (typeof CATEGORIES)[number];

export const MODES = ['discovery', 'training', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

export type Severity = 'minor' | 'major' | 'critical';

/** A number computed from the room: no code, only this small tree. */
export type Expr =
  | number
  /** An object's value, or one of its named readings: "balance" or "console.ph". */
  | { value: string }
  | { input: true }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { mul: Expr[] }
  | { div: [Expr, Expr] }
  | { round: [Expr, number] }
  | { random: { min: number; max: number; decimals: number } };

export type Condition =
  | { done: string }
  | { notDone: string }
  | { equals: { object: string; state: string } }
  | { between: { object: string; reading?: string; min: number; max: number } }
  | { inputBetween: { min: number; max: number } }
  | { faultActive: string }
  | { faultHandled: string }
  | { elapsed: { since: string; atLeast: number } }
  /** The reason typed with a batch-record correction is blank, too short, or only a word the SOP refuses ("erreur"). */
  | { poorReason: { shorterThan?: number; refused?: string[] } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Effect =
  | { set: { object: string; state: string } }
  | { setValue: { object: string; reading?: string; value: Expr } }
  | { advanceClock: Expr }
  | { raiseFault: string }
  /** A fault's answer: these steps of the procedure are open again, to be done again (their points are not earned twice). */
  | { redo: string[] }
  /** A replacement bag or bottle: the object gets a lot number and expiry of its own, drawn from the seed (src/engine/lots.ts). */
  | { newLot: string };

export interface ObjectAction {
  verb: string;
  label: Localized;
  /** A gesture with two ends: the objects it can be made onto (drag onto one, or tap and choose). */
  with?: string[];
  input?: { label: Localized; unit: string; min: number; max: number; step: number };
}

/**
 * One named value an instrument shows beside the others (a console's
 * temperature, pH, dissolved oxygen and agitation; a balance's gross, tare
 * and net): read and recorded on its own, as `{ "value": "<object>.<id>" }`.
 */
export interface Reading {
  id: string;
  label: Localized;
  unit: string;
  decimals?: number;
  /** Its value at the start; else it has none until an effect sets it. */
  value?: Expr;
}

/**
 * How one state of an object looks in the room (the scenario's `looks`).
 * A word left out is false; without `fill` a container shows its usual level.
 * The words and their check live in ./look.ts.
 */
export interface StateLook {
  /** Open (door, lid, pack, valve, clamp); false: closed. */
  open?: boolean;
  /** Powered or running; for a garment or personal item, worn. false: off. */
  on?: boolean;
  /** How full, 0–1: liquid, or what a locker, tray, bin or sample tube holds. */
  fill?: number;
  /** Liquid moving in or out. */
  filling?: boolean;
  connected?: boolean;
  /** Torn, expired, failed, blocked…: never together with done. */
  problem?: boolean;
  alarm?: boolean;
  /** The trainee has done what this object needed: the green tick. */
  done?: boolean;
  /** Discarded or taken away: drawn faded. */
  gone?: boolean;
  /** Put inside another object of the room (its id), e.g. a vial in the safety cabinet: drawn inside that object's drawing. */
  inside?: string;
}

export interface RoomObject {
  id: string;
  name: Localized;
  /** Which drawing the room uses for it (see src/game). */
  kind: string;
  /** Where it stands in the room, in percent of width and height. */
  at?: [number, number];
  /** The station of its room where it stands (src/engine/rooms.ts); without it, the station whose box holds `at`. */
  station?: string;
  state: string;
  states: Record<string, Localized>;
  /** How each state looks, by state id; without it the room guesses from the state names. */
  looks?: Record<string, StateLook>;
  value?: Expr;
  unit?: string;
  decimals?: number;
  lot?: string;
  /** Its lot's expiry date, drawn by the seed between these days after the run's day (src/engine/lots.ts); needs `lot`. */
  expiry?: LotExpiry;
  /** Named readings shown on its display, beside or instead of `value`. */
  readings?: Reading[];
  actions: ObjectAction[];
}

export interface Phase {
  id: string;
  title: Localized;
  intro?: Localized;
}

export interface Expectation {
  value?: Expr;
  tolerance?: number;
  min?: Expr;
  max?: Expr;
  /** What happens when the value given is outside. */
  wrong: { penalty: number; category?: Category; explanation: Localized };
}

export interface Step {
  id: string;
  title: Localized;
  hint?: Localized;
  /** The gesture; `with` is the second end of a two-ended one (only onto that object). */
  action: { verb: string; target: string; with?: string };
  requires?: string[];
  when?: Condition;
  expect?: Expectation;
  effects?: Effect[];
  points: number;
  category: Category;
  /** Simulated minutes the step takes. */
  minutes?: number;
  /** Told when the trainee does it too early; defaults to the scenario's. */
  early?: { penalty: number; explanation: Localized };
}

export interface MainStep extends Step {
  phase: string;
}

export interface FaultStep extends Step {
  stage: 'contain' | 'document';
}

export interface Rule {
  id: string;
  on: { verb?: string; target?: string; with?: string };
  when?: Condition;
  category: Category;
  severity: Severity;
  penalty: number;
  explanation: Localized;
  /** Why it fails the attempt: required when severity is critical. */
  reason?: Localized;
  effects?: Effect[];
  /** Rules this one answers before, when both could fire on the same action (precedence.ts). */
  overrides?: string[];
}

/** The stage of its fault at which a fault's rule stops applying: once the fault is contained, or documented (the default). */
export const RULE_UNTIL = ['contained', 'documented'] as const;
export type RuleUntil = (typeof RULE_UNTIL)[number];

export interface FaultRule extends Rule {
  /** The rule stops applying once its fault reaches this stage; defaults to 'documented'. */
  until?: RuleUntil;
}

/** The decisions that end an attempt as a correct outcome before the procedure's end (see ./ending.ts). */
export const DECISIONS = ['hold', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface Fault {
  id: string;
  title: Localized;
  weight?: number;
  trigger: { afterStep: string } | { atStart: true } | { byRule: true };
  announce: Localized;
  effects?: Effect[];
  steps: FaultStep[];
  rules?: FaultRule[];
  /**
   * Answering this fault in full (contained and documented) is a decision
   * that ends the attempt: the batch put on hold, or a material rejected.
   * `debrief` says why the decision was right (./ending.ts).
   */
  ending?: { decision: Decision; debrief: Localized };
}

/**
 * An object's lot expiry: a date `minDays`–`maxDays` after the run's day.
 * `expiredWith`: when the attempt's fault is this one, the lot found at the
 * start is already past its date (1–`minDays` days before the run's day).
 */
export interface LotExpiry {
  minDays: number;
  maxDays: number;
  expiredWith?: string;
}

/** Record entries whose value is not a number (src/engine/recordText.ts): a text, a date (YYYY-MM-DD), a time of day (HH:MM). */
export const TEXT_KINDS = ['text', 'date', 'time'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
export const isTextKind = (kind: string): kind is TextKind => (TEXT_KINDS as readonly string[]).includes(kind);

/** What a text, date or time entry expects: a literal, an object's lot number or expiry, or the time of day a step was done. */
export type TextExpected = string | { lotOf: string } | { expiryOf: string } | { timeOf: string };

export interface RecordEntry {
  id: string;
  label: Localized;
  kind: 'value' | 'check' | 'signature' | TextKind;
  after: string;
  value?: Expr;
  /** For a text, date or time entry: the value expected. */
  expected?: TextExpected;
  tolerance?: number;
  unit?: string;
  points: number;
}

export interface Scenario {
  $schema?: string;
  id: string;
  version: number;
  title: Localized;
  summary: Localized;
  blocks: number[];
  grades: string[];
  room: string;
  minutes: number;
  objectives: Localized[];
  passMark: number;
  faultChance: number;
  sources: string[];
  notes?: string;
  /** The run's day (YYYY-MM-DD: lots' expiry dates count from it) and the time of day its clock starts at (HH:MM, default 08:00). */
  start?: { day?: string; time?: string };
  defaults?: { early?: { penalty: number; category?: Category; explanation: Localized } };
  phases: Phase[];
  objects: RoomObject[];
  steps: MainStep[];
  rules: Rule[];
  faults: Fault[];
  record: RecordEntry[];
  debrief: { passed: Localized; failed: Localized; critical: Localized };
  outro?: Localized;
}

/* ---------- the running attempt ---------- */

export interface AttemptOptions {
  seed: number;
  mode: Mode;
  /** Force a fault for an exam: its id, or 'none' for a run without fault. */
  forcedFault?: string;
  /** An instructor's pass mark above the scenario's own. */
  passMark?: number;
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
