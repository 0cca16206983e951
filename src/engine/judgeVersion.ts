/**
 * The version of the judgement: how the engine turns the events of an
 * attempt into outcomes and a score, for one scenario version. Raise it when
 * the same events of the same scenario version can be judged differently.
 * Each attempt stores the version that judged it; the results compare an
 * attempt with its replay only under the same version.
 *   1. the judgement before versions were stored (an attempt without one).
 *   2. a fault's rule stops applying at the stage its `until` names.
 *   3. rules are asked in their declared precedence (`overrides`), a rule
 *      may judge a correction's reason (`poorReason`), a fault may reopen
 *      steps (`redo`) and a fault follows its step the first time only.
 *      Record entries of text, date and time are judged; lots are drawn during the run (`newLot`).
 *      A fault's `ending` (hold, reject) ends the procedure on a correct decision.
 *   4. an action on an object not in the room (its look `absent`: the
 *      notebook at the bottom of the carton before it is found) has no
 *      effect, before any rule or step: a "load" of it through a failed
 *      hatch was a mistake.
 */
export const JUDGE_VERSION = 4;

/** The version that judged a stored attempt: 1 for one stored before versions were kept. */
export const judgeVersionOf = (a: { judgeVersion?: number }): number => a.judgeVersion ?? 1;
