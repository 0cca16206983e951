/**
 * What the instructor's results are made of, computed from attempts alone:
 * the filter (group, scenario, dates), the table trainees × scenarios (best,
 * last, passed, number of attempts), category averages, and the mistakes the
 * group makes most often — found by replaying each finished attempt through
 * the engine, with their explanations. Pure: no DOM, no storage.
 */
import { replay, type CompiledScenario } from './attempt';
import { JUDGE_VERSION, judgeVersionOf } from './judgeVersion';
import { endingOf, type EndingKind } from './ending';
import { traineeKey } from './identity';
import { CATEGORIES, type AttemptOptions, type Category, type Decision, type EngineEvent, isMistake, type Localized, type MistakeKind, type Severity } from './types';
import { explainOutcome } from './view';

/** The parts of a stored attempt the results need (a store AttemptRecord fits). */
export interface ResultAttempt extends AttemptOptions {
  id: string;
  profileId: string;
  scenarioId: string;
  scenarioVersion: number;
  /** The version of the judgement that gave `result` (see judgeVersion.ts); absent: 1. */
  judgeVersion?: number;
  events: readonly { event: EngineEvent }[];
  startedAt: number;
  endedAt?: number;
  status: 'in-progress' | 'finished';
  /** `ending`: the correct decision that ended the procedure; absent in attempts stored before it was kept. */
  result?: { end: 'passed' | 'failed'; score: number; byCategory: Record<string, number>; critical: boolean; ending?: Decision };
}

export interface ResultTrainee {
  id: string;
  name: string;
  group?: string;
}

export interface ResultFilter {
  /** Only the trainees of this group ('' for those without a group). */
  group?: string;
  scenarioId?: string;
  /** Inclusive bounds on the end time, in ms since 1970. */
  from?: number;
  to?: number;
}

/** The finished attempts that pass the filter, newest first. */
export function filterAttempts<A extends ResultAttempt>(attempts: readonly A[], trainees: readonly ResultTrainee[], f: ResultFilter = {}): A[] {
  const byId = new Map(trainees.map((t) => [t.id, t]));
  return attempts
    .filter((a) => {
      if (a.status !== 'finished' || !a.result) return false;
      const who = byId.get(a.profileId);
      if (!who) return false;
      if (f.group !== undefined && (who.group ?? '') !== f.group) return false;
      if (f.scenarioId !== undefined && a.scenarioId !== f.scenarioId) return false;
      const at = a.endedAt ?? a.startedAt;
      if (f.from !== undefined && at < f.from) return false;
      if (f.to !== undefined && at > f.to) return false;
      return true;
    })
    .sort((a, b) => (b.endedAt ?? b.startedAt) - (a.endedAt ?? a.startedAt));
}

/**
 * One trainee as the results see them: the profiles with the same name in the
 * same group (case, accents and spaces aside: identity.ts) are one person who
 * used several tablets.
 */
export interface TraineeKey {
  key: string;
  name: string;
  group?: string;
  profileIds: string[];
}

export function traineeKeys(trainees: readonly ResultTrainee[]): Map<string, TraineeKey> {
  const byProfile = new Map<string, TraineeKey>();
  const byKey = new Map<string, TraineeKey>();
  for (const t of trainees) {
    const key = traineeKey(t);
    let k = byKey.get(key);
    if (!k) byKey.set(key, (k = { key, name: t.name, group: t.group, profileIds: [] }));
    k.profileIds.push(t.id);
    byProfile.set(t.id, k);
  }
  return byProfile;
}

export interface ResultCell {
  attempts: number;
  best: number;
  last: number;
  lastAt: number;
  /** At least one attempt passed. */
  passed: boolean;
  lastPassed: boolean;
  /** How the newest attempt ended: passed, failed, critical, or the decision (hold, reject) that ended it. */
  lastEnding: EndingKind;
  /** Mean score of the attempts, one decimal. */
  average: number;
  /** Mean score per category over the attempts, one decimal. */
  byCategory: Partial<Record<Category, number>>;
  /** The newest attempt's id (to replay it). */
  lastAttemptId: string;
  /** The versions of the judgement that gave the attempts' scores, ascending (see judgeVersion.ts). */
  judgeVersions: number[];
}

export interface ResultRow {
  trainee: TraineeKey;
  /** Cells by scenario id; absent when the trainee has no attempt on it. */
  cells: Record<string, ResultCell>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);

