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
import { eventsOf, openStore, optionsOf, problemMessage, resultOf, StoreError, type AttemptRecord, type Profile, type Store } from '../store';
import { warningBanner } from '../ui/banner';
import { debriefScreen } from '../ui/debriefScreen';
import { h, render } from '../ui/dom';
import { downloadText, stamp } from '../ui/download';
import { homeScreen, type HomeOptions } from '../ui/homeScreen';
import { KIOSK_IDLE_MAX, KIOSK_IDLE_MIN } from '../ui/kioskScreen';
import type { PlayScreen } from '../ui/playScreen';
import { profileScreen } from '../ui/profileScreen';
import { builtinCatalog, type Catalog } from './scenarioCatalog';
import { DEFAULT_IDLE_SECONDS, KIOSK_ACTIVE, KIOSK_IDLE, runKiosk } from './kiosk';
import { startServiceWorker } from './serviceWorker';
import { runSession } from './session';
import '../ui/styles.css';

const LANG_KEY = 'salle-blanche.lang';
const PROFILE_KEY = 'salle-blanche.profile';
/** Set once the trainee has seen (or skipped) the first-play guide on this device. */
const GUIDE_KEY = 'salle-blanche.guide-seen';

interface Session {
  compiled: CompiledScenario;
  attempt: Attempt;
  screen: PlayScreen;
  recordId: string | null;
}

class App {
  private main = document.getElementById('main')!;
  private header = document.getElementById('app-header')!;
  private warnings = document.getElementById('warnings')!;
  private catalog: Catalog = builtinCatalog();
  private store!: Store;
  private profile: Profile | null = null;
  private session: Session | null = null;
  private redraw: (() => void) | null = null;
  private report: string | undefined;
  private imported: Scenario[] = [];
  /** The career-day kiosk is running: the trainee side and the instructor button are out of reach. */
  private kiosk = false;

