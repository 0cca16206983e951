/**
 * The store the app talks to and openStore(), which backs it with IndexedDB
 * or, when that is unavailable, with memory — one logic for both. The store
 * is made of parts, one file each, by what they keep: profiles
 * (profileStore.ts), attempts and their event log with the autosave queue
 * (attemptStore.ts, eventLog.ts, journal.ts), assignments and settings
 * (settingStore.ts), imported scenarios (scenarioStore.ts) and backups
 * (backupStore.ts), over what they share (storeCore.ts).
 */
import type { Scenario } from '../engine/types';
import { attemptStore, type AttemptStore, type FlushResult } from './attemptStore';
import { IdbBackend, MemoryBackend, type Backend, type LostReason } from './backend';
import { BACKUP_MAX_BYTES, backupStore, type BackupStore } from './backupStore';
import type { JournalStorage } from './journal';
import { pageStorage } from './journal';
import { problemMessage, say, type OnProblem, type ProblemCode } from './messages';
import { profileStore, type ProfileStore } from './profileStore';
import { scenarioStore, type ScenarioStore } from './scenarioStore';
import { checkMigrations, DB_NAME, MIGRATIONS, openDatabase, type Migration } from './schema';
import { assignmentStore, settingStore, type AssignmentStore, type SettingStore } from './settingStore';
import { StoreCore } from './storeCore';

export type { NewProfile, ProfilePatch, DeletedProfile } from './profileStore';
export type { NewAttempt, FlushResult } from './attemptStore';
export type { NewAssignment } from './settingStore';
export type { JournalStorage } from './journal';
export type { ImportScope } from './backup';
export { BACKUP_MAX_BYTES };

export interface OpenStoreOptions {
  /** Which IndexedDB to use: defaults to the page's; null forces the in-memory store. */
  indexedDB?: IDBFactory | null;
  /** Defaults to DB_NAME. */
  name?: string;
  /** Defaults to MIGRATIONS; the database is opened at migrations.length. */
  migrations?: readonly Migration[];
  /** Told of every problem the user should know about (see ProblemCode). */
  onProblem?: OnProblem;
  /** How long appended events wait to be written together (ms). Default 50. */
  flushDelayMs?: number;
  /** Clock for createdAt/startedAt/endedAt (ms). Default Date.now. */
  now?: () => number;
  /**
   * A synchronous journal (localStorage by default) that holds the events not
   * yet written, so a reload or a closed tab between two writes loses nothing:
   * the next openStore() writes them into their attempt. null: no journal.
   */
  journal?: JournalStorage | null;
  /**
   * The scenarios the app knows (built in, imported), by id and version: an
   * import replays each finished attempt of a file on its scenario and
   * leaves out those whose recorded result the replay does not give. (The
   * app loads its built-in scenarios whole before an import: the instructor
   * area when it opens, the home screen before a trainee's import.)
   */
  scenarios?: (id: string, version: number) => Scenario | undefined;
}

/**
 * Everything the app may ask of storage. Every query about attempts is for
 * one profile, except the functions marked "instructor" which span them all.
 * Every rejection is a StoreError with a sentence in French and English.
 */
export interface Store extends ProfileStore, AttemptStore, AssignmentStore, SettingStore, ScenarioStore, BackupStore {
  /** false when what is saved will not outlive the page (IndexedDB unavailable). */
  readonly persistent: boolean;
  /** The standing problem the UI should show, if any. */
  readonly problem: ProblemCode | null;
  /** Writes what waits, then lets go of the database. */
  close(): Promise<FlushResult>;
}

const noop = () => {};

/** The parts put together over one backend; `recover` writes what the journal kept from a previous page. */
function assemble(backend: Backend, options: OpenStoreOptions): { store: Store; recover: () => Promise<number> } {
  const core = new StoreCore(backend, options.onProblem, options.now ?? Date.now);
  const attempts = attemptStore(core, {
    flushDelayMs: options.flushDelayMs ?? 50,
    journal: options.journal === undefined ? pageStorage() : options.journal,
    journalKey: `${options.name ?? DB_NAME}.journal`,
  });
  const log = attempts.log;

  /** Another tab takes the database, or the browser closes it: save what waits if we still can, then let go. */
  backend.onLost((reason: LostReason) => {
    if (core.lost) return;
    if (reason === 'closed') {
      core.lost = 'closed';
      log.stopTimer();
      const n = core.pendingCount();
      core.report('closed', { message: problemMessage('closed', n), pending: n, ids: core.pendingIds() });
      return;
    }
    void core.exclusive(async () => {
      await log.flushNow();
      core.lost = 'versionchange';
      log.stopTimer();
      backend.close();
      const n = core.pendingCount();
      core.report('versionchange', { message: problemMessage('versionchange', n), pending: n, ids: core.pendingIds() });
    });
  });

  const store: Store = {
    ...profileStore(core, log),
    ...attempts.api,
    ...assignmentStore(core),
    ...settingStore(core),
    ...scenarioStore(core),
    ...backupStore(core, log, options.scenarios),
    get persistent() {
      return backend.persistent;
    },
    get problem() {
      return core.problem;
    },
    close() {
      return core.exclusive(async () => {
        log.stopTimer();
        const result = await log.flushNow();
        if (!core.lost) {
          core.lost = 'shut';
          backend.close();
        }
        return result;
      });
    },
  };
  return { store, recover: log.recoverJournal };
}

const newerDataMessage = say(
  'This device holds data saved by a newer version of the app: reload the page to get that version. Until then nothing you do here is kept unless you export a backup.',
  "Cet appareil contient des données enregistrées par une version plus récente de l'application : rechargez la page pour obtenir cette version. D'ici là, rien de ce que vous faites ici n'est gardé sauf si vous exportez une sauvegarde.",
);

function pageIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined; // some sandboxed frames throw on mere access
  }
}

/**
 * Opens the store. Never rejects: when IndexedDB is missing or refuses to
 * open, the store keeps everything in memory (persistent false, problem
 * 'unavailable', reported through onProblem) and still exports backups.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const factory = options.indexedDB === undefined ? pageIndexedDB() : options.indexedDB;
  const migrations = options.migrations ?? MIGRATIONS;
  const report = options.onProblem ?? noop;
  checkMigrations(migrations);
  let message = problemMessage('unavailable');
  if (factory) {
    try {
      const db = await openDatabase(factory, {
        name: options.name ?? DB_NAME,
        migrations,
        onBlocked: () => report('blocked', { message: problemMessage('blocked') }),
      });
      const { store, recover } = assemble(new IdbBackend(db), options);
      await recover();
      return store;
    } catch (e) {
      if ((e as { name?: unknown } | null)?.name === 'VersionError') message = newerDataMessage;
    }
  }
  report('unavailable', { message });
  return assemble(new MemoryBackend(), { ...options, journal: null }).store;
}
