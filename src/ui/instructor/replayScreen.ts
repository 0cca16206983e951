/** Replay of one attempt: its events sent again through the engine (not a video), shown in the trainee's own play view (read-only), with play, pause, step, previous / next mistake, speed, a clickable timeline of actions, mistakes and score (beside the room on a wide screen, 1366×768 included), and the replayed final score beside the recorded one. */
import { advance, startAttempt, type CompiledScenario, type Snapshot } from '../../engine/attempt';
import { scoreOf } from '../../engine/score';
import { isMistake, type AttemptOptions, type EngineEvent } from '../../engine/types';
import { explainOutcome, viewOf, type AttemptView } from '../../engine/view';
import { formatNumber, t, tr, unitShown } from '../../i18n';
import { h, render } from '../dom';
import { PlayScreen } from '../playScreen';
import { formatDateTime } from './areaFrame';
import { endingMark, type AttemptLine } from './resultsScreen';

export const SPEEDS = [0.5, 1, 2, 4] as const;
/** Milliseconds between two events at 1×. */
const STEP_MS = 1000;

export interface ReplayScreenOptions {
  compiled: CompiledScenario;
  options: AttemptOptions;
  events: EngineEvent[];
  /** `judgedBy`: the version of the rules that gave the recorded score, when it is not the current one. */
  recorded?: { score: number; end: 'passed' | 'failed'; judgedBy?: number };
  trainee: string;
  when: number;
  back(): void;
  /** Each frame shown, with the object the action was on (the app draws the room from it). */
  onFrame?(view: AttemptView, objectId: string | null): void;
  /** The screen goes away (the app ends the room). */
  onDestroy?(): void;
}


/** The action as a sentence: the object and the action's own label (or the batch record entry), and the value given. */
export function describeEvent(c: CompiledScenario, e: EngineEvent): string {
  if (e.type === 'HINT') return t('instructor.replay.hint');
  if (e.verb === 'submit' && e.target === 'batch-record') return t('play.submit');
  const value = (unit?: string) => (e.value !== undefined ? ` : ${formatNumber(e.value)}${unit ? ` ${unitShown(unit)}` : ''}` : '');
  const obj = c.scenario.objects.find((o) => o.id === e.target);
  if (obj) {
    const a = obj.actions.find((x) => x.verb === e.verb);
    return `${tr(obj.name)} — ${a ? tr(a.label) : e.verb}${value(a?.input?.unit)}`;
  }
  const entry = c.scenario.record.find((r) => r.id === e.target);
  if (entry) {
    const verb = e.verb === 'sign' ? t('record.sign') : e.verb === 'correct' ? t('record.correct') : entry.kind === 'check' ? t('record.check') : t('record.record');
    return `${t('record.heading')} : ${tr(entry.label)} — ${verb}${value(entry.unit)}${e.reason ? ` (${e.reason})` : ''}`;
  }
  return `${e.verb} ${e.target}`;
}

/** The replay tab before an attempt is chosen: the finished attempts, newest first. */
export function replayPicker(attempts: AttemptLine[], choose: (id: string) => void): HTMLElement {
  return h(
    'section',
    { class: 'replay-picker', 'aria-labelledby': 'replay-h' },
    h('h3', { id: 'replay-h', tabindex: -1 }, t('instructor.replay.heading')),
    h('p', { class: 'muted' }, t('instructor.replay.pick')),
    attempts.length
      ? h(
          'ul',
          { class: 'pick-list', role: 'list' },
          attempts.slice(0, 100).map((a) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'secondary pick', disabled: a.replayedScore === null, 'data-key': `pick-${a.id}`, 'data-attempt': a.id, onclick: () => choose(a.id) },
                // how it ended, named: a correct decision to hold or reject is a correct outcome, not a failure
                `${formatDateTime(a.endedAt)} — ${a.trainee} — ${a.scenarioTitle} — ${t(`mode.${a.mode}`)} — ${formatNumber(a.score)}/100 — ${endingMark(a.ending)}`,
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('instructor.results.noAttempt')),
  );
}

/**
 * Where "previous mistake" / "next mistake" go from `position`: the nearest
 * event before (after) it that made a mistake, or null when there is none.
 * `mistakes`: the positions of such events, in order.
 */
