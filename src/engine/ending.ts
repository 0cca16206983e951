/**
 * The scenario word `ending` of a fault: answering the fault in full
 * (contained and documented) is a decision — the batch put on hold, or a
 * material the SOP says to reject — that ends the procedure as a correct
 * outcome. This module holds the word's evaluation (the decision kept in the
 * context), what it does to what counts (the procedure's steps not done by
 * then are no longer reachable, so neither their points nor their record
 * entries count), how a finished attempt reads (passed, failed, failed on a
 * critical rule, on hold, rejected) and its check. The machine's part (the
 * fault's region leaving for closure, the final states) is compileScenario's.
 */
import type { ScenarioIndex } from './scenarioIndex';
import type { AttemptContext, Decision, Localized, Scenario } from './types';

/** The decision as the attempt's log names it (the results and the CSV use the same words, from locales/ `ending.*`). */
export const DECISION_TITLE: Record<Decision, Localized> = {
  hold: { fr: 'Lot mis en attente (décision correcte)', en: 'Lot put on hold (correct decision)' },
  reject: { fr: 'Lot refusé (décision correcte)', en: 'Lot rejected (correct decision)' },
};

/** How a finished attempt ends, in the words of the results and the CSV. */
export type EndingKind = 'passed' | 'failed' | 'critical' | Decision | 'abandoned';
export const ENDING_KINDS: readonly EndingKind[] = ['passed', 'failed', 'critical', 'hold', 'reject', 'abandoned'];

/**
 * How a finished attempt ends, from its stored result: a critical rule fails
 * it whatever the score; a pass that ended on a decision is that decision; an
 * attempt the trainee ended with "Abandonner" is abandoned, whatever it was. An
 * attempt stored before decisions were kept has no `ending` and reads as before.
 */
export function endingOf(r: { end: 'passed' | 'failed'; critical: boolean; ending?: Decision; abandoned?: true }): EndingKind {
  if (r.abandoned) return 'abandoned';
  if (r.critical) return 'critical';
  if (r.end === 'failed') return 'failed';
  return r.ending ?? 'passed';
}

/** The fault's decision is taken: kept in the context and said in the log. */
export function decide(ix: ScenarioIndex, ctx: AttemptContext, faultId: string): AttemptContext {
  const e = ix.faults.get(faultId)?.ending;
  if (!e || ctx.ending) return ctx;
  return {
    ...ctx,
    ending: { decision: e.decision, fault: faultId },
    outcomes: [...ctx.outcomes, { seq: ctx.outcomes.length, at: ctx.clock, kind: 'decision', ref: faultId, points: 0, penalty: 0 }],
  };
}

/**
 * A step of the procedure still counts (in the points possible, and its
 * record entries in those expected): always, until a decision ends the
 * procedure; then only if it was done before.
 */
export const stillCounts = (ctx: AttemptContext, stepId: string): boolean => !ctx.ending || ctx.done[stepId] !== undefined;

interface EndingProblem {
  path: string;
  message: Localized;
}

/**
 * What the schema cannot say of an ending: the decision is the trainee's
 * answer, so the fault needs a containment step (putting on hold, rejecting)
 * and a documentation step (the deviation written), or the attempt would end
 * before the decision was made or recorded.
 */
export function checkEndings(s: Scenario): EndingProblem[] {
  const out: EndingProblem[] = [];
  s.faults.forEach((f, i) => {
    if (!f.ending) return;
    for (const stage of ['contain', 'document'] as const) {
      if (f.steps.some((st) => st.stage === stage)) continue;
      out.push({
        path: `faults[${i}].ending`,
        message: stage === 'contain'
          ? { en: `the fault "${f.id}" ends the attempt on a decision, so it needs a step with stage "contain": the decision itself (put on hold, reject)`, fr: `la panne « ${f.id} » termine la tentative sur une décision : il lui faut une étape de stage "contain", la décision elle-même (mise en attente, refus)` }
          : { en: `the fault "${f.id}" ends the attempt on a decision, so it needs a step with stage "document": the decision recorded and reported`, fr: `la panne « ${f.id} » termine la tentative sur une décision : il lui faut une étape de stage "document", la décision consignée et signalée` },
      });
    }
  });
  return out;
}
