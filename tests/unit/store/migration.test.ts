/**
 * Migration 2 (the append-only event log) on a database filled by the store
 * as it was before the split: fixtures/v1-database.json was made by
 * fixtures/makeV1Fixture.ts with the code at commit ef80d5d (database version
 * 1, every attempt holding its events). Loaded into a fresh fake IndexedDB at
 * version 1, opened with today's store: every profile, attempt, event,
 * assignment, setting and imported scenario is there, and the log goes on.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DB_NAME, DB_VERSION } from '../../../src/store/schema';
import type { Assignment, AttemptRecord, ImportedScenario, Profile, Setting } from '../../../src/store/records';
import { act, open, rawGetAll, rawOpen } from './helpers';

interface Dump {
  madeBy: string;
  name: string;
  version: number;
  stores: Record<string, { keyPath: string | string[]; indexes: Record<string, string>; rows: unknown[] }>;
}

const dump = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/v1-database.json'), 'utf8')) as Dump;
const rows = <T>(store: string) => dump.stores[store]!.rows as T[];

/** A fresh fake IndexedDB holding the dump exactly, at its version, as the old app left it. */
async function oldDevice(): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const db = await rawOpen(factory, dump.name, dump.version, (d) => {
    for (const [name, spec] of Object.entries(dump.stores)) {
      const s = d.createObjectStore(name, { keyPath: spec.keyPath });
      for (const [index, path] of Object.entries(spec.indexes)) s.createIndex(index, path);
    }
  });
  await new Promise<void>((ok, ko) => {
    const tx = db.transaction(Object.keys(dump.stores), 'readwrite');
    for (const [name, spec] of Object.entries(dump.stores)) for (const r of spec.rows) tx.objectStore(name).put(r);
    tx.oncomplete = () => ok();
    tx.onerror = () => ko(tx.error);
  });
  db.close();
  return factory;
}

describe('migration from the database of commit ef80d5d (version 1)', () => {
  it('the fixture is what it says: version 1, attempts with their events inside', () => {
    expect(dump.madeBy).toMatch(/ef80d5d/);
    expect(dump.version).toBe(1);
    expect(rows<AttemptRecord>('attempts').map((a) => a.events.length).sort((a, b) => a - b)).toEqual([0, 1, 4, 12]);
  });

  it('keeps every profile, attempt with every event in order, assignment, setting and imported scenario', async () => {
    const factory = await oldDevice();
    const { store, problems } = await open('indexeddb', { factory, journal: null });
    expect(problems).toEqual([]);
    expect(store.persistent).toBe(true);

    const profiles = rows<Profile>('profiles');
    expect((await store.listProfiles()).items.map((p) => p.name)).toEqual(['Ana Lefèvre', 'Bob', 'Cléo']);
    for (const p of profiles) expect(await store.getProfile(p.id)).toEqual(p);

    // each attempt reads back as the old record: the same summary, the same events in the same order
    const attempts = rows<AttemptRecord>('attempts');
    for (const a of attempts) expect(await store.getAttempt(a.profileId, a.id)).toEqual(a);
    expect((await store.allAttempts()).items).toHaveLength(4);
    const ana = profiles.find((p) => p.name === 'Ana Lefèvre')!;
    const running = await store.inProgress(ana.id);
    expect(running?.events).toHaveLength(12);
    expect(running?.events[11]).toEqual({ event: act('open', 'locker'), at: 5.5 });
    const finished = (await store.attemptsOf(ana.id)).items.find((a) => a.status === 'finished')!;
    expect(finished.result?.score).toBe(92);
    expect(finished.events.map((e) => e.at)).toEqual([1, 2, 3, 4.5]);
    expect(finished.events[3]?.event).toEqual({ type: 'ACT', verb: 'correct', target: 'batch-record', reason: 'faute de frappe', text: '12:30' });

    for (const a of rows<Assignment>('assignments')) expect((await store.listAssignments()).items).toContainEqual(a);
    for (const s of rows<Setting>('settings')) expect(await store.getSetting(s.key)).toEqual(s.value);
    for (const s of rows<ImportedScenario>('importedScenarios')) expect(await store.getScenario(s.id, s.version)).toEqual(s);

    // the log goes on after the migrated events
    store.appendEvent(running!.id, act('wash', 'sink'), 6);
    expect(await store.flush()).toEqual({ ok: true, saved: 1 });
    await store.close();

    // on disk: version 2, one record per event keyed by [attemptId, seq], attempts without events
    const db = await rawOpen(factory, DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    const events = (await rawGetAll(db, 'events')) as { attemptId: string; seq: number }[];
    expect(events).toHaveLength(1 + 4 + 12 + 1);
    expect(events.filter((e) => e.attemptId === running!.id).map((e) => e.seq)).toEqual([...Array(13).keys()]);
    expect(((await rawGetAll(db, 'attempts')) as object[]).some((a) => 'events' in a)).toBe(false);
    db.close();
  });
});
