/**
 * Profiles: the trainees of this device (a name or pseudonym, a group, a
 * language), and deleting one with all their data in one transaction.
 */
import type { Lang } from '../engine/types';
import type { AttemptLog } from './attemptStore';
import { isValidTraineeCode } from '../engine/identity';
import { deleteAttempt } from './eventLog';
import { hashTraineeCode, pinMatches } from './pin';
import { notFound } from './messages';
import { compact, settingBelongsTo, type Listed, type Profile } from './records';
import { invalid, keyText, mustBe, type StoreCore } from './storeCore';

export interface NewProfile {
  name: string;
  group?: string;
  lang: Lang;
}

export interface ProfilePatch {
  name?: string;
  /** null removes the group. */
  group?: string | null;
  lang?: Lang;
}

export interface DeletedProfile {
  attempts: number;
  assignments: number;
  settings: number;
}

export interface ProfileStore {
  createProfile(input: NewProfile): Promise<Profile>;
  listProfiles(): Promise<Listed<Profile>>;
  getProfile(id: string): Promise<Profile | undefined>;
  /** Instructor: the profiles of one group. */
  profilesInGroup(group: string): Promise<Listed<Profile>>;
  renameProfile(id: string, name: string): Promise<Profile>;
  updateProfile(id: string, patch: ProfilePatch): Promise<Profile>;
  /** Instructor: sets (a 4-digit code) or removes (null) the code asked before playing under this profile; the store keeps only its salted hash. */
  setTraineeCode(id: string, code: string | null): Promise<Profile>;
  /** Whether `code` is this profile's code (false when the profile has none or is gone). */
  traineeCodeMatches(id: string, code: string): Promise<boolean>;
  /** Removes the profile and all its data (attempts and their events, assignments targeted at it, its settings) in one transaction. */
  deleteProfile(id: string): Promise<DeletedProfile>;
}

function cleanText(value: string | undefined): string | undefined {
  const t = value?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function checkName(name: string | undefined): string {
  const n = cleanText(name);
  if (!n) throw invalid('Please give a name or a pseudonym.', 'Indiquez un nom ou un pseudonyme.');
  if (n.length > 80) throw invalid('A name may not exceed 80 characters.', 'Un nom ne peut dépasser 80 caractères.');
  return n;
}

export function checkGroup(group: string | undefined): string | undefined {
  const g = cleanText(group);
  if (g && g.length > 80) throw invalid('A group name may not exceed 80 characters.', 'Un nom de groupe ne peut dépasser 80 caractères.');
  return g;
}

const byName = (a: Profile, b: Profile) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });

export function profileStore(core: StoreCore, attempts: AttemptLog): ProfileStore {
  const api: ProfileStore = {
    async createProfile(input) {
      const profile = compact<Profile>({ id: crypto.randomUUID(), name: checkName(input.name), group: checkGroup(input.group), lang: input.lang, createdAt: core.now() });
      mustBe('profile', profile);
      await core.write(['profiles'], (tx) => tx.put('profiles', profile));
      return profile;
    },

    async listProfiles() {
      const list = core.sort<Profile>('profile', await core.read(['profiles'], (tx) => tx.all('profiles')));
      list.items.sort((a, b) => byName(a, b) || a.createdAt - b.createdAt);
      return list;
    },

    getProfile(id) {
      return core.read(['profiles'], (tx) => core.one<Profile>('profile', tx, 'profiles', id));
    },

    async profilesInGroup(group) {
      const list = core.sort<Profile>('profile', await core.read(['profiles'], (tx) => tx.all('profiles', { name: 'byGroup', key: group })));
      list.items.sort(byName);
      return list;
    },

    renameProfile(id, name) {
      return api.updateProfile(id, { name });
    },

    updateProfile(id, patch) {
      const name = patch.name === undefined ? undefined : checkName(patch.name);
      const group = patch.group === undefined || patch.group === null ? undefined : checkGroup(patch.group);
      return core.write(['profiles'], async (tx) => {
        const old = await core.one<Profile>('profile', tx, 'profiles', id);
        if (!old) throw notFound('profile', id);
        const next = compact<Profile>({ ...old, name: name ?? old.name, group: patch.group === undefined ? old.group : group, lang: patch.lang ?? old.lang });
        mustBe('profile', next);
        await tx.put('profiles', next);
        return next;
      });
    },

    async setTraineeCode(id, code) {
      if (code !== null && !isValidTraineeCode(code)) throw invalid('A trainee code has exactly 4 digits.', 'Un code de stagiaire a exactement 4 chiffres.');
      // hashed before the transaction opens: awaiting WebCrypto inside it would let it commit
      const codeHash = code === null ? undefined : await hashTraineeCode(code);
      return core.write(['profiles'], async (tx) => {
        const old = await core.one<Profile>('profile', tx, 'profiles', id);
        if (!old) throw notFound('profile', id);
        const next = compact<Profile>({ ...old, codeHash });
        mustBe('profile', next);
        await tx.put('profiles', next);
        return next;
      });
    },

    async traineeCodeMatches(id, code) {
      const profile = await api.getProfile(id);
      return !!profile?.codeHash && isValidTraineeCode(code) && pinMatches(code, profile.codeHash);
    },

    deleteProfile(id) {
      return core.exclusive(async () => {
        const { ids, counts } = await core.transact(['profiles', 'attempts', 'events', 'assignments', 'settings'], 'readwrite', async (tx) => {
          const profile = await tx.get('profiles', id);
          const rows = await tx.all('attempts', { name: 'byProfile', key: id });
          const assignments = await tx.all('assignments', { name: 'byTargetProfile', key: id });
          const settings = (await tx.all('settings')).filter((r) => typeof r.key === 'string' && settingBelongsTo(r.key, id));
          if (profile === undefined && !rows.length) throw notFound('profile', id);
          const ids = rows.map((r) => keyText(r.key));
          for (const a of ids) await deleteAttempt(tx, a);
          for (const r of assignments) await tx.delete('assignments', r.key);
          for (const r of settings) await tx.delete('settings', r.key);
          await tx.delete('profiles', id);
          return { ids, counts: { attempts: rows.length, assignments: assignments.length, settings: settings.length } };
        });
        for (const a of ids) attempts.forget(a);
        return counts;
      });
    },
  };
  return api;
}
