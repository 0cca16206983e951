/**
 * The `looks` word: its validation, the look the view gives for the current
 * state, the rule the room follows (declared look wins, a state left out is
 * plain, the keyword guess only without `looks`), and the warnings of
 * `npm run scenarios:check` on what the room would have to make up.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { declaredLook } from '../../src/engine/look';
import type { Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';
import { DRAWN_KINDS, DRAWN_ROOMS, drawingWarnings } from '../../src/game/drawings';
import { KNOWN_KINDS } from '../../src/game/equipment';
import { ROOMS } from '../../src/game/rooms';
import { lookFor, lookOf } from '../../src/game/stateLook';
import { act, gowning } from './fixtures';

const root = resolve(import.meta.dirname, '../..');
const problemsOf = (data: unknown) => {
  const v = validateScenario(data);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};
const objectOf = (s: Scenario, id: string) => s.objects.find((o) => o.id === id)!;
const indexOf = (s: Scenario, id: string) => s.objects.findIndex((o) => o.id === id);

/** Gowning with hand-written looks on three objects, none on the others. */
function gowningWithLooks(): Scenario {
  const s = gowning();
  for (const o of s.objects) delete o.looks;
  objectOf(s, 'personal-items').looks = { worn: {}, removed: { done: true, fill: 0 } };
  objectOf(s, 'outer-gloves').looks = { packed: {}, worn: { done: true }, torn: { problem: true } };
  // the mirror leaves its state "idle" out
  objectOf(s, 'mirror').looks = { checked: { done: true } };
  return s;
}

describe('validation of looks', () => {
  it('accepts looks for some or all states', () => {
    expect(problemsOf(gowningWithLooks())).toEqual([]);
  });

  it('names a look for a state the object does not have, with its path, in both languages', () => {
    const s = gowningWithLooks();
    objectOf(s, 'personal-items').looks!['taken-off'] = { done: true };
    const i = indexOf(s, 'personal-items');
    expect(problemsOf(s)).toEqual([`objects[${i}].looks.taken-off: the object "personal-items" has no state "taken-off"`]);
    const v = validateScenario(s);
    expect(v.ok ? [] : v.problems.map((p) => p.message.fr)).toEqual([`l'objet "personal-items" n'a pas d'état "taken-off"`]);
  });

  it('refuses a look that is both done and a problem', () => {
    const s = gowningWithLooks();
    objectOf(s, 'outer-gloves').looks!.torn = { problem: true, done: true };
    expect(problemsOf(s)).toEqual([`objects[${indexOf(s, 'outer-gloves')}].looks.torn: a state cannot look both "done" and "problem"`]);
  });

  it('refuses bad values and unknown words through the schema', () => {
    const s = gowningWithLooks() as unknown as { objects: { id: string; looks?: Record<string, Record<string, unknown>> }[] };
    const i = s.objects.findIndex((o) => o.id === 'outer-gloves');
    const looks = s.objects[i]!.looks!;
    looks.packed = { fill: 1.5 };
    looks.worn = { done: 'yes' };
    looks.torn = { torn: true };
    const problems = problemsOf(s);
    expect(problems).toContain(`objects[${i}].looks.packed.fill: should be <= 1`);
    expect(problems).toContain(`objects[${i}].looks.worn.done: should be of type boolean`);
    expect(problems).toContain(`objects[${i}].looks.torn: unknown field "torn"`);
  });

  it('refuses a looks key that is not an id', () => {
    const s = gowningWithLooks();
    objectOf(s, 'mirror').looks!['Checked Twice'] = {};
    expect(problemsOf(s).some((p) => p.startsWith(`objects[${indexOf(s, 'mirror')}].looks`))).toBe(true);
  });
});

describe('the look in the view', () => {
  const c = prepare(gowningWithLooks());
  const lookOfObject = (a: Attempt, id: string) => viewOf(c, a.snapshot).objects.find((o) => o.id === id)!.look;

  it('is the declared look of the current state, and follows the state', () => {
    const a = new Attempt(c, { seed: 1, mode: 'training', forcedFault: 'none' });
    expect(lookOfObject(a, 'personal-items')).toEqual({});
    a.send(act('remove', 'personal-items'));
    expect(viewOf(c, a.snapshot).objects.find((o) => o.id === 'personal-items')!.state).toBe('removed');
    expect(lookOfObject(a, 'personal-items')).toEqual({ done: true, fill: 0 });
  });

  it('is empty for a state the looks leave out, undefined for an object without looks', () => {
    const a = new Attempt(c, { seed: 1, mode: 'training', forcedFault: 'none' });
    expect(lookOfObject(a, 'mirror')).toEqual({});
    expect(lookOfObject(a, 'sink')).toBeUndefined();
    expect(declaredLook({ looks: { a: { on: true } } }, 'a')).toEqual({ on: true });
    // a state name that is also an Object.prototype key is not read from the prototype
    expect(declaredLook({ looks: { a: { on: true } } }, 'constructor')).toEqual({});
  });
});

