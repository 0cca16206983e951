/** `div`: the first of exactly two, divided by the second. */
import { oneKey, ref, type ExprWord } from '../word.ts';

export const div: ExprWord<'div'> = {
  word: 'div',
  schema: oneKey('div', { type: 'array', minItems: 2, maxItems: 2, items: ref('expr') }),
  evaluate: (e, ctx, input, evaluate) => evaluate(e.div[0], ctx, input) / evaluate(e.div[1], ctx, input),
  check: (e, path, scope) => e.div.forEach((x, i) => scope.expr(x, `${path}.div[${i}]`)),
};
