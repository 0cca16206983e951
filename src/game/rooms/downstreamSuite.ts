/**
 * The downstream suite, as background only: the process piping running flat
 * along the top of the wall, and plain panels. The skid, column, tanks and
 * monitors are the scenario's objects, so the wall draws none of them (a
 * drawn steel tank that a tap does not select would mislead).
 */
import { STEEL_DARK } from '../palette';
import { ROOM_W } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const downstreamSuite: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 213);
  // process piping, flat along the top of the wall
  g.fillStyle(STEEL_DARK, 0.6).fillRect(0, 38, ROOM_W, 6);
  g.fillStyle(STEEL_DARK, 0.45).fillRect(0, 50, ROOM_W, 4);
  gradeBadge(r, 'C');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const downstreamSuiteStations: Station[] = [
  st('preparation', 'Préparation', 'Preparation', area(0, 427, 0)),
  st('chromatography-skid', 'Skid de chromatographie', 'Chromatography skid', area(427, 853, 0)),
  st('column-outlet', 'Sortie de colonne', 'Column outlet', area(853, 1280, 0)),
  st('documents', 'Documents et téléphone', 'Documents and phone', area(0, 427, 1)),
  st('monitoring', 'Pression et capteurs', 'Pressure and sensors', area(427, 853, 1)),
  st('hold-tank', 'Cuve de maintien', 'Hold tank', area(853, 1280, 1)),
];
