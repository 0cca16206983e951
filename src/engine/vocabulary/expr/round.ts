/** `round`: an expression rounded to 0–6 decimals. */
import { oneKey, ref, type ExprWord } from '../word.ts';

export const round: ExprWord<'round'> = {
  word: 'round',
  schema: oneKey('round', { type: 'array', minItems: 2, maxItems: 2, prefixItems: [ref('expr'), { type: 'integer', minimum: 0, maximum: 6 }] }),
  evaluate: (e, ctx, input, evaluate) => {
    const f = 10 ** e.round[1];
    return Math.round(evaluate(e.round[0], ctx, input) * f) / f;
  },
  check: (e, path, scope) => scope.expr(e.round[0], `${path}.round[0]`),
};
