/**
 * Laboratory views: balance, media bottle, mixing vessel, pH meter,
 * osmometer, filter, vial, cell counter, pipette, water bath, incubator,
 * freezer, WFI point, particle counter, agar plates (settle and contact
 * plates), and the Grade A cabinet with its
 * airflow (lines falling through the work zone while it runs).
 */
import { BLUE, BLUE_DARK, INK, MEDIUM, STEEL, STEEL_DARK, WATER, WHITE, YELLOW } from '../palette';
import type Phaser from 'phaser';
import { box, boxC, circle, glass, lamp, levelOf, line, liquid, path, poly, screen, type Ctx, type DrawKind } from './kit';

const balance: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, h * 0.12, w, h * 0.34, WHITE, 6);
  screen(c, -w * 0.36, h * 0.18, w * 0.44, h * 0.2);
  lamp(c, w * 0.3, h * 0.28, 6);
  // draft shield
  box(g, -w * 0.4, -h * 0.46, w * 0.8, h * 0.58, 0xe8f6fc, 4, 2);
  line(g, -w * 0.3, -h * 0.4, -w * 0.3, h * 0.06, 3, WHITE, 0.9);
  box(g, -w * 0.22, h * 0.02, w * 0.44, 7, STEEL_DARK, 2, 2);
  if (c.look.done || c.look.on) boxC(g, 0, -h * 0.06, w * 0.24, h * 0.14, YELLOW, 3, 2);
};

const bottle: DrawKind = (c) => {
  const { g, w, h } = c;
  const bw = w * 0.5;
  const bh = h * 0.62;
  liquid(c, -bw / 2 + 3, -bh / 2 + 12, bw - 6, bh - 15, levelOf(c, 0.7), 0xf6c7a8, 8);
  glass(g, -bw / 2, -bh / 2 + 8, bw, bh, 10);
  box(g, -bw * 0.3, -bh / 2 - 6, bw * 0.6, 12, 0x4f8fd6, 3, 2);
  if (c.look.open) box(g, bw * 0.4, -bh / 2 - 14, bw * 0.5, 10, 0x4f8fd6, 3, 2);
  box(g, -bw * 0.36, 0, bw * 0.72, bh * 0.22, WHITE, 2, 2);
};

const vessel: DrawKind = (c) => {
  const { g, w, h } = c;
  const vw = w * 0.7;
  const vh = h * 0.66;
  liquid(c, -vw / 2 + 4, -vh / 2 + 10, vw - 8, vh - 14, levelOf(c, 0.55), 0xf7d9a6, 12);
  glass(g, -vw / 2, -vh / 2, vw, vh, 16);
  // stirrer from the motor on top
  box(g, -w * 0.12, -vh / 2 - 20, w * 0.24, 18, STEEL_DARK, 4);
  line(g, 0, -vh / 2 - 2, 0, vh * 0.3, 3);
  line(g, -12, vh * 0.3, 12, vh * 0.3, 4);
  for (const s of [-1, 1]) line(g, s * vw * 0.36, vh / 2, s * vw * 0.42, vh / 2 + 14, 4);
};

const phMeter: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.46, -h * 0.06, w * 0.6, h * 0.5, WHITE, 6);
  screen(c, -w * 0.4, 0, w * 0.48, h * 0.22);
  for (let k = 0; k < 3; k++) circle(g, -w * 0.34 + k * w * 0.16, h * 0.32, 5, STEEL, 2);
  // electrode on its arm, dipping in a beaker
  path(g, [w * 0.22, h * 0.4, w * 0.22, -h * 0.44, w * 0.36, -h * 0.44], 4, STEEL_DARK);
  box(g, w * 0.32, -h * 0.44, 8, h * 0.5, 0xf1f5f8, 3, 2);
  liquid(c, w * 0.22, h * 0.1, w * 0.26, h * 0.3, 0.6, 0xcbe9f5, 2);
  glass(g, w * 0.22, h * 0.04, w * 0.26, h * 0.36, 3);
};

const osmometer: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.44, -h * 0.3, w * 0.88, h * 0.7, 0xf1f4f7, 8);
  screen(c, -w * 0.36, -h * 0.22, w * 0.5, h * 0.26);
  box(g, w * 0.2, -h * 0.22, w * 0.16, h * 0.3, STEEL, 4, 2);
  circle(g, w * 0.28, -h * 0.3, 5, STEEL_DARK, 2);
  for (let k = 0; k < 4; k++) box(g, -w * 0.36 + k * w * 0.13, h * 0.14, w * 0.1, h * 0.1, STEEL, 2, 2);
};

