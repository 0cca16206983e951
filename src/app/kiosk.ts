/**
 * Career-day kiosk: start screen → the discovery scenario (discovery mode) →
 * result with facts and job cards → back to the start after an idle time.
 * Nothing personal is kept: the optional pseudonym is forgotten at each
 * reset; the day's board keeps scores and times only. Leaving needs the
 * instructor PIN. The kiosk survives a reload (it is a setting).
 */
import { Attempt, prepare } from '../engine/attempt';
import { newSeed } from '../engine/random';
import type { Scenario } from '../engine/types';
import { t } from '../i18n';
import type { JsonValue, Store } from '../store';
import { h, render } from '../ui/dom';
import { kioskResult, kioskStart } from '../ui/kioskScreen';
import { runSession, type LiveSession } from './session';

export const KIOSK_ACTIVE = 'kiosk.active';
export const KIOSK_IDLE = 'kiosk.idleSeconds';
export const DEFAULT_IDLE_SECONDS = 60;

export interface KioskDeps {
  main: HTMLElement;
  store: Store;
  scenario: Scenario;
  idleSeconds: number;
  verifyPin(pin: string): Promise<{ ok: boolean; waitSeconds?: number }>;
  exit(): void;
  setRedraw(fn: () => void): void;
}

type BoardEntry = { score: number; at: number };

const boardKey = () => `kiosk.board.${new Date().toISOString().slice(0, 10)}`;

export function runKiosk(d: KioskDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleFor = d.idleSeconds;
  let onIdle: () => void = () => {};
  let live: LiveSession | null = null;
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

  async function board(): Promise<BoardEntry[]> {
    const v = await d.store.getSetting(boardKey()).catch(() => undefined);
    return Array.isArray(v) ? (v as unknown as BoardEntry[]).filter((x) => typeof x?.score === 'number' && typeof x?.at === 'number') : [];
  }

  async function start() {
    live?.destroy();
    live = null;
    const entries = await board();
    const draw = () => render(d.main, kioskStart({ board: entries, play, exit: askPin }));
    d.setRedraw(draw);
    draw();
    onIdle = () => void start();
    idleFor = d.idleSeconds;
    arm();
  }

  function play(pseudonym: string) {
    const attempt = new Attempt(prepare(d.scenario), { seed: newSeed(), mode: 'discovery' });
    live = runSession(d.main, attempt, {
      onEnd: (a) => void result(pseudonym, a),
      quit: () => void start(),
    });
    d.setRedraw(() => live?.relabel());
    // a visitor who walks away mid-game: back to the start, nothing kept
    idleFor = d.idleSeconds * 3;
    onIdle = () => void start();
    arm();
  }

  async function result(pseudonym: string, attempt: Attempt) {
    const score = attempt.result.score.total;
    const entries = [...(await board()), { score, at: Date.now() }].sort((a, b) => b.score - a.score || a.at - b.at).slice(0, 5);
    await d.store.setSetting(boardKey(), entries as unknown as JsonValue).catch(() => undefined);
    const seed = attempt.options.seed;
    const draw = () => {
      render(d.main, kioskResult({ pseudonym, score, outro: d.scenario.outro, seed, again: () => void start(), idleSeconds: d.idleSeconds }));
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
    const dialog = h(
      'dialog',
      { class: 'pin-dialog', 'aria-labelledby': 'pin-h' },
      h(
        'form',
        {
          onsubmit: async (e: Event) => {
            e.preventDefault();
            const r = await d.verifyPin(input.value);
            if (r.ok) {
              dialog.close();
              dialog.remove();
              stop();
              await d.store.setSetting(KIOSK_ACTIVE, false).catch(() => undefined);
              d.exit();
            } else {
              error.textContent = r.waitSeconds ? `${t('kiosk.pinWrong')} ${t('instructor.wait', { count: r.waitSeconds })}` : t('kiosk.pinWrong');
              input.value = '';
              input.focus();
            }
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

  void d.store.setSetting(KIOSK_ACTIVE, true).catch(() => undefined);
  void start();
  return { stop };
}
