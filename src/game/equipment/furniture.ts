/**
 * The room's fittings and paperwork: door, step-over bench, sink, locker,
 * hand-rub dispenser, spray, mirror, logbook, SOP document, label, phone,
 * alarm beacon, computer, status board, waste bin.
 */
import { BLUE, BLUE_DARK, GREEN, INK, LILAC, RED, STEEL, STEEL_DARK, WATER, WHITE, YELLOW } from '../palette';
import { box, circle, ellipse, line, path, poly, screen, type DrawKind } from './kit';

const door: DrawKind = (c) => {
  const { g, w, h } = c;
  const open = c.look.open === true || (c.guessed && /pass|enter|open/.test(c.state));
  box(g, -w / 2, -h / 2, w, h, STEEL_DARK, 4);
  if (open) {
    box(g, -w / 2 + 8, -h / 2 + 8, w - 16, h - 8, 0xf4fbff, 2, 2);
    // the leaf swung towards us
    poly(g, [w / 2 - 8, -h / 2 + 8, w / 2 + 12, -h / 2 - 2, w / 2 + 12, h / 2 + 8, w / 2 - 8, h / 2], WHITE);
  } else {
    box(g, -w / 2 + 8, -h / 2 + 8, w - 16, h - 8, WHITE, 2);
    box(g, -w * 0.25, -h * 0.36, w * 0.5, h * 0.26, 0xc9e6f5, 4, 2);
    box(g, w * 0.26, -4, 8, 26, STEEL, 3, 2);
  }
  // interlock lights above the door
  circle(g, -12, -h / 2 - 12, 7, open ? 0x3fbf74 : 0x9aa7b0, 2);
  circle(g, 12, -h / 2 - 12, 7, open ? 0x9aa7b0 : 0xe04848, 2);
};

const bench: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2 + 10, -h * 0.05, 10, h * 0.5, STEEL_DARK, 2, 2);
  box(g, w / 2 - 20, -h * 0.05, 10, h * 0.5, STEEL_DARK, 2, 2);
  box(g, -w / 2, -h * 0.3, w, h * 0.3, STEEL, 6);
  // the hazard stripes of the line not to cross with street shoes
  for (let x = -w / 2 + 12; x < w / 2 - 12; x += 22) poly(g, [x, -h * 0.3 + 3, x + 10, -h * 0.3 + 3, x + 4, -3, x - 6, -3], YELLOW, 0);
};

const sink: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.4, -h * 0.05, w * 0.8, h * 0.55, STEEL, 4);
  poly(g, [-w / 2, -h * 0.12, w / 2, -h * 0.12, w * 0.38, h * 0.08, -w * 0.38, h * 0.08], WHITE);
  // knee-operated tap and the faucet
  path(g, [0, -h * 0.12, 0, -h * 0.42, w * 0.16, -h * 0.42, w * 0.16, -h * 0.32], 6, STEEL_DARK);
  path(g, [0, -h * 0.12, 0, -h * 0.42, w * 0.16, -h * 0.42, w * 0.16, -h * 0.32], 2, INK);
  if (c.look.done || c.look.on || c.look.open) for (const k of [0, 1, 2]) circle(g, w * 0.16 + (k - 1) * 5, -h * 0.26 + k * 8, 3, WATER, 1);
  box(g, -w * 0.1, h * 0.2, w * 0.2, h * 0.12, STEEL_DARK, 2, 2);
};

const locker: DrawKind = (c) => {
  const { g, w, h } = c;
  // clothes hang inside when it holds something (declared fill), or, guessed, when the state names them
  const clothes = c.guessed ? /street|cloth|open/.test(c.state) : (c.look.fill ?? 0) > 0;
  box(g, -w / 2, -h / 2, w, h, LILAC, 4);
  line(g, 0, -h / 2, 0, h / 2, 2);
  for (const x of [-w / 4, w / 4]) for (let k = 0; k < 3; k++) line(g, x - 10, -h / 2 + 14 + k * 7, x + 10, -h / 2 + 14 + k * 7, 2, INK, 0.6);
  if (clothes) {
    // the left door open, street clothes hanging inside
    box(g, -w / 2 + 4, -h / 2 + 4, w / 2 - 8, h - 8, 0x5a6a78, 2, 2);
    poly(g, [-w / 4 - 14, -h * 0.25, -w / 4 + 14, -h * 0.25, -w / 4 + 10, h * 0.1, -w / 4 - 10, h * 0.1], 0xd98c5f, 2);
  } else {
    box(g, -10, -4, 6, 16, STEEL, 2, 2);
  }
  box(g, 4, -4, 6, 16, STEEL, 2, 2);
};