export function mistakeStop(mistakes: readonly number[], position: number, direction: -1 | 1): number | null {
  if (direction > 0) return mistakes.find((p) => p > position) ?? null;
  return mistakes.findLast((p) => p < position) ?? null;
}

export class ReplayScreen {
  readonly el: HTMLElement;
  private frames: Snapshot[];
  /** The positions of the events that made a mistake. */
  private mistakes: number[] = [];
  private position = 0;
  private speed: number = 1;
  private timer: ReturnType<typeof setInterval> | undefined;
  private play: PlayScreen;
  private head = h('div', { class: 'replay-head' });
  private controls = h('div', { class: 'replay-controls', role: 'group' });
  private timeline = h('ol', { class: 'replay-timeline' });
  private live = h('p', { class: 'replay-position', role: 'status', 'aria-live': 'polite' });

  constructor(private o: ReplayScreenOptions) {
    const c = o.compiled;
    let snap = startAttempt(c, o.options);
    this.frames = [snap];
    for (const e of o.events) {
      const before = snap.context.outcomes.length;
      snap = advance(c, snap, e);
      this.frames.push(snap);
      if (snap.context.outcomes.slice(before).some((x) => isMistake(x.kind))) this.mistakes.push(this.frames.length - 1);
    }
    this.play = new PlayScreen(c, { act: () => {}, quit: () => {} }, { readOnly: true });
    this.el = h(
      'section',
      { class: 'replay-screen', 'aria-labelledby': 'replay-h' },
      this.head,
      this.controls,
      this.live,
      // the timeline and the trainee's screen side by side where the width allows (1366×768), one above the other otherwise
      h(
        'div',
        { class: 'replay-body' },
        h('div', { class: 'replay-side' }, h('h4', { id: 'replay-timeline-h', class: 'sr-only' }, t('instructor.replay.timeline')), h('div', { class: 'replay-timeline-wrap', role: 'region', tabindex: 0, 'aria-labelledby': 'replay-timeline-h' }, this.timeline)),
        this.play.el,
      ),
    );
    this.relabel();
  }

  get count(): number {
    return this.frames.length - 1;
  }

  /** The score the engine gives at the end of the replay. */
  get finalScore(): number {
    return scoreOf(this.o.compiled.index, this.frames.at(-1)!.context).total;
  }

  private scoreAt(i: number): number {
    return scoreOf(this.o.compiled.index, this.frames[i]!.context).total;
  }

  /** The running score and the penalties so far (the score counts points earned against the whole run's). */
  private scoreText(i: number): string {
    const s = scoreOf(this.o.compiled.index, this.frames[i]!.context);
    return t('instructor.replay.scoreAt', { score: s.total, penalties: s.penalties });
  }

  relabel() {
    this.drawHead();
    this.drawControls();
    this.drawTimeline();
    this.show();
  }

  /** Where the app mounts the room. */
  get roomHost(): HTMLElement {
    return this.play.roomHost;
  }

  destroy() {
    this.pause();
    this.o.onDestroy?.();
  }

  private drawHead() {
    const o = this.o;
    const replayed = this.finalScore;
    const end = viewOf(o.compiled, this.frames.at(-1)!, 'instructor').end;
    const same = o.recorded ? o.recorded.score === replayed && o.recorded.end === end : true;
    // judged by other rules, a different replay is expected, not a sign of changed data
    const judgedBy = o.recorded?.judgedBy;
    const verdict = same ? `✓ ${t('instructor.replay.same')}` : judgedBy !== undefined ? t('instructor.results.judgedBy', { version: judgedBy }) : `⚠ ${t('instructor.replay.different')}`;
    render(
      this.head,
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', 'data-key': 'replay-back', onclick: () => (this.pause(), o.back()) }, t('instructor.replay.back'))),
      h('h3', { id: 'replay-h', tabindex: -1 }, t('instructor.replay.title', { trainee: o.trainee, title: tr(o.compiled.scenario.title) })),
      h('p', { class: 'muted' }, [formatDateTime(o.when), t(`mode.${o.options.mode}`), t('instructor.replay.events', { count: this.count })].join(' · ')),
      h(
        'p',
        { class: `replay-scores ${same ? 'tone-good' : judgedBy !== undefined ? '' : 'tone-bad'}` },
        o.recorded ? h('span', { 'data-testid': 'recorded-score' }, t('instructor.replay.recorded', { score: formatNumber(o.recorded.score) })) : null,
        o.recorded ? ' · ' : null,
        h('span', { 'data-testid': 'replayed-score' }, t('instructor.replay.replayed', { score: formatNumber(replayed) })),
        ' · ',
        h('strong', {}, verdict),
        same && judgedBy !== undefined ? ` (${t('instructor.results.judgedBy', { version: judgedBy })})` : null,
      ),
    );
  }

