/**
 * Cleaning and disinfection views: a surface of the room to clean (ceiling,
 * walls, floor: a tiled panel that shines wet as `fill` rises), the two
 * buckets of the two-bucket method (blue for the solution, red for rinsing
 * the mop), the mop, a pack of pre-impregnated wipes (flap open once in
 * use), the contact-time timer (its minutes on its screen), a spill on
 * the floor (a puddle as `fill` says; an outline of the floor zone when dry),
 * and a stainless-steel work table (wet as `fill` says).
 */
import { BLUE_DARK, INK, RED, STEEL, STEEL_DARK, WATER, WHITE, YELLOW } from '../palette';
import { box, ellipse, lamp, levelOf, line, liquid, path, poly, screen, type Ctx, type DrawKind } from './kit';

/** Wet streaks over a surface, as many as it is wet. */
function wet(c: Ctx, x: number, y: number, w: number, h: number, level: number) {
  if (level <= 0) return;
  c.g.fillStyle(WATER, 0.25 + level * 0.35).fillRect(x, y, w, h);
  const n = Math.round(2 + level * 4);
  for (let k = 0; k < n; k++) {
    const sx = x + ((k + 0.5) * w) / n;
    line(c.g, sx - w * 0.06, y + h * 0.15, sx + w * 0.06, y + h * 0.85, 3, WHITE, 0.8);
  }
}

const surface: DrawKind = (c) => {
  const { g, w, h } = c;
  const x = -w / 2;
  const y = -h * 0.4;
  const sw = w;
  const sh = h * 0.8;
  box(g, x, y, sw, sh, 0xeef3f6, 4);
  for (let k = 1; k < 4; k++) line(g, x + (k * sw) / 4, y + 2, x + (k * sw) / 4, y + sh - 2, 1.5, INK, 0.25);
  for (let k = 1; k < 3; k++) line(g, x + 2, y + (k * sh) / 3, x + sw - 2, y + (k * sh) / 3, 1.5, INK, 0.25);
  if (!c.look.fill && !c.look.done) for (const [px, py] of [[-0.3, -0.1], [0.1, 0.15], [0.28, -0.2]] as const) ellipse(g, px * w, py * h, 12, 7, 0xc9bfa8, 0);
  wet(c, x + 3, y + 3, sw - 6, sh - 6, levelOf(c, 0));
  g.lineStyle(3, INK, 1).strokeRoundedRect(x, y, sw, sh, 4);
};

function pail(c: Ctx, band: number) {
  const { g, w, h } = c;
  const top = -h * 0.28;
  const bw = w * 0.7;
  const bh = h * 0.62;
  // the handle, then the pail narrowing to its base
  g.lineStyle(3, INK, 1).beginPath().arc(0, top, bw * 0.42, Math.PI, 0, false).strokePath();
  poly(g, [-bw / 2, top, bw / 2, top, bw * 0.4, top + bh, -bw * 0.4, top + bh], WHITE);
  liquid(c, -bw * 0.4 + 4, top + 6, bw * 0.8 - 8, bh - 10, levelOf(c, 0.5), band === RED ? 0xc9c2a6 : WATER, 3);
  poly(g, [-bw / 2, top, bw / 2, top, bw * 0.4, top + bh, -bw * 0.4, top + bh], WHITE, 3, 0);
  box(g, -bw / 2 - 2, top - 4, bw + 4, 12, band, 3, 2);
  box(g, -bw * 0.42, top + bh - 12, bw * 0.84, 10, band, 2, 2);
}

const bucket: DrawKind = (c) => pail(c, BLUE_DARK);
const rinseBucket: DrawKind = (c) => pail(c, RED);

const mop: DrawKind = (c) => {
  const { g, w, h } = c;
  line(g, w * 0.1, -h / 2 + 4, -w * 0.02, h * 0.28, 6, STEEL_DARK);
  line(g, w * 0.1, -h / 2 + 4, -w * 0.02, h * 0.28, 2, INK);
  box(g, -w * 0.36, h * 0.26, w * 0.72, h * 0.08, STEEL, 2, 2);
  // the microfibre head
  const head = c.look.done ? 0xbfe6f5 : 0xf3f0e6;
  box(g, -w * 0.4, h * 0.33, w * 0.8, h * 0.12, head, 4, 2);
  for (let k = 0; k < 7; k++) line(g, -w * 0.34 + k * w * 0.11, h * 0.35, -w * 0.34 + k * w * 0.11, h * 0.43, 2, INK, 0.3);
};

