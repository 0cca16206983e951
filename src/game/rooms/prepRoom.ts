/**
 * The preparation room (Grade C): long benches with drawers and shelves of
 * bottles, the balance area on its stone table, the WFI point with its
 * stainless loop and blue valve, and a pass-through hatch.
 */
import { BLUE_DARK, INK, STEEL, STEEL_DARK, WATER, WHITE } from '../palette';
import { WALL_H } from '../layout';
import { box, circle, line, path } from '../equipment/kit';
import { gradeBadge, pressureDial, shell, veil, type DrawRoom } from './shell';

const CAPS = [0x4f8fd6, 0xe2a13b, 0x5bb37f, 0xd0607a, 0x4f8fd6, 0x8a79c9];

export const prepRoom: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  // shelves with bottles
  for (const y of [86, 150]) {
    box(g, 90, y + 34, 560, 8, STEEL, 2, 2);
    for (let k = 0; k < 12; k++) {
      const x = 104 + k * 45;
      box(g, x, y + 4, 26, 30, k % 3 ? 0xf6e7d8 : 0xe3f1f8, 5, 2);
      box(g, x + 6, y - 2, 14, 8, CAPS[k % CAPS.length]!, 2, 1.5);
    }
  }
  // bench: worktop and drawers
  box(g, 60, WALL_H - 70, 640, 20, WHITE, 3);
  for (let k = 0; k < 8; k++) {
    box(g, 66 + k * 79, WALL_H - 48, 74, 40, 0xe9f3ee, 3, 2);
    line(g, 88 + k * 79, WALL_H - 30, 118 + k * 79, WALL_H - 30, 3, STEEL_DARK);
  }
  // balance area: a heavy stone table against vibrations
  box(g, 750, WALL_H - 80, 230, 26, 0x7d8a93, 3);
  box(g, 770, WALL_H - 54, 20, 54, STEEL_DARK, 2, 2);
  box(g, 940, WALL_H - 54, 20, 54, STEEL_DARK, 2, 2);
  box(g, 800, WALL_H - 150, 130, 70, 0xe8f6fc, 4, 2);
  box(g, 810, WALL_H - 100, 110, 16, WHITE, 2, 2);
  // WFI point: stainless loop from the ceiling, valve, outlet over a sink
  path(g, [1060, 30, 1060, 170, 1100, 170, 1100, 190], 14, STEEL_DARK);
  path(g, [1060, 30, 1060, 170, 1100, 170, 1100, 190], 2, INK);
  box(g, 1046, 110, 28, 28, BLUE_DARK, 4);
  line(g, 1060, 124, 1080, 108, 5);
  box(g, 1030, 60, 60, 16, 0x6fb7e8, 2, 2);
  box(g, 1050, 210, 120, 30, STEEL, 4);
  circle(g, 1100, 200, 4, WATER, 1.5);
  veil(r, 0.3);
  // pass-through hatch
  box(g, 1180, 110, 80, 90, STEEL, 4);
  box(g, 1190, 120, 60, 70, 0xd6ecf7, 2, 2);
  circle(g, 1196, 100, 5, 0x3fbf74, 2);
  gradeBadge(r, 'C');
  pressureDial(r, 1000, 70);
};
