/**
 * The files that carry a class between tablets: a tablet's export (every
 * profile and attempt, and the tablet's name, never the device's PIN or kiosk
 * switch; its file named after the tablet and the second), the merge of several
 * such files on the instructor's device (without duplicates, one report per
 * file, and, per named tablet, when its data was last collected), and the "assignment pack" (assignments plus the imported scenarios
 * they use) that another tablet imports as an ordinary backup.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Assignment, type BackupFile, type ImportResult, type ImportedScenario, type JsonValue, type Store } from '../store';

/** This tablet's name, given in the instructor area: a device setting, never in a backup. */
export const TABLET_NAME = 'instructor.tabletName';
/** On the instructor's device: when each tablet's export was made and last imported. A device setting. */
export const TABLET_IMPORTS = 'instructor.tabletImports';
export const TABLET_NAME_MAX = 40;

/** When a tablet's data was last collected on this device. */
export interface TabletImport {
  tablet: string;
  /** When the tablet exported it (ISO). */
  exportedAt: string;
  /** When it was imported here (ISO). */
  importedAt: string;
}

/** Everything on this tablet, with its name; the store leaves out the device's own settings (PIN, lockout, kiosk, the tablet's name). */
export async function exportTablet(store: Store): Promise<BackupFile> {
  const file = await store.exportAll();
  const name = await tabletName(store);
  return name ? { ...file, tablet: name } : file;
}

/** The name a tablet was given (spaces tidied, at most TABLET_NAME_MAX characters), or '' when none. */
export const cleanTabletName = (name: string): string => name.replace(/\s+/g, ' ').trim().slice(0, TABLET_NAME_MAX);

export async function tabletName(store: Store): Promise<string> {
  const v = await store.getSetting(TABLET_NAME).catch(() => undefined);
  return typeof v === 'string' ? v : '';
}

export const setTabletName = (store: Store, name: string): Promise<void> => store.setSetting(TABLET_NAME, cleanTabletName(name));

/**
 * A tablet export's file name: the tablet's name and the moment to the
 * second, in the device's local time, so two tablets exported in the same
 * minute never give the same name:
 * `salle-blanche-tablette-salle-2-2026-12-02-14h05m09.json`.
 */
export function tabletFileName(name: string, at: Date): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  const p = (n: number) => String(n).padStart(2, '0');
  const when = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}h${p(at.getMinutes())}m${p(at.getSeconds())}`;
  return `salle-blanche-tablette-${slug ? `${slug}-` : ''}${when}.json`;
}

/** The tablets collected on this device, the last collected first. */
export async function tabletImports(store: Store): Promise<TabletImport[]> {
  const v = await store.getSetting(TABLET_IMPORTS).catch(() => undefined);
  const list = Array.isArray(v) ? (v as unknown[]).filter((x): x is TabletImport & Record<string, string> => typeof (x as TabletImport)?.tablet === 'string' && typeof (x as TabletImport)?.exportedAt === 'string' && typeof (x as TabletImport)?.importedAt === 'string') : [];
  return list.map(({ tablet, exportedAt, importedAt }) => ({ tablet, exportedAt, importedAt })).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** The list with this import: one line per tablet, its newest export kept (an older file imported late does not hide a newer one). */
export function withImport(list: readonly TabletImport[], next: TabletImport): TabletImport[] {
  const same = list.find((x) => x.tablet === next.tablet);
  if (same && same.exportedAt > next.exportedAt) return [...list];
  return [next, ...list.filter((x) => x.tablet !== next.tablet)];
}

export interface FileReport {
  name: string;
  result: ImportResult;
}

/**
 * Imports the files one after the other (each all or nothing), merged
 * without duplicates by id, and says for each what was added and skipped.
 */
export async function importTabletFiles(store: Store, files: readonly { name: string; text: string }[], now = new Date()): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for (const f of files) {
    const result = await store.importBackup(f.text, 'instructor');
    out.push({ name: f.name, result });
    if (result.ok) await noteImport(store, f.text, now);
  }
  return out;
}

/** A named tablet's export, once imported: remembered with its date (files of unnamed tablets, and backups, are not). */
async function noteImport(store: Store, text: string, now: Date) {
  let file: Partial<BackupFile>;
  try {
    file = JSON.parse(text) as Partial<BackupFile>;
  } catch {
    return;
  }
  if (typeof file.tablet !== 'string' || !file.tablet || typeof file.exportedAt !== 'string') return;
  const list = withImport(await tabletImports(store), { tablet: file.tablet, exportedAt: file.exportedAt, importedAt: now.toISOString() });
  await store.setSetting(TABLET_IMPORTS, list as unknown as JsonValue).catch(() => undefined);
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
