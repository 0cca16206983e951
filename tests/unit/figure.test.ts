/**
 * Gestures with visible consequences, the pure parts: what the operator
 * figure of the changing room wears as the gowning procedure goes on (read
 * from the objects' kinds and looks), where it stands (clear of every
 * object), and which objects are inside another (the thawed vial in the
 * safety cabinet) and where they stand there. The expectations follow the
 * procedure as a trainee meets it, written by hand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { ActEvent, AttemptOptions, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { viewOf } from '../../src/engine/view';
import { figureBox, wornBy, wornWords } from '../../src/game/figure';
import { holdersOf, insideSpot } from '../../src/game/inside';
import { overlapArea, placeOf, sizeOf } from '../../src/game/layout';
import { gowning } from './fixtures';

const load = (id: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario;
const NONE: AttemptOptions = { seed: 1, mode: 'training', forcedFault: 'none' };

/** The objects as the room sees them after the perfect run's events up to (and with) the one that matches. */
function objectsAfter(s: Scenario, options: AttemptOptions, until: (e: ActEvent) => boolean) {
  const c = prepare(s);
  const events = perfectRun(c, options).events;
  const k = events.findIndex(until);
  expect(k, 'the event is in the perfect run').toBeGreaterThanOrEqual(0);
  return viewOf(c, new Attempt(c, options, events.slice(0, k + 1)).snapshot).objects;
}
const atStart = (s: Scenario) => {
  const c = prepare(s);
  return viewOf(c, new Attempt(c, NONE).snapshot).objects;
};
const after = (target: string, verb: string, options = NONE, s = gowning()) => objectsAfter(s, options, (e) => e.target === target && e.verb === verb);

describe('what the operator wears through the gowning', () => {
  it('arrives in street clothes with watch and jewellery on', () => {
    expect(wornWords(wornBy(atStart(gowning())))).toBe('street,jewellery');
  });

  it('takes the jewellery off first, still in street clothes', () => {
    expect(wornWords(wornBy(after('personal-items', 'remove')))).toBe('street');
  });

  it('leaves the street clothes for the facility suit', () => {
    const w = wornBy(after('facility-suit', 'don'));
    expect(w.street).toBe(false);
    expect(w.garments).toEqual(['facility-suit']);
  });

  it('puts on the first gloves, the hood and the mask, still without the coverall', () => {
    expect(wornWords(wornBy(after('mask', 'don')))).toBe('facility-suit,hood,mask,gloves×1');
  });

  it('wears everything, two pairs of gloves, before the mirror check', () => {
    const w = wornBy(after('outer-gloves', 'don'));
    expect(w.garments.sort()).toEqual(['coverall', 'facility-suit', 'gloves', 'goggles', 'hood', 'mask', 'overboots']);
    expect(w.gloves).toBe(2);
    expect(w.torn).toBe(false);
  });

  it('shows the torn outer glove found at the mirror', () => {
    const w = wornBy(after('mirror', 'check', { ...NONE, forcedFault: 'torn-glove' }));
    expect(w.torn).toBe(true);
    expect(w.gloves).toBe(2);
  });

  it('reads kinds and looks, not ids: any object of a garment kind worn is on the figure', () => {
    const v = (kind: string, look: object) => ({ kind, state: 's', alert: false, look });
    expect(wornBy([v('coverall', { on: true })]).garments).toEqual(['coverall']);
    expect(wornBy([v('coverall', { on: true })]).street).toBe(false);
    // a pack of gloves damaged in its pouch is neither worn nor a torn glove on the hand
    expect(wornBy([v('gloves', { problem: true })])).toMatchObject({ gloves: 0, torn: false });
    // a coverall thrown away is not worn, whatever else it says
    expect(wornBy([v('coverall', { on: true, gone: true })]).garments).toEqual([]);
    // a worn object of another kind (a running pump) puts nothing on
    expect(wornBy([v('pump', { on: true })])).toMatchObject({ garments: [], jewellery: false, street: true });
  });
});

describe('where the operator stands', () => {
  it('stands in the changing room clear of every gowning object', () => {
    const s = gowning();
    const box = figureBox(s.room, s.objects)!;
    expect(box).not.toBeNull();
    s.objects.forEach((o, i) => {
      const at = placeOf(o.at, i, s.objects.length);
      const { w, h } = sizeOf(o.kind);
      expect(overlapArea(box, { x: at.x - w / 2, y: at.y - h / 2, w, h }), `the figure over ${o.id}`).toBe(0);
    });
  });

  it('is only in the changing room, and only when the scenario has garments', () => {
    expect(figureBox('grade-b-lab', [{ kind: 'gloves' }])).toBeNull();
    expect(figureBox('changing-room', [{ kind: 'sink' }])).toBeNull();
  });
});

