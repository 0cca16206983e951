/** `mul`: the product of one or more factors. */
import { oneKey, ref, type ExprWord } from '../word.ts';

export const mul: ExprWord<'mul'> = {
  word: 'mul',
  schema: oneKey('mul', { type: 'array', minItems: 1, items: ref('expr') }),
  evaluate: (e, ctx, input, evaluate) => e.mul.reduce<number>((s, x) => s * evaluate(x, ctx, input), 1),
  check: (e, path, scope) => e.mul.forEach((x, i) => scope.expr(x, `${path}.mul[${i}]`)),
};
