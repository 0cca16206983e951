/** The event log is append-only: flushing N new events writes N small records (and the summary only when it changes), never the events already written. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, open, rawGetAll, rawOpen } from './helpers';
import { DB_NAME } from '../../../src/store/schema';

/** Counts every write (put or add) IndexedDB receives, by object store. */
function countPuts() {
  const { put, add } = IDBObjectStore.prototype;
  const puts: { store: string; value: unknown }[] = [];
  const spyOn = (write: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      puts.push({ store: this.name, value: args[0] });
      return write.apply(this, args);
    };
  IDBObjectStore.prototype.put = spyOn(put);
  IDBObjectStore.prototype.add = spyOn(add);
  return {
    puts,
    restore: () => {
      IDBObjectStore.prototype.put = put;
      IDBObjectStore.prototype.add = add;
    },
  };
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

  it('a page that wrote the log quickly never overwrites what another page added meanwhile; its events follow them, and nothing is reported', async () => {
    const { store: first, factory, problems } = await open('indexeddb', { journal: null });
    const ana = await first.createProfile({ name: 'Ana', lang: 'fr' });
    const a = await first.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 2, options: { seed: 1, mode: 'training' } });
    first.appendEvent(a.id, act('wash', 'sink'), 1);
    await first.flush();
    // another page (a second tab) resumes the same attempt and writes one event
    const { store: second } = await open('indexeddb', { factory, journal: null });
    expect((await second.inProgress(ana.id))?.events).toHaveLength(1);
    second.appendEvent(a.id, act('dry', 'towel'), 2);
    expect(await second.flush()).toEqual({ ok: true, saved: 1 });
    // the first page still believes the log holds one event
    first.appendEvent(a.id, act('take', 'gown'), 3);
    expect(await first.flush()).toEqual({ ok: true, saved: 1 });
    const log = (await second.getAttempt(ana.id, a.id))?.events.map((e) => e.event);
    expect(log).toEqual([act('wash', 'sink'), act('dry', 'towel'), act('take', 'gown')]);
    // and once it knows, the next one follows at once
    first.appendEvent(a.id, act('sign', 'batch-record'), 4);
    await first.flush();
    expect((await first.getAttempt(ana.id, a.id))?.events.map((e) => e.at)).toEqual([1, 2, 3, 4]);
    expect(problems.map((p) => p.code)).toEqual([]);
  });

  it('events of an attempt that another page finished or deleted are dropped and reported, never written after its end', async () => {
    const { store: first, factory, problems } = await open('indexeddb', { journal: null });
    const ana = await first.createProfile({ name: 'Ana', lang: 'fr' });
    const start = () => first.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 2, options: { seed: 1, mode: 'training' } });
    const [ended, deleted] = [await start(), await start()];
    const { store: second } = await open('indexeddb', { factory, journal: null });
    await second.finish(ended.id, { end: 'failed', score: 10, byCategory: {}, critical: false, mistakes: [], abandoned: true });
    await second.discardAttempt(ana.id, deleted.id);
    first.appendEvent(ended.id, act('wash', 'sink'), 1);
    first.appendEvent(deleted.id, act('wash', 'sink'), 1);
    expect(await first.flush()).toEqual({ ok: true, saved: 0 });
    expect(problems.map((p) => p.code)).toEqual(['discarded']);
    await first.close();
    await second.close();
    const db = await rawOpen(factory, DB_NAME);
    expect(await rawGetAll(db, 'events')).toEqual([]);
    db.close();
  });
});
