/**
 * Where things go in the room, in the room's own units (a 1280×720 stage that
 * the canvas fits into its box): an object's `at` (percent of the room) to a
 * point, each kind's size, which object a tap means (the drawing that holds
 * it, grown to a 44 CSS px target), the bounds of what a Graphics drew, how a
 * name wraps on its label and where the labels go so that none overlaps
 * another or a drawing, and how many canvas pixels a room unit gets. Pure:
 * no Phaser, unit-tested.
 */

export const ROOM_W = 1280;
export const ROOM_H = 720;
/** Height of the back wall; the floor is below. */
export const WALL_H = 300;

const PAD_BOTTOM = 78;

/** The nominal size of one object, in room units. */
export const UNIT = 70;

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
  'petri-plate': [0.8, 0.7],
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
  tunnel: [1.7, 1.2],
  'filling-machine': [1.7, 1.6],
  'stopper-bowl': [1.1, 1.1],
  'glove-port': [0.9, 1.1],
  'vial-tray': [1.2, 0.8],
  'inspection-booth': [1.4, 1.2],
  'air-sampler': [0.9, 1.1],
  surface: [1.5, 1.1],
  bucket: [0.85, 0.9],
  'rinse-bucket': [0.85, 0.9],
  mop: [0.8, 1.3],
  wipes: [0.9, 0.75],
  timer: [0.95, 0.8],
  spill: [1.2, 0.8],
  worktable: [1.9, 0.9],
  'pass-through': [1.9, 1.5],
  shipper: [1.1, 0.9],
  package: [0.9, 0.9],
};

export function sizeOf(kind: string): { w: number; h: number } {
  const [w, h] = SIZES[kind] ?? [1, 1];
  return { w: w * UNIT, h: h * UNIT };
}

/** An object's centre keeps this far from the room's edges, whatever its `at`. */
const EDGE = 40;

/** The object's centre in room units: `at` is in percent of the room's width and height; without it, along the floor in reading order. */
export function placeOf(at: readonly [number, number] | undefined, index: number, count: number): { x: number; y: number } {
  if (at) {
    const [px, py] = at;
    return { x: Math.min(ROOM_W - EDGE, Math.max(EDGE, (px / 100) * ROOM_W)), y: Math.min(ROOM_H - EDGE, Math.max(EDGE, (py / 100) * ROOM_H)) };
  }
  const perRow = Math.max(1, Math.min(count, 8));
  const row = Math.floor(index / perRow);
  const col = index % perRow;
  const inRow = Math.min(perRow, count - row * perRow);
  return { x: ((col + 1) / (inRow + 1)) * ROOM_W, y: ROOM_H - PAD_BOTTOM - 40 - row * (UNIT + 50) };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Target {
  id: string;
  /** The object's drawing as drawn (not its hit area), in room units. */
  box: Box;
}

export const centreOf = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/**
 * Which object a tap at (px, py) means: among the objects whose drawing
 * (grown to `minSize`, the smallest touch target, in room units) holds the
 * tap, the one whose drawing's centre is nearest. A tap on the centre of an
 * object's drawing therefore always means that object, even where two
 * drawings touch.
 */
export function pick(targets: readonly Target[], px: number, py: number, minSize: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const t of targets) {
    const c = centreOf(t.box);
    const hw = Math.max(t.box.w, minSize) / 2;
    const hh = Math.max(t.box.h, minSize) / 2;
    if (Math.abs(px - c.x) > hw || Math.abs(py - c.y) > hh) continue;
    const d = Math.hypot(c.x - px, c.y - py);
    if (d < bestD) {
      best = t.id;
      bestD = d;
    }
  }
  return best;
}

export const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
export const inside = (a: Box, area: Box) => a.x >= area.x - 1e-6 && a.y >= area.y - 1e-6 && a.x + a.w <= area.x + area.w + 1e-6 && a.y + a.h <= area.y + area.h + 1e-6;
export const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};
export const grow = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d });

/* ---------- drawn bounds ---------- */

/**
 * The bounds of what a Phaser Graphics draws, from its command buffer (the
 * command numbers of Phaser 4's Graphics/Commands.js), in the Graphics' own
 * coordinates; strokes widen it by half their width. Arcs count as whole
 * circles: a little generous, never short. Null when nothing is drawn.
 */
