/**
 * A CSV writer for spreadsheets, French Excel first: UTF-8 with a byte-order
 * mark, `;` between cells, CRLF between lines, a decimal comma in French (a
 * point in English), dates as ISO `YYYY-MM-DD HH:MM` (local time), quotes
 * doubled, and any text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) prefixed with an apostrophe. Pure.
 */
import type { Lang } from './types';

export type CsvCell = string | number | Date | null | undefined;

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date as `YYYY-MM-DD HH:MM` in local time (Excel reads it as a date in any language). */
export function csvDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A number without grouping, with the decimal separator of the language; empty when not finite. */
export function csvNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return '';
  let text = String(n);
  if (/e/i.test(text)) text = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** Text that a spreadsheet would evaluate gets an apostrophe in front. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quoteIfNeeded(text: string): string {
  return /[;"\r\n,]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: CsvCell, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value, lang);
  if (value instanceof Date) return csvDate(value);
  return quoteIfNeeded(neutralise(value));
}

/** The whole file: BOM, then each row's cells joined by `;`, lines ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], lang: Lang): string {
  return CSV_BOM + rows.map((r) => r.map((c) => csvCell(c, lang)).join(CSV_SEPARATOR) + CSV_NEWLINE).join('');
}
