/**
 * The upstream suite, as background only: the gas lines (air, O2, CO2, N2)
 * running flat along the top of the wall, and plain panels. The bioreactor,
 * its console and the bags are the scenario's objects, so the wall draws
 * none of them.
 */
import { ROOM_W } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const upstreamSuite: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 160);
  // gas lines along the wall: air, O2, CO2, N2
  [0x5bb37f, 0x4f8fd6, 0x8f9ba5, 0xe2a13b].forEach((colour, k) => {
    g.fillStyle(colour, 0.55).fillRect(0, 36 + k * 7, ROOM_W, 4);
  });
  gradeBadge(r, 'C');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const upstreamSuiteStations: Station[] = [
  st('entry', 'Entrée', 'Entry', area(0, 320, 0)),
  st('bioreactor', 'Bioréacteur', 'Bioreactor', area(320, 640, 0)),
  st('console', 'Console du bioréacteur', 'Bioreactor console', area(640, 960, 0)),
  st('sampling', 'Prélèvement', 'Sampling', area(960, 1280, 0)),
  st('documents', 'Documents', 'Documents', area(0, 320, 1)),
  st('quality-desk', 'Bureau qualité', 'Quality desk', area(320, 640, 1)),
  st('manifold', 'Manifold et lignes', 'Manifold and lines', area(640, 960, 1)),
  st('welding', 'Soudure et scellage', 'Welding and sealing', area(960, 1280, 1)),
];
