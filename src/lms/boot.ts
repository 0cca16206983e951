/**
 * The app inside an LMS (index.html?lms=1, a SCORM package): loaded on
 * demand by main.ts, which does nothing else in this mode. It reads the
 * package's lms.json, finds the LMS's SCORM API, takes the learner from the
 * LMS, plays the packaged procedure on the same play screen and debrief as
 * the tablet, and tells the LMS what happens (reporter.ts). The attempt
 * lives in memory and in the LMS's suspend data only: no IndexedDB, no
 * localStorage or sessionStorage, no service worker, no profile, no
 * instructor area, no kiosk — another package served from the same LMS
 * reads and overwrites nothing of this one's.
 */
import { Attempt, prepare, type CompiledScenario } from '../engine/attempt';
import { newSeed } from '../engine/random';
import { newest } from '../engine/scenarioCard';
import type { AttemptOptions, EngineEvent, Lang, Scenario } from '../engine/types';
import { MODES } from '../engine/types';
import { viewOf } from '../engine/view';
import { detectLanguage, initI18n, lang, setLanguage, t, tr } from '../i18n';
import { warningBanner } from '../ui/banner';
import { debriefScreen } from '../ui/debriefScreen';
import { h, render } from '../ui/dom';
import { PlayScreen } from '../ui/playScreen';
import { findApi, otherStandardFound } from './api';
import { LMS_CONFIG_FILE, type LmsConfig } from './config';
import { mistakesOf, resultValues } from './report';
import { Reporter, type SendState } from './reporter';
import { connect, type Connection, type Dialect } from './runtime';
import { scorm12 } from './scorm12';
import { scorm2004 } from './scorm2004';
import { decodeSuspend, fitSuspend } from './suspend';

/** The part of the app's runSession (src/app/session.ts) the LMS mode uses: main.ts hands it over (nothing imports src/app). */
export type RunSession = (
  main: HTMLElement,
  attempt: Attempt,
  hooks: { onEvent?(snapshot: Attempt['snapshot'], event: EngineEvent): void; onEnd(attempt: Attempt, screen: PlayScreen): void; quit(): void; guideSeen?(): void },
) => { screen: PlayScreen; relabel(): void; showGuide(): void; destroy(): void };

export interface LmsBoot {
  main: HTMLElement;
  header: HTMLElement;
  warnings: HTMLElement;
  /** One of the app's built-in scenarios, whole (each is a chunk of its own); undefined: none has that id. */
  builtin(id: string): Promise<Scenario | undefined>;
  runSession: RunSession;
}

const DIALECTS: Record<LmsConfig['standard'], Dialect> = { '1.2': scorm12, '2004': scorm2004 };

/** lms.json as read: what the runtime needs of it, checked. */
function configOf(x: unknown): LmsConfig | null {
  const c = x as Partial<LmsConfig> | null;
  if (!c || typeof c !== 'object') return null;
  if ((c.standard !== '1.2' && c.standard !== '2004') || !Array.isArray(c.scenarioIds) || !c.scenarioIds.length || !MODES.includes(c.mode as never)) return null;
  return c as LmsConfig;
}

/** "Dupont, Marie" (1.2's usual "Last, First") reads "Marie Dupont". */
export const displayName = (name: string): string => {
  const parts = name.split(',');
  return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim() ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : name.trim();
};

