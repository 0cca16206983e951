/** Results of the class: filters (group, scenario, mode, dates), where each trainee stands on each assignment, the table trainees × scenarios, scores by category, the mistakes the group makes most often with their explanations, every attempt (to replay it), and CSV / JSON export. */
import type { EndingKind } from '../../engine/ending';
import { PROGRESS_ORDER, type CategoryAverage, type FrequentMistake, type ProgressRow, type ProgressStatus, type ResultCell, type ResultRow, type TraineeKey } from '../../engine/results';
import type { Category, Mode } from '../../engine/types';
import { formatNumber, t, tr } from '../../i18n';
import { h } from '../dom';
import { formatDateTime, formatDay } from './areaFrame';
import { endingLabel } from './resultsCsv';

/** An ending as the tables show it: a tick for a pass (a correct decision is one), a cross otherwise, and its words. */
export const endingMark = (e: EndingKind) => `${e === 'passed' || e === 'hold' || e === 'reject' ? '✓' : '✗'} ${endingLabel(e)}`;

/** The modes the filter offers, the exam first (the default). */
const FILTER_MODES: readonly Mode[] = ['assessment', 'training', 'discovery'];

export interface ResultsFilter {
  group?: string;
  scenarioId?: string;
  /** Only this mode; absent: every mode (each pass still says its mode). */
  mode?: Mode;
  /** ISO days, inclusive. */
  from?: string;
  to?: string;
}

export interface AttemptLine {
  id: string;
  trainee: string;
  group?: string;
  scenarioTitle: string;
  /** The version of the scenario the attempt was made on. */
  scenarioVersion?: number;
  mode: Mode;
  /** The assignment it was made for, in words ("groupe TSBI-A"); absent for free practice. */
  assignment?: string;
  /** That assignment's due date (ISO day). */
  due?: string;
  /** Finished after the due date. */
  late?: boolean;
  endedAt: number;
  score: number;
  passed: boolean;
  /** How it ended: passed, failed, failed on a critical rule, or the correct decision that ended it. */
  ending: EndingKind;
  /** The score the engine gives when it replays the events; null when the scenario is missing. */
  replayedScore: number | null;
  mismatch: boolean;
  /** The version of the rules that judged the recorded score, when it is not the current one: its replay may differ. */
  judgedBy: number | null;
}

/** One assignment and where each trainee it is for stands. */
export interface AssignmentProgressView {
  id: string;
  scenarioTitle: string;
  /** "groupe TSBI-A", or the trainee's name. */
  targetLabel: string;
  mode: 'training' | 'assessment';
  due?: string;
  rows: ProgressRow[];
  counts: Record<ProgressStatus, number> & { total: number };
  /** "N en retard": past the due date, the trainees who have not passed (the Devoirs list's count, src/engine/exam.ts lateCount). */
  late: number;
}

export interface ResultsScreenOptions {
  filter: ResultsFilter;
  assignments: AssignmentProgressView[];
  groups: string[];
  scenarios: { id: string; title: string }[];
  rows: ResultRow[];
  categories: CategoryAverage[];
  byTrainee: { trainee: TraineeKey; byCategory: Partial<Record<Category, number>>; attempts: number }[];
  mistakes: FrequentMistake[];
  attempts: AttemptLine[];
  setFilter(f: ResultsFilter): void;
  exportCsv(): void;
  exportAttemptsCsv(): void;
  exportJson(): void;
  replay(attemptId: string): void;
}

const ATTEMPTS_SHOWN = 200;

/** What the results show first, and again after "Effacer les filtres": the exams of every group. */
export const DEFAULT_FILTER: ResultsFilter = { mode: 'assessment' };

/** A cell's verdict: an exam pass, a pass in training (never shown as an exam pass), or not yet. */
function verdict(cell: ResultCell): { mark: string; className: string } {
  if (cell.passedAssessment) return { mark: `✓ ${t('instructor.results.passedAssessment')}`, className: 'cell-passed' };
  if (cell.passedPractice) return { mark: `✓ ${t('instructor.results.passedPractice')}`, className: 'cell-practice' };
  return { mark: `✗ ${t('instructor.results.notPassed')}`, className: 'cell-failed' };
}

