/**
 * The database's name, its versioned layout and the migration that builds
 * each version from the previous one, and the function that opens it and
 * runs the migrations that are due.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';

export const DB_NAME = 'salle-blanche';

export type StoreName = 'profiles' | 'attempts' | 'events' | 'settings' | 'assignments' | 'importedScenarios';

/** One step of the schema: upgrades a database at version - 1 to version. */
export interface Migration {
  version: number;
  summary: string;
  /**
   * Runs inside the upgrade transaction. It may be async, but must await only
   * requests made on `tx`: awaiting anything else lets the transaction commit
   * half-way.
   */
  up(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void | Promise<void>;
}

/**
 * Indexed by version - 1: MIGRATIONS[0] builds version 1. Never edit a shipped
 * step; add the next one, and update LAYOUT to what the last step leaves.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    summary: 'profiles, attempts, settings, assignments, imported scenarios',
    up(db) {
      const profiles = db.createObjectStore('profiles', { keyPath: 'id' });
      profiles.createIndex('byGroup', 'group');
      const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('byProfile', 'profileId');
      attempts.createIndex('byScenario', 'scenarioId');
      db.createObjectStore('settings', { keyPath: 'key' });
      const assignments = db.createObjectStore('assignments', { keyPath: 'id' });
      assignments.createIndex('byTargetProfile', 'target.profileId');
      assignments.createIndex('byTargetGroup', 'target.group');
      db.createObjectStore('importedScenarios', { keyPath: ['id', 'version'] });
    },
  },
  {
    version: 2,
    summary: "the event log append-only: each attempt's events move to the events store, one record per event keyed by [attemptId, seq]; the attempt keeps its summary",
    async up(db, tx) {
      db.createObjectStore('events', { keyPath: ['attemptId', 'seq'] });
      const events = tx.objectStore('events');
      let cursor = await tx.objectStore('attempts').openCursor();
      while (cursor) {
        const a = cursor.value as { id?: unknown; events?: unknown } | null;
        // a damaged record (no list of events) is left as it is: the store reports it unreadable, as before
        if (a && typeof a === 'object' && Array.isArray(a.events)) {
          const { events: list, ...summary } = a as { id: string; events: unknown[] };
          await Promise.all(
            list.map((e, seq) => {
              const item = (e ?? {}) as { event?: unknown; at?: unknown };
              return events.put!({ attemptId: summary.id, seq, event: item.event, at: item.at });
            }),
          );
          await cursor.update(summary);
        }
        cursor = await cursor.continue();
      }
    },
  },
];

export const DB_VERSION = MIGRATIONS.length;

/**
 * What the database looks like at DB_VERSION: the in-memory store follows it,
 * and a test checks the migrations produce exactly this.
 */
export const LAYOUT = {
  profiles: { keyPath: 'id', indexes: { byGroup: 'group' } },
  attempts: { keyPath: 'id', indexes: { byProfile: 'profileId', byScenario: 'scenarioId' } },
  events: { keyPath: ['attemptId', 'seq'], indexes: {} },
  settings: { keyPath: 'key', indexes: {} },
  assignments: { keyPath: 'id', indexes: { byTargetProfile: 'target.profileId', byTargetGroup: 'target.group' } },
  importedScenarios: { keyPath: ['id', 'version'], indexes: {} },
} as const satisfies Record<StoreName, { keyPath: string | readonly string[]; indexes: Record<string, string> }>;

export const STORE_NAMES = Object.keys(LAYOUT) as StoreName[];

/** Throws (a programming error) unless migrations[i] is the step to version i + 1. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration at index ${i} is for version ${m.version}, expected ${i + 1}`);
  });
}

export interface OpenDatabaseOptions {
  name: string;
  migrations: readonly Migration[];
  onBlocked?: () => void;
}

/**
 * Opens the database at migrations.length, running the steps from its
 * current version. Rejects (nothing changed on disk) if the browser refuses,
 * the data on disk is newer, or a migration fails.
 */
export function openDatabase(factory: IDBFactory, { name, migrations, onBlocked }: OpenDatabaseOptions): Promise<IDBPDatabase<unknown>> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    const request = factory.open(name, migrations.length);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (!tx) return;
      const db = wrap(request.result) as IDBPDatabase<unknown>;
      const wrappedTx = wrap(tx) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      wrappedTx.done.catch(() => {}); // an aborted upgrade is reported by the open request's error
      const target = event.newVersion ?? migrations.length;
      const abort = (e: unknown) => {
        failure = e;
        try {
          tx.abort();
        } catch {
          /* already finished: the error event reports it */
        }
      };
      // Run synchronous steps synchronously, so the upgrade transaction stays active between them.
      const run = async () => {
        for (let v = event.oldVersion; v < target; v++) {
          const pending = migrations[v]!.up(db, wrappedTx);
          if (pending) await pending;
        }
      };
      try {
        run().catch(abort);
      } catch (e) {
        abort(e);
      }
    };
    request.onblocked = () => onBlocked?.();
    request.onsuccess = () => resolve(wrap(request.result) as IDBPDatabase<unknown>);
    request.onerror = (event) => {
      event.preventDefault();
      reject(failure ?? request.error);
    };
  });
}
