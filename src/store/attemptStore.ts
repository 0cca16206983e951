/**
 * Attempts and their event log: starting one, the autosave queue (events
 * queued without making the game wait, written together a moment later, in
 * order, mirrored in the journal until written), resuming, finishing, listing
 * and discarding. What has not reached the disk stays in memory and is shown
 * with the attempt, so the user never sees an action vanish.
 */
import type { AttemptOptions, EngineEvent, Localized } from '../engine/types';
import { mustKeep } from '../engine/exam';
import { JUDGE_VERSION } from '../engine/judgeVersion';
import type { Row, Tx } from './backend';
import { appendEvents, byAttempt, deleteAttempt, eventsFrom, readEvents, savedCount } from './eventLog';
import { clearJournal, readJournal, writeJournal, type JournalEntry, type JournalStorage } from './journal';
import { notFound, problemMessage, StoreError, type StoreErrorCode } from './messages';
import { compact, isTimedEvent, type AttemptRecord, type AttemptResult, type AttemptSummary, type Listed, type Profile, type TimedEvent } from './records';
import { invalid, mustBe, Retry, type StoreCore } from './storeCore';

export interface NewAttempt {
  profileId: string;
  scenarioId: string;
  scenarioVersion: number;
  options: AttemptOptions;
  assignmentId?: string;
}

export type FlushResult = { ok: true; saved: number } | { ok: false; code: StoreErrorCode; message: Localized; pending: number };

/** What the app may ask about attempts. Every query is for one profile, except allAttempts (instructor). */
export interface AttemptStore {
  startAttempt(input: NewAttempt): Promise<AttemptRecord>;
  /** Queues one event of the log; returns at once. Written with the others within flushDelayMs, in one transaction. */
  appendEvent(attemptId: string, event: EngineEvent, at: number): void;
  /** Writes every queued event now; call it on pagehide / visibilitychange. Never rejects. */
  flush(): Promise<FlushResult>;
  /** Events appended but not yet written (kept in memory after a failed write). */
  pendingEvents(attemptId: string): TimedEvent[];
  /** The profile's unfinished attempt (the latest), with unsaved events included: replay it to resume. */
  inProgress(profileId: string): Promise<AttemptRecord | undefined>;
  /** Writes the remaining events, the result and the end time together. */
  finish(attemptId: string, result: AttemptResult, endedAt?: number): Promise<AttemptRecord>;
  /** The profile's attempts, newest first. */
  attemptsOf(profileId: string, filter?: { scenarioId?: string }): Promise<Listed<AttemptRecord>>;
  getAttempt(profileId: string, attemptId: string): Promise<AttemptRecord | undefined>;
  /** Deletes one attempt of the profile (a training one left unfinished); an exam's or an assignment's is refused: it is ended as abandoned instead (src/engine/exam.ts mustKeep). */
  discardAttempt(profileId: string, attemptId: string): Promise<void>;
  /** Instructor: every profile's attempts, newest first. */
  allAttempts(filter?: { scenarioId?: string }): Promise<Listed<AttemptRecord>>;
}

type Started = Pick<AttemptSummary, 'id' | 'startedAt'>;
export const byNewest = (a: Started, b: Started) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the other parts of the store need from this one (deleting a profile, backups, closing). */
export interface AttemptLog {
  /** The record as the user knows it: saved events followed by those still waiting. */
  withPending(a: AttemptRecord): AttemptRecord;
  /** Whole attempts (summary and events) from summary rows, inside a transaction over attempts and events; `events`: every event row, when already read. */
  assemble(tx: Tx, rows: Row[], events?: Row[]): Promise<Listed<AttemptRecord>>;
  /** Drops what waits in memory for attempts that were deleted. */
  forget(attemptId: string): void;
  /** Attempts started or resumed in this page that have unsaved events, with their profile. */
  unsaved(): { profile: Profile; record: AttemptRecord }[];
  /** Writes what waits now (inside exclusive()). */
  flushNow(): Promise<FlushResult>;
  stopTimer(): void;
  /** Writes the events a previous page left in the journal into their attempts (each event once). */
  recoverJournal(): Promise<number>;
}

export interface AutosaveOptions {
  flushDelayMs: number;
  journal: JournalStorage | null;
  journalKey: string;
}

