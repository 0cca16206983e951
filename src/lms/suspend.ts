/**
 * The attempt as the LMS keeps it between two sessions (cmi.suspend_data):
 * its scenario and version, its options (seed, mode, forced fault, pass
 * mark) and its events, the one source of truth an attempt is replayed
 * from. Every name an event carries (verb, object, record entry, reading) is
 * written as its index in the scenario's own list of names, then the whole
 * is compressed with the browser's own deflate (CompressionStream
 * 'deflate-raw') and written in base64, so the longest attempts fit SCORM
 * 1.2's 4,096 characters (README says how long, and what happens past it).
 * A name the scenario does not have stays written out: nothing is lost.
 */
import type { AttemptOptions, EngineEvent, Mode, Scenario } from '../engine/types';
import { MODES } from '../engine/types';
import { replay } from '../engine/attempt';
import { fromBase64, toBase64 } from '../engine/base64';
import { deflateRaw, inflateRaw } from './zip';

/** What suspend data holds. */
export interface Suspended {
  scenarioId: string;
  version: number;
  options: AttemptOptions;
  events: EngineEvent[];
}

/** The format's mark: a suspend data that does not start with it was not written by this package (or by an older format). */
export const SUSPEND_PREFIX = 'SB1.';

/** Built-in verbs every scenario may use besides its objects' own (the record's, the display's). */
const BUILTIN_VERBS = ['read', 'record', 'sign', 'correct', 'submit'];

/** The scenario's names, in a fixed order: its verbs, objects, record entries, readings, then 'batch-record'. */
export function namesOf(s: Scenario): string[] {
  const names = new Set<string>(BUILTIN_VERBS);
  for (const o of s.objects) for (const a of o.actions) names.add(a.verb);
  for (const o of s.objects) names.add(o.id);
  for (const e of s.record) names.add(e.id);
  for (const o of s.objects) for (const r of o.readings ?? []) names.add(r.id);
  names.add('batch-record');
  return [...names];
}

type Packed = number | string | (number | string)[];

/** The event's fields beyond verb and target, each behind a one-letter tag. */
const TAGS = { with: 'w', reading: 'g', value: 'n', reason: 'y', text: 'x' } as const;
type Tagged = keyof typeof TAGS;
const NAMED: readonly Tagged[] = ['with', 'reading'];

function pack(e: EngineEvent, index: Map<string, number>): Packed {
  if (e.type === 'HINT') return 0;
  const name = (n: string) => index.get(n) ?? n;
  const out: (number | string)[] = [name(e.verb), name(e.target)];
  for (const key of Object.keys(TAGS) as Tagged[]) {
    const v = e[key];
    if (v === undefined) continue;
    out.push(TAGS[key], NAMED.includes(key) ? name(v as string) : v);
  }
  return out;
}

function unpack(p: Packed, names: readonly string[]): EngineEvent {
  if (p === 0) return { type: 'HINT' };
  if (!Array.isArray(p) || p.length < 2 || p.length % 2) throw new Error('event');
  const name = (n: number | string) => {
    const s = typeof n === 'number' ? names[n] : n;
    if (typeof s !== 'string') throw new Error('name');
    return s;
  };
  const e: EngineEvent = { type: 'ACT', verb: name(p[0]!), target: name(p[1]!) };
  for (let i = 2; i < p.length; i += 2) {
    const key = (Object.keys(TAGS) as Tagged[]).find((k) => TAGS[k] === p[i]);
    const v = p[i + 1]!;
    if (!key) throw new Error('tag');
    if (key === 'value') {
      if (typeof v !== 'number') throw new Error('value');
      e.value = v;
    } else e[key] = NAMED.includes(key) ? name(v) : String(v);
  }
  return e;
}

/** The attempt as suspend data: SB1. + base64 of the deflated compact form. */
export async function encodeSuspend(s: Scenario, a: Suspended): Promise<string> {
  const names = namesOf(s);
  const index = new Map(names.map((n, i) => [n, i]));
  const o = a.options;
  const body = {
    s: a.scenarioId,
    v: a.version,
    o: [o.seed, MODES.indexOf(o.mode), o.forcedFault ?? null, o.passMark ?? null],
    e: a.events.map((e) => pack(e, index)),
  };
  const bytes = await deflateRaw(new TextEncoder().encode(JSON.stringify(body)));
  if (!bytes) throw new Error('This browser cannot compress (no CompressionStream).');
  return SUSPEND_PREFIX + toBase64(bytes);
}

/** Why suspend data could not be read: none kept, not this package's, or unreadable. */
export type SuspendProblem = 'empty' | 'foreign' | 'corrupt';

/** Reads suspend data back: the attempt, or why not (never throws). */
export async function decodeSuspend(s: Scenario, data: string): Promise<Suspended | { problem: SuspendProblem }> {
  if (!data) return { problem: 'empty' };
  if (!data.startsWith(SUSPEND_PREFIX)) return { problem: 'foreign' };
  try {
    const json = new TextDecoder().decode(await inflateRaw(fromBase64(data.slice(SUSPEND_PREFIX.length))));
    const b = JSON.parse(json) as { s: unknown; v: unknown; o: unknown; e: unknown };
    if (typeof b.s !== 'string' || typeof b.v !== 'number' || !Array.isArray(b.o) || !Array.isArray(b.e)) return { problem: 'corrupt' };
    const [seed, mode, forcedFault, passMark] = b.o as [unknown, unknown, unknown, unknown];
    if (typeof seed !== 'number' || typeof mode !== 'number' || !MODES[mode]) return { problem: 'corrupt' };
    const options: AttemptOptions = {
      seed,
      mode: MODES[mode] as Mode,
      ...(typeof forcedFault === 'string' ? { forcedFault } : {}),
      ...(typeof passMark === 'number' ? { passMark } : {}),
    };
    const names = namesOf(s);
    return { scenarioId: b.s, version: b.v, options, events: (b.e as Packed[]).map((p) => unpack(p, names)) };
  } catch {
    return { problem: 'corrupt' };
  }
}

/** How long a correction's reason is kept when the whole attempt does not fit otherwise. */
export const SHORT_REASON = 40;

/**
 * The suspend data that fits `limit` characters: the attempt as it is; else,
 * its corrections' reasons cut to SHORT_REASON characters, when the attempt
 * replayed so reads exactly the same (same state, same outcomes, same score:
 * a reason's words can matter to a rule); else null (the caller keeps the
 * newest one that fitted, and says so).
 */
export async function fitSuspend(s: Scenario, a: Suspended, limit: number): Promise<{ data: string; shortened: boolean } | null> {
  const data = await encodeSuspend(s, a);
  if (data.length <= limit) return { data, shortened: false };
  const short = a.events.map((e) => (e.type === 'ACT' && e.reason && e.reason.length > SHORT_REASON ? { ...e, reason: e.reason.slice(0, SHORT_REASON) } : e));
  const same = (x: ReturnType<typeof replay>, y: ReturnType<typeof replay>) =>
    JSON.stringify([x.snapshot.value, x.score, x.context.outcomes.map((o) => [o.kind, o.ref, o.points, o.penalty])]) ===
    JSON.stringify([y.snapshot.value, y.score, y.context.outcomes.map((o) => [o.kind, o.ref, o.points, o.penalty])]);
  if (!same(replay(s, a.options, a.events), replay(s, a.options, short))) return null;
  const cut = await encodeSuspend(s, { ...a, events: short });
  return cut.length <= limit ? { data: cut, shortened: true } : null;
}
