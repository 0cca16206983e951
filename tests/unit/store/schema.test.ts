/** The versioned schema: migrations build the layout, a later version migrates saved data without losing any, a failed upgrade changes nothing. */
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, LAYOUT, MIGRATIONS, type Migration } from '../../../src/store/schema';
import { act, open, rawGetAll, rawOpen } from './helpers';

/** Fills a database at today's version the way a trainee would, and returns what it holds. */
async function fillToday() {
  const { store, factory } = await open();
  const ana = await store.createProfile({ name: 'Ana', group: 'BTS-1', lang: 'fr' });
  const bob = await store.createProfile({ name: 'Bob', lang: 'en' });
  const done = await store.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 7, mode: 'training' } });
  store.appendEvent(done.id, act('wash', 'sink'), 1);
  store.appendEvent(done.id, { type: 'HINT' }, 2);
  await store.finish(done.id, { end: 'passed', score: 92, byCategory: { sequence: 100 }, critical: false, mistakes: ['late-record'] });
  const running = await store.startAttempt({ profileId: bob.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 8, mode: 'assessment', forcedFault: 'none', passMark: 80 } });
  store.appendEvent(running.id, act('open', 'locker'), 0.5);
  await store.flush();
  await store.setSetting('kiosk', true);
  const before = { ana: (await store.attemptsOf(ana.id)).items, bob: (await store.attemptsOf(bob.id)).items };
  await store.close();
  return { factory, ana, bob, done, running, before };
}

describe('database schema', () => {
  it('ships version 2, and the migrations build exactly the layout the in-memory store follows', async () => {
    expect(DB_VERSION).toBe(2);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2]);
    const { store, factory } = await open();
    await store.close();
    const db = await rawOpen(factory, DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.keys(LAYOUT).sort());
    const tx = db.transaction([...db.objectStoreNames]);
    for (const [name, spec] of Object.entries(LAYOUT)) {
      const s = tx.objectStore(name);
      expect(s.keyPath, name).toEqual(spec.keyPath);
      const indexes = Object.fromEntries([...s.indexNames].map((i) => [i, s.index(i).keyPath]));
      expect(indexes, name).toEqual(spec.indexes);
    }
    db.close();
  });

  it('a migration written later upgrades a filled database: data intact, new index and field in place', async () => {
    const { factory, ana, bob, done, running, before } = await fillToday();
    const next: Migration = {
      version: DB_VERSION + 1,
      summary: 'index attempts by status; every profile gets a group',
      async up(_db, tx) {
        tx.objectStore('attempts').createIndex('byStatus', 'status');
        let cursor = await tx.objectStore('profiles').openCursor();
        while (cursor) {
          const p = cursor.value as { group?: string };
          if (p.group === undefined) await cursor.update({ ...p, group: 'sans-groupe' });
          cursor = await cursor.continue();
        }
      },
    };
    const { store, problems } = await open('indexeddb', { factory, migrations: [...MIGRATIONS, next] });
    expect(problems).toEqual([]);
    expect(store.persistent).toBe(true);

    // the data is intact…
    expect((await store.attemptsOf(ana.id)).items).toEqual(before.ana);
    expect((await store.attemptsOf(bob.id)).items).toEqual(before.bob);
    expect((await store.inProgress(bob.id))?.events).toEqual([{ event: act('open', 'locker'), at: 0.5 }]);
    expect(await store.getSetting('kiosk')).toBe(true);
    // …and migrated
    const profiles = (await store.listProfiles()).items;
    expect(profiles.map((p) => [p.name, p.group])).toEqual([
      ['Ana', 'BTS-1'],
      ['Bob', 'sans-groupe'],
    ]);
    // the store keeps working on the upgraded database
    store.appendEvent(running.id, act('take', 'gown'), 1);
    expect(await store.flush()).toEqual({ ok: true, saved: 1 });
    await store.close();

    const db = await rawOpen(factory, DB_NAME);
    expect(db.version).toBe(DB_VERSION + 1);
    const finished = (await rawGetAll(db, 'attempts', 'byStatus', 'finished')) as { id: string }[];
    expect(finished.map((a) => a.id)).toEqual([done.id]);
    db.close();
  });

  it('a migration that fails leaves the data and version untouched (the app runs in memory and says so)', async () => {
    const { factory, ana, before } = await fillToday();
    const broken: Migration = {
      version: DB_VERSION + 1,
      summary: 'deletes profiles, then fails',
      up(db) {
        db.deleteObjectStore('profiles');
        throw new Error('bug in migration');
      },
    };
    const attempt = await open('indexeddb', { factory, migrations: [...MIGRATIONS, broken] });
    expect(attempt.store.persistent).toBe(false);
    expect(attempt.problems.map((p) => p.code)).toEqual(['unavailable']);

    const { store } = await open('indexeddb', { factory });
    expect(store.persistent).toBe(true);
    expect((await store.listProfiles()).items.map((p) => p.name)).toEqual(['Ana', 'Bob']);
    expect((await store.attemptsOf(ana.id)).items).toEqual(before.ana);
    await store.close();
    const db = await rawOpen(factory, DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('refuses a migration list whose steps are out of order (a programming error, not a device problem)', async () => {
    const misplaced: Migration = { version: DB_VERSION + 2, summary: 'skips one', up: () => {} };
    await expect(open('indexeddb', { migrations: [...MIGRATIONS, misplaced] })).rejects.toThrow(new RegExp(`expected ${DB_VERSION + 1}`));
  });
});
