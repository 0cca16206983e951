/**
 * The upstream suite: the single-use bioreactor in its stainless holder with
 * the culture visible through the window, its control screen with trends,
 * the gas lines along the wall, and a rack of media bags.
 */
import { BLUE, INK, LCD, MEDIUM, STEEL, STEEL_DARK, WHITE } from '../palette';
import { WALL_H } from '../layout';
import { box, circle, line, path } from '../equipment/kit';
import { gradeBadge, pressureDial, shell, veil, type DrawRoom } from './shell';

export const upstreamSuite: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  // gas lines along the wall: air, O2, CO2, N2
  [0x5bb37f, 0x4f8fd6, 0x8f9ba5, 0xe2a13b].forEach((colour, k) => {
    path(g, [100, 48 + k * 10, 1180, 48 + k * 10], 7, INK);
    path(g, [100, 48 + k * 10, 1180, 48 + k * 10], 4, colour);
  });
  // media bags on their rack
  line(g, 90, 100, 330, 100, 6, STEEL_DARK);
  for (let k = 0; k < 4; k++) {
    const x = 100 + k * 58;
    line(g, x + 22, 100, x + 22, 112, 2);
    box(g, x, 112, 44, 86, 0xf3f8fb, 10, 2);
    box(g, x + 3, 140, 38, 55, k % 2 ? 0xf5c3a0 : MEDIUM, 8, 0);
    line(g, x + 22, 198, x + 22, 226, 3);
  }
  // the single-use bioreactor: stainless holder, window, motor, probes
  box(g, 760, 80, 220, WALL_H - 66, STEEL, 18);
  box(g, 810, 110, 120, 150, 0xf7eef2, 10, 2);
  box(g, 813, 150, 114, 107, MEDIUM, 8, 0);
  box(g, 830, 52, 80, 34, STEEL_DARK, 6);
  line(g, 870, 86, 870, 220, 4);
  line(g, 850, 220, 890, 220, 6);
  for (let k = 0; k < 4; k++) line(g, 940, 120 + k * 18, 1000, 112 + k * 18, 4, k === 1 ? BLUE : STEEL_DARK);
  // its control screen
  box(g, 1030, 70, 170, 150, 0x3b4d5a, 8);
  box(g, 1042, 82, 146, 100, 0x203847, 4, 2);
  path(g, [1048, 160, 1070, 150, 1095, 152, 1120, 130, 1150, 126, 1180, 118], 3, LCD);
  path(g, [1048, 140, 1080, 142, 1110, 139, 1140, 141, 1180, 140], 3, 0xffc46b);
  box(g, 1100, 220, 30, 50, STEEL_DARK, 2, 2);
  for (let k = 0; k < 4; k++) circle(g, 1060 + k * 36, 200, 7, k === 0 ? 0x3fbf74 : WHITE, 2);
  veil(r, 0.34);
  gradeBadge(r, 'C');
  pressureDial(r, 700, 80);
};
