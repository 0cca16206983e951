/** `advanceClock`: move the simulated clock on by some minutes (an expression; zero, negative or not a number does nothing). */
import { drawExpr } from '../values.ts';
import { oneKey, ref, type EffectWord } from '../word.ts';

export const advanceClock: EffectWord<'advanceClock'> = {
  word: 'advanceClock',
  schema: oneKey('advanceClock', ref('expr')),
  apply: (e, next, input) => {
    const [minutes, rng] = drawExpr(e.advanceClock, next, input);
    next.rng = rng;
    next.clock += Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
    return next;
  },
  check: (e, path, scope) => scope.expr(e.advanceClock, `${path}.advanceClock`),
};
