/**
 * The `looks` word of a room object: how each of its states looks in the
 * room (open, on, fill, filling, connected, problem, alarm, done, gone,
 * absent, inside), so
 * that a drawing never claims a state the scenario did not give it. Its
 * schema fragment is `$defs.look` (and the object's `looks`) in
 * scenarios/scenario.schema.json; here are the words, the look of the
 * current state, and the check of what a schema cannot say.
 *
 * `absent` is more than a look: an object in an absent state is not in the
 * room at all (a spill before it is spilt, a notebook before the carton is
 * emptied). The view leaves it out (so neither the room nor the twin shows
 * it) and the machine judges an action on it as one on an object the room
 * does not have: no effect (compileScenario.ts).
 */
import { effectSources } from './scenarioIndex.ts';
import type { Localized, RoomObject, Scenario, StateLook } from './types';

/** Every word a look may use, in the order the authoring guide lists them. */
export const LOOK_WORDS = ['open', 'on', 'fill', 'filling', 'connected', 'problem', 'alarm', 'done', 'gone', 'absent', 'inside'] as const satisfies readonly (keyof StateLook)[];

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

/** In that state the object is not in the room at all (its look says `absent`). */
export function isAbsent(o: Pick<RoomObject, 'looks'>, state: string): boolean {
  return !!o.looks && Object.hasOwn(o.looks, state) && o.looks[state]!.absent === true;
}

/** The object has a state in which it is not in the room: an action on it must be asked whether it is there. */
export const mayBeAbsent = (o: Pick<RoomObject, 'looks'>): boolean => Object.values(o.looks ?? {}).some((l) => l.absent === true);

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
    if (look.absent && Object.keys(look).some((w) => w !== 'absent')) {
      out.push({ path: here, message: { en: 'an absent object is not drawn at all: "absent" goes alone, with no other word', fr: 'un objet absent n\'est pas dessiné du tout : « absent » s\'écrit seul, sans autre mot' } });
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

/**
 * What the checker warns of, without failing: an object that starts absent
 * and that no effect ever sets to a state in which it is in the room, so it
 * could never be seen nor used. An effect counts when it can happen while
 * the object is absent: one of a fault, or of a step or rule whose action is
 * not made on that very object (an action on an absent object has no effect).
 */
export function absenceWarnings(s: Scenario): { path: string; object: string; message: Localized }[] {
  const brought = new Set<string>();
  for (const { on, effects } of effectSources(s)) {
    for (const e of effects ?? []) {
      if (!('set' in e) || on?.target === e.set.object || on?.with === e.set.object) continue;
      const o = s.objects.find((x) => x.id === e.set.object);
      if (o && !isAbsent(o, e.set.state)) brought.add(o.id);
    }
  }
  return s.objects.flatMap((o, i) =>
    isAbsent(o, o.state) && !brought.has(o.id)
      ? [{
          path: `objects[${i}].looks.${o.state}`,
          object: o.id,
          message: {
            en: `the object ${quote(o.id)} starts absent (its state ${quote(o.state)}) and no effect of a fault, or of a step or rule on another object, ever sets it to a state that is not absent: it is never in the room, so it can never be used`,
            fr: `l'objet ${quote(o.id)} est absent au départ (son état ${quote(o.state)}) et aucun effet d'une panne, ou d'une étape ou règle sur un autre objet, ne le met dans un état qui ne l'est pas : il n'est jamais dans la salle et ne peut jamais servir`,
          },
        }]
      : [],
  );
}
