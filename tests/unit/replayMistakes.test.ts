/**
 * The replay's "previous mistake" / "next mistake" (src/ui/instructor/replayScreen.ts):
 * from where the replay stands, the nearest event before or after it that
 * made a mistake; nothing when there is none that way.
 */
import { describe, expect, it } from 'vitest';
import { mistakeStop } from '../../src/ui/instructor/replayScreen';

describe('the replay jumps from mistake to mistake', () => {
  // mistakes at the 3rd, 7th and 12th events
  const mistakes = [3, 7, 12];
  it('next: the first mistake after the current event', () => {
    expect(mistakeStop(mistakes, 0, 1)).toBe(3);
    expect(mistakeStop(mistakes, 3, 1)).toBe(7);
    expect(mistakeStop(mistakes, 8, 1)).toBe(12);
    expect(mistakeStop(mistakes, 12, 1)).toBeNull();
  });
  it('previous: the last mistake before the current event', () => {
    expect(mistakeStop(mistakes, 20, -1)).toBe(12);
    expect(mistakeStop(mistakes, 7, -1)).toBe(3);
    expect(mistakeStop(mistakes, 3, -1)).toBeNull();
  });
  it('an attempt without mistakes has nowhere to go', () => {
    expect(mistakeStop([], 5, 1)).toBeNull();
    expect(mistakeStop([], 5, -1)).toBeNull();
  });
});
