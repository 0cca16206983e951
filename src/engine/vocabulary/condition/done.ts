/** `done`: the step (of the procedure or of a fault) has been done. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const done: ConditionWord<'done'> = {
  word: 'done',
  schema: oneKey('done', ref('id')),
  holds: (c, { ctx }) => ctx.done[c.done] !== undefined,
  check: (c, path, scope) => scope.needStep(`${path}.done`, c.done),
  contradicts: (c, other) => 'notDone' in other && other.notDone === c.done,
};
