/**
 * `random`: a number drawn from the attempt's seed between min and max, where
 * it sets something (an object's value, setValue, advanceClock: values.ts
 * drawExpr); anywhere else the middle of its range.
 */
import { oneKey, record, type ExprWord } from '../word.ts';

export const random: ExprWord<'random'> = {
  word: 'random',
  schema: oneKey('random', record(['min', 'max', 'decimals'], {
    min: { type: 'number' },
    max: { type: 'number' },
    decimals: { type: 'integer', minimum: 0, maximum: 6 },
  })),
  // only effects and object set-up draw, as they carry the generator
  evaluate: (e) => (e.random.min + e.random.max) / 2,
  check: (e, path, scope) => {
    if (e.random.min > e.random.max) scope.problem(`${path}.random`, 'min is above max', 'min est supérieur à max');
  },
};
