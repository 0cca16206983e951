/**
 * Gowning views: sterile garment pack, gloves, hood, mask, coverall,
 * overboots, goggles, facility suit and the personal items left at the door.
 * A garment "worn" gets the check badge from the sprite; packed or folded
 * ones show their packaging; an opened pack shows its peeled flap.
 */
import { BLUE, INK, LILAC, LINE, STEEL, WHITE, YELLOW } from '../palette';
import { box, boxC, circle, ellipse, line, path, poly, type Ctx, type DrawKind } from './kit';

const GARMENT = 0xeef3fb;
const POUCH = 0xcfe4f5;

/**
 * Still in its pack: with a declared look, until it is on (worn), done,
 * opened, damaged (problem) or discarded (gone); guessed, when the state name
 * says so.
 */
export function inPack(c: Pick<Ctx, 'look' | 'guessed' | 'state'>, words = /pack|fold|seal|bag|new|ready|idle/): boolean {
  const l = c.look;
  if (c.guessed) return words.test(c.state) && !l.done;
  return !(l.on || l.done || l.open || l.problem || l.gone);
}

/** Folded or packed garments sit in a clear pouch. */
function pouch(c: Ctx, inner: (c: Ctx) => void) {
  const { g, w, h } = c;
  const packed = inPack(c);
  if (packed) {
    box(g, -w / 2 + 2, -h / 2 + 6, w - 4, h - 10, POUCH, 8);
    // the peel corner of a sterile pouch
    poly(g, [w / 2 - 22, -h / 2 + 6, w / 2 - 2, -h / 2 + 6, w / 2 - 2, -h / 2 + 26], 0xf6fbff, 2);
  }
  inner(c);
}

const gloves: DrawKind = (c) =>
  pouch(c, ({ g, w, h }) => {
    const colour = LILAC;
    for (const dx of [-w * 0.17, w * 0.17]) {
      const s = Math.min(w, h) / 90;
      const cx = dx;
      box(g, cx - 14 * s, -6 * s, 28 * s, 34 * s, colour, 8 * s);
      for (let i = 0; i < 4; i++) box(g, cx - 14 * s + i * 7 * s, -26 * s + Math.abs(i - 1.5) * 3 * s, 6.5 * s, 24 * s, colour, 3 * s, 2);
      box(g, cx + (dx < 0 ? 12 : -20) * s, -4 * s, 8 * s, 18 * s, colour, 4 * s, 2);
      box(g, cx - 15 * s, 26 * s, 30 * s, 10 * s, WHITE, 3 * s, 2);
    }
  });

const hood: DrawKind = (c) =>
  pouch(c, ({ g, w, h }) => {
    const r = Math.min(w, h) * 0.36;
    poly(g, [-r, r * 0.9, -r, -r * 0.2, -r * 0.6, -r, r * 0.6, -r, r, -r * 0.2, r, r * 0.9, r * 0.5, r * 1.15, -r * 0.5, r * 1.15], GARMENT);
    box(g, -r * 0.55, -r * 0.45, r * 1.1, r * 0.75, 0xf7dcc8, 10, 2);
    line(g, -r * 0.55, -r * 0.1, r * 0.55, -r * 0.1, 2, INK, 0.5);
  });

const mask: DrawKind = (c) =>
  pouch(c, ({ g, w, h }) => {
    const mw = w * 0.62;
    const mh = h * 0.5;
    path(g, [-mw / 2, -mh / 3, -w * 0.46, -mh / 2, -w * 0.46, mh / 2, -mw / 2, mh / 3], 2);
    path(g, [mw / 2, -mh / 3, w * 0.46, -mh / 2, w * 0.46, mh / 2, mw / 2, mh / 3], 2);
    box(g, -mw / 2, -mh / 2, mw, mh, 0xd7ecf7, 10);
    for (const k of [-1, 0, 1]) line(g, -mw / 2 + 6, k * mh * 0.22, mw / 2 - 6, k * mh * 0.22, 2, BLUE);
  });

const coverall: DrawKind = (c) => {
  const { g, w, h } = c;
  if (c.guessed ? /fold|pack|seal/.test(c.state) : inPack(c)) {
    pouch(c, () => {
      box(g, -w * 0.34, -h * 0.22, w * 0.68, h * 0.5, GARMENT, 6);
      line(g, -w * 0.34, 0, w * 0.34, 0, 2);
      line(g, 0, -h * 0.22, 0, h * 0.28, 2, INK, 0.5);
    });
    return;
  }
  // a one-piece suit: body, arms and legs
  const s = Math.min(w / 80, h / 100);
  poly(
    g,
    [-14, -40, 14, -40, 34, -30, 40, 12, 30, 14, 24, -14, 22, 44, 4, 44, 0, 8, -4, 44, -22, 44, -24, -14, -30, 14, -40, 12, -34, -30].map((v) => v * s * 1.05),
    GARMENT,
  );
  line(g, 0, -40 * s, 0, 6 * s, 2, INK, 0.6);
  circle(g, 0, -44 * s, 9 * s, GARMENT, 2);
};

