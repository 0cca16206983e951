/** Autosave: events are queued without making the game wait, written in batches in order, and survive a reload, a full disk and another tab's upgrade. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Attempt, prepare } from '../../../src/engine/attempt';
import { perfectRun } from '../../../src/engine/exploreScenario';
import { JUDGE_VERSION } from '../../../src/engine/judgeVersion';
import type { AttemptOptions } from '../../../src/engine/types';
import { readBackup } from '../../../src/store/backup';
import { StoreError } from '../../../src/store/messages';
import { eventsOf, optionsOf, resultOf } from '../../../src/store/records';
import { MIGRATIONS, type Migration } from '../../../src/store/schema';
import { gowning } from '../fixtures';
import { act, BACKINGS, diskSwitch, open, rawOpen, tick } from './helpers';

const training: AttemptOptions = { seed: 11, mode: 'training', forcedFault: 'none' };
/** A later version another tab may bring (the one after today's). */
const later: Migration = { version: MIGRATIONS.length + 1, summary: 'an index by status', up: (_db, tx) => void tx.objectStore('attempts').createIndex('byStatus', 'status') };

async function withAttempt(backing: 'indexeddb' | 'memory' = 'indexeddb', options: Parameters<typeof open>[1] = {}) {
  const opened = await open(backing, options);
  const profile = await opened.store.createProfile({ name: 'Camille', group: 'BTS-1', lang: 'fr' });
  const attempt = await opened.store.startAttempt({ profileId: profile.id, scenarioId: 'gowning', scenarioVersion: 1, options: training });
  return { ...opened, profile, attempt };
}

let disk: ReturnType<typeof diskSwitch> | undefined;
afterEach(() => {
  disk?.restore();
  disk = undefined;
  vi.restoreAllMocks();
});

describe.each(BACKINGS)('autosave (%s)', (backing) => {
  it('appendEvent returns at once; awaiting flush() saves the events in the order they were sent', async () => {
    const { store, profile, attempt } = await withAttempt(backing);
    const sent = Array.from({ length: 100 }, (_, i) => ({ event: act('tap', `object-${i}`), at: i / 10 }));
    for (const e of sent) expect(store.appendEvent(attempt.id, e.event, e.at)).toBeUndefined();
    expect(store.pendingEvents(attempt.id)).toHaveLength(100);
    expect(await store.flush()).toEqual({ ok: true, saved: 100 });
    expect(store.pendingEvents(attempt.id)).toEqual([]);
    expect((await store.inProgress(profile.id))?.events).toEqual(sent);
  });

  it('events sent while flushes are under way follow the earlier ones, and nothing is written twice', async () => {
    const { store, profile, attempt } = await withAttempt(backing);
    store.appendEvent(attempt.id, act('a', 'x'), 1);
    const first = store.flush();
    await Promise.resolve();
    store.appendEvent(attempt.id, act('b', 'x'), 2);
    const second = store.flush();
    store.appendEvent(attempt.id, act('c', 'x'), 3);
    const results = [await first, await second, await store.flush()];
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.reduce((n, r) => n + (r.ok ? r.saved : 0), 0)).toBe(3);
    expect((await store.inProgress(profile.id))?.events.map((e) => e.event)).toEqual([act('a', 'x'), act('b', 'x'), act('c', 'x')]);
  });

  it('finish() saves the events still waiting together with the result; the attempt is then no longer in progress', async () => {
    const { store, profile, attempt } = await withAttempt(backing);
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);
    store.appendEvent(attempt.id, act('dry', 'towel'), 2);
    const done = await store.finish(attempt.id, { end: 'failed', score: 40, byCategory: { aseptic: 20 }, critical: true, mistakes: ['touch-floor'] }, 1234);
    expect(done.events).toHaveLength(2);
    expect(store.pendingEvents(attempt.id)).toEqual([]);
    expect(await store.inProgress(profile.id)).toBeUndefined();
    const [saved] = (await store.attemptsOf(profile.id)).items;
    expect(saved).toMatchObject({ status: 'finished', endedAt: 1234, result: { end: 'failed', critical: true }, judgeVersion: JUDGE_VERSION });
    expect(saved?.events.map((e) => e.event)).toEqual([act('wash', 'sink'), act('dry', 'towel')]);
    await expect(store.finish(attempt.id, done.result!)).rejects.toBeInstanceOf(StoreError);
  });

  it('inProgress() gives the latest unfinished attempt, with the events not yet written', async () => {
    const { store, profile, attempt } = await withAttempt(backing, { now: (() => { let t = 1000; return () => (t += 1000); })() });
    const later = await store.startAttempt({ profileId: profile.id, scenarioId: 'gowning', scenarioVersion: 1, options: { ...training, seed: 12 } });
    store.appendEvent(later.id, act('open', 'locker'), 0.5);
    const open = await store.inProgress(profile.id);
    expect(open?.id).toBe(later.id);
    expect(open?.id).not.toBe(attempt.id);
    expect(open?.events).toEqual([{ event: act('open', 'locker'), at: 0.5 }]);
  });

  it('a malformed event is refused at once, with a sentence, and never reaches storage', async () => {
    const { store, attempt } = await withAttempt(backing);
    expect(() => store.appendEvent(attempt.id, { type: 'ACT', verb: 'wash' } as never, 1)).toThrow(StoreError);
    expect(() => store.appendEvent(attempt.id, act('wash', 'sink'), Number.NaN)).toThrow(StoreError);
    expect(store.pendingEvents(attempt.id)).toEqual([]);
  });

  it('events for an attempt deleted meanwhile are dropped and reported, not retried forever', async () => {
    const { store, profile, attempt, problems } = await withAttempt(backing);
    await store.discardAttempt(profile.id, attempt.id);
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);
    expect(await store.flush()).toEqual({ ok: true, saved: 0 });
    expect(store.pendingEvents(attempt.id)).toEqual([]);
    expect(problems.map((p) => p.code).filter((c) => c !== 'unavailable')).toEqual(['discarded']);
  });
});

