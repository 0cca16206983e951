/** Damaged records (missing fields, wrong types) are left out and reported; the rest of the data still loads. */
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../src/store/schema';
import { act, open, rawOpen, rawPut } from './helpers';

describe('unreadable records', () => {
  it('are skipped and reported by id, while every readable record loads', async () => {
    const { store, factory, problems } = await open();
    const ana = await store.createProfile({ name: 'Ana', group: 'BTS-1', lang: 'fr' });
    const good = await store.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 1, mode: 'training' } });
    store.appendEvent(good.id, act('wash', 'sink'), 1);
    await store.flush();
    await store.close();

    // what an older bug, a manual edit in devtools or a half-written record could leave behind
    const db = await rawOpen(factory, DB_NAME);
    const base = { profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 1, seed: 2, mode: 'training', events: [], startedAt: 5, status: 'in-progress' };
    await rawPut(db, 'attempts', { ...base, id: 'no-seed', seed: undefined });
    await rawPut(db, 'attempts', { ...base, id: 'bad-events', events: 'wash,sink', startedAt: 9 });
    await rawPut(db, 'attempts', { ...base, id: 'bad-event', events: [{ event: { type: 'ACT' }, at: 1 }], startedAt: 10 });
    await rawPut(db, 'attempts', { ...base, id: 'finished-no-result', status: 'finished', endedAt: 6 });
    await rawPut(db, 'profiles', { id: 'odd-profile', name: 'Odd', lang: 'de', createdAt: 1 });
    await rawPut(db, 'assignments', { id: 'no-target', scenarioId: 'gowning', mode: 'training', createdAt: 1 });
    db.close();

    const page2 = await open('indexeddb', { factory });
    const s = page2.store;
    const profiles = await s.listProfiles();
    expect(profiles.items.map((p) => p.name)).toEqual(['Ana']);
    expect(profiles.skipped).toEqual(['odd-profile']);

    const attempts = await s.attemptsOf(ana.id);
    expect(attempts.items.map((a) => a.id)).toEqual([good.id]);
    expect(attempts.skipped.sort()).toEqual(['bad-event', 'bad-events', 'finished-no-result', 'no-seed']);
    // the damaged newer attempts do not hide the readable one to resume
    expect((await s.inProgress(ana.id))?.events).toEqual([{ event: act('wash', 'sink'), at: 1 }]);

    expect((await s.listAssignments()).skipped).toEqual(['no-target']);
    const file = await s.exportAll();
    expect(file.attempts.map((a) => a.id)).toEqual([good.id]);
    expect(file.profiles.map((p) => p.id)).toEqual([ana.id]);

    const reported = page2.problems.filter((p) => p.code === 'unreadable');
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.flatMap((p) => p.detail.ids ?? [])).toContain('no-seed');
    expect(reported[0]?.detail.message.fr).toMatch(/abîmés/);
    expect(problems).toEqual([]);

    // deleting the profile also removes its damaged attempts
    expect((await s.deleteProfile(ana.id)).attempts).toBe(5);
    expect((await s.allAttempts()).skipped).toEqual([]);
  });

  it('events for an attempt that became unreadable are not written into it', async () => {
    const { store, factory, problems } = await open();
    const ana = await store.createProfile({ name: 'Ana', lang: 'fr' });
    const a = await store.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 1, mode: 'training' } });
    const db = await rawOpen(factory, DB_NAME);
    await rawPut(db, 'attempts', { id: a.id, profileId: ana.id, events: null });
    db.close();
    store.appendEvent(a.id, act('wash', 'sink'), 1);
    expect(await store.flush()).toEqual({ ok: true, saved: 0 });
    expect(problems.map((p) => p.code)).toEqual(['unreadable', 'discarded']);
  });
});
