/**
 * What every part of the store shares: the backend (IndexedDB or memory),
 * writes run one after the other, reads that see the writes asked before
 * them, readable records told from damaged ones, and every failure turned
 * into a StoreError with a sentence, reported once through onProblem.
 */
import type { Backend, Key, LostReason, Row, Tx } from './backend';
import { isQuotaError, problemMessage, say, StoreError, type OnProblem, type ProblemCode, type ProblemDetail } from './messages';
import { isRecord, type Listed, type RecordKind } from './records';
import type { StoreName } from './schema';

/** What waits in memory, for the messages that say how much would be lost. */
export interface Waiting {
  count(): number;
  ids(): string[];
}

const noop = () => {};
export const keyText = (k: Key): string => (typeof k === 'string' ? k : JSON.stringify(k));

export const invalid = (en: string, fr: string) => new StoreError('invalid', say(en, fr));

/** Refuses to write a record the store could not read back. */
export function mustBe(kind: RecordKind, value: unknown): void {
  if (!isRecord(kind, value)) {
    throw invalid('This could not be saved because some of its data is missing or malformed.', "Ceci n'a pas pu être enregistré car certaines données manquent ou sont mal formées.");
  }
}

/**
 * Thrown inside a transaction to undo it and try again another way (the
 * autosave's quick write found the log changed): passed through as it is,
 * never reported to the user.
 */
export class Retry extends Error {
  override readonly name = 'Retry';
}

export class StoreCore {
  /** Set when the database was taken away ('versionchange', 'closed') or closed by close() ('shut'). */
  lost: LostReason | 'shut' | null = null;
  private full = false;
  private chain: Promise<unknown> = Promise.resolve();
  private waiting: Waiting = { count: () => 0, ids: () => [] };
  readonly report: (code: ProblemCode, detail: ProblemDetail) => void;

  constructor(
    readonly backend: Backend,
    onProblem: OnProblem | undefined,
    readonly now: () => number,
  ) {
    const listener = onProblem ?? noop;
    this.report = (code, detail) => {
      try {
        listener(code, detail);
      } catch {
        /* a failing listener must not break storage */
      }
    };
  }

  /** The autosave queue tells what waits in memory. */
  watch(waiting: Waiting): void {
    this.waiting = waiting;
  }

  pendingCount(): number {
    return this.waiting.count();
  }

  pendingIds(): string[] {
    return this.waiting.ids();
  }

  get problem(): ProblemCode | null {
    if (!this.backend.persistent) return 'unavailable';
    if (this.lost === 'versionchange' || this.lost === 'closed') return this.lost;
    return this.full ? 'quota' : null;
  }

  /** Writes run one after the other, in the order they were asked. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.catch(noop);
    return p;
  }

  lostError(): StoreError {
    const n = this.pendingCount();
    if (this.lost === 'shut') return new StoreError('closed', say('The storage was closed.', 'Le stockage a été fermé.'));
    return new StoreError(this.lost === 'versionchange' ? 'versionchange' : 'closed', problemMessage(this.lost === 'versionchange' ? 'versionchange' : 'closed', n));
  }

  toStoreError(e: unknown, writing: boolean): StoreError {
    if (e instanceof StoreError) return e;
    if (this.lost) return this.lostError();
    if (isQuotaError(e)) {
      const n = this.pendingCount();
      if (!this.full) {
        this.full = true;
        this.report('quota', { message: problemMessage('quota', n), pending: n, ids: this.pendingIds() });
      }
      return new StoreError('quota', problemMessage('quota', n), { cause: e });
    }
    if (writing) this.report('write-failed', { message: problemMessage('write-failed', this.pendingCount()) });
    return new StoreError('failed', say("The device's storage did not answer; try again or reload the page.", "Le stockage de l'appareil n'a pas répondu ; réessayez ou rechargez la page."), { cause: e });
  }

  /** One transaction, now (callers inside exclusive() use it directly). */
  async transact<T>(stores: readonly StoreName[], mode: 'readonly' | 'readwrite', work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.lost) throw this.lostError();
    try {
      const result = await this.backend.run(stores, mode, work);
      if (mode === 'readwrite') this.full = false;
      return result;
    } catch (e) {
      if (e instanceof Retry) throw e;
      throw this.toStoreError(e, mode === 'readwrite');
    }
  }

  write<T>(stores: readonly StoreName[], work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.transact(stores, 'readwrite', work));
  }

  /** Reads wait for the writes asked before them, so they see them. */
  read<T>(stores: readonly StoreName[], work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.chain.then(() => this.transact(stores, 'readonly', work));
  }

  unreadable(ids: string[]): void {
    if (ids.length) this.report('unreadable', { message: problemMessage('unreadable'), ids });
  }

  /** Keeps the readable records; reports the others. */
  sort<T>(kind: RecordKind, rows: Row[]): Listed<T> {
    const items: T[] = [];
    const skipped: string[] = [];
    for (const r of rows) {
      if (isRecord(kind, r.value)) items.push(r.value as T);
      else skipped.push(keyText(r.key));
    }
    this.unreadable(skipped);
    return { items, skipped };
  }

  async one<T>(kind: RecordKind, tx: Tx, store: StoreName, key: Key): Promise<T | undefined> {
    const value = await tx.get(store, key);
    if (value === undefined) return undefined;
    if (isRecord(kind, value)) return value as T;
    this.unreadable([keyText(key)]);
    return undefined;
  }
}
