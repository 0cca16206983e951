/** Shared set-up for the store tests: a fresh fake IndexedDB per test, a problem log, a switch that fills the disk, and sample data. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type OpenStoreOptions, type Store } from '../../../src/store/openStore';
import type { ProblemCode, ProblemDetail } from '../../../src/store/messages';
import type { EngineEvent } from '../../../src/engine/types';

export type Backing = 'indexeddb' | 'memory';
export const BACKINGS: Backing[] = ['indexeddb', 'memory'];

export interface Opened {
  store: Store;
  factory: IDBFactory;
  problems: { code: ProblemCode; detail: ProblemDetail }[];
}

/** A store on a brand-new database (or in memory), logging what it reports. */
export async function open(backing: Backing = 'indexeddb', options: OpenStoreOptions & { factory?: IDBFactory } = {}): Promise<Opened> {
  const factory = options.factory ?? new IDBFactory();
  const problems: Opened['problems'] = [];
  const store = await openStore({
    flushDelayMs: 10_000, // tests flush explicitly unless they test the timer
    ...options,
    indexedDB: backing === 'memory' ? null : factory,
    onProblem: (code, detail) => {
      problems.push({ code, detail });
      options.onProblem?.(code, detail);
    },
  });
  return { store, factory, problems };
}

/** Makes IndexedDB writes (put and add) throw QuotaExceededError while the disk is "full" (or once `room` more records have been written). */
export function diskSwitch() {
  const { put, add } = IDBObjectStore.prototype;
  let room = Infinity;
  const guard = (write: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (room <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      room--;
      return write.apply(this, args);
    };
  IDBObjectStore.prototype.put = guard(put);
  IDBObjectStore.prototype.add = guard(add);
  return {
    fill: (roomLeft = 0) => void (room = roomLeft),
    free: () => void (room = Infinity),
    restore: () => {
      IDBObjectStore.prototype.put = put;
      IDBObjectStore.prototype.add = add;
    },
  };
}

export const act = (verb: string, target: string, value?: number): EngineEvent => ({ type: 'ACT', verb, target, ...(value === undefined ? {} : { value }) });

/** Raw access to a database, as another tab or an older app version would have it. */
export function rawOpen(factory: IDBFactory, name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = version === undefined ? factory.open(name) : factory.open(name, version);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function rawPut(db: IDBDatabase, store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export function rawGetAll(db: IDBDatabase, store: string, index?: string, key?: IDBValidKey): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const s = db.transaction(store).objectStore(store);
    const r = index ? s.index(index).getAll(key) : s.getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