export async function bootLms(o: LmsBoot): Promise<void> {
  document.documentElement.classList.add('in-lms');
  await initI18n(detectLanguage(null));
  document.documentElement.lang = lang();
  let learner = '';
  let redraw = () => {};
  const status = h('span', { class: 'lms-status', role: 'status', 'data-testid': 'lms-status' });
  const drawHeader = () =>
    render(
      o.header,
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◈'), h('span', { class: 'app-title' }, t('app.title'))),
      learner ? h('span', { class: 'lms-learner', 'data-testid': 'lms-learner' }, t('lms.learner', { name: learner })) : null,
      status,
      h(
        'label',
        { class: 'lang' },
        h(
          'select',
          {
            id: 'lang-select',
            'aria-label': t('app.language'),
            onchange: (e: Event) =>
              void setLanguage((e.target as HTMLSelectElement).value as Lang).then(() => {
                document.documentElement.lang = lang();
                drawHeader();
                redraw();
                (document.getElementById('lang-select') as HTMLElement | null)?.focus();
              }),
          },
          h('option', { value: 'fr', selected: lang() === 'fr' }, 'Français'),
          h('option', { value: 'en', selected: lang() === 'en' }, 'English'),
        ),
      ),
    );
  /** A screen that says why the procedure cannot be played here, and what to do. */
  const stop = (key: string, vars: Record<string, unknown> = {}) => {
    redraw = () => render(o.main, h('section', { class: 'lms-stop', 'data-testid': 'lms-stop' }, h('h2', { tabindex: -1 }, t(`lms.${key}.title`)), h('p', {}, t(`lms.${key}.text`, vars))));
    redraw();
    document.title = t('app.title');
  };
  drawHeader();

  const config = await fetch(`./${LMS_CONFIG_FILE}`, { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .then(configOf)
    .catch(() => null);
  if (!config) return stop('noConfig', { file: LMS_CONFIG_FILE });
  const found = findApi(window, config.standard);
  if (!found) return stop('noApi', { standard: config.standard, other: otherStandardFound(window, config.standard) ? t('lms.otherStandard') : '' });
  const conn = connect(found);
  if (!conn.initialize()) return stop('noInit', { error: conn.lastError() || '—' });
  const d = DIALECTS[config.standard];

  const pref = conn.get(d.elements.language).toLowerCase();
  if ((pref.startsWith('fr') || pref.startsWith('en')) && pref.slice(0, 2) !== lang()) await setLanguage(pref.slice(0, 2) as Lang);
  document.documentElement.lang = lang();
  learner = displayName(conn.get(d.elements.learnerName)) || conn.get(d.elements.learnerId);
  drawHeader();

  const wanted = new URLSearchParams(location.search).get('scenario') ?? config.scenarioIds[0]!;
  const builtin = config.scenarioIds.includes(wanted) ? await o.builtin(wanted).catch(() => undefined) : undefined;
  const scenario = config.scenarioIds.includes(wanted)
    ? newest([...(config.scenarios ?? []), ...(builtin ? [builtin] : [])], wanted)
    : undefined;
  if (!scenario) {
    conn.terminate();
    return stop('noScenario', { id: wanted });
  }
  const compiled = prepare(scenario);
  const mode = config.mode;

  const reporter = new Reporter(d, conn, (state: SendState, error: string) => showState(state, error));
  const showState = (state: SendState, error: string) => {
    status.textContent = state === 'waiting' ? t('lms.waiting') : state === 'closed' ? t('lms.closed') : t('lms.sent');
    status.dataset.state = state;
    status.title = error;
  };

  // the attempt kept by the LMS, if it is this procedure's (same version): replayed to the same step and score
  const kept = await decodeSuspend(scenario, conn.get(d.elements.suspendData));
  let resumed: { options: AttemptOptions; events: EngineEvent[] } | null = null;
  if ('events' in kept && kept.scenarioId === scenario.id && kept.version === scenario.version) resumed = kept;
  else if ('events' in kept || kept.problem !== 'empty') warningBanner(o.warnings, t('lms.restarted'), undefined, 'info');
  const options: AttemptOptions = resumed?.options ?? {
    seed: newSeed(),
    mode,
    ...(config.forcedFault ? { forcedFault: config.forcedFault } : {}),
    ...(config.passMark ? { passMark: config.passMark } : {}),
  };
  const attempt = new Attempt(compiled, options, resumed?.events ?? []);
  // interactions are numbered once per attempt: those of the replayed mistakes the LMS already holds are not sent again
  let sent = resumed ? Math.min(mistakesOf(attempt.snapshot.context.outcomes).length, Number(conn.get(d.elements.interactionCount)) || 0) : 0;

  let saving: Promise<void> = Promise.resolve();
  let notice: 'shortened' | 'stale' | null = null;
  const report = () => {
    const r = attempt.result;
    const values = resultValues(d, compiled, attempt.options.mode, r, sent);
    sent = mistakesOf(r.context.outcomes).length;
    reporter.put([...values, ...d.location(locationOf(compiled, attempt))]);
    const events = [...attempt.events];
    // the suspend data follows, in order (it is compressed asynchronously); past the standard's length, see README
    saving = saving.then(async () => {
      const fit = await fitSuspend(scenario, { scenarioId: scenario.id, version: scenario.version, options: attempt.options, events }, d.limits.suspendData);
      if (fit) reporter.put(d.suspendData(fit.data));
      const now = fit ? (fit.shortened ? 'shortened' : null) : 'stale';
      if (now && now !== notice) warningBanner(o.warnings, t(`lms.${now}`, { limit: d.limits.suspendData }), undefined, 'info');
      notice = now ?? notice;
    });
    return saving;
  };

  // the page goes away (the LMS closes the frame, the window is closed): what is queued is sent, and the session ends suspended (or normal, once over)
  let ended = attempt.result.end === 'passed' || attempt.result.end === 'failed';
  addEventListener('pagehide', () => reporter.close(ended ? 'normal' : 'suspend', true));

  const debrief = (played: PlayScreen | null) => {
    ended = true;
    // a finished attempt found in the LMS (launched again after its end): a read-only screen words its outcomes
    const screen = played ?? new PlayScreen(compiled, { act: () => {}, quit: () => {} }, { readOnly: true });
    void report().then(() => reporter.close('normal'));
    redraw = () => {
      const view = viewOf(compiled, attempt.snapshot);
      render(
        o.main,
        debriefScreen({
          compiled,
          view,
          describe: (x) => screen.describe(x),
          actions: h('p', { class: 'lms-end', 'data-testid': 'lms-end' }, t(attempt.options.mode === 'assessment' ? 'lms.endAssessment' : 'lms.endTraining')),
        }),
      );
      document.getElementById('debrief-h')?.focus();
    };
    redraw();
  };

  document.title = `${t('app.title')} — ${tr(scenario.title)}`;
  if (ended) return debrief(null);
  const live = o.runSession(o.main, attempt, {
    onEvent: () => void report(),
    onEnd: (_a, screen) => debrief(screen),
    guideSeen: () => {},
    quit: () => {
      if (!confirm(t('lms.quitConfirm'))) return;
      live.destroy();
      void saving.then(() => {
        reporter.close('suspend', true);
        redraw = () => render(o.main, h('section', { class: 'lms-stop', 'data-testid': 'lms-left' }, h('h2', { tabindex: -1 }, t('lms.left.title')), h('p', {}, t('lms.left.text'))));
        redraw();
      });
    },
  });
  redraw = () => {
    live.relabel();
    document.title = `${t('app.title')} — ${tr(scenario.title)}`;
  };
  // the guide once per attempt (nothing is kept in the browser to remember it was seen)
  if (!resumed) live.showGuide();
  void report();
}

/** Where the learner is, as the LMS's location says it (for its reports; the resume itself replays the suspend data). */
function locationOf(c: CompiledScenario, a: Attempt): string {
  const v = viewOf(c, a.snapshot);
  return `${v.end === 'closure' ? 'closure' : (c.scenario.phases[v.phaseIndex]?.id ?? '')}#${a.events.length}`;
}

