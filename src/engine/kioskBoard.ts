/**
 * The career-day kiosk's board of the day: anonymous runs (score, length,
 * when), best first. A higher score ranks first; between equal scores the
 * shorter run; between equal runs the earlier one (it got there first). Only
 * the best few are kept. Pure, so the ranking is tested without a browser.
 */

export interface BoardEntry {
  /** The run's score out of 100. */
  score: number;
  /** How long the run took, in whole seconds (from "Jouer" to the end). */
  seconds: number;
  /** When it ended (ms since 1970). */
  at: number;
}

/** How many runs the board keeps. */
export const BOARD_SIZE = 5;

const isEntry = (x: unknown): x is BoardEntry => {
  const e = x as BoardEntry;
  return typeof e?.score === 'number' && typeof e?.seconds === 'number' && typeof e?.at === 'number';
};

/** The stored board, read defensively: what is not an entry (an older board without lengths included) is left out. */
export const boardOf = (stored: unknown): BoardEntry[] => (Array.isArray(stored) ? stored.filter(isEntry) : []);

export const byRank = (a: BoardEntry, b: BoardEntry): number => b.score - a.score || a.seconds - b.seconds || a.at - b.at;

/** The board with one more run: ranked, the best BOARD_SIZE kept. */
export function addToBoard(board: readonly BoardEntry[], entry: BoardEntry): BoardEntry[] {
  return [...board, entry].sort(byRank).slice(0, BOARD_SIZE);
}
