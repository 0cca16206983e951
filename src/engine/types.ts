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
  | { between: { object: string; min: number; max: number } }
  | { inputBetween: { min: number; max: number } }
  | { faultActive: string }
  | { faultHandled: string }
  | { elapsed: { since: string; atLeast: number } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Effect =
  | { set: { object: string; state: string } }
  | { setValue: { object: string; value: Expr } }
  | { advanceClock: Expr }
  | { raiseFault: string };

export interface ObjectAction {
  verb: string;
  label: Localized;
  input?: { label: Localized; unit: string; min: number; max: number; step: number };
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
  value?: Expr;
  unit?: string;
  decimals?: number;
  lot?: string;
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
  action: { verb: string; target: string };
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
  on: { verb?: string; target?: string };
  when?: Condition;
  category: Category;
  severity: Severity;
  penalty: number;
  explanation: Localized;
  /** Why it fails the attempt: required when severity is critical. */
  reason?: Localized;
  effects?: Effect[];
}

export interface Fault {
  id: string;
  title: Localized;
  weight?: number;
  trigger: { afterStep: string } | { atStart: true } | { byRule: true };
  announce: Localized;
  effects?: Effect[];
  steps: FaultStep[];
  rules?: Rule[];
}

export interface RecordEntry {
  id: string;
  label: Localized;
  kind: 'value' | 'check' | 'signature';
  after: string;
  value?: Expr;
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

export type ActEvent = { type: 'ACT'; verb: string; target: string; value?: number; reason?: string };
export type EngineEvent = ActEvent | { type: 'HINT' };

export type OutcomeKind =
  | 'step'
  | 'record'
  | 'violation'
  | 'wrong-value'
  | 'early'
  | 'no-effect'
  | 'fault-raised'
  | 'fault-handled'
  | 'phase'
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
}

export interface ObjectStatus {
  state: string;
  value?: number;
  lot?: string;
}

export interface RecordStatus {
  value?: number;
  at: number;
  wrong: boolean;
  late: boolean;
  corrections: { from?: number; to?: number; reason: string; at: number }[];
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
  phase: number;
  clock: number;
  done: Record<string, number>;
  raised: Record<string, number>;
  objects: Record<string, ObjectStatus>;
  record: Record<string, RecordStatus>;
  outcomes: Outcome[];
  hints: number;
  events: number;
  critical: string | null;
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
