/**
 * Career-day kiosk: an attract screen (a drawing of the room, the day's
 * board, a QR code to the course's page) → the discovery scenario, scored
 * (a mistake costs points, a critical mistake ends the run: AttemptOptions.scored)
 * → the result with facts and job cards → back to the attract screen, in the
 * kiosk's own language, after an idle time.
 * Nothing personal is kept: the optional pseudonym is forgotten at each
 * reset; the day's board keeps scores, run lengths and times only. Leaving
 * needs the instructor PIN (or, PIN forgotten, the word typed in its place:
 * README, "Career day"). The kiosk survives a reload (it is a setting), and
 * while it runs the page's URL parameters are ignored (main.ts).
 */
import { Attempt, prepare } from '../engine/attempt';
import { endOf } from '../engine/compileScenario';
import { addToBoard, boardOf, type BoardEntry } from '../engine/kioskBoard';
import { newSeed } from '../engine/random';
import type { Lang, Scenario } from '../engine/types';
import { conclusionOf, showsOutro, viewOf } from '../engine/view';
import { lang, t } from '../i18n';
import type { JsonValue, Store } from '../store';
import { h, render } from '../ui/dom';
import { kioskResult, kioskStart } from '../ui/kioskScreen';
import { runSession, type LiveSession } from './session';

export const KIOSK_ACTIVE = 'kiosk.active';
export const KIOSK_IDLE = 'kiosk.idleSeconds';
/** The language the kiosk was started in: every reset comes back to it. */
export const KIOSK_LANG = 'kiosk.lang';
/** The course's web page, shown as a QR code on the attract screen (set in the instructor area). */
export const KIOSK_COURSE_URL = 'kiosk.courseUrl';
export const DEFAULT_IDLE_SECONDS = 60;
/** Typed in place of the PIN at the kiosk's exit, it leaves the kiosk for the PIN screen's "forgotten PIN" (README). */
export const FORGOTTEN_PIN_WORDS = ['EFFACER', 'ERASE'];

export interface KioskDeps {
  main: HTMLElement;
  store: Store;
  scenario: Scenario;
  idleSeconds: number;
  /** Started now by the instructor (its language becomes the kiosk's), or again after a reload. */
  fresh: boolean;
  verifyPin(pin: string): Promise<{ ok: boolean; waitSeconds?: number }>;
  /** Puts the page in this language (header included). */
  setLanguage(l: Lang): Promise<void>;
  /** Leaves the kiosk; `forgotPin`: straight to the instructor's "forgotten PIN". */
  exit(forgotPin?: boolean): void;
  setRedraw(fn: () => void): void;
}

const boardKey = () => `kiosk.board.${new Date().toISOString().slice(0, 10)}`;

