/**
 * The operator in the changing room: background art (not an object, not
 * tappable) that wears what the trainee has put on. What it wears is read
 * from the objects' looks by kind, never by object id: a garment whose look
 * is `on` (and not `gone`) is worn; the personal items `on` are still worn
 * (watch, ring); street clothes until a facility suit or a coverall is on; a
 * pair of gloves worn with a `problem` is torn. Pure: no Phaser, so it is
 * unit-tested and the room only draws the result.
 */
import type { StateLook } from '../engine/types';
import type { Box } from './layout';
import { lookFor } from './stateLook';

/** Garment kinds the figure can wear, in the order they go on the body (under to over). */
export const GARMENT_KINDS = ['facility-suit', 'overboots', 'coverall', 'hood', 'mask', 'goggles', 'gloves'] as const;
export type GarmentKind = (typeof GARMENT_KINDS)[number];

export interface Worn {
  /** Street clothes: until a facility suit or a coverall is on. */
  street: boolean;
  /** Watch, ring…: while the personal items are worn. */
  jewellery: boolean;
  /** Garment kinds worn (each once, in GARMENT_KINDS order). */
  garments: GarmentKind[];
  /** Pairs of gloves worn (inner, outer…). */
  gloves: number;
  /** A pair of gloves worn is torn (look `problem` while `on`). */
  torn: boolean;
}

interface ObjectLike {
  kind: string;
  state: string;
  alert: boolean;
  look?: StateLook;
}

/** What the operator wears, from the room's objects as the engine shows them. */
export function wornBy(objects: readonly ObjectLike[]): Worn {
  const on = new Set<GarmentKind>();
  let gloves = 0;
  let torn = false;
  let jewellery = false;
  for (const o of objects) {
    const l = lookFor(o);
    const wearing = l.on === true && !l.gone;
    if (o.kind === 'personal-items') {
      if (wearing) jewellery = true;
      continue;
    }
    if (!wearing || !(GARMENT_KINDS as readonly string[]).includes(o.kind)) continue;
    on.add(o.kind as GarmentKind);
    if (o.kind === 'gloves') {
      gloves++;
      if (l.problem) torn = true;
    }
  }
  return {
    street: !on.has('facility-suit') && !on.has('coverall'),
    jewellery,
    garments: GARMENT_KINDS.filter((k) => on.has(k)),
    gloves,
    torn,
  };
}

/** The figure's words for the page (data-figure): what it wears, e.g. `street,jewellery` or `coverall,gloves×2,torn`. */
export function wornWords(w: Worn): string {
  const out: string[] = [];
  if (w.street) out.push('street');
  if (w.jewellery) out.push('jewellery');
  for (const g of w.garments) out.push(g === 'gloves' ? `gloves×${w.gloves}` : g);
  if (w.torn) out.push('torn');
  return out.join(',');
}

/** The figure's size in room units (feet to top of the head, shoulder to shoulder with the hands). */
export const FIGURE_W = 60;
export const FIGURE_H = 128;

/**
 * Where the figure stands in each room that has one (its feet, in room
 * units): in the changing room, on the clean side between the mirror and the
 * second pair of gloves, where no object is drawn.
 */
const SPOTS: Record<string, { x: number; y: number }> = {
  'changing-room': { x: 956, y: 556 },
};

/** The figure's box in the room (labels keep off it), or null when the room has no figure or nothing in it is worn. */
export function figureBox(room: string, objects: readonly { kind: string }[]): Box | null {
  const at = SPOTS[room];
  if (!at || !objects.some((o) => (GARMENT_KINDS as readonly string[]).includes(o.kind))) return null;
  return { x: at.x - FIGURE_W / 2, y: at.y - FIGURE_H, w: FIGURE_W, h: FIGURE_H };
}
