/** `value`: the value an object displays, or one of its named readings ("console.ph"); not a number while it has none. */
import { PATTERNS } from '../../schemaPatterns.ts';
import { valueOf } from '../values.ts';
import { oneKey, quote, type ExprWord } from '../word.ts';

export const value: ExprWord<'value'> = {
  word: 'value',
  schema: oneKey('value', {
    type: 'string',
    pattern: PATTERNS.valueKey.pattern,
    maxLength: 121,
    description: 'An object\'s value ("balance"), or one of its named readings ("console.ph").',
  }),
  evaluate: (e, ctx) => valueOf(ctx, e.value) ?? NaN,
  check: (e, at, scope) => {
    const path = `${at}.value`;
    const [id, reading] = e.value.split('.', 2) as [string, string | undefined];
    const o = scope.needObject(path, id);
    if (o && reading !== undefined) {
      const r = (o.readings ?? []).find((x) => x.id === reading);
      if (!r) scope.needReading(path, o, reading);
      else if (r.value === undefined && !scope.setsValue(id, reading)) scope.problem(path, `the reading ${quote(e.value)} never has a value`, `la lecture ${quote(e.value)} n'a jamais de valeur`);
    } else if (o && o.value === undefined && !scope.setsValue(id)) scope.problem(path, `the object ${quote(e.value)} never has a value`, `l'objet ${quote(e.value)} n'a jamais de valeur`);
  },
};
