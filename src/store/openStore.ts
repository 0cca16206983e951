/**
 * The store the app talks to (profiles, attempts with autosave, assignments,
 * settings, imported scenarios, backups) and openStore(), which backs it with
 * IndexedDB or, when that is unavailable, with memory — one logic for both.
 */
import type { AttemptOptions, EngineEvent, Lang, Localized, Scenario } from '../engine/types';
import { validateScenario } from '../engine/validateScenario';
import { JUDGE_VERSION } from '../engine/judgeVersion';
import { IdbBackend, MemoryBackend, type Backend, type Key, type LostReason, type Row, type Tx } from './backend';
import { BACKUP_MAX_BYTES, makeBackup, mergeBackup, readBackup, refusal, type BackupFile, type ImportResult } from './backup';
import { isQuotaError, notFound, problemMessage, say, StoreError, type OnProblem, type ProblemCode, type StoreErrorCode } from './messages';
import {
  compact,
  isRecord,
  isTimedEvent,
  settingBelongsTo,
  isDeviceSetting,
  type Assignment,
  type AttemptRecord,
  type AttemptResult,
  type ImportedScenario,
  type JsonValue,
  type Listed,
  type Profile,
  type RecordKind,
  type Setting,
  type TimedEvent,
} from './records';
import { checkMigrations, DB_NAME, MIGRATIONS, openDatabase, type Migration, type StoreName } from './schema';

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
}

export interface NewProfile {
  name: string;
  group?: string;
  lang: Lang;
}

export interface ProfilePatch {
  name?: string;
  /** null removes the group. */
  group?: string | null;
  lang?: Lang;
}

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface JournalEntry {
  id: string;
  /** How many events of the attempt were saved when these were appended. */
  saved: number;
  events: TimedEvent[];
}

export interface NewAttempt {
  profileId: string;
  scenarioId: string;
  scenarioVersion: number;
  options: AttemptOptions;
  assignmentId?: string;
}

export type NewAssignment = Omit<Assignment, 'id' | 'createdAt'>;

export type FlushResult = { ok: true; saved: number } | { ok: false; code: StoreErrorCode; message: Localized; pending: number };

export interface DeletedProfile {
  attempts: number;
  assignments: number;
  settings: number;
}

/**
 * Everything the app may ask of storage. Every query about attempts is for
 * one profile, except the functions marked "instructor" which span them all.
 * Every rejection is a StoreError with a sentence in French and English.
 */
export interface Store {
  /** false when what is saved will not outlive the page (IndexedDB unavailable). */
  readonly persistent: boolean;
  /** The standing problem the UI should show, if any. */
  readonly problem: ProblemCode | null;

  createProfile(input: NewProfile): Promise<Profile>;
  listProfiles(): Promise<Listed<Profile>>;
  getProfile(id: string): Promise<Profile | undefined>;
  /** Instructor: the profiles of one group. */
  profilesInGroup(group: string): Promise<Listed<Profile>>;
  renameProfile(id: string, name: string): Promise<Profile>;
  updateProfile(id: string, patch: ProfilePatch): Promise<Profile>;
  /** Removes the profile and all its data (attempts, assignments targeted at it, its settings) in one transaction. */
  deleteProfile(id: string): Promise<DeletedProfile>;

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
  /** Deletes one attempt of the profile (a training one left unfinished); an exam's or an assignment's is refused: it is ended as abandoned instead (src/store/exam.ts). */
  discardAttempt(profileId: string, attemptId: string): Promise<void>;
  /** Instructor: every profile's attempts, newest first. */
  allAttempts(filter?: { scenarioId?: string }): Promise<Listed<AttemptRecord>>;

  createAssignment(input: NewAssignment): Promise<Assignment>;
  /** Instructor: every assignment. */
  listAssignments(): Promise<Listed<Assignment>>;
  /** The assignments aimed at this profile or at its group. */
  assignmentsFor(profileId: string): Promise<Listed<Assignment>>;
  deleteAssignment(id: string): Promise<void>;
  /** Instructor: the assignment plays another version of its scenario from now on (its id, so its attempts, stay). */
  moveAssignment(id: string, scenarioVersion: number): Promise<Assignment>;