describe('objects inside another', () => {
  const s = load('inoculation');

  it('has nothing inside the cabinet but the settle plate, once exposed, until the thawed vial is wiped and put in', () => {
    expect([...holdersOf(atStart(s))]).toEqual([]);
    expect([...holdersOf(objectsAfter(s, NONE, (e) => e.target === 'settle-plate' && e.verb === 'expose'))]).toEqual([['settle-plate', 'cabinet']]);
    expect([...holdersOf(objectsAfter(s, NONE, (e) => e.target === 'water-bath' && e.verb === 'thaw'))]).toEqual([['settle-plate', 'cabinet']]);
    expect([...holdersOf(objectsAfter(s, NONE, (e) => e.target === 'ipa-spray' && e.verb === 'wipe-vial'))]).toEqual([['vial', 'cabinet'], ['settle-plate', 'cabinet']]);
  });

  it('keeps the vial in the cabinet once emptied into the medium', () => {
    expect(holdersOf(objectsAfter(s, NONE, (e) => e.target === 'vial' && e.verb === 'dilute')).get('vial')).toBe('cabinet');
  });

  it('ignores an object said inside itself or inside what is not in the room, and nests one level only', () => {
    const o = (id: string, inside?: string) => ({ id, look: inside ? { inside } : {} });
    expect([...holdersOf([o('a', 'a'), o('b', 'nowhere')])]).toEqual([]);
    expect([...holdersOf([o('box'), o('tube', 'box'), o('cap', 'tube')])]).toEqual([['tube', 'box']]);
  });

  it('stands a vial on the cabinet work surface, under the sash, inside the drawing', () => {
    // the cabinet of the inoculation at (33.6 %, 38.9 %) of 1280 × 720, 147 × 133 units: its work zone
    // is 12 units in from each side and from 20 % to 76 % of its height
    const cab = { kind: 'cabinet', x: 430.08, y: 280.08 };
    const zone = { x: 430.08 - 73.5 + 12, y: 280.08 - 66.5 + 26.6, w: 123, h: 74.48 };
    const p = insideSpot(cab, { kind: 'vial' }, 0, 1);
    const vial = sizeOf('vial');
    // drawn at 0.8 of its size inside (the room's INSIDE_SCALE)
    const box = { x: p.x - vial.w * 0.4, y: p.y - vial.h * 0.4, w: vial.w * 0.8, h: vial.h * 0.8 };
    expect(box.x).toBeGreaterThanOrEqual(zone.x);
    expect(box.x + box.w).toBeLessThanOrEqual(zone.x + zone.w);
    expect(box.y + box.h).toBeLessThanOrEqual(zone.y + zone.h + 2);
    // towards the right of the surface: the middle stays free for the work
    expect(p.x).toBeGreaterThan(cab.x);
  });
});

describe('validation of inside', () => {
  const problems = (s: Scenario) => {
    const v = validateScenario(s);
    return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
  };
  const i = load('inoculation').objects.findIndex((o) => o.id === 'vial');

  it('accepts the shipped inoculation', () => {
    expect(problems(load('inoculation'))).toEqual([]);
  });

  it('refuses an object that is not in the scenario, and an object inside itself', () => {
    const s = load('inoculation');
    s.objects[i]!.looks!['in-cabinet'] = { inside: 'incubator' };
    s.objects[i]!.looks!.emptied = { fill: 0, done: true, inside: 'vial' };
    expect(problems(s)).toEqual([
      `objects[${i}].looks.in-cabinet.inside: there is no object "incubator" to be inside`,
      `objects[${i}].looks.emptied.inside: an object cannot be inside itself`,
    ]);
  });

  it('refuses an inside that is not an object id (the schema)', () => {
    const s = load('inoculation') as unknown as { objects: { looks: Record<string, unknown> }[] };
    s.objects[i]!.looks['in-cabinet'] = { inside: 3 };
    expect(problems(s as unknown as Scenario)).toEqual([`objects[${i}].looks.in-cabinet.inside: should be of type string`]);
  });
});
