/** The storage warnings area: each problem as a sentence, with an action (export) where one helps, and a dismiss button. */
import { t } from '../i18n';
import { h } from './dom';

export function warningBanner(el: HTMLElement, text: string, action?: { label: string; run(): void }, kind: 'warning' | 'info' = 'warning') {
  if ([...el.querySelectorAll('.warning-text')].some((p) => p.textContent === text)) return;
  const box = h(
    'div',
    { class: `warning ${kind}`, role: kind === 'warning' ? 'alert' : 'status' },
    kind === 'warning' ? h('strong', {}, `⚠ ${t('storage.warning')} — `) : null,
    h('span', { class: 'warning-text' }, text),
    action ? h('button', { type: 'button', class: 'secondary', onclick: action.run }, action.label) : null,
    h('button', { type: 'button', class: 'link', onclick: () => box.remove() }, t('storage.dismiss')),
  );
  el.append(box);
}
