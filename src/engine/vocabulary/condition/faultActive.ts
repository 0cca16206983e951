/** `faultActive`: the fault has been raised and is not handled yet. */
import type { AttemptContext } from '../../types';
import { oneKey, ref, type ConditionWord } from '../word.ts';

export function faultActive(ctx: AttemptContext, faultId: string, handled: (id: string) => boolean): boolean {
  return ctx.raised[faultId] !== undefined && !handled(faultId);
}

export const faultActiveWord: ConditionWord<'faultActive'> = {
  word: 'faultActive',
  schema: oneKey('faultActive', ref('id')),
  holds: (c, { ctx, faultHandled }) => faultActive(ctx, c.faultActive, faultHandled),
  check: (c, path, scope) => scope.needFault(`${path}.faultActive`, c.faultActive),
};
