/**
 * The two places records can live — an IndexedDB database through idb, or
 * plain maps in memory when IndexedDB is unavailable — behind one small
 * transactional interface, so the store's logic is written once.
 */
import type { IDBPDatabase } from 'idb';
import { LAYOUT, STORE_NAMES, type StoreName } from './schema';

export type Key = string | number | Key[];

export interface Row {
  key: Key;
  value: unknown;
}

/** The operations one transaction may make; all of them succeed together or none does. */
export interface Tx {
  get(store: StoreName, key: Key): Promise<unknown>;
  /** Every row of a store, or those whose index equals key; in key order. */
  all(store: StoreName, index?: { name: string; key: string }): Promise<Row[]>;
  put(store: StoreName, value: unknown): Promise<void>;
  /** Writes a record whose key must be new: a key already there fails the transaction (a ConstraintError), nothing of it is kept. */
  add(store: StoreName, value: unknown): Promise<void>;
  delete(store: StoreName, key: Key): Promise<void>;
  /** In a store keyed by [first, …]: the rows whose key starts with first, in key order. */
  under(store: StoreName, first: string): Promise<Row[]>;
  /** How many rows under(store, first) would give, without reading them. */
  countUnder(store: StoreName, first: string): Promise<number>;
  /** Deletes every row under(store, first). */
  deleteUnder(store: StoreName, first: string): Promise<void>;
}

export type LostReason = 'versionchange' | 'closed';

export interface Backend {
  readonly persistent: boolean;
  /**
   * Runs work in one transaction over stores. Work must await only the Tx's
   * own operations (IndexedDB commits a transaction left idle). If work
   * throws, nothing it wrote is kept.
   */
  run<T>(stores: readonly StoreName[], mode: 'readonly' | 'readwrite', work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Called when the database is taken away (another tab upgrades it, the browser closes it). */
  onLost(listener: (reason: LostReason) => void): void;
  close(): void;
}

const noop = () => {};

/** Every array key whose first part is first: [first] sorts before them, [first, []] after (arrays sort after numbers and strings). */
const startingWith = (first: string) => IDBKeyRange.bound([first], [first, []]);

export class IdbBackend implements Backend {
  readonly persistent = true;
  private lostListener: (reason: LostReason) => void = noop;

  constructor(private readonly db: IDBPDatabase<unknown>) {
    db.addEventListener('versionchange', () => this.lostListener('versionchange'));
    db.addEventListener('close', () => this.lostListener('closed'));
  }

  onLost(listener: (reason: LostReason) => void): void {
    this.lostListener = listener;
  }

  async run<T>(stores: readonly StoreName[], mode: 'readonly' | 'readwrite', work: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = this.db.transaction([...stores], mode);
    const done = tx.done;
    done.catch(noop); // awaited below; this only keeps an abort from being reported as unhandled
    const t: Tx = {
      get: (store, key) => tx.objectStore(store).get(key as IDBValidKey),
      all: async (store, index) => {
        const source = index ? tx.objectStore(store).index(index.name) : tx.objectStore(store);
        const query = index ? index.key : undefined;
        const [keys, values] = await Promise.all([source.getAllKeys(query), source.getAll(query)]);
        return values.map((value, i) => ({ key: keys[i] as Key, value }));
      },
      put: async (store, value) => {
        await tx.objectStore(store).put!(value);
      },
      add: async (store, value) => {
        await tx.objectStore(store).add!(value);
      },
      delete: async (store, key) => {
        await tx.objectStore(store).delete!(key as IDBValidKey);
      },
      under: async (store, first) => {
        const s = tx.objectStore(store);
        const [keys, values] = await Promise.all([s.getAllKeys(startingWith(first)), s.getAll(startingWith(first))]);
        return values.map((value, i) => ({ key: keys[i] as Key, value }));
      },
      countUnder: (store, first) => tx.objectStore(store).count(startingWith(first)),
      deleteUnder: async (store, first) => {
        await tx.objectStore(store).delete!(startingWith(first));
      },
    };
    try {
      const result = await work(t);
      await done;
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already aborted or finished */
      }
      throw e;
    }
  }