function filters(o: ResultsScreenOptions) {
  const group = h(
    'select',
    { id: 'filter-group', 'data-key': 'filter-group' },
    h('option', { value: '*', selected: o.filter.group === undefined }, t('instructor.results.allGroups')),
    o.groups.map((g) => h('option', { value: g, selected: o.filter.group === g }, g)),
    h('option', { value: '', selected: o.filter.group === '' }, t('instructor.class.noGroup')),
  );
  const scenario = h(
    'select',
    { id: 'filter-scenario', 'data-key': 'filter-scenario' },
    h('option', { value: '*', selected: o.filter.scenarioId === undefined }, t('instructor.results.allScenarios')),
    o.scenarios.map((s) => h('option', { value: s.id, selected: o.filter.scenarioId === s.id }, s.title)),
  );
  const mode = h(
    'select',
    { id: 'filter-mode', 'data-key': 'filter-mode' },
    FILTER_MODES.map((m) => h('option', { value: m, selected: o.filter.mode === m }, t(`mode.${m}`))),
    h('option', { value: '*', selected: o.filter.mode === undefined }, t('instructor.results.allModes')),
  );
  const from = h('input', { id: 'filter-from', type: 'date', value: o.filter.from ?? '', 'data-key': 'filter-from' });
  const to = h('input', { id: 'filter-to', type: 'date', value: o.filter.to ?? '', 'data-key': 'filter-to' });
  const apply = () =>
    o.setFilter({
      ...(group.value !== '*' ? { group: group.value } : {}),
      ...(scenario.value !== '*' ? { scenarioId: scenario.value } : {}),
      ...(mode.value !== '*' ? { mode: mode.value as Mode } : {}),
      ...(from.value ? { from: from.value } : {}),
      ...(to.value ? { to: to.value } : {}),
    });
  for (const el of [group, scenario, mode, from, to]) el.addEventListener('change', apply);
  return h(
    'form',
    { novalidate: true, class: 'filters', 'aria-label': t('instructor.results.filters'), onsubmit: (e: Event) => (e.preventDefault(), apply()) },
    h('div', { class: 'field' }, h('label', { for: 'filter-group' }, t('instructor.results.group')), group),
    h('div', { class: 'field' }, h('label', { for: 'filter-scenario' }, t('instructor.results.scenario')), scenario),
    h('div', { class: 'field' }, h('label', { for: 'filter-mode' }, t('instructor.results.mode')), mode),
    h('div', { class: 'field' }, h('label', { for: 'filter-from' }, t('instructor.results.from')), from),
    h('div', { class: 'field' }, h('label', { for: 'filter-to' }, t('instructor.results.to')), to),
    h('button', { type: 'button', class: 'secondary', 'data-key': 'filter-clear', onclick: () => o.setFilter(DEFAULT_FILTER) }, t('instructor.results.clear')),
  );
}

function who(k: TraineeKey): string {
  return k.profileIds.length > 1 ? t('instructor.results.sameName', { name: k.name, count: k.profileIds.length }) : k.name;
}

