/**
 * Stations and close-ups, without a browser: every room declares the
 * stations the checker knows, each small enough for a close-up of at least
 * 2×; an object's station; what the camera shows of a station; and, for
 * every built-in scenario, each object inside its station with room for
 * every label at the sizes the room computes (12.6 CSS px in the overview,
 * 15 in a close-up, on hosts from 1000 to 1480 px), none overlapping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOM_STATIONS } from '../../src/engine/rooms';
import type { Scenario } from '../../src/engine/types';
import { grow, inside, labelFont, layoutLabels, overlapArea, placeOf, ROOM_H, ROOM_W, sizeOf, wrapVariants, type Box } from '../../src/game/layout';
import { roomStations } from '../../src/game/rooms';
import { between, cameraFor, MIN_ZOOM, OVERVIEW, stationOf, toScreen, viewBox } from '../../src/game/stations';

const ROOMS = Object.keys(ROOM_STATIONS);

function scenarios(): Scenario[] {
  const dir = resolve(import.meta.dirname, '../../scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('schema'))
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Scenario);
}

describe('stations are data', () => {
  it('each room declares exactly the station ids the checker knows, with names in both languages', () => {
    for (const room of ROOMS) {
      const stations = roomStations(room);
      expect(stations.map((s) => s.id), room).toEqual(ROOM_STATIONS[room]);
      for (const s of stations) {
        expect(s.name.fr.length, `${room}/${s.id}`).toBeGreaterThan(0);
        expect(s.name.en.length, `${room}/${s.id}`).toBeGreaterThan(0);
      }
    }
    expect(roomStations('no-such-room')).toEqual([]);
  });

  it('station areas are inside the room, apart, and small enough for a close-up of at least 2×', () => {
    for (const room of ROOMS) {
      const stations = roomStations(room);
      for (const s of stations) {
        expect(inside(s.box, { x: 0, y: 0, w: ROOM_W, h: ROOM_H }), `${room}/${s.id}`).toBe(true);
        expect(s.box.w, `${room}/${s.id}`).toBeLessThanOrEqual(ROOM_W / MIN_ZOOM);
        expect(s.box.h, `${room}/${s.id}`).toBeLessThanOrEqual(ROOM_H / MIN_ZOOM);
        for (const t of stations) if (t !== s) expect(overlapArea(s.box, t.box), `${s.id} / ${t.id}`).toBe(0);
      }
    }
  });
});

describe("an object's station", () => {
  const stations = roomStations('prep-room');
  it('is the one its scenario names', () => {
    expect(stationOf({ station: 'filtration', at: [10, 10] }, 0, 1, stations)).toBe('filtration');
  });
  it("else the one whose area holds its place (imported scenarios), else the nearest", () => {
    expect(stationOf({ at: [10, 20] }, 0, 1, stations)).toBe('weighing-bench');
    expect(stationOf({ at: [90, 80] }, 0, 1, stations)).toBe('filtration');
    expect(stationOf({ station: 'nowhere', at: [10, 80] }, 0, 1, stations)).toBe('documents');
    expect(stationOf({ at: [0, 0] }, 0, 1, stations)).toBe('weighing-bench');
    expect(stationOf({ at: [50, 50] }, 0, 1, [])).toBeNull();
  });
});

describe('the camera', () => {
  it("shows each station whole, zoomed 2× to 3×, inside the room", () => {
    for (const room of ROOMS) {
      for (const s of roomStations(room)) {
        const v = cameraFor(s.box);
        expect(v.zoom, s.id).toBeGreaterThanOrEqual(2);
        expect(v.zoom, s.id).toBeLessThanOrEqual(3);
        const b = viewBox(v);
        expect(inside(s.box, grow(b, 0.01)), s.id).toBe(true);
        expect(inside(b, grow({ x: 0, y: 0, w: ROOM_W, h: ROOM_H }, 0.01)), s.id).toBe(true);
      }
    }
  });

  it('maps the room to the screen, and moves between two views from one to the other', () => {
    expect(toScreen(OVERVIEW, 1000, ROOM_W, ROOM_H)).toEqual({ x: 1000, y: 562.5 });
    const v = cameraFor({ x: 640, y: 360, w: 640, h: 360 });
    expect(v).toEqual({ x: 960, y: 540, zoom: 2 });
    expect(toScreen(v, 1000, 640, 360)).toEqual({ x: 0, y: 0 });
    expect(between(OVERVIEW, v, 0)).toEqual(OVERVIEW);
    const end = between(OVERVIEW, v, 1);
    expect(end.zoom).toBeCloseTo(2);
    expect(end.x).toBeCloseTo(960);
    const mid = between(OVERVIEW, v, 0.5);
    expect(mid.zoom).toBeGreaterThan(1);
    expect(mid.zoom).toBeLessThan(2);
  });
});

/** A label's size as the room measures it, with a generous width per character (wide sans-serif bold). */
function shapes(name: string, font: number) {
  const measure = (t: string) => t.length * font * 0.62;
  const pad = { x: font * 0.35, y: font * 0.12 };
  return wrapVariants(name, measure, 4).map((lines) => ({ w: Math.max(...lines.map(measure)) + pad.x * 2 + 1, h: lines.length * font * 1.2 + pad.y * 2 + 1 }));
}

