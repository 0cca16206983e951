/**
 * Backup files: their shape, how one is read and checked before anything is
 * written (size, JSON, hostile keys, format and version, JSON Schema, ids,
 * scenarios), and how a good one is merged into the store without duplicates.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { prepare, type CompiledScenario } from '../engine/attempt';
import { forgedAttempts } from '../engine/exam';
import type { Localized, Scenario } from '../engine/types';
import { validateScenario } from '../engine/validateScenario';
import type { Tx } from './backend';
import { putAttempt } from './eventLog';
import { StoreError, say } from './messages';
import { firstError, isDeviceSetting, type Assignment, type AttemptRecord, type ImportedScenario, type Profile, type Setting } from './records';

export const BACKUP_FORMAT = 'salle-blanche-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before being read as JSON. */
export const BACKUP_MAX_BYTES = 20 * 1024 * 1024;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO date and time. */
  exportedAt: string;
  /** The name of the tablet that exported it (a tablet export from the instructor area), so the instructor's device says when each tablet was last collected. */
  tablet?: string;
  profiles: Profile[];
  attempts: AttemptRecord[];
  assignments: Assignment[];
  settings?: Setting[];
  importedScenarios?: ImportedScenario[];
}

export interface ImportCounts {
  profiles: number;
  attempts: number;
  assignments: number;
  scenarios: number;
  settings: number;
}

/** What a trainee's import left out of a file: only the instructor area brings these in. */
export interface IgnoredCounts {
  scenarios: number;
  assignments: number;
  settings: number;
}

/**
 * Who imports: 'trainee' (the home screen) restores profiles and attempts
 * only and says what it ignored; 'instructor' (behind the PIN) also brings
 * assignments, settings and imported scenarios.
 */
export type ImportScope = 'trainee' | 'instructor';

/** `refused`: the finished attempts left out because their recorded result is not what their replay gives (one sentence each, naming the attempt). */
export type ImportResult = { ok: true; added: ImportCounts; skipped: ImportCounts; ignored?: IgnoredCounts; refused?: Localized[] } | { ok: false; message: Localized };

const NOTHING = say('Nothing was imported.', "Rien n'a été importé.");
/** A refusal: the reason, then the reassurance that nothing changed. */
export const refusal = (en: string, fr: string): Localized => ({ en: `${en} ${NOTHING.en}`, fr: `${fr} ${NOTHING.fr}` });

const quote = (s: unknown) => `"${String(s)}"`;

/** UTF-8 size without copying the text. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `/attempts/2/events/5` → `attempts[2].events[5]` */
function pathOf(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const p = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  }
  return out || '(file)';
}

function describe(e: ErrorObject): Localized {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return say(`${quote(p.missingProperty)} is missing`, `le champ ${quote(p.missingProperty)} manque`);
    case 'additionalProperties':
      return say(`unknown field ${quote(p.additionalProperty)}`, `champ inconnu ${quote(p.additionalProperty)}`);
    case 'unevaluatedProperties':
      return say(`unknown field ${quote(p.unevaluatedProperty)}`, `champ inconnu ${quote(p.unevaluatedProperty)}`);
    case 'type':
      return say(`should be of type ${p.type}`, `devrait être de type ${p.type}`);
    case 'enum':
    case 'const':
    case 'oneOf':
      return say('has a value the app does not know', "a une valeur que l'application ne connaît pas");
    default:
      return say('has a wrong value', 'a une valeur incorrecte');
  }
}

/** The first forbidden key met walking the whole value, without recursion (a deep file cannot overflow the stack). */
function hostileKey(root: unknown): { key: string; path: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return { key, path: here };
      stack.push({ value: (value as Record<string, unknown>)[key], path: here });
    }
  }
  return null;
}

function firstDuplicate(keys: string[]): string | null {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}

/**
 * Checks everything that can be checked without the device's data. Never
 * throws: a refusal is a sentence in both languages.
 */