const facilitySuit: DrawKind = (c) => {
  const { g, w, h } = c;
  const s = Math.min(w / 80, h / 90);
  const colour = 0xbfe0d0;
  if (c.guessed ? /fold|pack/.test(c.state) : inPack(c)) {
    box(g, -30 * s, -8 * s, 60 * s, 22 * s, colour, 5);
    box(g, -26 * s, -26 * s, 52 * s, 20 * s, colour, 5);
    return;
  }
  poly(g, [-16, -34, 16, -34, 36, -24, 30, -6, 20, -10, 20, 30, -20, 30, -20, -10, -30, -6, -36, -24].map((v) => v * s), colour);
  poly(g, [-8, -34, 0, -24, 8, -34].map((v) => v * s), WHITE, 2);
};

const overboots: DrawKind = (c) =>
  pouch(c, ({ g, w, h }) => {
    const s = Math.min(w, h) / 90;
    for (const dx of [-18, 18]) {
      poly(g, [dx - 10, -26, dx + 8, -26, dx + 8, 16, dx + 22, 20, dx + 22, 30, dx - 12, 30].map((v) => v * s), 0xe4edf7);
      line(g, (dx - 10) * s, -18 * s, (dx + 8) * s, -18 * s, 2);
    }
  });

const goggles: DrawKind = (c) =>
  pouch(c, ({ g, w, h }) => {
    const s = Math.min(w / 90, h / 60);
    line(g, -44 * s, 0, 44 * s, 0, 4, INK);
    box(g, -36 * s, -14 * s, 72 * s, 28 * s, 0x3a5566, 12, LINE);
    ellipse(g, -16 * s, 0, 26 * s, 20 * s, 0xbfe6f7, 2);
    ellipse(g, 16 * s, 0, 26 * s, 20 * s, 0xbfe6f7, 2);
  });

const garmentPack: DrawKind = (c) => {
  const { g, w, h } = c;
  const open = c.look.open === true || (c.guessed && /open|used|empty/.test(c.state));
  box(g, -w / 2 + 2, -h / 2 + 4, w - 4, h - 8, POUCH, 8);
  // folded garments inside
  box(g, -w * 0.3, -h * 0.15, w * 0.6, h * 0.22, GARMENT, 4, 2);
  box(g, -w * 0.3, h * 0.1, w * 0.6, h * 0.2, 0xe4edf7, 4, 2);
  if (open) {
    poly(g, [-w / 2 + 2, -h / 2 + 4, w / 2 - 2, -h / 2 + 4, w * 0.3, -h / 2 - 16, -w * 0.3, -h / 2 - 16], 0xf6fbff, 2);
  } else {
    // sterilisation indicator dot: yellow until processed, here already turned
    circle(g, w / 2 - 16, -h / 2 + 18, 6, 0x6f5fb0, 2);
    line(g, -w / 2 + 8, -h / 2 + 12, w / 2 - 28, -h / 2 + 12, 2, INK, 0.5);
  }
};

const personalItems: DrawKind = (c) => {
  const { g, w, h } = c;
  // the tray is empty once they are put away: declared fill 0, or guessed from the state name
  const gone = c.guessed ? /remov|stor|put|away/.test(c.state) : c.look.fill === 0;
  box(g, -w * 0.42, h * 0.05, w * 0.84, h * 0.3, STEEL, 6);
  if (gone) return;
  // a watch, a phone and a ring on the tray
  circle(g, -w * 0.2, -h * 0.02, 12, WHITE);
  line(g, -w * 0.2, -h * 0.02, -w * 0.2 + 6, -h * 0.02 - 5, 2);
  box(g, -w * 0.2 - 5, -h * 0.02 - 26, 10, 14, 0x6b5a4a, 2, 2);
  boxC(g, w * 0.1, -h * 0.08, 22, 38, 0x334a58, 5);
  circle(g, w * 0.3, h * 0.02, 8, YELLOW, 3);
};

export const GARMENTS: Record<string, DrawKind> = {
  gloves,
  hood,
  mask,
  coverall,
  'facility-suit': facilitySuit,
  overboots,
  goggles,
  'garment-pack': garmentPack,
  'personal-items': personalItems,
};
