/**
 * The rules of an exam, pure (no store, no page): which finished attempts of
 * a backup cannot be believed — their recorded result is not what their
 * events give when replayed under the judgement that recorded it.
 */
import { JUDGE_VERSION, judgeVersionOf } from './judgeVersion';
import { replayAttempt, type FindCompiled, type ResultAttempt } from './results';

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
