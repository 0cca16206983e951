/**
 * What every room shares: the back wall, the ceiling with its HEPA filters
 * and lights, the coved floor seen in a little perspective, plain wall
 * panels and the grade badge (the GMP letter is the same in every language).
 * Nothing here looks like equipment: every piece of equipment is an object
 * of the scenario, that a tap selects.
 */
import type Phaser from 'phaser';
import { INK, WHITE, type RoomColours } from '../palette';
import { ROOM_H, ROOM_W, WALL_H } from '../layout';
import { box, circle, line, path } from '../equipment/kit';

/** A room's still drawing: one Graphics, baked once into a texture by the Preloader. */
export interface RoomCtx {
  g: Phaser.GameObjects.Graphics;
  colours: RoomColours;
  /** Motion allowed: moving parts replace the static arrows. */
  motion: boolean;
}

export type DrawRoom = (r: RoomCtx) => void;

/** The room's moving parts, added by the Room scene when motion is allowed. */
export interface MotionCtx {
  scene: Phaser.Scene;
  layer: Phaser.GameObjects.Container;
  loop(config: Phaser.Types.Tweens.TweenBuilderConfig): void;
}

export function shell(r: RoomCtx) {
  const { g, colours } = r;
  g.fillStyle(colours.wall, 1).fillRect(0, 0, ROOM_W, WALL_H);
  g.fillStyle(colours.wallLow, 1).fillRect(0, WALL_H - 36, ROOM_W, 36);
  g.fillStyle(colours.floor, 1).fillRect(0, WALL_H, ROOM_W, ROOM_H - WALL_H);
  // floor seams towards a vanishing point high above the room
  const vx = ROOM_W / 2;
  const vy = -900;
  for (let k = -6; k <= 6; k++) {
    const bx = vx + k * 210;
    const t = (WALL_H - vy) / (ROOM_H - vy);
    g.lineStyle(2, colours.floorLine, 1).lineBetween(vx + (bx - vx) * t, WALL_H, bx, ROOM_H);
  }
  for (const y of [WALL_H + 70, WALL_H + 170, WALL_H + 300]) g.lineStyle(2, colours.floorLine, 1).lineBetween(0, y, ROOM_W, y);
  // coved skirting
  g.fillStyle(colours.wallLow, 1).fillRect(0, WALL_H - 6, ROOM_W, 12);
  g.lineStyle(3, INK, 0.8).lineBetween(0, WALL_H + 6, ROOM_W, WALL_H + 6);
  // ceiling: HEPA terminal filters and flush lights
  g.fillStyle(0xf6f9fb, 1).fillRect(0, 0, ROOM_W, 30);
  g.lineStyle(3, INK, 0.8).lineBetween(0, 30, ROOM_W, 30);
  for (let x = 120; x < ROOM_W; x += 260) {
    box(g, x, 4, 110, 22, WHITE, 2, 2);
    for (let k = 1; k < 6; k++) line(g, x + k * 18, 6, x + k * 18, 24, 1.5, INK, 0.35);
    box(g, x + 140, 8, 70, 14, 0xfffbe6, 4, 2);
  }
}

/** Plain wall panels: flat seams every `step` units, so the wall reads as a wall and nothing on it as equipment. */
export function wallPanels(r: RoomCtx, step: number) {
  for (let x = step; x < ROOM_W; x += step) r.g.lineStyle(2, r.colours.wallLow, 1).lineBetween(x, 32, x, WALL_H - 36);
}

/** The grade badge: the GMP letter of the room (the same in every language), drawn as strokes; small, in the ceiling's corner, clear of the stations. */
export function gradeBadge(r: RoomCtx, grade: 'A' | 'B' | 'C' | 'D', x = 24, y = 15, radius = 13) {
  circle(r.g, x, y, radius, WHITE, 4);
  r.g.lineStyle(4, r.colours.accent, 1).strokeCircle(x, y, radius - 6);
  letter(r.g, grade, x, y, radius * 0.9);
}

/** A, B, C or D in strokes, centred on (x, y), `size` high. */
export function letter(g: Phaser.GameObjects.Graphics, ch: 'A' | 'B' | 'C' | 'D', x: number, y: number, size: number) {
  const h = size / 2;
  const w = size * 0.36;
  const t = Math.max(3, size * 0.14);
  g.lineStyle(t, INK, 1);
  switch (ch) {
    case 'A':
      path(g, [x - w, y + h, x, y - h, x + w, y + h], t);
      g.lineBetween(x - w * 0.5, y + h * 0.25, x + w * 0.5, y + h * 0.25);
      break;
    case 'B':
      path(g, [x - w * 0.8, y - h, x - w * 0.8, y + h], t);
      path(g, [x - w * 0.8, y - h, x + w * 0.3, y - h, x + w * 0.7, y - h * 0.6, x + w * 0.7, y - h * 0.35, x + w * 0.3, y, x - w * 0.8, y], t);
      path(g, [x - w * 0.8, y, x + w * 0.4, y, x + w * 0.85, y + h * 0.4, x + w * 0.85, y + h * 0.6, x + w * 0.4, y + h, x - w * 0.8, y + h], t);
      break;
    case 'C':
      g.beginPath().arc(x + w * 0.1, y, h, Math.PI * 0.28, Math.PI * 1.72, false).strokePath();
      break;
    case 'D':
      path(g, [x - w * 0.8, y - h, x - w * 0.8, y + h], t);
      path(g, [x - w * 0.8, y - h, x, y - h, x + w * 0.8, y - h * 0.45, x + w * 0.8, y + h * 0.45, x, y + h, x - w * 0.8, y + h], t);
      break;
  }
}