describe('autosave on IndexedDB', () => {
  it('without an explicit flush, a burst of events reaches the disk after the delay, in one transaction', async () => {
    const { store, factory, profile, attempt } = await withAttempt('indexeddb', { flushDelayMs: 20 });
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    for (let i = 0; i < 30; i++) store.appendEvent(attempt.id, act('tap', `o-${i}`), i);
    expect(spy).not.toHaveBeenCalled(); // nothing touched storage on the caller's path
    await vi.waitFor(() => expect(store.pendingEvents(attempt.id)).toEqual([]), { timeout: 2000, interval: 5 });
    const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes).toHaveLength(1);
    spy.mockRestore();
    // a second page (after reload) finds them all, in order
    const other = await open('indexeddb', { factory });
    expect((await other.store.inProgress(profile.id))?.events.map((e) => e.at)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('a page reloaded mid-attempt resumes by replaying the saved log to the very same state, then finishes', async () => {
    const c = prepare(gowning());
    const { store, factory, profile, attempt } = await withAttempt();
    const all = perfectRun(c, training).events;
    const live = new Attempt(c, training);
    for (const e of all.slice(0, Math.floor(all.length / 2))) {
      live.send(e);
      store.appendEvent(attempt.id, e, live.snapshot.context.clock);
    }
    await store.flush(); // what pagehide does

    const page2 = (await open('indexeddb', { factory })).store;
    const saved = await page2.inProgress(profile.id);
    expect(saved?.id).toBe(attempt.id);
    const resumed = new Attempt(c, optionsOf(saved!), eventsOf(saved!));
    expect(resumed.snapshot.context).toEqual(live.snapshot.context);

    for (const e of all.slice(resumed.events.length)) {
      resumed.send(e);
      page2.appendEvent(attempt.id, e, resumed.snapshot.context.clock);
    }
    const result = resultOf(resumed.result);
    expect(result).toMatchObject({ end: 'passed', score: 100, critical: false, mistakes: [] });
    await page2.finish(attempt.id, result!);
    const [done] = (await page2.attemptsOf(profile.id)).items;
    expect(eventsOf(done!)).toEqual(all);
    expect(done?.result?.score).toBe(100);
  });

  it('after a quota error the earlier attempts are still there and the pending events can be exported', async () => {
    const { store, factory, profile, attempt, problems } = await withAttempt();
    const earlier = await store.startAttempt({ profileId: profile.id, scenarioId: 'gowning', scenarioVersion: 1, options: training });
    await store.finish(earlier.id, { end: 'passed', score: 95, byCategory: {}, critical: false, mistakes: [] });
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);
    await store.flush();

    disk = diskSwitch();
    disk.fill();
    store.appendEvent(attempt.id, act('dry', 'towel'), 2);
    store.appendEvent(attempt.id, { type: 'HINT' }, 3);
    const failed = await store.flush();
    expect(failed).toMatchObject({ ok: false, code: 'quota', pending: 2 });
    expect(problems.map((p) => p.code)).toEqual(['quota']);
    expect(problems[0]?.detail.message.fr).toMatch(/plein/);
    expect(store.problem).toBe('quota');
    expect(store.pendingEvents(attempt.id).map((e) => e.at)).toEqual([2, 3]);

    // nothing already saved is lost, and the trainee still sees the whole attempt
    const list = (await store.attemptsOf(profile.id)).items;
    expect(list.find((a) => a.id === earlier.id)?.result?.score).toBe(95);
    expect(list.find((a) => a.id === attempt.id)?.events.map((e) => e.at)).toEqual([1, 2, 3]);
    // the current attempt can be exported, unsaved events included, as a valid backup
    const file = await store.exportProfile(profile.id);
    expect(file.attempts.find((a) => a.id === attempt.id)?.events.map((e) => e.at)).toEqual([1, 2, 3]);
    expect(readBackup(JSON.stringify(file)).ok).toBe(true);
    // other writes say so in both languages, and the warning is not repeated for each failure
    const refused = await store.createProfile({ name: 'Dan', lang: 'en' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('quota');
    expect((refused as StoreError).text.en).toMatch(/full/);
    store.appendEvent(attempt.id, act('gown', 'bench'), 4);
    expect((await store.flush()).ok).toBe(false);
    expect(problems.filter((p) => p.code === 'quota')).toHaveLength(1);

    // once there is room again, everything is written, in order
    disk.free();
    expect(await store.flush()).toEqual({ ok: true, saved: 3 });
    expect(store.problem).toBeNull();
    const page2 = (await open('indexeddb', { factory })).store;
    expect((await page2.inProgress(profile.id))?.events.map((e) => e.at)).toEqual([1, 2, 3, 4]);
  });

  it('when another tab upgrades the database, this tab saves what waits, lets go, and keeps later events in memory for export', async () => {
    const { store, factory, profile, attempt, problems } = await withAttempt();
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);

    const newer = await open('indexeddb', { factory, migrations: [...MIGRATIONS, later] });
    expect(newer.store.persistent).toBe(true);
    const vc = problems.find((p) => p.code === 'versionchange');
    expect(vc?.detail.pending).toBe(0);
    expect(vc?.detail.message.en).toMatch(/another tab/);
    expect(store.problem).toBe('versionchange');
    // the event waiting when the other tab came was saved before letting go
    expect((await newer.store.inProgress(profile.id))?.events.map((e) => e.event)).toEqual([act('wash', 'sink')]);

    // this tab can no longer write, but loses nothing silently
    store.appendEvent(attempt.id, act('dry', 'towel'), 2);
    expect(await store.flush()).toMatchObject({ ok: false, code: 'versionchange', pending: 1 });
    expect(store.pendingEvents(attempt.id).map((e) => e.at)).toEqual([2]);
    const rescue = store.exportUnsaved();
    expect(rescue?.attempts[0]?.events.map((e) => e.at)).toEqual([1, 2]);
    expect(rescue?.profiles.map((p) => p.id)).toEqual([profile.id]);
    const refused = await store.listProfiles().catch((e: unknown) => e);
    expect((refused as StoreError).code).toBe('versionchange');
    expect((refused as StoreError).text.fr).toMatch(/Rechargez/);

    // the rescue file imports into the upgraded database and completes the attempt
    const imported = await newer.store.importBackup(JSON.stringify(rescue), 'trainee');
    expect(imported).toMatchObject({ ok: true, skipped: { profiles: 1, attempts: 1 } });
  });

  it('if the last save before letting go fails, the report says how many events stay in memory', async () => {
    const { store, factory, profile, attempt, problems } = await withAttempt();
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);
    await store.flush();
    disk = diskSwitch();
    disk.fill();
    store.appendEvent(attempt.id, act('dry', 'towel'), 2);
    const newer = await open('indexeddb', { factory, migrations: [...MIGRATIONS, later] });
    disk.free();
    const vc = problems.find((p) => p.code === 'versionchange');
    expect(vc?.detail).toMatchObject({ pending: 1, ids: [attempt.id] });
    expect(vc?.detail.message.en).toMatch(/1 recent action/);
    expect(store.pendingEvents(attempt.id).map((e) => e.at)).toEqual([2]);
    // the database is not corrupted: what was saved is there, readable
    const saved = await newer.store.inProgress(profile.id);
    expect(saved?.events.map((e) => e.at)).toEqual([1]);
  });

  it('when the browser closes the database on its own, unsaved events stay in memory and the report says how many', async () => {
    const closeListeners: ((e: Event) => void)[] = [];
    const real = IDBDatabase.prototype.addEventListener;
    vi.spyOn(IDBDatabase.prototype, 'addEventListener').mockImplementation(function (this: IDBDatabase, type: string, listener: unknown, options?: unknown) {
      if (type === 'close') closeListeners.push(listener as (e: Event) => void);
      return real.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    });
    const { store, attempt, problems } = await withAttempt();
    store.appendEvent(attempt.id, act('wash', 'sink'), 1);
    expect(closeListeners).toHaveLength(1);
    closeListeners[0]!(new Event('close'));
    expect(problems.at(-1)).toMatchObject({ code: 'closed', detail: { pending: 1, ids: [attempt.id] } });
    expect(store.problem).toBe('closed');
    expect(await store.flush()).toMatchObject({ ok: false, code: 'closed', pending: 1 });
    expect(store.exportUnsaved()?.attempts[0]?.events.map((e) => e.event)).toEqual([act('wash', 'sink')]);
  });

  it('opening while another tab holds an older version reports "blocked", then opens once that tab lets go', async () => {
    const { store, factory } = await open();
    await store.close();
    const otherTab = await rawOpen(factory, 'salle-blanche', MIGRATIONS.length); // an old tab that ignores versionchange
    const problems: string[] = [];
    const opening = open('indexeddb', { factory, migrations: [...MIGRATIONS, later], onProblem: (code) => problems.push(code) });
    let opened = false;
    void opening.then(() => (opened = true));
    await vi.waitFor(() => expect(problems).toContain('blocked'), { timeout: 2000, interval: 5 });
    await tick(20);
    expect(opened).toBe(false);
    otherTab.close();
    const newer = await opening;
    expect(newer.store.persistent).toBe(true);
  });
});
