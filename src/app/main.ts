/**
 * The composition root: starts i18n and storage, loads the scenarios, and
 * wires one training session together (profile → engine attempt → play
 * screen and room → autosave → debrief). Screens get data and callbacks;
 * only this file talks to the store.
 */
import { Attempt, prepare, type CompiledScenario } from '../engine/attempt';
import { newSeed } from '../engine/random';
import type { AttemptOptions, Lang, Localized, Mode, Scenario } from '../engine/types';
import { viewOf } from '../engine/view';
import { detectLanguage, enablePseudoLocale, initI18n, lang, setLanguage, t, tr } from '../i18n';
import { hasPin, settingsOf, verifyPin } from '../store/pin';
import { GUIDE_SEEN_KEY, readPreferences, saveCurrentProfile, saveLanguage, type Preferences } from '../store/preferences';
import { eventsOf, openStore, optionsOf, problemMessage, resultOf, StoreError, type Assignment, type AttemptRecord, type Profile, type Store } from '../store';
import { warningBanner } from '../ui/banner';
import { debriefScreen } from '../ui/debriefScreen';
import { h, render } from '../ui/dom';
import { downloadText, stamp } from '../ui/download';
import { homeScreen, type HomeOptions } from '../ui/homeScreen';
import { KIOSK_IDLE_MAX, KIOSK_IDLE_MIN } from '../ui/kioskScreen';
import type { PlayScreen } from '../ui/playScreen';
import { CodeTries, uniqueNames } from '../engine/identity';
import { GROUPS_KEY } from '../ui/instructor/classScreen';
import { profileScreen } from '../ui/profileScreen';
import { codeScreen } from '../ui/codeScreen';
import { builtinCatalog, type Catalog } from './scenarioCatalog';
import { newest, type ScenarioCard } from '../engine/scenarioCard';
import { DEFAULT_IDLE_SECONDS, KIOSK_ACTIVE, KIOSK_IDLE, runKiosk } from './kiosk';
import { startServiceWorker } from './serviceWorker';
import { runSession } from './session';
import { claimAttempt, type AttemptClaim } from './attemptTab';
import { inProgressOn, mustKeep, pinnedScenario, standing, withLateness } from '../engine/exam';
import { abandonAttempt, standingIn } from '../store/exam';
import { replay } from '../engine/attempt';
import { LMS_PARAM } from '../lms/config';
import { preloadRoom } from '../game';
import '../ui/styles.css';

/** Set once the trainee has seen (or skipped) the first-play guide on this device. */

interface Session {
  compiled: CompiledScenario;
  attempt: Attempt;
  screen: PlayScreen;
  recordId: string | null;
  /** This tab's hold on the attempt (one attempt, one tab), released when the session ends. */
  claim?: AttemptClaim;
}

/** What play() is asked for beyond the scenario and mode. */
interface PlayExtra {
  seed?: number;
  forcedFault?: string;
  passMark?: number;
  assignmentId?: string;
}

class App {
  private main = document.getElementById('main')!;
  private header = document.getElementById('app-header')!;
  private warnings = document.getElementById('warnings')!;
  private catalog: Catalog = builtinCatalog();
  /** The built-in scenarios loaded whole so far (each is a chunk of its own, loaded when needed: see loaded()). */
  private builtins = new Map<string, Scenario>();
  private store!: Store;
  private profile: Profile | null = null;
  private session: Session | null = null;
  private redraw: (() => void) | null = null;
  private report: string | undefined;
  private imported: Scenario[] = [];
  /** The career-day kiosk is running: the trainee side and the instructor button are out of reach. */
  private kiosk = false;
  /** This device's language and profile in use, as the store kept them at start. */
  private prefs: Preferences = {};
  private i18nReady: Promise<unknown> | null = null;

  private startI18n(l: Lang) {
    return (this.i18nReady ??= initI18n(l).then(() => (document.documentElement.lang = lang())));
  }
  /** Set while play() builds a session: where the tab guard's "another tab took it" goes once the screen exists. */
  private pendingSuspend: { suspend?: () => void } | null = null;