function categoryMeans(attempts: readonly ResultAttempt[]): Partial<Record<Category, number>> {
  const out: Partial<Record<Category, number>> = {};
  for (const c of CATEGORIES) {
    const xs = attempts.flatMap((a) => (typeof a.result?.byCategory[c] === 'number' ? [a.result.byCategory[c]] : []));
    if (xs.length) out[c] = mean(xs);
  }
  return out;
}

/**
 * The table trainees × scenarios from the (already filtered, finished)
 * attempts. Every trainee listed gets a row, even without attempts, so the
 * instructor sees who has not played; rows are sorted by group then name.
 */
export function resultTable(attempts: readonly ResultAttempt[], trainees: readonly ResultTrainee[]): ResultRow[] {
  const keys = traineeKeys(trainees);
  const rows = new Map<string, ResultRow>();
  for (const k of keys.values()) if (!rows.has(k.key)) rows.set(k.key, { trainee: k, cells: {} });
  const groups = new Map<string, ResultAttempt[]>();
  for (const a of attempts) {
    const k = keys.get(a.profileId);
    if (!k || !a.result) continue;
    const id = `${k.key}\u0001${a.scenarioId}`;
    const list = groups.get(id) ?? [];
    list.push(a);
    groups.set(id, list);
  }
  for (const [id, list] of groups) {
    const [key, scenarioId] = id.split('\u0001') as [string, string];
    const sorted = [...list].sort((a, b) => (a.endedAt ?? a.startedAt) - (b.endedAt ?? b.startedAt));
    const last = sorted.at(-1)!;
    rows.get(key)!.cells[scenarioId] = {
      attempts: sorted.length,
      best: Math.max(...sorted.map((a) => a.result!.score)),
      last: last.result!.score,
      lastAt: last.endedAt ?? last.startedAt,
      passed: sorted.some((a) => a.result!.end === 'passed'),
      lastPassed: last.result!.end === 'passed',
      lastEnding: endingOf(last.result!),
      average: mean(sorted.map((a) => a.result!.score)),
      byCategory: categoryMeans(sorted),
      lastAttemptId: last.id,
      judgeVersions: [...new Set(sorted.map(judgeVersionOf))].sort((a, b) => a - b),
    };
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return [...rows.values()].sort((a, b) => collator.compare(a.trainee.group ?? '\uffff', b.trainee.group ?? '\uffff') || collator.compare(a.trainee.name, b.trainee.name));
}

export interface CategoryAverage {
  category: Category;
  /** Mean of the attempts' category scores, one decimal. */
  average: number;
  attempts: number;
}

/** The mean score per category over the attempts (those whose scenario scores that category). */
export function categoryAverages(attempts: readonly ResultAttempt[]): CategoryAverage[] {
  return CATEGORIES.flatMap((category) => {
    const xs = attempts.flatMap((a) => (typeof a.result?.byCategory[category] === 'number' ? [a.result.byCategory[category]] : []));
    return xs.length ? [{ category, average: mean(xs), attempts: xs.length }] : [];
  });
}

/** The mean category scores of each trainee (rows as resultTable sorts them). */
export function categoryByTrainee(attempts: readonly ResultAttempt[], trainees: readonly ResultTrainee[]): { trainee: TraineeKey; byCategory: Partial<Record<Category, number>>; attempts: number }[] {
  const keys = traineeKeys(trainees);
  return resultTable(attempts, trainees).map((row) => {
    const mine = attempts.filter((a) => keys.get(a.profileId)?.key === row.trainee.key);
    return { trainee: row.trainee, byCategory: categoryMeans(mine), attempts: mine.length };
  });
}

/* ---------- replays and frequent mistakes ---------- */


export interface AttemptMistake {
  kind: MistakeKind;
  ref: string;
  penalty: number;
  category?: Category;
  severity?: Severity;
  critical: boolean;
  title: Localized;
  explanation?: Localized;
  reason?: Localized;
}

export interface ReplayedAttempt<A extends ResultAttempt = ResultAttempt> {
  attempt: A;
  /** null when the scenario (that id and version) is not on this device. */
  replayed: { score: number; end: string; ending: EndingKind | null; mistakes: AttemptMistake[] } | null;
  /**
   * The replay gives another score or end than the one recorded (damaged or
   * edited data). Only said under the version of the judgement that recorded it.
   */
  mismatch: boolean;
  /** The version of the judgement that gave the recorded score, when it is not this engine's; null when it is. */
  judgedBy: number | null;
}

export type FindCompiled = (scenarioId: string, version: number) => CompiledScenario | undefined;

export function optionsOfAttempt(a: ResultAttempt): AttemptOptions {
  const o: AttemptOptions = { seed: a.seed, mode: a.mode };
  if (a.forcedFault !== undefined) o.forcedFault = a.forcedFault;
  if (a.passMark !== undefined) o.passMark = a.passMark;
  return o;
}

/** Replays one attempt through the engine and lists its mistakes with their explanations. */
export function replayAttempt<A extends ResultAttempt>(a: A, find: FindCompiled): ReplayedAttempt<A> {
  // an attempt judged by other rules may replay to another score without anything being wrong
  const judgedBy = judgeVersionOf(a) === JUDGE_VERSION ? null : judgeVersionOf(a);
  const c = find(a.scenarioId, a.scenarioVersion);
  if (!c) return { attempt: a, replayed: null, mismatch: false, judgedBy };
  let r: ReturnType<typeof replay>;
  try {
    r = replay(c, optionsOfAttempt(a), a.events.map((e) => e.event));
  } catch {
    return { attempt: a, replayed: null, mismatch: judgedBy === null, judgedBy };
  }
  const mistakes: AttemptMistake[] = r.context.outcomes
    .filter((o) => isMistake(o.kind))
    .map((o) => {
      const v = explainOutcome(c, o);
      return {
        kind: o.kind as MistakeKind,
        ref: o.ref,
        penalty: o.penalty,
        category: o.category,
        severity: o.severity,
        critical: !!o.critical,
        title: v.title,
        ...(v.explanation ? { explanation: v.explanation } : {}),
        ...(v.reason ? { reason: v.reason } : {}),
      };
    });
  const mismatch = judgedBy === null && !!a.result && (a.result.score !== r.score.total || a.result.end !== r.end || endingOf(a.result) !== r.ending);
  return { attempt: a, replayed: { score: r.score.total, end: r.end, ending: r.ending, mistakes }, mismatch, judgedBy };
}

export function replayAttempts<A extends ResultAttempt>(attempts: readonly A[], find: FindCompiled): ReplayedAttempt<A>[] {
  return attempts.map((a) => replayAttempt(a, find));
}

export interface FrequentMistake extends Omit<AttemptMistake, 'penalty'> {
  scenarioId: string;
  /** How many times it was made, over all attempts. */
  count: number;
  /** In how many attempts, and by how many trainees (profiles). */
  attempts: number;
  trainees: number;
}

/**
 * The mistakes of the replayed attempts counted by scenario, kind and ref:
 * those made by the most trainees first, then the most often. `who` tells
 * which trainee a profile is (default: the profile itself).
 */
export function frequentMistakes(replayed: readonly ReplayedAttempt[], who: (profileId: string) => string = (id) => id): FrequentMistake[] {
  const out = new Map<string, FrequentMistake & { _attempts: Set<string>; _trainees: Set<string> }>();
  for (const r of replayed) {
    for (const m of r.replayed?.mistakes ?? []) {
      const key = `${r.attempt.scenarioId} ${m.kind} ${m.ref}`;
      let f = out.get(key);
      if (!f) {
        f = {
          scenarioId: r.attempt.scenarioId,
          kind: m.kind,
          ref: m.ref,
          count: 0,
          attempts: 0,
          trainees: 0,
          category: m.category,
          severity: m.severity,
          critical: m.critical,
          title: m.title,
          ...(m.explanation ? { explanation: m.explanation } : {}),
          ...(m.reason ? { reason: m.reason } : {}),
          _attempts: new Set(),
          _trainees: new Set(),
        };
        out.set(key, f);
      }
      f.count++;
      f.critical ||= m.critical;
      f._attempts.add(r.attempt.id);
      f._trainees.add(who(r.attempt.profileId));
    }
  }
  return [...out.values()]
    .map(({ _attempts, _trainees, ...f }) => ({ ...f, attempts: _attempts.size, trainees: _trainees.size }))
    .sort((a, b) => b.trainees - a.trainees || b.count - a.count || Number(b.critical) - Number(a.critical) || a.ref.localeCompare(b.ref));
}
