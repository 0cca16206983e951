/** `notDone`: the step has not been done yet. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const notDone: ConditionWord<'notDone'> = {
  word: 'notDone',
  schema: oneKey('notDone', ref('id')),
  holds: (c, { ctx }) => ctx.done[c.notDone] === undefined,
  check: (c, path, scope) => scope.needStep(`${path}.notDone`, c.notDone),
  contradicts: (c, other) => 'done' in other && other.done === c.notDone,
};