const dispenser: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.22, -h * 0.4, w * 0.44, h * 0.7, WHITE, 8);
  box(g, -w * 0.15, -h * 0.1, w * 0.3, h * 0.3, 0xd7f0e2, 4, 2);
  box(g, -w * 0.08, h * 0.3, w * 0.16, h * 0.1, STEEL_DARK, 2, 2);
  if (c.look.done) circle(g, 0, h * 0.46, 4, WATER, 1);
};

const spray: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.18, -h * 0.1, w * 0.36, h * 0.55, WHITE, 8);
  box(g, -w * 0.12, h * 0.05, w * 0.24, h * 0.22, 0xbfe0f5, 3, 2);
  poly(g, [-w * 0.12, -h * 0.1, -w * 0.12, -h * 0.3, w * 0.2, -h * 0.3, w * 0.28, -h * 0.22, w * 0.12, -h * 0.22, w * 0.12, -h * 0.1], BLUE);
  poly(g, [w * 0.04, -h * 0.22, w * 0.1, -h * 0.05, w * 0.02, -h * 0.05], BLUE_DARK, 2);
};

const mirror: DrawKind = (c) => {
  const { g, w, h } = c;
  ellipse(g, 0, 0, w * 0.8, h * 0.9, STEEL_DARK);
  ellipse(g, 0, 0, w * 0.66, h * 0.78, 0xdff3fb, 2);
  line(g, -w * 0.16, -h * 0.2, w * 0.04, -h * 0.34, 4, WHITE);
  line(g, -w * 0.2, -h * 0.02, w * 0.14, -h * 0.26, 4, WHITE);
};

const logbook: DrawKind = (c) => {
  const { g, w, h } = c;
  poly(g, [-w * 0.44, -h * 0.3, 0, -h * 0.22, w * 0.44, -h * 0.3, w * 0.44, h * 0.32, 0, h * 0.38, -w * 0.44, h * 0.32], WHITE);
  line(g, 0, -h * 0.22, 0, h * 0.38, 2);
  for (let k = 0; k < 4; k++) {
    const y = -h * 0.12 + k * h * 0.11;
    line(g, -w * 0.36, y, -w * 0.06, y + 2, 2, INK, 0.4);
    line(g, w * 0.06, y + 2, w * 0.36, y, 2, INK, c.look.done ? 0.9 : 0.25);
  }
  box(g, -w * 0.47, -h * 0.33, 8, h * 0.7, 0x2f6f8f, 2, 2);
};

const documentKind: DrawKind = (c) => {
  const { g, w, h } = c;
  const dw = w * 0.6;
  const dh = h * 0.8;
  poly(g, [-dw / 2, -dh / 2, dw / 2 - 14, -dh / 2, dw / 2, -dh / 2 + 14, dw / 2, dh / 2, -dw / 2, dh / 2], WHITE);
  poly(g, [dw / 2 - 14, -dh / 2, dw / 2 - 14, -dh / 2 + 14, dw / 2, -dh / 2 + 14], STEEL, 2);
  box(g, -dw / 2 + 6, -dh / 2 + 8, dw * 0.4, 8, BLUE_DARK, 0, 0);
  for (let k = 0; k < 5; k++) line(g, -dw / 2 + 6, -dh / 2 + 26 + k * 9, dw / 2 - 8, -dh / 2 + 26 + k * 9, 2, INK, 0.35);
};