const filter: DrawKind = (c) => {
  const { g, w, h } = c;
  line(g, 0, -h / 2, 0, -h * 0.34, 6, STEEL_DARK);
  line(g, 0, h * 0.34, 0, h / 2, 6, STEEL_DARK);
  box(g, -w * 0.22, -h * 0.36, w * 0.44, h * 0.72, 0xf4f7fa, 10);
  for (let k = 0; k < 5; k++) line(g, -w * 0.16, -h * 0.22 + k * h * 0.11, w * 0.16, -h * 0.22 + k * h * 0.11, 2, BLUE, 0.8);
  box(g, -w * 0.26, -h * 0.4, w * 0.52, 10, STEEL, 3, 2);
  box(g, -w * 0.26, h * 0.32, w * 0.52, 10, STEEL, 3, 2);
};

const vial: DrawKind = (c) => {
  const { g, w, h } = c;
  const vw = w * 0.56;
  const vh = h * 0.62;
  liquid(c, -vw / 2 + 3, -vh / 2 + 14, vw - 6, vh - 17, levelOf(c, 0.5), MEDIUM, 3);
  glass(g, -vw / 2, -vh / 2 + 6, vw, vh, 5);
  box(g, -vw / 2 - 2, -vh / 2 - 8, vw + 4, 14, c.look.open ? STEEL : 0xe25a6a, 3, 2);
};

const cellCounter: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.44, -h * 0.4, w * 0.88, h * 0.8, WHITE, 10);
  screen(c, -w * 0.36, -h * 0.32, w * 0.72, h * 0.36);
  box(g, -w * 0.3, h * 0.14, w * 0.36, h * 0.08, STEEL_DARK, 2, 2);
  box(g, -w * 0.24, h * 0.1, w * 0.2, h * 0.06, 0xc9e6f5, 1, 1.5);
  lamp(c, w * 0.28, h * 0.2, 6);
};

const pipette: DrawKind = (c) => {
  const { g, w, h } = c;
  // an angled single-channel pipette with its tip
  poly(g, [-w * 0.1, -h * 0.42, w * 0.12, -h * 0.42, w * 0.1, h * 0.1, -w * 0.06, h * 0.1], 0xeef2f6);
  box(g, -w * 0.08, -h * 0.5, w * 0.16, h * 0.1, BLUE, 3, 2);
  poly(g, [-w * 0.04, h * 0.1, w * 0.08, h * 0.1, w * 0.03, h * 0.46, w * 0.01, h * 0.46], c.look.done ? 0xfbe3a0 : 0xf7f0da, 2);
  line(g, w * 0.1, -h * 0.3, w * 0.26, -h * 0.26, 4, INK);
};

const waterBath: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.22, w, h * 0.64, STEEL, 8);
  box(g, -w * 0.44, -h * 0.16, w * 0.64, h * 0.36, 0xe4f4fb, 4, 2);
  liquid(c, -w * 0.43, -h * 0.12, w * 0.62, h * 0.3, levelOf(c, 0.75), WATER, 3);
  screen(c, w * 0.24, -h * 0.14, w * 0.22, h * 0.18);
  lamp(c, w * 0.35, h * 0.16, 5);
  if (c.look.open) poly(g, [-w / 2, -h * 0.22, w * 0.22, -h * 0.22, w * 0.16, -h * 0.48, -w * 0.44, -h * 0.48], 0xeef6fa, 2);
  else box(g, -w / 2 + 2, -h * 0.3, w * 0.7, 10, STEEL_DARK, 3, 2);
};

