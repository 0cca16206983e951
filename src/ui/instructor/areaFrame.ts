/** The frame of the instructor area once unlocked: the tab bar between its screens (buttons, aria-current), the lock button, and shared date and number formats. */
import { lang, t } from '../../i18n';
import { h } from '../dom';

export const TABS = ['class', 'assign', 'results', 'replay', 'scenarios', 'tablets'] as const;
export type Tab = (typeof TABS)[number];

export interface FrameOptions {
  current: Tab;
  go(tab: Tab): void;
  lock(): void;
  /** Shown above the screen (e.g. "the PIN was reset on …"). */
  notice?: string;
}

export function areaFrame(o: FrameOptions, screen: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'instructor' },
    h(
      'div',
      { class: 'instructor-top' },
      h('h2', { class: 'instructor-title' }, t('instructor.title')),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'lock', onclick: o.lock }, t('instructor.lock')),
    ),
    h(
      'nav',
      { class: 'instructor-tabs', 'aria-label': t('instructor.nav') },
      h(
        'ul',
        { role: 'list' },
        TABS.map((tab) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'tab', 'data-key': `tab:${tab}`, 'data-tab': tab, 'aria-current': tab === o.current ? 'page' : undefined, onclick: () => o.go(tab) },
              t(`instructor.tabs.${tab}`),
            ),
          ),
        ),
      ),
    ),
    o.notice ? h('p', { class: 'instructor-notice', role: 'status' }, o.notice) : null,
    h('div', { class: 'instructor-screen' }, screen),
  );
}

/** A day and time, localised. */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}

/** An ISO day ("2025-06-30") or a time, as a localised date. */
export function formatDay(d: string | number): string {
  const date = typeof d === 'number' ? new Date(d) : new Date(`${d}T12:00:00`);
  return Number.isNaN(date.getTime()) ? String(d) : new Intl.DateTimeFormat(lang(), { dateStyle: 'medium' }).format(date);
}

/** A short status line for a screen (role=status so screen readers hear it). */
export function statusLine(text: string | undefined, tone: 'good' | 'bad' | 'info' = 'info'): HTMLElement {
  return h('p', { class: `status-line tone-${tone}`, role: tone === 'bad' ? 'alert' : 'status' }, text ?? '');
}