export function readBackup(text: string): { ok: true; file: BackupFile } | { ok: false; message: Localized } {
  const mb = BACKUP_MAX_BYTES / 1024 / 1024;
  if (typeof text !== 'string') return { ok: false, message: refusal('This is not a backup file.', "Ce n'est pas un fichier de sauvegarde.") };
  if (text.length > BACKUP_MAX_BYTES || utf8Bytes(text) > BACKUP_MAX_BYTES) {
    return { ok: false, message: refusal(`This file is larger than ${mb} MB, the most a backup may weigh.`, `Ce fichier dépasse ${mb} Mo, la taille maximale d'une sauvegarde.`) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: refusal('This file is not a backup of the app: it is not valid JSON (it may be cut short or damaged).', "Ce fichier n'est pas une sauvegarde de l'application : ce n'est pas du JSON valide (il est peut-être tronqué ou abîmé).") };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: refusal('This file is not a backup of the app.', "Ce fichier n'est pas une sauvegarde de l'application.") };
  }
  const hostile = hostileKey(data);
  if (hostile) {
    return {
      ok: false,
      message: refusal(
        `This file contains the forbidden key ${quote(hostile.key)} (at ${hostile.path}), so it was refused.`,
        `Ce fichier contient la clé interdite ${quote(hostile.key)} (à ${hostile.path}), il a donc été refusé.`,
      ),
    };
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, message: refusal('This file is not a backup of the app.', "Ce fichier n'est pas une sauvegarde de l'application.") };
  }
  if (head.version !== BACKUP_VERSION) {
    const newer = typeof head.version === 'number' && head.version > BACKUP_VERSION;
    return {
      ok: false,
      message: newer
        ? refusal(`This backup was made by a newer version of the app (backup format ${head.version}); update the app to import it.`, `Cette sauvegarde a été faite par une version plus récente de l'application (format ${head.version}) ; mettez l'application à jour pour l'importer.`)
        : refusal('This backup has a format version the app does not know.', "Cette sauvegarde a une version de format que l'application ne connaît pas."),
    };
  }
  const error = firstError('backup', data);
  if (error) {
    const where = pathOf(error.instancePath);
    const what = describe(error);
    return { ok: false, message: refusal(`This backup is damaged or incomplete (${where}: ${what.en}).`, `Cette sauvegarde est abîmée ou incomplète (${where} : ${what.fr}).`) };
  }
  const file = data as BackupFile;
  const lists: [[string, string], string[]][] = [
    [['profile', 'profil'], file.profiles.map((p) => p.id)],
    [['attempt', 'tentative'], file.attempts.map((a) => a.id)],
    [['assignment', 'devoir'], file.assignments.map((a) => a.id)],
    [['setting', 'réglage'], (file.settings ?? []).map((s) => s.key)],
    [['scenario', 'scénario'], (file.importedScenarios ?? []).map((s) => `${s.id} v${s.version}`)],
  ];
  for (const [[en, fr], ids] of lists) {
    const dup = firstDuplicate(ids);
    if (dup !== null) return { ok: false, message: refusal(`This backup lists the ${en} ${quote(dup)} twice.`, `Cette sauvegarde contient deux fois le ${fr} ${quote(dup)}.`) };
  }
  for (const s of file.importedScenarios ?? []) {
    const checked = validateScenario(s.scenario);
    const same = s.scenario.id === s.id && s.scenario.version === s.version;
    if (!checked.ok || !same) {
      const first = checked.ok ? say('its id or version does not match', 'son identifiant ou sa version ne correspond pas') : checked.problems[0]!.message;
      return {
        ok: false,
        message: refusal(
          `The scenario ${quote(s.id)} version ${s.version} in this backup does not pass the scenario check (${first.en}).`,
          `Le scénario ${quote(s.id)} version ${s.version} de cette sauvegarde ne passe pas la vérification des scénarios (${first.fr}).`,
        ),
      };
    }
  }
  return { ok: true, file };
}

const orphan = () =>
  new StoreError(
    'invalid',
    refusal(
      'This backup has attempts or assignments for a profile that is neither in the file nor on this device.',
      "Cette sauvegarde contient des tentatives ou des devoirs d'un profil qui n'est ni dans le fichier ni sur cet appareil.",
    ),
  );

/** The part of a file a scope may bring in, and what it left out. */
export function scoped(file: BackupFile, scope: ImportScope): { file: BackupFile; ignored?: IgnoredCounts } {
  if (scope === 'instructor') return { file };
  const ignored = { scenarios: file.importedScenarios?.length ?? 0, assignments: file.assignments.length, settings: file.settings?.length ?? 0 };
  return { file: { ...file, assignments: [], settings: [], importedScenarios: [] }, ignored };
}

/**
 * Adds, inside one transaction, what the device does not have yet; anything
 * whose id (key) is already there is skipped, never overwritten. Throws a
 * StoreError (and the transaction writes nothing) when the file refers to a
 * profile it does not carry and the device does not know.
 */
