/**
 * The trainee code asked before playing under a profile that has one: a
 * 4-digit keypad (0–9, erase, OK) that also takes typed digits, Backspace and
 * Enter. A wrong code opens nothing and says so; the pause after repeated
 * wrong codes is decided by the app (identity.ts, CodeTries) and said here.
 */
import { TRAINEE_CODE_DIGITS } from '../engine/identity';
import { t } from '../i18n';
import { h } from './dom';

export type CodeAnswer = { ok: true } | { ok: false; reason: 'wrong' | 'locked'; waitSeconds: number };

export interface CodeScreenOptions {
  /** The profile's name, as shown in the list. */
  name: string;
  /** Judges a 4-digit code; on ok the app moves on (this screen is replaced). */
  check(code: string): Promise<CodeAnswer>;
  /** Back to the profile list, nothing opened. */
  cancel(): void;
}

export function codeScreen(o: CodeScreenOptions): HTMLElement {
  const message = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'code-message' });
  const input = h('input', {
    id: 'trainee-code',
    type: 'password',
    // the keypad below is the tablet's keyboard: no system keyboard over it; a real keyboard still types
    inputmode: 'none',
    maxlength: TRAINEE_CODE_DIGITS,
    autocomplete: 'off',
    class: 'pin-input',
    'data-key': 'trainee-code',
    oninput: () => (input.value = input.value.replace(/\D/g, '').slice(0, TRAINEE_CODE_DIGITS)),
  });
  let busy = false;
  const put = (digit: string) => {
    if (input.value.length < TRAINEE_CODE_DIGITS) input.value += digit;
  };
  const erase = () => (input.value = input.value.slice(0, -1));
  const submit = async () => {
    if (busy) return;
    const code = input.value;
    if (code.length !== TRAINEE_CODE_DIGITS) {
      message.textContent = t('code.incomplete', { count: TRAINEE_CODE_DIGITS });
      return;
    }
    busy = true;
    message.textContent = '';
    const answer = await o.check(code).finally(() => (busy = false));
    if (answer.ok) return;
    input.value = '';
    message.textContent =
      answer.reason === 'locked'
        ? t('code.locked', { count: answer.waitSeconds })
        : answer.waitSeconds > 0
          ? `${t('code.wrong')} ${t('code.pause', { count: answer.waitSeconds })}`
          : t('code.wrong');
  };
  const key = (label: string, dataKey: string, run: () => void, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', class: 'code-key', 'data-key': dataKey, onclick: run, ...extra }, label);
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => key(d, `code-digit-${d}`, () => put(d)));
  const root = h(
    'section',
    {
      class: 'pin-screen code-screen',
      'aria-labelledby': 'code-h',
      // typed digits reach the code wherever the focus is on this screen
      onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (e.target === input) return;
        if (/^\d$/.test(k)) (e.preventDefault(), put(k));
        else if (k === 'Backspace') (e.preventDefault(), erase());
      },
    },
    h('h2', { id: 'code-h', tabindex: -1 }, t('code.heading', { name: o.name })),
    h('p', {}, t('code.intro')),
    h(
      'form',
      { class: 'pin-form', novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void submit()) },
      h('label', { for: 'trainee-code' }, t('code.label')),
      input,
      h(
        'div',
        { class: 'code-keypad', role: 'group', 'aria-label': t('code.keypad') },
        digits,
        key(t('code.erase'), 'code-erase', erase, { 'aria-label': t('code.eraseLabel') }),
        key('0', 'code-digit-0', () => put('0')),
        h('button', { type: 'submit', class: 'code-key primary', 'data-key': 'code-ok' }, t('code.ok')),
      ),
      message,
    ),
    h('p', { class: 'muted' }, t('code.forgotten')),
    h('button', { type: 'button', class: 'secondary', 'data-key': 'code-back', onclick: () => o.cancel() }, t('code.back')),
  );
  return root;
}
