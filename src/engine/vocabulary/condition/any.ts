/** `any`: at least one condition listed holds. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const any: ConditionWord<'any'> = {
  word: 'any',
  schema: oneKey('any', { type: 'array', minItems: 1, items: ref('condition') }),
  holds: (c, scope, holds) => c.any.some((x) => holds(x, scope)),
  check: (c, path, scope) => c.any.forEach((x, i) => scope.condition(x, `${path}.any[${i}]`)),
  inner: (c) => c.any,
};
