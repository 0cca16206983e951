/**
 * The career-day board of the day (src/engine/kioskBoard.ts): visitors ranked
 * by score, then by the run's length, the best five kept; a stored board
 * from before runs had a length is read without its old entries.
 */
import { describe, expect, it } from 'vitest';
import { addToBoard, boardOf, type BoardEntry } from '../../src/engine/kioskBoard';

const run = (score: number, seconds: number, at: number): BoardEntry => ({ score, seconds, at });

describe('the kiosk board', () => {
  it('ranks by score first, then the shorter run, then the earlier one', () => {
    let board: BoardEntry[] = [];
    board = addToBoard(board, run(80, 200, 1));
    board = addToBoard(board, run(100, 300, 2));
    board = addToBoard(board, run(100, 180, 3));
    board = addToBoard(board, run(80, 150, 4));
    board = addToBoard(board, run(80, 150, 5));
    // 100 in 3 min beats 100 in 5 min; among the 80s, 2 min 30 s (the first to do it) beats 2 min 30 s later, then 3 min 20 s
    expect(board).toEqual([run(100, 180, 3), run(100, 300, 2), run(80, 150, 4), run(80, 150, 5), run(80, 200, 1)]);
  });

  it('keeps the best five: a weaker sixth run does not enter, a better one pushes the last out', () => {
    const five = [run(90, 100, 1), run(85, 100, 2), run(70, 100, 3), run(60, 100, 4), run(40, 100, 5)];
    expect(addToBoard(five, run(30, 50, 6))).toEqual(five);
    expect(addToBoard(five, run(75, 400, 7))).toEqual([run(90, 100, 1), run(85, 100, 2), run(75, 400, 7), run(70, 100, 3), run(60, 100, 4)]);
  });

  it('reads a stored board defensively', () => {
    expect(boardOf(undefined)).toEqual([]);
    expect(boardOf('x')).toEqual([]);
    // entries of the board before lengths were kept ({score, at}) are left out
    expect(boardOf([{ score: 100, at: 1 }, run(60, 90, 2), null])).toEqual([run(60, 90, 2)]);
  });
});
