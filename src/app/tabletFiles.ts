/**
 * The files that carry a class between tablets: a tablet's export (every
 * profile and attempt, without the instructor's PIN), the merge of several
 * such files on the instructor's device (without duplicates, one report per
 * file), and the "assignment pack" (assignments plus the imported scenarios
 * they use) that another tablet imports as an ordinary backup.
 */
import { BACKUP_FORMAT, BACKUP_MAX_BYTES, BACKUP_VERSION, type Assignment, type BackupFile, type ImportResult, type ImportedScenario, type Store } from '../store';
import { isInstructorSetting } from '../store/pin';

/** Everything on this tablet, minus the instructor settings (PIN hash, lockout): those never leave the device. */
export async function exportTablet(store: Store): Promise<BackupFile> {
  const file = await store.exportAll();
  if (file.settings) file.settings = file.settings.filter((s) => !isInstructorSetting(s.key));
  return file;
}

export interface FileReport {
  name: string;
  result: ImportResult;
}

/** Drops the instructor settings another device's file may carry, so importing never brings a PIN or a lockout. */
export function withoutInstructorSettings(text: string): string {
  if (text.length > BACKUP_MAX_BYTES) return text; // refused by importBackup with its own sentence
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return text;
  const settings = (data as { settings?: unknown }).settings;
  if (!Array.isArray(settings)) return text;
  const kept = settings.filter((s: unknown) => !(s && typeof s === 'object' && typeof (s as { key?: unknown }).key === 'string' && isInstructorSetting((s as { key: string }).key)));
  if (kept.length === settings.length) return text;
  return JSON.stringify({ ...(data as object), settings: kept });
}

/**
 * Imports the files one after the other (each all or nothing), merged
 * without duplicates by id, and says for each what was added and skipped.
 */
export async function importTabletFiles(store: Store, files: readonly { name: string; text: string }[]): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (const f of files) out.push({ name: f.name, result: await store.importBackup(withoutInstructorSettings(f.text)) });
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
