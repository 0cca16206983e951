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
import { isPastDue } from './dueDate';
import { normaliseName, traineeKey } from './identity';
import { CATEGORIES, type AttemptOptions, type Category, type Decision, type EngineEvent, isMistake, type Localized, type MistakeKind, type Mode, type Severity } from './types';
import { explainOutcome } from './view';

/** The parts of a stored attempt the results need (a store AttemptRecord fits). */
export interface ResultAttempt extends AttemptOptions {
  id: string;
  profileId: string;
  scenarioId: string;
  scenarioVersion: number;
  /** The assignment the attempt was made for, if any. */
  assignmentId?: string;
  /** The version of the judgement that gave `result` (see judgeVersion.ts); absent: 1. */
  judgeVersion?: number;
  events: readonly { event: EngineEvent }[];
  startedAt: number;
  endedAt?: number;
  status: 'in-progress' | 'finished';
  /** `ending`: the correct decision that ended the procedure; absent in attempts stored before it was kept. */
  result?: { end: 'passed' | 'failed'; score: number; byCategory: Record<string, number>; critical: boolean; ending?: Decision; abandoned?: true; late?: true };
}

export interface ResultTrainee {
  id: string;
  name: string;
  group?: string;
  /** When the profile was made: the first-made profile of a trainee gives the spelling shown. */
  createdAt?: number;
}

export interface ResultFilter {
  /** Only the trainees of this group ('' for those without a group), compared as identity.ts does. */
  group?: string;
  scenarioId?: string;
  /** Only the attempts made in this mode (training and assessment are never mixed unless no mode is given). */
  mode?: Mode;
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
      if (f.group !== undefined && normaliseName(who.group) !== normaliseName(f.group)) return false;
      if (f.scenarioId !== undefined && a.scenarioId !== f.scenarioId) return false;
      if (f.mode !== undefined && a.mode !== f.mode) return false;
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
  // oldest profile first, so a trainee is shown as first written (the order of a merge does not change it)
  const ordered = [...trainees].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
  for (const t of ordered) {
    const key = traineeKey(t);
    let k = byKey.get(key);
    if (!k) byKey.set(key, (k = { key, name: t.name, group: t.group, profileIds: [] }));
    k.profileIds.push(t.id);
    byProfile.set(t.id, k);
  }
  return byProfile;
}

export interface ResultCell {
  /** Finished attempts, abandoned ones included. */
  attempts: number;
  /** The best score of the attempts that were not abandoned; null when every one was. */
  best: number | null;
  last: number;
  lastAt: number;
  /** At least one attempt passed, in any mode (see passedAssessment: a pass in training is no exam pass). */
  passed: boolean;
  /** At least one assessment attempt passed: an exam pass. */
  passedAssessment: boolean;
  /** At least one training or discovery attempt passed. */
  passedPractice: boolean;
  lastPassed: boolean;
  /** The modes of the attempts, in the order assessment, training, discovery. */
  modes: Mode[];
  /** The scenario versions the attempts were made on, ascending. */
  versions: number[];
  /** How many attempts were abandoned ("Abandonner"), and how many ended after their due date. */
  abandoned: number;
  late: number;
  /** How the newest attempt ended: passed, failed, critical, or the decision (hold, reject) that ended it. */
  lastEnding: EndingKind;
  /** Mean score of the attempts that were not abandoned, one decimal; null when every one was. */
  average: number | null;
  /** Mean score per category over the attempts not abandoned, one decimal. */
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

/** Modes in the order the results list them: the exam first. */
export const MODE_ORDER: readonly Mode[] = ['assessment', 'training', 'discovery'];

const isAbandoned = (a: ResultAttempt) => !!a.result?.abandoned;
/** A pass: the attempt ended passed (a correct decision is one), not abandoned. */
const isPass = (a: ResultAttempt) => a.result?.end === 'passed' && !a.result.abandoned;

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
    // an abandoned attempt stopped half-way: its score says nothing of the procedure, so it is counted, never averaged
    const scored = sorted.filter((a) => !isAbandoned(a));
    const passedIn = (modes: readonly Mode[]) => sorted.some((a) => isPass(a) && modes.includes(a.mode));
    rows.get(key)!.cells[scenarioId] = {
      attempts: sorted.length,
      best: scored.length ? Math.max(...scored.map((a) => a.result!.score)) : null,
      last: last.result!.score,
      lastAt: last.endedAt ?? last.startedAt,
      passed: sorted.some(isPass),
      passedAssessment: passedIn(['assessment']),
      passedPractice: passedIn(['training', 'discovery']),
      lastPassed: isPass(last),
      modes: MODE_ORDER.filter((m) => sorted.some((a) => a.mode === m)),
      versions: [...new Set(sorted.map((a) => a.scenarioVersion))].sort((a, b) => a - b),
      abandoned: sorted.length - scored.length,
      late: sorted.filter((a) => a.result!.late).length,
      lastEnding: endingOf(last.result!),
      average: scored.length ? mean(scored.map((a) => a.result!.score)) : null,
      byCategory: categoryMeans(scored),
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
    const xs = attempts.filter((a) => !isAbandoned(a)).flatMap((a) => (typeof a.result?.byCategory[category] === 'number' ? [a.result.byCategory[category]] : []));
    return xs.length ? [{ category, average: mean(xs), attempts: xs.length }] : [];
  });
}

