/**
 * The Grade B laboratory, as background only: plain panels and a viewing
 * window band. The safety cabinet, incubator, water bath and the rest are the
 * scenario's objects, so the wall draws none of them (a drawn cabinet that a
 * tap does not select would mislead).
 */
import { STEEL_DARK } from '../palette';
import { ROOM_W } from '../layout';
import { area, st, type Station } from '../stations';
import { gradeBadge, shell, wallPanels, type DrawRoom } from './shell';

export const gradeBLab: DrawRoom = (r) => {
  shell(r);
  const { g } = r;
  wallPanels(r, 160);
  // a corridor window band, high on the wall, veiled: the view out, not a thing
  g.fillStyle(0xc9e6f5, 0.45).fillRoundedRect(40, 44, ROOM_W - 80, 40, 8);
  g.lineStyle(2, STEEL_DARK, 0.6).strokeRoundedRect(40, 44, ROOM_W - 80, 40, 8);
  gradeBadge(r, 'B');
};

/** Its stations: where the camera goes close (ids as in src/engine/rooms.ts). */
export const gradeBLabStations: Station[] = [
  st('water-bath', 'Bain-marie', 'Water bath', area(0, 320, 0)),
  st('safety-cabinet', 'Poste de sécurité microbiologique', 'Safety cabinet', area(320, 800, 0)),
  st('bioreactor', 'Bioréacteur', 'Bioreactor', area(800, 1280, 0)),
  st('documents', 'Documents et téléphone', 'Documents and phone', area(0, 320, 1)),
  st('cell-counter', 'Compteur de cellules', 'Cell counter', area(320, 640, 1)),
  st('transfer', 'Transfert et soudure', 'Transfer and welding', area(640, 960, 1)),
  st('sampling', 'Prélèvement', 'Sampling', area(960, 1280, 1)),
];