  async start() {
    const q = new URLSearchParams(location.search);
    // /?roomPreview=<room>: one room with sample objects, for authors and the e2e tests (not on a tablet in kiosk mode)
    if (q.has('roomPreview') && !(await openStore().then((s) => kioskOn(s).finally(() => void s.close())).catch(() => false))) {
      const { startRoomPreview } = await import('./roomPreview');
      return startRoomPreview(this.main);
    }
    if (q.has('pseudo')) enablePseudoLocale();
    await initI18n(detectLanguage(safeGet(LANG_KEY)));
    document.documentElement.lang = lang();
    this.drawHeader();
    this.store = await openStore({ onProblem: (code, detail) => this.warn(detail.message, code === 'quota' || code === 'unavailable' || code === 'versionchange') });
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

  private async restoreProfile() {
    const id = safeGet(PROFILE_KEY, sessionStorage);
    this.profile = id ? ((await this.store.getProfile(id).catch(() => undefined)) ?? null) : null;
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
    safeSet(LANG_KEY, l);
    if (this.profile && this.profile.lang !== l) this.profile = await this.store.updateProfile(this.profile.id, { lang: l }).catch(() => this.profile);
    this.drawHeader();
    (document.getElementById('lang-select') as HTMLElement | null)?.focus();
    this.redraw?.();
  }

  /* ---------- profiles ---------- */

  async profiles() {
    this.session = null;
    const list = await this.store.listProfiles();
    const draw = () =>
      render(
        this.main,
        profileScreen({
          profiles: list.items.map((p) => ({ id: p.id, name: p.name, group: p.group })),
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
  }

  private async choose(id: string) {
    this.profile = (await this.store.getProfile(id)) ?? null;
    if (!this.profile) return this.profiles();
    safeSet(PROFILE_KEY, id, sessionStorage);
    if (this.profile.lang !== lang()) {
      await setLanguage(this.profile.lang);
      this.drawHeader();
    }
    await this.home();
  }

  /* ---------- home ---------- */

  /** Built-in and imported scenarios; without a version, the newest of that id. */
  private findScenario(id: string, version?: number): Scenario | undefined {
    const all = [...this.catalog.scenarios, ...this.imported].filter((s) => s.id === id && (version === undefined || s.version === version));
    return all.sort((a, b) => b.version - a.version)[0];
  }

  /** What the home screen offers: built-in scenarios, and the newest version of each imported one. */
  private playable(): Scenario[] {
    const ids = [...new Set([...this.catalog.scenarios, ...this.imported].map((s) => s.id))];
    return ids.map((id) => this.findScenario(id)!);
  }

  private async refreshCatalog() {
    this.imported = (await this.store.listScenarios().catch(() => ({ items: [] }))).items.map((x) => x.scenario);
  }

  async instructor() {
    this.session = null;
    const { mountInstructorArea } = await import('./instructorArea');
    mountInstructorArea(this.main, {
      store: this.store,
      scenarios: () => this.playable(),
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
    const scenario = this.findScenario('discovery') ?? this.findScenario('gowning');
    if (!scenario) return this.profiles();
    this.session = null;
    this.profile = null;
    safeSet(PROFILE_KEY, '', sessionStorage);
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
        safeSet(LANG_KEY, l);
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

  async home() {
    this.session = null;
    const profile = this.profile;
    const extra: Partial<HomeOptions> = {};
    if (profile) {
      const [current, attempts, assignments] = await Promise.all([
        this.store.inProgress(profile.id).catch(() => undefined),
        this.store.attemptsOf(profile.id).catch(() => ({ items: [] as AttemptRecord[] })),
        this.store.assignmentsFor(profile.id).catch(() => ({ items: [] })),
      ]);
      const finished = attempts.items.filter((a) => a.status === 'finished' && a.result);
      if (current) {
        const s = this.findScenario(current.scenarioId, current.scenarioVersion);
        extra.resume = {
          title: s ? tr(s.title) : current.scenarioId,
          mode: current.mode,
          count: current.events.length,
          missing: s ? undefined : t('resume.missing', { id: current.scenarioId, version: current.scenarioVersion }),
          resume: () => s && this.play(s, current.mode, {}, current),
          discard: async () => {
            if (!confirm(t('resume.discardConfirm'))) return;
            await this.store.discardAttempt(profile.id, current.id);
            await this.home();
          },
        };
      }
      extra.assigned = assignments.items.flatMap((a) => {
        const s = this.findScenario(a.scenarioId);
        if (!s) return [];
        const mine = finished.filter((x) => x.assignmentId === a.id);
        const status = mine.some((x) => x.result!.end === 'passed') ? 'passed' : mine.length ? 'failed' : 'todo';
        return [{ id: a.id, title: tr(s.title), mode: a.mode, due: a.due, status, start: () => this.play(s, a.mode, { forcedFault: a.forcedFault, passMark: a.passMark, assignmentId: a.id }) }];
      });
      extra.assigned.sort((x, y) => Number(x.status === 'passed') - Number(y.status === 'passed'));
      extra.history = finished.slice(0, 20).map((a) => ({
        id: a.id,
        title: tr(this.findScenario(a.scenarioId)?.title) || a.scenarioId,
        mode: a.mode,
        score: a.result!.score,
        passed: a.result!.end === 'passed',
        ...(a.result!.end === 'passed' && a.result!.ending ? { decision: a.result!.ending } : {}),
        date: a.endedAt ?? a.startedAt,
      }));
      extra.profileName = profile.name;
      extra.switchProfile = () => {
        safeSet(PROFILE_KEY, '', sessionStorage);
        this.profile = null;
        void this.profiles();
      };
    }
    extra.backup = {
      exportMine: async () => profile && downloadText(`salle-blanche-${slug(profile.name)}-${stamp()}.json`, JSON.stringify(await this.store.exportProfile(profile.id), null, 1)),
      importFile: async (file) => {
        const text = await file.text().catch(() => '');
        const r = await this.store.importBackup(text);
        this.report = r.ok
          ? t('backup.imported', { ...r.added, skippedAttempts: r.skipped.attempts, skippedProfiles: r.skipped.profiles })
          : tr(r.message);
        await this.home();
      },
      report: this.report,
    };
    this.report = undefined;
    const draw = () =>
      render(this.main, h('p', { class: 'tagline' }, t('app.tagline')), homeScreen({ scenarios: this.playable(), start: (s, m) => this.play(s, m), ...extra }));
    this.redraw = () => void this.home();
    draw();
    document.title = t('app.title');
  }

  private exportUnsaved() {
    const file = this.store.exportUnsaved();
    void (file ? Promise.resolve(file) : this.store.exportAll()).then((f) => downloadText(`salle-blanche-secours-${stamp()}.json`, JSON.stringify(f, null, 1)));
  }

  /* ---------- a session ---------- */

  async play(scenario: Scenario, mode: Mode, extra: { seed?: number; forcedFault?: string; passMark?: number; assignmentId?: string } = {}, resume?: AttemptRecord) {
    const compiled = prepare(scenario);
    let attempt: Attempt;
    let recordId: string | null = null;
    if (resume) {
      attempt = new Attempt(compiled, optionsOf(resume), eventsOf(resume));
      recordId = resume.id;
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
      }
    }
    const live = runSession(this.main, attempt, {
      onEvent: (snap, event) => recordId && this.store.appendEvent(recordId, event, snap.context.clock),
      onEnd: (_attempt, screen) => this.debrief({ compiled, attempt, screen, recordId }),
      guideSeen: () => safeSet(GUIDE_KEY, '1'),
      quit: () => {
        if (confirm(t('play.quitConfirm'))) {
          live.destroy();
          void this.store.flush().then(() => (this.profile ? this.home() : this.profiles()));
        }
      },
    });
    // the first time a trainee plays on this device, the guide shows the room, a close-up, a drag, a reading and the drawer
    if (safeGet(GUIDE_KEY) !== '1') live.showGuide();
    const session: Session = { compiled, attempt, screen: live.screen, recordId };
    this.session = session;
    this.redraw = () => {
      live.relabel();
      document.title = `${t('app.title')} — ${tr(scenario.title)}`;
    };
    document.title = `${t('app.title')} — ${tr(scenario.title)}`;
  }

  private debrief(session: Session) {
    const { compiled, attempt, screen, recordId } = session;
    const result = resultOf(attempt.result);
    if (recordId && result) {
      void this.store.finish(recordId, result).catch((err) => this.warn(err instanceof StoreError ? err.text : problemMessage('write-failed'), true));
    }
    const draw = () => {
      const view = viewOf(compiled, attempt.snapshot);
      render(
        this.main,
        debriefScreen({
          compiled,
          view,
          describe: (o) => screen.describe(o),
          again: () => void this.play(compiled.scenario, attempt.options.mode, { forcedFault: attempt.options.forcedFault, passMark: attempt.options.passMark }),
          home: () => void (this.profile ? this.home() : this.profiles()),
        }),
      );
      document.getElementById('debrief-h')?.focus();
    };
    this.redraw = draw;
    draw();
  }
}

const slug = (s: string) => s.normalize('NFD').replace(/[^\w-]+/g, '-').slice(0, 30) || 'profil';

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
