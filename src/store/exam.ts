/**
 * Exam integrity on top of the store: where a trainee stands on an assignment
 * (attempts used, counted per trainee by name and group normalised — not by
 * profile id, so the count holds across reloads, new profiles and imports —,
 * the attempt in progress, lateness, the scenario version it is pinned to),
 * an attempt ended as abandoned (kept, with its events), and the checks on a
 * new assignment. Pure functions take records; the others take the store.
 */
import type { ReplayResult } from '../engine/attempt';
import { dueAcceptable, isPastDue } from '../engine/dueDate';
import { traineeKey } from '../engine/identity';
import type { Localized, Scenario } from '../engine/types';
import { say } from './messages';
import { mustKeep, scoredParts, type Assignment, type AttemptRecord, type AttemptResult, type Profile } from './records';
import type { NewAssignment, Store } from './openStore';

/** The scenario an assignment plays: the version it was given on; an assignment made before versions were pinned plays the newest. */
export type Pinned = { scenario: Scenario } | { missing: number };

export function pinnedScenario(a: Pick<Assignment, 'scenarioId' | 'scenarioVersion'>, find: (id: string, version?: number) => Scenario | undefined): Pinned {
  const s = find(a.scenarioId, a.scenarioVersion);
  if (s) return { scenario: s };
  return { missing: a.scenarioVersion ?? 0 };
}

/** The newest version of the assignment's scenario on this device, when it is newer than the pinned one (the instructor may move the assignment to it). */
export function newerVersion(a: Pick<Assignment, 'scenarioId' | 'scenarioVersion'>, find: (id: string, version?: number) => Scenario | undefined): number | undefined {
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
export function sameTrainee(who: Pick<Profile, 'name' | 'group'>, profiles: readonly Profile[]): Set<string> {
  const key = traineeKey(who);
  return new Set(profiles.filter((p) => traineeKey(p) === key).map((p) => p.id));
}

/** Where a trainee stands on an assignment, from every attempt and profile of the device. */
export function standing(a: Assignment, who: Profile, profiles: readonly Profile[], attempts: readonly AttemptRecord[], now: number): ExamStanding {
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
export function inProgressOn(scenarioId: string, profileId: string, attempts: readonly AttemptRecord[]): AttemptRecord | undefined {
  return attempts.filter((x) => x.status === 'in-progress' && x.profileId === profileId && x.scenarioId === scenarioId).sort((x, y) => y.startedAt - x.startedAt)[0];
}

export { mustKeep };

/** The result kept for an attempt the trainee abandoned: not passed, with the score and mistakes it had then (none when its scenario is no longer on the device: null). */
export function abandonedResult(r: Pick<ReplayResult, 'score' | 'context'> | null, late: boolean): AttemptResult {
  if (!r) return { end: 'failed', score: 0, byCategory: {}, critical: false, mistakes: [], abandoned: true, ...(late ? { late: true } : {}) };
  return { end: 'failed', score: r.score.total, ...scoredParts(r), critical: r.score.critical, abandoned: true, ...(late ? { late: true } : {}) };
}

/** The result as finished: marked late when the attempt's assignment was due before now. */
export function withLateness(result: AttemptResult, assignment: Pick<Assignment, 'due'> | undefined, now: number): AttemptResult {
  return assignment && isPastDue(assignment.due, now) ? { ...result, late: true } : result;
}

/** Why a new assignment cannot be made (a due date in the past), or null. */
export function refuseAssignment(input: Pick<NewAssignment, 'due' | 'maxAttempts'>, now: number): Localized | null {
  if (input.due !== undefined && !dueAcceptable(input.due, now)) return say('The due date is already past: choose today or a later day.', "La date limite est déjà passée : choisissez aujourd'hui ou un jour suivant.");
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1 || input.maxAttempts > 99)) {
    return say('The number of attempts allowed is a whole number from 1 to 99.', 'Le nombre de tentatives permises est un nombre entier de 1 à 99.');
  }
  return null;
}

/** Where a trainee stands on an assignment, read from the store (every profile and attempt of the device). */
export async function standingIn(store: Pick<Store, 'listProfiles' | 'allAttempts'>, a: Assignment, who: Profile, now: number): Promise<ExamStanding> {
  const [profiles, attempts] = await Promise.all([store.listProfiles(), store.allAttempts({ scenarioId: a.scenarioId })]);
  return standing(a, who, profiles.items, attempts.items, now);
}

/** Ends an attempt in progress as abandoned: kept with its events and the score it had (the engine's replay of them). */
export function abandonAttempt(store: Pick<Store, 'finish'>, attempt: AttemptRecord, replayed: Pick<ReplayResult, 'score' | 'context'> | null, assignment: Pick<Assignment, 'due'> | undefined, now: number): Promise<AttemptRecord> {
  return store.finish(attempt.id, abandonedResult(replayed, !!assignment && isPastDue(assignment.due, now)), now);
}
