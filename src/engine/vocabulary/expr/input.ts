/** `input`: the value typed with the action (in the effects of the step or rule answering it); elsewhere not a number. */
import { oneKey, type ExprWord } from '../word.ts';

export const input: ExprWord<'input'> = {
  word: 'input',
  schema: oneKey('input', { const: true }),
  evaluate: (_e, _ctx, typed) => typed ?? NaN,
  check: () => {},
};
