/** `newLot`: a replacement bag or bottle gets a new lot number (and expiry) drawn from the seed (src/engine/lots.ts). */
import { checkNewLot, drawNewLot } from '../../lots.ts';
import { oneKey, ref, type EffectWord } from '../word.ts';

export const newLot: EffectWord<'newLot'> = {
  word: 'newLot',
  schema: oneKey('newLot', ref('id', { description: 'An object with a `lot`: a replacement bag or bottle gets a new lot number (and expiry, with `expiry`) drawn from the seed.' })),
  apply: (e, next, _input, scenario) => (scenario ? drawNewLot(scenario, next, e.newLot) : next),
  check: (e, path, scope) => scope.problems(checkNewLot(scope.scenario, e.newLot, `${path}.newLot`)),
};
