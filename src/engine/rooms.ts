/**
 * The station ids of each room, as pure data: the checker (validateScenario)
 * reports an object whose `station` its room does not have, and the room
 * drawing (src/game/rooms) declares one station, with its name and area, for
 * each id here (a unit test keeps the two lists equal). Only ids live here so
 * that the engine never depends on the game's drawing code.
 */
export const ROOM_STATIONS: Readonly<Record<string, readonly string[]>> = {
  'changing-room': ['street-side', 'clean-side', 'bench', 'mirror'],
  'prep-room': ['weighing-bench', 'preparation-tank', 'documents', 'filtration'],
  'grade-b-lab': ['water-bath', 'safety-cabinet', 'bioreactor', 'documents', 'cell-counter', 'transfer', 'sampling'],
  'upstream-suite': ['entry', 'bioreactor', 'console', 'sampling', 'documents', 'quality-desk', 'manifold', 'welding'],
  'downstream-suite': ['preparation', 'chromatography-skid', 'column-outlet', 'documents', 'monitoring', 'hold-tank'],
  'filling-line': ['infeed', 'filling', 'stoppering', 'documents', 'monitoring', 'pass-out'],
  'grade-c-room': ['ceiling-walls', 'bench', 'documents', 'cart', 'floor'],
  'transfer-airlock': ['grade-c-side', 'hatch', 'grade-b-side', 'preparation', 'documents'],
};
