/**
 * The transfer airlock between a Grade C area and Grade B, as background
 * only: the dividing wall drawn between the Grade C side (left) and the
 * Grade B side (right), each half in its own tint. The hatch, both doors,
 * the carton and the items are the scenario's objects, so the wall draws
 * none of them.
 */
import { ROOM_W, WALL_H } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const transferAirlock: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 213);
  // the Grade B side, beyond the hatch: a cooler tint on its wall
  g.fillStyle(0xdff0fa, 0.7).fillRect(ROOM_W * 0.67, 32, ROOM_W * 0.33, WALL_H - 68);
  g.lineStyle(4, r.colours.accent, 0.6).lineBetween(ROOM_W * 0.67, 32, ROOM_W * 0.67, WALL_H - 4);
  gradeBadge(r, 'C');
  gradeBadge(r, 'B', ROOM_W - 24);
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const transferAirlockStations: Station[] = [
  st('grade-c-side', 'Côté zone C', 'Grade C side', area(0, 427, 0)),
  st('hatch', 'Passe-plat', 'Pass-through hatch', area(427, 853, 0)),
  st('grade-b-side', 'Côté zone B', 'Grade B side', area(853, 1280, 0)),
  st('preparation', 'Préparation des articles', 'Preparing the items', area(0, 640, 1)),
  st('documents', 'Liste et registre', 'List and record', area(640, 1280, 1)),
];
