/**
 * The play screen: the room is the workspace. A one-line HUD (procedure,
 * phase, simulated time, penalties, mode, guide, pause, quit, drawer); the
 * room with, over it, the latest judgement next to the gesture, the actions
 * of the selected object and the raised faults; under it the room's
 * accessible twin (one button per object); beside it (below it in portrait)
 * a drawer the trainee opens and closes, with the procedure and its steps,
 * the batch record and the log of judgements. It shows an AttemptView and
 * sends engine events; it judges nothing, and what it shows of the view
 * (hints, steps, judgements, score) is what the view's `shows` allows for its
 * reader; its words are judgementText.ts's. Each part is redrawn only when
 * what it shows changed, and an open hint, a typed value and the focus
 * survive every redraw (dom.ts patch).
 */
import type { CompiledScenario } from '../engine/attempt';
import { isTextKind, READ_VERB, type ActEvent, type EngineEvent, type RecordEntry, type TextKind } from '../engine/types';
import type { AttemptView, ObjectView, OutcomeView, ReadingView, RecordView } from '../engine/view';
import { unitAfterLabel } from '../engine/unit';
import { BACK_H_CSS, BACK_MARGIN_CSS } from '../game/bridge';
import { formatClock, formatNumber, lang, t, tr, unitShown } from '../i18n';
import { parseDecimal } from './decimal';
import { parseEntry, showEntry } from './recordFormat';
import { h, keyed, patch } from './dom';
import { describeOutcome, hudScore, showValue, type Described } from './judgementText';

export interface PlayCallbacks {
  act(event: EngineEvent): void;
  quit(): void;
  /** The selected object changed (its action panel opened or closed). */
  select?(objectId: string | null): void;
  /** The object to ring in the room: the twin button with focus or under the pointer, else the selected one. */
  highlight?(objectId: string | null): void;
  /** The trainee asks for the guide again (HUD). */
  guide?(): void;
}

export interface PlayScreenOptions {
  /** For the instructor's replay: shows the same view with every action and record control disabled. */
  readOnly?: boolean;
}

type Tab = 'procedure' | 'record' | 'log';

/**
 * The body of a judgement under its title: what comes first, its facts, its
 * lesson, why it is critical. `short` (over the room, read at a glance): what
 * comes first by name only, without the general lesson; the whole of it in the log.
 */
export function judgementBody(d: Described, reasonLead?: string, short = false) {
  const first = short ? d.firstShort : d.first;
  return [
    first?.length ? h('div', { class: 'fb-first' }, h('p', {}, t('outcome.first')), h('ul', {}, first.map((line) => h('li', {}, line)))) : null,
    ...(d.lines ?? []).map((line) => h('p', { class: 'fb-fact' }, line)),
    // over the room, what comes first says it: the general lesson is in the log
    d.detail && !(short && first?.length) ? h('p', {}, d.detail) : null,
    d.reason ? h('p', { class: 'reason' }, reasonLead ? h('em', {}, `${reasonLead} `) : null, d.reason) : null,
  ];
}

/** A record entry's value as the screen writes it: a number in the language's notation with its unit, a date DD/MM/YYYY, a time, a text. */
function entryText(e: RecordEntry, value: number | string): string {
  if (typeof value === 'number') return `${formatNumber(value)}${e.unit ? ` ${unitShown(e.unit)}` : ''}`;
  return isTextKind(e.kind) ? showEntry(e.kind, value) : value;
}

/** An object's lot and its expiry, as its label shows them. */
function lotLines(o: ObjectView): string[] {
  return [o.lot ? t('play.lot', { lot: o.lot }) : '', o.expiry ? t('play.expiry', { date: showEntry('date', o.expiry) }) : ''].filter(Boolean);
}

/** How long praise or news stays over the room (the log keeps it). */
const TOAST_FADE_MS = 7000;

/** Wide enough for the drawer beside a room that keeps its labels legible: open it by default. */
const DRAWER_OPEN_FROM = '(min-width: 1280px) and (orientation: landscape)';

export class PlayScreen {
  readonly el: HTMLElement;
  readonly roomHost: HTMLElement;
  private hud = h('div', { class: 'hud' });
  private roomSection: HTMLElement;
  private overlay: HTMLElement;
  private toast = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private faultStrip = h('div', { class: 'fault-strip' });
  private panel = h('section', { class: 'actions-panel', hidden: true, 'aria-labelledby': 'actions-h' });
  private twin = h('ul', { class: 'twin', role: 'list' });
  private drawer = h('aside', { class: 'drawer', id: 'play-drawer', 'aria-label': t('play.drawer.label') });
  private tabBar = h('div', { class: 'drawer-tabs', role: 'tablist' });
  private procedure = h('section', { class: 'tab-panel procedure', role: 'tabpanel', id: 'tab-procedure' });
  private record = h('section', { class: 'tab-panel record', role: 'tabpanel', id: 'tab-record' });
  private log = h('section', { class: 'tab-panel log', role: 'tabpanel', id: 'tab-log' });
  private pauseLayer = h('div', { class: 'pause-layer', hidden: true });
  private roomNoteEl = h('p', { class: 'room-note', hidden: true });
  private selected: string | null = null;
  /** The station whose close-up the room shows (null: the overview). */
  private station: string | null = null;
  private paused = false;
  private view!: AttemptView;
  private shownOutcomes = 0;
  private drawerOpen: boolean;
  private tab: Tab = 'procedure';
  /** What each part last drew, so an event redraws only what changed. */
  private drawn = new Map<string, string>();
  /** Refused numbers: the field's data-key → the message shown under it. */
  private invalid = new Map<string, string>();
  private hintsOpened = new Set<string>();
  private recordShownAtClosure = false;
  /** The latest judgement: the outcomes of the last event (or "noted" in assessment). */
  private toastItems: { o?: OutcomeView; target?: string }[] = [];
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly readOnly: boolean;