  getSetting(key: string): Promise<JsonValue | undefined>;
  setSetting(key: string, value: JsonValue): Promise<void>;
  deleteSetting(key: string): Promise<void>;

  /** Keeps a scenario an instructor imported (checked again with the engine's validation). */
  saveScenario(scenario: Scenario): Promise<ImportedScenario>;
  listScenarios(): Promise<Listed<ImportedScenario>>;
  getScenario(id: string, version: number): Promise<ImportedScenario | undefined>;
  deleteScenario(id: string, version: number): Promise<void>;

  /** Instructor: everything on the device, unsaved events included. */
  exportAll(): Promise<BackupFile>;
  /** One profile with its attempts, assignments, settings and the imported scenarios its attempts used. */
  exportProfile(profileId: string): Promise<BackupFile>;
  /** Without touching storage: the attempts of this session that have unsaved events, or null. */
  exportUnsaved(): BackupFile | null;
  /** All or nothing: a refusal changes nothing and says why. */
  importBackup(text: string): Promise<ImportResult>;

  /** Writes what waits, then lets go of the database. */
  close(): Promise<FlushResult>;
}

export { BACKUP_MAX_BYTES };

const noop = () => {};
const keyText = (k: Key): string => (typeof k === 'string' ? k : JSON.stringify(k));
const byNewest = (a: AttemptRecord, b: AttemptRecord) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const invalid = (en: string, fr: string) => new StoreError('invalid', say(en, fr));

