/** `all`: every condition listed holds. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const all: ConditionWord<'all'> = {
  word: 'all',
  schema: oneKey('all', { type: 'array', minItems: 1, items: ref('condition') }),
  holds: (c, scope, holds) => c.all.every((x) => holds(x, scope)),
  check: (c, path, scope) => c.all.forEach((x, i) => scope.condition(x, `${path}.all[${i}]`)),
  inner: (c) => c.all,
};
