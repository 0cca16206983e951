/**
 * The trainee code: set by the instructor on a profile, kept only as a salted
 * hash (as the instructor PIN), checked before playing; a backup import never
 * removes or replaces the code of a profile already on the tablet.
 */
import { describe, expect, it } from 'vitest';
import type { BackupFile } from '../../../src/store/backup';
import { hashPin, hashTraineeCode, pinMatches } from '../../../src/store/pin';
import { isRecord } from '../../../src/store/records';
import { BACKINGS, open } from './helpers';

const backupOf = (profiles: BackupFile['profiles']): string =>
  JSON.stringify({ format: 'salle-blanche-backup', version: 1, exportedAt: '2026-12-01T10:00:00.000Z', profiles, attempts: [], assignments: [] } satisfies BackupFile);

describe('trainee code hashing', () => {
  it('is hashed as the PIN: salted (two hashes of one code differ), verified by the same function, never the digits', async () => {
    const a = await hashTraineeCode('0427');
    const b = await hashTraineeCode('0427');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('0427');
    expect(await pinMatches('0427', a)).toBe(true);
    expect(await pinMatches('0428', a)).toBe(false);
    // the PIN's hash of the same digits is checked the same way
    expect(await pinMatches('0427', await hashPin('0427'))).toBe(true);
  });

  it('refuses anything but four digits', async () => {
    for (const bad of ['427', '04270', 'abcd', '']) await expect(hashTraineeCode(bad)).rejects.toThrow();
  });
});

describe.each(BACKINGS)('trainee code on a profile (%s)', (backing) => {
  it('is set, checked, kept through a rename, changed and removed', async () => {
    const { store } = await open(backing);
    const p = await store.createProfile({ name: 'Léa', group: 'TSBI-1', lang: 'fr' });
    expect(p.codeHash).toBeUndefined();
    expect(await store.traineeCodeMatches(p.id, '1234')).toBe(false);

    const coded = await store.setTraineeCode(p.id, '2580');
    expect(JSON.stringify(coded)).not.toContain('2580');
    expect(await store.traineeCodeMatches(p.id, '2580')).toBe(true);
    expect(await store.traineeCodeMatches(p.id, '0852')).toBe(false);

    await store.renameProfile(p.id, 'Léa M.');
    await store.updateProfile(p.id, { lang: 'en' });
    expect(await store.traineeCodeMatches(p.id, '2580')).toBe(true);

    await store.setTraineeCode(p.id, '1111');
    expect(await store.traineeCodeMatches(p.id, '2580')).toBe(false);
    expect(await store.traineeCodeMatches(p.id, '1111')).toBe(true);

    const bare = await store.setTraineeCode(p.id, null);
    expect(bare.codeHash).toBeUndefined();
    expect((await store.getProfile(p.id))?.codeHash).toBeUndefined();
    expect(await store.traineeCodeMatches(p.id, '1111')).toBe(false);
  });

  it('refuses a code that is not four digits, and keeps the one set', async () => {
    const { store } = await open(backing);
    const p = await store.createProfile({ name: 'Hugo', lang: 'fr' });
    await store.setTraineeCode(p.id, '4321');
    for (const bad of ['123', '12345', 'abcd']) await expect(store.setTraineeCode(p.id, bad)).rejects.toThrow(/4 chiffres|4 digits/);
    expect(await store.traineeCodeMatches(p.id, '4321')).toBe(true);
  });

  it("a backup (the trainee's or the instructor's) can neither remove nor replace the code of a profile already here", async () => {
    const { store } = await open(backing);
    const p = await store.createProfile({ name: 'Léa', group: 'TSBI-1', lang: 'fr' });
    await store.setTraineeCode(p.id, '2580');
    const without = { id: p.id, name: 'Léa', group: 'TSBI-1', lang: 'fr' as const, createdAt: 1 };
    const other = { ...without, codeHash: await hashTraineeCode('0000') };
    for (const scope of ['trainee', 'instructor'] as const) {
      for (const profile of [without, other]) {
        const r = await store.importBackup(backupOf([profile]), scope);
        expect(r).toMatchObject({ ok: true, added: { profiles: 0 }, skipped: { profiles: 1 } });
        expect(await store.traineeCodeMatches(p.id, '2580')).toBe(true);
        expect(await store.traineeCodeMatches(p.id, '0000')).toBe(false);
      }
    }
  });

  it("the instructor's tablet export carries the code's hash (the profile arrives with its code); a trainee's own file carries no code at all", async () => {
    const { store } = await open(backing);
    const p = await store.createProfile({ name: 'Hugo', lang: 'fr' });
    await store.setTraineeCode(p.id, '9876');
    // four digits are found from their hash in minutes: a file the trainee carries away holds nothing of the code
    const own = await store.exportProfile(p.id);
    expect(JSON.stringify(own)).not.toContain('9876');
    expect(JSON.stringify(own)).not.toContain('codeHash');
    const { store: other } = await open(backing);
    expect(await other.importBackup(JSON.stringify(own), 'trainee')).toMatchObject({ ok: true, added: { profiles: 1 } });
    expect(await other.traineeCodeMatches(p.id, '9876')).toBe(false);
    // the instructor's export, from tablet to tablet, keeps it
    const all = await store.exportAll();
    expect(JSON.stringify(all)).not.toContain('9876');
    const { store: third } = await open(backing);
    expect(await third.importBackup(JSON.stringify(all), 'instructor')).toMatchObject({ ok: true, added: { profiles: 1 } });
    expect(await third.traineeCodeMatches(p.id, '9876')).toBe(true);
  });
});

describe('the profile record', () => {
  it('an old profile (no code) and one with a code hash are both valid; a code written as digits is not', async () => {
    const old = { id: 'p1', name: 'Léa', lang: 'fr', createdAt: 1 };
    expect(isRecord('profile', old)).toBe(true);
    expect(isRecord('profile', { ...old, codeHash: await hashTraineeCode('1234') })).toBe(true);
    expect(isRecord('profile', { ...old, codeHash: '1234' })).toBe(false);
    expect(isRecord('profile', { ...old, code: '1234' })).toBe(false);
  });
});
