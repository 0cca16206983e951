/** The door of the instructor area: choose a PIN at first use (typed twice), enter it afterwards with the wait after wrong tries shown, or reset a forgotten one after typing the confirmation word. */
import { t } from '../../i18n';
import { h } from '../dom';

export type PinTry = { ok: true } | { ok: false; waitSeconds: number; locked: boolean };

export interface PinScreenOptions {
  mode: 'create' | 'enter';
  /** Seconds still to wait before a try is judged (from earlier wrong tries, even before a reload). */
  waitSeconds: number;
  /** A message to show first (e.g. after a reset). */
  message?: string;
  isValid(pin: string): boolean;
  isResetWord(typed: string): boolean;
  create(pin: string): Promise<void>;
  enter(pin: string): Promise<PinTry>;
  reset(): Promise<void>;
  back(): void;
}

function pinInput(id: string, autocomplete: string) {
  // no native constraints: the app's own (translated) sentences say what is wrong
  return h('input', { id, type: 'password', inputmode: 'numeric', maxlength: 8, autocomplete, 'data-key': id, class: 'pin-input' });
}

export function pinScreen(o: PinScreenOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert', id: 'pin-error' });
  const wait = h('p', { class: 'pin-wait', role: 'status', 'aria-live': 'polite', id: 'pin-wait' });
  const root = h('section', { class: 'pin-screen', 'aria-labelledby': 'pin-screen-h' });

  const body: HTMLElement[] = [];
  if (o.mode === 'create') {
    const first = pinInput('pin-new', 'new-password');
    const again = pinInput('pin-confirm', 'new-password');
    body.push(
      h('h2', { id: 'pin-screen-h', tabindex: -1 }, t('instructor.pin.createTitle')),
      h('p', {}, t('instructor.pin.createIntro')),
      o.message ? h('p', { class: 'status-line tone-good', role: 'status' }, o.message) : h('span'),
      h(
        'form',
        {
          novalidate: true,
          class: 'pin-form',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            if (!o.isValid(first.value)) {
              error.textContent = t('instructor.pin.invalid');
              return first.focus();
            }
            if (first.value !== again.value) {
              error.textContent = t('instructor.pin.mismatch');
              again.value = '';
              return again.focus();
            }
            error.textContent = '';
            await o.create(first.value);
          },
        },
        h('label', { for: 'pin-new' }, t('instructor.pin.new')),
        first,
        h('label', { for: 'pin-confirm' }, t('instructor.pin.confirm')),
        again,
        error,
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-key': 'pin-save' }, t('instructor.pin.save')), h('button', { type: 'button', class: 'secondary', onclick: o.back }, t('instructor.exit'))),
      ),
    );
  } else {
    const input = pinInput('pin-enter', 'current-password');
    const submit = h('button', { type: 'submit', class: 'primary', 'data-key': 'pin-go' }, t('instructor.pin.enterButton'));
    let timer: ReturnType<typeof setInterval> | undefined;
    const countdown = (seconds: number) => {
      clearInterval(timer);
      let left = seconds;
      const tick = () => {
        if (!root.isConnected && left < seconds) return clearInterval(timer);
        if (left <= 0) {
          clearInterval(timer);
          wait.textContent = '';
          submit.disabled = false;
          return;
        }
        wait.textContent = t('instructor.wait', { count: left });
        submit.disabled = true;
        left--;
      };
      tick();
      if (seconds > 0) timer = setInterval(tick, 1000);
    };
    const resetWord = h('input', { id: 'pin-reset-word', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', 'data-key': 'pin-reset-word' });
    const resetError = h('p', { class: 'form-error', role: 'alert' });
    const resetBox = h(
      'form',
      {
        novalidate: true,
        class: 'pin-reset',
        id: 'pin-reset',
        hidden: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!o.isResetWord(resetWord.value)) {
            resetError.textContent = t('instructor.pin.resetWrongWord', { word: t('instructor.pin.resetWord') });
            return resetWord.focus();
          }
          await o.reset();
        },
      },
      h('h3', {}, t('instructor.pin.resetTitle')),
      h('p', {}, t('instructor.pin.resetExplain')),
      h('label', { for: 'pin-reset-word' }, t('instructor.pin.resetPrompt', { word: t('instructor.pin.resetWord') })),
      resetWord,
      resetError,
      h('button', { type: 'submit', class: 'danger', 'data-key': 'pin-reset-go' }, t('instructor.pin.resetButton')),
    );
    const forgot = h(
      'button',
      {
        type: 'button',
        class: 'link',
        'aria-expanded': 'false',
        'aria-controls': 'pin-reset',
        'data-key': 'pin-forgot',
        onclick: () => {
          resetBox.hidden = !resetBox.hidden;
          forgot.setAttribute('aria-expanded', String(!resetBox.hidden));
          if (!resetBox.hidden) resetWord.focus();
        },
      },
      t('instructor.pin.forgot'),
    );
    body.push(
      h('h2', { id: 'pin-screen-h', tabindex: -1 }, t('instructor.pin.enterTitle')),
      o.message ? h('p', { class: 'status-line tone-info', role: 'status' }, o.message) : h('span'),
      h(
        'form',
        {
          novalidate: true,
          class: 'pin-form',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            if (submit.disabled) return;
            submit.disabled = true;
            const r = await o.enter(input.value);
            if (r.ok) return;
            submit.disabled = false;
            input.value = '';
            error.textContent = r.locked ? t('instructor.pin.locked') : t('instructor.pin.wrong');
            countdown(r.waitSeconds);
            input.focus();
          },
        },
        h('label', { for: 'pin-enter' }, t('instructor.pin.prompt')),
        input,
        error,
        wait,
        h('div', { class: 'row' }, submit, h('button', { type: 'button', class: 'secondary', onclick: o.back }, t('instructor.exit'))),
      ),
      forgot,
      resetBox,
    );
    if (o.waitSeconds > 0) countdown(o.waitSeconds);
  }
  root.append(...body);
  return root;
}
