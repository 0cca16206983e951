/**
 * The journal: a synchronous copy (localStorage by default) of the events
 * appended but not yet written, so that a reload or a closed tab between two
 * writes loses nothing; the next openStore() writes them into their attempt.
 */
import { isTimedEvent, type TimedEvent } from './records';

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface JournalEntry {
  id: string;
  /** How many events of the attempt were saved when these were appended. */
  saved: number;
  events: TimedEvent[];
}

/** The page's localStorage, or null where it is missing or refused. */
export function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(journal: JournalStorage, key: string, entries: readonly JournalEntry[]): void {
  try {
    if (entries.length) journal.setItem(key, JSON.stringify(entries));
    else journal.removeItem(key);
  } catch {
    /* a full or missing journal only loses the reload safety net */
  }
}

/** The well-formed entries a previous page left; anything else is ignored. */
export function readJournal(journal: JournalStorage, key: string): JournalEntry[] {
  try {
    const parsed: unknown = JSON.parse(journal.getItem(key) ?? '[]');
    return (Array.isArray(parsed) ? parsed : []).filter(
      (e): e is JournalEntry =>
        !!e && typeof e === 'object' && typeof e.id === 'string' && Number.isInteger(e.saved) && e.saved >= 0 && Array.isArray(e.events) && e.events.every(isTimedEvent),
    );
  } catch {
    return [];
  }
}

export function clearJournal(journal: JournalStorage, key: string): void {
  try {
    journal.removeItem(key);
  } catch {
    /* nothing to clean */
  }
}
