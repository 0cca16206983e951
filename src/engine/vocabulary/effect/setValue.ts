/** `setValue`: give an object (or one of its readings) a value, an expression drawn from the seed if random, that it displays. */
import { drawExpr, withValue } from '../values.ts';
import { oneKey, record, ref, type EffectWord } from '../word.ts';

export const setValue: EffectWord<'setValue'> = {
  word: 'setValue',
  schema: oneKey('setValue', record(['object', 'value'], {
    object: ref('id'),
    reading: ref('id', { description: 'One of the object\'s named readings, instead of its value.' }),
    value: ref('expr'),
  })),
  writes: 'objects',
  apply: (e, next, input) => {
    const [value, rng] = drawExpr(e.setValue.value, next, input);
    next.rng = rng;
    const o = next.objects[e.setValue.object];
    if (o) next.objects[e.setValue.object] = withValue(o, value, e.setValue.reading);
    return next;
  },
  check: (e, path, scope) => {
    const o = scope.needObject(`${path}.setValue.object`, e.setValue.object);
    if (o && e.setValue.reading !== undefined) scope.needReading(`${path}.setValue.reading`, o, e.setValue.reading);
    scope.expr(e.setValue.value, `${path}.setValue.value`);
  },
};
