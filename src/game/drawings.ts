/**
 * What the room can draw, as plain data that Node reads without Phaser or
 * any drawing code: the object kinds that have a drawing of their own and the
 * rooms that have a background. From them, the warnings a scenario gets for
 * what the room would otherwise make up: a kind drawn as the generic cabinet,
 * a room drawn as the bare shell, a state whose look is not declared.
 * (A unit test keeps these lists equal to the drawings registered in
 * ./equipment and ./rooms.)
 */
import { statesWithoutLook } from '../engine/look';
import type { Localized, Scenario } from '../engine/types';

/** Kinds with a drawing of their own (src/game/equipment); any other kind is drawn as a plain cabinet. */
export const DRAWN_KINDS: readonly string[] = [
  'gloves', 'hood', 'mask', 'coverall', 'facility-suit', 'overboots', 'goggles', 'garment-pack', 'personal-items',
  'door', 'bench', 'sink', 'locker', 'dispenser', 'spray', 'mirror', 'logbook', 'document', 'label', 'phone', 'alarm', 'computer', 'status-board', 'waste',
  'balance', 'bottle', 'vessel', 'ph-meter', 'osmometer', 'filter', 'vial', 'cell-counter', 'pipette', 'water-bath', 'incubator', 'freezer', 'wfi-tap', 'particle-counter', 'petri-plate', 'cabinet',
  'bag', 'pump', 'integrity-tester', 'bioreactor', 'control-panel', 'sample-port', 'manifold', 'connector', 'tube-welder', 'tube-sealer', 'clamp', 'pressure-gauge', 'chromatography-skid', 'column', 'valve', 'uv-monitor',
  'tunnel', 'filling-machine', 'stopper-bowl', 'glove-port', 'vial-tray', 'inspection-booth', 'air-sampler',
  'surface', 'bucket', 'rinse-bucket', 'mop', 'wipes', 'timer', 'spill', 'worktable',
  'pass-through', 'shipper', 'package',
];

/** Rooms with a background of their own (src/game/rooms); any other room is the bare shell. */
export const DRAWN_ROOMS: readonly string[] = ['changing-room', 'prep-room', 'grade-b-lab', 'upstream-suite', 'downstream-suite', 'filling-line', 'grade-c-room', 'transfer-airlock'];

export interface DrawingWarning {
  /** Where in the file, as in the checker's problems: `room`, `objects[3].kind`, `objects[3].looks`. */
  path: string;
  /** The object concerned, if any. */
  object?: string;
  /** The word with no drawing or no look: the kind, the room or the state. */
  word: string;
  message: Localized;
}

const quote = (s: string) => `"${s}"`;

/** What the room would have to make up to draw this scenario; none for a scenario fully drawn and declared. */
export function drawingWarnings(s: Scenario): DrawingWarning[] {
  const out: DrawingWarning[] = [];
  if (!DRAWN_ROOMS.includes(s.room)) {
    out.push({
      path: 'room',
      word: s.room,
      message: { en: `the room ${quote(s.room)} has no drawing: the objects stand in a bare room`, fr: `la salle ${quote(s.room)} n'a pas de dessin : les objets sont posés dans une salle nue` },
    });
  }
  s.objects.forEach((o, i) => {
    if (!DRAWN_KINDS.includes(o.kind)) {
      out.push({
        path: `objects[${i}].kind`,
        object: o.id,
        word: o.kind,
        message: {
          en: `the object ${quote(o.id)} is of kind ${quote(o.kind)}, which has no drawing: it is drawn as a plain cabinet`,
          fr: `l'objet ${quote(o.id)} est du type ${quote(o.kind)}, qui n'a pas de dessin : il est dessiné comme une armoire`,
        },
      });
    }
    const missing = statesWithoutLook(o);
    if (!o.looks) {
      out.push({
        path: `objects[${i}].looks`,
        object: o.id,
        word: missing.join(', '),
        message: {
          en: `the object ${quote(o.id)} declares no "looks": the room guesses how its states ${missing.map(quote).join(', ')} look from their names`,
          fr: `l'objet ${quote(o.id)} ne déclare pas « looks » : la salle devine l'aspect de ses états ${missing.map(quote).join(', ')} d'après leur nom`,
        },
      });
      return;
    }
    for (const state of missing) {
      out.push({
        path: `objects[${i}].looks`,
        object: o.id,
        word: state,
        message: {
          en: `the object ${quote(o.id)} declares no look for its state ${quote(state)}: it is drawn plain (nothing open, on, done or wrong)`,
          fr: `l'objet ${quote(o.id)} ne déclare pas l'aspect de son état ${quote(state)} : il est dessiné sans rien (ni ouvert, ni en marche, ni fait, ni en défaut)`,
        },
      });
    }
  });
  return out;
}
