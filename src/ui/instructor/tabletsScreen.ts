/**
 * Several tablets: name this tablet and export its class data (after a
 * confirmation, in a file named after the tablet and the second), import the
 * files of other tablets (or an assignment pack) at once, merged without
 * duplicates, with a report per file, and see when each tablet was last
 * collected; and turn this tablet into a career-day kiosk, with the course's
 * page shown as a QR code.
 */
import { t } from '../../i18n';
import { h } from '../dom';
import { KIOSK_IDLE_MAX, KIOSK_IDLE_MIN } from '../kioskScreen';
import { courseUrl, COURSE_URL_MAX } from '../qrCode';
import { formatDateTime, statusLine } from './areaFrame';

export interface FileReportLine {
  name: string;
  ok: boolean;
  text: string;
}

/** When a tablet's data was last collected here: its export's date and the import's (ISO). */
export interface TabletImportLine {
  tablet: string;
  exportedAt: string;
  importedAt: string;
}

export interface TabletsScreenOptions {
  busy: boolean;
  reports: FileReportLine[];
  /** This tablet's name ('' when none yet). */
  tabletName: string;
  /** What the last action did (the name saved). */
  message?: { text: string; tone: 'good' | 'bad' };
  saveTabletName(name: string): void;
  exportTablet(): void;
  importFiles(files: File[]): void;
  /** The tablets collected on this device, the last collected first. */
  imports: TabletImportLine[];
  /** Seconds without a touch before the kiosk goes back to its start screen. */
  kioskIdle: number;
  /** The course's page the kiosk shows as a QR code ('' when none). */
  courseUrl: string;
  /** Starts the kiosk; `url`: the course's page, checked, or '' for none. */
  startKiosk(idleSeconds: number, url: string): void;
}

/** When each tablet's data was last imported here: what "not started" in the results may still be waiting for. */
export function tabletImportsList(imports: readonly TabletImportLine[]): HTMLElement {
  return h(
    'section',
    { class: 'tablet-imports', 'aria-labelledby': 'tablet-imports-h' },
    h('h4', { id: 'tablet-imports-h' }, t('instructor.tablets.collectedHeading')),
    imports.length
      ? h('ul', {}, imports.map((i) => h('li', { 'data-tablet': i.tablet }, t('instructor.tablets.collected', { tablet: i.tablet, exported: formatDateTime(Date.parse(i.exportedAt)), imported: formatDateTime(Date.parse(i.importedAt)) }))))
      : h('p', { class: 'muted' }, t('instructor.tablets.collectedNone')),
    h('p', { class: 'muted' }, t('instructor.tablets.collectedNote')),
  );
}

function nameBox(o: TabletsScreenOptions): HTMLElement {
  const input = h('input', { id: 'tablet-name', type: 'text', maxlength: 40, autocomplete: 'off', value: o.tabletName });
  return h(
    'form',
    {
      class: 'row tablet-name',
      onsubmit: (e: Event) => {
        e.preventDefault();
        o.saveTabletName(input.value);
      },
    },
    h('label', { for: 'tablet-name' }, t('instructor.tablets.name')),
    input,
    h('button', { type: 'submit', class: 'secondary', 'data-key': 'tablet-name-save' }, t('instructor.tablets.nameSave')),
  );
}


function kioskBox(o: TabletsScreenOptions): HTMLElement {
  const idle = h('input', { id: 'kiosk-idle', type: 'number', inputmode: 'numeric', min: KIOSK_IDLE_MIN, max: KIOSK_IDLE_MAX, step: 5, value: String(o.kioskIdle) });
  const url = h('input', { id: 'kiosk-url', type: 'url', inputmode: 'url', maxlength: COURSE_URL_MAX, autocomplete: 'off', spellcheck: 'false', placeholder: 'https://…', value: o.courseUrl });
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
        const page = url.value.trim() ? courseUrl(url.value) : '';
        if (page === null) {
          error.textContent = t('instructor.tablets.kioskUrlInvalid', { max: COURSE_URL_MAX });
          return url.focus();
        }
        o.startKiosk(seconds, page);
      },
    },
    h('h4', {}, t('instructor.tablets.kioskHeading')),
    h('p', {}, t('instructor.tablets.kioskIntro')),
    h('div', { class: 'row' }, h('label', { for: 'kiosk-idle' }, t('kiosk.idle')), idle),
    h('div', { class: 'row' }, h('label', { for: 'kiosk-url' }, t('instructor.tablets.kioskUrl')), url),
    h('p', { class: 'muted' }, t('instructor.tablets.kioskUrlHelp')),
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
    nameBox(o),
    o.message ? statusLine(o.message.text, o.message.tone) : null,
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
    tabletImportsList(o.imports),
    kioskBox(o),
  );
}
