/**
 * One small interface in front of both SCORM standards, so the rest of the
 * LMS runtime does not care which one the package speaks. A `Dialect` knows
 * a standard's element names, vocabularies, formats and length limits and
 * turns what the runtime wants to say into element/value pairs (pure: the
 * tests read its pairs without an LMS); a `Connection` makes the calls on the
 * LMS's API object. scorm12.ts and scorm2004.ts each give one of both.
 */
import type { Api12, Api2004, FoundApi } from './api';
import type { ScormStandard } from './config';

/** One CMI element and the value written to it. */
export type CmiValue = readonly [element: string, value: string];

/** How the session ends: `suspend` (the learner comes back to it) or `normal` (the attempt is over). */
export type Exit = 'suspend' | 'normal';

/** What an LMS is told of an attempt, in neither standard's words (report.ts makes it). */
export interface LmsReport {
  completion: 'completed' | 'incomplete';
  success: 'passed' | 'failed' | 'unknown';
  /** Only in assessment: points out of 100. */
  score?: { raw: number; min: number; max: number };
}

/** One judged mistake as an interaction (report.ts makes it; each dialect cuts it to its limits). */
export interface Interaction {
  /** Made of the rule's (or step's, or record entry's) id: letters, digits, '-' and '_' only (legal in both standards). */
  id: string;
  /** What the trainee did: the gesture, and the value written for a wrong value. */
  response: string;
  /** French, for the LMS's reports (SCORM 2004 only; 1.2 has no element for it). */
  description: string;
}

export interface Limits {
  /** cmi.suspend_data's length. */
  suspendData: number;
  location: number;
  interactionId: number;
  response: number;
  /** 0 when the standard has no description. */
  description: number;
}

export interface Dialect {
  standard: ScormStandard;
  limits: Limits;
  /** Elements read at the start. */
  elements: { learnerId: string; learnerName: string; suspendData: string; location: string; entry: string; interactionCount: string; language: string };
  suspendData(data: string): CmiValue[];
  location(where: string): CmiValue[];
  report(r: LmsReport): CmiValue[];
  /** The time spent in this session (milliseconds), in the standard's format. */
  sessionTime(ms: number): CmiValue[];
  /** Interaction number `n` (numbered once per attempt: writing the same n again rewrites it, never adds one). */
  interaction(n: number, i: Interaction): CmiValue[];
  exit(e: Exit): CmiValue[];
}

/** The calls on the LMS's API; each says whether the LMS accepted it (SCORM's "true"). */
export interface Connection {
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** The LMS's last error, as "code: text" ('' when none). */
  lastError(): string;
}

const ok = (r: unknown) => r === 'true' || r === true;

export function connect(found: FoundApi): Connection {
  if (found.standard === '1.2') {
    const a: Api12 = found.api;
    return {
      initialize: () => ok(a.LMSInitialize('')),
      get: (e) => String(a.LMSGetValue(e) ?? ''),
      set: (e, v) => ok(a.LMSSetValue(e, v)),
      commit: () => ok(a.LMSCommit('')),
      terminate: () => ok(a.LMSFinish('')),
      lastError: () => errorText(a.LMSGetLastError(), (c) => a.LMSGetErrorString(c)),
    };
  }
  const a: Api2004 = found.api;
  return {
    initialize: () => ok(a.Initialize('')),
    get: (e) => String(a.GetValue(e) ?? ''),
    set: (e, v) => ok(a.SetValue(e, v)),
    commit: () => ok(a.Commit('')),
    terminate: () => ok(a.Terminate('')),
    lastError: () => errorText(a.GetLastError(), (c) => a.GetErrorString(c)),
  };
}

function errorText(code: unknown, text: (c: string) => string): string {
  const c = String(code ?? '0');
  if (c === '0' || c === '') return '';
  try {
    return `${c}: ${text(c)}`;
  } catch {
    return c;
  }
}

/** A text cut to `max` characters (an ellipsis marks the cut). */
export const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`);
