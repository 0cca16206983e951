/**
 * The changing room, as background only: the street side's darker floor,
 * the yellow line of the step-over bench splitting it from the clean side,
 * and plain wall panels. The lockers, sink, mirror, garments and the airlock
 * door are the scenario's objects, so the wall draws none of them (a drawn
 * sink that a tap does not select would mislead).
 */
import { INK, YELLOW } from '../palette';
import { ROOM_H, ROOM_W, WALL_H } from '../layout';
import { poly } from '../equipment/kit';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const changingRoom: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 160);
  // the outer zone is darker: street side of the bench line
  const split = ROOM_W / 2;
  g.fillStyle(0xb9c2cc, 0.55).fillRect(0, WALL_H + 7, split, ROOM_H - WALL_H);
  for (let y = WALL_H + 8; y < ROOM_H; y += 26) poly(g, [split - 6, y, split + 6, y, split + 6, y + 13, split - 6, y + 13], YELLOW, 0);
  g.lineStyle(3, INK, 0.9).lineBetween(split - 6, WALL_H + 8, split - 6, ROOM_H).lineBetween(split + 6, WALL_H + 8, split + 6, ROOM_H);
  gradeBadge(r, 'C');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const changingRoomStations: Station[] = [
  st('street-side', 'Côté ville', 'Street side', area(0, 640, 0)),
  st('clean-side', 'Côté propre', 'Clean side', area(640, 1280, 0)),
  st('bench', 'Banc de franchissement', 'Step-over bench', area(0, 640, 1)),
  st('mirror', 'Miroir et porte du sas', 'Mirror and airlock door', area(640, 1280, 1)),
];
