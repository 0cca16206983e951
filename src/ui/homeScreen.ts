/**
 * The home screen: every playable scenario with its summary, duration, TSBI
 * blocks and grades, a mode to choose, and problems of scenario files that
 * could not be offered.
 */
import type { Mode, Scenario } from '../engine/types';
import type { Problem } from '../engine/validateScenario';
import { formatList, t, tr } from '../i18n';
import { h } from './dom';

export interface HomeOptions {
  scenarios: Scenario[];
  broken: { file: string; problems: Problem[] }[];
  start(scenario: Scenario, mode: Mode): void;
}

export function homeScreen(o: HomeOptions): HTMLElement {
  const modes: Mode[] = ['training', 'discovery', 'assessment'];
  return h(
    'div',
    { class: 'home' },
    h('h2', {}, t('home.heading')),
    o.broken.map((b) =>
      h('div', { class: 'problem-box', role: 'alert' }, h('p', {}, t('errors.scenarioBroken', { file: b.file })), h('ul', {}, b.problems.slice(0, 10).map((p) => h('li', {}, `${p.path}: ${tr(p.message)}`)))),
    ),
    h(
      'ul',
      { class: 'scenario-list', role: 'list' },
      o.scenarios.map((s) => {
        const name = `mode-${s.id}`;
        const picker = h(
          'fieldset',
          { class: 'mode-picker' },
          h('legend', {}, t('home.mode')),
          modes.map((m, i) =>
            h(
              'label',
              { class: 'mode-option' },
              h('input', { type: 'radio', name, value: m, checked: s.id === 'discovery' ? m === 'discovery' : i === 0 }),
              h('span', {}, t(`mode.${m}`)),
              h('small', {}, t(`mode.${m}Help`)),
            ),
          ),
        );
        return h(
          'li',
          { class: 'scenario-card', 'data-scenario': s.id },
          h('h3', {}, tr(s.title)),
          h('p', {}, tr(s.summary)),
          h('p', { class: 'meta' }, [t('home.minutes', { count: s.minutes }), t('home.blocks', { list: formatList(s.blocks.map(String)) }), t('home.grades', { list: formatList(s.grades) })].join(' · ')),
          h('details', {}, h('summary', {}, t('home.objectives')), h('ul', {}, s.objectives.map((x) => h('li', {}, tr(x))))),
          picker,
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'aria-label': `${t('home.start')} — ${tr(s.title)}`,
              onclick: () => {
                const chosen = picker.querySelector<HTMLInputElement>('input:checked')?.value as Mode | undefined;
                o.start(s, chosen ?? 'training');
              },
            },
            t('home.start'),
          ),
        );
      }),
    ),
  );
}