  async start() {
    const q = new URLSearchParams(location.search);
    // ?lms=1: a SCORM package inside an LMS: its own runtime (a chunk of its own), nothing of the tablet's (store, service worker, profiles)
    if (q.has(LMS_PARAM)) {
      const { bootLms } = await import('../lms/boot');
      return bootLms({ main: this.main, header: this.header, warnings: this.warnings, builtin: (id) => this.catalog.load(id), runSession });
    }
    // /?roomPreview=<room>: one room with sample objects, for authors and the e2e tests (not on a tablet in kiosk mode)
    if (q.has('roomPreview') && !(await openStore().then((s) => kioskOn(s).finally(() => void s.close())).catch(() => false))) {
      const { startRoomPreview } = await import('./roomPreview');
      return startRoomPreview(this.main);
    }
    if (q.has('pseudo')) enablePseudoLocale();
    // a link straight to a procedure: its room's code comes while the store opens
    if (q.has('scenario')) preloadRoom().catch(() => undefined);
    // The language is kept in the store: open it first, keeping its reports until the text can be shown
    // (a tab holding an older version blocks the opening: that one is said at once, in the browser's language).
    let ready = false;
    const early: [string, Localized, boolean][] = [];
    const onProblem = (code: string, message: Localized) => {
      const withExport = code === 'quota' || code === 'unavailable' || code === 'versionchange';
      if (ready) return this.warn(message, withExport);
      early.push([code, message, withExport]);
      if (code === 'blocked') void this.startI18n(detectLanguage(null)).then(() => (ready ? undefined : this.warn(message)));
    };
    this.store = await openStore({ onProblem: (code, detail) => onProblem(code, detail.message), scenarios: (id, version) => this.findScenario(id, version) });
    this.prefs = await readPreferences(this.store, { local: pageStorage('local'), session: pageStorage('session') });
    const chosen = detectLanguage(this.prefs.lang ?? null);
    if (this.i18nReady) await this.i18nReady.then(() => (lang() !== chosen ? setLanguage(chosen) : undefined));
    else await this.startI18n(chosen);
    this.drawHeader();
    ready = true;
    // once open, the block is over: the rest is shown now
    for (const [code, message, withExport] of early) if (code !== 'blocked') this.warn(message, withExport);
    if (!this.store.persistent && this.store.problem) this.warn(problemMessage(this.store.problem), true);
    await this.refreshCatalog();
    startServiceWorker((apply) =>
      warningBanner(this.warnings, t('update.ready'), {
        label: t('update.apply'),
        run: () => void this.store.flush().then(apply),
      }, 'info'),
    );
    const flush = () => void this.store.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    addEventListener('beforeunload', (e) => {
      // Offer to export before leaving when what was played cannot be kept.
      if (this.session && (!this.store.persistent || this.store.problem === 'quota')) e.preventDefault();
    });

    // A tablet left in kiosk mode stays in it after a reload (leaving needs the PIN), whatever the page's parameters.
    if (await kioskOn(this.store)) {
      enablePseudoLocale(false);
      return this.startKiosk(false);
    }
    await this.loaded(q.get('scenario') ?? '');
    const direct = this.findScenario(q.get('scenario') ?? '');
    if (direct) {
      // A link can open a scenario directly: ?scenario=gowning&mode=assessment&seed=42&fault=none
      const mode = (['discovery', 'training', 'assessment'] as Mode[]).find((m) => m === q.get('mode')) ?? 'training';
      const seed = Number(q.get('seed'));
      await this.restoreProfile();
      return this.play(direct, mode, { seed: q.has('seed') && Number.isInteger(seed) ? seed : undefined, forcedFault: q.get('fault') ?? undefined });
    }
    await this.restoreProfile();
    if (this.profile) await this.home();
    else await this.profiles();
  }

