/**
 * The attempts' event log, append-only: each event is one record of the
 * events store keyed by [attemptId, seq], the attempt record keeps only its
 * summary. Appending N events writes N small records and never the old ones;
 * reading an attempt puts its summary and its events back together, in order.
 */
import type { Row, Tx } from './backend';
import { isRecord, type AttemptRecord, type AttemptSummary, type StoredEvent, type TimedEvent } from './records';

/**
 * Writes events after the `from` already in the log (seq from, from + 1…).
 * `fresh`: each seq must be new (add, not put): when another writer already
 * wrote one of them, the transaction fails with a ConstraintError instead of
 * overwriting it.
 */
export async function appendEvents(tx: Tx, attemptId: string, from: number, events: readonly TimedEvent[], fresh = false): Promise<void> {
  // asked together, answered in order: one round trip for the batch
  await Promise.all(
    events.map((e, i) => {
      const row: StoredEvent = { attemptId, seq: from + i, event: e.event, at: e.at };
      return fresh ? tx.add('events', row) : tx.put('events', row);
    }),
  );
}

/** How many events of the attempt are written. */
export const savedCount = (tx: Tx, attemptId: string): Promise<number> => tx.countUnder('events', attemptId);

/** The attempt's events in order, or null when one is damaged or missing (the attempt cannot be replayed). */
export function eventsFrom(rows: readonly Row[]): TimedEvent[] | null {
  const out: TimedEvent[] = [];
  for (const [i, r] of rows.entries()) {
    if (!isRecord('storedEvent', r.value) || (r.value as StoredEvent).seq !== i) return null;
    const { event, at } = r.value as StoredEvent;
    out.push({ event, at });
  }
  return out;
}

export async function readEvents(tx: Tx, attemptId: string): Promise<TimedEvent[] | null> {
  return eventsFrom(await tx.under('events', attemptId));
}

/** Splits a whole attempt (a backup's) into its summary and its events. */
export function split(a: AttemptRecord): { summary: AttemptSummary; events: TimedEvent[] } {
  const { events, ...summary } = a;
  return { summary, events };
}

/** Writes a whole attempt (summary and log), as a backup brings it. */
export async function putAttempt(tx: Tx, a: AttemptRecord): Promise<void> {
  const { summary, events } = split(a);
  await tx.put('attempts', summary);
  await tx.deleteUnder('events', a.id);
  await appendEvents(tx, a.id, 0, events);
}

/** Deletes an attempt and its log. */
export async function deleteAttempt(tx: Tx, attemptId: string): Promise<void> {
  await tx.delete('attempts', attemptId);
  await tx.deleteUnder('events', attemptId);
}

/** Every event of the store grouped by attempt, in order: one read for a list of many attempts. */
export function byAttempt(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const id = Array.isArray(r.key) ? r.key[0] : undefined;
    if (typeof id !== 'string') continue;
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(r);
  }
  return out;
}