export async function mergeBackup(tx: Tx, file: BackupFile): Promise<{ added: ImportCounts; skipped: ImportCounts }> {
  const inFile = new Set(file.profiles.map((p) => p.id));
  const needed = new Set<string>();
  for (const a of file.attempts) needed.add(a.profileId);
  for (const a of file.assignments) if (a.target.profileId !== undefined) needed.add(a.target.profileId);
  for (const id of needed) if (!inFile.has(id) && (await tx.get('profiles', id)) === undefined) throw orphan();

  const added: ImportCounts = { profiles: 0, attempts: 0, assignments: 0, scenarios: 0, settings: 0 };
  const skipped: ImportCounts = { ...added };
  const merge = async <T extends object>(count: keyof ImportCounts, store: Parameters<Tx['put']>[0], records: readonly T[], keyOf: (r: T) => string | (string | number)[], put = (r: T) => tx.put(store, r)) => {
    for (const r of records) {
      if ((await tx.get(store, keyOf(r))) !== undefined) skipped[count]++;
      else {
        await put(r);
        added[count]++;
      }
    }
  };
  await merge('profiles', 'profiles', file.profiles, (p: Profile) => p.id);
  // an attempt is its summary and its events, one record each (eventLog.ts)
  await merge('attempts', 'attempts', file.attempts, (a: AttemptRecord) => a.id, (a) => putAttempt(tx, a));
  await merge('assignments', 'assignments', file.assignments, (a: Assignment) => a.id);
  await merge('settings', 'settings', (file.settings ?? []).filter((s) => !isDeviceSetting(s.key)), (s: Setting) => s.key);
  await merge('scenarios', 'importedScenarios', file.importedScenarios ?? [], (s: ImportedScenario) => [s.id, s.version]);
  return { added, skipped };
}

export function makeBackup(parts: Omit<BackupFile, 'format' | 'version' | 'exportedAt'>, now: number): BackupFile {
  const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), profiles: parts.profiles, attempts: parts.attempts, assignments: parts.assignments };
  if (parts.settings) file.settings = parts.settings;
  if (parts.importedScenarios) file.importedScenarios = parts.importedScenarios;
  return file;
}

/** The scenario of a given id and version, as this app knows it (built in or imported), or undefined. */
export type FindScenario = (id: string, version: number) => Scenario | undefined;

const END_WORDS = { passed: say('passed', 'réussi'), failed: say('failed', 'échoué') } as Record<string, Localized>;
const endWord = (end: string) => END_WORDS[end] ?? say(end, end);

/**
 * The file without its finished attempts whose recorded result their replay
 * (this engine's judgement, src/engine/exam.ts) does not give, and one
 * sentence per attempt left out, naming it (trainee, scenario and version,
 * start, id). `find` knows the scenarios of the device and those the file
 * brings in its scope.
 */
export function withoutForged(file: BackupFile, find: FindScenario): { file: BackupFile; refused: Localized[] } {
  const compiled = new Map<string, CompiledScenario | undefined>();
  const findCompiled = (id: string, version: number) => {
    const key = `${id}\u0000${version}`;
    if (!compiled.has(key)) {
      const s = find(id, version);
      compiled.set(key, s && prepare(s));
    }
    return compiled.get(key);
  };
  const forged = forgedAttempts(file.attempts, findCompiled);
  if (!forged.length) return { file, refused: [] };
  const names = new Map(file.profiles.map((p) => [p.id, p.name]));
  const out = new Set(forged.map((f) => f.attempt.id));
  const refused = forged.map(({ attempt: a, recorded, replayed }) => {
    const who = names.get(a.profileId) ?? a.profileId;
    const when = new Date(a.startedAt).toISOString().slice(0, 16).replace('T', ' ');
    const what = `${quote(who)}, ${a.scenarioId} v${a.scenarioVersion}, ${when} UTC (${a.id})`;
    const rec = { en: `score ${recorded.score}, ${endWord(recorded.end).en}`, fr: `score ${recorded.score}, ${endWord(recorded.end).fr}` };
    const rep = replayed ? { en: `score ${replayed.score}, ${endWord(replayed.end).en}`, fr: `score ${replayed.score}, ${endWord(replayed.end).fr}` } : null;
    return say(
      `The attempt ${what} was not imported: its recorded result (${rec.en}) is not what its actions give when replayed (${rep ? rep.en : 'they cannot be replayed'}).`,
      `La tentative ${what} n'a pas été importée : son résultat enregistré (${rec.fr}) n'est pas celui que donnent ses actions rejouées (${rep ? rep.fr : 'elles ne peuvent pas être rejouées'}).`,
    );
  });
  return { file: { ...file, attempts: file.attempts.filter((a) => !out.has(a.id)) }, refused };
}