function cleanText(value: string | undefined): string | undefined {
  const t = value?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function checkName(name: string | undefined): string {
  const n = cleanText(name);
  if (!n) throw invalid('Please give a name or a pseudonym.', 'Indiquez un nom ou un pseudonyme.');
  if (n.length > 80) throw invalid('A name may not exceed 80 characters.', 'Un nom ne peut dépasser 80 caractères.');
  return n;
}

function checkGroup(group: string | undefined): string | undefined {
  const g = cleanText(group);
  if (g && g.length > 80) throw invalid('A group name may not exceed 80 characters.', 'Un nom de groupe ne peut dépasser 80 caractères.');
  return g;
}

/** Refuses to write a record the store could not read back. */
function mustBe(kind: RecordKind, value: unknown): void {
  if (!isRecord(kind, value)) {
    throw invalid('This could not be saved because some of its data is missing or malformed.', "Ceci n'a pas pu être enregistré car certaines données manquent ou sont mal formées.");
  }
}

class StoreImpl implements Store {
  private pending = new Map<string, TimedEvent[]>();
  private journal: JournalStorage | null;
  private journalKey: string;
  /** Attempts started or resumed in this page, with their profile, as last known saved: what exportUnsaved() can rescue. */
  private sessions = new Map<string, { profile: Profile; record: AttemptRecord }>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lost: LostReason | 'shut' | null = null;
  private full = false;
  private readonly delay: number;
  private readonly now: () => number;
  private readonly report: OnProblem;

  constructor(
    private readonly backend: Backend,
    options: OpenStoreOptions,
  ) {
    this.delay = options.flushDelayMs ?? 50;
    this.journal = options.journal === undefined ? pageStorage() : options.journal;
    this.journalKey = `${options.name ?? DB_NAME}.journal`;
    this.now = options.now ?? Date.now;
    const listener = options.onProblem ?? noop;
    this.report = (code, detail) => {
      try {
        listener(code, detail);
      } catch {
        /* a failing listener must not break storage */
      }
    };
    backend.onLost((reason) => this.letGo(reason));
  }

  get persistent(): boolean {
    return this.backend.persistent;
  }

  get problem(): ProblemCode | null {
    if (!this.backend.persistent) return 'unavailable';
    if (this.lost === 'versionchange' || this.lost === 'closed') return this.lost;
    return this.full ? 'quota' : null;
  }

  /* ---------- plumbing ---------- */

  /** Writes run one after the other, in the order they were asked. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.catch(noop);
    return p;
  }

  private lostError(): StoreError {
    const n = this.pendingCount();
    if (this.lost === 'shut') return new StoreError('closed', say('The storage was closed.', 'Le stockage a été fermé.'));
    return new StoreError(this.lost === 'versionchange' ? 'versionchange' : 'closed', problemMessage(this.lost === 'versionchange' ? 'versionchange' : 'closed', n));
  }

  private toStoreError(e: unknown, writing: boolean): StoreError {
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

  private async transact<T>(stores: readonly StoreName[], mode: 'readonly' | 'readwrite', work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.lost) throw this.lostError();
    try {
      const result = await this.backend.run(stores, mode, work);
      if (mode === 'readwrite') this.full = false;
      return result;
    } catch (e) {
      throw this.toStoreError(e, mode === 'readwrite');
    }
  }

  private write<T>(stores: readonly StoreName[], work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.transact(stores, 'readwrite', work));
  }

  /** Reads wait for the writes asked before them, so they see them. */
  private read<T>(stores: readonly StoreName[], work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.chain.then(() => this.transact(stores, 'readonly', work));
  }

  /** Keeps the readable records; reports the others. */
  private sort<T>(kind: RecordKind, rows: Row[]): Listed<T> {
    const items: T[] = [];
    const skipped: string[] = [];
    for (const r of rows) {
      if (isRecord(kind, r.value)) items.push(r.value as T);
      else skipped.push(keyText(r.key));
    }
    if (skipped.length) this.report('unreadable', { message: problemMessage('unreadable'), ids: skipped });
    return { items, skipped };
  }

  private async one<T>(kind: RecordKind, tx: Tx, store: StoreName, key: Key): Promise<T | undefined> {
    const value = await tx.get(store, key);
    if (value === undefined) return undefined;
    if (isRecord(kind, value)) return value as T;
    this.report('unreadable', { message: problemMessage('unreadable'), ids: [keyText(key)] });
    return undefined;
  }

  private pendingCount(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  private pendingIds(): string[] {
    return [...this.pending].filter(([, l]) => l.length).map(([id]) => id);
  }

  /** The record as the user knows it: saved events followed by those still waiting. */
  private withPending(a: AttemptRecord): AttemptRecord {
    const extra = this.pending.get(a.id);
    return extra?.length && a.status === 'in-progress' ? { ...a, events: [...a.events, ...extra] } : a;
  }

  private forget(attemptId: string): void {
    this.pending.delete(attemptId);
    this.sessions.delete(attemptId);
  }

  /** Another tab takes the database, or the browser closes it: save what waits if we still can, then let go. */
  private letGo(reason: LostReason): void {
    if (this.lost) return;
    if (reason === 'closed') {
      this.lost = 'closed';
      clearTimeout(this.timer);
      const n = this.pendingCount();
      this.report('closed', { message: problemMessage('closed', n), pending: n, ids: this.pendingIds() });
      return;
    }
    void this.exclusive(async () => {
      await this.flushNow();
      this.lost = 'versionchange';
      clearTimeout(this.timer);
      this.backend.close();
      const n = this.pendingCount();
      this.report('versionchange', { message: problemMessage('versionchange', n), pending: n, ids: this.pendingIds() });
    });
  }

  /* ---------- profiles ---------- */

  async createProfile(input: NewProfile): Promise<Profile> {
    const profile = compact<Profile>({ id: crypto.randomUUID(), name: checkName(input.name), group: checkGroup(input.group), lang: input.lang, createdAt: this.now() });
    mustBe('profile', profile);
    await this.write(['profiles'], (tx) => tx.put('profiles', profile));
    return profile;
  }

  async listProfiles(): Promise<Listed<Profile>> {
    const list = await this.read(['profiles'], (tx) => tx.all('profiles')).then((rows) => this.sort<Profile>('profile', rows));
    list.items.sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || a.createdAt - b.createdAt);
    return list;
  }

  getProfile(id: string): Promise<Profile | undefined> {
    return this.read(['profiles'], (tx) => this.one<Profile>('profile', tx, 'profiles', id));
  }

  async profilesInGroup(group: string): Promise<Listed<Profile>> {
    const rows = await this.read(['profiles'], (tx) => tx.all('profiles', { name: 'byGroup', key: group }));
    const list = this.sort<Profile>('profile', rows);
    list.items.sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
    return list;
  }

  renameProfile(id: string, name: string): Promise<Profile> {
    return this.updateProfile(id, { name });
  }

  updateProfile(id: string, patch: ProfilePatch): Promise<Profile> {
    const name = patch.name === undefined ? undefined : checkName(patch.name);
    const group = patch.group === undefined || patch.group === null ? undefined : checkGroup(patch.group);
    return this.write(['profiles'], async (tx) => {
      const old = await this.one<Profile>('profile', tx, 'profiles', id);
      if (!old) throw notFound('profile', id);
      const next = compact<Profile>({
        ...old,
        name: name ?? old.name,
        group: patch.group === undefined ? old.group : group,
        lang: patch.lang ?? old.lang,
      });
      mustBe('profile', next);
      await tx.put('profiles', next);
      return next;
    });
  }

  deleteProfile(id: string): Promise<DeletedProfile> {
    return this.exclusive(async () => {
      const { attempts, counts } = await this.transact(['profiles', 'attempts', 'assignments', 'settings'], 'readwrite', async (tx) => {
        const profile = await tx.get('profiles', id);
        const attempts = await tx.all('attempts', { name: 'byProfile', key: id });
        const assignments = await tx.all('assignments', { name: 'byTargetProfile', key: id });
        const settings = (await tx.all('settings')).filter((r) => typeof r.key === 'string' && settingBelongsTo(r.key, id));
        if (profile === undefined && !attempts.length) throw notFound('profile', id);
        for (const r of [...attempts]) await tx.delete('attempts', r.key);
        for (const r of assignments) await tx.delete('assignments', r.key);
        for (const r of settings) await tx.delete('settings', r.key);
        await tx.delete('profiles', id);
        return { attempts, counts: { attempts: attempts.length, assignments: assignments.length, settings: settings.length } };
      });
      for (const r of attempts) this.forget(keyText(r.key));
      return counts;
    });
  }

  /* ---------- attempts ---------- */

  async startAttempt(input: NewAttempt): Promise<AttemptRecord> {
    const { options } = input;
    const record = compact<AttemptRecord>({
      id: crypto.randomUUID(),
      profileId: input.profileId,
      scenarioId: input.scenarioId,
      scenarioVersion: input.scenarioVersion,
      judgeVersion: JUDGE_VERSION,
      seed: options.seed,
      mode: options.mode,
      forcedFault: options.forcedFault,
      passMark: options.passMark,
      assignmentId: input.assignmentId,
      events: [],
      startedAt: this.now(),
      status: 'in-progress',
    });
    mustBe('attempt', record);
    const profile = await this.write(['profiles', 'attempts'], async (tx) => {
      const p = await this.one<Profile>('profile', tx, 'profiles', input.profileId);
      if (!p) throw notFound('profile', input.profileId);
      await tx.put('attempts', record);
      return p;
    });
    this.sessions.set(record.id, { profile, record: structuredClone(record) });
    return record;
  }

  appendEvent(attemptId: string, event: EngineEvent, at: number): void {
    const item: TimedEvent = { event: { ...event }, at };
    if (!isTimedEvent(item)) throw invalid('This action could not be recorded: it is malformed.', "Cette action n'a pas pu être enregistrée : elle est mal formée.");
    let list = this.pending.get(attemptId);
    if (!list) this.pending.set(attemptId, (list = []));
    list.push(item);
    this.saveJournal();
    if (this.timer === undefined && !this.lost) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.delay);
    }
  }

  flush(): Promise<FlushResult> {
    return this.exclusive(() => this.flushNow());
  }

  /** Writes the events waiting now in one transaction; they leave memory only once written. */
  private async flushNow(): Promise<FlushResult> {
    const batch = [...this.pending].filter(([, l]) => l.length).map(([id, l]) => ({ id, events: l.slice() }));
    if (!batch.length) return { ok: true, saved: 0 };
    let discarded: string[];
    try {
      discarded = await this.transact(['attempts'], 'readwrite', async (tx) => {
        const gone: string[] = [];
        for (const { id, events } of batch) {
          const a = await this.one<AttemptRecord>('attempt', tx, 'attempts', id);
          if (!a || a.status !== 'in-progress') {
            gone.push(id);
            continue;
          }
          a.events.push(...events);
          await tx.put('attempts', a);
        }
        return gone;
      });
    } catch (e) {
      const err = e instanceof StoreError ? e : this.toStoreError(e, true);
      return { ok: false, code: err.code, message: err.text, pending: this.pendingCount() };
    }
    let saved = 0;
    for (const { id, events } of batch) {
      const list = this.pending.get(id);
      list?.splice(0, events.length);
      if (list && !list.length) this.pending.delete(id);
      if (discarded.includes(id)) continue;
      saved += events.length;
      this.sessions.get(id)?.record.events.push(...events);
    }
    this.saveJournal();
    if (discarded.length) this.report('discarded', { message: problemMessage('discarded'), ids: discarded });
    return { ok: true, saved };
  }

  /** Mirrors the unsaved events synchronously, so nothing is lost if the page goes away before the next write. */
  private saveJournal() {
    if (!this.journal) return;
    const entries: JournalEntry[] = [];
    for (const [id, events] of this.pending) {
      const saved = this.sessions.get(id)?.record.events.length;
      if (events.length && saved !== undefined) entries.push({ id, saved, events });
    }
    try {
      if (entries.length) this.journal.setItem(this.journalKey, JSON.stringify(entries));
      else this.journal.removeItem(this.journalKey);
    } catch {
      /* a full or missing journal only loses the reload safety net */
    }
  }

  /** Writes the events a previous page left in the journal into their attempts (each event once). */
  async recoverJournal(): Promise<number> {
    if (!this.journal) return 0;
    let entries: JournalEntry[];
    try {
      const parsed: unknown = JSON.parse(this.journal.getItem(this.journalKey) ?? '[]');
      entries = (Array.isArray(parsed) ? parsed : []).filter(
        (e): e is JournalEntry =>
          !!e && typeof e === 'object' && typeof e.id === 'string' && Number.isInteger(e.saved) && e.saved >= 0 && Array.isArray(e.events) && e.events.every(isTimedEvent),
      );
    } catch {
      entries = [];
    }
    let recovered = 0;
    if (entries.length) {
      try {
        recovered = await this.transact(['attempts'], 'readwrite', async (tx) => {
          let n = 0;
          for (const entry of entries) {
            const a = await this.one<AttemptRecord>('attempt', tx, 'attempts', entry.id);
            if (!a || a.status !== 'in-progress') continue;
            const tail = entry.events.slice(Math.max(0, a.events.length - entry.saved));
            if (!tail.length) continue;
            a.events.push(...tail);
            await tx.put('attempts', a);
            n += tail.length;
          }
          return n;
        });
      } catch {
        return 0; // keep the journal for a later try
      }
    }
    try {
      this.journal.removeItem(this.journalKey);
    } catch {
      /* nothing to clean */
    }
    return recovered;
  }

  pendingEvents(attemptId: string): TimedEvent[] {
    return structuredClone(this.pending.get(attemptId) ?? []);
  }

  async inProgress(profileId: string): Promise<AttemptRecord | undefined> {
    const found = await this.read(['profiles', 'attempts'], async (tx) => {
      const profile = await this.one<Profile>('profile', tx, 'profiles', profileId);
      const rows = await tx.all('attempts', { name: 'byProfile', key: profileId });
      return { profile, rows };
    });
    const open = this.sort<AttemptRecord>('attempt', found.rows).items.filter((a) => a.status === 'in-progress' && a.profileId === profileId);
    const latest = open.sort(byNewest)[0];
    if (!latest) return undefined;
    if (found.profile) this.sessions.set(latest.id, { profile: found.profile, record: structuredClone(latest) });
    return this.withPending(latest);
  }

  finish(attemptId: string, result: AttemptResult, endedAt?: number): Promise<AttemptRecord> {
    return this.exclusive(async () => {
      const waiting = this.pending.get(attemptId)?.slice() ?? [];
      const record = await this.transact(['attempts'], 'readwrite', async (tx) => {
        const a = await this.one<AttemptRecord>('attempt', tx, 'attempts', attemptId);
        if (!a) throw notFound('attempt', attemptId);
        if (a.status === 'finished') throw invalid('This attempt is already finished.', 'Cette tentative est déjà terminée.');
        // the result was worked out by this build's engine, whatever judged the attempt when it started
        const done: AttemptRecord = { ...a, events: [...a.events, ...waiting], status: 'finished', result: structuredClone(result), endedAt: endedAt ?? this.now(), judgeVersion: JUDGE_VERSION };
        mustBe('attempt', done);
        await tx.put('attempts', done);
        return done;
      });
      const list = this.pending.get(attemptId);
      list?.splice(0, waiting.length);
      if (list && !list.length) this.pending.delete(attemptId);
      this.sessions.delete(attemptId);
      return record;
    });
  }

  async attemptsOf(profileId: string, filter: { scenarioId?: string } = {}): Promise<Listed<AttemptRecord>> {
    const rows = await this.read(['attempts'], (tx) => tx.all('attempts', { name: 'byProfile', key: profileId }));
    const list = this.sort<AttemptRecord>('attempt', rows);
    list.items = list.items
      .filter((a) => a.profileId === profileId && (filter.scenarioId === undefined || a.scenarioId === filter.scenarioId))
      .map((a) => this.withPending(a))
      .sort(byNewest);
    return list;
  }

  async getAttempt(profileId: string, attemptId: string): Promise<AttemptRecord | undefined> {
    const a = await this.read(['attempts'], (tx) => this.one<AttemptRecord>('attempt', tx, 'attempts', attemptId));
    return a && a.profileId === profileId ? this.withPending(a) : undefined;
  }

  discardAttempt(profileId: string, attemptId: string): Promise<void> {
    return this.exclusive(async () => {
      await this.transact(['attempts'], 'readwrite', async (tx) => {
        const a = await tx.get('attempts', attemptId);
        if (!a || (a as { profileId?: unknown }).profileId !== profileId) throw notFound('attempt', attemptId);
        const kept = a as Partial<AttemptRecord>;
        if (kept.mode === 'assessment' || kept.assignmentId !== undefined) throw invalid('An exam attempt, or one made for an assignment, cannot be deleted: it is kept as abandoned.', "Une tentative d'évaluation, ou faite pour un devoir, ne peut être supprimée : elle est gardée comme abandonnée.");
        await tx.delete('attempts', attemptId);
      });
      this.forget(attemptId);
    });
  }

  async allAttempts(filter: { scenarioId?: string } = {}): Promise<Listed<AttemptRecord>> {
    const { scenarioId } = filter;
    const rows = await this.read(['attempts'], (tx) => (scenarioId === undefined ? tx.all('attempts') : tx.all('attempts', { name: 'byScenario', key: scenarioId })));
    const list = this.sort<AttemptRecord>('attempt', rows);
    list.items = list.items.map((a) => this.withPending(a)).sort(byNewest);
    return list;
  }

  /* ---------- assignments ---------- */

  async createAssignment(input: NewAssignment): Promise<Assignment> {
    const target = compact({ group: checkGroup(input.target.group), profileId: input.target.profileId });
    const assignment = compact<Assignment>({ ...structuredClone(input), target, id: crypto.randomUUID(), createdAt: this.now() });
    if (!target.group && !target.profileId) throw invalid('Choose a group or a trainee for this assignment.', 'Choisissez un groupe ou un stagiaire pour ce devoir.');
    mustBe('assignment', assignment);
    await this.write(['profiles', 'assignments'], async (tx) => {
      if (target.profileId !== undefined && !(await this.one<Profile>('profile', tx, 'profiles', target.profileId))) throw notFound('profile', target.profileId);
      await tx.put('assignments', assignment);
    });
    return assignment;
  }

  async listAssignments(): Promise<Listed<Assignment>> {
    const list = this.sort<Assignment>('assignment', await this.read(['assignments'], (tx) => tx.all('assignments')));
    list.items.sort(byDue);
    return list;
  }

  async assignmentsFor(profileId: string): Promise<Listed<Assignment>> {
    const rows = await this.read(['profiles', 'assignments'], async (tx) => {
      const profile = await this.one<Profile>('profile', tx, 'profiles', profileId);
      if (!profile) return [];
      const mine = await tx.all('assignments', { name: 'byTargetProfile', key: profileId });
      const group = profile.group === undefined ? [] : await tx.all('assignments', { name: 'byTargetGroup', key: profile.group });
      const seen = new Set(mine.map((r) => keyText(r.key)));
      return [...mine, ...group.filter((r) => !seen.has(keyText(r.key)))];
    });
    const list = this.sort<Assignment>('assignment', rows);
    list.items.sort(byDue);
    return list;
  }

  deleteAssignment(id: string): Promise<void> {
    return this.write(['assignments'], (tx) => tx.delete('assignments', id));
  }

  moveAssignment(id: string, scenarioVersion: number): Promise<Assignment> {
    return this.write(['assignments'], async (tx) => {
      const a = await this.one<Assignment>('assignment', tx, 'assignments', id);
      if (!a) throw notFound('assignment', id);
      const moved: Assignment = { ...a, scenarioVersion };
      mustBe('assignment', moved);
      await tx.put('assignments', moved);
      return moved;
    });
  }

  /* ---------- settings ---------- */

  async getSetting(key: string): Promise<JsonValue | undefined> {
    return (await this.read(['settings'], (tx) => this.one<Setting>('setting', tx, 'settings', key)))?.value;
  }

  async setSetting(key: string, value: JsonValue): Promise<void> {
    const setting: Setting = { key, value: structuredClone(value) };
    mustBe('setting', setting);
    await this.write(['settings'], (tx) => tx.put('settings', setting));
  }

  deleteSetting(key: string): Promise<void> {
    return this.write(['settings'], (tx) => tx.delete('settings', key));
  }

  /* ---------- imported scenarios ---------- */

  async saveScenario(scenario: Scenario): Promise<ImportedScenario> {
    const checked = validateScenario(scenario);
    if (!checked.ok) {
      const first = checked.problems[0]!;
      throw new StoreError('invalid', say(`This scenario cannot be kept: ${first.path}: ${first.message.en}.`, `Ce scénario ne peut être gardé : ${first.path} : ${first.message.fr}.`));
    }
    const record: ImportedScenario = { id: scenario.id, version: scenario.version, scenario: structuredClone(scenario), importedAt: this.now() };
    mustBe('importedScenario', record);
    return this.write(['importedScenarios'], async (tx) => {
      const old = await this.one<ImportedScenario>('importedScenario', tx, 'importedScenarios', [record.id, record.version]);
      if (old) {
        if (JSON.stringify(old.scenario) === JSON.stringify(record.scenario)) return old;
        throw invalid(
          `A different scenario "${record.id}" version ${record.version} is already on this device: raise the version number of the new one.`,
          `Un autre scénario « ${record.id} » version ${record.version} est déjà sur cet appareil : augmentez le numéro de version du nouveau.`,
        );
      }
      await tx.put('importedScenarios', record);
      return record;
    });
  }

  async listScenarios(): Promise<Listed<ImportedScenario>> {
    return this.sort<ImportedScenario>('importedScenario', await this.read(['importedScenarios'], (tx) => tx.all('importedScenarios')));
  }

  getScenario(id: string, version: number): Promise<ImportedScenario | undefined> {
    return this.read(['importedScenarios'], (tx) => this.one<ImportedScenario>('importedScenario', tx, 'importedScenarios', [id, version]));
  }

  deleteScenario(id: string, version: number): Promise<void> {
    return this.write(['importedScenarios'], (tx) => tx.delete('importedScenarios', [id, version]));
  }

  /* ---------- backups ---------- */

  async exportAll(): Promise<BackupFile> {
    const rows = await this.read(['profiles', 'attempts', 'assignments', 'settings', 'importedScenarios'], async (tx) => ({
      profiles: await tx.all('profiles'),
      attempts: await tx.all('attempts'),
      assignments: await tx.all('assignments'),
      settings: await tx.all('settings'),
      scenarios: await tx.all('importedScenarios'),
    }));
    return makeBackup(
      {
        profiles: this.sort<Profile>('profile', rows.profiles).items,
        attempts: this.sort<AttemptRecord>('attempt', rows.attempts).items.map((a) => this.withPending(a)),
        assignments: this.sort<Assignment>('assignment', rows.assignments).items,
        settings: this.sort<Setting>('setting', rows.settings).items.filter((s) => !isDeviceSetting(s.key)),
        importedScenarios: this.sort<ImportedScenario>('importedScenario', rows.scenarios).items,
      },
      this.now(),
    );
  }

  async exportProfile(profileId: string): Promise<BackupFile> {
    const rows = await this.read(['profiles', 'attempts', 'assignments', 'settings', 'importedScenarios'], async (tx) => {
      const profile = await this.one<Profile>('profile', tx, 'profiles', profileId);
      if (!profile) throw notFound('profile', profileId);
      const attempts = this.sort<AttemptRecord>('attempt', await tx.all('attempts', { name: 'byProfile', key: profileId })).items;
      const scenarios: ImportedScenario[] = [];
      const seen = new Set<string>();
      for (const a of attempts) {
        const key = `${a.scenarioId} ${a.scenarioVersion}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = await this.one<ImportedScenario>('importedScenario', tx, 'importedScenarios', [a.scenarioId, a.scenarioVersion]);
        if (s) scenarios.push(s);
      }
      return {
        profile,
        attempts,
        assignments: await tx.all('assignments', { name: 'byTargetProfile', key: profileId }),
        settings: (await tx.all('settings')).filter((r) => typeof r.key === 'string' && settingBelongsTo(r.key, profileId)),
        scenarios,
      };
    });
    return makeBackup(
      {
        profiles: [rows.profile],
        attempts: rows.attempts.filter((a) => a.profileId === profileId).map((a) => this.withPending(a)),
        assignments: this.sort<Assignment>('assignment', rows.assignments).items,
        settings: this.sort<Setting>('setting', rows.settings).items,
        importedScenarios: rows.scenarios,
      },
      this.now(),
    );
  }

  exportUnsaved(): BackupFile | null {
    const rescued = [...this.sessions.values()].filter(({ record }) => this.pending.get(record.id)?.length);
    if (!rescued.length) return null;
    const profiles = new Map(rescued.map(({ profile }) => [profile.id, profile]));
    return makeBackup({ profiles: structuredClone([...profiles.values()]), attempts: rescued.map(({ record }) => structuredClone(this.withPending(record))), assignments: [] }, this.now());
  }

  async importBackup(text: string): Promise<ImportResult> {
    try {
      const read = readBackup(text);
      if (!read.ok) return read;
      const counts = await this.write(['profiles', 'attempts', 'assignments', 'settings', 'importedScenarios'], (tx) => mergeBackup(tx, read.file));
      return { ok: true, ...counts };
    } catch (e) {
      if (e instanceof StoreError) {
        return { ok: false, message: e.code === 'invalid' ? e.text : refusal(e.text.en, e.text.fr) };
      }
      return { ok: false, message: refusal('This file could not be read as a backup.', "Ce fichier n'a pas pu être lu comme une sauvegarde.") };
    }
  }

  close(): Promise<FlushResult> {
    return this.exclusive(async () => {
      clearTimeout(this.timer);
      this.timer = undefined;
      const result = await this.flushNow();
      if (!this.lost) {
        this.lost = 'shut';
        this.backend.close();
      }
      return result;
    });
  }
}

function byDue(a: Assignment, b: Assignment): number {
  return (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt - b.createdAt;
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
      const store = new StoreImpl(new IdbBackend(db), options);
      await store.recoverJournal();
      return store;
    } catch (e) {
      if ((e as { name?: unknown } | null)?.name === 'VersionError') message = newerDataMessage;
    }
  }
  report('unavailable', { message });
  return new StoreImpl(new MemoryBackend(), { ...options, journal: null });
}

function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
