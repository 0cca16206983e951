/** Scenarios written by instructors: import a file (checked exactly like `npm run scenarios:check`, problems shown as path and sentence, nothing kept if it fails), list and remove imported versions, export any scenario or an assignment pack for another tablet. */
import { formatNumber, t } from '../../i18n';
import { h } from '../dom';
import { formatDateTime } from './areaFrame';

export interface ScenarioItem {
  id: string;
  version: number;
  title: string;
  builtin: boolean;
  importedAt?: number;
  /** Attempts on this device that used this version. */
  attempts: number;
}

export type CheckState =
  | { state: 'idle' }
  | { state: 'checking'; file: string; step: 'reading' | 'validating' | 'exploring' }
  | { state: 'failed'; file: string; problems: { path: string; message: string }[]; stored?: false }
  | { state: 'done'; file: string; message: string };

export interface ScenariosScreenOptions {
  scenarios: ScenarioItem[];
  groups: string[];
  check: CheckState;
  importFile(file: File): void;
  exportScenario(id: string, version: number): void;
  remove(id: string, version: number): void;
  exportPack(group: string | undefined): void;
}

function checkBox(c: CheckState): HTMLElement | null {
  switch (c.state) {
    case 'idle':
      return h('div', { class: 'check-box', role: 'status', 'aria-live': 'polite' });
    case 'checking':
      return h(
        'div',
        { class: 'check-box checking', role: 'status', 'aria-live': 'polite', 'aria-busy': 'true' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        t(`instructor.scenarios.step.${c.step}`, { file: c.file }),
      );
    case 'done':
      return h('div', { class: 'check-box tone-good', role: 'status', 'aria-live': 'polite' }, `✓ ${c.message}`);
    case 'failed':
      return h(
        'div',
        { class: 'check-box problem-box', role: 'alert' },
        h('p', {}, h('strong', {}, t('instructor.scenarios.failed', { file: c.file, count: c.problems.length }))),
        h(
          'ul',
          { class: 'problems' },
          c.problems.slice(0, 50).map((p) => h('li', {}, h('code', { translate: 'no' }, p.path), ` : ${p.message}`)),
        ),
        c.problems.length > 50 ? h('p', {}, t('instructor.scenarios.moreProblems', { count: c.problems.length - 50 })) : null,
        h('p', {}, t('instructor.scenarios.nothingStored')),
      );
  }
}

export function scenariosScreen(o: ScenariosScreenOptions): HTMLElement {
  const busy = o.check.state === 'checking';
  const file = h('input', {
    id: 'scenario-file',
    type: 'file',
    accept: '.json,application/json',
    class: 'file-input',
    disabled: busy,
    onchange: (e: Event) => {
      const input = e.target as HTMLInputElement;
      const f = input.files?.[0];
      if (f) o.importFile(f);
      input.value = '';
    },
  });
  const packGroup = h(
    'select',
    { id: 'pack-group', 'data-key': 'pack-group' },
    h('option', { value: '*' }, t('instructor.scenarios.packAllGroups')),
    o.groups.map((g) => h('option', { value: g }, g)),
  );
  const imported = o.scenarios.filter((s) => !s.builtin);
  const builtin = o.scenarios.filter((s) => s.builtin);
  const row = (s: ScenarioItem) =>
    h(
      'li',
      { class: 'scenario-row', 'data-scenario': s.id, 'data-version': s.version },
      h('strong', {}, s.title),
      h(
        'span',
        { class: 'muted' },
        h('code', { translate: 'no' }, s.id),
        ' · ',
        [
          t('instructor.scenarios.version', { version: formatNumber(s.version) }),
          s.importedAt ? t('instructor.scenarios.importedAt', { date: formatDateTime(s.importedAt) }) : t('instructor.scenarios.builtin'),
          t('instructor.scenarios.attempts', { count: s.attempts }),
        ].join(' · '),
      ),
      h(
        'span',
        { class: 'row' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('instructor.scenarios.export')} — ${s.title} v${s.version}`, onclick: () => o.exportScenario(s.id, s.version) }, t('instructor.scenarios.export')),
        s.builtin
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'aria-label': `${t('instructor.scenarios.remove')} — ${s.title} v${s.version}`,
                onclick: () => {
                  const text = s.attempts ? t('instructor.scenarios.removeConfirmAttempts', { title: s.title, version: s.version, count: s.attempts }) : t('instructor.scenarios.removeConfirm', { title: s.title, version: s.version });
                  if (confirm(text)) o.remove(s.id, s.version);
                },
              },
              t('instructor.scenarios.remove'),
            ),
      ),
    );
  return h(
    'section',
    { class: 'scenarios-screen', 'aria-labelledby': 'scenarios-h' },
    h('h3', { id: 'scenarios-h', tabindex: -1 }, t('instructor.scenarios.heading')),
    h('p', { class: 'muted' }, t('instructor.scenarios.intro')),
    h('div', { class: 'row' }, file, h('label', { for: 'scenario-file', class: `file-label primary-label${busy ? ' is-disabled' : ''}` }, t('instructor.scenarios.import'))),
    checkBox(o.check),
    h('h4', {}, t('instructor.scenarios.imported')),
    imported.length ? h('ul', { class: 'scenario-rows', role: 'list' }, imported.map(row)) : h('p', { class: 'muted', 'data-testid': 'no-imported' }, t('instructor.scenarios.noneImported')),
    h('h4', {}, t('instructor.scenarios.builtinHeading')),
    h('ul', { class: 'scenario-rows', role: 'list' }, builtin.map(row)),
    h('h4', {}, t('instructor.scenarios.packHeading')),
    h('p', { class: 'muted' }, t('instructor.scenarios.packIntro')),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'pack-group' }, t('instructor.scenarios.packGroup')),
      packGroup,
      h('button', { type: 'button', class: 'secondary', 'data-key': 'pack-go', onclick: () => o.exportPack(packGroup.value === '*' ? undefined : packGroup.value) }, t('instructor.scenarios.packExport')),
    ),
  );
}
