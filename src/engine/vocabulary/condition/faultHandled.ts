/** `faultHandled`: the fault was raised and all its steps are done. */
import { oneKey, ref, type ConditionWord } from '../word.ts';

export const faultHandled: ConditionWord<'faultHandled'> = {
  word: 'faultHandled',
  schema: oneKey('faultHandled', ref('id')),
  holds: (c, { ctx, faultHandled: handled }) => ctx.raised[c.faultHandled] !== undefined && handled(c.faultHandled),
  check: (c, path, scope) => scope.needFault(`${path}.faultHandled`, c.faultHandled),
};
