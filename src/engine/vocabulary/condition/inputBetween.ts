/**
 * `inputBetween`: the value typed with the action being judged is within
 * min–max. Only a rule sees a typed value; the checker refuses the word in a
 * step's `when` (`misplaced`).
 */
import { oneKey, record, type ConditionWord } from '../word.ts';

export const inputBetween: ConditionWord<'inputBetween'> = {
  word: 'inputBetween',
  schema: oneKey('inputBetween', record(['min', 'max'], { min: { type: 'number' }, max: { type: 'number' } })),
  holds: (c, { input }) => input !== undefined && input >= c.inputBetween.min && input <= c.inputBetween.max,
  check: () => {},
  misplaced: (rule) =>
    rule ? undefined : ['a step\'s "when" is judged before any value is typed, so "inputBetween" never holds here: judge the value with "expect"', "le « when » d'une étape est jugé avant toute saisie : « inputBetween » n'y est jamais vrai, jugez la valeur avec « expect »"],
  contradicts: (c, other) => 'inputBetween' in other && (c.inputBetween.max < other.inputBetween.min || other.inputBetween.max < c.inputBetween.min),
};