  /** The profile in use before the reload, once its code (if it has one) is typed again; back to none if the trainee goes back to the list. */
  private async restoreProfile() {
    const id = this.prefs.profileId;
    const profile = id ? ((await this.store.getProfile(id).catch(() => undefined)) ?? null) : null;
    this.profile = profile && (await this.unlock(profile)) ? profile : null;
    if (profile && !this.profile) void saveCurrentProfile(pageStorage('session'), null);
  }

  /** Wrong trainee codes typed in this page, every profile together (identity.ts). */
  private codeTries = new CodeTries();

  /**
   * Asks the profile's trainee code when it has one (never in the kiosk,
   * which plays under no profile): true once the right code is typed, false
   * when the trainee goes back to the list. A wrong code opens nothing.
   */
  private unlock(profile: Profile): Promise<boolean> {
    if (!profile.codeHash || this.kiosk) return Promise.resolve(true);
    this.session = null;
    return new Promise((resolve) => {
      const draw = () =>
        render(
          this.main,
          codeScreen({
            name: profile.name,
            check: async (code) => {
              const wait = this.codeTries.wait(Date.now());
              if (wait > 0) return { ok: false, reason: 'locked', waitSeconds: wait };
              if (await this.store.traineeCodeMatches(profile.id, code).catch(() => false)) {
                this.codeTries.right();
                resolve(true);
                return { ok: true };
              }
              return { ok: false, reason: 'wrong', waitSeconds: this.codeTries.wrong(Date.now()) };
            },
            cancel: () => resolve(false),
          }),
        );
      this.redraw = draw;
      draw();
      document.title = t('app.title');
      (document.getElementById('trainee-code') as HTMLElement | null)?.focus();
    });
  }

  private warn(message: Localized, withExport = false) {
    warningBanner(this.warnings, tr(message), withExport ? { label: t('backup.exportUnsaved'), run: () => this.exportUnsaved() } : undefined);
  }

  private drawHeader() {
    const select = h(
      'select',
      { id: 'lang-select', 'aria-label': t('app.language'), onchange: (e: Event) => this.switchLanguage((e.target as HTMLSelectElement).value as Lang) },
      h('option', { value: 'fr', selected: lang() === 'fr' }, 'Français'),
      h('option', { value: 'en', selected: lang() === 'en' }, 'English'),
    );
    render(
      this.header,
      h('a', { class: 'skip', href: '#main' }, t('app.skip')),
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◈'), h('span', { class: 'app-title' }, t('app.title'))),
      this.kiosk ? null : h('button', { type: 'button', class: 'header-button', 'data-key': 'instructor', onclick: () => void this.instructor() }, t('instructor.open')),
      h('label', { class: 'lang' }, select),
    );
  }

  private async switchLanguage(l: Lang) {
    await setLanguage(l);
    void saveLanguage(this.store, l);
    if (this.profile && this.profile.lang !== l) this.profile = await this.store.updateProfile(this.profile.id, { lang: l }).catch(() => this.profile);
    this.drawHeader();
    (document.getElementById('lang-select') as HTMLElement | null)?.focus();
    this.redraw?.();
  }

  /* ---------- profiles ---------- */

  async profiles() {
    this.session = null;
    const list = await this.store.listProfiles();
    const saved = await this.store.getSetting(GROUPS_KEY).catch(() => undefined);
    // the instructor's groups, and those of profiles merged from other tablets, each once
    const groups = uniqueNames([...(Array.isArray(saved) ? saved.filter((g): g is string => typeof g === 'string') : []), ...list.items.flatMap((p) => (p.group ? [p.group] : []))]).sort((a, b) => a.localeCompare(b, 'fr'));
    const draw = () =>
      render(
        this.main,
        profileScreen({
          profiles: list.items.map((p) => ({ id: p.id, name: p.name, group: p.group })),
          groups,
          choose: (id) => void this.choose(id),
          create: async (name, group) => {
            try {
              const p = await this.store.createProfile({ name, group: group.trim() || undefined, lang: lang() });
              await this.choose(p.id);
              return null;
            } catch (err) {
              return err instanceof StoreError ? tr(err.text) : String(err);
            }
          },
        }),
      );
    this.redraw = draw;
    draw();
    document.title = t('app.title');
    // the room's code, once the profiles are shown and the tablet idle: the procedure a trainee starts next opens drawn
    whenIdle(() => preloadRoom().catch(() => undefined));
  }

