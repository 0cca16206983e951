/**
 * The changing room: lockers for street clothes, the wall sinks, the
 * step-over bench line splitting the floor into its outer (grey) and inner
 * (white) zones, the rack of sterile garments, and the airlock door to the
 * Grade B area with its interlock lights.
 */
import { INK, LILAC, STEEL, STEEL_DARK, WHITE, YELLOW } from '../palette';
import { ROOM_H, ROOM_W, WALL_H } from '../layout';
import { box, circle, ellipse, line, poly } from '../equipment/kit';
import { gradeBadge, pressureDial, shell, veil, type DrawRoom } from './shell';

export const changingRoom: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  // the outer zone is darker: street side of the bench line
  const split = ROOM_W * 0.4;
  g.fillStyle(0xb9c2cc, 0.55).fillRect(0, WALL_H + 7, split, ROOM_H - WALL_H);
  for (let y = WALL_H + 8; y < ROOM_H; y += 26) poly(g, [split - 6, y, split + 6, y, split + 6, y + 13, split - 6, y + 13], YELLOW, 0);
  g.lineStyle(3, INK, 0.9).lineBetween(split - 6, WALL_H + 8, split - 6, ROOM_H).lineBetween(split + 6, WALL_H + 8, split + 6, ROOM_H);
  // lockers
  for (let k = 0; k < 5; k++) {
    const x = 70 + k * 62;
    box(g, x, 70, 60, WALL_H - 76, LILAC, 3);
    for (let v = 0; v < 3; v++) line(g, x + 14, 84 + v * 7, x + 46, 84 + v * 7, 2, INK, 0.5);
    box(g, x + 44, 150, 6, 22, STEEL, 2, 2);
  }
  // wall sinks with their mirrors
  box(g, 420, 200, 200, 40, STEEL, 4);
  for (const x of [470, 570]) {
    ellipse(g, x, 212, 70, 18, WHITE, 2);
    box(g, x - 30, 90, 60, 80, 0xdff3fb, 6, 3);
    line(g, x - 14, 100, x + 6, 88 + 20, 3, WHITE);
  }
  // garment rack: hanging sterile coveralls in their pouches
  line(g, 760, 86, 1010, 86, 6, STEEL_DARK);
  for (let k = 0; k < 5; k++) {
    const x = 780 + k * 48;
    line(g, x + 16, 86, x + 16, 98, 2);
    box(g, x, 98, 34, 110, 0xcfe4f5, 6, 2);
    box(g, x + 6, 112, 22, 50, 0xeef3fb, 3, 1.5);
  }
  veil(r);
  // the airlock door: window, interlock lights, push plate
  box(g, 1110, 60, 140, WALL_H - 58, STEEL_DARK, 4);
  box(g, 1122, 72, 116, WALL_H - 70, WHITE, 2);
  circle(g, 1180, 130, 26, 0xc9e6f5, 3);
  box(g, 1220, 180, 10, 40, STEEL, 3, 2);
  circle(g, 1160, 46, 8, 0x3fbf74, 2);
  circle(g, 1200, 46, 8, 0xe04848, 2);
  gradeBadge(r, 'C');
  gradeBadge(r, 'B', 1180, 232, 18);
  pressureDial(r, 1060, 80);
};
