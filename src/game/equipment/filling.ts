/**
 * Aseptic filling views (the filling line under its RABS, and what monitors
 * it): the outlet of the depyrogenation tunnel with its conveyor of vials,
 * the filling machine (needles over the star wheel, a counter on its
 * screen), the stopper bowl and its chute, a RABS glove port, a tray of
 * filled vials, the inspection booth (black and white halves under a lamp)
 * and the active air sampler (a perforated head on its body).
 */
import { GREEN, INK, RED, STEEL, STEEL_DARK, WHITE } from '../palette';
import { box, boxC, circle, ellipse, glass, lamp, levelOf, line, liquid, path, poly, screen, type Ctx, type DrawKind } from './kit';

const GLOVE = 0x3e4a8c;

/** A small upright vial at (x, y) (its base), with medium up to `level`; red cap when stoppered/capped. */
function smallVial(c: Ctx, x: number, y: number, vw: number, vh: number, level: number, capped: boolean, turbid = false) {
  const { g } = c;
  if (level > 0) {
    g.fillStyle(turbid ? 0xd9c48a : 0xf6dca8, 0.95);
    g.fillRect(x - vw / 2 + 2, y - vh * level, vw - 4, vh * level - 2);
  }
  glass(g, x - vw / 2, y - vh, vw, vh, 3);
  if (capped) box(g, x - vw / 2 - 1, y - vh - 6, vw + 2, 8, 0xc8c8c8, 2, 2);
}

const tunnel: DrawKind = (c) => {
  const { g, w, h } = c;
  // the tunnel's cooling zone and outlet, the conveyor running out of it
  box(g, -w / 2, -h * 0.42, w * 0.56, h * 0.62, STEEL, 8);
  for (let k = 1; k < 4; k++) line(g, -w / 2 + k * w * 0.14, -h * 0.4, -w / 2 + k * w * 0.14, -h * 0.22, 2, INK, 0.4);
  screen(c, -w * 0.44, -h * 0.16, w * 0.32, h * 0.2);
  lamp(c, -w * 0.02, -h * 0.3, 6);
  box(g, -w * 0.06, h * 0.08, w * 0.56, h * 0.1, STEEL_DARK, 2, 2);
  const n = 4;
  for (let k = 0; k < n; k++) smallVial(c, w * 0.04 + k * w * 0.12, h * 0.08, w * 0.08, h * 0.2, 0, false);
  for (const s of [-0.02, 0.46]) line(g, w * s, h * 0.18, w * s, h * 0.42, 4, STEEL_DARK);
  if (c.look.on && c.motion) {
    const v = c.scene.add.rectangle(w * 0.02, h * 0.04, w * 0.06, h * 0.14, 0xeaf6fd, 0.9).setStrokeStyle(2, INK);
    c.layer.add(v);
    c.loop({ targets: v, x: w * 0.44, duration: 1400, repeat: -1, ease: 'Linear' });
  } else if (c.look.on) for (let k = 0; k < 3; k++) path(g, [w * 0.06 + k * w * 0.14, h * 0.28, w * 0.14 + k * w * 0.14, h * 0.28], 3, GREEN);
};

const fillingMachine: DrawKind = (c) => {
  const { g, w, h } = c;
  // the machine's base under the RABS, the star wheel, the needles above it
  box(g, -w / 2, h * 0.16, w, h * 0.3, WHITE, 8);
  screen(c, w * 0.06, h * 0.2, w * 0.38, h * 0.2);
  lamp(c, -w * 0.4, h * 0.3, 7);
  ellipse(g, -w * 0.16, h * 0.14, w * 0.56, h * 0.1, STEEL);
  for (let k = 0; k < 5; k++) smallVial(c, -w * 0.36 + k * w * 0.1, h * 0.12, w * 0.07, h * 0.18, c.look.on || c.look.done ? 0.5 : 0, false);
  // the needle block on its arm
  path(g, [w * 0.2, h * 0.14, w * 0.2, -h * 0.42, -w * 0.16, -h * 0.42], 6, STEEL_DARK);
  box(g, -w * 0.36, -h * 0.44, w * 0.42, h * 0.1, STEEL, 3, 2);
  for (let k = 0; k < 4; k++) line(g, -w * 0.3 + k * w * 0.1, -h * 0.34, -w * 0.3 + k * w * 0.1, h * 0.0 - (c.look.on ? h * 0.1 : h * 0.18), 3, INK);
  // product tubing from the buffer above
  path(g, [-w * 0.14, -h * 0.44, -w * 0.14, -h * 0.5, w * 0.44, -h * 0.5], 5, 0xe9eef2);
  if (c.look.connected) circle(g, w * 0.44, -h * 0.5, 6, GREEN, 2);
};

