/**
 * The instructor area (PIN-protected): class management, assignments,
 * results, attempt replay, scenario import and export, and the merge of
 * several tablets. Mounted by main.ts in place of the trainee screens; the
 * only part of the area that talks to the store: screens get data and
 * callbacks. Leaving it (or ten idle minutes) locks it again.
 */
import { prepare, type CompiledScenario } from '../engine/attempt';
import type { AttemptView } from '../engine/view';
import { mountCleanroom, type Cleanroom } from '../game';
import { toCsv } from '../engine/csv';
import { endingOf } from '../engine/ending';
import { JUDGE_VERSION, judgeVersionOf } from '../engine/judgeVersion';
import { isValidTraineeCode, namesOfList, normaliseName, uniqueNames } from '../engine/identity';
import { assignmentProgress, categoryAverages, categoryByTrainee, filterAttempts, finishedLate, frequentMistakes, progressCounts, replayAttempts, resultTable, traineeKeys, type ResultFilter } from '../engine/results';
import { CATEGORIES, type Scenario } from '../engine/types';
import { formatNumber, lang, t, tr } from '../i18n';
import { BACKUP_MAX_BYTES, StoreError, type Assignment, type AttemptRecord, type Profile, type Store } from '../store';
import { hasPin, isResetConfirmed, isValidPin, lastReset, resetPin, setPin, settingsOf, verifyPin, waitSeconds, type SettingsAccess } from '../store/pin';
import { h, render } from '../ui/dom';
import { downloadBytes, downloadText, stamp } from '../ui/download';
import { areaFrame, formatDateTime, type Tab } from '../ui/instructor/areaFrame';
import { assignScreen, type AssignmentInput, type AssignmentItem } from '../ui/instructor/assignScreen';
import { classScreen, GROUPS_KEY } from '../ui/instructor/classScreen';
import { pinScreen } from '../ui/instructor/pinScreen';
import { replayPicker, ReplayScreen } from '../ui/instructor/replayScreen';
import { attemptsCsvRows, summaryCsvRows } from '../ui/instructor/resultsCsv';
import { DEFAULT_FILTER, mistakeHeading, resultsScreen, type AssignmentProgressView, type AttemptLine, type ResultsFilter } from '../ui/instructor/resultsScreen';
import { scenariosScreen, type CheckState, type ScenarioItem } from '../ui/instructor/scenariosScreen';
import { scormExportForm, type ScormRequest } from '../ui/instructor/scormExport';
import { makePackage, PackageError } from '../lms/packageBrowser';
import { tabletImportsList, tabletsScreen, type FileReportLine } from '../ui/instructor/tabletsScreen';
import { checkScenarioText } from './scenarioCheck';
import { KIOSK_COURSE_URL } from './kiosk';
import { assignmentPack, exportTablet, importTabletFiles, setTabletName, tabletFileName, tabletImports, tabletName as tabletNameOf } from './tabletFiles';
import { lateCount, newerVersion, pinnedScenario, refuseAssignment } from '../engine/exam';

export interface InstructorDeps {
  store: Store;
  /** Playable scenarios: built-in and the newest version of each imported one. */
  scenarios(): Scenario[];
  findScenario(id: string, version?: number): Scenario | undefined;
  /** The built-in scenarios, whole (loaded before the area opens). */
  builtins(): Scenario[];
  /** To call after a scenario was imported or removed. */
  refreshCatalog(): Promise<void>;
  /** Back to the trainee side. */
  exit(): void;
  /** The function that redraws the current instructor screen (called after a language switch). */
  setRedraw(fn: () => void): void;
  /** Turns this tablet into the career-day kiosk (the area locks; leaving the kiosk needs the PIN). */
  startKiosk(idleSeconds: number): void;
  /** The kiosk's idle time last chosen on this tablet. */
  kioskIdle(): Promise<number>;
}

/** The area locks itself after this long without a touch or a key. */
const IDLE_LOCK_MS = 10 * 60 * 1000;
/** Files larger than this are not even read as scenarios (parseScenarioText refuses above 2 MB with its own sentence). */
const SCENARIO_READ_LIMIT = 8 * 1024 * 1024;

type Message = { text: string; tone: 'good' | 'bad' };

let current: InstructorArea | null = null;

export function mountInstructorArea(main: HTMLElement, deps: InstructorDeps) {
  current?.dispose();
  current = new InstructorArea(main, deps);
  void current.start();
}

const errorText = (err: unknown) => (err instanceof StoreError ? tr(err.text) : String(err instanceof Error ? err.message : err));
const collator = () => new Intl.Collator(lang(), { sensitivity: 'base', numeric: true });

class InstructorArea {
  private unlocked = false;
  private tab: Tab = 'class';
  private filter: ResultsFilter = DEFAULT_FILTER;
  private replayId: string | null = null;
  private replay: ReplayScreen | null = null;
  private check: CheckState = { state: 'idle' };
  private reports: FileReportLine[] = [];
  private merging = false;
  private lastGroup: string | undefined;
  private messages: Partial<Record<Tab, Message>> = {};
  private settings: SettingsAccess;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private drawToken = 0;
  private disposed = false;
  private readonly activity = () => this.armIdle();

