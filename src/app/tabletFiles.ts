/**
 * The files that carry a class between tablets: a tablet's export (every
 * profile and attempt, never the device's PIN or kiosk switch), the merge of several
 * such files on the instructor's device (without duplicates, one report per
 * file), and the "assignment pack" (assignments plus the imported scenarios
 * they use) that another tablet imports as an ordinary backup.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Assignment, type BackupFile, type ImportResult, type ImportedScenario, type Store } from '../store';

/** Everything on this tablet; the store leaves out the device's own settings (PIN, lockout, kiosk). */
export const exportTablet = (store: Store): Promise<BackupFile> => store.exportAll();

export interface FileReport {
  name: string;
  result: ImportResult;
}

/**
 * Imports the files one after the other (each all or nothing), merged
 * without duplicates by id, and says for each what was added and skipped.
 */
export async function importTabletFiles(store: Store, files: readonly { name: string; text: string }[]): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (const f of files) out.push({ name: f.name, result: await store.importBackup(f.text, 'instructor') });
  return out;
}

/**
 * An assignment pack: the assignments aimed at a group (all groups when none
 * is given; those aimed at one trainee stay, since profiles belong to their
 * tablet) and the imported scenarios they use, as a backup file any tablet
 * imports. Built-in scenarios are on every tablet and are not included.
 */
export function assignmentPack(assignments: readonly Assignment[], imported: readonly ImportedScenario[], group?: string, now = Date.now()): BackupFile {
  const chosen = assignments.filter((a) => a.target.group !== undefined && a.target.profileId === undefined && (group === undefined || a.target.group === group));
  const scenarios = new Map<string, ImportedScenario>();
  for (const a of chosen) {
    // the trainee plays the newest version of the scenario: carry that one (and a pinned one)
    const versions = imported.filter((s) => s.id === a.scenarioId).sort((x, y) => y.version - x.version);
    for (const s of versions.filter((s, i) => i === 0 || s.version === a.scenarioVersion)) scenarios.set(`${s.id} ${s.version}`, s);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    profiles: [],
    attempts: [],
    assignments: structuredClone(chosen),
    importedScenarios: structuredClone([...scenarios.values()]),
  };
}