function table(o: ResultsScreenOptions) {
  const columns = o.scenarios.filter((s) => o.filter.scenarioId === undefined || s.id === o.filter.scenarioId).filter((s) => o.rows.some((r) => r.cells[s.id]) || o.filter.scenarioId === s.id);
  if (!o.rows.length) return h('p', { class: 'muted' }, t('instructor.results.noTrainee'));
  if (!columns.length) return h('p', { class: 'muted' }, t('instructor.results.noAttempt'));
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'results-table-h' },
    h(
      'table',
      { class: 'results-table' },
      h('caption', { class: 'sr-only' }, t('instructor.results.tableCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('instructor.results.trainee')), h('th', { scope: 'col' }, t('instructor.results.group')), columns.map((c) => h('th', { scope: 'col' }, c.title)))),
      h(
        'tbody',
        {},
        o.rows.map((r) =>
          h(
            'tr',
            { 'data-row': r.trainee.name },
            h('th', { scope: 'row', translate: 'no' }, who(r.trainee)),
            h('td', { translate: 'no' }, r.trainee.group ?? '—'),
            columns.map((c) => {
              const cell = r.cells[c.id];
              if (!cell) return h('td', { class: 'cell-empty' }, h('span', { class: 'sr-only' }, t('instructor.results.notPlayed')), h('span', { 'aria-hidden': 'true' }, '—'));
              const v = verdict(cell);
              return h(
                'td',
                { class: v.className, 'data-scenario': c.id },
                h('span', { class: 'verdict-mark' }, v.mark),
                // the last attempt's ending when it says more than passed or not: a decision, a critical rule
                cell.lastEnding !== 'passed' && cell.lastEnding !== 'failed' ? h('span', { class: 'muted', 'data-testid': 'last-ending' }, endingMark(cell.lastEnding)) : null,
                h('span', {}, t('instructor.results.bestLast', { best: cell.best === null ? '—' : formatNumber(cell.best), last: formatNumber(cell.last) })),
                h('span', { class: 'muted' }, [t('instructor.results.attemptsCount', { count: cell.attempts }), cell.abandoned ? t('instructor.results.abandonedCount', { count: cell.abandoned }) : null, cell.late ? t('instructor.results.lateCount', { count: cell.late }) : null].filter(Boolean).join(' · ')),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/** A trainee's place on an assignment in words: "✓ réussi — 85/100", "en cours · en retard". */
function progressText(r: ProgressRow): string {
  const words = t(`instructor.progress.${r.status}`);
  const done = r.status === 'passed' || r.status === 'failed';
  const head = done ? `${r.status === 'passed' ? '✓' : '✗'} ${words}` : words;
  const parts = [head];
  if (done && r.ending && r.ending !== 'passed' && r.ending !== 'failed') parts.push(endingLabel(r.ending));
  if (r.late && r.status !== 'late') parts.push(t('instructor.results.late'));
  return parts.join(' · ');
}

function assignmentCard(a: AssignmentProgressView) {
  const head = [a.scenarioTitle, a.targetLabel, t(`mode.${a.mode}`), a.due ? t('instructor.progress.due', { date: formatDay(a.due) }) : null].filter(Boolean).join(' · ');
  const counts = PROGRESS_ORDER.filter((s) => a.counts[s] > 0)
    .map((s) => t(`instructor.progress.count.${s}`, { count: a.counts[s] }))
    .join(' · ');
  const id = `progress-${a.id}`;
  return h(
    'section',
    { class: 'progress-card', 'data-assignment': a.id, 'aria-labelledby': id },
    h('h5', { id }, head),
    h('p', { class: 'muted', 'data-testid': 'progress-counts' }, `${t('instructor.progress.total', { count: a.counts.total })}${counts ? ` — ${counts}` : ''}`),
    a.late ? h('p', {}, h('span', { class: 'badge late', 'data-testid': 'progress-late' }, t('instructor.assign.late', { count: a.late }))) : null,
    a.rows.length
      ? h(
          'div',
          { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': id },
          h(
            'table',
            { class: 'progress-table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('instructor.results.trainee')), h('th', { scope: 'col' }, t('instructor.progress.status')), h('th', { scope: 'col' }, t('instructor.results.score')), h('th', { scope: 'col' }, t('instructor.progress.attempts')))),
            h(
              'tbody',
              {},
              a.rows.map((r) =>
                h(
                  'tr',
                  { 'data-row': r.trainee.name, 'data-status': r.status, ...(r.late ? { 'data-late': 'true' } : {}) },
                  h('th', { scope: 'row', translate: 'no' }, who(r.trainee)),
                  h('td', { class: `progress-${r.status}` }, progressText(r)),
                  h('td', {}, r.score === undefined ? '—' : `${formatNumber(r.score)}/100`),
                  h('td', {}, String(r.attempts)),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('instructor.progress.nobody')),
  );
}

function assignments(o: ResultsScreenOptions) {
  if (!o.assignments.length) return h('p', { class: 'muted' }, t('instructor.progress.none'));
  return h('div', { class: 'progress-list' }, o.assignments.map(assignmentCard));
}

function categories(o: ResultsScreenOptions) {
  const cats = o.categories.map((c) => c.category);
  if (!cats.length) return h('p', { class: 'muted' }, t('instructor.results.noAttempt'));
  const played = o.byTrainee.filter((r) => r.attempts > 0);
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'results-cat-h' },
    h(
      'table',
      { class: 'results-table category-table' },
      h('caption', { class: 'sr-only' }, t('instructor.results.categoryCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('instructor.results.trainee')), cats.map((c) => h('th', { scope: 'col' }, t(`category.${c}`))))),
      h(
        'tbody',
        {},
        played.map((r) => h('tr', {}, h('th', { scope: 'row', translate: 'no' }, who(r.trainee)), cats.map((c) => h('td', {}, r.byCategory[c] === undefined ? '—' : formatNumber(r.byCategory[c]!))))),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t('instructor.results.groupAverage')),
          o.categories.map((c) =>
            h('td', {}, h('meter', { min: 0, max: 100, value: c.average, 'aria-hidden': 'true' }), ` ${formatNumber(c.average)}`),
          ),
        ),
      ),
    ),
  );
}

export function mistakeHeading(m: Pick<FrequentMistake, 'kind' | 'critical' | 'title'>): string {
  if (m.kind === 'violation') return `${m.critical ? t('outcome.critical') : t('outcome.violation')} — ${tr(m.title)}`;
  if (m.kind === 'early') return t('outcome.early', { title: tr(m.title) });
  return `${t('outcome.wrongValue')} — ${tr(m.title)}`;
}

function mistakes(o: ResultsScreenOptions) {
  if (!o.mistakes.length) return h('p', { class: 'muted' }, t('instructor.results.noMistakes'));
  const title = (id: string) => o.scenarios.find((s) => s.id === id)?.title ?? id;
  return h(
    'ol',
    { class: 'frequent-mistakes' },
    o.mistakes.slice(0, 20).map((m) =>
      h(
        'li',
        { class: m.critical ? 'critical' : '', 'data-ref': m.ref },
        h('strong', {}, mistakeHeading(m)),
        m.explanation && (m.kind !== 'violation' || tr(m.explanation) !== tr(m.title)) ? h('p', {}, tr(m.explanation)) : null,
        m.reason ? h('p', { class: 'reason' }, h('em', {}, `${t('debrief.criticalReason')} `), tr(m.reason)) : null,
        h(
          'p',
          { class: 'muted' },
          [title(m.scenarioId), m.category ? t(`category.${m.category}`) : null, t('instructor.results.mistakeCount', { count: m.count, trainees: m.trainees, attempts: m.attempts })].filter(Boolean).join(' · '),
        ),
      ),
    ),
  );
}

function attempts(o: ResultsScreenOptions) {
  if (!o.attempts.length) return h('p', { class: 'muted' }, t('instructor.results.noAttempt'));
  const shown = o.attempts.slice(0, ATTEMPTS_SHOWN);
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'results-attempts-h' },
      h(
        'table',
        { class: 'results-table attempts-table' },
        h('caption', { class: 'sr-only' }, t('instructor.results.attemptsCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('instructor.results.date'), t('instructor.results.trainee'), t('instructor.results.scenario'), t('instructor.results.mode'), t('instructor.results.score'), t('instructor.results.verdict'), t('instructor.results.actions')].map((x) =>
              h('th', { scope: 'col' }, x),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          shown.map((a) =>
            h(
              'tr',
              { 'data-attempt': a.id },
              h('td', {}, formatDateTime(a.endedAt)),
              h('th', { scope: 'row', translate: 'no' }, a.group ? `${a.trainee} (${a.group})` : a.trainee),
              h('td', {}, a.scenarioTitle),
              h('td', {}, t(`mode.${a.mode}`)),
              h(
                'td',
                {},
                `${formatNumber(a.score)}/100`,
                a.mismatch ? h('span', { class: 'mismatch' }, ` ⚠ ${t('instructor.results.mismatch', { score: a.replayedScore ?? '?' })}`) : null,
                a.replayedScore === null && !a.mismatch ? h('span', { class: 'muted' }, ` (${t('instructor.results.scenarioMissing')})`) : null,
                a.judgedBy !== null ? h('span', { class: 'muted', 'data-testid': 'judged-by' }, ` (${t('instructor.results.judgedBy', { version: a.judgedBy })})`) : null,
              ),
              h('td', { 'data-testid': 'ending', 'data-ending': a.ending, ...(a.late ? { 'data-late': 'true' } : {}) }, endingMark(a.ending), a.late ? ` · ${t('instructor.results.late')}` : null),
              h(
                'td',
                {},
                h(
                  'button',
                  { type: 'button', class: 'secondary', disabled: a.replayedScore === null, 'data-key': `replay-${a.id}`, 'aria-label': `${t('instructor.results.replay')} — ${a.trainee} — ${a.scenarioTitle} — ${formatDateTime(a.endedAt)}`, onclick: () => o.replay(a.id) },
                  t('instructor.results.replay'),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    o.attempts.length > shown.length ? h('p', { class: 'muted' }, t('instructor.results.more', { count: o.attempts.length - shown.length })) : null,
  );
}

export function resultsScreen(o: ResultsScreenOptions): HTMLElement {
  return h(
    'section',
    { class: 'results-screen', 'aria-labelledby': 'results-h' },
    h('h3', { id: 'results-h', tabindex: -1 }, t('instructor.results.heading')),
    filters(o),
    h(
      'div',
      { class: 'row export-row' },
      h('button', { type: 'button', class: 'primary', 'data-key': 'export-csv', onclick: o.exportCsv }, t('instructor.results.exportCsv')),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'export-attempts-csv', onclick: o.exportAttemptsCsv }, t('instructor.results.exportAttemptsCsv')),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'export-json', onclick: o.exportJson }, t('instructor.results.exportJson')),
      h('span', { class: 'muted' }, t('instructor.results.summary', { attempts: o.attempts.length, trainees: o.byTrainee.filter((r) => r.attempts > 0).length })),
    ),
    h('h4', { id: 'results-progress-h' }, t('instructor.progress.heading')),
    assignments(o),
    h('h4', { id: 'results-table-h' }, t('instructor.results.tableHeading')),
    table(o),
    h('h4', { id: 'results-mistakes-h' }, t('instructor.results.mistakesHeading')),
    h('p', { class: 'muted' }, t('instructor.results.mistakesIntro')),
    mistakes(o),
    h('h4', { id: 'results-cat-h' }, t('instructor.results.categoryHeading')),
    categories(o),
    h('h4', { id: 'results-attempts-h' }, t('instructor.results.attemptsHeading')),
    attempts(o),
  );
}
