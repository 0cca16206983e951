/** Backup files: export, import that merges without duplicates, and every kind of bad file refused with a sentence and no change at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { JUDGE_VERSION } from '../../../src/engine/judgeVersion';
import { BACKUP_MAX_BYTES, type BackupFile } from '../../../src/store/backup';
import { profileSettingKey } from '../../../src/store/records';
import type { Store } from '../../../src/store/openStore';
import { gowning } from '../fixtures';
import { act, BACKINGS, diskSwitch, open } from './helpers';

const passed = { end: 'passed' as const, score: 90, byCategory: { sequence: 90 }, critical: false, mistakes: [] };
/** The attempts here are about merging, not judging: made on a version of gowning no device has, their made-up results cannot be replayed and are kept as recorded (tests/unit/forgedImport.test.ts replays real ones). */
const played = gowning().version + 100;

async function filled(store: Store) {
  const ana = await store.createProfile({ name: 'Ana', group: 'BTS-1', lang: 'fr' });
  const bob = await store.createProfile({ name: 'Bob', lang: 'en' });
  await store.saveScenario(gowning());
  for (const p of [ana, bob]) {
    const a = await store.startAttempt({ profileId: p.id, scenarioId: 'gowning', scenarioVersion: played, options: { seed: 5, mode: 'training' } });
    store.appendEvent(a.id, act('wash', 'sink'), 1);
    await store.finish(a.id, passed);
  }
  const current = await store.startAttempt({ profileId: ana.id, scenarioId: 'gowning', scenarioVersion: played, options: { seed: 6, mode: 'assessment', forcedFault: 'none' } });
  store.appendEvent(current.id, act('open', 'locker'), 0.5);
  await store.createAssignment({ scenarioId: 'gowning', target: { group: 'BTS-1' }, mode: 'assessment', due: '2025-06-30' });
  await store.setSetting(profileSettingKey(ana.id, 'lang'), 'fr');
  await store.setSetting('kiosk', false);
  return { ana, bob, current };
}

/** Everything the store holds, without the export time: equal before and after means nothing changed. */
async function contents(store: Store) {
  const { exportedAt: _, ...rest } = await store.exportAll();
  return rest;
}

const text = (file: unknown) => JSON.stringify(file);

let disk: ReturnType<typeof diskSwitch> | undefined;
afterEach(() => {
  disk?.restore();
  disk = undefined;
});

