/**
 * The debrief: passed or not, the score against the pass mark, the score by
 * category, each fault met and how far it was handled, and every mistake in order with its explanation and, for a
 * critical one, why it is critical. This is where assessment mode teaches.
 */
import type { CompiledScenario } from '../engine/attempt';
import { isMistake } from '../engine/types';
import type { AttemptView } from '../engine/view';
import { formatClock, t, tr } from '../i18n';
import { h } from './dom';
import type { PlayScreen } from './playScreen';

export interface DebriefOptions {
  compiled: CompiledScenario;
  view: AttemptView;
  describe: PlayScreen['describe'];
  again(): void;
  home(): void;
}

export function debriefScreen(o: DebriefOptions): HTMLElement {
  const { view, compiled } = o;
  const passed = view.end === 'passed';
  const critical = view.score.critical;
  const text = critical ? compiled.scenario.debrief.critical : passed ? compiled.scenario.debrief.passed : compiled.scenario.debrief.failed;
  const mistakes = view.outcomes.filter((x) => isMistake(x.outcome.kind));
  return h(
    'div',
    { class: `debrief ${passed ? 'is-passed' : 'is-failed'}` },
    h('h2', { tabindex: -1, id: 'debrief-h' }, `${t('debrief.heading')} — ${tr(compiled.scenario.title)}`),
    h('p', { class: 'verdict', 'data-testid': 'verdict' }, `${passed ? '✓' : '✗'} ${passed ? t('debrief.passed') : t('debrief.failed')}`),
    h('p', { class: 'big-score', 'data-testid': 'final-score' }, t('debrief.score', { score: view.score.total, passMark: view.score.passMark })),
    h('p', {}, tr(text)),
    compiled.scenario.outro ? h('p', { class: 'outro' }, tr(compiled.scenario.outro)) : null,
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
              d.detail ? h('p', {}, d.detail) : null,
              d.reason ? h('p', { class: 'reason' }, h('em', {}, `${t('debrief.criticalReason')} `), d.reason) : null,
            );
          }),
        )
      : h('p', {}, t('debrief.noMistakes')),
    h('div', { class: 'debrief-actions' }, h('button', { type: 'button', class: 'primary', onclick: o.again }, t('debrief.again')), h('button', { type: 'button', class: 'secondary', onclick: o.home }, t('debrief.home'))),
  );
}
