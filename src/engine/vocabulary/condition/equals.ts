/** `equals`: an object is in a given state (one of its `states`). */
import { oneKey, quote, record, ref, type ConditionWord } from '../word.ts';

export const equals: ConditionWord<'equals'> = {
  word: 'equals',
  schema: oneKey('equals', record(['object', 'state'], { object: ref('id'), state: ref('id') })),
  holds: (c, { ctx }) => ctx.objects[c.equals.object]?.state === c.equals.state,
  check: (c, path, scope) => {
    const o = scope.needObject(`${path}.equals.object`, c.equals.object);
    if (o && !(c.equals.state in o.states)) {
      scope.problem(`${path}.equals.state`, `the object ${quote(o.id)} has no state ${quote(c.equals.state)}`, `l'objet ${quote(o.id)} n'a pas d'état ${quote(c.equals.state)}`);
    }
  },
  // one object is in one state at a time
  contradicts: (c, other) => 'equals' in other && other.equals.object === c.equals.object && other.equals.state !== c.equals.state,
};
