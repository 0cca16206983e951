/**
 * The rules of an exam, pure (no store, no page; src/store/exam.ts applies
 * them to what the store holds): the scenario version an assignment plays,
 * where a trainee stands on it (attempts used, counted per trainee by name
 * and group normalised — not by profile id, so the count holds across
 * reloads, new profiles and imports —, passed, late), the one attempt in
 * progress that "Commencer" resumes, which attempts a trainee may not delete,
 * the result kept for an abandoned attempt, lateness, the checks on a new
 * assignment, and which finished attempts of a backup cannot be believed.
 */
import type { ReplayResult } from './attempt';
import { dueAcceptable, isPastDue } from './dueDate';
import { traineeKey } from './identity';
import { JUDGE_VERSION, judgeVersionOf } from './judgeVersion';
import { replayAttempt, type FindCompiled, type ResultAttempt } from './results';
import type { Decision, Localized, Mode, Scenario } from './types';

/** The parts of an assignment the rules read (a store Assignment fits). */
export interface ExamAssignment {
  id: string;
  scenarioId: string;
  /** The scenario version it was given on; absent in assignments made before versions were pinned. */
  scenarioVersion?: number;
  /** ISO date, e.g. "2025-06-30". */
  due?: string;
  /** How many attempts each trainee may start; absent: no limit. */
  maxAttempts?: number;
}

/** The parts of a trainee's profile the rules read (a store Profile fits). */
export interface ExamTrainee {
  id: string;
  name: string;
  group?: string;
}

/** The result of a finished attempt, as the store keeps it (its AttemptResult). */
export interface ExamResult {
  end: 'passed' | 'failed';
  score: number;
  byCategory: Record<string, number>;
  critical: boolean;
  /** The correct decision that ended the procedure (a fault's `ending`); absent otherwise, and in attempts stored before it was kept. */
  ending?: Decision;
  /** Ids (rules, steps) of what went wrong, for the history list. */
  mistakes: string[];
  /** Ended by the trainee ("Abandonner") before its end: kept with its events, `end` is 'failed' and `score` what it was then. */
  abandoned?: true;
  /** Ended after its assignment's due date, by the tablet's clock. */
  late?: true;
}

/** The parts of an attempt the rules read (a store AttemptRecord fits). */
export interface ExamAttempt {
  id: string;
  profileId: string;
  scenarioId: string;
  mode: Mode;
  assignmentId?: string;
  startedAt: number;
  status: 'in-progress' | 'finished';
  result?: Pick<ExamResult, 'end' | 'abandoned'>;
}

/** The scenario an assignment plays: the version it was given on; an assignment made before versions were pinned plays the newest. */
export type Pinned = { scenario: Scenario } | { missing: number };

export function pinnedScenario(a: Pick<ExamAssignment, 'scenarioId' | 'scenarioVersion'>, find: (id: string, version?: number) => Scenario | undefined): Pinned {
  const s = find(a.scenarioId, a.scenarioVersion);
  if (s) return { scenario: s };
  return { missing: a.scenarioVersion ?? 0 };
}

/** The newest version of the assignment's scenario on this device, when it is newer than the pinned one (the instructor may move the assignment to it). */
export function newerVersion(a: Pick<ExamAssignment, 'scenarioId' | 'scenarioVersion'>, find: (id: string, version?: number) => Scenario | undefined): number | undefined {
  const newest = find(a.scenarioId);
  return newest && a.scenarioVersion !== undefined && newest.version > a.scenarioVersion ? newest.version : undefined;
}

export interface ExamStanding {
  /** Attempts this trainee started on the assignment, on any of their profiles (abandoned and in progress included). */
  used: number;
  /** Attempts still allowed; undefined: no limit. */
  left?: number;
  /** The due date has passed (by the tablet's clock). */
  late: boolean;
  passed: boolean;
  /** An attempt of this trainee ended on the assignment. */
  tried: boolean;
}

/** The profiles that are the same trainee as `who` (name and group normalised). */
export function sameTrainee(who: Pick<ExamTrainee, 'name' | 'group'>, profiles: readonly ExamTrainee[]): Set<string> {
  const key = traineeKey(who);
  return new Set(profiles.filter((p) => traineeKey(p) === key).map((p) => p.id));
}

/** Where a trainee stands on an assignment, from every attempt and profile of the device. */
export function standing(a: ExamAssignment, who: ExamTrainee, profiles: readonly ExamTrainee[], attempts: readonly ExamAttempt[], now: number): ExamStanding {
  const ids = sameTrainee(who, profiles);
  ids.add(who.id);
  const mine = attempts.filter((x) => x.assignmentId === a.id && ids.has(x.profileId));
  const ended = mine.filter((x) => x.status === 'finished' && x.result);
  const passed = ended.some((x) => x.result!.end === 'passed' && !x.result!.abandoned);
  return {
    used: mine.length,
    ...(a.maxAttempts !== undefined ? { left: Math.max(0, a.maxAttempts - mine.length) } : {}),
    late: !passed && isPastDue(a.due, now),
    passed,
    tried: ended.length > 0,
  };
}

