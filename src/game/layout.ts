/**
 * Where things go in the room, in the room's own units (a 1280×720 stage that
 * the canvas fits into its box): an object's `at` (percent of the room) to a
 * point, each kind's size, which object a tap means (the nearest centre within
 * a target at least 44 CSS px wide), and where the name labels go so they
 * overlap as little as possible, how a long name is shortened on its label,
 * and how many canvas pixels a room unit gets. Pure: no Phaser, unit-tested.
 */

export const ROOM_W = 1280;
export const ROOM_H = 720;
/** Height of the back wall; the floor is below. */
export const WALL_H = 300;

const PAD_X = 60;
const PAD_TOP = 70;
const PAD_BOTTOM = 78;

/** The nominal size of one object, in room units. */
export const UNIT = 78;

/** Width and height of each kind, in UNITs: big equipment is drawn bigger. */
const SIZES: Record<string, [number, number]> = {
  door: [1.25, 2.1],
  bench: [1.9, 0.8],
  locker: [1.15, 1.9],
  sink: [1.2, 1.2],
  mirror: [0.9, 1.2],
  cabinet: [2.1, 1.9],
  bioreactor: [1.5, 2.1],
  'chromatography-skid': [2.3, 1.7],
  column: [0.7, 1.6],
  incubator: [1.3, 1.5],
  freezer: [1.05, 1.8],
  'status-board': [1.7, 1.1],
  'control-panel': [1.1, 1.55],
  computer: [1.2, 1.1],
  vessel: [1.2, 1.4],
  'water-bath': [1.4, 0.9],
  balance: [1.15, 1.05],
  bag: [1.0, 1.15],
  'particle-counter': [1.05, 1.1],
  'wfi-tap': [0.95, 1.35],
  manifold: [1.5, 0.9],
  pump: [1.05, 0.95],
  'integrity-tester': [1.15, 1.0],
  'uv-monitor': [1.2, 1.0],
  'tube-welder': [1.15, 0.85],
  coverall: [1.0, 1.3],
  'facility-suit': [1.0, 1.1],
  alarm: [0.75, 0.75],
  phone: [0.75, 0.9],
  vial: [0.55, 0.8],
  pipette: [0.6, 1.15],
  clamp: [0.9, 0.7],
  connector: [1.15, 0.75],
  valve: [1.1, 0.85],
  label: [0.9, 0.65],
  goggles: [1.0, 0.65],
  mask: [0.95, 0.7],
};

export function sizeOf(kind: string): { w: number; h: number } {
  const [w, h] = SIZES[kind] ?? [1, 1];
  return { w: w * UNIT, h: h * UNIT };
}

/** The object's centre in room units; without `at`, along the floor in reading order. */
export function placeOf(at: readonly [number, number] | undefined, index: number, count: number): { x: number; y: number } {
  if (at) {
    const [px, py] = at;
    const cx = Math.min(100, Math.max(0, px));
    const cy = Math.min(100, Math.max(0, py));
    return { x: PAD_X + (cx / 100) * (ROOM_W - 2 * PAD_X), y: PAD_TOP + (cy / 100) * (ROOM_H - PAD_TOP - PAD_BOTTOM) };
  }
  const perRow = Math.max(1, Math.min(count, 8));
  const row = Math.floor(index / perRow);
  const col = index % perRow;
  const inRow = Math.min(perRow, count - row * perRow);
  return { x: ((col + 1) / (inRow + 1)) * ROOM_W, y: ROOM_H - PAD_BOTTOM - 40 - row * (UNIT + 50) };
}

export interface Target {
  id: string;
  x: number;
  y: number;
  /** Half the drawn size: a tap inside it is meant for this object. */
  r: number;
}

/**
 * Which object a tap at (px, py) means: the one whose centre is nearest,
 * if the tap is within its drawn radius or within `minR` (half the smallest
 * touch target, in room units). Nearest-centre keeps neighbours apart: a tap
 * on an object's centre always means that object.
 */