  private async choose(id: string) {
    const profile = (await this.store.getProfile(id)) ?? null;
    if (!profile || !(await this.unlock(profile))) return this.profiles();
    this.profile = profile;
    void saveCurrentProfile(pageStorage('session'), id);
    if (this.profile.lang !== lang()) {
      await setLanguage(this.profile.lang);
      this.drawHeader();
    }
    await this.home();
  }

  /* ---------- home ---------- */

  /** Built-in (loaded: see loaded()) and imported scenarios; without a version, the newest of that id. */
  private findScenario(id: string, version?: number): Scenario | undefined {
    return newest([...this.builtins.values(), ...this.imported], id, version);
  }

  /** A scenario's title, loaded or not (from its card); its id when this device has no such scenario. */
  private titleOf(id: string, version?: number): string {
    const all = [...this.catalog.cards, ...this.imported];
    return tr((newest(all, id, version) ?? newest(all, id))?.title) || id;
  }

  /** Loads these built-in scenarios whole, once each (an id that is not built in, or a chunk that cannot load, is left out). */
  private async loaded(...ids: string[]) {
    const todo = [...new Set(ids)].filter((id) => id && !this.builtins.has(id));
    await Promise.all(todo.map(async (id) => {
      const s = await this.catalog.load(id).catch(() => undefined);
      if (s) this.builtins.set(id, s);
    }));
  }

  /** What the home screen offers: the built-in scenarios' cards, and the newest version of each imported one. */
  private playable(): ScenarioCard[] {
    const all = [...this.catalog.cards, ...this.imported];
    return [...new Set(all.map((s) => s.id))].map((id) => newest(all, id)!);
  }

  private async refreshCatalog() {
    this.imported = (await this.store.listScenarios().catch(() => ({ items: [] }))).items.map((x) => x.scenario);
  }

  async instructor() {
    this.session = null;
    const [{ mountInstructorArea }] = await Promise.all([import('./instructorArea'), this.loaded(...this.catalog.cards.map((c) => c.id))]);
    mountInstructorArea(this.main, {
      store: this.store,
      scenarios: () => [...new Set([...this.builtins.values(), ...this.imported].map((s) => s.id))].map((id) => this.findScenario(id)!),
      builtins: () => [...this.builtins.values()],
      findScenario: (id, version) => this.findScenario(id, version),
      refreshCatalog: () => this.refreshCatalog(),
      exit: () => void (this.profile ? this.home() : this.profiles()),
      setRedraw: (fn) => (this.redraw = fn),
      startKiosk: (idleSeconds) => void this.store.setSetting(KIOSK_IDLE, idleSeconds).catch(() => undefined).then(() => this.startKiosk(true)),
      kioskIdle: () => this.kioskIdle(),
    });
    document.title = `${t('app.title')} — ${t('instructor.title')}`;
  }

  private async kioskIdle(): Promise<number> {
    const v = await this.store.getSetting(KIOSK_IDLE).catch(() => undefined);
    return typeof v === 'number' && Number.isInteger(v) && v >= KIOSK_IDLE_MIN && v <= KIOSK_IDLE_MAX ? v : DEFAULT_IDLE_SECONDS;
  }