export function runKiosk(d: KioskDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleFor = d.idleSeconds;
  let onIdle: () => void = () => {};
  let live: LiveSession | null = null;
  let startLang: Lang = lang();
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onIdle(), idleFor * 1000);
  };
  const activity = () => arm();
  document.addEventListener('pointerdown', activity, true);
  document.addEventListener('keydown', activity, true);
  const stop = () => {
    clearTimeout(timer);
    document.removeEventListener('pointerdown', activity, true);
    document.removeEventListener('keydown', activity, true);
    live?.destroy();
  };
  const setting = (key: string) => d.store.getSetting(key).catch(() => undefined);

  async function board(): Promise<BoardEntry[]> {
    return boardOf(await setting(boardKey()));
  }

  async function start() {
    live?.destroy();
    live = null;
    document.querySelector('dialog.pin-dialog')?.remove();
    // the next visitor finds the kiosk in the language it was started in
    if (lang() !== startLang) await d.setLanguage(startLang);
    const [entries, url] = await Promise.all([board(), setting(KIOSK_COURSE_URL)]);
    const courseUrl = typeof url === 'string' && url ? url : undefined;
    const draw = () => render(d.main, kioskStart({ board: entries, courseUrl, play, exit: askPin }));
    d.setRedraw(draw);
    draw();
    // a run opens at the top, whatever the scroll of the screen before (the instructor's Tablettes tab, a run's end)
    globalThis.scrollTo?.({ top: 0, left: 0, behavior: 'instant' });
    onIdle = () => void start();
    idleFor = d.idleSeconds;
    arm();
  }

  function play(pseudonym: string) {
    const began = Date.now();
    const attempt = new Attempt(prepare(d.scenario), { seed: newSeed(), mode: 'discovery', scored: true });
    let pointed = false;
    live = runSession(d.main, attempt, {
      onEvent: (snap) => {
        // every step done: point at the batch record and its "Remettre" button, once
        if (pointed || endOf(snap) !== 'closure') return;
        pointed = true;
        queueMicrotask(() => live && pointToRecord(live));
      },
      onEnd: (a) => void result(pseudonym, a, Math.round((Date.now() - began) / 1000)),
      quit: () => void start(),
    });
    live.screen.el.classList.add('kiosk-play');
    d.setRedraw(() => live?.relabel());
    // a visitor who walks away mid-game: back to the start, nothing kept
    idleFor = d.idleSeconds * 3;
    onIdle = () => void start();
    arm();
  }

  /** The run's last gesture: a banner over the room sends the visitor to the batch record's "Remettre" button, shown in the open drawer. */
  function pointToRecord(l: LiveSession) {
    const go = () => {
      l.screen.openDrawer('record');
      const submit = l.screen.el.querySelector<HTMLElement>('[data-key="submit"]');
      submit?.scrollIntoView({ block: 'center' });
      submit?.focus();
    };
    l.screen.el.classList.add('kiosk-closure');
    l.screen.el.append(
      h('div', { class: 'kiosk-callout', role: 'status' }, h('p', {}, t('kiosk.closure', { submit: t('play.submit') })), h('button', { type: 'button', class: 'primary', 'data-key': 'kiosk-to-record', onclick: go }, t('kiosk.toRecord'))),
    );
    // after the frame that shows the last judgement (the play screen keeps the focus on the control just used)
    requestAnimationFrame(go);
  }

  async function result(pseudonym: string, attempt: Attempt, seconds: number) {
    const score = attempt.result.score.total;
    const entry: BoardEntry = { score, seconds, at: Date.now() };
    const entries = addToBoard(await board(), entry);
    await d.store.setSetting(boardKey(), entries as unknown as JsonValue).catch(() => undefined);
    const rank = entries.indexOf(entry);
    const view = viewOf(attempt.compiled, attempt.snapshot);
    const critical = view.breakdown.critical;
    // what follows the run (the scenario's outro) only after a run taken to its end and passed, as the debrief does
    const outro = showsOutro(conclusionOf(view)) ? d.scenario.outro : undefined;
    const seed = attempt.options.seed;
    const draw = () => {
      render(
        d.main,
        kioskResult({
          pseudonym,
          score,
          seconds,
          rank: rank < 0 ? undefined : rank + 1,
          stopped: critical?.explanation,
          outro,
          seed,
          again: () => void start(),
          idleSeconds: d.idleSeconds,
        }),
      );
      document.getElementById('kiosk-result-h')?.focus();
    };
    d.setRedraw(draw);
    draw();
    idleFor = d.idleSeconds;
    onIdle = () => void start();
    arm();
  }

  function askPin() {
    const input = h('input', { id: 'kiosk-pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: 12 });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const leave = async (forgotPin: boolean) => {
      dialog.close();
      dialog.remove();
      stop();
      await d.store.setSetting(KIOSK_ACTIVE, false).catch(() => undefined);
      d.exit(forgotPin);
    };
    const dialog = h(
      'dialog',
      { class: 'pin-dialog', 'aria-labelledby': 'pin-h' },
      h(
        'form',
        {
          onsubmit: async (e: Event) => {
            e.preventDefault();
            // the documented way out of a forgotten PIN (README): to the PIN screen's own reset, which keeps every result
            if (FORGOTTEN_PIN_WORDS.includes(input.value.trim().toUpperCase())) return leave(true);
            const r = await d.verifyPin(input.value);
            if (r.ok) return leave(false);
            error.textContent = r.waitSeconds ? `${t('kiosk.pinWrong')} ${t('instructor.wait', { count: r.waitSeconds })}` : t('kiosk.pinWrong');
            input.value = '';
            input.focus();
          },
        },
        h('h2', { id: 'pin-h' }, t('kiosk.pinTitle')),
        h('label', { for: 'kiosk-pin' }, t('kiosk.pinPrompt')),
        input,
        error,
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('kiosk.confirm')), h('button', { type: 'button', class: 'secondary', onclick: () => (dialog.close(), dialog.remove()) }, t('kiosk.cancel'))),
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  }

  void (async () => {
    if (d.fresh) {
      await d.store.setSetting(KIOSK_LANG, startLang).catch(() => undefined);
    } else {
      const saved = await setting(KIOSK_LANG);
      if (saved === 'fr' || saved === 'en') startLang = saved;
    }
    await d.store.setSetting(KIOSK_ACTIVE, true).catch(() => undefined);
    await start();
  })();
  return { stop };
}
