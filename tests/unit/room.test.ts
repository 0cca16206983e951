/**
 * The room's pure parts, without a browser: state names read as looks (the
 * fallback for objects without `looks`, see look.test.ts), the
 * drag rule, where objects and labels go, which object a tap means, how long
 * names are shortened, and how many canvas pixels the room gets.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS } from '../../src/game/equipment';
import { pick, pixelZoom, placeLabels, placeOf, ROOM_H, ROOM_W, shortName, sizeOf } from '../../src/game/layout';
import { clampClosed, dragVerbOf, lookOf } from '../../src/game/stateLook';

describe('state names read as looks', () => {
  it('open and closed, on and off, fill levels', () => {
    expect(lookOf('open').open).toBe(true);
    expect(lookOf('closed').open).toBe(false);
    expect(lookOf('sealed').open).toBe(false);
    expect(lookOf('running').on).toBe(true);
    expect(lookOf('idle').on).toBe(false);
    expect(lookOf('empty').fill).toBe(0);
    expect(lookOf('full').fill).toBe(1);
    expect(lookOf('wfi-half').fill).toBe(0.5);
    expect(lookOf('filling')).toMatchObject({ filling: true, fill: 0.5 });
  });

  it('connections, negations included', () => {
    expect(lookOf('connected').connected).toBe(true);
    expect(lookOf('weld-ok').done).toBe(true);
    expect(lookOf('welded').connected).toBe(true);
    expect(lookOf('not-connected').connected).toBe(false);
    expect(lookOf('disconnected').connected).toBe(false);
    expect(lookOf('apart').connected).toBe(false);
    expect(lookOf('no-flow')).toMatchObject({ problem: true, on: false });
  });

  it('problems get the red mark and no check; alarms blink; done gets the check', () => {
    for (const s of ['torn', 'expired', 'damaged', 'contaminated', 'rejected', 'pack-damaged', 'leak-found', 'out-of-spec', 'weld-failed', 'stuck']) {
      expect(lookOf(s).problem, s).toBe(true);
      expect(lookOf(s).done, s).toBe(false);
    }
    for (const s of ['alarm', 'ringing', 'high']) expect(lookOf(s).alarm, s).toBe(true);
    expect(lookOf('idle', true).alarm).toBe(true);
    for (const s of ['worn', 'used', 'checked', 'noted', 'passed', 'crossed', 'stored', 'removed', 'calibrated']) expect(lookOf(s).done, s).toBe(true);
    for (const s of ['idle', 'packed', 'folded', 'street-clothes', 'unchecked', 'quiet']) {
      expect(lookOf(s).done, s).toBe(false);
      expect(lookOf(s).problem, s).toBe(false);
    }
    expect(lookOf('discarded').gone).toBe(true);
  });

  it('a clamp "on" is closed, "off" open, and open/closed say it directly', () => {
    expect(clampClosed('on')).toBe(true);
    expect(clampClosed('off')).toBe(false);
    expect(clampClosed('open')).toBe(false);
    expect(clampClosed('closed')).toBe(true);
  });
});

describe('drag', () => {
  it('only an object whose single action is a drag verb without a value can be dragged', () => {
    expect(dragVerbOf([{ verb: 'connect' }])).toBe('connect');
    expect(dragVerbOf([{ verb: 'transfer' }])).toBe('transfer');
    expect(dragVerbOf([{ verb: 'transfer-inoculum' }])).toBe('transfer-inoculum');
    expect(dragVerbOf([{ verb: 'weld' }])).toBe('weld');
    expect(dragVerbOf([{ verb: 'connect' }, { verb: 'check' }])).toBeNull();
    expect(dragVerbOf([{ verb: 'load', input: { label: { fr: 'x', en: 'x' }, unit: 'mL', min: 0, max: 1, step: 1 } }])).toBeNull();
    expect(dragVerbOf([{ verb: 'don' }])).toBeNull();
    expect(dragVerbOf([])).toBeNull();
  });
});

describe('layout', () => {
  it('every `at` lands inside the room, with room for the object', () => {
    for (const at of [[0, 0], [100, 100], [99, 80], [50, 50]] as [number, number][]) {
      const p = placeOf(at, 0, 1);
      expect(p.x).toBeGreaterThan(40);
      expect(p.x).toBeLessThan(ROOM_W - 40);
      expect(p.y).toBeGreaterThan(40);
      expect(p.y).toBeLessThan(ROOM_H - 60);
    }
    const a = placeOf(undefined, 0, 3);
    const b = placeOf(undefined, 1, 3);
    expect(a.x).toBeLessThan(b.x);
  });

  it('a tap means the nearest object within its target, never a far one', () => {
    const targets = [
      { id: 'a', x: 100, y: 100, r: 30 },
      { id: 'b', x: 140, y: 100, r: 30 },
    ];
    expect(pick(targets, 100, 100, 20)).toBe('a');
    expect(pick(targets, 140, 100, 20)).toBe('b');
    expect(pick(targets, 123, 100, 20)).toBe('b');
    expect(pick(targets, 400, 400, 20)).toBeNull();
    // a small object still gets the minimum touch target
    expect(pick([{ id: 'c', x: 0, y: 0, r: 5 }], 0, 40, 50)).toBe('c');
  });

  it('labels avoid each other and stay in the room', () => {
    const reqs = [0, 1, 2].map((i) => ({ id: `o${i}`, x: 600 + i * 20, y: 400, objW: 80, objH: 80, w: 150, h: 30 }));
    const placed = [...placeLabels(reqs).values()];
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(ROOM_W);
      for (let j = i + 1; j < placed.length; j++) {
        const q = placed[j]!;
        const overlaps = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
        expect(overlaps).toBe(false);
      }
    }
    const edge = placeLabels([{ id: 'e', x: 10, y: ROOM_H - 5, objW: 80, objH: 80, w: 150, h: 30 }]).get('e')!;
    expect(edge.x).toBeGreaterThanOrEqual(0);
    expect(edge.y + edge.h).toBeLessThanOrEqual(ROOM_H);
  });

  it('long names are shortened at a word, without their details in brackets', () => {
    expect(shortName('Lavabo')).toBe('Lavabo');
    expect(shortName('Bain-marie à 37 °C')).toBe('Bain-marie à 37 °C');
    expect(shortName('Flacon de banque de cellules de travail haute densité (cryotube 4,5 mL)')).toBe('Flacon de banque de cellules…');
    expect(shortName('Bioréacteur à usage unique à bascule (poche, 960 mL de milieu)')).toBe('Bioréacteur à usage unique…');
    expect(shortName('x'.repeat(50)).length).toBeLessThanOrEqual(30);
  });

  it('the canvas gets as many pixels as the screen shows, within ½× and 2× the stage', () => {
    // a 1024-wide tablet at devicePixelRatio 1: the canvas is 1024 wide, not the stage's 1280
    expect(pixelZoom(1024, 1)).toBe(0.8);
    expect(pixelZoom(1000, 1)).toBe(0.8);
    expect(pixelZoom(1280, 1)).toBe(1);
    expect(pixelZoom(600, 1)).toBe(0.5);
    expect(pixelZoom(300, 1)).toBe(0.5);
    expect(pixelZoom(760, 2)).toBe(1.2);
    expect(pixelZoom(1100, 2)).toBe(1.75);
    expect(pixelZoom(1900, 3)).toBe(2);
    expect(pixelZoom(0, 0)).toBe(0.5);
  });
});

describe('kinds', () => {
  it('every kind of the procedures has its own drawing (others get the generic cabinet)', () => {
    const kinds = 'door bench sink locker dispenser spray mirror logbook document garment-pack gloves hood mask coverall overboots goggles personal-items facility-suit balance bottle vessel ph-meter osmometer filter bag pump integrity-tester label cabinet water-bath vial cell-counter pipette bioreactor control-panel sample-port incubator manifold connector tube-welder tube-sealer clamp pressure-gauge chromatography-skid column valve uv-monitor waste phone alarm computer status-board freezer wfi-tap particle-counter'.split(' ');
    const known = new Set(KNOWN_KINDS);
    expect(kinds.filter((k) => !known.has(k))).toEqual([]);
    expect(sizeOf('bioreactor').w).toBeGreaterThan(sizeOf('vial').w);
  });

});
