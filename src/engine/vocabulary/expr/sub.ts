/** `sub`: the first of exactly two, less the second. */
import { oneKey, ref, type ExprWord } from '../word.ts';

export const sub: ExprWord<'sub'> = {
  word: 'sub',
  schema: oneKey('sub', { type: 'array', minItems: 2, maxItems: 2, items: ref('expr') }),
  evaluate: (e, ctx, input, evaluate) => evaluate(e.sub[0], ctx, input) - evaluate(e.sub[1], ctx, input),
  check: (e, path, scope) => e.sub.forEach((x, i) => scope.expr(x, `${path}.sub[${i}]`)),
};