const incubator: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h / 2, w, h, WHITE, 8);
  const open = c.look.open === true;
  // the display across the top, above the door: its temperature is read and recorded (a small one beside the door
  // shrank « 22,3 °C » to a few pixels, unreadable even in a close-up)
  screen(c, -w * 0.42, -h * 0.46, w * 0.84, h * 0.17);
  box(g, -w * 0.42, -h * 0.24, w * 0.62, h * 0.66, open ? 0xdfeef5 : 0xcde8f5, 4, 2);
  for (let k = 1; k < 4; k++) line(g, -w * 0.4, -h * 0.24 + k * h * 0.165, w * 0.18, -h * 0.24 + k * h * 0.165, 2, STEEL_DARK);
  // flasks on the shelves
  for (let k = 0; k < 3; k++) poly(g, [-w * 0.3 + k * w * 0.18, -h * 0.06, -w * 0.24 + k * w * 0.18, -h * 0.06, -w * 0.2 + k * w * 0.18, h * 0.08, -w * 0.34 + k * w * 0.18, h * 0.08], MEDIUM, 2);
  lamp(c, w * 0.34, -h * 0.02, 6);
  if (open) poly(g, [-w * 0.42, -h * 0.24, -w * 0.62, -h * 0.32, -w * 0.62, h * 0.5, -w * 0.42, h * 0.42], 0xeef6fa, 2);
};

const freezer: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h / 2, w, h, WHITE, 8);
  line(g, -w / 2, -h * 0.2, w / 2, -h * 0.2, 2);
  screen(c, -w * 0.36, -h * 0.44, w * 0.72, h * 0.18);
  box(g, w * 0.3, -h * 0.1, 8, h * 0.3, STEEL, 3, 2);
  // frost crystals
  for (const [x, y] of [[-w * 0.2, h * 0.1], [0, h * 0.3], [-w * 0.26, h * 0.36]] as const) {
    line(g, x - 7, y, x + 7, y, 2, BLUE);
    line(g, x, y - 7, x, y + 7, 2, BLUE);
  }
};

const wfiTap: DrawKind = (c) => {
  const { g, w, h } = c;
  const open = c.look.open === true || c.look.on === true;
  // stainless loop from the wall, a valve, an outlet pointing down
  path(g, [-w / 2, -h * 0.3, w * 0.14, -h * 0.3, w * 0.14, h * 0.04], 12, STEEL_DARK);
  path(g, [-w / 2, -h * 0.3, w * 0.14, -h * 0.3, w * 0.14, h * 0.04], 2, INK);
  boxC(g, -w * 0.12, -h * 0.3, 24, 24, BLUE_DARK, 4);
  line(g, -w * 0.12, -h * 0.3, -w * 0.12 + (open ? 0 : 16), -h * 0.3 - (open ? 20 : 0), 5, INK);
  // a blue tag: water for injection, hot loop
  box(g, -w * 0.46, -h * 0.46, w * 0.3, h * 0.1, 0x6fb7e8, 2, 2);
  if (open) {
    if (c.motion) {
      const drop = c.scene.add.circle(w * 0.14, h * 0.12, 5, WATER).setStrokeStyle(2, INK);
      c.layer.add(drop);
      c.loop({ targets: drop, y: h * 0.42, alpha: 0.2, duration: 700, repeat: -1 });
    } else for (const k of [0, 1, 2]) circle(g, w * 0.14, h * 0.12 + k * 12, 4, WATER, 1.5);
  }
  box(g, -w * 0.04, h * 0.3, w * 0.36, h * 0.14, STEEL, 3, 2);
};

const particleCounter: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.44, -h * 0.2, w * 0.88, h * 0.6, 0xf3f6f8, 8);
  screen(c, -w * 0.36, -h * 0.12, w * 0.48, h * 0.28);
  lamp(c, w * 0.28, -h * 0.02, 6);
  // isokinetic probe on its tube
  path(g, [w * 0.3, -h * 0.2, w * 0.3, -h * 0.42, -w * 0.1, -h * 0.42], 4, STEEL_DARK);
  poly(g, [-w * 0.1, -h * 0.48, -w * 0.22, -h * 0.5, -w * 0.22, -h * 0.34, -w * 0.1, -h * 0.36], STEEL, 2);
  for (let k = 0; k < 3; k++) box(g, -w * 0.36 + k * w * 0.14, h * 0.22, w * 0.1, h * 0.08, STEEL, 2, 2);
};