  constructor(
    private main: HTMLElement,
    private deps: InstructorDeps,
  ) {
    this.settings = settingsOf(deps.store);
  }

  async start() {
    await this.showPin();
  }

  dispose() {
    this.disposed = true;
    this.unlocked = false;
    this.replay?.destroy();
    this.replay = null;
    clearTimeout(this.idleTimer);
    document.removeEventListener('pointerdown', this.activity, true);
    document.removeEventListener('keydown', this.activity, true);
  }

  /* ---------- access ---------- */

  private async showPin(message?: string) {
    const token = ++this.drawToken;
    const exists = await hasPin(this.settings).catch(() => false);
    const wait = exists ? await waitSeconds(this.settings).catch(() => 0) : 0;
    if (token !== this.drawToken || this.disposed) return;
    const draw = () =>
      render(
        this.main,
        pinScreen({
          mode: exists ? 'enter' : 'create',
          waitSeconds: wait,
          message,
          isValid: isValidPin,
          isResetWord: isResetConfirmed,
          create: async (pin) => {
            await setPin(this.settings, pin);
            this.unlock();
          },
          enter: async (pin) => {
            const r = await verifyPin(this.settings, pin);
            if (r.ok) {
              this.unlock();
              return { ok: true };
            }
            if (r.reason === 'no-pin') {
              void this.showPin();
              return { ok: false, waitSeconds: 0, locked: false };
            }
            return { ok: false, waitSeconds: r.waitSeconds, locked: r.reason === 'locked' };
          },
          reset: async () => {
            await resetPin(this.settings);
            await this.showPin(t('instructor.pin.resetDone'));
          },
          back: () => this.leave(),
        }),
      );
    this.deps.setRedraw(draw);
    draw();
    (document.getElementById(exists ? 'pin-enter' : 'pin-new') as HTMLElement | null)?.focus();
  }

  private unlock() {
    this.unlocked = true;
    document.addEventListener('pointerdown', this.activity, true);
    document.addEventListener('keydown', this.activity, true);
    this.armIdle();
    void this.show('class').then(() => (document.querySelector('[data-tab="class"]') as HTMLElement | null)?.focus());
  }

  private armIdle() {
    clearTimeout(this.idleTimer);
    if (!this.unlocked) return;
    this.idleTimer = setTimeout(() => {
      this.relock();
      void this.showPin(t('instructor.pin.idleLocked'));
    }, IDLE_LOCK_MS);
  }

  private relock() {
    this.unlocked = false;
    this.replay?.destroy();
    this.replay = null;
    this.replayId = null;
    clearTimeout(this.idleTimer);
    document.removeEventListener('pointerdown', this.activity, true);
    document.removeEventListener('keydown', this.activity, true);
  }

  /** Leaving locks: the next visit asks for the PIN again. */
  private leave() {
    this.dispose();
    if (current === this) current = null;
    this.deps.exit();
  }

  /* ---------- frame ---------- */

  private async show(tab: Tab) {
    if (!this.unlocked) return this.showPin();
    if (tab !== 'replay' && this.replay) {
      this.replay.destroy();
      this.replay = null;
      this.replayId = null;
    }
    this.tab = tab;
    const token = ++this.drawToken;
    let screen: HTMLElement;
    try {
      screen = await this.build(tab);
    } catch (err) {
      screen = h('p', { class: 'form-error', role: 'alert' }, errorText(err));
    }
    const reset = await lastReset(this.settings).catch(() => undefined);
    if (token !== this.drawToken || this.disposed || !this.unlocked) return;
    const draw = () =>
      render(
        this.main,
        areaFrame(
          {
            current: this.tab,
            go: (x) => void this.show(x),
            lock: () => this.leave(),
            notice: reset ? t('instructor.pin.resetNotice', { date: formatDateTime(reset) }) : undefined,
          },
          screen,
        ),
      );
    draw();
    this.deps.setRedraw(() => {
      if (this.tab === 'replay' && this.replay) {
        this.replay.relabel();
        draw();
      } else void this.show(this.tab);
    });
  }

  private say(tab: Tab, text: string, tone: Message['tone'] = 'good') {
    this.messages[tab] = { text, tone };
  }

  private takeMessage(tab: Tab): Message | undefined {
    const m = this.messages[tab];
    delete this.messages[tab];
    return m;
  }

  private build(tab: Tab): Promise<HTMLElement> {
    switch (tab) {
      case 'class':
        return this.classTab();
      case 'assign':
        return this.assignTab();
      case 'results':
        return this.resultsTab();
      case 'replay':
        return this.replayTab();
      case 'scenarios':
        return this.scenariosTab();
      case 'tablets':
        return this.tabletsTab();
    }
  }

  /* ---------- data ---------- */

  private async profiles(): Promise<Profile[]> {
    return (await this.deps.store.listProfiles()).items;
  }

  private async attempts(): Promise<AttemptRecord[]> {
    return (await this.deps.store.allAttempts()).items;
  }

