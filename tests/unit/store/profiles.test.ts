/** Profiles, per-profile queries, assignments, settings and imported scenarios, on IndexedDB and in memory alike. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../src/store/messages';
import { profileSettingKey } from '../../../src/store/records';
import type { Store } from '../../../src/store/openStore';
import { gowning } from '../fixtures';
import { act, BACKINGS, open } from './helpers';

const training = { seed: 3, mode: 'training' as const };
const passed = { end: 'passed' as const, score: 90, byCategory: {}, critical: false, mistakes: [] };

/** Two trainees of the same group, each with a finished and an unfinished attempt, and the instructor's assignments. */
async function classroom(store: Store) {
  const ana = await store.createProfile({ name: 'Ana', group: 'BTS-1', lang: 'fr' });
  const bob = await store.createProfile({ name: 'Bob', group: 'BTS-1', lang: 'en' });
  const make = async (profileId: string, scenarioId: string) => {
    const done = await store.startAttempt({ profileId, scenarioId, scenarioVersion: 1, options: training });
    store.appendEvent(done.id, act('wash', 'sink'), 1);
    await store.finish(done.id, passed);
    const open = await store.startAttempt({ profileId, scenarioId, scenarioVersion: 1, options: training });
    store.appendEvent(open.id, act('open', 'locker'), 1);
    return { done, open };
  };
  const anaAttempts = await make(ana.id, 'gowning');
  const bobAttempts = await make(bob.id, 'media-prep');
  await store.flush();
  const forAna = await store.createAssignment({ scenarioId: 'gowning', target: { profileId: ana.id }, mode: 'assessment', due: '2025-06-30', passMark: 80 });
  const forGroup = await store.createAssignment({ scenarioId: 'gowning', target: { group: 'BTS-1' }, mode: 'training' });
  const forBob = await store.createAssignment({ scenarioId: 'media-prep', target: { profileId: bob.id }, mode: 'training' });
  await store.setSetting(profileSettingKey(ana.id, 'lastScenario'), 'gowning');
  await store.setSetting(profileSettingKey(bob.id, 'lastScenario'), 'media-prep');
  await store.setSetting('kiosk', { on: true });
  return { ana, bob, anaAttempts, bobAttempts, forAna, forGroup, forBob };
}

afterEach(() => vi.restoreAllMocks());

