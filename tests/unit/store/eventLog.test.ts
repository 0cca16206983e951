/** The event log is append-only: flushing N new events writes N small records (and the summary only when it changes), never the events already written. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, open, rawGetAll, rawOpen } from './helpers';
import { DB_NAME } from '../../../src/store/schema';

/** Counts every put IndexedDB receives, by object store. */
function countPuts() {
  const original = IDBObjectStore.prototype.put;
  const puts: { store: string; value: unknown }[] = [];
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    puts.push({ store: this.name, value: args[0] });
    return original.apply(this, args);
  };
  return { puts, restore: () => void (IDBObjectStore.prototype.put = original) };
}

let spy: ReturnType<typeof countPuts> | undefined;
afterEach(() => {
  spy?.restore();
  spy = undefined;
});

describe('append-only event log', () => {
  it('after 500 events, 3 more write 3 event records and nothing else; finishing writes the last event and the summary', async () => {
    const { store, factory } = await open('indexeddb', { journal: null });
    const p = await store.createProfile({ name: 'Ana', lang: 'fr' });
    const a = await store.startAttempt({ profileId: p.id, scenarioId: 'gowning', scenarioVersion: 2, options: { seed: 1, mode: 'training' } });
    for (let i = 0; i < 500; i++) store.appendEvent(a.id, act('wash', 'sink'), i);
    await store.flush();

    spy = countPuts();
    store.appendEvent(a.id, act('dry', 'towel'), 500);
    store.appendEvent(a.id, act('take', 'gown'), 501);
    store.appendEvent(a.id, { type: 'HINT' }, 502);
    expect(await store.flush()).toEqual({ ok: true, saved: 3 });
    expect(spy.puts.map((x) => x.store)).toEqual(['events', 'events', 'events']);
    expect(spy.puts.map((x) => x.value)).toEqual([
      { attemptId: a.id, seq: 500, event: act('dry', 'towel'), at: 500 },
      { attemptId: a.id, seq: 501, event: act('take', 'gown'), at: 501 },
      { attemptId: a.id, seq: 502, event: { type: 'HINT' }, at: 502 },
    ]);

    spy.puts.length = 0;
    store.appendEvent(a.id, act('sign', 'batch-record'), 503);
    const done = await store.finish(a.id, { end: 'passed', score: 100, byCategory: {}, critical: false, mistakes: [] });
    expect(spy.puts.map((x) => x.store)).toEqual(['events', 'attempts']);
    expect(spy.puts[1]?.value).not.toHaveProperty('events');
    spy.restore();

    // reading assembles the whole log, in order
    expect(done.events).toHaveLength(504);
    const again = await store.getAttempt(p.id, a.id);
    expect(again?.events.map((e) => e.at)).toEqual([...Array(504).keys()]);
    expect(again?.events[503]?.event).toEqual(act('sign', 'batch-record'));
    await store.close();
    const db = await rawOpen(factory, DB_NAME);
    expect(await rawGetAll(db, 'events')).toHaveLength(504);
    db.close();
  });

  it('discarding an attempt or deleting its profile removes its events, and only its events', async () => {
    const { store, factory } = await open('indexeddb', { journal: null });
    const ana = await store.createProfile({ name: 'Ana', lang: 'fr' });
    const bob = await store.createProfile({ name: 'Bob', lang: 'fr' });
    const start = (profileId: string) => store.startAttempt({ profileId, scenarioId: 'gowning', scenarioVersion: 2, options: { seed: 1, mode: 'training' } });
    const [a1, a2, b1] = [await start(ana.id), await start(ana.id), await start(bob.id)];
    for (const x of [a1, a2, b1]) for (let i = 0; i < 3; i++) store.appendEvent(x.id, act('wash', 'sink'), i);
    await store.flush();
    await store.discardAttempt(ana.id, a1.id);
    await store.deleteProfile(bob.id);
    expect((await store.getAttempt(ana.id, a2.id))?.events).toHaveLength(3);
    await store.close();
    const db = await rawOpen(factory, DB_NAME);
    expect(((await rawGetAll(db, 'events')) as { attemptId: string }[]).map((e) => e.attemptId)).toEqual([a2.id, a2.id, a2.id]);
    db.close();
  });

  it('an attempt with a damaged event is left out and reported, not replayed with a hole', async () => {
    const { store, factory, problems } = await open('indexeddb', { journal: null });
    const ana = await store.createProfile({ name: 'Ana', lang: 'fr' });
    const a = await store.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 2, options: { seed: 1, mode: 'training' } });
    store.appendEvent(a.id, act('wash', 'sink'), 1);
    store.appendEvent(a.id, act('dry', 'towel'), 2);
    await store.flush();
    const db = await rawOpen(factory, DB_NAME);
    await new Promise<void>((ok) => {
      const tx = db.transaction('events', 'readwrite');
      tx.objectStore('events').put({ attemptId: a.id, seq: 1, event: { type: 'ACT' }, at: 2 });
      tx.oncomplete = () => ok();
    });
    db.close();
    const list = await store.attemptsOf(ana.id);
    expect(list.items).toEqual([]);
    expect(list.skipped).toEqual([a.id]);
    expect(await store.inProgress(ana.id)).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain('unreadable');
  });
});