  private async groups(profiles: Profile[]): Promise<string[]> {
    const saved = await this.savedGroups();
    // one group per name as identity.ts compares them, in the instructor's spelling first
    const oldestFirst = [...profiles].sort((a, b) => a.createdAt - b.createdAt);
    return uniqueNames([...saved, ...oldestFirst.flatMap((p) => (p.group ? [p.group] : []))]).sort(collator().compare);
  }

  private async savedGroups(): Promise<string[]> {
    const v = await this.deps.store.getSetting(GROUPS_KEY).catch(() => undefined);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private compiled = (id: string, version: number): CompiledScenario | undefined => {
    const s = this.deps.findScenario(id, version);
    return s ? prepare(s) : undefined;
  };

  private scenarioTitle(id: string, version?: number): string {
    const s = this.deps.findScenario(id, version) ?? this.deps.findScenario(id);
    return s ? tr(s.title) : id;
  }

  /* ---------- class ---------- */

  private async classTab(): Promise<HTMLElement> {
    const [profiles, attempts] = await Promise.all([this.profiles(), this.attempts()]);
    const groups = await this.groups(profiles);
    // one entry per trainee: the profiles of the same name and group (several tablets merged) together
    const keys = traineeKeys(profiles);
    const idsOf = (id: string) => keys.get(id)?.profileIds ?? [id];
    const count = (id: string) => attempts.filter((a) => idsOf(id).includes(a.profileId) && a.status === 'finished').length;
    const codeOf = (id: string) => {
      const coded = idsOf(id).filter((x) => profiles.find((p) => p.id === x)?.codeHash).length;
      return coded === 0 ? undefined : coded === idsOf(id).length ? ('all' as const) : ('some' as const);
    };
    const store = this.deps.store;
    const after = async (text: string) => {
      this.say('class', text);
      await this.show('class');
      return null;
    };
    const attempt = async (work: () => Promise<string>) => {
      try {
        return await after(await work());
      } catch (err) {
        return errorText(err);
      }
    };
    return classScreen({
      groups,
      trainees: profiles
        .filter((p) => idsOf(p.id)[0] === p.id)
        .map((p) => ({ id: p.id, name: p.name, group: p.group, attempts: count(p.id), profiles: idsOf(p.id).length, code: codeOf(p.id) }))
        .sort((a, b) => collator().compare(a.name, b.name)),
      message: this.takeMessage('class'),
      createGroup: async (raw) => {
        const name = raw.replace(/\s+/g, ' ').trim();
        if (!name) return t('instructor.class.groupEmpty');
        if (name.length > 80) return t('instructor.class.groupTooLong');
        if (groups.some((g) => collator().compare(g, name) === 0)) return t('instructor.class.groupExists', { group: name });
        return attempt(async () => {
          await store.setSetting(GROUPS_KEY, [...(await this.savedGroups()), name]);
          return t('instructor.class.groupCreated', { group: name });
        });
      },
      removeGroup: (name) =>
        attempt(async () => {
          await store.setSetting(GROUPS_KEY, (await this.savedGroups()).filter((g) => g !== name));
          return t('instructor.class.groupRemoved', { group: name });
        }),
      lastGroup: this.lastGroup,
      createTrainee: async (text, group) => {
        this.lastGroup = group;
        const names = namesOfList(text);
        const made: string[] = [];
        try {
          for (const name of names.length ? names : ['']) made.push((await store.createProfile({ name, group: group || undefined, lang: lang() })).name);
        } catch (err) {
          if (!made.length) return errorText(err);
          this.say('class', `${t('instructor.class.traineesCreated', { count: made.length, names: made.join(', ') })} ${errorText(err)}`, 'bad');
          await this.show('class');
          return null;
        }
        return after(made.length === 1 ? t('instructor.class.traineeCreated', { name: made[0] }) : t('instructor.class.traineesCreated', { count: made.length, names: made.join(', ') }));
      },
      // each acts on every profile of the trainee, so the merged tablets stay one person
      rename: (id, name) =>
        attempt(async () => {
          let p: Profile | undefined;
          for (const x of idsOf(id)) p = await store.renameProfile(x, name);
          return t('instructor.class.renamed', { name: p!.name });
        }),
      move: (id, group) =>
        attempt(async () => {
          let p: Profile | undefined;
          for (const x of idsOf(id)) p = await store.updateProfile(x, { group: group || null });
          return p!.group ? t('instructor.class.moved', { name: p!.name, group: p!.group }) : t('instructor.class.movedOut', { name: p!.name });
        }),
      // the code goes on every profile of the trainee (one per tablet), so none of them opens without it
      setCode: async (id, code) => {
        if (code !== null && !isValidTraineeCode(code)) return t('instructor.class.codeInvalid');
        return attempt(async () => {
          let p: Profile | undefined;
          for (const x of idsOf(id)) p = await store.setTraineeCode(x, code);
          return t(code === null ? 'instructor.class.codeRemoved' : 'instructor.class.codeSet', { name: p!.name });
        });
      },
      remove: (id) =>
        attempt(async () => {
          const p = profiles.find((x) => x.id === id);
          let removed = 0;
          for (const x of idsOf(id)) removed += (await store.deleteProfile(x)).attempts;
          return t('instructor.class.deleted', { name: p?.name ?? id, count: removed });
        }),
    });
  }

  /* ---------- assignments ---------- */

  private async assignTab(): Promise<HTMLElement> {
    const [profiles, attempts, assignments] = await Promise.all([this.profiles(), this.attempts(), this.deps.store.listAssignments()]);
    const groups = await this.groups(profiles);
    const items: AssignmentItem[] = assignments.items.map((a) => this.assignmentItem(a, profiles, attempts));
    return assignScreen({
      scenarios: this.deps.scenarios(),
      groups,
      trainees: profiles.map((p) => ({ id: p.id, name: p.name, group: p.group })).sort((a, b) => collator().compare(a.name, b.name)),
      assignments: items,
      message: this.takeMessage('assign'),
      create: async (input: AssignmentInput) => {
        // a due date in the past is refused (the form says so first); so is a limit that is not 1 to 99
        const refused = refuseAssignment(input, Date.now());
        if (refused) return tr(refused);
        try {
          const a = await this.deps.store.createAssignment({
            scenarioId: input.scenarioId,
            scenarioVersion: input.scenarioVersion,
            target: input.target,
            mode: input.mode,
            ...(input.due ? { due: input.due } : {}),
            ...(input.passMark !== undefined ? { passMark: input.passMark } : {}),
            ...(input.forcedFault ? { forcedFault: input.forcedFault } : {}),
            ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
          });
          const item = this.assignmentItem(a, profiles, attempts);
          this.say('assign', t('instructor.assign.created', { title: item.scenarioTitle, target: item.targetLabel }));
          await this.show('assign');
          return null;
        } catch (err) {
          return errorText(err);
        }
      },
      remove: async (id) => {
        try {
          await this.deps.store.deleteAssignment(id);
          this.say('assign', t('instructor.assign.deleted'));
        } catch (err) {
          this.say('assign', errorText(err), 'bad');
        }
        await this.show('assign');
      },
      move: async (id, version) => {
        try {
          const a = await this.deps.store.moveAssignment(id, version);
          this.say('assign', t('instructor.assign.moved', { title: this.scenarioTitle(a.scenarioId, version), version }));
        } catch (err) {
          this.say('assign', errorText(err), 'bad');
        }
        await this.show('assign');
      },
    });
  }

  private assignmentItem(a: Assignment, profiles: Profile[], attempts: AttemptRecord[]): AssignmentItem {
    const find = (id: string, version?: number) => this.deps.findScenario(id, version);
    const pinned = pinnedScenario(a, find);
    const s = 'scenario' in pinned ? pinned.scenario : this.deps.findScenario(a.scenarioId);
    const newer = newerVersion(a, find);
    const now = Date.now();
    // each trainee once (their profiles on several tablets together), as the results' assignment view counts them
    const counts = progressCounts(assignmentProgress(a, profiles, attempts, now));
    const targetLabel = this.targetLabel(a, profiles);
    const fault = a.forcedFault === undefined ? undefined : a.forcedFault === 'none' ? t('instructor.assign.faultNone') : s?.faults.find((f) => f.id === a.forcedFault) ? tr(s.faults.find((f) => f.id === a.forcedFault)!.title) : a.forcedFault;
    return {
      id: a.id,
      scenarioTitle: s ? tr(s.title) : a.scenarioId,
      targetLabel,
      targetIsName: a.target.profileId !== undefined,
      mode: a.mode,
      due: a.due,
      passMark: a.passMark,
      faultLabel: fault,
      trainees: counts.total,
      tried: counts.passed + counts.failed,
      // one rule with the assignment view (src/engine/exam.ts lateCount)
      late: lateCount(a, counts, now),
      ...(a.scenarioVersion !== undefined ? { version: a.scenarioVersion } : {}),
      ...('missing' in pinned ? { missing: true } : {}),
      ...(newer !== undefined ? { newer } : {}),
      ...(a.maxAttempts !== undefined ? { maxAttempts: a.maxAttempts } : {}),
      passed: counts.passed,
    };
  }

  /** Whom an assignment is for, in words: "groupe TSBI-A", or the trainee's name. */
  private targetLabel(a: Assignment, profiles: Profile[]): string {
    return a.target.profileId !== undefined
      ? (profiles.find((p) => p.id === a.target.profileId)?.name ?? t('instructor.assign.unknownTrainee'))
      : t('instructor.assign.targetGroup', { group: a.target.group ?? '' });
  }

  /* ---------- results ---------- */

  private engineFilter(f: ResultsFilter): ResultFilter {
    const day = (d: string | undefined, end: boolean) => {
      if (!d) return undefined;
      const ms = new Date(`${d}T${end ? '23:59:59.999' : '00:00:00'}`).getTime();
      return Number.isNaN(ms) ? undefined : ms;
    };
    const out: ResultFilter = {};
    if (f.group !== undefined) out.group = f.group;
    if (f.scenarioId !== undefined) out.scenarioId = f.scenarioId;
    if (f.mode !== undefined) out.mode = f.mode;
    const from = day(f.from, false);
    const to = day(f.to, true);
    if (from !== undefined) out.from = from;
    if (to !== undefined) out.to = to;
    return out;
  }

  /** Everything the results screen and its exports show, for the current filter. */
  private async results() {
    const [profiles, attempts, assignments] = await Promise.all([this.profiles(), this.attempts(), this.deps.store.listAssignments()]);
    const groups = await this.groups(profiles);
    const f = this.engineFilter(this.filter);
    const filtered = filterAttempts(attempts, profiles, f);
    const trainees = f.group === undefined ? profiles : profiles.filter((p) => normaliseName(p.group) === normaliseName(f.group));
    const keys = traineeKeys(profiles);
    const replayed = replayAttempts(filtered, this.compiled);
    const ids = [...new Set([...this.deps.scenarios().map((s) => s.id), ...attempts.map((a) => a.scenarioId)])];
    const scenarios = ids.map((id) => ({ id, title: this.scenarioTitle(id) })).sort((a, b) => collator().compare(a.title, b.title));
    const byProfile = new Map(profiles.map((p) => [p.id, p]));
    const byAssignment = new Map(assignments.items.map((a) => [a.id, a]));
    const lines: AttemptLine[] = replayed.map((r) => {
      const p = byProfile.get(r.attempt.profileId);
      const given = r.attempt.assignmentId !== undefined ? byAssignment.get(r.attempt.assignmentId) : undefined;
      // the trainee as the table names them (one name for the profiles of several tablets)
      const who = keys.get(r.attempt.profileId);
      return {
        id: r.attempt.id,
        trainee: who?.name ?? p?.name ?? '?',
        group: who ? who.group : p?.group,
        scenarioTitle: this.scenarioTitle(r.attempt.scenarioId, r.attempt.scenarioVersion),
        scenarioVersion: r.attempt.scenarioVersion,
        mode: r.attempt.mode,
        ...(given ? { assignment: this.targetLabel(given, profiles), ...(given.due ? { due: given.due } : {}) } : r.attempt.assignmentId !== undefined ? { assignment: t('instructor.progress.unknownAssignment') } : {}),
        late: finishedLate(r.attempt, given?.due),
        endedAt: r.attempt.endedAt ?? r.attempt.startedAt,
        score: r.attempt.result!.score,
        passed: r.attempt.result!.end === 'passed',
        ending: endingOf(r.attempt.result!),
        replayedScore: r.replayed?.score ?? null,
        mismatch: r.mismatch,
        judgedBy: r.judgedBy,
      };
    });
    // the assignments of the filter (its group, procedure and mode), each trainee where they stand
    const now = Date.now();
    const progress: AssignmentProgressView[] = assignments.items
      .filter((a) => (f.mode === undefined || a.mode === f.mode) && (f.scenarioId === undefined || a.scenarioId === f.scenarioId))
      .filter((a) => f.group === undefined || (a.target.profileId !== undefined ? trainees.some((p) => p.id === a.target.profileId) : normaliseName(a.target.group) === normaliseName(f.group)))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((a) => {
        const rows = assignmentProgress(a, profiles, attempts, now);
        const counts = progressCounts(rows);
        return { id: a.id, scenarioTitle: this.scenarioTitle(a.scenarioId, a.scenarioVersion), targetLabel: this.targetLabel(a, profiles), mode: a.mode, ...(a.due ? { due: a.due } : {}), rows, counts, late: lateCount(a, counts, now) };
      });
    const rows = resultTable(filtered, trainees);
    return {
      groups,
      scenarios,
      assignments: progress,
      rows,
      unplayed: rows.filter((r) => !Object.keys(r.cells).length).map((r) => r.trainee),
      categories: categoryAverages(filtered),
      byTrainee: categoryByTrainee(filtered, trainees),
      mistakes: frequentMistakes(replayed, (id) => keys.get(id)?.key ?? id),
      attempts: lines,
    };
  }

  private async resultsTab(): Promise<HTMLElement> {
    const [r, imports] = await Promise.all([this.results(), tabletImports(this.deps.store)]);
    const screen = resultsScreen({
      filter: this.filter,
      ...r,
      setFilter: (f) => {
        this.filter = f;
        void this.show('results');
      },
      exportCsv: () => void this.exportCsv(),
      exportAttemptsCsv: () => void this.exportAttemptsCsv(),
      exportJson: () => void this.exportJson(),
      replay: (id) => {
        this.replayId = id;
        void this.show('replay').then(() => document.getElementById('replay-h')?.focus());
      },
    });
    // "not started" may be "not yet collected": when each tablet's data was last imported here
    if (imports.length) screen.append(tabletImportsList(imports));
    return screen;
  }

  private async exportCsv() {
    const r = await this.results();
    const columns = r.scenarios.filter((s) => r.rows.some((row) => row.cells[s.id]) || s.id === this.filter.scenarioId);
    const cats = CATEGORIES.filter((c) => r.categories.some((x) => x.category === c));
    const rows = summaryCsvRows(r.rows, columns, cats);
    downloadText(`resultats-${stamp()}.csv`, toCsv(rows, lang()), 'text/csv;charset=utf-8');
  }

  private async exportAttemptsCsv() {
    const r = await this.results();
    downloadText(`tentatives-${stamp()}.csv`, toCsv(attemptsCsvRows(r.attempts, r.unplayed), lang()), 'text/csv;charset=utf-8');
  }

  private async exportJson() {
    const r = await this.results();
    const file = {
      format: 'salle-blanche-results',
      version: 1,
      exportedAt: new Date().toISOString(),
      filter: this.filter,
      table: r.rows.map((row) => ({ trainee: row.trainee.name, group: row.trainee.group ?? null, profileIds: row.trainee.profileIds, scenarios: row.cells })),
      categories: r.categories,
      mistakes: r.mistakes.map((m) => ({ ...m, heading: mistakeHeading(m) })),
      attempts: r.attempts,
    };
    downloadText(`resultats-${stamp()}.json`, JSON.stringify(file, null, 1));
  }

  /* ---------- replay ---------- */

  private async replayTab(): Promise<HTMLElement> {
    if (this.replayId && this.replay) return this.replay.el;
    const [profiles, attempts] = await Promise.all([this.profiles(), this.attempts()]);
    const a = this.replayId ? attempts.find((x) => x.id === this.replayId) : undefined;
    const s = a ? this.deps.findScenario(a.scenarioId, a.scenarioVersion) : undefined;
    if (a && s) {
      // The replay shows the room too, read-only: it is only drawn, never sent anything.
      let room: Cleanroom | null = null;
      let last = null as { view: AttemptView; objectId: string | null } | null;
      const draw = () => {
        if (!room || !last) return;
        room.update(last.view, lang());
        room.highlight(last.objectId);
      };
      this.replay = new ReplayScreen({
        onFrame: (view, objectId) => {
          last = { view, objectId };
          draw();
        },
        onDestroy: () => {
          room?.destroy();
          room = null;
        },
        compiled: prepare(s),
        options: { seed: a.seed, mode: a.mode, ...(a.forcedFault !== undefined ? { forcedFault: a.forcedFault } : {}), ...(a.passMark !== undefined ? { passMark: a.passMark } : {}) },
        events: a.events.map((e) => e.event),
        recorded: a.result ? { score: a.result.score, end: a.result.end, ...(judgeVersionOf(a) === JUDGE_VERSION ? {} : { judgedBy: judgeVersionOf(a) }) } : undefined,
        trainee: profiles.find((p) => p.id === a.profileId)?.name ?? '?',
        when: a.endedAt ?? a.startedAt,
        back: () => {
          this.replay?.destroy();
          this.replay = null;
          this.replayId = null;
          void this.show('results');
        },
      });
      room = mountCleanroom({
        parent: this.replay.roomHost,
        room: s.room,
        objects: last?.view.objects ?? [],
        lang: lang(),
        reducedMotion: globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
        onSelect: () => undefined,
        onAct: () => undefined,
      });
      void room.ready.then(draw, () => undefined);
      return this.replay.el;
    }
    this.replayId = null;
    const byProfile = new Map(profiles.map((p) => [p.id, p]));
    const finished = attempts.filter((x) => x.status === 'finished' && x.result);
    const lines: AttemptLine[] = finished.map((x) => ({
      id: x.id,
      trainee: byProfile.get(x.profileId)?.name ?? '?',
      group: byProfile.get(x.profileId)?.group,
      scenarioTitle: this.scenarioTitle(x.scenarioId, x.scenarioVersion),
      mode: x.mode,
      endedAt: x.endedAt ?? x.startedAt,
      score: x.result!.score,
      passed: x.result!.end === 'passed',
      ending: endingOf(x.result!),
      replayedScore: this.deps.findScenario(x.scenarioId, x.scenarioVersion) ? x.result!.score : null,
      mismatch: false,
      judgedBy: judgeVersionOf(x) === JUDGE_VERSION ? null : judgeVersionOf(x),
    }));
    return replayPicker(lines, (id) => {
      this.replayId = id;
      void this.show('replay').then(() => document.getElementById('replay-h')?.focus());
    });
  }

  /* ---------- scenarios ---------- */

  private async scenariosTab(): Promise<HTMLElement> {
    const [profiles, attempts, imported] = await Promise.all([this.profiles(), this.attempts(), this.deps.store.listScenarios()]);
    const groups = await this.groups(profiles);
    const used = (id: string, version: number) => attempts.filter((a) => a.scenarioId === id && a.scenarioVersion === version).length;
    const items: ScenarioItem[] = [
      ...imported.items
        .slice()
        .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version)
        .map((x) => ({ id: x.id, version: x.version, title: tr(x.scenario.title), builtin: false, importedAt: x.importedAt, attempts: used(x.id, x.version) })),
      ...this.deps.builtins().map((s) => ({ id: s.id, version: s.version, title: tr(s.title), builtin: true, attempts: used(s.id, s.version) })),
    ];
    const screen = scenariosScreen({
      scenarios: items,
      groups,
      check: this.check,
      importFile: (file) => void this.importScenario(file),
      exportScenario: (id, version) => void this.exportScenario(id, version),
      remove: (id, version) => void this.removeScenario(id, version),
      exportPack: (group) => void this.exportPack(group),
    });
    // built in: the very version the app bundles (a newer imported version of a built-in procedure is carried in the package)
    const builtinIds = this.deps
      .scenarios()
      .filter((s) => this.deps.builtins().some((b) => b.id === s.id && b.version === s.version))
      .map((s) => s.id);
    screen.append(
      scormExportForm({
        procedures: this.deps.scenarios().map((s) => ({ id: s.id, title: tr(s.title), builtin: builtinIds.includes(s.id), passMark: s.passMark, faults: s.faults.map((f) => ({ id: f.id, title: tr(f.title) })) })),
        exportScorm: (r) => this.exportScorm(r, builtinIds),
      }),
    );
    return screen;
  }