  /** Career day: the discovery scenario in a loop, no profile, nothing personal kept; `fresh`: started now by the instructor (not after a reload). */
  private async startKiosk(fresh: boolean) {
    await this.loaded('discovery', 'gowning');
    const scenario = this.findScenario('discovery') ?? this.findScenario('gowning');
    if (!scenario) return this.profiles();
    this.session = null;
    this.profile = null;
    void saveCurrentProfile(pageStorage('session'), null);
    this.kiosk = true;
    this.drawHeader();
    const settings = settingsOf(this.store);
    runKiosk({
      main: this.main,
      store: this.store,
      scenario,
      idleSeconds: await this.kioskIdle(),
      fresh,
      verifyPin: (pin) => verifyPin(settings, pin),
      setLanguage: async (l) => {
        await setLanguage(l);
        void saveLanguage(this.store, l);
        this.drawHeader();
      },
      exit: (forgotPin) => {
        this.kiosk = false;
        this.drawHeader();
        // PIN forgotten: the instructor area's PIN screen, whose "Code oublié ?" resets it (README)
        void (forgotPin ? this.instructor() : this.profiles());
      },
      setRedraw: (fn) => (this.redraw = fn),
    });
    document.title = `${t('app.title')} — ${t('kiosk.title')}`;
  }

  /**
   * The trainee's home. `offer`: "Commencer" met an attempt of the same
   * scenario in progress (one per trainee and scenario): that attempt is the
   * one offered, with a sentence saying why; `notice`: why an assignment
   * could not start.
   */
  async home(offer?: AttemptRecord, notice?: string) {
    this.session?.claim?.release();
    this.session = null;
    const profile = this.profile;
    const extra: Partial<HomeOptions> = {};
    if (profile) {
      const [latest, attempts, assignments, profiles, all] = await Promise.all([
        this.store.inProgress(profile.id).catch(() => undefined),
        this.store.attemptsOf(profile.id).catch(() => ({ items: [] as AttemptRecord[] })),
        this.store.assignmentsFor(profile.id).catch(() => ({ items: [] })),
        this.store.listProfiles().catch(() => ({ items: [] as Profile[] })),
        this.store.allAttempts().catch(() => ({ items: [] as AttemptRecord[] })),
      ]);
      const current = offer ?? latest;
      // whole: the attempt to resume (or abandon, replayed) and the assigned ones (their pinned version is looked up)
      await this.loaded(...(current ? [current.scenarioId] : []), ...assignments.items.map((a) => a.scenarioId));
      const finished = attempts.items.filter((a) => a.status === 'finished' && a.result);
      if (current) {
        const s = this.findScenario(current.scenarioId, current.scenarioVersion);
        const keep = mustKeep(current);
        extra.resume = {
          title: s ? tr(s.title) : current.scenarioId,
          mode: current.mode,
          count: current.events.length,
          missing: s ? undefined : t('resume.missing', { id: current.scenarioId, version: current.scenarioVersion }),
          ...(offer ? { notice: t('resume.already') } : {}),
          resume: () => s && this.play(s, current.mode, {}, current),
          discard: async () => {
            if (!confirm(t(keep ? 'resume.abandonConfirm' : 'resume.discardConfirm'))) return;
            try {
              if (!keep) await this.store.discardAttempt(profile.id, current.id);
              else {
                // an exam's attempt is never erased by the trainee: it ends as abandoned, kept with its events
                const a = current.assignmentId ? assignments.items.find((x) => x.id === current.assignmentId) : undefined;
                await abandonAttempt(this.store, current, s ? replay(s, optionsOf(current), eventsOf(current)) : null, a, Date.now());
              }
            } catch (err) {
              this.warn(err instanceof StoreError ? err.text : problemMessage('write-failed'));
            }
            await this.home();
          },
        };
      }
      const now = Date.now();
      extra.assigned = assignments.items.map((a) => {
        const pinned = pinnedScenario(a, (id, v) => this.findScenario(id, v));
        const st = standing(a, profile, profiles.items, all.items, now);
        const status = st.passed ? 'passed' : st.tried ? 'failed' : 'todo';
        const title = 'scenario' in pinned ? tr(pinned.scenario.title) : this.titleOf(a.scenarioId);
        return {
          id: a.id,
          title,
          mode: a.mode,
          due: a.due,
          status,
          late: st.late,
          ...(st.left !== undefined ? { left: st.left } : {}),
          ...('missing' in pinned ? { missing: t('assigned.missing', { version: pinned.missing }) } : {}),
          start: () => void this.startAssignment(a),
        };
      });
      extra.assigned.sort((x, y) => Number(x.status === 'passed') - Number(y.status === 'passed'));
      extra.notice = notice;
      extra.history = finished.slice(0, 20).map((a) => ({
        id: a.id,
        title: this.titleOf(a.scenarioId, a.scenarioVersion),
        mode: a.mode,
        score: a.result!.score,
        passed: a.result!.end === 'passed',
        ...(a.result!.end === 'passed' && a.result!.ending ? { decision: a.result!.ending } : {}),
        ...(a.result!.abandoned ? { abandoned: true } : {}),
        ...(a.result!.late ? { late: true } : {}),
        date: a.endedAt ?? a.startedAt,
      }));
      extra.profileName = profile.name;
      extra.switchProfile = () => {
        void saveCurrentProfile(pageStorage('session'), null);
        this.profile = null;
        void this.profiles();
      };
    }
    extra.backup = {
      exportMine: async () => profile && downloadText(`salle-blanche-${slug(profile.name)}-${stamp()}.json`, JSON.stringify(await this.store.exportProfile(profile.id), null, 1)),
      importFile: async (file) => {
        const text = await file.text().catch(() => '');
        // every built-in scenario whole: the import replays each finished attempt on its scenario (a forged one is refused)
        await this.loaded(...this.catalog.cards.map((c) => c.id));
        const r = await this.store.importBackup(text, 'trainee');
        const ignored = r.ok && r.ignored && r.ignored.scenarios + r.ignored.assignments + r.ignored.settings ? ` ${t('backup.ignored', { ...r.ignored })}` : '';
        const refused = r.ok && r.refused ? r.refused.map((m) => ` ${tr(m)}`).join('') : '';
        this.report = r.ok
          ? t('backup.imported', { ...r.added, skippedAttempts: r.skipped.attempts, skippedProfiles: r.skipped.profiles }) + ignored + refused
          : tr(r.message);
        await this.home();
      },
      report: this.report,
    };
    this.report = undefined;
    const draw = () =>
      render(this.main, h('p', { class: 'tagline' }, t('app.tagline')), homeScreen({ scenarios: this.playable(), start: (s, m) => void this.startFree(s, m), ...extra }));
    this.redraw = () => void this.home();
    draw();
    document.title = t('app.title');
    // the room's code, once the home screen is up and the tablet idle: the procedure a trainee starts opens drawn
    whenIdle(() => preloadRoom().catch(() => undefined));
    if (offer) (this.main.querySelector('[data-key="resume"]') as HTMLElement | null)?.focus();
    else if (notice) (this.main.querySelector('[data-key="home-notice"]') as HTMLElement | null)?.scrollIntoView?.({ block: 'center' });
  }