  private ctl: Record<'start' | 'back' | 'toggle' | 'forward' | 'end' | 'prevMistake' | 'nextMistake', HTMLButtonElement> | null = null;
  private slider: HTMLInputElement | null = null;
  private speedButtons: HTMLButtonElement[] = [];

  /** Builds the controls (again after a language switch). */
  private drawControls() {
    const btn = (key: string, run: () => void) =>
      h('button', { type: 'button', class: 'secondary ctl', 'data-key': `rp-${key}`, onclick: run }, h('span', { class: 'ctl-symbol', 'aria-hidden': 'true' }), h('span', { class: 'ctl-label' }));
    this.ctl = {
      start: btn('start', () => this.jump(0)),
      back: btn('back', () => this.step(-1)),
      toggle: btn('toggle', () => (this.timer === undefined ? this.start() : this.pause())),
      forward: btn('forward', () => this.step(1)),
      end: btn('end', () => this.jump(this.count)),
      prevMistake: btn('prev-mistake', () => this.toMistake(-1)),
      nextMistake: btn('next-mistake', () => this.toMistake(1)),
    };
    this.slider = h('input', {
      id: 'replay-slider',
      type: 'range',
      min: 0,
      max: this.count,
      step: 1,
      value: this.position,
      'data-key': 'rp-slider',
      oninput: (e: Event) => this.jump(Number((e.target as HTMLInputElement).value)),
    });
    this.speedButtons = SPEEDS.map((s) => h('button', { type: 'button', class: 'speed', 'data-key': `rp-speed-${s}`, onclick: () => this.setSpeed(s) }, `${formatNumber(s)}×`));
    render(
      this.controls,
      h('div', { class: 'ctl-buttons' }, this.ctl.start, this.ctl.back, this.ctl.toggle, this.ctl.forward, this.ctl.end),
      h('div', { class: 'ctl-buttons ctl-mistakes' }, this.ctl.prevMistake, this.ctl.nextMistake),
      h('div', { class: 'ctl-slider' }, h('label', { for: 'replay-slider' }, t('instructor.replay.slider')), this.slider),
      h('div', { class: 'speeds', role: 'group', 'aria-labelledby': 'replay-speed-l' }, h('span', { id: 'replay-speed-l', class: 'speed-label' }, t('instructor.replay.speed')), this.speedButtons),
    );
    this.controls.setAttribute('aria-label', t('instructor.replay.controls'));
    this.updateControls();
  }

  /** Updates the controls in place (a slider being dragged is never replaced). */
  private updateControls() {
    if (!this.ctl || !this.slider) return;
    const playing = this.timer !== undefined;
    const set = (b: HTMLButtonElement, symbol: string, label: string, disabled: boolean) => {
      b.querySelector('.ctl-symbol')!.textContent = symbol;
      b.querySelector('.ctl-label')!.textContent = label;
      b.disabled = disabled;
    };
    const first = this.position === 0;
    const last = this.position === this.count;
    set(this.ctl.start, '⇤', t('instructor.replay.toStart'), first);
    set(this.ctl.back, '←', t('instructor.replay.stepBack'), first);
    set(this.ctl.toggle, playing ? '❚❚' : '▶', playing ? t('instructor.replay.pause') : t('instructor.replay.play'), this.count === 0);
    this.ctl.toggle.setAttribute('aria-pressed', String(playing));
    set(this.ctl.forward, '→', t('instructor.replay.stepForward'), last);
    set(this.ctl.end, '⇥', t('instructor.replay.toEnd'), last);
    set(this.ctl.prevMistake, '⇠✗', t('instructor.replay.prevMistake'), mistakeStop(this.mistakes, this.position, -1) === null);
    set(this.ctl.nextMistake, '✗⇢', t('instructor.replay.nextMistake'), mistakeStop(this.mistakes, this.position, 1) === null);
    if (Number(this.slider.value) !== this.position) this.slider.value = String(this.position);
    this.slider.setAttribute('aria-valuetext', t('instructor.replay.position', { index: this.position, count: this.count }));
    SPEEDS.forEach((s, i) => this.speedButtons[i]!.setAttribute('aria-pressed', String(this.speed === s)));
  }