  /** "Exporter en SCORM": the package made from the app's own files (offline once installed) and downloaded. */
  private async exportScorm(r: ScormRequest, builtinIds: string[]): Promise<{ ok: boolean; text: string }> {
    const scenarios = r.ids.map((id) => this.deps.findScenario(id)).filter((s): s is Scenario => !!s);
    try {
      const { name, bytes } = await makePackage({ standard: r.standard, scenarios, builtinIds, mode: r.mode, passMark: r.passMark, forcedFault: r.fault });
      downloadBytes(name, bytes, 'application/zip');
      return { ok: true, text: t('instructor.scorm.done', { name, size: formatNumber(bytes.length / 1024 / 1024, 1) }) };
    } catch (err) {
      if (err instanceof PackageError) return { ok: false, text: err.failure.kind === 'missing' ? t('instructor.scorm.missing', { file: err.failure.file }) : t('instructor.scorm.noBuild') };
      return { ok: false, text: errorText(err) };
    }
  }

  private setCheck(c: CheckState) {
    this.check = c;
    if (this.tab === 'scenarios' && this.unlocked) void this.show('scenarios');
  }

  private async importScenario(file: File) {
    const name = file.name;
    if (file.size > SCENARIO_READ_LIMIT) {
      return this.setCheck({ state: 'failed', file: name, problems: [{ path: '(file)', message: t('instructor.scenarios.tooBig', { size: formatNumber(file.size / 1024 / 1024, 1), max: 2 }) }] });
    }
    this.setCheck({ state: 'checking', file: name, step: 'reading' });
    const text = await file.text().catch(() => null);
    if (text === null) return this.setCheck({ state: 'failed', file: name, problems: [{ path: '(file)', message: t('instructor.scenarios.unreadable') }] });
    const outcome = await checkScenarioText(text, (step) => this.setCheck({ state: 'checking', file: name, step }));
    if (!outcome.ok) return this.setCheck({ state: 'failed', file: name, problems: outcome.problems.map((p) => ({ path: p.path, message: tr(p.message) })) });
    const s = outcome.scenario;
    const same = (x: Scenario) => JSON.stringify(x) === JSON.stringify(s);
    const builtin = this.deps.builtins().find((x) => x.id === s.id && x.version === s.version);
    const refuse = (message: string) => this.setCheck({ state: 'failed', file: name, problems: [{ path: 'version', message }] });
    if (builtin) {
      return same(builtin)
        ? this.setCheck({ state: 'done', file: name, message: t('instructor.scenarios.alreadyThere', { title: tr(s.title), version: s.version }) })
        : refuse(t('instructor.scenarios.versionTaken', { id: s.id, version: s.version }));
    }
    try {
      const before = await this.deps.store.getScenario(s.id, s.version);
      if (before && same(before.scenario)) return this.setCheck({ state: 'done', file: name, message: t('instructor.scenarios.alreadyThere', { title: tr(s.title), version: s.version }) });
      await this.deps.store.saveScenario(s);
    } catch (err) {
      return refuse(errorText(err));
    }
    await this.deps.refreshCatalog();
    this.setCheck({ state: 'done', file: name, message: t('instructor.scenarios.importedOk', { title: tr(s.title), version: s.version }) });
  }