export function attemptStore(core: StoreCore, options: AutosaveOptions): { api: AttemptStore; log: AttemptLog } {
  const pending = new Map<string, TimedEvent[]>();
  /** Attempts started or resumed in this page, with their profile, as last known saved: what exportUnsaved() can rescue. */
  const sessions = new Map<string, { profile: Profile; record: AttemptRecord }>();
  /** For the attempts of `sessions`: how many of their events are written (the next seq), as this page last wrote or read them. */
  const written = new Map<string, number>();
  const { journal, journalKey } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const count = () => {
    let n = 0;
    for (const list of pending.values()) n += list.length;
    return n;
  };
  core.watch({ count, ids: () => [...pending].filter(([, l]) => l.length).map(([id]) => id) });

  const withPending = (a: AttemptRecord): AttemptRecord => {
    const extra = pending.get(a.id);
    return extra?.length && a.status === 'in-progress' ? { ...a, events: [...a.events, ...extra] } : a;
  };

  const forget = (attemptId: string) => {
    pending.delete(attemptId);
    sessions.delete(attemptId);
    written.delete(attemptId);
  };

  /** Removes the first n waiting events of an attempt once they are written (or dropped). */
  const settle = (attemptId: string, n: number) => {
    const list = pending.get(attemptId);
    list?.splice(0, n);
    if (list && !list.length) pending.delete(attemptId);
  };

  /** Mirrors the unsaved events synchronously, so nothing is lost if the page goes away before the next write. */
  const saveJournal = () => {
    if (!journal) return;
    const entries: JournalEntry[] = [];
    for (const [id, events] of pending) {
      const saved = sessions.get(id)?.record.events.length;
      if (events.length && saved !== undefined) entries.push({ id, saved, events });
    }
    writeJournal(journal, journalKey, entries);
  };

  const summaryOf = (tx: Tx, id: string) => core.one<AttemptSummary>('attemptSummary', tx, 'attempts', id);

  async function assemble(tx: Tx, rows: Row[], events?: Row[]): Promise<Listed<AttemptRecord>> {
    const summaries = core.sort<AttemptSummary>('attemptSummary', rows);
    const grouped = events && byAttempt(events);
    const items: AttemptRecord[] = [];
    const damaged: string[] = [];
    for (const s of summaries.items) {
      const log = grouped ? eventsFrom(grouped.get(s.id) ?? []) : await readEvents(tx, s.id);
      if (log) items.push({ ...s, events: log });
      else damaged.push(s.id);
    }
    core.unreadable(damaged);
    return { items, skipped: [...summaries.skipped, ...damaged] };
  }

  /** One whole attempt, or undefined (reported) when its summary or one of its events is damaged. */
  async function readAttempt(tx: Tx, id: string): Promise<AttemptRecord | undefined> {
    const s = await summaryOf(tx, id);
    if (!s) return undefined;
    const log = await readEvents(tx, id);
    if (log) return { ...s, events: log };
    core.unreadable([id]);
    return undefined;
  }

  type Batch = { id: string; events: TimedEvent[] }[];

  /**
   * Writes a batch in one transaction; returns the attempts found finished or
   * deleted (their events are dropped) and where each written log now ends.
   * `quick`: an attempt whose log this page knows (it started or resumed it,
   * and wrote every event since) gets its events written after the known
   * count, each as a new record (add), with its summary read alongside
   * rather than first: one round trip. Should the log have grown elsewhere
   * (a collision) or the attempt be finished or gone, nothing is kept and
   * Retry asks for the careful way: read the summary and count the log, then
   * write.
   */
  const writeBatch = (batch: Batch, quick: boolean) =>
    core.transact(['attempts', 'events'], 'readwrite', async (tx) => {
      const gone: string[] = [];
      const ends = new Map<string, number>();
      for (const { id, events } of batch) {
        const known = quick ? written.get(id) : undefined;
        if (known !== undefined) {
          const [a] = await Promise.all([tx.get('attempts', id), appendEvents(tx, id, known, events, true)]).catch((e: unknown) => {
            throw (e as { name?: unknown } | null)?.name === 'ConstraintError' ? new Retry('the log grew elsewhere') : e;
          });
          if ((a as Partial<AttemptSummary> | undefined)?.status !== 'in-progress') throw new Retry('the attempt is finished or gone');
          ends.set(id, known + events.length);
          continue;
        }
        const [a, saved] = await Promise.all([summaryOf(tx, id), savedCount(tx, id)]);
        if (!a || a.status !== 'in-progress') {
          gone.push(id);
          continue;
        }
        await appendEvents(tx, id, saved, events);
        ends.set(id, saved + events.length);
      }
      return { gone, ends };
    });

  /** Writes the events waiting now in one transaction; they leave memory only once written. */
  async function flushNow(): Promise<FlushResult> {
    const batch: Batch = [...pending].filter(([, l]) => l.length).map(([id, l]) => ({ id, events: l.slice() }));
    if (!batch.length) return { ok: true, saved: 0 };
    let discarded: string[];
    try {
      const done = await writeBatch(batch, true).catch((e: unknown) => {
        if (e instanceof Retry) return writeBatch(batch, false);
        throw e;
      });
      discarded = done.gone;
      for (const [id, end] of done.ends) if (sessions.has(id)) written.set(id, end);
    } catch (e) {
      const err = e instanceof StoreError ? e : core.toStoreError(e, true);
      return { ok: false, code: err.code, message: err.text, pending: count() };
    }
    let saved = 0;
    for (const { id, events } of batch) {
      settle(id, events.length);
      if (discarded.includes(id)) {
        written.delete(id);
        continue;
      }
      saved += events.length;
      sessions.get(id)?.record.events.push(...events);
    }
    saveJournal();
    if (discarded.length) core.report('discarded', { message: problemMessage('discarded'), ids: discarded });
    return { ok: true, saved };
  }

  const flush = () => core.exclusive(flushNow);

  const api: AttemptStore = {
    async startAttempt(input) {
      const { options: o } = input;
      const summary = compact<AttemptSummary>({
        id: crypto.randomUUID(),
        profileId: input.profileId,
        scenarioId: input.scenarioId,
        scenarioVersion: input.scenarioVersion,
        judgeVersion: JUDGE_VERSION,
        seed: o.seed,
        mode: o.mode,
        forcedFault: o.forcedFault,
        passMark: o.passMark,
        assignmentId: input.assignmentId,
        startedAt: core.now(),
        status: 'in-progress',
      });
      mustBe('attemptSummary', summary);
      const profile = await core.write(['profiles', 'attempts'], async (tx) => {
        const p = await core.one<Profile>('profile', tx, 'profiles', input.profileId);
        if (!p) throw notFound('profile', input.profileId);
        await tx.put('attempts', summary);
        return p;
      });
      const record: AttemptRecord = { ...summary, events: [] };
      sessions.set(record.id, { profile, record: structuredClone(record) });
      written.set(record.id, 0);
      return record;
    },

    appendEvent(attemptId, event, at) {
      const item: TimedEvent = { event: { ...event }, at };
      if (!isTimedEvent(item)) throw invalid('This action could not be recorded: it is malformed.', "Cette action n'a pas pu être enregistrée : elle est mal formée.");
      let list = pending.get(attemptId);
      if (!list) pending.set(attemptId, (list = []));
      list.push(item);
      saveJournal();
      if (timer === undefined && !core.lost) {
        timer = setTimeout(() => {
          timer = undefined;
          void flush();
        }, options.flushDelayMs);
      }
    },

    flush,

    pendingEvents(attemptId) {
      return structuredClone(pending.get(attemptId) ?? []);
    },

    async inProgress(profileId) {
      const found = await core.read(['profiles', 'attempts', 'events'], async (tx) => {
        const profile = await core.one<Profile>('profile', tx, 'profiles', profileId);
        const rows = await tx.all('attempts', { name: 'byProfile', key: profileId });
        const open = core.sort<AttemptSummary>('attemptSummary', rows).items.filter((a) => a.status === 'in-progress' && a.profileId === profileId);
        // the latest readable one: a damaged log is skipped (and reported) like a damaged summary
        for (const s of open.sort(byNewest)) {
          const latest = await readAttempt(tx, s.id);
          if (latest) return { profile, latest };
        }
        return { profile, latest: undefined };
      });
      const { profile, latest } = found;
      if (!latest) return undefined;
      if (profile) {
        sessions.set(latest.id, { profile, record: structuredClone(latest) });
        written.set(latest.id, latest.events.length);
      }
      return withPending(latest);
    },

    finish(attemptId, result, endedAt) {
      return core.exclusive(async () => {
        const waiting = pending.get(attemptId)?.slice() ?? [];
        const record = await core.transact(['attempts', 'events'], 'readwrite', async (tx) => {
          const a = await readAttempt(tx, attemptId);
          if (!a) throw notFound('attempt', attemptId);
          if (a.status === 'finished') throw invalid('This attempt is already finished.', 'Cette tentative est déjà terminée.');
          // the result was worked out by this build's engine, whatever judged the attempt when it started
          const { events, ...summary } = a;
          const done: AttemptSummary = { ...summary, status: 'finished', result: structuredClone(result), endedAt: endedAt ?? core.now(), judgeVersion: JUDGE_VERSION };
          mustBe('attemptSummary', done);
          await appendEvents(tx, attemptId, events.length, waiting);
          await tx.put('attempts', done);
          return { ...done, events: [...events, ...waiting] };
        });
        settle(attemptId, waiting.length);
        sessions.delete(attemptId);
        written.delete(attemptId);
        return record;
      });
    },

    async attemptsOf(profileId, filter = {}) {
      const list = await core.read(['attempts', 'events'], async (tx) => {
        const rows = (await tx.all('attempts', { name: 'byProfile', key: profileId })).filter((r) => {
          const v = r.value as Partial<AttemptSummary> | null;
          return filter.scenarioId === undefined || v?.scenarioId === filter.scenarioId;
        });
        return assemble(tx, rows);
      });
      list.items = list.items.filter((a) => a.profileId === profileId).map(withPending).sort(byNewest);
      return list;
    },

    async getAttempt(profileId, attemptId) {
      const a = await core.read(['attempts', 'events'], (tx) => readAttempt(tx, attemptId));
      return a && a.profileId === profileId ? withPending(a) : undefined;
    },

    discardAttempt(profileId, attemptId) {
      return core.exclusive(async () => {
        await core.transact(['attempts', 'events'], 'readwrite', async (tx) => {
          const a = await tx.get('attempts', attemptId);
          if (!a || (a as { profileId?: unknown }).profileId !== profileId) throw notFound('attempt', attemptId);
          if (mustKeep(a as AttemptRecord)) throw invalid('An exam attempt, or one made for an assignment, cannot be deleted: it is kept as abandoned.', "Une tentative d'évaluation, ou faite pour un devoir, ne peut être supprimée : elle est gardée comme abandonnée.");
          await deleteAttempt(tx, attemptId);
        });
        forget(attemptId);
      });
    },

    async allAttempts(filter = {}) {
      const { scenarioId } = filter;
      const list = await core.read(['attempts', 'events'], async (tx) => {
        const rows = scenarioId === undefined ? await tx.all('attempts') : await tx.all('attempts', { name: 'byScenario', key: scenarioId });
        return assemble(tx, rows, scenarioId === undefined ? await tx.all('events') : undefined);
      });
      list.items = list.items.map(withPending).sort(byNewest);
      return list;
    },
  };

  const log: AttemptLog = {
    withPending,
    assemble,
    forget,
    unsaved: () => [...sessions.values()].filter(({ record }) => pending.get(record.id)?.length),
    flushNow,
    stopTimer() {
      clearTimeout(timer);
      timer = undefined;
    },
    async recoverJournal() {
      if (!journal) return 0;
      const entries = readJournal(journal, journalKey);
      let recovered = 0;
      if (entries.length) {
        try {
          recovered = await core.transact(['attempts', 'events'], 'readwrite', async (tx) => {
            let n = 0;
            for (const entry of entries) {
              const a = await summaryOf(tx, entry.id);
              if (!a || a.status !== 'in-progress') continue;
              const saved = await savedCount(tx, entry.id);
              const tail = entry.events.slice(Math.max(0, saved - entry.saved));
              if (!tail.length) continue;
              await appendEvents(tx, entry.id, saved, tail);
              n += tail.length;
            }
            return n;
          });
        } catch {
          return 0; // keep the journal for a later try
        }
      }
      clearJournal(journal, journalKey);
      return recovered;
    },
  };
  return { api, log };
}
