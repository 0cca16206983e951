/**
 * The debrief: passed or not (or the correct decision that ended the
 * procedure, with why it was right), the score against the pass mark and how it is
 * made (points earned out of possible, each penalty, the critical rule that
 * failed the attempt), the conclusion (the scenario's, except that a record
 * with gaps is never praised: its gaps are named), the score by category,
 * each fault met and how far it was handled, and every mistake in order with
 * its explanation and, for a critical one, why it is critical. This is where
 * assessment mode teaches. Everything it says comes from the view.
 */
import type { CompiledScenario } from '../engine/attempt';
import { isMistake } from '../engine/types';
import { conclusionOf, showsOutro, type AttemptView } from '../engine/view';
import { formatClock, t, tr } from '../i18n';
import { h } from './dom';
import { gapLines, scoreTable } from './judgementText';
import { judgementBody, type PlayScreen } from './playScreen';

export interface DebriefOptions {
  compiled: CompiledScenario;
  view: AttemptView;
  describe: PlayScreen['describe'];
  again?(): void;
  home?(): void;
  /** In place of "Recommencer" and "Accueil" (the LMS mode: what happens to the result). */
  actions?: HTMLElement;
}

export function debriefScreen(o: DebriefOptions): HTMLElement {
  const { view, compiled } = o;
  const passed = view.end === 'passed';
  const conclusion = conclusionOf(view);
  const texts = compiled.scenario.debrief;
  const mistakes = view.outcomes.filter((x) => isMistake(x.outcome.kind));
  const table = scoreTable(view.breakdown);
  return h(
    'div',
    { class: `debrief ${passed ? 'is-passed' : 'is-failed'}` },
    h('h2', { tabindex: -1, id: 'debrief-h' }, `${t('debrief.heading')} — ${tr(compiled.scenario.title)}`),
    // a pass that ended on a correct decision says which decision: "Lot mis en attente (décision correcte)"
    h('p', { class: 'verdict', 'data-testid': 'verdict' }, `${passed ? '✓' : '✗'} ${passed ? (view.decision ? t(`ending.${view.decision.decision}`) : t('debrief.passed')) : t('debrief.failed')}`),
    h('p', { class: 'big-score', 'data-testid': 'final-score' }, t('debrief.score', { score: view.score.total, passMark: view.score.passMark })),
    h(
      'table',
      { class: 'score-table', 'data-testid': 'score-table' },
      h('caption', {}, h('strong', {}, t('debrief.breakdown.heading')), h('br'), table.summary),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('debrief.breakdown.item')), h('th', { scope: 'col' }, t('debrief.breakdown.points')))),
      h('tbody', {}, table.rows.map((r) => h('tr', {}, h('td', {}, r.label), h('td', { class: 'num' }, r.points)))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, table.total.label), h('td', { class: 'num' }, table.total.points))),
    ),
    table.critical ? h('p', { class: 'critical-line', 'data-testid': 'critical-line' }, table.critical) : null,
    conclusion === 'passed-with-gaps'
      ? h(
          'div',
          { class: 'record-gaps', 'data-testid': 'record-gaps' },
          h('p', {}, t('debrief.gaps.intro')),
          h('ul', {}, gapLines(view.recordGaps).map((line) => h('li', {}, line))),
          h('p', {}, t('debrief.gaps.outro')),
        )
      : conclusion === 'decided'
        ? null
        : h('p', {}, tr(conclusion === 'critical' ? texts.critical : conclusion === 'passed' ? texts.passed : texts.failed)),
    // the decision that ended the procedure, and why it was right (the scenario's text), whatever the verdict
    view.decision
      ? h('div', { class: 'decision', 'data-testid': 'decision' }, h('h3', {}, t('debrief.decision')), h('p', {}, tr(view.decision.debrief)))
      : null,
    // what comes after the procedure, only once it really came to its end (not after a critical stop)
    compiled.scenario.outro && showsOutro(conclusion) ? h('p', { class: 'outro' }, tr(compiled.scenario.outro)) : null,
    h('p', { class: 'muted' }, `${t('debrief.time', { time: formatClock(view.clock) })}`),
    h('h3', {}, t('debrief.byCategory')),
    h(
      'ul',
      { class: 'category-scores' },
      Object.entries(view.score.byCategory).map(([c, v]) =>
        h('li', {}, h('span', {}, t(`category.${c}`)), h('meter', { min: 0, max: 100, value: v, 'aria-label': t(`category.${c}`) }), h('span', {}, `${v}/100`)),
      ),
    ),
    view.faults.length ? h('h3', {}, t('debrief.faults')) : null,
    view.faults.length
      ? h(
          'ul',
          { class: 'debrief-faults' },
          view.faults.map((f) =>
            h('li', { class: f.stage === 'documented' ? 'tone-good' : 'tone-bad', 'data-fault': f.id }, h('strong', {}, tr(f.title)), ` — ${t(`debrief.faultStage.${f.stage}`)}`, h('p', { class: 'muted' }, tr(f.announce))),
          ),
        )
      : null,
    h('h3', {}, t('debrief.mistakes')),
    mistakes.length
      ? h(
          'ol',
          { class: 'mistakes' },
          mistakes.map((m) => {
            const d = o.describe(m);
            return h(
              'li',
              { class: m.outcome.critical ? 'critical' : '' },
              h('strong', {}, `${d.title}${m.category ? ` — ${t(`category.${m.category}`)}` : ''}`),
              judgementBody(d, t('debrief.criticalReason')),
            );
          }),
        )
      : h('p', {}, t('debrief.noMistakes')),
    o.actions ?? h('div', { class: 'debrief-actions' }, h('button', { type: 'button', class: 'primary', onclick: () => o.again?.() }, t('debrief.again')), h('button', { type: 'button', class: 'secondary', onclick: () => o.home?.() }, t('debrief.home'))),
  );
}