describe.each(BACKINGS)('backup (%s)', (backing) => {
  it('exportAll() gives a versioned file that restores everything, unsaved events included, on an empty device', async () => {
    const { store } = await open(backing);
    const { current } = await filled(store);
    const file = await store.exportAll();
    expect(file).toMatchObject({ format: 'salle-blanche-backup', version: 1, exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(file.attempts.find((a) => a.id === current.id)?.events).toHaveLength(1); // still only in memory

    const other = (await open(backing)).store;
    const result = await other.importBackup(text(file), 'instructor');
    expect(result).toEqual({
      ok: true,
      added: { profiles: 2, attempts: 3, assignments: 1, scenarios: 1, settings: 2 },
      skipped: { profiles: 0, attempts: 0, assignments: 0, scenarios: 0, settings: 0 },
    });
    const { exportedAt: _, ...restored } = await other.exportAll();
    const { exportedAt: __, ...original } = file;
    expect(restored).toEqual(original);
  });

  it("exportProfile() carries one trainee's profile and attempts, nothing else and nothing of the others'", async () => {
    const { store } = await open(backing);
    const { ana, bob } = await filled(store);
    const file = await store.exportProfile(ana.id);
    expect(file.profiles).toEqual([ana]);
    expect(file.attempts.map((a) => a.profileId)).toEqual([ana.id, ana.id]);
    // the group's assignment, Ana's own setting and the imported scenario she played stay on the device: only the instructor area moves them
    expect(file.assignments).toEqual([]);
    expect(file.settings).toBeUndefined();
    expect(file.importedScenarios).toBeUndefined();
    expect(text(file)).not.toContain(bob.id);
    const bobs = await store.exportProfile(bob.id);
    expect(bobs.profiles).toEqual([bob]);
    expect(bobs.attempts.map((a) => a.profileId)).toEqual([bob.id]);
    expect(text(bobs)).not.toContain(ana.id);
    await expect(store.exportProfile('nobody')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('importing merges without duplicates: known profiles and attempts are skipped, never overwritten', async () => {
    const { store } = await open(backing);
    const { ana } = await filled(store);
    const file = await store.exportAll();
    const before = await contents(store);

    const again = await store.importBackup(text(file), 'instructor');
    expect(again).toMatchObject({ ok: true, added: { profiles: 0, attempts: 0, assignments: 0, scenarios: 0, settings: 0 }, skipped: { profiles: 2, attempts: 3 } });
    expect(await contents(store)).toEqual(before);

    // a file where the same attempt says something else, plus one new attempt for a known profile
    const edited = structuredClone(file);
    const finished = edited.attempts.find((a) => a.status === 'finished')!;
    finished.result = { ...passed, score: 12 };
    edited.profiles[0]!.name = 'Renamed';
    edited.attempts.push({ ...structuredClone(finished), id: 'from-another-tablet', profileId: ana.id });
    const merged = await store.importBackup(text(edited), 'instructor');
    expect(merged).toMatchObject({ ok: true, added: { attempts: 1, profiles: 0 }, skipped: { attempts: 3, profiles: 2 } });
    const after = await contents(store);
    expect(after.attempts.find((a) => a.id === finished.id)?.result?.score).toBe(90);
    expect(after.profiles.map((p) => p.name).sort()).toEqual(['Ana', 'Bob']);
    expect((await store.attemptsOf(ana.id)).items.map((a) => a.id)).toContain('from-another-tablet');
  });

  it('an attempt stored before the judgement had a version (no judgeVersion) still imports, and stays without one', async () => {
    const { store } = await open(backing);
    await filled(store);
    const file = await store.exportAll();
    expect(file.attempts.every((a) => a.judgeVersion === JUDGE_VERSION)).toBe(true);
    const old = structuredClone(file);
    for (const a of old.attempts) delete a.judgeVersion;
    const other = (await open(backing)).store;
    expect(await other.importBackup(text(old), 'instructor')).toMatchObject({ ok: true, added: { attempts: 3 } });
    expect((await other.exportAll()).attempts.map((a) => a.judgeVersion)).toEqual([undefined, undefined, undefined]);
  });

  it('names with markup are kept as plain text, exactly as written', async () => {
    const { store } = await open(backing);
    const { ana } = await filled(store);
    const file = await store.exportProfile(ana.id);
    file.profiles[0]!.name = '<script>alert("x")</script>';
    file.profiles[0]!.id = 'other-device-profile';
    file.attempts = file.attempts.map((a) => ({ ...a, id: `${a.id.slice(0, 8)}-copy`, profileId: 'other-device-profile' }));
    file.settings = [];
    expect((await store.importBackup(text(file), 'trainee')).ok).toBe(true);
    expect((await store.getProfile('other-device-profile'))?.name).toBe('<script>alert("x")</script>');
  });
});

describe('bad backup files are refused, change nothing, and say why in both languages', () => {
  async function refused(file: string | ((good: BackupFile) => unknown), expected: RegExp) {
    const { store } = await open();
    const { ana } = await filled(store);
    const good = await store.exportProfile(ana.id);
    // a file from another tablet: a new profile, so a wrongly accepted file would add something
    good.profiles[0]!.id = 'new-profile';
    good.attempts = good.attempts.map((a, i) => ({ ...a, id: `new-attempt-${i}`, profileId: 'new-profile' }));
    good.settings = [];
    const before = await contents(store);
    const made = typeof file === 'string' ? file : file(structuredClone(good));
    const result = await store.importBackup(typeof made === 'string' ? made : text(made), 'trainee');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.en).toMatch(expected);
    expect(result.message.en).toMatch(/Nothing was imported\.$/);
    expect(result.message.fr).toMatch(/Rien n'a été importé\.$/);
    expect(await contents(store)).toEqual(before);
    // the same file, once repaired, would have been accepted: the refusal is about what was broken
    expect((await store.importBackup(text(good), 'trainee')).ok).toBe(true);
  }

  it('over 20 MB, counted in bytes (BACKUP_MAX_BYTES)', async () => {
    expect(BACKUP_MAX_BYTES).toBe(20 * 1024 * 1024);
    await refused((g) => `${text(g)}${' '.repeat(BACKUP_MAX_BYTES)}`, /larger than 20 MB/);
  });

  it('over 20 MB once encoded, though shorter in characters', async () => {
    await refused('"' + '€'.repeat(Math.ceil(BACKUP_MAX_BYTES / 3) + 10) + '"', /larger than 20 MB/);
  });

  it('not JSON (a file cut short)', async () => {
    await refused('{"format":"salle-blanche-backup","version":1,"profiles":[', /not valid JSON/);
  });

  it('JSON that is not a backup, or of another format', async () => {
    await refused('[1,2,3]', /not a backup/);
    await refused((g) => ({ ...g, format: 'other-app' }), /not a backup/);
  });

  it('a backup from a newer version of the app', async () => {
    await refused((g) => ({ ...g, version: 2 }), /newer version/);
  });

  it('a record that breaks the schema (a missing seed, an extra personal field)', async () => {
    await refused((g) => {
      delete (g.attempts[0] as Partial<BackupFile['attempts'][number]>).seed;
      return g;
    }, /attempts\[0\]: "seed" is missing/);
    await refused((g) => ({ ...g, profiles: [{ ...g.profiles[0], email: 'ana@example.org' }] }), /unknown field "email"/);
  });

  it('hostile keys anywhere: __proto__, constructor, prototype', async () => {
    await refused((g) => text(g).replace('"event":{', '"event":{"__proto__":{"polluted":true},'), /forbidden key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await refused((g) => ({ ...g, profiles: [{ ...g.profiles[0], constructor: { name: 'x' } }] }), /forbidden key "constructor" \(at profiles\[0\]\.constructor\)/);
    await refused((g) => ({ ...g, settings: [{ key: 'k', value: { prototype: 1 } }] }), /forbidden key "prototype"/);
  });

  it('the same id twice in the file', async () => {
    await refused((g) => ({ ...g, attempts: [g.attempts[0], g.attempts[0]] }), /lists the attempt "new-attempt-0" twice/);
  });

  it('attempts of a profile that is neither in the file nor on the device', async () => {
    await refused((g) => ({ ...g, profiles: [] }), /neither in the file nor on this device/);
  });

  it('an imported scenario that fails the scenario check', async () => {
    await refused((g) => ({ ...g, importedScenarios: [{ id: 'gowning', version: gowning().version, importedAt: 1, scenario: { ...gowning(), steps: [] } }] }), new RegExp(`scenario "gowning" version ${gowning().version} .*does not pass the scenario check`));
  });

  it('a device that fills up half-way through the import keeps none of it', async () => {
    const { store } = await open();
    await filled(store);
    const big = (await open()).store;
    const ids = Array.from({ length: 5 }, (_, i) => `p-${i}`);
    for (const id of ids) await big.importBackup(text({ format: 'salle-blanche-backup', version: 1, exportedAt: '2025-01-01T00:00:00Z', profiles: [{ id, name: id, lang: 'fr', createdAt: 1 }], attempts: [], assignments: [] }), 'trainee');
    const file = await big.exportAll();
    const before = await contents(store);
    disk = diskSwitch();
    disk.fill(3);
    const result = await store.importBackup(text(file), 'instructor');
    expect(result).toMatchObject({ ok: false, message: { en: expect.stringMatching(/full.*Nothing was imported\.$/s) } });
    disk.free();
    expect(await contents(store)).toEqual(before);
  });
});
