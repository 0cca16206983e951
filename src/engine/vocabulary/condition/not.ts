/** `not`: the condition does not hold. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const not: ConditionWord<'not'> = {
  word: 'not',
  schema: oneKey('not', ref('condition')),
  holds: (c, scope, holds) => !holds(c.not, scope),
  check: (c, path, scope) => scope.condition(c.not, `${path}.not`),
  inner: (c) => [c.not],
};
