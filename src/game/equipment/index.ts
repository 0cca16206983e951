/** Which drawing each object kind uses; a kind the room does not know gets the generic labelled cabinet. */
import { FILLING } from './filling';
import { CLEANING } from './cleaning';
import { FURNITURE } from './furniture';
import { GARMENTS } from './garments';
import type { DrawKind } from './kit';
import { LABWARE } from './labware';
import { generic, PROCESS } from './process';
import { TRANSFER } from './transfer';

const KINDS: Record<string, DrawKind> = { ...GARMENTS, ...FURNITURE, ...LABWARE, ...PROCESS, ...FILLING, ...CLEANING, ...TRANSFER };

export function drawerFor(kind: string): DrawKind {
  return KINDS[kind] ?? generic;
}

export const KNOWN_KINDS = Object.keys(KINDS);