export function pick(targets: readonly Target[], px: number, py: number, minR: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const t of targets) {
    const d = Math.hypot(t.x - px, t.y - py);
    if (d <= Math.max(t.r, minR) && d < bestD) {
      best = t.id;
      bestD = d;
    }
  }
  return best;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** The object's centre and drawn size. */
  x: number;
  y: number;
  objW: number;
  objH: number;
  /** The label's own size. */
  w: number;
  h: number;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/**
 * Places each label under its object, else above it, else a little lower or
 * to a side, whichever overlaps the labels already placed the least; always
 * inside the room. Returns the top-left corner of each label.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box = { x: 0, y: 0, w: ROOM_W, h: ROOM_H }): Map<string, Box> {
  // the objects themselves are obstacles too (a label may cover another object, at a cost)
  const bodies = requests.map((r) => ({ id: r.id, x: r.x - r.objW / 2, y: r.y - r.objH / 2, w: r.objW, h: r.objH }));
  const placed = new Map<string, Box>();
  const clamp = (b: Box): Box => ({
    ...b,
    x: Math.min(bounds.x + bounds.w - b.w, Math.max(bounds.x, b.x)),
    y: Math.min(bounds.y + bounds.h - b.h, Math.max(bounds.y, b.y)),
  });
  // bottom of the room first: front objects keep their label under them
  const order = [...requests].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const r of order) {
    const below = r.y + r.objH / 2 + 2;
    const above = r.y - r.objH / 2 - r.h - 2;
    const candidates: Box[] = [
      { x: r.x - r.w / 2, y: below, w: r.w, h: r.h },
      { x: r.x - r.w / 2, y: above, w: r.w, h: r.h },
      { x: r.x - r.w / 2, y: below + r.h * 0.9, w: r.w, h: r.h },
      { x: r.x + r.objW / 2 + 2, y: r.y - r.h / 2, w: r.w, h: r.h },
      { x: r.x - r.objW / 2 - r.w - 2, y: r.y - r.h / 2, w: r.w, h: r.h },
      { x: r.x - r.w / 2, y: above - r.h * 0.9, w: r.w, h: r.h },
      { x: r.x - r.w * 0.15, y: below, w: r.w, h: r.h },
      { x: r.x - r.w * 0.85, y: below, w: r.w, h: r.h },
    ].map(clamp);
    let best = candidates[0]!;
    let bestCost = Infinity;
    candidates.forEach((c, i) => {
      let cost = i * 0.5; // prefer the earlier places when nothing overlaps
      for (const p of placed.values()) cost += overlap(c, p);
      for (const b of bodies) if (b.id !== r.id) cost += overlap(c, b) * 0.5;
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
      }
    });
    placed.set(r.id, best);
  }
  return placed;
}

const SMALL_WORDS = new Set(['à', 'a', 'au', 'de', 'des', 'du', 'd', 'et', 'la', 'le', 'les', 'l', 'en', 'of', 'the', 'and', 'for', 'to', 'in', 'on', 'with', 'pour', 'sur', 'avec', ':', '–', '-']);

/**
 * The name as a room label: without its parenthesised details and cut after
 * about `max` characters at a word. The full name shows when the object has
 * focus, and always on its DOM twin.
 */
export function shortName(name: string, max = 30): string {
  const s = name.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim() || name.trim();
  if (s.length <= max) return s;
  const words = s.split(' ');
  const kept: string[] = [];
  for (const w of words) {
    if ([...kept, w].join(' ').length > max - 1) break;
    kept.push(w);
  }
  while (kept.length > 1 && SMALL_WORDS.has(kept[kept.length - 1]!.toLowerCase().replace(/[’']$/, ''))) kept.pop();
  if (!kept.length) return `${s.slice(0, max - 1)}…`;
  return `${kept.join(' ').replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * How many canvas pixels per room unit: as many as the host has device
 * pixels (crisp at devicePixelRatio 2), no more, by twentieths between ½ and
 * 2. No more matters: each frame the browser copies the whole canvas, so a
 * 1280-pixel canvas shown 1000 pixels wide on a tablet drops frames that a
 * canvas of the host's own size does not (npm run bench).
 */
export function pixelZoom(cssWidth: number, devicePixelRatio: number): number {
  const needed = (Math.max(1, cssWidth) * Math.max(1, devicePixelRatio)) / ROOM_W;
  return Math.min(2, Math.max(0.5, Math.ceil(needed * 20 - 1e-9) / 20));
}
