import { describe, expect, it } from 'vitest';
import { csvCell, neutralise, toCsv } from '../../src/engine/csv';

describe('CSV for a French Excel', () => {
  const rows = [
    ['Stagiaire', 'Score moyen', 'Date'],
    ['Léa', 92.5, new Date(2025, 5, 30, 14, 5)],
    ['Tom', 80, null],
  ];

  it('starts with a UTF-8 BOM, separates cells with ; and lines with CRLF', () => {
    const text = toCsv(rows, 'fr');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.slice(1).split('\r\n')).toEqual(['Stagiaire;Score moyen;Date', 'Léa;92,5;2025-06-30 14:05', 'Tom;80;', '']);
  });

  it('a decimal comma in French, a point in English, no grouping', () => {
    expect(csvCell(92.5, 'fr')).toBe('92,5');
    expect(csvCell(92.5, 'en')).toBe('92.5');
    expect(csvCell(12345.25, 'fr')).toBe('12345,25');
    expect(csvCell(-0.5, 'fr')).toBe('-0,5');
    expect(csvCell(Number.NaN, 'fr')).toBe('');
    expect(toCsv(rows, 'en')).toContain('Léa;92.5;2025-06-30 14:05');
  });

  it('quotes cells with ; quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a;b', 'fr')).toBe('"a;b"');
    expect(csvCell('il a dit "non"', 'fr')).toBe('"il a dit ""non"""');
    expect(csvCell('deux\nlignes', 'fr')).toBe('"deux\nlignes"');
    expect(csvCell('1,5', 'en')).toBe('"1,5"');
    expect(csvCell('simple', 'fr')).toBe('simple');
  });

  it('neutralises formulas: text starting with = + - @ gets an apostrophe', () => {
    for (const f of ['=HYPERLINK("http://x";"y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(neutralise(f).startsWith("'"), f).toBe(true);
    }
    expect(csvCell('=1+1', 'fr')).toBe("'=1+1");
    expect(csvCell('=A1;B1', 'fr')).toBe(`"'=A1;B1"`);
    expect(csvCell('Léa = TSBI', 'fr')).toBe('Léa = TSBI');
    expect(csvCell(-3, 'fr')).toBe('-3'); // a number stays a number
  });
});
