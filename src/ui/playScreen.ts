/**
 * The play screen: the HUD (stage, simulated clock, score, pause, quit), the
 * room's accessible twin (one button per object, in reading order, with its
 * actions and value entry), the steps, the batch record and the live
 * feedback. It shows an AttemptView and sends engine events; it judges nothing.
 */
import type { CompiledScenario } from '../engine/attempt';
import { isMistake, type ActEvent, type EngineEvent } from '../engine/types';
import type { AttemptView, ObjectView, OutcomeView, RecordView } from '../engine/view';
import { formatClock, formatNumber, t, tr } from '../i18n';
import { h, readNumber, render } from './dom';

export interface PlayCallbacks {
  act(event: EngineEvent): void;
  quit(): void;
  /** The selected object changed (its action panel opened or closed). */
  select?(objectId: string | null): void;
  /** The object to ring in the room: the twin button with focus or under the pointer, else the selected one. */
  highlight?(objectId: string | null): void;
}

export interface PlayScreenOptions {
  /** For the instructor's replay: shows the same view with every action and record control disabled. */
  readOnly?: boolean;
}

export class PlayScreen {
  readonly el: HTMLElement;
  readonly roomHost: HTMLElement;
  private hud = h('div', { class: 'hud' });
  private situation = h('section', { class: 'situation', 'aria-labelledby': 'situation-h' });
  private twin = h('ul', { class: 'twin', role: 'list' });
  private panel = h('section', { class: 'actions-panel', hidden: true });
  private steps = h('section', { class: 'steps' });
  private record = h('section', { class: 'record' });
  private feedback = h('div', { class: 'feedback', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private pauseLayer = h('div', { class: 'pause-layer', hidden: true });
  private roomNoteEl = h('p', { class: 'room-note', hidden: true });
  private selected: string | null = null;
  private paused = false;
  private view!: AttemptView;
  private shownOutcomes = 0;

  private readonly readOnly: boolean;

  constructor(private c: CompiledScenario, private cb: PlayCallbacks, options: PlayScreenOptions = {}) {
    this.readOnly = options.readOnly ?? false;
    this.roomHost = h('div', { class: 'room-canvas', 'aria-hidden': 'true' });
    this.el = h(
      'div',
      { class: this.readOnly ? 'play is-readonly' : 'play' },
      this.hud,
      h(
        'div',
        { class: 'play-grid' },
        h(
          'div',
          { class: 'room-column' },
          h('section', { class: 'room', 'aria-label': t('play.room') }, this.roomHost, this.roomNoteEl, this.pauseLayer),
          this.panel,
          h('nav', { class: 'twin-wrap', 'aria-label': t('play.objects') }, h('h2', { class: 'sr-only' }, t('play.objects')), this.twin),
        ),
        h('div', { class: 'side-column' }, this.situation, this.feedback, this.steps, this.record),
      ),
    );
  }

  /** The room asks to select an object (tap on the canvas). */
  select(objectId: string | null) {
    this.selected = objectId;
    this.cb.select?.(objectId);
    this.cb.highlight?.(objectId);
    this.drawTwin();
    this.drawPanel();
    const first = this.panel.querySelector<HTMLElement>('button, input');
    if (!this.readOnly) first?.focus();
  }

  /**
   * Shows a view. `feedbackFrom` (replay) shows as feedback the outcomes from
   * that index on, instead of those not shown yet.
   */
  update(view: AttemptView, feedbackFrom?: number) {
    this.view = view;
    if (feedbackFrom !== undefined) {
      this.shownOutcomes = Math.max(0, Math.min(feedbackFrom, view.outcomes.length));
      if (this.shownOutcomes === view.outcomes.length) render(this.feedback);
    }
    this.drawHud();
    this.drawSituation();
    this.drawTwin();
    this.drawPanel();
    this.drawSteps();
    this.drawRecord();
    this.drawFeedback();
  }

  /** Redraws every text in the current language, progress untouched. */
  relabel() {
    if (this.view) {
      this.shownOutcomes = Math.max(0, this.shownOutcomes - 1);
      this.update(this.view);
    }
  }

  private act(event: EngineEvent) {
    if (this.paused || this.readOnly) return;
    this.cb.act(event);
  }

  /** Whether the room may send events now: not paused, not read-only, not over. */
  get interactive(): boolean {
    return !this.paused && !this.readOnly && !!this.view && this.view.end !== 'passed' && this.view.end !== 'failed';
  }

  /** An action sent from the room (a drag): refused when paused, read-only or over, like the panel's buttons. */
  actFromRoom(event: ActEvent) {
    if (this.interactive) this.act(event);
  }

  /** A line of text over the room (loading, or the room cannot be drawn); null hides it. */
  roomNote(text: string | null) {
    this.roomNoteEl.textContent = text ?? '';
    this.roomNoteEl.hidden = text === null;
  }

  private drawHud() {
    const v = this.view;
    const scoreText = v.mode === 'assessment' ? t('play.scoreHidden') : t('play.penalties', { count: v.score.penalties });
    render(
      this.hud,
      h('h1', { class: 'scenario-title' }, tr(this.c.scenario.title)),
      h('p', { class: 'phase', 'data-testid': 'phase' }, v.end === 'closure' ? t('record.heading') : t('play.phase', { index: v.phaseIndex + 1, count: v.phaseCount, title: tr(v.phase.title) })),
      h('p', { class: 'clock' }, t('play.clock', { time: formatClock(v.clock) })),
      h('p', { class: 'score', 'data-testid': 'score' }, scoreText),
      h('span', { class: 'mode-badge' }, t(`mode.${v.mode}`)),
      this.readOnly ? null : h('button', { type: 'button', class: 'secondary', 'data-key': 'pause', 'aria-pressed': String(this.paused), onclick: () => this.togglePause() }, this.paused ? t('play.resume') : t('play.pause')),
      this.readOnly ? null : h('button', { type: 'button', class: 'secondary', 'data-key': 'quit', onclick: () => this.cb.quit() }, t('play.quit')),
    );
  }

  private togglePause() {
    this.paused = !this.paused;
    this.pauseLayer.hidden = !this.paused;
    render(this.pauseLayer, h('p', {}, t('play.paused')));
    this.el.classList.toggle('is-paused', this.paused);
    this.drawHud();
    this.drawPanel();
  }

  private drawSituation() {
    const v = this.view;
    const active = v.faults.filter((f) => f.stage !== 'documented');
    render(
      this.situation,
      h('h2', { id: 'situation-h' }, v.end === 'closure' ? t('record.heading') : tr(v.phase.title)),
      v.end === 'closure' ? h('p', {}, t('play.closure')) : v.phase.intro ? h('p', {}, tr(v.phase.intro)) : null,
      active.map((f) =>
        h('div', { class: 'fault-banner', role: 'alert' }, h('strong', {}, `⚠ ${t('play.fault')} — ${tr(f.title)} (${t(`play.faultStage.${f.stage}`)})`), h('p', {}, tr(f.announce))),
      ),
      v.end === 'closure' ? h('button', { type: 'button', class: 'primary', 'data-key': 'submit', disabled: this.readOnly, onclick: () => this.act({ type: 'ACT', verb: 'submit', target: 'batch-record' }) }, t('play.submit')) : null,
    );
  }

  private objectSummary(o: ObjectView): string {
    const parts = [tr(o.stateLabel)];
    if (o.value !== undefined && Number.isFinite(o.value)) parts.push(`${formatNumber(o.value, o.decimals)}${o.unit ? ` ${o.unit}` : ''}`);
    if (o.lot) parts.push(t('play.lot', { lot: o.lot }));
    return parts.filter(Boolean).join(' · ');
  }

  private drawTwin() {
    render(
      this.twin,
      this.view.objects.map((o) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `twin-object${o.alert ? ' alert' : ''}${this.selected === o.id ? ' selected' : ''}`,
              'data-key': `obj:${o.id}`,
              'data-object': o.id,
              'aria-expanded': String(this.selected === o.id),
              'aria-describedby': `obj-state-${o.id}`,
              onclick: () => this.select(this.selected === o.id ? null : o.id),
              onfocus: () => this.cb.highlight?.(o.id),
              onmouseenter: () => this.cb.highlight?.(o.id),
              onblur: () => this.cb.highlight?.(this.selected),
              onmouseleave: () => this.cb.highlight?.(this.selected),
            },
            h('span', { class: 'twin-name' }, o.alert ? `⚠ ${tr(o.name)}` : tr(o.name)),
            h('span', { class: 'twin-state', id: `obj-state-${o.id}` }, this.objectSummary(o)),
          ),
        ),
      ),
    );
  }

  private drawPanel() {
    const o = this.view?.objects.find((x) => x.id === this.selected);
    if (!o) {
      render(this.panel);
      this.panel.hidden = true;
      return;
    }
    this.panel.hidden = false;
    const disabled = this.paused || this.readOnly || this.view.end === 'passed' || this.view.end === 'failed';
    render(
      this.panel,
      h('h2', {}, t('play.actionsFor', { name: tr(o.name) })),
      h('p', { class: 'muted' }, this.objectSummary(o)),
      o.actions.length === 0 ? h('p', {}, t('play.noActions')) : null,
      h(
        'div',
        { class: 'action-list' },
        o.actions.map((a) => {
          if (!a.input) {
            return h('button', { type: 'button', class: 'action', 'data-key': `act:${o.id}:${a.verb}`, disabled, onclick: () => this.act({ type: 'ACT', verb: a.verb, target: o.id }) }, tr(a.label));
          }
          const id = `in-${o.id}-${a.verb}`;
          const input = h('input', { id, type: 'number', inputmode: 'decimal', step: 'any', min: a.input.min, max: a.input.max, 'data-key': `in:${o.id}:${a.verb}`, disabled, required: true });
          return h(
            'form',
            {
              class: 'value-form',
              onsubmit: (ev: Event) => {
                ev.preventDefault();
                const value = readNumber(input);
                if (value === undefined) return input.focus();
                this.act({ type: 'ACT', verb: a.verb, target: o.id, value });
              },
            },
            h('label', { for: id }, `${tr(a.label)} — ${t('play.valueLabel', { label: tr(a.input.label), unit: a.input.unit })}`),
            input,
            h('button', { type: 'submit', class: 'action', 'data-key': `act:${o.id}:${a.verb}`, disabled }, t('play.enterValue')),
          );
        }),
      ),
      h('button', { type: 'button', class: 'link', 'data-key': 'close-panel', onclick: () => this.select(null) }, t('play.close')),
    );
  }

  private drawSteps() {
    const v = this.view;
    if (v.mode === 'assessment') {
      render(this.steps);
      this.steps.hidden = true;
      return;
    }
    this.steps.hidden = false;
    render(
      this.steps,
      h('h2', {}, t('play.steps')),
      h(
        'ol',
        { class: 'step-list' },
        v.steps.map((s) =>
          h(
            'li',
            { class: s.done ? 'done' : s.open ? 'open' : 'locked' },
            h('span', { class: 'step-mark', 'aria-hidden': 'true' }, s.done ? '✓' : s.open ? '○' : '·'),
            h('span', {}, `${s.fault ? '⚠ ' : ''}${tr(s.title)}`),
            h('span', { class: 'sr-only' }, ` (${s.done ? t('play.done') : s.open ? t('play.todo') : t('play.notYet')})`),
            !s.done && s.open && s.hint
              ? h('details', { class: 'hint' }, h('summary', { 'data-key': `hint:${s.id}`, onclick: () => !this.readOnly && this.cb.act({ type: 'HINT' }) }, t('play.showHint')), h('p', {}, tr(s.hint)))
              : null,
          ),
        ),
      ),
    );
  }

  private recordRow(r: RecordView) {
    const e = r.entry;
    const disabled = this.paused || this.readOnly || this.view.end === 'passed' || this.view.end === 'failed';
    const status: string[] = [];
    if (r.filled) {
      if (e.kind === 'value' && r.value !== undefined) status.push(`${formatNumber(r.value)}${e.unit ? ` ${e.unit}` : ''}`);
      else status.push(e.kind === 'signature' ? t('record.signed') : t('record.checked'));
      if (r.wrong && this.view.mode !== 'assessment') status.push(t('record.wrong'));
      if (r.late && this.view.mode !== 'assessment') status.push(t('record.late'));
    } else status.push(t('record.empty'));
    const corrections = r.corrections.map((c) =>
      h('li', { class: 'correction' }, t('record.corrected', { from: c.from !== undefined ? formatNumber(c.from) : '✓', to: c.to !== undefined ? formatNumber(c.to) : '✓', reason: c.reason })),
    );
    const valueId = `rec-${e.id}`;
    let controls: HTMLElement;
    if (!r.filled) {
      if (e.kind === 'value') {
        const input = h('input', { id: valueId, type: 'number', inputmode: 'decimal', step: 'any', 'data-key': `recin:${e.id}`, disabled });
        controls = h(
          'form',
          {
            class: 'record-form',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              const value = readNumber(input);
              if (value === undefined) return input.focus();
              this.act({ type: 'ACT', verb: 'record', target: e.id, value });
            },
          },
          h('label', { for: valueId, class: 'sr-only' }, `${tr(e.label)} — ${t('record.value')}`),
          input,
          h('button', { type: 'submit', 'data-key': `rec:${e.id}`, disabled, 'aria-label': `${t('record.record')} — ${tr(e.label)}` }, t('record.record')),
        );
      } else {
        const verb = e.kind === 'signature' ? 'sign' : 'record';
        const label = e.kind === 'signature' ? t('record.sign') : t('record.check');
        controls = h('button', { type: 'button', 'data-key': `rec:${e.id}`, disabled, 'aria-label': `${label} — ${tr(e.label)}`, onclick: () => this.act({ type: 'ACT', verb, target: e.id }) }, label);
      }
    } else {
      const input = e.kind === 'value' ? h('input', { id: `${valueId}-fix`, type: 'number', inputmode: 'decimal', step: 'any', 'data-key': `fixin:${e.id}`, disabled }) : null;
      const reason = h('input', { id: `${valueId}-why`, type: 'text', maxlength: 200, 'data-key': `why:${e.id}`, disabled });
      controls = h(
        'details',
        { class: 'correct' },
        h('summary', { 'data-key': `fix:${e.id}` }, `${t('record.correct')} — ${tr(e.label)}`),
        h(
          'form',
          {
            class: 'record-form',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              const value = input ? readNumber(input) : undefined;
              if (input && value === undefined) return input.focus();
              this.act({ type: 'ACT', verb: 'correct', target: e.id, value, reason: reason.value });
            },
          },
          input ? h('label', { for: `${valueId}-fix` }, t('record.value')) : null,
          input,
          h('label', { for: `${valueId}-why` }, t('record.reason')),
          reason,
          h('button', { type: 'submit', 'data-key': `fixgo:${e.id}`, disabled }, t('record.correct')),
        ),
      );
    }
    return h(
      'li',
      { class: `record-entry${r.filled ? ' filled' : ''}`, 'data-entry': e.id },
      h('span', { class: 'record-label' }, tr(e.label)),
      h('span', { class: 'record-status' }, status.join(' · ')),
      corrections.length ? h('ul', {}, corrections) : null,
      controls,
    );
  }

  private drawRecord() {
    render(this.record, h('h2', {}, t('record.heading')), h('ul', { class: 'record-list' }, this.view.record.map((r) => this.recordRow(r))));
  }

  describe(o: OutcomeView): { title: string; detail?: string; reason?: string; tone: 'good' | 'bad' | 'info' } {
    const out = o.outcome;
    const penalty = out.penalty > 0 ? ` (${t('outcome.penalty', { count: out.penalty })})` : '';
    switch (out.kind) {
      case 'step':
        return { title: t('outcome.step', { title: tr(o.title) }), tone: 'good' };
      case 'record':
        return { title: t('outcome.record', { title: tr(o.title) }), tone: 'good' };
      case 'violation':
        return { title: (out.critical ? t('outcome.critical') : t('outcome.violation')) + penalty, detail: tr(o.explanation), reason: o.reason ? tr(o.reason) : undefined, tone: 'bad' };
      case 'wrong-value':
        return { title: t('outcome.wrongValue') + penalty, detail: tr(o.explanation), tone: 'bad' };
      case 'early':
        return { title: t('outcome.early', { title: tr(o.title) }) + penalty, detail: tr(o.explanation), tone: 'bad' };
      case 'fault-raised':
        return { title: t('outcome.faultRaised', { title: tr(o.title) }), detail: tr(o.explanation), tone: 'bad' };
      case 'fault-handled':
        return { title: t('outcome.faultHandled', { title: tr(o.title) }), tone: 'good' };
      case 'phase':
        return { title: t('outcome.phase', { title: tr(o.title) }), detail: o.explanation ? tr(o.explanation) : undefined, tone: 'info' };
      case 'end':
        return { title: t('outcome.end'), tone: 'info' };
      default:
        return { title: t('outcome.noEffect'), tone: 'info' };
    }
  }

  private drawFeedback() {
    const fresh = this.view.outcomes.slice(this.shownOutcomes);
    this.shownOutcomes = this.view.outcomes.length;
    if (!fresh.length) return;
    const assessment = this.view.mode === 'assessment';
    const items = fresh
      .filter((o) => !(assessment && (isMistake(o.outcome.kind) || o.outcome.kind === 'step' || o.outcome.kind === 'record')))
      .map((o) => this.describe(o));
    if (assessment && !items.length) items.push({ title: t('outcome.noted'), tone: 'info' });
    render(
      this.feedback,
      items.map((d) =>
        h('div', { class: `fb fb-${d.tone}` }, h('strong', {}, d.title), d.detail ? h('p', {}, d.detail) : null, d.reason ? h('p', { class: 'reason' }, d.reason) : null),
      ),
    );
  }
}
