/** `raiseFault`: raise a fault now (typically one with `"trigger": { "byRule": true }`). */
import { oneKey, ref, type EffectWord } from '../word.ts';

export const raiseFault: EffectWord<'raiseFault'> = {
  word: 'raiseFault',
  schema: oneKey('raiseFault', ref('id')),
  // carried out by the judge, which announces the fault (judge.ts applyAll splits the effects there)
  apply: (_e, next) => next,
  check: (e, path, scope) => scope.needFault(`${path}.raiseFault`, e.raiseFault),
};
