/**
 * A Grade C preparation room being cleaned, as background only: plain wall
 * panels and the coved floor of the shell, with the door's frame at the
 * exit drawn flat on the wall so the floor reads as cleaned towards it. The
 * ceiling, walls, floor, bench, equipment and the cleaning cart's buckets,
 * bottles and mop are the scenario's objects, so the wall draws none of them.
 */
import { ROOM_W, WALL_H } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const gradeCRoom: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 320);
  // the exit, a flat frame in the wall at the right: where the floor is cleaned towards
  g.lineStyle(3, r.colours.accent, 0.55).strokeRect(ROOM_W - 70, WALL_H - 190, 56, 184);
  // an arrow on the floor towards the exit (the cleaning's direction), faint: a marking, not a thing
  g.lineStyle(4, r.colours.accent, 0.35).lineBetween(ROOM_W - 520, WALL_H + 40, ROOM_W - 110, WALL_H + 40);
  g.fillStyle(r.colours.accent, 0.35).fillTriangle(ROOM_W - 110, WALL_H + 30, ROOM_W - 110, WALL_H + 50, ROOM_W - 92, WALL_H + 40);
  gradeBadge(r, 'C');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const gradeCRoomStations: Station[] = [
  st('ceiling-walls', 'Plafond et murs', 'Ceiling and walls', area(0, 427, 0)),
  st('bench', 'Paillasse et équipements', 'Bench and equipment', area(427, 853, 0)),
  st('documents', 'Programme et cahier', 'Programme and logbook', area(853, 1280, 0)),
  st('cart', 'Chariot de nettoyage', 'Cleaning cart', area(0, 640, 1)),
  st('floor', 'Sol', 'Floor', area(640, 1280, 1)),
];
