/**
 * Objects put inside another one (a look's `inside`: a vial in the safety
 * cabinet): which object holds which, and where in the holder's drawing each
 * one stands. Pure: no Phaser, unit-tested; the room moves the drawings.
 */
import type { StateLook } from '../engine/types';
import { sizeOf } from './layout';

/** Each object inside another, to its holder's id; an object cannot be inside itself, nor inside what is not in the room, nor inside something itself inside. */
export function holdersOf(objects: readonly { id: string; look?: StateLook }[]): Map<string, string> {
  const ids = new Set(objects.map((o) => o.id));
  const raw = new Map<string, string>();
  for (const o of objects) {
    const h = o.look?.inside;
    if (h && h !== o.id && ids.has(h)) raw.set(o.id, h);
  }
  // one level only: a holder that is itself inside something holds nothing drawn inside it
  return new Map([...raw].filter(([, h]) => !raw.has(h)));
}

/**
 * Where an object inside a holder stands (its centre), from the holder's
 * centre and kind: on the work surface of a safety cabinet, towards its back
 * right (clean to dirty: the work zone's middle is left free), the holder's
 * lower half for any other kind; several side by side, in `index` of `count`.
 */
export function insideSpot(holder: { kind: string; x: number; y: number }, item: { kind: string }, index: number, count: number): { x: number; y: number } {
  const hs = sizeOf(holder.kind);
  const is = sizeOf(item.kind);
  const left = holder.x - hs.w / 2;
  const top = holder.y - hs.h / 2;
  if (holder.kind === 'cabinet') {
    // the work zone, as drawn (see cabinetZone): 12 in from each side, from 20 % to 76 % of the height
    const zx = left + 12;
    const zw = hs.w - 24;
    const floor = top + hs.h * 0.76;
    const from = zx + zw * 0.55;
    const to = zx + zw - is.w * 0.45;
    const x = count <= 1 ? (from + to) / 2 + zw * 0.08 : from + ((to - from) * index) / (count - 1);
    return { x, y: floor - is.h / 2 + 2 };
  }
  const x = count <= 1 ? holder.x : left + (hs.w * (index + 1)) / (count + 1);
  return { x, y: top + hs.h * 0.6 };
}