  private drawTimeline() {
    const c = this.o.compiled;
    const items = [
      h('li', { 'data-pos': 0 }, h('button', { type: 'button', class: 'tl-item', 'data-key': 'tl-0', onclick: () => this.jump(0) }, h('span', { class: 'tl-action' }, t('instructor.replay.begin')), h('span', { class: 'tl-score' }, this.scoreText(0)))),
    ];
    for (let i = 1; i <= this.count; i++) {
      const before = this.frames[i - 1]!.context.outcomes.length;
      const fresh = this.frames[i]!.context.outcomes.slice(before);
      const bad = fresh.filter((x) => isMistake(x.kind));
      const faults = fresh.filter((x) => x.kind === 'fault-raised' || x.kind === 'fault-handled');
      items.push(
        h(
          'li',
          { 'data-pos': i, class: bad.length ? 'tl-mistake' : '' },
          h(
            'button',
            { type: 'button', class: 'tl-item', 'data-key': `tl-${i}`, onclick: () => this.jump(i) },
            h('span', { class: 'tl-index' }, formatNumber(i)),
            h('span', { class: 'tl-action' }, describeEvent(c, this.o.events[i - 1]!)),
            bad.map((x) => {
              const d = this.play.describe(explainOutcome(c, x));
              return h('span', { class: 'tl-bad' }, `✗ ${d.title}${d.detail ? ` — ${d.detail}` : ''}`);
            }),
            faults.map((x) => h('span', { class: 'tl-fault' }, this.play.describe(explainOutcome(c, x)).title)),
            h('span', { class: 'tl-score' }, this.scoreText(i)),
          ),
        ),
      );
    }
    render(this.timeline, items);
  }

  private show() {
    const c = this.o.compiled;
    const i = this.position;
    const snap = this.frames[i]!;
    const view = viewOf(c, snap, 'instructor');
    this.play.update(view, i === 0 ? snap.context.outcomes.length : this.frames[i - 1]!.context.outcomes.length);
    const e = i > 0 ? this.o.events[i - 1] : undefined;
    const target = e && e.type === 'ACT' && c.scenario.objects.some((x) => x.id === e.target) ? e.target : null;
    this.play.select(target);
    this.o.onFrame?.(view, target);
    this.live.textContent = `${t('instructor.replay.position', { index: i, count: this.count })} · ${t('instructor.replay.running', { score: this.scoreAt(i), penalties: scoreOf(this.o.compiled.index, this.frames[i]!.context).penalties })}`;
    for (const li of this.timeline.children) {
      const current = Number((li as HTMLElement).dataset.pos) === i;
      li.classList.toggle('current', current);
      const b = li.querySelector('button');
      if (current) b?.setAttribute('aria-current', 'step');
      else b?.removeAttribute('aria-current');
      if (current) {
        const wrap = this.timeline.parentElement;
        if (wrap && wrap.scrollHeight > wrap.clientHeight) wrap.scrollTop = (li as HTMLElement).offsetTop - wrap.clientHeight / 2;
      }
    }
  }

  jump(i: number) {
    this.position = Math.max(0, Math.min(this.count, i));
    if (this.position === this.count) this.pause();
    this.updateControls();
    this.show();
  }

  /** To the event of the previous (-1) or next (1) mistake, paused there. */
  toMistake(direction: -1 | 1) {
    const to = mistakeStop(this.mistakes, this.position, direction);
    if (to === null) return;
    this.pause();
    this.jump(to);
  }

  step(delta: number) {
    this.pause();
    this.jump(this.position + delta);
  }

  start() {
    if (this.timer !== undefined) return;
    if (this.position >= this.count) this.position = 0;
    this.timer = setInterval(() => {
      if (!this.el.isConnected) return this.pause();
      this.jump(this.position + 1);
    }, STEP_MS / this.speed);
    this.updateControls();
    this.show();
  }

  pause() {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.updateControls();
  }

  setSpeed(s: number) {
    this.speed = s;
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.start();
    } else this.updateControls();
  }
}