  private async exportScenario(id: string, version: number) {
    const imported = await this.deps.store.getScenario(id, version).catch(() => undefined);
    const s = imported?.scenario ?? this.deps.builtins().find((x) => x.id === id && x.version === version);
    if (s) downloadText(`${id}-v${version}.json`, `${JSON.stringify(s, null, 2)}\n`);
  }

  private async removeScenario(id: string, version: number) {
    try {
      // a version an assignment is pinned to, or an attempt in progress plays, stays on the tablet
      const [assignments, attempts] = await Promise.all([this.deps.store.listAssignments(), this.deps.store.allAttempts({ scenarioId: id })]);
      if (assignments.items.some((a) => a.scenarioId === id && a.scenarioVersion === version) || attempts.items.some((a) => a.status === 'in-progress' && a.scenarioVersion === version)) {
        this.check = { state: 'failed', file: `${id}.json`, problems: [{ path: id, message: t('instructor.scenarios.pinned', { id, version }) }] };
        return await this.show('scenarios');
      }
      await this.deps.store.deleteScenario(id, version);
      await this.deps.refreshCatalog();
      this.check = { state: 'done', file: `${id}.json`, message: t('instructor.scenarios.removed', { id, version }) };
    } catch (err) {
      this.check = { state: 'failed', file: `${id}.json`, problems: [{ path: id, message: errorText(err) }] };
    }
    await this.show('scenarios');
  }