  /**
   * "Commencer" on an assignment (and "Recommencer" after one of its
   * attempts): the version it is pinned to; the attempt in progress on the
   * scenario offered instead of a second one; no attempt beyond its limit.
   */
  private async startAssignment(a: Assignment) {
    const profile = this.profile;
    await this.loaded(a.scenarioId);
    const pinned = pinnedScenario(a, (id, v) => this.findScenario(id, v));
    if (!profile || !('scenario' in pinned)) return this.home();
    const mine = await this.store.attemptsOf(profile.id, { scenarioId: a.scenarioId }).catch(() => ({ items: [] as AttemptRecord[] }));
    const open = inProgressOn(a.scenarioId, profile.id, mine.items);
    if (open) return this.home(open);
    const st = await standingIn(this.store, a, profile, Date.now()).catch(() => null);
    if (!st || st.left === 0) return this.home(undefined, t('assigned.noneLeft', { count: a.maxAttempts }));
    return this.play(pinned.scenario, a.mode, { forcedFault: a.forcedFault, passMark: a.passMark, assignmentId: a.id });
  }

  /** The assignment of an attempt (for its due date), if it has one. */
  private async assignmentOf(attemptId: string): Promise<Assignment | undefined> {
    if (!this.profile) return undefined;
    const a = await this.store.getAttempt(this.profile.id, attemptId).catch(() => undefined);
    if (!a?.assignmentId) return undefined;
    return (await this.store.assignmentsFor(this.profile.id).catch(() => ({ items: [] as Assignment[] }))).items.find((x) => x.id === a.assignmentId);
  }