const label: DrawKind = (c) => {
  const { g, w, h } = c;
  poly(g, [-w * 0.42, -h * 0.3, w * 0.3, -h * 0.3, w * 0.44, 0, w * 0.3, h * 0.3, -w * 0.42, h * 0.3], WHITE);
  circle(g, w * 0.3, 0, 4, STEEL, 2);
  for (let k = 0; k < 9; k++) line(g, -w * 0.34 + k * 5, -h * 0.18, -w * 0.34 + k * 5, h * 0.06, k % 3 ? 2 : 3.5, INK);
  line(g, -w * 0.34, h * 0.16, w * 0.12, h * 0.16, 2, INK, 0.5);
};

const phone: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.3, -h * 0.42, w * 0.6, h * 0.84, 0x5c7080, 8);
  box(g, -w * 0.2, -h * 0.3, w * 0.4, h * 0.22, c.look.done ? 0xbfe8cf : 0xd8e3ea, 3, 2);
  for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) circle(g, -w * 0.14 + k * w * 0.14, h * 0.02 + r * h * 0.12, 4, WHITE, 1.5);
  box(g, -w * 0.44, -h * 0.46, w * 0.18, h * 0.5, 0x3b4d5a, 6, 2);
};

const alarm: DrawKind = (c) => {
  const { g, w, h } = c;
  const ringing = c.look.alarm;
  box(g, -w * 0.32, h * 0.12, w * 0.64, h * 0.22, STEEL_DARK, 4);
  poly(g, [-w * 0.26, h * 0.12, -w * 0.26, -h * 0.12, -w * 0.14, -h * 0.3, w * 0.14, -h * 0.3, w * 0.26, -h * 0.12, w * 0.26, h * 0.12], ringing ? RED : 0xe7a0a0);
  if (ringing) for (const s of [-1, 1]) {
    path(g, [s * w * 0.34, -h * 0.3, s * w * 0.46, -h * 0.4], 3, RED);
    path(g, [s * w * 0.36, -h * 0.12, s * w * 0.5, -h * 0.12], 3, RED);
  }
};

const computer: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.42, -h * 0.45, w * 0.84, h * 0.58, 0x3b4d5a, 6);
  screen(c, -w * 0.36, -h * 0.39, w * 0.72, h * 0.46);
  box(g, -6, h * 0.13, 12, h * 0.14, STEEL_DARK, 0, 2);
  box(g, -w * 0.38, h * 0.27, w * 0.76, h * 0.16, STEEL, 3);
  for (let k = 0; k < 6; k++) line(g, -w * 0.32 + k * w * 0.12, h * 0.33, -w * 0.26 + k * w * 0.12, h * 0.33, 3, INK, 0.4);
};

const statusBoard: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h / 2, w, h, WHITE, 6);
  const rows = 4;
  for (let r = 0; r < rows; r++) {
    const y = -h / 2 + 16 + r * ((h - 24) / rows);
    line(g, -w / 2 + 10, y + 10, w / 2 - 40, y + 10, 2, INK, 0.3);
    const colour = r === 1 && (c.look.alarm || c.look.problem) ? RED : r < 3 || c.look.done ? GREEN : YELLOW;
    circle(g, w / 2 - 22, y + 8, 8, colour, 2);
  }
};

const waste: DrawKind = (c) => {
  const { g, w, h } = c;
  poly(g, [-w * 0.3, -h * 0.24, w * 0.3, -h * 0.24, w * 0.24, h * 0.42, -w * 0.24, h * 0.42], YELLOW);
  box(g, -w * 0.36, -h * 0.34, w * 0.72, h * 0.12, 0xe9c24f, 3);
  // the biohazard-style warning triangle
  poly(g, [0, -h * 0.08, w * 0.12, h * 0.14, -w * 0.12, h * 0.14], INK, 0);
  poly(g, [0, -h * 0.02, w * 0.07, h * 0.11, -w * 0.07, h * 0.11], YELLOW, 0);
  if (c.look.fill === 1) box(g, -w * 0.34, -h * 0.42, w * 0.68, h * 0.1, 0xf2e9d0, 3, 2);
};

export const FURNITURE: Record<string, DrawKind> = {
  door,
  bench,
  sink,
  locker,
  dispenser,
  spray,
  mirror,
  logbook,
  document: documentKind,
  label,
  phone,
  alarm,
  computer,
  'status-board': statusBoard,
  waste,
};