/** The mean category scores of each trainee (rows as resultTable sorts them). */
export function categoryByTrainee(attempts: readonly ResultAttempt[], trainees: readonly ResultTrainee[]): { trainee: TraineeKey; byCategory: Partial<Record<Category, number>>; attempts: number }[] {
  const keys = traineeKeys(trainees);
  return resultTable(attempts, trainees).map((row) => {
    const mine = attempts.filter((a) => keys.get(a.profileId)?.key === row.trainee.key);
    return { trainee: row.trainee, byCategory: categoryMeans(mine.filter((a) => !isAbandoned(a))), attempts: mine.length };
  });
}

/* ---------- where each trainee stands on an assignment ---------- */

/** The parts of an assignment its progress needs (a store Assignment fits). */
export interface ProgressAssignment {
  id: string;
  target: { group?: string; profileId?: string };
  /** ISO day ("2025-06-30"): due until the end of that day on the tablet's clock. */
  due?: string;
}

/**
 * Where a trainee stands on an assignment: done (passed or failed, with a
 * score), in progress, late (not done, the due date past), or not started.
 */
export type ProgressStatus = 'passed' | 'failed' | 'in-progress' | 'late' | 'not-started';
export const PROGRESS_ORDER: readonly ProgressStatus[] = ['passed', 'failed', 'in-progress', 'late', 'not-started'];

export interface ProgressRow {
  trainee: TraineeKey;
  status: ProgressStatus;
  /** Passed or failed after the due date, in progress past it, or not done by then. */
  late: boolean;
  /** Done: the best score of the passes (passed), else of the attempts not abandoned, else the last one's. */
  score?: number;
  /** Done: how the attempt that gives the status ended (the best pass, or the newest attempt). */
  ending?: EndingKind;
  /** Attempts started on the assignment, those in progress and abandoned included. */
  attempts: number;
}

/** An attempt finished after its assignment's due date: marked so when it was stored, or found so from its end time. */
export function finishedLate(a: ResultAttempt, due: string | undefined): boolean {
  if (a.result?.late) return true;
  return a.status === 'finished' && isPastDue(due, a.endedAt ?? a.startedAt);
}

/**
 * Every trainee the assignment is for — each trainee of its group (group
 * names compared as identity.ts does), or the one trainee it names, with all
 * the profiles they have on this device — and where they stand, sorted by
 * name. `now` decides what is late (the tablet's clock).
 */
export function assignmentProgress(a: ProgressAssignment, trainees: readonly ResultTrainee[], attempts: readonly ResultAttempt[], now: number): ProgressRow[] {
  const keys = traineeKeys(trainees);
  const chosen = new Map<string, TraineeKey>();
  if (a.target.profileId !== undefined) {
    const k = keys.get(a.target.profileId);
    if (k) chosen.set(k.key, k);
  } else {
    const group = normaliseName(a.target.group);
    for (const k of keys.values()) if (normaliseName(k.group) === group) chosen.set(k.key, k);
  }
  const overdue = isPastDue(a.due, now);
  const rows = [...chosen.values()].map((trainee): ProgressRow => {
    const ids = new Set(trainee.profileIds);
    const mine = attempts.filter((x) => x.assignmentId === a.id && ids.has(x.profileId)).sort((x, y) => (x.endedAt ?? x.startedAt) - (y.endedAt ?? y.startedAt));
    const finished = mine.filter((x) => x.status === 'finished' && x.result);
    const passes = finished.filter(isPass);
    const base = { trainee, attempts: mine.length };
    if (passes.length) {
      const best = passes.reduce((b, x) => (x.result!.score > b.result!.score ? x : b));
      return { ...base, status: 'passed', late: finishedLate(passes[0]!, a.due), score: best.result!.score, ending: endingOf(best.result!) };
    }
    if (mine.some((x) => x.status === 'in-progress')) return { ...base, status: 'in-progress', late: overdue };
    if (finished.length) {
      const newest = finished.at(-1)!;
      const scored = finished.filter((x) => !isAbandoned(x));
      const score = scored.length ? Math.max(...scored.map((x) => x.result!.score)) : newest.result!.score;
      return { ...base, status: 'failed', late: finishedLate(newest, a.due), score, ending: endingOf(newest.result!) };
    }
    return { ...base, status: overdue ? 'late' : 'not-started', late: overdue };
  });
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return rows.sort((x, y) => collator.compare(x.trainee.name, y.trainee.name));
}

/** How many trainees stand where: every trainee counted once, in one status. */
export function progressCounts(rows: readonly ProgressRow[]): Record<ProgressStatus, number> & { total: number } {
  const out = { passed: 0, failed: 0, 'in-progress': 0, late: 0, 'not-started': 0, total: rows.length };
  for (const r of rows) out[r.status]++;
  return out;
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
  // an abandoned attempt stopped while it ran: its replay runs still, at the score it had
  const mismatch =
    judgedBy === null && !!a.result && (a.result.abandoned ? a.result.score !== r.score.total || r.ending !== null : a.result.score !== r.score.total || a.result.end !== r.end || endingOf(a.result) !== r.ending);
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
