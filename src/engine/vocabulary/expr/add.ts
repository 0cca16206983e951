/** `add`: the sum of one or more terms. */
import { oneKey, ref, type ExprWord } from '../word.ts';

export const add: ExprWord<'add'> = {
  word: 'add',
  schema: oneKey('add', { type: 'array', minItems: 1, items: ref('expr') }),
  evaluate: (e, ctx, input, evaluate) => e.add.reduce<number>((s, x) => s + evaluate(x, ctx, input), 0),
  check: (e, path, scope) => e.add.forEach((x, i) => scope.expr(x, `${path}.add[${i}]`)),
};
