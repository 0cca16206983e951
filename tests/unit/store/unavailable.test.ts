/** Without IndexedDB (missing, refusing to open, holding newer data) the app still works in memory, says so, and can export. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { readBackup } from '../../../src/store/backup';
import { openStore, type Store } from '../../../src/store/openStore';
import type { ProblemCode, ProblemDetail } from '../../../src/store/messages';
import { DB_NAME } from '../../../src/store/schema';
import { act, open, rawOpen } from './helpers';

afterEach(() => vi.unstubAllGlobals());

/** A whole short session: what a trainee does, and the backup they would download. */
async function session(store: Store) {
  const p = await store.createProfile({ name: 'Invité', lang: 'fr' });
  const a = await store.startAttempt({ profileId: p.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 4, mode: 'discovery' } });
  store.appendEvent(a.id, act('wash', 'sink'), 1);
  store.appendEvent(a.id, { type: 'HINT' }, 2);
  expect((await store.inProgress(p.id))?.events).toHaveLength(2);
  await store.finish(a.id, { end: 'passed', score: 88, byCategory: { sequence: 88 }, critical: false, mistakes: [] });
  expect((await store.attemptsOf(p.id)).items[0]?.result?.score).toBe(88);
  return { profile: p, file: await store.exportAll() };
}

function logged() {
  const problems: { code: ProblemCode; detail: ProblemDetail }[] = [];
  return { problems, onProblem: (code: ProblemCode, detail: ProblemDetail) => void problems.push({ code, detail }) };
}

describe('IndexedDB unavailable', () => {
  it('when the browser has no indexedDB at all, the store works in memory, warns once, and exports a backup that imports elsewhere', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { problems, onProblem } = logged();
    const store = await openStore({ onProblem });
    expect(store.persistent).toBe(false);
    expect(store.problem).toBe('unavailable');
    expect(problems.map((p) => p.code)).toEqual(['unavailable']);
    expect(problems[0]?.detail.message.en).toMatch(/nothing will be kept/);
    expect(problems[0]?.detail.message.fr).toMatch(/sauvegarde/);

    const { profile, file } = await session(store);
    expect(readBackup(JSON.stringify(file)).ok).toBe(true);
    // the backup carries the work to a device that can keep it
    const keeper = await open('indexeddb');
    expect(await keeper.store.importBackup(JSON.stringify(file), 'trainee')).toMatchObject({ ok: true, added: { profiles: 1, attempts: 1 } });
    expect((await keeper.store.attemptsOf(profile.id)).items[0]?.result?.score).toBe(88);
  });

  it('when open() throws (private mode, sandboxed frame), the same happens', async () => {
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    const { problems, onProblem } = logged();
    const store = await openStore({ indexedDB: refusing, onProblem });
    expect(store.persistent).toBe(false);
    expect(problems.map((p) => p.code)).toEqual(['unavailable']);
    await session(store);
  });

  it('when open() fails later with an error event (here: the device holds data of a newer app version), the data on disk is left alone', async () => {
    const factory = new IDBFactory();
    const newer = await rawOpen(factory, DB_NAME, 5, (db) => db.createObjectStore('future', { keyPath: 'id' }));
    newer.close();
    const { problems, onProblem } = logged();
    const store = await openStore({ indexedDB: factory, onProblem });
    expect(store.persistent).toBe(false);
    expect(store.problem).toBe('unavailable');
    expect(problems[0]?.detail.message.en).toMatch(/newer version/);
    await session(store);
    const after = await rawOpen(factory, DB_NAME);
    expect(after.version).toBe(5);
    expect([...after.objectStoreNames]).toEqual(['future']);
    after.close();
  });

  it('the in-memory store keeps records apart from the caller: changing a returned object changes nothing stored', async () => {
    const store = await openStore({ indexedDB: null });
    const p = await store.createProfile({ name: 'Ana', lang: 'fr' });
    p.name = 'Mallory';
    const listed = (await store.listProfiles()).items[0]!;
    listed.name = 'Eve';
    expect((await store.getProfile(p.id))?.name).toBe('Ana');
  });
});
