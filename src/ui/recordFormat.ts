/**
 * Dates, times of day and texts as a trainee types them in the batch record,
 * turned into the form the engine keeps (YYYY-MM-DD, HH:MM, the text trimmed)
 * and back. A French plant writes dates day first, so both languages type
 * and show dates DD/MM/YYYY (the English screen too: a British or French
 * site's record reads 31/03/2027, and a US month-first reading of it would be
 * a wrong lot expiry); only the placeholder's letters change (JJ/MM/AAAA,
 * DD/MM/YYYY). An ISO date (2027-03-31) is also understood. A time is 24 h,
 * "14:30" or the French "14h30". Anything else is refused with a message and
 * nothing is recorded: a badly formed entry is not a wrong value. Pure:
 * unit-tested.
 */
import { isIsoDate, isTimeOfDay } from '../engine/calendar';
import type { TextKind } from '../engine/types';

export type ParsedText = { ok: true; value: string } | { ok: false; empty: boolean };

const pad = (n: string) => n.padStart(2, '0');

/** "31/03/2027", "31.03.2027", "31-3-2027" or "2027-03-31" → "2027-03-31". */
export function parseDate(text: string): ParsedText {
  const s = text.trim();
  if (!s) return { ok: false, empty: true };
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}` : ymd ? `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}` : '';
  return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, empty: false };
}

/** "9:05", "09:05", "14h30", "14 h 30", "14h" → "09:05", "14:30", "14:00" (24 h). */
export function parseTime(text: string): ParsedText {
  const s = text.trim();
  if (!s) return { ok: false, empty: true };
  const m = /^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})|[hH])$/.exec(s);
  const hhmm = m ? `${pad(m[1]!)}:${m[2] ?? '00'}` : '';
  return isTimeOfDay(hhmm) ? { ok: true, value: hhmm } : { ok: false, empty: false };
}

/** What a text, date or time field gives the engine, or why nothing. */
export function parseEntry(kind: TextKind, text: string): ParsedText {
  if (kind === 'date') return parseDate(text);
  if (kind === 'time') return parseTime(text);
  const s = text.trim().replace(/\s+/g, ' ');
  return s ? { ok: true, value: s } : { ok: false, empty: true };
}

/** A kept value as the screen writes it: a date DD/MM/YYYY, a time HH:MM, a text as written. */
export function showEntry(kind: TextKind, value: string): string {
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  return value;
}