  close(): void {
    this.db.close();
  }
}

/* ---------- in memory ---------- */

function keyOf(store: StoreName, value: unknown): Key {
  const path = LAYOUT[store].keyPath;
  const read = (p: string): Key => {
    const k = valueAt(value, p);
    if (typeof k !== 'string' && typeof k !== 'number') throw new DOMException(`no key at ${p}`, 'DataError');
    return k;
  };
  return typeof path === 'string' ? read(path) : path.map(read);
}

function valueAt(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const startsWith = (key: Key, first: string) => Array.isArray(key) && key[0] === first;
const inOrder = (rows: Row[]): Row[] => rows.sort((a, b) => compareKeys(a.key, b.key)).map((r) => ({ key: r.key, value: structuredClone(r.value) }));

/** IndexedDB's order: numbers before strings before arrays. */
export function compareKeys(a: Key, b: Key): number {
  const rank = (k: Key) => (typeof k === 'number' ? 0 : typeof k === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareKeys(a[i]!, b[i]!);
      if (c) return c;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same operations on maps, with IndexedDB's copy-on-write and all-or-nothing behaviour. */
export class MemoryBackend implements Backend {
  readonly persistent = false;
  private data = new Map<StoreName, Map<string, Row>>(STORE_NAMES.map((s) => [s, new Map()]));
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  onLost(): void {
    /* memory is never taken away */
  }

  run<T>(stores: readonly StoreName[], mode: 'readonly' | 'readwrite', work: (tx: Tx) => Promise<T>): Promise<T> {
    const go = async () => {
      if (this.closed) throw new DOMException('The store is closed', 'InvalidStateError');
      const staged = new Map(stores.map((s) => [s, new Map(this.data.get(s))]));
      const table = (s: StoreName) => {
        const t = staged.get(s);
        if (!t) throw new DOMException(`${s} is not part of this transaction`, 'NotFoundError');
        return t;
      };
      const writable = () => {
        if (mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
      };
      const tx: Tx = {
        get: async (s, key) => structuredClone(table(s).get(JSON.stringify(key))?.value),
        all: async (s, index) => {
          let rows = [...table(s).values()];
          if (index) {
            const path = (LAYOUT[s].indexes as Record<string, string>)[index.name];
            if (!path) throw new DOMException(`no index ${index.name} on ${s}`, 'NotFoundError');
            rows = rows.filter((r) => valueAt(r.value, path) === index.key);
          }
          return inOrder(rows);
        },
        put: async (s, value) => {
          writable();
          const key = keyOf(s, value);
          table(s).set(JSON.stringify(key), { key, value: structuredClone(value) });
        },
        add: async (s, value) => {
          writable();
          const key = keyOf(s, value);
          if (table(s).has(JSON.stringify(key))) throw new DOMException('A record with this key already exists.', 'ConstraintError');
          table(s).set(JSON.stringify(key), { key, value: structuredClone(value) });
        },
        delete: async (s, key) => {
          writable();
          table(s).delete(JSON.stringify(key));
        },
        under: async (s, first) => inOrder([...table(s).values()].filter((r) => startsWith(r.key, first))),
        countUnder: async (s, first) => [...table(s).values()].filter((r) => startsWith(r.key, first)).length,
        deleteUnder: async (s, first) => {
          writable();
          for (const [k, r] of table(s)) if (startsWith(r.key, first)) table(s).delete(k);
        },
      };
      const result = await work(tx);
      if (mode === 'readwrite') for (const [s, rows] of staged) this.data.set(s, rows);
      return result;
    };
    const p = this.queue.then(go);
    this.queue = p.catch(() => {});
    return p;
  }

  close(): void {
    this.closed = true;
  }
}