  private async exportPack(group: string | undefined) {
    const [assignments, imported] = await Promise.all([this.deps.store.listAssignments(), this.deps.store.listScenarios()]);
    const pack = assignmentPack(assignments.items, imported.items, group);
    if (!pack.assignments.length) {
      this.check = { state: 'failed', file: '', problems: [{ path: group ?? '*', message: t('instructor.scenarios.packEmpty') }] };
      return this.show('scenarios');
    }
    const slug = (group ?? t('instructor.scenarios.packAll')).normalize('NFD').replace(/[^\w-]+/g, '-').slice(0, 30);
    downloadText(`devoirs-${slug}-${stamp()}.json`, JSON.stringify(pack, null, 1));
    this.check = { state: 'done', file: '', message: t('instructor.scenarios.packDone', { count: pack.assignments.length, scenarios: pack.importedScenarios?.length ?? 0 }) };
    await this.show('scenarios');
  }

  /* ---------- tablets ---------- */

  private async tabletsTab(): Promise<HTMLElement> {
    const store = this.deps.store;
    const [kioskIdle, tabletName, imports, url] = await Promise.all([this.deps.kioskIdle(), tabletNameOf(store), tabletImports(store), store.getSetting(KIOSK_COURSE_URL).catch(() => undefined)]);
    return tabletsScreen({
      kioskIdle,
      courseUrl: typeof url === 'string' ? url : '',
      startKiosk: (seconds, page) => {
        this.dispose();
        void store.setSetting(KIOSK_COURSE_URL, page).catch(() => undefined).then(() => this.deps.startKiosk(seconds));
      },
      busy: this.merging,
      reports: this.reports,
      tabletName,
      message: this.takeMessage('tablets'),
      saveTabletName: (name) =>
        void setTabletName(store, name).then(async () => {
          const saved = await tabletNameOf(store);
          this.say('tablets', saved ? t('instructor.tablets.nameSaved', { name: saved }) : t('instructor.tablets.nameCleared'));
          await this.show('tablets');
        }),
      imports,
      exportTablet: () => void this.exportTablet(),
      importFiles: (files) => void this.importFiles(files),
    });
  }

