/**
 * The home screen: every playable scenario with its summary, duration, TSBI
 * blocks and grades, and a mode to choose.
 */
import type { Decision, Mode } from '../engine/types';
import type { ScenarioCard } from '../engine/scenarioCard';
import { formatList, lang, t, tr } from '../i18n';
import { h } from './dom';

export interface HomeOptions {
  scenarios: ScenarioCard[];
  start(scenario: ScenarioCard, mode: Mode): void;
  profileName?: string;
  switchProfile?(): void;
  /** `notice`: why this attempt is offered ("Commencer" met it in progress). */
  resume?: { title: string; mode: Mode; count: number; missing?: string; notice?: string; resume(): void; discard(): void };
  /**
   * `late`: the due date has passed and it is not passed; `left`: attempts
   * still allowed (absent: no limit); `missing`: the scenario version it was
   * given on is not on this tablet (it cannot start).
   */
  assigned?: { id: string; title: string; mode: Mode; due?: string; status: 'todo' | 'passed' | 'failed'; late?: boolean; left?: number; missing?: string; start(): void }[];
  /** Why an assignment could not start (no attempt left). */
  notice?: string;
  /** `decision`: a pass that ended on a correct decision (lot on hold, rejected), said as such; `abandoned`, `late`: said too. */
  history?: { id: string; title: string; mode: Mode; score: number; passed: boolean; decision?: Decision; abandoned?: boolean; late?: boolean; date: number }[];
  backup?: { exportMine(): void; importFile(file: File): void; report?: string };
}

function resumeBox(r: NonNullable<HomeOptions['resume']>) {
  return h(
    'section',
    { class: 'resume-box', 'aria-labelledby': 'resume-h' },
    h('h2', { id: 'resume-h' }, t('resume.heading')),
    r.notice ? h('p', { role: 'status', class: 'notice' }, r.notice) : null,
    h('p', {}, r.missing ?? t('resume.text', { title: r.title, mode: t(`mode.${r.mode}`), count: r.count })),
    r.missing ? null : h('button', { type: 'button', class: 'primary', 'data-key': 'resume', onclick: r.resume }, t('resume.resume')),
    h('button', { type: 'button', class: 'secondary', onclick: r.discard }, t('resume.discard')),
  );
}

function assignedBox(list: NonNullable<HomeOptions['assigned']>) {
  return h(
    'section',
    { class: 'assigned-box', 'aria-labelledby': 'assigned-h' },
    h('h2', { id: 'assigned-h' }, t('assigned.heading')),
    h(
      'ul',
      { role: 'list', class: 'assigned-list' },
      list.map((a) =>
        h(
          'li',
          { class: `assigned-item status-${a.status}${a.late ? ' late' : ''}`, 'data-assignment': a.id },
          h('strong', {}, a.title),
          h(
            'span',
            {},
            [
              t('assigned.mode', { mode: t(`mode.${a.mode}`) }),
              a.due ? t('assigned.due', { date: formatDate(a.due) }) : null,
              t(`assigned.status.${a.status}`),
              a.left !== undefined ? t('assigned.left', { count: a.left }) : null,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
          a.late ? h('span', { class: 'badge late', 'data-key': 'late' }, t('assigned.late')) : null,
          a.missing ? h('p', { class: 'form-error' }, a.missing) : null,
          a.missing ? null : h('button', { type: 'button', class: 'primary', 'aria-label': `${t('assigned.start')} — ${a.title}`, onclick: a.start }, t('assigned.start')),
        ),
      ),
    ),
  );
}

function historyBox(list: NonNullable<HomeOptions['history']>) {
  return h(
    'section',
    { class: 'history-box', 'aria-labelledby': 'history-h' },
    h('h2', { id: 'history-h' }, t('history.heading')),
    list.length
      ? h(
          'ul',
          { class: 'history-list' },
          list.map((x) =>
            h('li', { 'data-attempt': x.id }, `${x.passed ? '✓' : '✗'} ${t('history.row', { title: x.title, mode: t(`mode.${x.mode}`), score: x.score, verdict: x.abandoned ? t('ending.abandoned') : x.decision ? t(`ending.${x.decision}`) : x.passed ? t('history.passed') : t('history.failed'), date: formatDate(x.date) })}${x.late ? ` — ${t('assigned.late')}` : ''}`),
          ),
        )
      : h('p', { class: 'muted' }, t('history.empty')),
  );
}

function backupBox(b: NonNullable<HomeOptions['backup']>) {
  const file = h('input', { id: 'backup-file', type: 'file', accept: '.json,application/json', class: 'file-input', onchange: (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) b.importFile(f);
  } });
  return h(
    'section',
    { class: 'backup-box', 'aria-labelledby': 'backup-h' },
    h('h2', { id: 'backup-h' }, t('backup.heading')),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', onclick: b.exportMine }, t('backup.exportMine')),
      file,
      h('label', { for: 'backup-file', class: 'file-label' }, t('backup.import')),
    ),
    b.report ? h('p', { role: 'status', class: 'report' }, b.report) : null,
  );
}

function formatDate(d: string | number): string {
  const date = typeof d === 'number' ? new Date(d) : new Date(`${d}T12:00:00`);
  return Number.isNaN(date.getTime()) ? String(d) : new Intl.DateTimeFormat(lang(), { dateStyle: 'medium' }).format(date);
}

export function homeScreen(o: HomeOptions): HTMLElement {
  const modes: Mode[] = ['training', 'discovery', 'assessment'];
  return h(
    'div',
    { class: 'home' },
    o.profileName
      ? h('p', { class: 'profile-line' }, h('span', {}, t('profile.current', { name: o.profileName })), o.switchProfile ? h('button', { type: 'button', class: 'secondary', onclick: o.switchProfile }, t('profile.switch')) : null)
      : null,
    o.resume ? resumeBox(o.resume) : null,
    o.notice ? h('p', { role: 'alert', class: 'form-error', 'data-key': 'home-notice' }, o.notice) : null,
    o.assigned?.length ? assignedBox(o.assigned) : null,
    h('h2', {}, t('home.heading')),
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
    o.history ? historyBox(o.history) : null,
    o.backup ? backupBox(o.backup) : null,
  );
}
