/**
 * Backups as the store makes and takes them: the instructor's export of the
 * whole device, a trainee's export of their own profile and attempts, the
 * rescue of unsaved events, and the import — all or nothing, scoped to who
 * imports (a trainee restores profiles and attempts only).
 */
import type { AttemptLog } from './attemptStore';
import { BACKUP_MAX_BYTES, makeBackup, mergeBackup, readBackup, refusal, scoped, withoutForged, type BackupFile, type FindScenario, type ImportResult, type ImportScope } from './backup';
import { notFound, StoreError } from './messages';
import { isDeviceSetting, type Assignment, type ImportedScenario, type Profile, type Setting } from './records';
import type { StoreCore } from './storeCore';

export interface BackupStore {
  /** Instructor: everything on the device, unsaved events included. */
  exportAll(): Promise<BackupFile>;
  /** A trainee's backup: one profile with its attempts (unsaved events included), nothing else. */
  exportProfile(profileId: string): Promise<BackupFile>;
  /** Without touching storage: the attempts of this session that have unsaved events, or null. */
  exportUnsaved(): BackupFile | null;
  /**
   * All or nothing: a refusal changes nothing and says why. 'trainee' (the
   * home screen) restores profiles and attempts only and counts what it
   * ignored; 'instructor' (the instructor area) takes everything but the
   * device's own settings. Either way a finished attempt whose recorded
   * result its replay does not give (a forged score or ending) is left out
   * and named in `refused`; the rest is imported.
   */
  importBackup(text: string, scope: ImportScope): Promise<ImportResult>;
}

export { BACKUP_MAX_BYTES };

/** `scenarios`: the scenarios the app knows (built in and imported), to replay a file's finished attempts. */
export function backupStore(core: StoreCore, attempts: AttemptLog, scenarios: FindScenario = () => undefined): BackupStore {
  return {
    async exportAll() {
      const parts = await core.read(['profiles', 'attempts', 'events', 'assignments', 'settings', 'importedScenarios'], async (tx) => ({
        profiles: core.sort<Profile>('profile', await tx.all('profiles')).items,
        attempts: (await attempts.assemble(tx, await tx.all('attempts'), await tx.all('events'))).items,
        assignments: core.sort<Assignment>('assignment', await tx.all('assignments')).items,
        settings: core.sort<Setting>('setting', await tx.all('settings')).items.filter((s) => !isDeviceSetting(s.key)),
        importedScenarios: core.sort<ImportedScenario>('importedScenario', await tx.all('importedScenarios')).items,
      }));
      return makeBackup({ ...parts, attempts: parts.attempts.map(attempts.withPending) }, core.now());
    },

    async exportProfile(profileId) {
      const { profile, list } = await core.read(['profiles', 'attempts', 'events'], async (tx) => {
        const profile = await core.one<Profile>('profile', tx, 'profiles', profileId);
        if (!profile) throw notFound('profile', profileId);
        return { profile, list: await attempts.assemble(tx, await tx.all('attempts', { name: 'byProfile', key: profileId })) };
      });
      return makeBackup({ profiles: [withoutCode(profile)], attempts: list.items.filter((a) => a.profileId === profileId).map(attempts.withPending), assignments: [] }, core.now());
    },

    exportUnsaved() {
      const rescued = attempts.unsaved();
      if (!rescued.length) return null;
      const profiles = new Map(rescued.map(({ profile }) => [profile.id, withoutCode(profile)]));
      return makeBackup({ profiles: structuredClone([...profiles.values()]), attempts: rescued.map(({ record }) => structuredClone(attempts.withPending(record))), assignments: [] }, core.now());
    },

    async importBackup(text, scope) {
      try {
        const read = readBackup(text);
        if (!read.ok) return read;
        const inScope = scoped(read.file, scope);
        // the attempts are replayed on the scenarios of the device and those the file brings (instructor)
        const stored = await core.read(['importedScenarios'], async (tx) => core.sort<ImportedScenario>('importedScenario', await tx.all('importedScenarios')).items);
        const brought = [...(inScope.file.importedScenarios ?? []), ...stored];
        const find = (id: string, version: number) => scenarios(id, version) ?? brought.find((s) => s.id === id && s.version === version)?.scenario;
        const { file, refused } = withoutForged(inScope.file, find);
        const { ignored } = inScope;
        const counts = await core.write(['profiles', 'attempts', 'events', 'assignments', 'settings', 'importedScenarios'], (tx) => mergeBackup(tx, file));
        return { ok: true, ...counts, ...(ignored ? { ignored } : {}), ...(refused.length ? { refused } : {}) };
      } catch (e) {
        if (e instanceof StoreError) {
          return { ok: false, message: e.code === 'invalid' ? e.text : refusal(e.text.en, e.text.fr) };
        }
        return { ok: false, message: refusal('This file could not be read as a backup.', "Ce fichier n'a pas pu être lu comme une sauvegarde.") };
      }
    },
  };
}

/**
 * The profile as a file the trainee carries away holds it: without the hash of
 * its trainee code (four digits are found from their hash in minutes). The
 * instructor's tablet export keeps it (exportAll).
 */
function withoutCode(p: Profile): Profile {
  const { codeHash: _, ...rest } = p;
  return rest;
}
