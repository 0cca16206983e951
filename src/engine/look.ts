/**
 * The `looks` word of a room object: how each of its states looks in the
 * room (open, on, fill, filling, connected, problem, alarm, done, gone,
 * inside), so
 * that a drawing never claims a state the scenario did not give it. Its
 * schema fragment is `$defs.look` (and the object's `looks`) in
 * scenarios/scenario.schema.json; here are the words, the look of the
 * current state, and the check of what a schema cannot say.
 */
import type { Localized, RoomObject, StateLook } from './types';

/** Every word a look may use, in the order the authoring guide lists them. */
export const LOOK_WORDS = ['open', 'on', 'fill', 'filling', 'connected', 'problem', 'alarm', 'done', 'gone', 'inside'] as const satisfies readonly (keyof StateLook)[];

/**
 * The declared look of an object in a state: undefined when the object
 * declares no `looks` (the room then guesses from the state name), an empty
 * look (nothing claimed) when it declares looks but not for this state.
 */
export function declaredLook(o: Pick<RoomObject, 'looks'>, state: string): StateLook | undefined {
  if (!o.looks) return undefined;
  return Object.hasOwn(o.looks, state) ? o.looks[state]! : {};
}

/** The states an object has and does not give a look (all of them when it has no `looks`). */
export function statesWithoutLook(o: Pick<RoomObject, 'states' | 'looks'>): string[] {
  return Object.keys(o.states).filter((s) => !o.looks || !Object.hasOwn(o.looks, s));
}

const quote = (s: string) => `"${s}"`;

/**
 * What the schema cannot say about an object's `looks`; `path` is the
 * object's, e.g. `objects[3]`; `ids`, the scenario's object ids (what
 * `inside` may name).
 */
export function checkLooks(o: RoomObject, path: string, ids?: ReadonlySet<string>): { path: string; message: Localized }[] {
  const out: { path: string; message: Localized }[] = [];
  for (const [state, look] of Object.entries(o.looks ?? {})) {
    const here = `${path}.looks.${state}`;
    if (!Object.hasOwn(o.states, state)) {
      out.push({ path: here, message: { en: `the object ${quote(o.id)} has no state ${quote(state)}`, fr: `l'objet ${quote(o.id)} n'a pas d'état ${quote(state)}` } });
    }
    if (look.done && look.problem) {
      out.push({ path: here, message: { en: 'a state cannot look both "done" and "problem"', fr: 'un état ne peut pas être à la fois « done » (fait) et « problem » (problème)' } });
    }
    if (look.inside !== undefined) {
      if (look.inside === o.id) out.push({ path: `${here}.inside`, message: { en: 'an object cannot be inside itself', fr: 'un objet ne peut pas être dans lui-même' } });
      else if (ids && !ids.has(look.inside)) {
        out.push({ path: `${here}.inside`, message: { en: `there is no object ${quote(look.inside)} to be inside`, fr: `il n'y a pas d'objet ${quote(look.inside)} où être placé` } });
      }
    }
  }
  return out;
}
