/**
 * The exam rules (src/engine/exam.ts) applied to what the store holds: where
 * a trainee stands on an assignment, read from every profile and attempt of
 * the device, and an attempt ended as abandoned (kept, with its events).
 */
import type { ReplayResult } from '../engine/attempt';
import { abandonedResult, standing, withLateness, type ExamStanding } from '../engine/exam';
import type { Assignment, AttemptRecord, Profile } from './records';
import type { Store } from './openStore';

/** Where a trainee stands on an assignment, read from the store (every profile and attempt of the device). */
export async function standingIn(store: Pick<Store, 'listProfiles' | 'allAttempts'>, a: Assignment, who: Profile, now: number): Promise<ExamStanding> {
  const [profiles, attempts] = await Promise.all([store.listProfiles(), store.allAttempts({ scenarioId: a.scenarioId })]);
  return standing(a, who, profiles.items, attempts.items, now);
}

/** Ends an attempt in progress as abandoned: kept with its events and the score it had (the engine's replay of them), late after its assignment's due date. */
export function abandonAttempt(store: Pick<Store, 'finish'>, attempt: AttemptRecord, replayed: Pick<ReplayResult, 'score' | 'context'> | null, assignment: Pick<Assignment, 'due'> | undefined, now: number): Promise<AttemptRecord> {
  return store.finish(attempt.id, withLateness(abandonedResult(replayed, false), assignment, now), now);
}
