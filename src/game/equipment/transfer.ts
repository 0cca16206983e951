/**
 * Material transfer views: a ventilated pass-through hatch set in the wall
 * (its window, an air grille on top, the timer on its screen, the items it
 * holds drawn inside by the room), a cardboard shipping carton (drawn faded
 * once taken away) and a sterile item in its wrappings (outer bag peeled
 * once `open`).
 */
import { INK, STEEL, STEEL_DARK, WHITE } from '../palette';
import { box, lamp, levelOf, line, poly, screen, type DrawKind } from './kit';

const passThrough: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.42, w, h * 0.84, STEEL, 6);
  // the filtered-air grille on top
  box(g, -w * 0.36, -h * 0.4, w * 0.72, h * 0.1, WHITE, 2, 2);
  for (let k = 1; k < 8; k++) line(g, -w * 0.36 + (k * w * 0.72) / 8, -h * 0.39, -w * 0.36 + (k * w * 0.72) / 8, -h * 0.31, 1.5, INK, 0.5);
  // the window on the chamber, a shelf, and what is in it
  box(g, -w * 0.4, -h * 0.24, w * 0.58, h * 0.5, 0xe4f2f9, 4, 2);
  line(g, -w * 0.38, h * 0.14, w * 0.16, h * 0.14, 3, STEEL_DARK);
  if (levelOf(c, 0) > 0) box(g, -w * 0.3, h * 0.02, w * 0.3, h * 0.12, WHITE, 3, 2);
  screen(c, w * 0.22, -h * 0.24, w * 0.24, h * 0.22);
  lamp(c, w * 0.28, h * 0.12, 6);
  lamp(c, w * 0.4, h * 0.12, 6);
};

const shipper: DrawKind = (c) => {
  const { g, w, h } = c;
  const brown = 0xd9b07a;
  poly(g, [-w * 0.4, -h * 0.1, w * 0.4, -h * 0.1, w * 0.4, h * 0.38, -w * 0.4, h * 0.38], brown);
  poly(g, [-w * 0.4, -h * 0.1, -w * 0.28, -h * 0.3, w * 0.28, -h * 0.3, w * 0.4, -h * 0.1], 0xe6c495);
  line(g, 0, -h * 0.3, 0, -h * 0.1, 3, 0xb48a50);
  box(g, -w * 0.1, h * 0.02, w * 0.2, h * 0.12, WHITE, 2, 2);
};

const pack: DrawKind = (c) => {
  const { g, w, h } = c;
  // the inner wrapping with its item (a coiled tube) inside
  box(g, -w * 0.3, -h * 0.26, w * 0.6, h * 0.56, 0xf4f8fb, 8, 2);
  g.lineStyle(4, 0x8fb8d0, 1).strokeCircle(0, h * 0.02, w * 0.14);
  g.lineStyle(4, 0x8fb8d0, 1).strokeCircle(0, h * 0.02, w * 0.07);
  if (!c.look.open) {
    // the outer bag over it, sealed at the top
    box(g, -w * 0.38, -h * 0.34, w * 0.76, h * 0.72, 0xdfe9ef, 10, 3, 0.55);
    line(g, -w * 0.38, -h * 0.26, w * 0.38, -h * 0.26, 3, INK, 0.6);
  } else {
    // the outer bag peeled back
    poly(g, [-w * 0.38, h * 0.3, w * 0.38, h * 0.3, w * 0.3, h * 0.42, -w * 0.3, h * 0.42], 0xdfe9ef);
  }
};

export const TRANSFER: Record<string, DrawKind> = {
  'pass-through': passThrough,
  shipper,
  package: pack,
};