/** What an object's drawing covers, from its kind's size (a value plate above when it has a value). */
function bodyOf(o: Scenario['objects'][number], i: number, n: number): Box {
  const p = placeOf(o.at, i, n);
  const sz = sizeOf(o.kind);
  const plate = o.value !== undefined || o.unit !== undefined ? 38 : 0;
  return { x: p.x - sz.w / 2 - 4, y: p.y - sz.h / 2 - 4 - plate, w: sz.w + 8, h: sz.h + 8 + plate };
}

describe('every built-in scenario, at its stations', () => {
  for (const s of scenarios()) {
    const stations = roomStations(s.room);
    it(`${s.id}: each object names a station of its room and stands inside it, apart from the others`, () => {
      s.objects.forEach((o, i) => {
        expect(o.station, o.id).toBeDefined();
        const st = stations.find((x) => x.id === o.station);
        expect(st, `${o.id} at ${o.station}`).toBeDefined();
        expect(inside(bodyOf(o, i, s.objects.length), st!.box), `${o.id} inside ${o.station}`).toBe(true);
        s.objects.forEach((q, j) => {
          if (j > i) expect(overlapArea(bodyOf(o, i, s.objects.length), bodyOf(q, j, s.objects.length)), `${o.id} / ${q.id}`).toBe(0);
        });
      });
    });

    it(`${s.id}: every label finds a place, none overlapping, in the overview and in each close-up, in French and English`, () => {
      for (const lang of ['fr', 'en'] as const) {
        for (const host of [1000, 1100, 1480]) {
          const k = host / ROOM_W;
          for (const st of stations) {
            const own = s.objects.map((o, i) => ({ o, i })).filter(({ o }) => o.station === st.id);
            if (!own.length) continue;
            // the overview: inside the station's area, under its name tab
            const font = labelFont(12.6, k);
            const tab: Box = { x: st.box.x + 4, y: st.box.y + 4, w: (st.name[lang].length + 2) * font * 0.62 + font * 0.7, h: font * 1.45 };
            const over = layoutLabels(own.map(({ o, i }) => ({ id: o.id, body: bodyOf(o, i, s.objects.length), variants: shapes(o.name[lang], font) })), st.box, [tab]);
            for (const [id, p] of over) expect(p.ok, `${lang} ${host}px overview ${st.id}/${id}`).toBe(true);
            // the close-up: inside the view, clear of the back control
            const v = cameraFor(st.box);
            const vb = viewBox(v);
            const close = labelFont(15, k * v.zoom);
            const back: Box = { x: vb.x, y: vb.y, w: 420 / (k * v.zoom), h: 60 / (k * v.zoom) };
            const near = layoutLabels(own.map(({ o, i }) => ({ id: o.id, body: bodyOf(o, i, s.objects.length), variants: shapes(o.name[lang], close) })), grow(vb, -3), [back]);
            for (const [id, p] of near) expect(p.ok, `${lang} ${host}px close-up ${st.id}/${id}`).toBe(true);
          }
        }
      }
    });
  }
});

describe('the bridge carries the station', () => {
  it('keeps the station for a room started again, tells the scene what the page opens, and the page what the room opened', async () => {
    const { RoomBridge } = await import('../../src/game/bridge');
    const host = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    const told: (string | null)[] = [];
    const bridge = new RoomBridge({ host, room: 'prep-room', objects: [], lang: 'fr', reducedMotion: true, onSelect: () => undefined, onAct: () => undefined, onStation: (id) => told.push(id) });
    // the page opens a station before the room is drawn: the scene will open it when it starts
    bridge.setStation('filtration');
    expect(bridge.station).toBe('filtration');
    const asked: (string | null)[] = [];
    bridge.attach({ refresh: () => undefined, highlight: () => undefined, station: (id) => asked.push(id) });
    bridge.setStation(null);
    expect(asked).toEqual([null]);
    // the scene reports each close-up it shows: on the host, and to the page once per change
    bridge.stationChanged('documents');
    bridge.stationChanged('documents');
    expect(host.dataset.station).toBe('documents');
    bridge.stationChanged(null);
    expect(host.dataset.station).toBe('');
    expect(told).toEqual(['documents', null]);
    expect(bridge.station).toBeNull();
  });
});