export interface Zone {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A Grade A cabinet (laminar airflow / biosafety cabinet): HEPA on top, the
 * work zone, the sash, the work surface. Returns the work zone, where the air
 * falls: static arrows when `arrows`, else the caller adds moving lines.
 */
export function drawCabinetBody(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, arrows: boolean): Zone {
  box(g, x, y, w, h, WHITE, 8);
  box(g, x + 8, y + 6, w - 16, h * 0.14, STEEL, 3, 2);
  for (let k = 1; k < 8; k++) line(g, x + 8 + k * ((w - 16) / 8), y + 8, x + 8 + k * ((w - 16) / 8), y + 4 + h * 0.14, 1.5, INK, 0.4);
  const zone = cabinetZone(x, y, w, h);
  box(g, zone.x, zone.y, zone.w, zone.h, 0xeaf6fd, 3, 2);
  box(g, x + 4, zone.y + zone.h, w - 8, h * 0.08, STEEL_DARK, 2, 2);
  box(g, x + 10, y + h - h * 0.14, w - 20, h * 0.12, STEEL, 2, 2);
  if (arrows) {
    const cols = Math.max(3, Math.round(zone.w / 34));
    for (let k = 0; k < cols; k++) {
      const lx = zone.x + (k + 0.5) * (zone.w / cols);
      line(g, lx, zone.y + 8, lx, zone.y + zone.h - 18, 2.5, AIR);
      poly(g, [lx - 6, zone.y + zone.h - 20, lx + 6, zone.y + zone.h - 20, lx, zone.y + zone.h - 8], AIR, 0);
    }
  }
  // the sash: glass over the upper part of the opening
  g.fillStyle(0xbfe3f5, 0.35);
  g.fillRect(zone.x, zone.y, zone.w, zone.h * 0.45);
  line(g, zone.x, zone.y + zone.h * 0.45, zone.x + zone.w, zone.y + zone.h * 0.45, 3, INK);
  return zone;
}

const AIR = 0x5aa9dd;

/** The work zone of a cabinet drawn in (x, y, w, h). */
export function cabinetZone(x: number, y: number, w: number, h: number): Zone {
  return { x: x + 12, y: y + h * 0.2, w: w - 24, h: h * 0.56 };
}

/** The airflow as lines falling through the work zone, looping (only called when motion is allowed). */
export function addAirflow(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, loop: Ctx['loop'], zone: Zone) {
  const cols = Math.max(3, Math.round(zone.w / 34));
  for (let k = 0; k < cols; k++) {
    const lx = zone.x + (k + 0.5) * (zone.w / cols);
    const streak = scene.add.rectangle(lx, zone.y + 6, 3, zone.h * 0.28, AIR, 0.85).setOrigin(0.5, 0);
    layer.add(streak);
    loop({ targets: streak, y: zone.y + zone.h - zone.h * 0.28 - 4, duration: 1100, delay: (k % 3) * 300, repeat: -1, ease: 'Linear' });
  }
}

const cabinet: DrawKind = (c) => {
  const running = c.look.on !== false;
  const zone = drawCabinetBody(c.g, -c.w / 2, -c.h / 2, c.w, c.h, running && !c.motion);
  if (running && c.motion) addAirflow(c.scene, c.layer, c.loop, zone);
  lamp(c, c.w / 2 - 18, -c.h / 2 + 14, 6);
};

/**
 * Agar plates for environmental and personnel monitoring, seen from the side:
 * a stack of dishes on a tray, the top one with its lid lifted while open
 * (a settle plate exposed), agar level with the rim once used (a print taken).
 */
const petriPlate: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.46, h * 0.3, w * 0.92, h * 0.1, STEEL, 3, 2);
  for (let k = 0; k < 3; k++) {
    const y = h * 0.16 - k * h * 0.17;
    box(g, -w * 0.38, y, w * 0.76, h * 0.14, 0xeef6fa, 5, 2);
    box(g, -w * 0.34, y + h * 0.04, w * 0.68, h * 0.07, k === 2 && c.look.done ? 0xe8c15a : 0xf3dc8a, 2, 1);
  }
  const top = h * 0.16 - 2 * h * 0.17;
  if (c.look.open) poly(g, [-w * 0.4, top - h * 0.06, w * 0.36, top - h * 0.2, w * 0.4, top - h * 0.14, -w * 0.36, top], 0xdff0f8, 2, 0.85);
  else box(g, -w * 0.4, top - h * 0.05, w * 0.8, h * 0.07, 0xdff0f8, 4, 2, 0.85);
};

export const LABWARE: Record<string, DrawKind> = {
  balance,
  bottle,
  vessel,
  'ph-meter': phMeter,
  osmometer,
  filter,
  vial,
  'cell-counter': cellCounter,
  pipette,
  'water-bath': waterBath,
  incubator,
  freezer,
  'wfi-tap': wfiTap,
  'particle-counter': particleCounter,
  'petri-plate': petriPlate,
  cabinet,
};