describe('what the room draws', () => {
  it('a declared look wins over the state name: "worn" personal items are not done', () => {
    expect(lookOf('worn').done).toBe(true);
    const l = lookFor({ state: 'worn', alert: false, look: {} });
    expect(l).toMatchObject({ done: false, problem: false, alarm: false, gone: false, guessed: false });
    expect(lookFor({ state: 'idle', alert: false, look: { done: true } }).done).toBe(true);
  });

  it('a state left out of the looks is drawn plain: closed, off, unconnected, nothing done or wrong, usual level', () => {
    expect(lookFor({ state: 'torn-open-alarm', alert: false, look: {} })).toEqual({
      open: false, on: false, fill: undefined, filling: false, connected: false, problem: false, alarm: false, done: false, gone: false, guessed: false,
    });
  });

  it('every declared word reaches the drawing', () => {
    const look = { open: true, on: true, fill: 0.3, filling: true, connected: true, problem: true, alarm: true, gone: true };
    expect(lookFor({ state: 'x', alert: false, look })).toEqual({ ...look, done: false, guessed: false });
  });

  it('an unanswered fault on the object still adds the alarm', () => {
    expect(lookFor({ state: 'worn', alert: true, look: {} }).alarm).toBe(true);
    expect(lookFor({ state: 'worn', alert: true }).alarm).toBe(true);
  });

  it('the keyword guess is used only without looks', () => {
    expect(lookFor({ state: 'worn', alert: false })).toMatchObject({ done: true, guessed: true });
    expect(lookFor({ state: 'torn', alert: false })).toMatchObject({ problem: true, guessed: true });
    expect(lookFor({ state: 'torn', alert: false, look: {} }).problem).toBe(false);
  });
});

describe('the built-in scenarios', () => {
  const dir = resolve(root, 'scenarios');
  const files = readdirSync(dir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'));

  it('draw no tick and no red mark before anything is done (the watch, the medium flask, the bioreactor…)', () => {
    for (const f of files) {
      const c = prepare(JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Scenario);
      const a = new Attempt(c, { seed: 1, mode: 'training', forcedFault: 'none' });
      const marked = viewOf(c, a.snapshot).objects.filter((o) => lookFor(o).done || lookFor(o).problem).map((o) => o.id);
      expect(marked, f).toEqual([]);
    }
  });

  it('gowning: the watch worn is not done, put away it is', () => {
    const c = prepare(gowning());
    const a = new Attempt(c, { seed: 1, mode: 'training', forcedFault: 'none' });
    const watch = () => viewOf(c, a.snapshot).objects.find((o) => o.id === 'personal-items')!;
    expect(lookFor(watch())).toMatchObject({ done: false, guessed: false });
    a.send(act('remove', 'personal-items'));
    expect(lookFor(watch())).toMatchObject({ done: true, fill: 0, guessed: false });
  });
});

describe('drawing warnings', () => {
  const fixture = (): Scenario => JSON.parse(readFileSync(resolve(import.meta.dirname, 'scenarios/hand-wash-warnings.json'), 'utf8')) as Scenario;

  it('the lists of drawn kinds and rooms are the drawings the room registers', () => {
    expect([...DRAWN_KINDS].sort()).toEqual([...KNOWN_KINDS].sort());
    expect([...DRAWN_ROOMS].sort()).toEqual(Object.keys(ROOMS).sort());
  });

  it('name the object and the word: a kind without drawing, an object without looks, a state without look', () => {
    const s = fixture();
    expect(validateScenario(s).ok).toBe(true);
    expect(drawingWarnings(s).map((w) => [w.path, w.object, w.word])).toEqual([
      ['objects[0].looks', 'personal-items', 'worn, removed'],
      ['objects[1].looks', 'sink', 'used'],
      ['objects[2].kind', 'hand-dryer', 'hand-dryer'],
    ]);
  });

  it('name a room without drawing', () => {
    const s = fixture();
    s.room = 'moon-base';
    expect(drawingWarnings(s)[0]).toMatchObject({ path: 'room', word: 'moon-base' });
    expect(drawingWarnings(s)[0]!.message.en).toMatch(/"moon-base" has no drawing/);
  });

  it('none for a scenario fully drawn and declared', () => {
    const s = fixture();
    s.objects = s.objects.filter((o) => o.kind !== 'hand-dryer');
    for (const o of s.objects) o.looks = Object.fromEntries(Object.keys(o.states).map((k) => [k, {}]));
    expect(drawingWarnings(s)).toEqual([]);
  });

  it('none for the built-in scenarios', () => {
    const dir = resolve(root, 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'))) {
      const s = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Scenario;
      expect(drawingWarnings(s).map((w) => `${f}: ${w.path}: ${w.message.en}`)).toEqual([]);
    }
  });

  it('scenarios:check prints them with the file name and still passes', () => {
    const run = spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/checkScenarios.ts', 'tests/unit/scenarios/hand-wash-warnings.json'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      'hand-wash-warnings.json: warning: objects[0].looks: the object "personal-items" declares no "looks": the room guesses how its states "worn", "removed" look from their names',
      'hand-wash-warnings.json: warning: objects[1].looks: the object "sink" declares no look for its state "used": it is drawn plain (nothing open, on, done or wrong)',
      'hand-wash-warnings.json: warning: objects[2].kind: the object "hand-dryer" is of kind "hand-dryer", which has no drawing: it is drawn as a plain cabinet',
    ]);
    expect(run.stdout).toMatch(/hand-wash-warnings +15 +100\/100 +\d+ +ok, 3 warning\(s\)/);
    expect(run.stdout).toMatch(/3 warning\(s\) on how the room draws them/);
  }, 60_000);
});