  /** Asks first (what goes out, under which file name), then downloads this tablet's export. */
  private async exportTablet() {
    const file = await exportTablet(this.deps.store);
    const name = tabletFileName(file.tablet ?? '', new Date());
    const what = { profiles: file.profiles.length, attempts: file.attempts.length, file: name };
    if (!confirm(file.tablet ? t('instructor.tablets.exportConfirm', what) : `${t('instructor.tablets.exportConfirm', what)}\n${t('instructor.tablets.exportUnnamed')}`)) return;
    downloadText(name, JSON.stringify(file, null, 1));
  }

  private async importFiles(files: File[]) {
    this.merging = true;
    this.reports = [];
    await this.show('tablets');
    const lines: FileReportLine[] = [];
    let scenarios = 0;
    for (const f of files) {
      if (f.size > BACKUP_MAX_BYTES) {
        lines.push({ name: f.name, ok: false, text: t('instructor.tablets.tooBig', { max: BACKUP_MAX_BYTES / 1024 / 1024 }) });
        continue;
      }
      const text = await f.text().catch(() => null);
      if (text === null) {
        lines.push({ name: f.name, ok: false, text: t('instructor.scenarios.unreadable') });
        continue;
      }
      const [r] = await importTabletFiles(this.deps.store, [{ name: f.name, text }]);
      const result = r!.result;
      if (result.ok) scenarios += result.added.scenarios;
      lines.push(
        result.ok
          ? {
              name: f.name,
              ok: true,
              text: t('instructor.tablets.merged', {
                profiles: result.added.profiles,
                attempts: result.added.attempts,
                assignments: result.added.assignments,
                scenarios: result.added.scenarios,
                skippedProfiles: result.skipped.profiles,
                skippedAttempts: result.skipped.attempts,
                skippedAssignments: result.skipped.assignments,
              }) + (result.refused ?? []).map((m) => ` ${tr(m)}`).join(''),
            }
          : { name: f.name, ok: false, text: tr(result.message) },
      );
    }
    if (scenarios) await this.deps.refreshCatalog();
    this.reports = lines;
    this.merging = false;
    await this.show('tablets');
  }
}