  private exportUnsaved() {
    const file = this.store.exportUnsaved();
    void (file ? Promise.resolve(file) : this.store.exportAll()).then((f) => downloadText(`salle-blanche-secours-${stamp()}.json`, JSON.stringify(f, null, 1)));
  }

  /* ---------- a session ---------- */

  /** "Commencer" on a scenario card: one attempt in progress per trainee and scenario, so one in progress is offered instead. */
  private async startFree(card: ScenarioCard, mode: Mode) {
    await this.loaded(card.id);
    const scenario = this.findScenario(card.id, card.version);
    // (a built-in scenario's chunk that cannot load: offline before the app was ever cached whole)
    if (!scenario) return this.home(undefined, t('resume.missing', { id: card.id, version: card.version }));
    if (this.profile) {
      const mine = await this.store.attemptsOf(this.profile.id, { scenarioId: scenario.id }).catch(() => ({ items: [] as AttemptRecord[] }));
      const open = inProgressOn(scenario.id, this.profile.id, mine.items);
      if (open) return this.home(open);
    }
    return this.play(scenario, mode);
  }

  async play(scenario: Scenario, mode: Mode, extra: PlayExtra = {}, resume?: AttemptRecord) {
    const compiled = prepare(scenario);
    let attempt: Attempt;
    let recordId: string | null = null;
    let claim: AttemptClaim | undefined;
    // one attempt, one tab: a live session in this tab (the other tab's take-over) is left first
    this.session?.claim?.release();
    if (resume) {
      // another tab may hold this attempt: it saves what it has and lets go before the log is read here
      const live: { suspend?: () => void } = {};
      claim = await claimAttempt(resume.id, { onLost: () => live.suspend?.(), flush: () => this.store.flush() });
      const fresh = this.profile ? await this.store.getAttempt(this.profile.id, resume.id).catch(() => undefined) : undefined;
      if (fresh && fresh.status !== 'in-progress') {
        claim.release();
        return this.profile ? this.home() : this.profiles();
      }
      if (!fresh && this.profile) {
        claim.release();
        return this.home();
      }
      const record = fresh ?? resume;
      attempt = new Attempt(compiled, optionsOf(record), eventsOf(record));
      recordId = record.id;
      this.pendingSuspend = live;
    } else {
      const forcedFault = extra.forcedFault && (extra.forcedFault === 'none' || scenario.faults.some((f) => f.id === extra.forcedFault)) ? extra.forcedFault : undefined;
      const options: AttemptOptions = { seed: extra.seed ?? newSeed(), mode, ...(forcedFault ? { forcedFault } : {}), ...(extra.passMark ? { passMark: extra.passMark } : {}) };
      attempt = new Attempt(compiled, options);
      if (this.profile) {
        const rec = await this.store
          .startAttempt({ profileId: this.profile.id, scenarioId: scenario.id, scenarioVersion: scenario.version, options, ...(extra.assignmentId ? { assignmentId: extra.assignmentId } : {}) })
          .catch((err) => {
            this.warn(err instanceof StoreError ? err.text : problemMessage('write-failed'), true);
            return null;
          });
        recordId = rec?.id ?? null;
        if (recordId) {
          const live: { suspend?: () => void } = {};
          claim = await claimAttempt(recordId, { onLost: () => live.suspend?.(), flush: () => this.store.flush() });
          this.pendingSuspend = live;
        }
      }
    }
    const held = claim;
    const live = runSession(this.main, attempt, {
      // a tab that let the attempt go appends nothing (its gestures are refused before the engine, this is the second lock)
      onEvent: (snap, event) => recordId && (!held || held.active) && this.store.appendEvent(recordId, event, snap.context.clock),
      onEnd: (_attempt, screen) => this.debrief({ compiled, attempt, screen, recordId, claim: held }),
      guideSeen: () => safeSet(GUIDE_SEEN_KEY, '1'),
      canAct: () => !held || held.active,
      quit: () => {
        if (confirm(t('play.quitConfirm'))) {
          live.destroy();
          held?.release();
          void this.store.flush().then(() => (this.profile ? this.home() : this.profiles()));
        }
      },
    });
    if (this.pendingSuspend && recordId) {
      const id = recordId;
      this.pendingSuspend.suspend = () =>
        live.suspend(() => {
          // take the attempt back: the other tab saves and lets go, then this one plays on from the saved log
          live.destroy();
          void this.play(scenario, mode, {}, { ...attempt.options, id } as AttemptRecord);
        });
    }
    this.pendingSuspend = null;
    // the first time a trainee plays on this device, the guide shows the room, a close-up, a drag, a reading and the drawer
    if (safeGet(GUIDE_SEEN_KEY) !== '1') live.showGuide();
    const session: Session = { compiled, attempt, screen: live.screen, recordId, claim: held };
    this.session = session;
    this.redraw = () => {
      live.relabel();
      document.title = `${t('app.title')} — ${tr(scenario.title)}`;
    };
    document.title = `${t('app.title')} — ${tr(scenario.title)}`;
  }

