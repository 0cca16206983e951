/**
 * The downstream suite: the chromatography skid with its pumps, valve block
 * and packed column, and its screen with the UV (blue), pressure (red) and
 * conductivity (amber) traces; holding tanks and the process piping.
 */
import { INK, STEEL, STEEL_DARK, WHITE, YELLOW } from '../palette';
import { WALL_H } from '../layout';
import { box, circle, line, path } from '../equipment/kit';
import { gradeBadge, pressureDial, shell, veil, type DrawRoom } from './shell';

export const downstreamSuite: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  // holding tanks
  for (let k = 0; k < 2; k++) {
    const x = 90 + k * 130;
    box(g, x, 90, 100, 170, STEEL, 40);
    box(g, x + 30, 120, 40, 90, 0xe9f1f5, 6, 2);
    line(g, x + 20, 260, x + 16, WALL_H, 5);
    line(g, x + 80, 260, x + 84, WALL_H, 5);
  }
  // process piping
  path(g, [190, 70, 1240, 70], 10, INK);
  path(g, [190, 70, 1240, 70], 6, STEEL);
  // chromatography skid: frame, pumps, valves, column
  box(g, 420, 170, 380, 110, STEEL, 8);
  for (let k = 0; k < 3; k++) circle(g, 470 + k * 70, 220, 24, WHITE, 3);
  box(g, 660, 190, 110, 60, STEEL_DARK, 4);
  for (let k = 0; k < 4; k++) circle(g, 678 + k * 25, 220, 7, k === 1 ? YELLOW : WHITE, 2);
  box(g, 560, 60, 60, 110, 0xf3e3b0, 4);
  box(g, 552, 52, 76, 14, STEEL_DARK, 3);
  box(g, 552, 164, 76, 14, STEEL_DARK, 3);
  // the skid's screen with its three traces
  box(g, 860, 80, 330, 190, 0x3b4d5a, 8);
  box(g, 874, 94, 302, 150, 0x203847, 4, 2);
  for (let k = 1; k < 4; k++) line(g, 874, 94 + k * 37, 1176, 94 + k * 37, 1, WHITE, 0.15);
  const uv: number[] = [];
  const cond: number[] = [];
  const pressure: number[] = [];
  for (let i = 0; i <= 30; i++) {
    const t = i / 30;
    const x = 880 + t * 290;
    uv.push(x, 236 - 120 * Math.exp(-((t - 0.55) ** 2) / 0.006) - 6 * Math.exp(-((t - 0.25) ** 2) / 0.002));
    cond.push(x, 226 - 90 / (1 + Math.exp(-(t - 0.5) * 14)));
    pressure.push(x, 170 + Math.sin(t * 25) * 3);
  }
  path(g, uv, 3.5, 0x7fc8ff);
  path(g, cond, 3, 0xffc46b);
  path(g, pressure, 3, 0xff8c8c);
  veil(r, 0.34);
  gradeBadge(r, 'C');
  pressureDial(r, 360, 110);
};
