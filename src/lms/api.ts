/**
 * Finding the LMS's SCORM API: the object an LMS puts on one of the windows
 * around the package (`API_1484_11` for SCORM 2004, `API` for SCORM 1.2),
 * looked for as the standards' own discovery algorithm does: this window,
 * then its parents up to the top (a bounded number of steps), then the
 * window that opened this one (a package launched in a new window) and its
 * parents. A window of another origin cannot be read: it is passed over,
 * never an error. Plain objects stand for windows in the tests.
 */
import type { ScormStandard } from './config';

/** The SCORM 1.2 API (the `API` object), as the LMS gives it: every call takes and returns strings. */
export interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API (the `API_1484_11` object). */
export interface Api2004 {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type FoundApi = { standard: '1.2'; api: Api12 } | { standard: '2004'; api: Api2004 };

/** What is read of a window: its parent, its opener and the API it may carry (any of which may throw across origins). */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly API?: unknown;
  readonly API_1484_11?: unknown;
}

/** How many windows up a chain are asked (the ADL's own script stops at 500; no LMS nests more than a few frames). */
export const MAX_DEPTH = 12;

const NAME: Record<ScormStandard, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };
const CALLS: Record<ScormStandard, string[]> = {
  '1.2': ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError'],
  '2004': ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'],
};

/** A property of a window, or undefined when the window belongs to another origin (reading it throws). */
function read<K extends keyof WindowLike>(w: WindowLike, key: K): WindowLike[K] | undefined {
  try {
    return w[key];
  } catch {
    return undefined;
  }
}

function apiIn(w: WindowLike, standard: ScormStandard): unknown {
  const api = read(w, NAME[standard]);
  if (!api || typeof api !== 'object') return undefined;
  return CALLS[standard].every((f) => typeof (api as Record<string, unknown>)[f] === 'function') ? api : undefined;
}

/** The window itself and its parents, nearest first, at most MAX_DEPTH of them. */
function chain(start: WindowLike | null | undefined): WindowLike[] {
  const out: WindowLike[] = [];
  let w = start;
  while (w && out.length < MAX_DEPTH && !out.includes(w)) {
    out.push(w);
    const up = read(w, 'parent');
    if (!up || up === w) break;
    w = up;
  }
  return out;
}

/** The API of the standard the package speaks, nearest first: this window and its parents, then the opener and its parents; null if none has it. */
export function findApi(win: WindowLike, standard: ScormStandard): FoundApi | null {
  const windows = chain(win);
  const top = windows[windows.length - 1];
  for (const w of [...windows, ...chain(read(win, 'opener') ?? (top ? read(top, 'opener') : null))]) {
    const api = apiIn(w, standard);
    if (api) return standard === '1.2' ? { standard, api: api as Api12 } : { standard, api: api as Api2004 };
  }
  return null;
}

/** The other standard's API, when the package's own is missing: so the screen can say the package was made for the other one. */
export function otherStandardFound(win: WindowLike, standard: ScormStandard): boolean {
  return findApi(win, standard === '1.2' ? '2004' : '1.2') !== null;
}
