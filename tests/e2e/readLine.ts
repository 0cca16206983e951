/**
 * The number in a "read" line as the twin writes it, outside a browser (unit-tested in tests/unit/readLine.test.ts).
 */

/**
 * "lu : 199,93 g à 0 h 17" gives "199,93", "read: 1,234.5 mbar at 0 h 17" "1,234.5", a named reading
 * "lu : Durée de filtration : 17 min à 2 h 36" "17", and a unit of several words or symbols
 * ("lu : Air classe A, UFC/m³ : 1 UFC/m³ à 2 h 36", "read: 1 250 µS/cm at 0 h 05", "lu : 120 flacons par min à 0 h 03") its number.
 */
export function numberRead(line: string): string {
  const m = /^(?:lu|read)\s*:\s*(?:[^:]+?\s?:\s*)?(-?\d(?:[\d,.]|[\s\u00a0\u202f](?=\d))*)(?:\s+[^\s\d]\S*)*\s+(?:à|at)\s+\d/.exec(line);
  if (!m) throw new Error(`cannot read a number in "${line}"`);
  return m[1]!.trim();
}
