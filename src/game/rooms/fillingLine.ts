/**
 * The aseptic filling room, Grade B, as background only: plain panels and,
 * along the back wall, the rigid glass walls of the RABS (Grade A inside,
 * its own badge) on the line's steel table, with the pass-out hatch drawn as
 * a plain frame in the wall. The tunnel outlet, the filling machine, the
 * stopper bowl, the glove port, the monitoring plates and samplers, the
 * documents and the incubator are the scenario's objects, so the wall draws
 * none of them (a drawn machine that a tap does not select would mislead).
 */
import { STEEL, STEEL_DARK } from '../palette';
import { WALL_H } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const fillingLine: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 256);
  // the RABS: a glass enclosure over the line, from the tunnel's wall to the capping end
  g.fillStyle(0xd8eef9, 0.35).fillRect(30, 40, 1220, WALL_H - 54);
  g.lineStyle(4, STEEL_DARK, 0.9).strokeRect(30, 40, 1220, WALL_H - 54);
  for (const x of [437, 843]) g.lineStyle(3, STEEL_DARK, 0.7).lineBetween(x, 40, x, WALL_H - 14);
  // the line's steel table along the foot of the enclosure
  g.fillStyle(STEEL, 1).fillRect(30, WALL_H - 22, 1220, 12);
  g.lineStyle(2, STEEL_DARK, 1).strokeRect(30, WALL_H - 22, 1220, 12);
  gradeBadge(r, 'B');
  gradeBadge(r, 'A', 1226, 62, 12);
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const fillingLineStations: Station[] = [
  st('infeed', 'Sortie du tunnel', 'Tunnel outlet', area(0, 427, 0)),
  st('filling', 'Remplissage sous RABS', 'Filling under the RABS', area(427, 853, 0)),
  st('stoppering', 'Bouchage', 'Stoppering', area(853, 1280, 0)),
  st('documents', 'Documents et téléphone', 'Documents and phone', area(0, 427, 1)),
  st('monitoring', 'Surveillance de l’environnement', 'Environmental monitoring', area(427, 853, 1)),
  st('pass-out', 'Sortie vers incubation et mirage', 'Pass-out to incubation and inspection', area(853, 1280, 1)),
];