export function commandBounds(buffer: readonly unknown[]): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let lw = 0;
  const add = (x: number, y: number, pad: number) => {
    x0 = Math.min(x0, x - pad);
    y0 = Math.min(y0, y - pad);
    x1 = Math.max(x1, x + pad);
    y1 = Math.max(y1, y + pad);
  };
  const n = (i: number) => Number(buffer[i]);
  for (let i = 0; i < buffer.length; ) {
    const cmd = n(i++);
    switch (cmd) {
      case 0: // ARC x, y, radius, start, end, anticlockwise, overshoot
        add(n(i), n(i + 1), n(i + 2) + lw / 2);
        i += 7;
        break;
      case 3: // FILL_RECT x, y, w, h
        add(n(i), n(i + 1), 0);
        add(n(i) + n(i + 2), n(i + 1) + n(i + 3), 0);
        i += 4;
        break;
      case 4: // LINE_TO
      case 5: // MOVE_TO
        add(n(i), n(i + 1), lw / 2);
        i += 2;
        break;
      case 6: // LINE_STYLE width, colour, alpha
        lw = n(i);
        i += 3;
        break;
      case 7: // FILL_STYLE colour, alpha
        i += 2;
        break;
      case 10: // FILL_TRIANGLE
      case 11: // STROKE_TRIANGLE
        for (let k = 0; k < 6; k += 2) add(n(i + k), n(i + k + 1), cmd === 11 ? lw / 2 : 0);
        i += 6;
        break;
      case 16: // TRANSLATE, SCALE: not used by the room's drawings
      case 17:
        i += 2;
        break;
      case 18: // ROTATE
        i += 1;
        break;
      case 21: // GRADIENT_FILL_STYLE
        i += 8;
        break;
      case 22: // GRADIENT_LINE_STYLE width, alpha, 4 colours
        lw = n(i);
        i += 6;
        break;
      default: // BEGIN_PATH, CLOSE_PATH, FILL_PATH, STROKE_PATH, SAVE, RESTORE: no argument
        break;
    }
  }
  return x0 <= x1 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/* ---------- labels ---------- */

/**
 * The ways a name can be written on 1 to `maxLines` lines, broken at spaces
 * only (never cut, never "…"), each the most even split for its number of
 * lines: the label layout picks the shape that fits.
 */
