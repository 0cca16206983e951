/**
 * The kiosk's QR code (src/ui/qrCode.ts): the address the instructor sets is
 * checked, and the drawn modules decode back to it. The decoder below is
 * written from ISO/IEC 18004 for the small codes a course address gives
 * (versions 1 to 3, one block at level M): it finds the format (level and
 * mask) among the 32 valid BCH words, unmasks, reads the codewords in the
 * standard's zigzag, and reads the byte segment.
 */
import { describe, expect, it } from 'vitest';
import { courseUrl, qrModules } from '../../src/ui/qrCode';

/** Data codewords of one block at level M (ISO/IEC 18004, table 9). */
const DATA_M: Record<number, number> = { 1: 16, 2: 28, 3: 44 };

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/** The 15-bit format word of 5 data bits: BCH(15,5) with generator 10100110111, XOR 101010000010010. */
function formatWord(data: number): number {
  let r = data << 10;
  for (let b = 14; b >= 10; b--) if (r & (1 << b)) r ^= 0b10100110111 << (b - 10);
  return ((data << 10) | r) ^ 0b101010000010010;
}

function decode(m: boolean[][]): { version: number; level: string; mask: number; text: string } {
  const n = m.length;
  const version = (n - 17) / 4;
  // the format word beside the top-left finder: row 8 (columns 0-5, 7, 8), then column 8 (rows 7, 5…0), most significant bit first
  const cells: [number, number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
  const word = cells.reduce((w, [r, c]) => (w << 1) | (m[r]![c] ? 1 : 0), 0);
  const data = [...Array(32).keys()].find((d) => formatWord(d) === word);
  if (data === undefined) throw new Error(`no valid format word: ${word.toString(2)}`);
  const level = ['M', 'L', 'H', 'Q'][data >> 3]!;
  const mask = data & 7;
  // the function patterns: finders with separators and format areas, timing, the one alignment pattern (versions 2-6)
  const fn = (r: number, c: number) =>
    (r <= 8 && c <= 8) || (r <= 8 && c >= n - 8) || (r >= n - 8 && c <= 8) || r === 6 || c === 6 || (version >= 2 && Math.abs(r - (n - 7)) <= 2 && Math.abs(c - (n - 7)) <= 2);
  const bits: number[] = [];
  let up = true;
  for (let right = n - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < n; k++) {
      const r = up ? n - 1 - k : k;
      for (const c of [right, right - 1]) if (!fn(r, c)) bits.push(+(m[r]![c]! !== MASKS[mask]!(r, c)));
    }
    up = !up;
  }
  const codewords = Array.from({ length: DATA_M[version]! }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  const stream = codewords.flatMap((b) => [...b.toString(2).padStart(8, '0')].map(Number));
  const read = (from: number, len: number) => stream.slice(from, from + len).reduce((a, b) => (a << 1) | b, 0);
  if (read(0, 4) !== 0b0100) throw new Error('not a byte segment');
  const length = read(4, 8);
  const text = String.fromCharCode(...Array.from({ length }, (_, i) => read(12 + i * 8, 8)));
  return { version, level, mask, text };
}

describe('the course QR code', () => {
  it('decodes back to the address, at level M, in the smallest version that holds it', () => {
    // 24 bytes: more than version 1-M holds (14), within version 2-M (26): a 25 × 25 code
    const short = qrModules('https://example.org/tsbi');
    expect(short).toHaveLength(25);
    expect(decode(short)).toMatchObject({ version: 2, level: 'M', text: 'https://example.org/tsbi' });
    // 34 bytes: version 3-M (42 bytes), 29 × 29
    const url = 'https://www.imt-bs.eu/formation-tsbi';
    expect(decode(qrModules(url))).toMatchObject({ version: 3, level: 'M', text: url });
  });

  it('has its three finder patterns: a dark 7 × 7 ring around a 3 × 3 square', () => {
    const m = qrModules('https://example.org/tsbi');
    const n = m.length;
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      const ring = [...Array(7).keys()].flatMap((k) => [m[r0]![c0 + k], m[r0 + 6]![c0 + k], m[r0 + k]![c0], m[r0 + k]![c0 + 6]]);
      expect(ring.every(Boolean)).toBe(true);
      expect(m[r0 + 1]![c0 + 1]).toBe(false);
      expect(m[r0 + 3]![c0 + 3]).toBe(true);
    }
  });

  it('accepts only an http(s) address, as the code will carry it', () => {
    expect(courseUrl('  https://example.org/tsbi ')).toBe('https://example.org/tsbi');
    // an accented path is percent-encoded (the code carries bytes), a bare host gets its slash
    expect(courseUrl('https://example.org/formation-été')).toBe('https://example.org/formation-%C3%A9t%C3%A9');
    expect(courseUrl('https://example.org')).toBe('https://example.org/');
    expect(courseUrl('example.org')).toBeNull();
    expect(courseUrl('javascript:alert(1)')).toBeNull();
    expect(courseUrl('https://user:pw@example.org/')).toBeNull();
    expect(courseUrl(`https://example.org/${'a'.repeat(200)}`)).toBeNull();
  });
});