  constructor(private c: CompiledScenario, private cb: PlayCallbacks, options: PlayScreenOptions = {}) {
    this.readOnly = options.readOnly ?? false;
    this.drawerOpen = this.readOnly || (globalThis.matchMedia?.(DRAWER_OPEN_FROM).matches ?? true);
    this.roomHost = h('div', { class: 'room-canvas', 'aria-hidden': 'true' });
    // the latest judgement and the selected object's actions share one column over the room: on the side away
    // from the object when the panel is open (the judgement above the actions, next to the gesture), else
    // centred on the half of the room away from the object the judgement is about
    this.overlay = h('div', { class: 'overlay' }, this.toast, this.panel);
    this.roomSection = h('section', { class: 'room', 'aria-label': t('play.room') }, this.roomHost, this.roomNoteEl, this.faultStrip, this.overlay, this.pauseLayer);
    this.el = h(
      'div',
      { class: this.readOnly ? 'play is-readonly' : 'play' },
      this.hud,
      h(
        'div',
        { class: 'play-body' },
        h(
          'div',
          { class: 'stage' },
          this.roomSection,
          h('nav', { class: 'twin-wrap', 'aria-label': t('play.objects') }, h('h2', { class: 'sr-only' }, t('play.objects')), this.twin),
        ),
        this.drawer,
      ),
    );
    this.drawer.append(this.tabBar, this.procedure, this.record, this.log);
    // Escape closes the object's panel and gives the focus back to its button
    this.panel.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        this.closePanel();
      }
    });
    this.applyDrawer();
  }

  /**
   * The room opened a station's close-up (null: back to the overview): the
   * twin marks that station's objects and the focus moves to the first of
   * them (without scrolling the page), so a keyboard or screen-reader user
   * is where the room is.
   */
  stationOpened(id: string | null) {
    this.station = id;
    this.clearHudRow();
    this.drawn.delete('twin');
    if (this.view) this.drawTwin();
    if (!id || this.readOnly) return;
    // only a keyboard or screen-reader user, whose focus is in the twin, follows the room to the close-up
    // (a tap in the room must not move a focus ring, nor the highlight that follows it, to another object)
    const first = this.twin.querySelector<HTMLElement>('.twin-object.at-station');
    if (first && this.twin.contains(document.activeElement) && document.activeElement?.matches(':focus-visible')) first.focus({ preventScroll: true });
  }

  /** The room asks to select an object (tap on the canvas). */
  select(objectId: string | null) {
    this.selected = objectId;
    this.cb.select?.(objectId);
    this.cb.highlight?.(objectId);
    this.drawTwin();
    this.drawPanel();
    const first = this.panel.querySelector<HTMLElement>('button, input');
    if (!this.readOnly && objectId) first?.focus();
  }

  /**
   * Shows a view. `feedbackFrom` (replay) shows as the latest judgement the
   * outcomes from that index on, instead of those not shown yet.
   */
  update(view: AttemptView, feedbackFrom?: number) {
    const first = !this.view;
    this.view = view;
    if (feedbackFrom !== undefined) this.shownOutcomes = Math.max(0, Math.min(feedbackFrom, view.outcomes.length));
    else if (first) this.shownOutcomes = Math.max(0, view.outcomes.length - 1); // a resumed attempt: the last message only
    this.drawHud();
    this.drawFaults();
    this.drawTwin();
    this.drawPanel();
    this.drawTabs();
    this.drawProcedure();
    this.drawRecord();
    this.drawLog();
    this.drawToast();
    if (view.end === 'closure' && !this.recordShownAtClosure) {
      // every step is done: the batch record is what is left, so show it (once: the trainee may close it)
      this.recordShownAtClosure = true;
      this.openDrawer('record');
    }
  }

  /** Redraws every text in the current language, progress untouched. */
  relabel() {
    if (!this.view) return;
    this.drawn.clear();
    this.drawer.setAttribute('aria-label', t('play.drawer.label'));
    this.roomSection.setAttribute('aria-label', t('play.room'));
    this.shownOutcomes = Math.max(0, this.shownOutcomes - 1);
    this.update(this.view);
  }

  private act(event: EngineEvent) {
    if (this.paused || this.readOnly) return;
    this.cb.act(event);
  }

  /** Whether the room may send events now: not paused, not read-only, not over. */
  get interactive(): boolean {
    return !this.paused && !this.readOnly && !!this.view && this.view.end !== 'passed' && this.view.end !== 'failed';
  }

  /** An action sent from the room (a drag, a read of a display): refused when paused, read-only or over, like the panel's buttons. */
  actFromRoom(event: ActEvent) {
    if (this.interactive) this.act(event);
  }

  /** A line of text over the room (loading, or the room cannot be drawn); null hides it. */
  roomNote(text: string | null) {
    this.roomNoteEl.textContent = text ?? '';
    this.roomNoteEl.hidden = text === null;
  }

  /** Draws a part only when what it shows changed (its key). */
  private changed(part: string, key: unknown): boolean {
    const k = JSON.stringify([key, lang(), this.paused]);
    if (this.drawn.get(part) === k) return false;
    this.drawn.set(part, k);
    return true;
  }

  private get disabled(): boolean {
    return this.paused || this.readOnly || this.view.end === 'passed' || this.view.end === 'failed';
  }

  /* ---------- HUD ---------- */

  private drawHud() {
    const v = this.view;
    const filled = v.record.filter((r) => r.filled).length;
    if (!this.changed('hud', [v.end, v.phaseIndex, v.clock, v.timeOfDay, v.score.penalties, v.mode, v.shows.score, this.drawerOpen, filled, v.record.length])) return;
    const scoreText = hudScore(v);
    const title = tr(this.c.scenario.title);
    const phase = v.end === 'closure' ? t('record.heading') : t('play.phase', { index: v.phaseIndex + 1, count: v.phaseCount, title: tr(v.phase.title) });
    patch(
      this.hud,
      h('h1', { class: 'sr-only' }, title),
      h('p', { class: 'scenario-title', 'aria-hidden': 'true' }, title),
      h('p', { class: 'phase', 'data-testid': 'phase', title: phase }, phase),
      h('div', { class: 'hud-status' }, this.clockLine(v), h('p', { class: 'score', 'data-testid': 'score' }, scoreText)),
      h('span', { class: 'mode-badge' }, t(`mode.${v.mode}`)),
      h(
        'div',
        { class: 'hud-buttons' },
        this.readOnly || !this.cb.guide ? null : h('button', { type: 'button', class: 'secondary', 'data-key': 'guide', onclick: () => this.cb.guide?.() }, t('play.guide')),
        this.readOnly ? null : h('button', { type: 'button', class: 'secondary', 'data-key': 'pause', 'aria-pressed': String(this.paused), onclick: () => this.togglePause() }, this.paused ? t('play.resume') : t('play.pause')),
        this.readOnly ? null : h('button', { type: 'button', class: 'secondary', 'data-key': 'quit', onclick: () => this.cb.quit() }, t('play.quit')),
        h(
          'button',
          { type: 'button', class: 'primary drawer-toggle', 'data-key': 'drawer', 'aria-expanded': String(this.drawerOpen), 'aria-controls': 'play-drawer', onclick: () => (this.drawerOpen ? this.closeDrawer() : this.openDrawer()) },
          this.drawerOpen ? t('play.drawer.hide') : t('play.drawer.show'),
          h('span', { class: 'drawer-count' }, ` ${filled}/${v.record.length}`),
        ),
      ),
    );
  }

  /**
   * The simulated clock: the time spent, or, when the batch record asks for
   * times of day (a hold's start and end), the time of day the trainee copies,
   * which stays shown on a portrait tablet too.
   */
  private clockLine(v: AttemptView) {
    return this.c.scenario.record.some((e) => e.kind === 'time')
      ? h('p', { class: 'clock time-of-day' }, t('play.timeOfDay', { time: v.timeOfDay }))
      : h('p', { class: 'clock' }, t('play.clockShort', { time: formatClock(v.clock) }));
  }

  private togglePause() {
    this.paused = !this.paused;
    this.pauseLayer.hidden = !this.paused;
    patch(this.pauseLayer, h('p', {}, t('play.paused')));
    this.el.classList.toggle('is-paused', this.paused);
    this.update(this.view);
  }

  /* ---------- the drawer ---------- */

  /** Opens the drawer, on a tab if given (the record at closure, the log from a judgement). */
  openDrawer(tab?: Tab) {
    this.drawerOpen = true;
    if (tab) this.tab = tab;
    this.applyDrawer();
    if (this.view) {
      this.drawHud();
      this.drawTabs();
    }
  }

  closeDrawer() {
    this.drawerOpen = false;
    this.applyDrawer();
    if (this.view) this.drawHud();
    this.hud.querySelector<HTMLElement>('[data-key="drawer"]')?.focus();
  }

  private applyDrawer() {
    this.el.classList.toggle('drawer-open', this.drawerOpen);
    this.drawer.hidden = !this.drawerOpen;
    for (const [tab, panel] of [['procedure', this.procedure], ['record', this.record], ['log', this.log]] as const) panel.hidden = this.tab !== tab;
  }

  private drawTabs() {
    const v = this.view;
    const filled = v.record.filter((r) => r.filled).length;
    if (!this.changed('tabs', [this.tab, this.drawerOpen, filled, v.record.length, v.outcomes.length])) return;
    this.applyDrawer();
    const tab = (id: Tab, label: string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tabbtn-${id}`,
          'data-key': `tab:${id}`,
          'aria-selected': String(this.tab === id),
          'aria-controls': `tab-${id}`,
          tabindex: this.tab === id ? 0 : -1,
          onclick: () => this.openDrawer(id),
          onkeydown: (ev: Event) => this.tabKey(ev as KeyboardEvent, id),
        },
        label,
      );
    patch(
      this.tabBar,
      tab('procedure', t('play.tab.procedure')),
      tab('record', `${t('play.tab.recordShort')} ${filled}/${v.record.length}`),
      tab('log', t('play.tab.log')),
      h('button', { type: 'button', class: 'link drawer-close', 'data-key': 'drawer-close', 'aria-label': t('play.drawer.hide'), onclick: () => this.closeDrawer() }, '✕'),
    );
    for (const id of ['procedure', 'record', 'log'] as const) this.drawer.querySelector(`#tab-${id}`)?.setAttribute('aria-labelledby', `tabbtn-${id}`);
  }

  /** Arrow keys move between tabs (WAI-ARIA tabs pattern). */
  private tabKey(ev: KeyboardEvent, id: Tab) {
    const order: Tab[] = ['procedure', 'record', 'log'];
    const i = order.indexOf(id);
    const next = ev.key === 'ArrowRight' ? order[(i + 1) % 3] : ev.key === 'ArrowLeft' ? order[(i + 2) % 3] : null;
    if (!next) return;
    ev.preventDefault();
    this.openDrawer(next);
    this.tabBar.querySelector<HTMLElement>(`[data-key="tab:${next}"]`)?.focus();
  }

  /* ---------- over the room ---------- */

  private drawFaults() {
    const v = this.view;
    const active = v.faults.filter((f) => f.stage !== 'documented');
    if (!this.changed('faults', active.map((f) => [f.id, f.stage]))) return;
    patch(
      this.faultStrip,
      active.map((f) =>
        h(
          'button',
          { type: 'button', class: 'fault-chip', 'data-key': `fault:${f.id}`, onclick: () => this.openDrawer('procedure') },
          `⚠ ${tr(f.title)} — ${t(`play.faultStage.${f.stage}`)}`,
        ),
      ),
    );
  }

  /** The words of a judgement (judgementText.ts), with the objects of the view shown for a reading. */
  describe(o: OutcomeView): Described {
    // an outcome's words in a language are written once: the toast and the log say the same, and the log keeps
    // what a reading showed when it was read
    return inLanguage(this.described, o, () => describeOutcome(o, this.view?.objects ?? []));
  }
  private described = new WeakMap<OutcomeView, { lang: string; value: Described }>();
  /** Each outcome's line in the log, made once per language (the log only grows: a long attempt's log was made again at every event). */
  private logLines = new WeakMap<OutcomeView, { lang: string; value: HTMLElement }>();

  /** The outcomes this reader may see as they happen (the view decides: in assessment, no judgement until the debrief). */
  private visible(list: OutcomeView[]): OutcomeView[] {
    return list.filter((o) => o.shown);
  }

  private drawToast() {
    const fresh = this.view.outcomes.slice(this.shownOutcomes);
    this.shownOutcomes = this.view.outcomes.length;
    if (!fresh.length) {
      if (this.drawn.get('toast-lang') !== lang()) this.renderToast();
      return;
    }
    const items: { o?: OutcomeView; target?: string }[] = this.visible(fresh).map((o) => ({ o, target: o.outcome.target }));
    // an action whose judgement is hidden is still acknowledged
    if (!this.view.shows.judgements && !items.length) items.push({ target: fresh[fresh.length - 1]?.outcome.target });
    // the mistakes first: a trainee reads the top line
    const bad = (x: { o?: OutcomeView }) => !!x.o && !x.o.good;
    this.toastItems = [...items.filter(bad), ...items.filter((x) => !bad(x))];
    this.renderToast();
  }

  private renderToast() {
    this.drawn.set('toast-lang', lang());
    const items = this.toastItems;
    // praise and news fade after a while, so the room is clear again; a mistake stays until the next gesture or ✕
    clearTimeout(this.toastTimer);
    if (items.length && items.every((x) => !x.o || (x.o.good && x.o.outcome.kind !== 'phase')) && !this.readOnly) {
      this.toastTimer = setTimeout(() => this.dismissToast(), TOAST_FADE_MS);
    }
    this.toast.hidden = !items.length;
    this.placeToast(items.find((x) => x.target)?.target);
    patch(
      this.toast,
      items.length
        ? h(
            'div',
            { class: 'toast-card' },
            items.map(({ o }) => {
              const d = o ? this.describe(o) : ({ title: t('outcome.noted'), tone: 'info' } as Described);
              // a new phase's brief can be long: its first lines here, all of it in the drawer's procedure tab
              const brief = o?.outcome.kind === 'phase';
              return h(
                'div',
                { class: `fb fb-${d.tone}${brief ? ' fb-brief' : ''}` },
                h('strong', {}, d.title),
                judgementBody(d, undefined, true),
                brief && d.detail ? h('button', { type: 'button', class: 'link toast-more', 'data-key': 'toast-more', onclick: () => this.openDrawer('procedure') }, t('play.readBrief')) : null,
              );
            }),
            h('button', { type: 'button', class: 'link toast-close', 'data-key': 'toast-close', 'aria-label': t('play.dismiss'), onclick: () => this.dismissToast() }, '✕'),
          )
        : null,
    );
  }

  private dismissToast() {
    this.toastItems = [];
    this.renderToast();
  }

  /**
   * Next to the gesture: over the half of the room away from the object the
   * judgement is about, so it never hides it (the room reports where each
   * object is on screen); at the top when the object is not known.
   */
  private placeToast(target?: string) {
    const at = target ? this.spotOf(target) : null;
    // the height the room reported its places for (reading the host's own height would lay the page out in the middle of an update)
    const bottom = !!at && at.y < (Number(this.roomHost.dataset.laidForH) || this.roomHost.clientHeight || 1) * 0.45;
    this.overlay.classList.toggle('at-bottom', bottom);
    this.clearHudRow();
  }

  /**
   * The judgement and the actions start below the row where a close-up shows
   * its back control and the station's name (a phase's brief hid the name, an
   * open panel the way back), in the overview as well: a panel opened by a
   * tap in the overview would otherwise jump down as the camera arrives, under
   * the finger reaching for it. Lower when the room reports them lower.
   */
  private clearHudRow() {
    const d = this.roomHost.dataset;
    const h = Number(d.laidForH) || 0;
    let below = BACK_MARGIN_CSS + BACK_H_CSS;
    for (const json of [d.back, d.closeTitle]) {
      if (!json) continue;
      try {
        const [, y, , hh] = JSON.parse(json) as number[];
        // (a name in a lower corner is not in the way)
        if (typeof y === 'number' && typeof hh === 'number' && (!h || y < h / 2)) below = Math.max(below, y + hh);
      } catch {
        /* not a place: nothing to keep clear of */
      }
    }
    const top = `${Math.ceil(below + BACK_MARGIN_CSS)}px`;
    // (the same value written again would still make the page check its styles)
    if (this.overlay.style.getPropertyValue('--overlay-top') !== top) this.overlay.style.setProperty('--overlay-top', top);
  }

  /* ---------- the twin and the action panel ---------- */

  private objectSummary(o: ObjectView): string {
    const parts = [tr(o.stateLabel)];
    parts.push(...lotLines(o));
    // a display shows in the twin only what the trainee has read on it
    for (const r of o.readings) if (r.read) parts.push(this.readLine(r));
    return parts.filter(Boolean).join(' · ');
  }

  private readLine(r: ReadingView): string {
    const read = r.read!;
    const label = r.label ? tr(r.label) : undefined;
    const value = showValue(read.value, label === undefined ? r : { decimals: r.decimals, unit: unitAfterLabel(label, r.unit, lang()) });
    const text = label === undefined ? value : t('play.readLabelled', { label, value });
    return `${t('play.readShort', { value: text, time: formatClock(read.at) })}${read.current ? '' : ` (${t('play.readStale')})`}`;
  }

  private drawTwin() {
    const v = this.view;
    if (!this.changed('twin', [this.selected, v.objects.map((o) => [o.id, o.state, o.alert, o.lot, o.expiry, o.readings.map((r) => r.read)])])) return;
    // each object's entry made again only when what it shows changed
    keyed(
      this.twin,
      v.objects.map((o) => ({
        key: JSON.stringify([o.id, o.state, o.alert, o.lot, o.expiry, o.readings.map((r) => r.read), this.selected === o.id, !!this.station && o.station === this.station, lang()]),
        make: () => h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `twin-object${o.alert ? ' alert' : ''}${this.selected === o.id ? ' selected' : ''}${this.station && o.station === this.station ? ' at-station' : ''}`,
              'data-key': `obj:${o.id}`,
              'data-object': o.id,
              'aria-expanded': String(this.selected === o.id),
              'aria-controls': 'actions-panel',
              'aria-describedby': `obj-state-${o.id}`,
              onclick: () => this.select(this.selected === o.id ? null : o.id),
              // rung in the room for a keyboard user's focus, not for a focus the screen gives back after a tap
              onfocus: (ev: Event) => (ev.currentTarget as HTMLElement).matches(':focus-visible') && this.cb.highlight?.(o.id),
              onmouseenter: () => this.cb.highlight?.(o.id),
              onblur: () => this.cb.highlight?.(this.selected),
              onmouseleave: () => this.cb.highlight?.(this.selected),
            },
            h('span', { class: 'twin-name' }, o.alert ? `⚠ ${tr(o.name)}` : tr(o.name)),
            h('span', { class: 'twin-state', id: `obj-state-${o.id}` }, this.objectSummary(o)),
          ),
        ),
      })),
    );
  }

  /**
   * A field of the record or of an action: a number (text with a decimal
   * keypad, read in either notation), or a text, date or time of day. A date
   * or time is a plain text field with its format as placeholder
   * (JJ/MM/AAAA, HH:MM), not `<input type=date|time>`: Chromium's date and
   * time pickers are typed in the order of the browser's locale, not of the
   * screen's language, are not typeable alike on a tablet, and would hide
   * the format a batch record is written in. The text keyboard is kept
   * (inputmode text) since a numeric keypad lacks "/" and ":" on many
   * tablets. A refusal shows under the field with a message.
   */
  private field(id: string, key: string, label: string, disabled: boolean, kind?: TextKind) {
    const error = this.invalid.get(key);
    const typed = kind
      ? { inputmode: 'text', autocapitalize: kind === 'text' ? 'characters' : 'off', spellcheck: 'false', 'data-kind': kind, ...(kind !== 'text' ? { placeholder: t(`record.format.${kind}`) } : {}) }
      : { inputmode: 'decimal' };
    return [
      h('input', { id, type: 'text', ...typed, autocomplete: 'off', 'data-key': key, disabled, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-err` : undefined, 'aria-label': label }),
      error ? h('p', { class: 'field-error', id: `${id}-err`, role: 'alert' }, error) : null,
    ];
  }

  /** Reads a number field, or a text, date or time field (`kind`); a refusal is shown under the field and nothing is sent. */
  private readField(form: HTMLElement, key: string): number | undefined;
  private readField(form: HTMLElement, key: string, kind: TextKind): string | undefined;
  private readField(form: HTMLElement, key: string, kind?: TextKind): number | string | undefined {
    const input = form.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!input) return undefined;
    const parsed = kind ? parseEntry(kind, input.value) : parseDecimal(input.value);
    if (parsed.ok) {
      this.invalid.delete(key);
      return parsed.value;
    }
    const what = kind ?? 'number';
    this.invalid.set(key, parsed.empty ? t(`play.${what}Missing`) : t(`play.${what}Invalid`, { text: input.value.trim().slice(0, 20) }));
    this.drawn.delete('panel');
    this.drawn.delete('record');
    this.drawPanel();
    this.drawRecord();
    this.el.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
    return undefined;
  }

  private drawPanel() {
    const o = this.view?.objects.find((x) => x.id === this.selected);
    // (the objects in the room, for the other ends of its gestures)
    if (!this.changed('panel', o ? [o.id, o.state, o.alert, o.lot, o.expiry, o.readings.map((r) => [r.key, r.read]), this.view.end, [...this.invalid], this.view.objects.length] : null)) return;
    this.overlay.classList.toggle('with-panel', !!o);
    if (!o) {
      keyed(this.panel, []);
      this.panel.hidden = true;
      return;
    }
    this.panel.hidden = false;
    this.panel.id = 'actions-panel';
    this.overlay.classList.toggle('at-left', this.objectOnRight(o.id));
    const disabled = this.disabled;
    // a two-ended gesture is offered while one of its other ends is in the room (an absent object is not: look.ts)
    const offered = o.actions.filter((a) => !a.with || a.with.some((w) => this.view.objects.some((x) => x.id === w)));
    const reads = () =>
      h(
        'div',
        { class: 'readings' },
        o.readings.map((r) => {
          const label = r.label ? t('play.readNamed', { label: tr(r.label) }) : t('play.read');
          return h(
            'div',
            { class: 'reading' },
            h('button', { type: 'button', class: 'action read', 'data-key': `read:${r.key}`, disabled, onclick: () => this.act({ type: 'ACT', verb: READ_VERB, target: o.id, ...(r.reading ? { reading: r.reading } : {}) }) }, label),
            r.read ? h('p', { class: 'read-value', 'data-reading': r.key }, this.readLine(r)) : null,
          );
        }),
      );
    const actions = () =>
      h(
        'div',
        { class: 'action-list' },
        offered.map((a) => {
          if (a.with) {
            // a two-ended gesture (drag onto its other end in the room): here, choose the other end, among those in the room now
            const ends = a.with.flatMap((w) => this.view.objects.filter((x) => x.id === w));
            return h(
              'div',
              { class: 'action-with', role: 'group', 'aria-label': tr(a.label) },
              h('p', { class: 'action-with-label' }, `${tr(a.label)} — ${t('play.onto')}`),
              ends.map((other) =>
                h('button', { type: 'button', class: 'action', 'data-key': `act:${o.id}:${a.verb}:${other.id}`, disabled, onclick: () => this.act({ type: 'ACT', verb: a.verb, target: o.id, with: other.id }) }, tr(other.name)),
              ),
            );
          }
          if (!a.input) {
            return h('button', { type: 'button', class: 'action', 'data-key': `act:${o.id}:${a.verb}`, disabled, onclick: () => this.act({ type: 'ACT', verb: a.verb, target: o.id }) }, tr(a.label));
          }
          const id = `in-${o.id}-${a.verb}`;
          const key = `in:${o.id}:${a.verb}`;
          const label = `${tr(a.label)} — ${t('play.valueLabel', { label: tr(a.input.label), unit: unitShown(a.input.unit) })}`;
          return h(
            'form',
            {
              class: 'value-form',
              onsubmit: (ev: Event) => {
                ev.preventDefault();
                const value = this.readField(this.panel, key);
                if (value === undefined) return;
                const input = this.panel.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(key)}"]`);
                if (input) input.value = '';
                this.act({ type: 'ACT', verb: a.verb, target: o.id, value });
              },
            },
            h('label', { for: id }, label),
            this.field(id, key, label, disabled),
            h('button', { type: 'submit', class: 'action', 'data-key': `act:${o.id}:${a.verb}`, disabled }, t('play.enterValue')),
          );
        }),
      );
    // each part made again only when what it shows changed: after a gesture the actions usually stay as they were,
    // and the button just tapped keeps the focus
    const part = (key: unknown[], make: () => HTMLElement) => ({ key: JSON.stringify([o.id, lang(), disabled, ...key]), make });
    const ends = offered.map((a) => [a.verb, a.with?.filter((w) => this.view.objects.some((x) => x.id === w)) ?? null]);
    keyed(this.panel, [
      part(['name'], () => h('h2', { id: 'actions-h' }, tr(o.name))),
      part(['state', o.state, o.lot, o.expiry], () => h('p', { class: 'muted' }, [tr(o.stateLabel), ...lotLines(o)].filter(Boolean).join(' · '))),
      ...(o.readings.length ? [part(['reads', o.readings.map((r) => [r.key, r.read])], reads)] : []),
      ...(offered.length === 0 ? [part(['none'], () => h('p', {}, t('play.noActions')))] : []),
      part(['actions', ends, [...this.invalid]], actions),
      // a tap or click (detail > 0) gives the focus back without scrolling the room away; Enter or Space scrolls to it
      part(['close'], () => h('button', { type: 'button', class: 'link panel-close', 'data-key': 'close-panel', onclick: (ev: Event) => this.closePanel((ev as MouseEvent).detail > 0) }, t('play.close'))),
    ]);
  }

  /**
   * Closes the selected object's actions and gives the focus back to its twin
   * button. With a pointer the page must not scroll: the twin is under the
   * room, and moving it into view would move the room the trainee works in.
   */
  private closePanel(pointer = false) {
    const was = this.selected;
    this.select(null);
    if (was) this.twin.querySelector<HTMLElement>(`[data-object="${CSS.escape(was)}"]`)?.focus({ preventScroll: pointer });
  }

  /** Whether the object is drawn in the right half of the room: the panel then opens on the left, so both show. */
  private objectOnRight(id: string): boolean {
    const at = this.spotOf(id);
    // the width the room laid its places out for (reading the host's own width would lay the page out in the middle of an update)
    const width = Number(this.roomHost.dataset.laidFor) || this.roomHost.clientWidth || 1;
    return !!at && at.x > width / 2;
  }

  /** Where the room draws an object (CSS px from its corner, as the room reports it on its host), if it does. */
  private spotOf(id: string): { x: number; y: number } | null {
    try {
      return (JSON.parse(this.roomHost.dataset.objects ?? '[]') as { id: string; x: number; y: number }[]).find((o) => o.id === id) ?? null;
    } catch {
      return null;
    }
  }

  /* ---------- the procedure, the record, the log ---------- */

  private drawProcedure() {
    const v = this.view;
    const active = v.faults.filter((f) => f.stage !== 'documented');
    if (!this.changed('procedure', [v.end, v.phaseIndex, active.map((f) => [f.id, f.stage]), v.shows.steps ? v.steps.map((s) => [s.id, s.done, s.open, s.redo]) : null])) return;
    const steps =
      !v.shows.steps
        ? null
        : h(
            'div',
            { class: 'steps' },
            h('h3', {}, t('play.steps')),
            h(
              'ol',
              { class: 'step-list' },
              v.steps.map((s) =>
                h(
                  'li',
                  { class: `${s.done ? 'done' : s.open ? 'open' : 'locked'}${s.redo ? ' redo' : ''}` },
                  h('span', { class: 'step-mark', 'aria-hidden': 'true' }, s.done ? '✓' : s.redo ? '↺' : s.open ? '○' : '·'),
                  h('span', {}, `${s.fault ? '⚠ ' : ''}${s.number ? `${s.number}. ` : ''}${tr(s.title)}`, s.redo ? h('em', { class: 'step-redo' }, ` (${t('play.redo')})`) : null),
                  h('span', { class: 'sr-only' }, ` (${s.done ? t('play.done') : s.open ? t('play.todo') : t('play.notYet')})`),
                  !s.done && s.open && s.hint
                    ? h(
                        'details',
                        { class: 'hint', 'data-key': `hintbox:${s.id}`, ontoggle: (ev: Event) => this.hintToggled(ev, s.id) },
                        h('summary', { 'data-key': `hint:${s.id}` }, t('play.showHint')),
                        h('p', {}, tr(s.hint)),
                      )
                    : null,
                ),
              ),
            ),
          );
    patch(
      this.procedure,
      h('h2', {}, v.end === 'closure' ? t('record.heading') : tr(v.phase.title)),
      v.end === 'closure' ? h('p', {}, t('play.closure')) : v.phase.intro ? h('p', {}, tr(v.phase.intro)) : null,
      active.map((f) => h('div', { class: 'fault-banner', role: 'alert' }, h('strong', {}, `⚠ ${t('play.fault')} — ${tr(f.title)} (${t(`play.faultStage.${f.stage}`)})`), h('p', {}, tr(f.announce)))),
      steps,
    );
  }

  /** A hint opened for the first time counts (the debrief says how many were used); it stays open across redraws. */
  private hintToggled(ev: Event, stepId: string) {
    const open = (ev.currentTarget as HTMLDetailsElement).open;
    if (!open || this.readOnly || this.hintsOpened.has(stepId)) return;
    this.hintsOpened.add(stepId);
    this.cb.act({ type: 'HINT' });
  }

  private recordRow(r: RecordView) {
    const e = r.entry;
    const disabled = this.disabled;
    const status: string[] = [];
    if (r.filled) {
      if (r.value !== undefined) status.push(entryText(e, r.value));
      else status.push(e.kind === 'signature' ? t('record.signed') : t('record.checked'));
      if (r.wrong && this.view.shows.judgements) status.push(t('record.wrong'));
      if (r.late && this.view.shows.judgements) status.push(t('record.late'));
    } else status.push(t('record.empty'));
    const corrections = r.corrections.map((c) =>
      h('li', { class: 'correction' }, t('record.corrected', { from: c.from !== undefined ? entryText(e, c.from) : '✓', to: c.to !== undefined ? entryText(e, c.to) : '✓', reason: c.reason })),
    );
    const valueId = `rec-${e.id}`;
    const kind = isTextKind(e.kind) ? e.kind : undefined;
    /** What the entry's field gives the event: a number as `value`, a text, date or time as `text`; null when refused. */
    const written = (key: string): Pick<ActEvent, 'value' | 'text'> | null => {
      if (kind) {
        const text = this.readField(this.record, key, kind);
        return text === undefined ? null : { text };
      }
      const value = this.readField(this.record, key);
      return value === undefined ? null : { value };
    };
    const fieldLabel = kind ? t(`record.kind.${kind}`) : `${t('record.value')}${e.unit ? ` (${unitShown(e.unit)})` : ''}`;
    let controls: HTMLElement;
    if (!r.filled) {
      if (e.kind === 'value' || kind) {
        const key = `recin:${e.id}`;
        const label = `${tr(e.label)} — ${fieldLabel}`;
        controls = h(
          'form',
          {
            class: 'record-form',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              const w = written(key);
              if (w) this.act({ type: 'ACT', verb: 'record', target: e.id, ...w });
            },
          },
          this.field(valueId, key, label, disabled, kind),
          e.unit ? h('span', { class: 'unit', 'aria-hidden': 'true' }, unitShown(e.unit)) : null,
          h('button', { type: 'submit', 'data-key': `rec:${e.id}`, disabled, 'aria-label': `${t('record.record')} — ${tr(e.label)}` }, t('record.record')),
        );
      } else {
        const verb = e.kind === 'signature' ? 'sign' : 'record';
        const label = e.kind === 'signature' ? t('record.sign') : t('record.check');
        controls = h('button', { type: 'button', 'data-key': `rec:${e.id}`, disabled, 'aria-label': `${label} — ${tr(e.label)}`, onclick: () => this.act({ type: 'ACT', verb, target: e.id }) }, label);
      }
    } else {
      const key = `fixin:${e.id}`;
      const reason = h('input', { id: `${valueId}-why`, type: 'text', maxlength: 200, 'data-key': `why:${e.id}`, disabled });
      controls = h(
        'details',
        { class: 'correct', 'data-key': `fixbox:${e.id}` },
        h('summary', { 'data-key': `fix:${e.id}` }, `${t('record.correct')} — ${tr(e.label)}`),
        h(
          'form',
          {
            class: 'record-form',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              let w: Pick<ActEvent, 'value' | 'text'> | null = { value: undefined };
              if (e.kind === 'value' || kind) {
                w = written(key);
                if (!w) return;
              }
              const why = this.record.querySelector<HTMLInputElement>(`[data-key="why:${CSS.escape(e.id)}"]`)?.value ?? '';
              this.act({ type: 'ACT', verb: 'correct', target: e.id, ...w, reason: why });
            },
          },
          e.kind === 'value' || kind ? h('label', { for: `${valueId}-fix` }, fieldLabel) : null,
          e.kind === 'value' || kind ? this.field(`${valueId}-fix`, key, `${tr(e.label)} — ${fieldLabel}`, disabled, kind) : null,
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
    const v = this.view;
    if (!this.changed('record', [v.end, v.shows.judgements, v.record.map((r) => [r.entry.id, r.filled, r.value, r.wrong, r.late, r.corrections.length]), [...this.invalid]])) return;
    const submit = () =>
      h('button', { type: 'button', class: 'primary', 'data-key': 'submit', disabled: this.readOnly, onclick: () => this.act({ type: 'ACT', verb: 'submit', target: 'batch-record' }) }, t('play.submit'));
    patch(
      this.record,
      h('h2', {}, t('record.heading')),
      v.end === 'closure' ? h('div', { class: 'closure-box' }, h('p', {}, t('play.closure')), submit()) : null,
      h('ul', { class: 'record-list' }, v.record.map((r) => this.recordRow(r))),
    );
  }

  private drawLog() {
    const list = this.visible(this.view.outcomes);
    if (!this.changed('log', [list.length, this.view.shows.judgements])) return;
    const item = (o: OutcomeView) =>
      inLanguage(this.logLines, o, () => {
        const d = this.describe(o);
        return h('li', { class: `fb fb-${d.tone}` }, h('strong', {}, d.title), judgementBody(d));
      });
    const older = list.slice(0, -1);
    const last = list[list.length - 1];
    patch(
      this.log,
      h('h2', {}, t('play.tab.log')),
      !list.length ? h('p', { class: 'muted' }, t('play.logEmpty')) : null,
      older.length ? h('details', { class: 'log-history', 'data-key': 'log-history' }, h('summary', { 'data-key': 'log-history-sum' }, t('play.logHistory', { count: older.length })), h('ol', { class: 'log-list' }, older.map(item))) : null,
      last ? h('ol', { class: 'log-list log-last', start: list.length }, item(last)) : null,
    );
  }
}

/** What `make` gives for an outcome, made once per language and kept while the outcome lives. */
function inLanguage<T>(cache: WeakMap<OutcomeView, { lang: string; value: T }>, o: OutcomeView, make: () => T): T {
  const known = cache.get(o);
  if (known && known.lang === lang()) return known.value;
  const value = make();
  cache.set(o, { lang: lang(), value });
  return value;
}
