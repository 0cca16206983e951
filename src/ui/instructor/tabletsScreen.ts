/** Several tablets: export this tablet's class data, and import the files of other tablets (or an assignment pack) at once, merged without duplicates, with a report per file; and turn this tablet into a career-day kiosk. */
import { t } from '../../i18n';
import { h } from '../dom';
import { KIOSK_IDLE_MAX, KIOSK_IDLE_MIN } from '../kioskScreen';

export interface FileReportLine {
  name: string;
  ok: boolean;
  text: string;
}

export interface TabletsScreenOptions {
  busy: boolean;
  reports: FileReportLine[];
  exportTablet(): void;
  importFiles(files: File[]): void;
  /** Seconds without a touch before the kiosk goes back to its start screen. */
  kioskIdle: number;
  startKiosk(idleSeconds: number): void;
}


function kioskBox(o: TabletsScreenOptions): HTMLElement {
  const idle = h('input', { id: 'kiosk-idle', type: 'number', inputmode: 'numeric', min: KIOSK_IDLE_MIN, max: KIOSK_IDLE_MAX, step: 5, value: String(o.kioskIdle) });
  const error = h('p', { class: 'form-error', role: 'alert' });
  return h(
    'form',
    {
      class: 'kiosk-setup',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seconds = Number(idle.value);
        if (!Number.isInteger(seconds) || seconds < KIOSK_IDLE_MIN || seconds > KIOSK_IDLE_MAX) {
          error.textContent = t('instructor.tablets.kioskIdleRange', { min: KIOSK_IDLE_MIN, max: KIOSK_IDLE_MAX });
          return idle.focus();
        }
        o.startKiosk(seconds);
      },
    },
    h('h4', {}, t('instructor.tablets.kioskHeading')),
    h('p', {}, t('instructor.tablets.kioskIntro')),
    h('label', { for: 'kiosk-idle' }, t('kiosk.idle')),
    idle,
    error,
    h('button', { type: 'submit', class: 'primary', 'data-key': 'kiosk-start' }, t('kiosk.start')),
  );
}

export function tabletsScreen(o: TabletsScreenOptions): HTMLElement {
  const input = h('input', {
    id: 'tablet-files',
    type: 'file',
    multiple: true,
    accept: '.json,application/json',
    class: 'file-input',
    disabled: o.busy,
    onchange: (e: Event) => {
      const el = e.target as HTMLInputElement;
      const files = [...(el.files ?? [])];
      if (files.length) o.importFiles(files);
      el.value = '';
    },
  });
  return h(
    'section',
    { class: 'tablets-screen', 'aria-labelledby': 'tablets-h' },
    h('h3', { id: 'tablets-h', tabindex: -1 }, t('instructor.tablets.heading')),
    h('p', { class: 'muted' }, t('instructor.tablets.intro')),
    h('h4', {}, t('instructor.tablets.exportHeading')),
    h('p', {}, t('instructor.tablets.exportIntro')),
    h('button', { type: 'button', class: 'primary', 'data-key': 'tablet-export', onclick: o.exportTablet }, t('instructor.tablets.export')),
    h('h4', {}, t('instructor.tablets.importHeading')),
    h('p', {}, t('instructor.tablets.importIntro')),
    h('div', { class: 'row' }, input, h('label', { for: 'tablet-files', class: `file-label${o.busy ? ' is-disabled' : ''}` }, t('instructor.tablets.import'))),
    h(
      'div',
      { class: 'merge-report', role: 'status', 'aria-live': 'polite', 'aria-busy': String(o.busy) },
      o.busy ? h('p', {}, t('instructor.tablets.busy')) : null,
      o.reports.length
        ? h(
            'ul',
            { class: 'report-list' },
            o.reports.map((r) => h('li', { class: r.ok ? 'tone-good' : 'tone-bad', 'data-file': r.name }, h('strong', {}, `${r.ok ? '✓' : '✗'} `, h('span', { translate: 'no' }, r.name)), h('span', {}, ` — ${r.text}`))),
          )
        : null,
    ),
    kioskBox(o),
  );
}
