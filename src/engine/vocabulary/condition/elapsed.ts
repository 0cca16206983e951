/** `elapsed`: at least `atLeast` simulated minutes have passed since the step `since` was done (its own minutes included). */
import { oneKey, record, ref, type ConditionWord } from '../word.ts';

export const elapsed: ConditionWord<'elapsed'> = {
  word: 'elapsed',
  schema: oneKey('elapsed', record(['since', 'atLeast'], { since: ref('id'), atLeast: { type: 'number', minimum: 0 } })),
  holds: (c, { ctx }) => {
    const since = ctx.done[c.elapsed.since];
    return since !== undefined && ctx.clock - since >= c.elapsed.atLeast;
  },
  check: (c, path, scope) => scope.needStep(`${path}.elapsed.since`, c.elapsed.since),
};
