import { describe, expect, it } from 'vitest';
import { numberRead } from '../e2e/readLine';

describe('numberRead: the number of a "read" line of the twin', () => {
  it('reads a one-word unit, in French and in English notation', () => {
    expect(numberRead('lu : 199,93 g à 0 h 17')).toBe('199,93');
    expect(numberRead('read: 1,234.5 mbar at 0 h 17')).toBe('1,234.5');
    expect(numberRead('lu : 12\u202f500 L à 1 h 05')).toBe('12\u202f500');
  });

  it('reads a named reading, whose label may hold a comma and a unit of its own', () => {
    expect(numberRead('lu : Durée de filtration : 17 min à 2 h 36')).toBe('17');
    expect(numberRead('lu : Air classe A, UFC/m³ : 1 UFC/m³ à 2 h 36')).toBe('1');
    expect(numberRead('read: Grade A air, CFU/m³: 1 CFU/m³ at 2 h 36')).toBe('1');
  });

  it('reads a unit of several symbols or words, and a value without a unit', () => {
    expect(numberRead('read: 1 250 µS/cm at 0 h 05')).toBe('1 250');
    expect(numberRead('lu : 120 flacons par min à 0 h 03')).toBe('120');
    expect(numberRead('lu : 5,5 ×10⁶/mL à 0 h 40')).toBe('5,5');
    expect(numberRead('lu : pH : 7,05 à 0 h 12')).toBe('7,05');
    expect(numberRead('lu : -80 à 0 h 01')).toBe('-80');
  });

  it('refuses a line with no number', () => {
    expect(() => numberRead('lu : — à 0 h 01')).toThrow();
  });
});
