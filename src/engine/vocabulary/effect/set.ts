/** `set`: put an object in one of its states. */
import { oneKey, quote, record, ref, type EffectWord } from '../word.ts';

export const set: EffectWord<'set'> = {
  word: 'set',
  schema: oneKey('set', record(['object', 'state'], { object: ref('id'), state: ref('id') })),
  writes: 'objects',
  apply: (e, next) => {
    next.objects[e.set.object] = { ...next.objects[e.set.object], state: e.set.state };
    return next;
  },
  check: (e, path, scope) => {
    const o = scope.needObject(`${path}.set.object`, e.set.object);
    if (o && !(e.set.state in o.states)) {
      scope.problem(`${path}.set.state`, `the object ${quote(o.id)} has no state ${quote(e.set.state)}`, `l'objet ${quote(o.id)} n'a pas d'état ${quote(e.set.state)}`);
    }
  },
};
