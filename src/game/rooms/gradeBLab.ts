/**
 * The Grade B laboratory and its Grade A cabinet: the cabinet fills the
 * middle of the back wall with its HEPA, sash and the airflow falling through
 * the work zone (moving lines unless motion is reduced); an incubator, a
 * pass box and the door to the airlock around it.
 */
import { MEDIUM, STEEL, STEEL_DARK, WHITE } from '../palette';
import { WALL_H } from '../layout';
import { box, circle, line, poly } from '../equipment/kit';
import { addAirflow, cabinetZone, drawCabinetBody } from '../equipment/labware';
import { gradeBadge, pressureDial, shell, veil, type DrawRoom, type MotionCtx } from './shell';

const CABINET = { x: 420, y: 44, w: 440, h: WALL_H - 50 };
const ZONE = cabinetZone(CABINET.x, CABINET.y, CABINET.w, CABINET.h);

export const gradeBLab: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  // incubator against the left wall
  box(g, 70, 90, 150, WALL_H - 96, WHITE, 6);
  box(g, 82, 104, 100, WALL_H - 124, 0xcde8f5, 4, 2);
  for (let k = 1; k < 4; k++) line(g, 82, 104 + k * 44, 182, 104 + k * 44, 2, STEEL_DARK);
  for (let k = 0; k < 3; k++) poly(g, [96 + k * 28, 128, 110 + k * 28, 128, 116 + k * 28, 146, 90 + k * 28, 146], MEDIUM, 2);
  // pass box in the right wall
  box(g, 1010, 110, 110, 100, STEEL, 4);
  box(g, 1022, 122, 86, 76, 0xd6ecf7, 2, 2);
  circle(g, 1030, 98, 6, 0x3fbf74, 2);
  circle(g, 1050, 98, 6, 0x9aa7b0, 2);
  // the Grade A cabinet, always running here: arrows, or moving lines added by the scene
  drawCabinetBody(g, CABINET.x, CABINET.y, CABINET.w, CABINET.h, !r.motion);
  veil(r, 0.32);
  // the door to the airlock
  box(g, 1160, 60, 100, WALL_H - 58, STEEL_DARK, 4);
  box(g, 1170, 72, 80, WALL_H - 70, WHITE, 2);
  box(g, 1185, 90, 50, 60, 0xc9e6f5, 4, 2);
  gradeBadge(r, 'B');
  gradeBadge(r, 'A', 640, 22, 18);
  pressureDial(r, 960, 70);
};

/** The air falling through the Grade A cabinet's work zone. */
export const gradeBLabMotion = (m: MotionCtx) => addAirflow(m.scene, m.layer, m.loop, ZONE);