const stopperBowl: DrawKind = (c) => {
  const { g, w, h } = c;
  const fill = levelOf(c, 0.6);
  // the vibratory bowl on its drive, the chute down to the line
  box(g, -w * 0.18, h * 0.1, w * 0.36, h * 0.34, STEEL_DARK, 4);
  poly(g, [-w * 0.42, -h * 0.34, w * 0.42, -h * 0.34, w * 0.3, h * 0.1, -w * 0.3, h * 0.1], STEEL);
  for (let k = 0; k < Math.round(fill * 10); k++) circle(g, -w * 0.28 + (k % 5) * w * 0.14, -h * 0.08 - Math.floor(k / 5) * h * 0.12, w * 0.05, 0x9aa3ab, 1.5);
  path(g, [w * 0.36, -h * 0.28, w * 0.46, h * 0.36], 8, STEEL_DARK);
  if (c.look.problem) {
    // a stopper wedged across the chute
    boxC(g, w * 0.42, h * 0.06, w * 0.12, h * 0.1, RED, 2, 2);
  }
};

const glovePort: DrawKind = (c) => {
  const { g, w, h } = c;
  // a panel of the RABS's rigid wall, the port ring, the glove hanging inside
  box(g, -w / 2, -h / 2, w, h, 0xd5ecf7, 6, 2, 0.7);
  circle(g, 0, -h * 0.12, Math.min(w, h) * 0.3, STEEL, 4);
  circle(g, 0, -h * 0.12, Math.min(w, h) * 0.22, 0xeaf6fd, 2);
  // the glove: cuff then hand, reaching in
  poly(g, [-w * 0.14, -h * 0.04, w * 0.14, -h * 0.04, w * 0.16, h * 0.3, -w * 0.16, h * 0.3], c.look.gone ? 0x8c96b8 : GLOVE, 2);
  for (let k = 0; k < 4; k++) box(g, -w * 0.15 + k * w * 0.08, h * 0.3, w * 0.06, h * 0.14, GLOVE, 3, 2);
  if (c.look.problem) line(g, -w * 0.06, h * 0.1, w * 0.08, h * 0.2, 4, RED);
};

const vialTray: DrawKind = (c) => {
  const { g, w, h } = c;
  const level = levelOf(c, 0.5);
  box(g, -w * 0.48, h * 0.2, w * 0.96, h * 0.16, STEEL, 4);
  for (let r = 0; r < 2; r++)
    for (let k = 0; k < 6; k++) smallVial(c, -w * 0.38 + k * w * 0.15 + r * w * 0.06, h * 0.2 - r * h * 0.06, w * 0.1, h * 0.34, level, true, c.look.problem === true && r === 0 && k === 3);
  // upside down once inverted: an arrow turning over the tray
  if (c.look.open) {
    g.lineStyle(3, INK, 1).beginPath().arc(0, -h * 0.3, w * 0.16, Math.PI * 1.1, Math.PI * 1.9, false).strokePath();
    poly(g, [w * 0.12, -h * 0.44, w * 0.2, -h * 0.34, w * 0.08, -h * 0.32], INK, 0);
  }
};

const inspectionBooth: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h / 2, w, h * 0.86, 0xe7ecef, 6);
  box(g, -w * 0.44, -h * 0.36, w * 0.42, h * 0.56, WHITE, 2, 2);
  box(g, 0.02 * w, -h * 0.36, w * 0.42, h * 0.56, 0x26313a, 2, 2);
  // the lamp in the hood, lit while inspecting
  box(g, -w * 0.4, -h * 0.46, w * 0.8, h * 0.07, c.look.on ? 0xfff4c2 : STEEL, 3, 2);
  screen(c, w * 0.1, h * 0.22, w * 0.34, h * 0.14);
  lamp(c, -w * 0.34, h * 0.29, 6);
  smallVial(c, -w * 0.22, h * 0.14, w * 0.12, h * 0.3, 0.55, true, c.look.problem === true);
};

const airSampler: DrawKind = (c) => {
  const { g, w, h } = c;
  // the body with its screen, the sampling head (perforated lid over an agar plate) on top
  box(g, -w * 0.34, -h * 0.1, w * 0.68, h * 0.52, WHITE, 8);
  screen(c, -w * 0.26, -h * 0.02, w * 0.52, h * 0.22);
  lamp(c, w * 0.2, h * 0.32, 6);
  box(g, -w * 0.06, -h * 0.2, w * 0.12, h * 0.1, STEEL_DARK, 2, 2);
  ellipse(g, 0, -h * 0.28, w * 0.6, h * 0.16, STEEL);
  for (let k = 0; k < 7; k++) circle(g, -w * 0.21 + k * w * 0.07, -h * 0.28, 2.5, INK, 0);
  if (c.look.open) ellipse(g, 0, -h * 0.44, w * 0.5, h * 0.1, 0xf3dc8a);
};

/** The kinds of this family, by their scenario names. */
export const FILLING: Record<string, DrawKind> = {
  tunnel,
  'filling-machine': fillingMachine,
  'stopper-bowl': stopperBowl,
  'glove-port': glovePort,
  'vial-tray': vialTray,
  'inspection-booth': inspectionBooth,
  'air-sampler': airSampler,
};