const wipes: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.42, -h * 0.22, w * 0.84, h * 0.5, 0xe6f1ea, 10);
  box(g, -w * 0.3, h * 0.02, w * 0.6, h * 0.16, WHITE, 2, 2);
  for (let k = 0; k < 3; k++) line(g, -w * 0.24, h * 0.06 + k * 5, w * 0.1, h * 0.06 + k * 5, 2, INK, 0.4);
  if (c.look.open) {
    // the flap lifted, a wipe drawn up from the pack
    poly(g, [-w * 0.26, -h * 0.22, w * 0.26, -h * 0.22, w * 0.2, -h * 0.36, -w * 0.2, -h * 0.36], 0xbfd9c8);
    poly(g, [-w * 0.08, -h * 0.22, w * 0.1, -h * 0.22, w * 0.04, -h * 0.46, -w * 0.12, -h * 0.42], WHITE, 2);
  } else {
    box(g, -w * 0.24, -h * 0.2, w * 0.48, h * 0.12, 0xbfd9c8, 4, 2);
  }
};

const timer: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.44, -h * 0.36, w * 0.88, h * 0.7, YELLOW, 10);
  screen(c, -w * 0.36, -h * 0.28, w * 0.72, h * 0.34);
  lamp(c, w * 0.3, h * 0.2, 6);
  for (let k = 0; k < 3; k++) box(g, -w * 0.34 + k * w * 0.18, h * 0.12, w * 0.14, h * 0.14, STEEL, 3, 2);
  line(g, -w * 0.1, -h * 0.36, -w * 0.1, -h * 0.46, 4);
  line(g, w * 0.1, -h * 0.36, w * 0.1, -h * 0.46, 4);
};

/** A stainless-steel work table: its top, a back splash and four legs (no stripes: it is not the changing room's step-over bench). */
const worktable: DrawKind = (c) => {
  const { g, w, h } = c;
  for (const x of [-w * 0.42, -w * 0.3, w * 0.3, w * 0.42]) box(g, x - 4, -h * 0.02, 8, h * 0.46, STEEL_DARK, 2, 2);
  line(g, -w * 0.42, h * 0.3, w * 0.42, h * 0.3, 4, STEEL_DARK);
  box(g, -w / 2, -h * 0.4, w, h * 0.14, STEEL, 3, 2);
  box(g, -w / 2, -h * 0.28, w, h * 0.28, STEEL, 4);
  line(g, -w * 0.44, -h * 0.2, w * 0.2, -h * 0.2, 3, WHITE, 0.9);
  wet(c, -w / 2 + 4, -h * 0.26, w - 8, h * 0.22, levelOf(c, 0));
};

const spill: DrawKind = (c) => {
  const { g, w, h } = c;
  const level = levelOf(c, 0);
  if (level <= 0) {
    // the floor zone under the bench, outlined: nothing there
    g.lineStyle(2, INK, 0.45);
    for (let k = 0; k < 10; k++) {
      const a0 = (k / 10) * Math.PI * 2;
      const a1 = a0 + Math.PI / 10;
      g.beginPath().arc(0, 0, w * 0.38, a0, a1, false).strokePath();
    }
    return;
  }
  const rx = w * (0.2 + level * 0.22);
  const ry = h * (0.12 + level * 0.14);
  ellipse(g, 0, 0, rx * 2, ry * 2, 0xf2c28f, 3);
  ellipse(g, rx * 0.5, -ry * 0.3, rx * 0.7, ry * 0.6, 0xf2c28f, 2);
  path(g, [-rx * 0.4, -ry * 0.2, -rx * 0.1, -ry * 0.35], 3, WHITE, 0.8);
};

export const CLEANING: Record<string, DrawKind> = {
  surface,
  bucket,
  'rinse-bucket': rinseBucket,
  mop,
  wipes,
  timer,
  spill,
  worktable,
};