describe.each(BACKINGS)('profiles (%s)', (backing) => {
  it('creates, lists (by name), renames and changes a profile; names are tidied and checked with a sentence', async () => {
    const { store } = await open(backing);
    const zoe = await store.createProfile({ name: '  Zoé   L. ', group: ' BTS-2 ', lang: 'fr' });
    const abel = await store.createProfile({ name: 'abel', lang: 'en' });
    expect(zoe).toMatchObject({ name: 'Zoé L.', group: 'BTS-2', lang: 'fr' });
    expect(Object.keys(zoe).sort()).toEqual(['createdAt', 'group', 'id', 'lang', 'name']);
    expect((await store.listProfiles()).items.map((p) => p.name)).toEqual(['abel', 'Zoé L.']);

    await store.renameProfile(abel.id, 'Abel (pseudo)');
    await store.updateProfile(zoe.id, { group: null, lang: 'en' });
    expect(await store.getProfile(abel.id)).toMatchObject({ name: 'Abel (pseudo)' });
    const changed = await store.getProfile(zoe.id);
    expect(changed?.lang).toBe('en');
    expect(changed && 'group' in changed).toBe(false);

    const empty = await store.createProfile({ name: '   ', lang: 'fr' }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(StoreError);
    expect((empty as StoreError).text).toEqual({ en: 'Please give a name or a pseudonym.', fr: 'Indiquez un nom ou un pseudonyme.' });
    await expect(store.renameProfile('no-such-profile', 'X')).rejects.toMatchObject({ code: 'not-found' });
    expect((await store.listProfiles()).items).toHaveLength(2);
  });

  it('deleting a profile removes all its data — attempts, unsaved events, assignments and settings — and nothing of the others', async () => {
    const { store } = await open(backing);
    const { ana, bob, anaAttempts, forGroup, forBob } = await classroom(store);
    store.appendEvent(anaAttempts.open.id, act('late', 'event'), 9);

    expect(await store.deleteProfile(ana.id)).toEqual({ attempts: 2, assignments: 1, settings: 1 });

    expect((await store.listProfiles()).items.map((p) => p.id)).toEqual([bob.id]);
    expect((await store.allAttempts()).items.every((a) => a.profileId === bob.id)).toBe(true);
    expect((await store.allAttempts()).items).toHaveLength(2);
    expect(store.pendingEvents(anaAttempts.open.id)).toEqual([]);
    expect((await store.listAssignments()).items.map((a) => a.id).sort()).toEqual([forGroup.id, forBob.id].sort());
    expect(await store.getSetting(profileSettingKey(ana.id, 'lastScenario'))).toBeUndefined();
    expect(await store.getSetting(profileSettingKey(bob.id, 'lastScenario'))).toBe('media-prep');
    expect(await store.flush()).toEqual({ ok: true, saved: 0 });
    expect(JSON.stringify(await store.exportAll())).not.toContain(ana.id);
    await expect(store.deleteProfile(ana.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it("queries are per profile: nothing returns another trainee's attempts except the instructor's all-profiles calls", async () => {
    const { store } = await open(backing);
    const { ana, bob, anaAttempts, bobAttempts } = await classroom(store);

    const anas = (await store.attemptsOf(ana.id)).items;
    expect(anas.map((a) => a.id).sort()).toEqual([anaAttempts.done.id, anaAttempts.open.id].sort());
    expect((await store.inProgress(ana.id))?.id).toBe(anaAttempts.open.id);
    expect(await store.getAttempt(ana.id, bobAttempts.done.id)).toBeUndefined();
    expect((await store.getAttempt(bob.id, bobAttempts.done.id))?.id).toBe(bobAttempts.done.id);
    await expect(store.discardAttempt(ana.id, bobAttempts.open.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.getAttempt(bob.id, bobAttempts.open.id)).toBeDefined();
    expect((await store.attemptsOf(ana.id, { scenarioId: 'media-prep' })).items).toEqual([]);

    const file = await store.exportProfile(ana.id);
    expect(file.profiles.map((p) => p.id)).toEqual([ana.id]);
    expect(JSON.stringify(file)).not.toContain(bob.id);

    expect((await store.allAttempts()).items).toHaveLength(4);
    expect((await store.allAttempts({ scenarioId: 'media-prep' })).items.map((a) => a.profileId)).toEqual([bob.id, bob.id]);
    expect((await store.profilesInGroup('BTS-1')).items.map((p) => p.name)).toEqual(['Ana', 'Bob']);
  });

  it('a trainee sees the assignments aimed at them or their group, soonest due first; a bad target is refused', async () => {
    const { store } = await open(backing);
    const { ana, forAna, forGroup, forBob } = await classroom(store);
    expect((await store.assignmentsFor(ana.id)).items.map((a) => a.id)).toEqual([forAna.id, forGroup.id]);
    expect((await store.listAssignments()).items).toHaveLength(3);
    await store.deleteAssignment(forGroup.id);
    expect((await store.assignmentsFor(ana.id)).items.map((a) => a.id)).toEqual([forAna.id]);
    expect((await store.listAssignments()).items.map((a) => a.id)).toContain(forBob.id);
    await expect(store.createAssignment({ scenarioId: 'gowning', target: { profileId: 'ghost' }, mode: 'training' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.createAssignment({ scenarioId: 'gowning', target: {}, mode: 'training' })).rejects.toMatchObject({ code: 'invalid' });
    expect((await store.listAssignments()).items).toHaveLength(2);
  });

  it('keeps settings and imported scenarios; refuses a broken scenario or a different one under the same version', async () => {
    const { store } = await open(backing);
    await store.setSetting('volume', 0.5);
    await store.setSetting('volume', 0.8);
    expect(await store.getSetting('volume')).toBe(0.8);
    await store.deleteSetting('volume');
    expect(await store.getSetting('volume')).toBeUndefined();

    const scenario = gowning();
    const saved = await store.saveScenario(scenario);
    expect(await store.saveScenario(gowning())).toEqual(saved); // the same file again changes nothing
    expect((await store.getScenario('gowning', gowning().version))?.scenario).toEqual(scenario);
    const changed = { ...gowning(), passMark: 50 };
    await expect(store.saveScenario(changed)).rejects.toMatchObject({ code: 'invalid', text: { en: expect.stringMatching(/raise the version/) } });
    const broken = { ...gowning(), version: gowning().version + 1, steps: [] };
    await expect(store.saveScenario(broken)).rejects.toMatchObject({ code: 'invalid' });
    expect((await store.listScenarios()).items.map((s) => [s.id, s.version, s.scenario.passMark])).toEqual([['gowning', gowning().version, scenario.passMark]]);
    await store.deleteScenario('gowning', gowning().version);
    expect((await store.listScenarios()).items).toEqual([]);
  });
});

describe('profiles on IndexedDB', () => {
  it('profile deletion is one transaction: if its last step fails, nothing of the profile is removed', async () => {
    const { store, factory } = await open();
    const { ana, anaAttempts } = await classroom(store);
    const original = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'profiles') throw new DOMException('disk error', 'UnknownError');
      return original.call(this, key);
    });
    await expect(store.deleteProfile(ana.id)).rejects.toMatchObject({ code: 'failed' });
    vi.restoreAllMocks();

    const page2 = (await open('indexeddb', { factory })).store;
    expect(await page2.getProfile(ana.id)).toBeDefined();
    expect((await page2.attemptsOf(ana.id)).items.map((a) => a.id).sort()).toEqual([anaAttempts.done.id, anaAttempts.open.id].sort());
    expect((await page2.assignmentsFor(ana.id)).items).toHaveLength(2);
    expect(await page2.getSetting(profileSettingKey(ana.id, 'lastScenario'))).toBe('gowning');
  });

  it('a renamed profile keeps its new name after a reload', async () => {
    const { store, factory } = await open();
    const p = await store.createProfile({ name: 'Old', lang: 'fr' });
    await store.renameProfile(p.id, 'New');
    const page2 = (await open('indexeddb', { factory })).store;
    expect((await page2.getProfile(p.id))?.name).toBe('New');
  });
});