/** The trainee's own attempt in progress on this scenario (the newest), which "Commencer" offers to resume instead of starting another. */
export function inProgressOn<A extends ExamAttempt>(scenarioId: string, profileId: string, attempts: readonly A[]): A | undefined {
  return attempts.filter((x) => x.status === 'in-progress' && x.profileId === profileId && x.scenarioId === scenarioId).sort((x, y) => y.startedAt - x.startedAt)[0];
}

/** Attempts the trainee may not delete: an exam's, or one made for an assignment. "Abandonner" ends them as abandoned instead. */
export const mustKeep = (a: Pick<ExamAttempt, 'mode' | 'assignmentId'>): boolean => a.mode === 'assessment' || a.assignmentId !== undefined;

/** The score per category and the ids of what went wrong, as a result keeps them (an abandoned attempt's too). */
export function scoredParts(r: Pick<ReplayResult, 'score' | 'context'>): Pick<ExamResult, 'byCategory' | 'mistakes'> {
  const byCategory: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.score.byCategory)) if (typeof v === 'number') byCategory[k] = v;
  const mistakes = [...new Set(r.context.outcomes.filter((o) => o.penalty > 0 || o.critical).map((o) => o.ref))];
  return { byCategory, mistakes };
}

/** The result kept for an attempt the trainee abandoned: not passed, with the score and mistakes it had then (none when its scenario is no longer on the device: null). */
export function abandonedResult(r: Pick<ReplayResult, 'score' | 'context'> | null, late: boolean): ExamResult {
  if (!r) return { end: 'failed', score: 0, byCategory: {}, critical: false, mistakes: [], abandoned: true, ...(late ? { late: true } : {}) };
  return { end: 'failed', score: r.score.total, ...scoredParts(r), critical: r.score.critical, abandoned: true, ...(late ? { late: true } : {}) };
}

/** The result as finished: marked late when the attempt's assignment was due before now. */
export function withLateness(result: ExamResult, assignment: Pick<ExamAssignment, 'due'> | undefined, now: number): ExamResult {
  return assignment && isPastDue(assignment.due, now) ? { ...result, late: true } : result;
}

/**
 * "N en retard", one rule everywhere (the Devoirs list, the assignment view,
 * the trainee's « en retard »): once the due date is past (the tablet's
 * clock), every trainee the assignment is for who has not passed it — not
 * started, in progress, failed or abandoned —, each trainee once.
 */
export function lateCount(a: Pick<ExamAssignment, 'due'>, counts: { total: number; passed: number }, now: number): number {
  return isPastDue(a.due, now) ? counts.total - counts.passed : 0;
}

/** Why a new assignment cannot be made (a due date in the past, a limit out of range), or null. */
export function refuseAssignment(input: Pick<ExamAssignment, 'due' | 'maxAttempts'>, now: number): Localized | null {
  if (input.due !== undefined && !dueAcceptable(input.due, now)) return { en: 'The due date is already past: choose today or a later day.', fr: "La date limite est déjà passée : choisissez aujourd'hui ou un jour suivant." };
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1 || input.maxAttempts > 99)) {
    return { en: 'The number of attempts allowed is a whole number from 1 to 99.', fr: 'Le nombre de tentatives permises est un nombre entier de 1 à 99.' };
  }
  return null;
}

/** A finished attempt whose recorded result its replay does not give, with both. */
export interface ForgedAttempt<A extends ResultAttempt = ResultAttempt> {
  attempt: A;
  recorded: { score: number; end: 'passed' | 'failed' };
  /** null: the replay itself failed (events the scenario does not know). */
  replayed: { score: number; end: string } | null;
}

/**
 * The finished attempts whose stored result differs from the replay of their
 * events (score, end, the decision that ended it; an abandoned one: the score
 * it had). Only this engine's judgement can be replayed: an attempt judged by
 * another version of the judgement is kept as it was judged (the results say
 * by which), and one whose scenario version is not known here cannot be
 * checked and is kept too.
 */
export function forgedAttempts<A extends ResultAttempt>(attempts: readonly A[], find: FindCompiled): ForgedAttempt<A>[] {
  const out: ForgedAttempt<A>[] = [];
  for (const a of attempts) {
    if (a.status !== 'finished' || !a.result || judgeVersionOf(a) !== JUDGE_VERSION) continue;
    const r = replayAttempt(a, find);
    if (!r.mismatch) continue;
    out.push({ attempt: a, recorded: { score: a.result.score, end: a.result.end }, replayed: r.replayed && { score: r.replayed.score, end: r.replayed.end } });
  }
  return out;
}