export function wrapVariants(name: string, measure: (line: string) => number, maxLines = 4): string[][] {
  // a unit or a closing sign stays with what it follows ("70 %", "4,0 L", "pH :"), as a French non-breaking space would keep it
  const words: string[] = [];
  for (const w of name.replace(/\s+/g, ' ').trim().split(' ')) {
    if (words.length && /^(%|°C|°|L|mL|µL|µm|g|kg|h|min|:|;|!|\?|»|—|–)$/.test(w)) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  const out: string[][] = [];
  const seen = new Set<string>();
  const total = measure(words.join(' '));
  const widest = Math.max(...words.map(measure));
  for (let lines = 1; lines <= Math.min(maxLines, words.length); lines++) {
    // the narrowest width limit that splits the name into at most `lines` lines
    let best: string[] | null = null;
    for (let limit = Math.max(widest, total / lines); limit <= total + 1; limit += Math.max(1, total / 80)) {
      const split: string[] = [];
      let cur = '';
      for (const w of words) {
        const next = cur ? `${cur} ${w}` : w;
        if (cur && measure(next) > limit) {
          split.push(cur);
          cur = w;
        } else cur = next;
      }
      split.push(cur);
      if (split.length <= lines) {
        best = split;
        break;
      }
    }
    if (best && !seen.has(best.join('\n'))) {
      seen.add(best.join('\n'));
      out.push(best);
    }
  }
  return out.length ? out : [[name.trim()]];
}

export interface LabelItem {
  id: string;
  /** The object's drawing, as drawn. */
  body: Box;
  /** The label's possible shapes (its wrap variants), width and height in room units. */
  variants: readonly { w: number; h: number }[];
}

export interface PlacedLabel {
  box: Box;
  /** Which of the item's variants. */
  variant: number;
  /** False when no place was free: the label overlaps as little as could be found. */
  ok: boolean;
}

interface Candidate {
  box: Box;
  variant: number;
  cost: number;
}

function candidatesOf(it: LabelItem, gap: number, overOwn: boolean): Candidate[] {
  const b = it.body;
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const out: Candidate[] = [];
  // a label pushed sideways reads as its neighbour's: the further its middle from the drawing's, the dearer
  const aside = (x: number, w: number) => (Math.abs(x + w / 2 - cx) / Math.max(b.w, 40)) * 0.6;
  it.variants.forEach((v, vi) => {
    const { w, h } = v;
    const xs = [cx - w / 2, b.x, b.x + b.w - w, cx - w * 0.25, cx - w * 0.75];
    const ys = [cy - h / 2, b.y, b.y + b.h - h];
    const spots: [number, number, number][] = [];
    for (let k = 0; k < 4; k++) {
      const d = gap + k * h * 0.5;
      for (const x of xs) {
        spots.push([x, b.y + b.h + d, k * 2 + aside(x, w)]);
        spots.push([x, b.y - h - d, 1 + k * 2 + aside(x, w)]);
      }
      ys.forEach((y, yi) => {
        spots.push([b.x + b.w + d + k * w * 0.15, y, 2.5 + k * 2 + yi * 0.4]);
        spots.push([b.x - w - d - k * w * 0.15, y, 2.5 + k * 2 + yi * 0.4]);
      });
    }
    // over its own drawing: a last resort (it hides the object), never over another one
    if (overOwn) spots.push([cx - w / 2, b.y + b.h - h, 30]);
    for (const [x, y, c] of spots) out.push({ box: { x, y, w, h }, variant: vi, cost: c + vi * 0.3 });
  });
  return out.sort((a, b) => a.cost - b.cost);
}

/**
 * Places each object's name label near its drawing, in one of its shapes,
 * so that no label overlaps another label, another object's drawing, an
 * obstacle (the back control, a station's name) or leaves the area: a search
 * over the places around each drawing, the most constrained label first,
 * taking back earlier choices when a label is left without a place; over its
 * own drawing only as a last resort (`overOwn`: it hides the object). When no
 * arrangement exists, the labels overlap as little as a greedy choice finds,
 * marked not ok.
 */
export function layoutLabels(items: readonly LabelItem[], area: Box, obstacles: readonly Box[] = [], options: { overOwn?: boolean; gap?: number; budget?: number } = {}): Map<string, PlacedLabel> {
  const { overOwn = true, gap = 3, budget = 3000 } = options;
  const bodies = items.map((it) => it.body);
  const statics = items.map((it, i) =>
    candidatesOf(it, gap, overOwn).filter(
      (c) => inside(c.box, area) && !obstacles.some((o) => overlapArea(c.box, o) > 0) && !bodies.some((b, j) => j !== i && overlapArea(c.box, b) > 0),
    ),
  );
  const n = items.length;
  const chosen: (Candidate | null)[] = new Array<Candidate | null>(n).fill(null);
  let nodes = 0;
  const solve = (domains: Candidate[][]): boolean => {
    if (++nodes > budget) return false;
    let at = -1;
    for (let i = 0; i < n; i++) if (!chosen[i] && (at < 0 || domains[i]!.length < domains[at]!.length)) at = i;
    if (at < 0) return true;
    for (const c of domains[at]!) {
      chosen[at] = c;
      const next = domains.map((d, j) => (chosen[j] ? d : d.filter((o) => overlapArea(o.box, c.box) === 0)));
      if (next.every((d, j) => chosen[j] || d.length > 0) && solve(next)) return true;
      chosen[at] = null;
      if (nodes > budget) return false;
    }
    return false;
  };
  const out = new Map<string, PlacedLabel>();
  if (statics.every((d) => d.length > 0) && solve(statics)) {
    items.forEach((it, i) => out.set(it.id, { box: chosen[i]!.box, variant: chosen[i]!.variant, ok: true }));
    return out;
  }
  // no clean arrangement: greedy, least overlap first, clamped into the area
  const placed: Box[] = [];
  const order = items.map((_, i) => i).sort((a, b) => statics[a]!.length - statics[b]!.length);
  for (const i of order) {
    const it = items[i]!;
    let best: Candidate | null = null;
    let bestCost = Infinity;
    let clean = false;
    for (const c of candidatesOf(it, gap, true)) {
      const box = { ...c.box, x: Math.min(area.x + area.w - c.box.w, Math.max(area.x, c.box.x)), y: Math.min(area.y + area.h - c.box.h, Math.max(area.y, c.box.y)) };
      let bad = 0;
      for (const p of placed) bad += overlapArea(box, p);
      for (const o of obstacles) bad += overlapArea(box, o);
      bodies.forEach((b, j) => {
        if (j !== i) bad += overlapArea(box, b);
      });
      if (c.cost + bad < bestCost) {
        bestCost = c.cost + bad;
        best = { ...c, box };
        clean = bad === 0;
      }
    }
    placed.push(best!.box);
    out.set(it.id, { box: best!.box, variant: best!.variant, ok: clean });
  }
  return out;
}

/** A label's font size in room units, so that it shows at least `cssPx` high at `cssPerUnit` CSS px per room unit. */
export function labelFont(cssPx: number, cssPerUnit: number): number {
  return Math.ceil((cssPx / Math.max(0.05, cssPerUnit)) * 10) / 10;
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
