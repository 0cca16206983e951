/**
 * Dates and times of day as the engine keeps them, whatever the language:
 * a date is `YYYY-MM-DD` (ISO 8601), a time of day `HH:MM` (24 h). Computed
 * in UTC, so Node and every browser's time zone give the same answer.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date written YYYY-MM-DD (not 2027-02-30). */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A time of day written HH:MM, 00:00–23:59. */
export const isTimeOfDay = (text: string): boolean => TIME.test(text);

/** The date `days` days after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  const m = DATE.exec(iso);
  if (!m) return iso;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return t.toISOString().slice(0, 10);
}

/** The time of day `minutes` after a start time, round the clock past midnight. */
export function timeAfter(start: string, minutes: number): string {
  const m = TIME.exec(start);
  const from = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const at = (((from + Math.floor(minutes)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}