  private debrief(session: Session) {
    const { compiled, attempt, screen, recordId, claim } = session;
    const result = resultOf(attempt.result);
    // what comes next (home, again) waits for the attempt to be written finished, so it is never offered as in progress
    let finishing: Promise<unknown> = Promise.resolve();
    if (recordId && result && (!claim || claim.active)) {
      // an attempt of an assignment finished after its due date is marked late (the tablet's clock)
      const id = recordId;
      finishing = this.assignmentOf(id)
        .then((due) => this.store.finish(id, withLateness(result, due, Date.now())))
        .catch((err) => this.warn(err instanceof StoreError ? err.text : problemMessage('write-failed'), true))
        .finally(() => claim?.release());
    }
    const draw = () => {
      const view = viewOf(compiled, attempt.snapshot);
      render(
        this.main,
        debriefScreen({
          compiled,
          view,
          describe: (o) => screen.describe(o),
          // again on an assignment's attempt is another attempt of that assignment (its limit holds), else a free one
          again: () =>
            void finishing.then(() => (recordId ? this.assignmentOf(recordId) : undefined)).then((a) =>
              a ? this.startAssignment(a) : this.play(compiled.scenario, attempt.options.mode, { forcedFault: attempt.options.forcedFault, passMark: attempt.options.passMark }),
            ),
          home: () => void finishing.then(() => (this.profile ? this.home() : this.profiles())),
        }),
      );
      document.getElementById('debrief-h')?.focus();
    };
    this.redraw = draw;
    draw();
  }
}

const slug = (s: string) => s.normalize('NFD').replace(/[^\w-]+/g, '-').slice(0, 30) || 'profil';

function pageStorage(which: 'local' | 'session'): Storage | null {
  try {
    return which === 'local' ? localStorage : sessionStorage;
  } catch {
    return null; // private mode or a sandboxed frame
  }
}

/** Runs `f` when the page has nothing else to do (at the latest after a few seconds). */
function whenIdle(f: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 5000 });
  else setTimeout(f, 1000);
}

/** The tablet was left in kiosk mode (and an instructor PIN exists to leave it). */
async function kioskOn(store: Store): Promise<boolean> {
  return (await store.getSetting(KIOSK_ACTIVE).catch(() => undefined)) === true && (await hasPin(settingsOf(store)).catch(() => false));
}

function safeGet(key: string, storage: Storage = localStorage): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string, storage: Storage = localStorage) {
  try {
    storage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this visit */
  }
}

void new App().start();
