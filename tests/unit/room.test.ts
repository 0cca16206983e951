/**
 * The room's pure parts, without a browser: state names read as looks (the
 * fallback for objects without `looks`, see look.test.ts), the drag rule,
 * where objects and labels go, which object a tap means, how names wrap, the
 * bounds of a drawing, and how many canvas pixels the room gets. (Stations
 * and their close-ups: stations.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS } from '../../src/game/equipment';
import { commandBounds, layoutLabels, overlapArea, pick, pixelZoom, placeOf, ROOM_H, ROOM_W, sizeOf, wrapVariants } from '../../src/game/layout';
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
  it('every `at` (percent of the room) lands inside the room, with room for the object', () => {
    for (const at of [[0, 0], [100, 100], [99, 80], [50, 50]] as [number, number][]) {
      const p = placeOf(at, 0, 1);
      expect(p.x).toBeGreaterThanOrEqual(40);
      expect(p.x).toBeLessThanOrEqual(ROOM_W - 40);
      expect(p.y).toBeGreaterThanOrEqual(40);
      expect(p.y).toBeLessThanOrEqual(ROOM_H - 40);
    }
    expect(placeOf([50, 50], 0, 1)).toEqual({ x: ROOM_W / 2, y: ROOM_H / 2 });
    const a = placeOf(undefined, 0, 3);
    const b = placeOf(undefined, 1, 3);
    expect(a.x).toBeLessThan(b.x);
  });

  it("a tap means the drawing that holds it (grown to a touch target), the nearest drawing's centre first", () => {
    const targets = [
      { id: 'a', box: { x: 70, y: 70, w: 60, h: 60 } },
      { id: 'b', box: { x: 110, y: 70, w: 60, h: 60 } },
    ];
    expect(pick(targets, 100, 100, 20)).toBe('a');
    expect(pick(targets, 140, 100, 20)).toBe('b');
    expect(pick(targets, 123, 100, 20)).toBe('b');
    expect(pick(targets, 400, 400, 20)).toBeNull();
    // a small drawing still gets the minimum touch target
    expect(pick([{ id: 'c', box: { x: -5, y: -5, w: 10, h: 10 } }], 0, 20, 50)).toBe('c');
    expect(pick([{ id: 'c', box: { x: -5, y: -5, w: 10, h: 10 } }], 0, 30, 50)).toBeNull();
    // a wide flat drawing (a bench) is hit at its ends, not only within a circle
    expect(pick([{ id: 'd', box: { x: 0, y: 0, w: 200, h: 30 } }], 195, 15, 10)).toBe('d');
  });

  it("a Graphics' drawn bounds come from its commands, strokes included", () => {
    // fillRect(10, 20, 30, 40); lineStyle(4); moveTo(0, 0); lineTo(100, 0); strokePath; arc(50, 50, 10)
    const buffer = [7, 0xffffff, 1, 3, 10, 20, 30, 40, 6, 4, 0x000000, 1, 1, 5, 0, 0, 4, 100, 0, 9, 1, 0, 50, 50, 10, 0, Math.PI, 0, 0, 8];
    expect(commandBounds(buffer)).toEqual({ x: -2, y: -2, w: 104, h: 64 });
    expect(commandBounds([])).toBeNull();
  });

  it('labels avoid each other, the other drawings and the obstacles, and stay in their area', () => {
    const items = [0, 1, 2].map((i) => ({ id: `o${i}`, body: { x: 560 + i * 90, y: 360, w: 80, h: 80 }, variants: [{ w: 150, h: 24 }, { w: 80, h: 46 }] }));
    const area = { x: 0, y: 0, w: ROOM_W, h: ROOM_H };
    const obstacle = { x: 500, y: 300, w: 400, h: 58 };
    const placed = layoutLabels(items, area, [obstacle]);
    const boxes = [...placed.values()];
    expect(boxes.every((p) => p.ok)).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      const p = boxes[i]!.box;
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(ROOM_W);
      expect(overlapArea(p, obstacle)).toBe(0);
      items.forEach((it, j) => j !== i && expect(overlapArea(p, it.body)).toBe(0));
      for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(p, boxes[j]!.box)).toBe(0);
    }
    const edge = layoutLabels([{ id: 'e', body: { x: 0, y: ROOM_H - 80, w: 80, h: 80 }, variants: [{ w: 150, h: 30 }] }], area).get('e')!;
    expect(edge.ok).toBe(true);
    expect(edge.box.x).toBeGreaterThanOrEqual(0);
    expect(edge.box.y + edge.box.h).toBeLessThanOrEqual(ROOM_H);
  });

  it('a name wraps on 1 to 4 lines at spaces, never cut nor shortened with "…"', () => {
    const measure = (t: string) => t.length * 10;
    const name = 'Flacon de banque de cellules de travail haute densité (cryotube 4,5 mL)';
    const variants = wrapVariants(name, measure);
    expect(variants.length).toBeGreaterThanOrEqual(3);
    variants.forEach((lines, i) => {
      expect(lines.length).toBe(i + 1);
      expect(lines.join(' ')).toBe(name);
      expect(lines.join('')).not.toContain('…');
    });
    // the 2-line shape is balanced: its widest line is at most a little over half the name
    expect(Math.max(...variants[1]!.map(measure))).toBeLessThanOrEqual(measure(name) / 2 + 100);
    expect(wrapVariants('Lavabo', measure)).toEqual([['Lavabo']]);
    // a unit stays with its number
    for (const lines of wrapVariants('IPA 70 % stérile', measure)) expect(lines.some((l) => l.includes('70 %'))).toBe(true);
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
    const kinds = 'door bench sink locker dispenser spray mirror logbook document garment-pack gloves hood mask coverall overboots goggles personal-items facility-suit balance bottle vessel ph-meter osmometer filter bag pump integrity-tester label cabinet water-bath vial cell-counter pipette bioreactor control-panel sample-port incubator manifold connector tube-welder tube-sealer clamp pressure-gauge chromatography-skid column valve uv-monitor waste phone alarm computer status-board freezer wfi-tap particle-counter petri-plate'.split(' ');
    const known = new Set(KNOWN_KINDS);
    expect(kinds.filter((k) => !known.has(k))).toEqual([]);
    expect(sizeOf('bioreactor').w).toBeGreaterThan(sizeOf('vial').w);
  });

});
