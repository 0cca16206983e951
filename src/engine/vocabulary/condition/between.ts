/** `between`: an object's displayed value (or one of its readings) is within min–max, limits included; false while it has none. */
import { readingKey, valueOf } from '../values.ts';
import { oneKey, record, ref, type ConditionWord } from '../word.ts';

export const between: ConditionWord<'between'> = {
  word: 'between',
  schema: oneKey('between', record(['object', 'min', 'max'], {
    object: ref('id'),
    reading: ref('id', { description: 'One of the object\'s named readings, instead of its value.' }),
    min: { type: 'number' },
    max: { type: 'number' },
  })),
  holds: (c, { ctx }) => {
    const v = valueOf(ctx, readingKey(c.between.object, c.between.reading));
    return v !== undefined && v >= c.between.min && v <= c.between.max;
  },
  check: (c, path, scope) => {
    const o = scope.needObject(`${path}.between.object`, c.between.object);
    if (o && c.between.reading !== undefined) scope.needReading(`${path}.between.reading`, o, c.between.reading);
  },
  // the same display, two ranges that do not meet
  contradicts: (c, other) =>
    'between' in other && other.between.object === c.between.object && other.between.reading === c.between.reading &&
    (c.between.max < other.between.min || other.between.max < c.between.min),
};
