/**
 * The preparation room (Grade C), as background only: a tiled splashback
 * along the wall and plain panels. The balance, the tank, the WFI point and
 * the bottles are the scenario's objects, so the wall draws none of them (a
 * drawn sink or vessel that a tap does not select would mislead).
 */
import { WALL_H, ROOM_W } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const prepRoom: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 213);
  // a tiled splashback behind the benches
  g.fillStyle(0xd5ebe1, 1).fillRect(0, WALL_H - 110, ROOM_W, 74);
  for (let x = 0; x < ROOM_W; x += 40) g.lineStyle(1.5, 0xb8d6c8, 1).lineBetween(x, WALL_H - 110, x, WALL_H - 36);
  for (let y = WALL_H - 110; y < WALL_H - 36; y += 37) g.lineStyle(1.5, 0xb8d6c8, 1).lineBetween(0, y, ROOM_W, y);
  gradeBadge(r, 'C');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const prepRoomStations: Station[] = [
  st('weighing-bench', 'Paillasse de pesée', 'Weighing bench', area(0, 640, 0)),
  st('preparation-tank', 'Cuve de préparation', 'Preparation tank', area(640, 1280, 0)),
  st('documents', 'Documents et téléphone', 'Documents and phone', area(0, 640, 1)),
  st('filtration', 'Filtration', 'Filtration', area(640, 1280, 1)),
];
