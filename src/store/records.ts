/**
 * The records the store keeps (profiles, attempts, settings, assignments,
 * imported scenarios) and the checks that tell a readable record from a
 * damaged one, using the $defs of backup.schema.json: change both together.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import schema from './backup.schema.json';
import type { ReplayResult } from '../engine/attempt';
import type { AttemptOptions, EngineEvent, Lang, Scenario } from '../engine/types';
import { scoredParts, type ExamResult } from '../engine/exam';
import type { PinHash } from './pin';

/** A trainee on this device: no more personal data than this. */
export interface Profile {
  id: string;
  /** Display name or pseudonym. */
  name: string;
  group?: string;
  lang: Lang;
  createdAt: number;
  /** The trainee code the instructor set, salted and hashed as the instructor PIN (pin.ts); absent: no code is asked. */
  codeHash?: PinHash;
}

/** One event of the attempt log, with the simulated clock (minutes) when it was sent. */
export interface TimedEvent {
  event: EngineEvent;
  at: number;
}

/** The result of a finished attempt (its shape is the exam rules', src/engine/exam.ts). */
export type AttemptResult = ExamResult;

export type AttemptStatus = 'in-progress' | 'finished';

/** An attempt: the event log with its seed and options is the single source of truth (replay it to see it again). */
export interface AttemptRecord extends AttemptOptions {
  id: string;
  profileId: string;
  scenarioId: string;
  scenarioVersion: number;
  /** The version of the engine's judgement that gave `result` (src/engine/judgeVersion.ts); absent: 1. */
  judgeVersion?: number;
  assignmentId?: string;
  events: TimedEvent[];
  startedAt: number;
  endedAt?: number;
  status: AttemptStatus;
  result?: AttemptResult;
}

/** An attempt as the store keeps it: the events are records of their own (StoredEvent), read back in order. */
export type AttemptSummary = Omit<AttemptRecord, 'events'>;

/** One event of an attempt's log as the store keeps it, keyed by [attemptId, seq]; seq is its place in the log, from 0. */
export interface StoredEvent extends TimedEvent {
  attemptId: string;
  seq: number;
}

export interface Assignment {
  id: string;
  scenarioId: string;
  scenarioVersion?: number;
  target: { group?: string; profileId?: string };
  mode: 'training' | 'assessment';
  /** ISO date, e.g. "2025-06-30". */
  due?: string;
  passMark?: number;
  forcedFault?: string;
  /** How many attempts each trainee (name and group normalised, src/engine/identity.ts) may start; absent: no limit. */
  maxAttempts?: number;
  createdAt: number;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Setting {
  key: string;
  value: JsonValue;
}

export interface ImportedScenario {
  id: string;
  version: number;
  scenario: Scenario;
  importedAt: number;
}

/** What a list query returns: the readable records, and the ids (or keys) of those that could not be read. */
export interface Listed<T> {
  items: T[];
  skipped: string[];
}

/** The options to give the engine's replay() or Attempt for this record. */
export function optionsOf(a: AttemptRecord): AttemptOptions {
  const o: AttemptOptions = { seed: a.seed, mode: a.mode };
  if (a.forcedFault !== undefined) o.forcedFault = a.forcedFault;
  if (a.passMark !== undefined) o.passMark = a.passMark;
  return o;
}

/** The bare engine events, in order, for replay. */
export function eventsOf(a: AttemptRecord): EngineEvent[] {
  return a.events.map((e) => e.event);
}

/** The result to give finish() once the engine says the attempt has ended, or null while it runs. */
export function resultOf(r: Pick<ReplayResult, 'end' | 'score' | 'context'>): AttemptResult | null {
  if (r.end !== 'passed' && r.end !== 'failed') return null;
  const { byCategory, mistakes } = scoredParts(r);
  const ending = r.context.ending?.decision;
  return { end: r.end, score: r.score.total, byCategory, critical: r.score.critical, ...(ending ? { ending } : {}), mistakes };
}

/** Key under which a setting belongs to one profile (removed and exported with it). */
export function profileSettingKey(profileId: string, name: string): string {
  return `${PROFILE_SETTING_PREFIX}${profileId}:${name}`;
}
export const PROFILE_SETTING_PREFIX = 'profile:';
export function settingBelongsTo(key: string, profileId: string): boolean {
  return key.startsWith(`${PROFILE_SETTING_PREFIX}${profileId}:`);
}

/* ---------- checks ---------- */

export type RecordKind = 'profile' | 'attempt' | 'attemptSummary' | 'storedEvent' | 'assignment' | 'setting' | 'importedScenario' | 'timedEvent' | 'backup';

let ajv: Ajv2020 | undefined;
const validators = new Map<RecordKind, ValidateFunction>();

function validator(kind: RecordKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: false, strict: false });
      ajv.addSchema(schema);
    }
    const ref = kind === 'backup' ? schema.$id : `${schema.$id}#/$defs/${kind}`;
    v = ajv.compile({ $ref: ref });
    validators.set(kind, v);
  }
  return v;
}

/** The first reason a value does not match, as a JSON pointer and ajv's error, or null when it matches. */
export function firstError(kind: RecordKind, value: unknown): ErrorObject | null {
  const v = validator(kind);
  if (v(value)) return null;
  return v.errors?.[0] ?? ({ instancePath: '', keyword: 'unknown', params: {}, schemaPath: '' } as ErrorObject);
}

export function isRecord(kind: RecordKind, value: unknown): boolean {
  if (!validator(kind)(value)) return false;
  if (kind === 'importedScenario') {
    const s = value as ImportedScenario;
    return s.scenario.id === s.id && s.scenario.version === s.version;
  }
  return true;
}

export function isTimedEvent(value: unknown): value is TimedEvent {
  return isRecord('timedEvent', value);
}

/** Drops the properties whose value is undefined (IndexedDB would keep them, JSON would not). */
export function compact<T extends object>(value: T): T {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * Settings that belong to the device, not to the class: the instructor's PIN
 * and lockout, the kiosk switch, and this device's preferences (language,
 * current profile: `device.`). They never leave the device in a backup
 * and are never taken from a file, so a hostile or foreign file cannot set a
 * PIN or lock a tablet in kiosk mode.
 */
export const isDeviceSetting = (key: string) => key.startsWith('instructor.') || key.startsWith('kiosk.') || key.startsWith('device.');
