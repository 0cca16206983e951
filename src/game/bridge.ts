/**
 * The one link between the page and the Phaser scenes: the latest view and
 * language, the highlighted object, the callbacks to the session, and what
 * the room tells the page back (its state and, for tests and tools, where
 * each object is on screen, as data attributes on the host). No Phaser here,
 * so the page can hold it before Phaser has loaded.
 */
import type { ActEvent, Lang, Localized } from '../engine/types';
import type { AttemptView, ObjectView } from '../engine/view';

/**
 * A close-up's back control, in CSS px: its height (a touch target of at
 * least 44 px) and its margin from the room's top left corner. The page keeps
 * its judgement and actions below that row.
 */
export const BACK_H_CSS = 48;
export const BACK_MARGIN_CSS = 8;

export type RoomEnd = 'running' | 'passed' | 'failed';

export interface RoomState {
  objects: ObjectView[];
  /** What two-ended gestures joined (a tube drawn between them). */
  links?: { verb: string; from: string; to: string }[];
  end: RoomEnd;
  score?: { total: number; passMark: number };
  /** The correct decision that ended the procedure (a batch put on hold, a material rejected), in both languages. */
  decision?: Localized;
}

export interface SceneHooks {
  /** The view or the language changed. */
  refresh(): void;
  highlight(id: string | null): void;
  /** The page opens a station's close-up (null: the overview). */
  station(id: string | null): void;
}

export interface BridgeOptions {
  host: HTMLElement;
  /** The scenario's `room`: changing-room, prep-room, grade-b-lab, upstream-suite or downstream-suite. */
  room: string;
  objects: ObjectView[];
  lang: Lang;
  reducedMotion: boolean;
  onSelect(objectId: string): void;
  onAct(event: ActEvent): void;
  /** The room opened a station's close-up (its id) or went back to the overview (null). */
  onStation?(stationId: string | null): void;
}

/** A rectangle on the page: x, y (top-left, CSS px from the host's top-left corner), width, height. */
export type ScreenRect = [x: number, y: number, w: number, h: number];

export interface ScreenTarget {
  id: string;
  /** The centre of its drawing as drawn, in CSS px from the host's top-left corner: a tap there selects it. */
  x: number;
  y: number;
  /** Hit radius in CSS px (at least half a 44 px target). */
  r: number;
  /** The drag verb, when the object can be dragged onto the room. */
  drag?: string;
  /** Its station ('' in a room without stations). */
  station: string;
  /** Its drawing's bounds as drawn (not its hit area), and its label's box. */
  box: ScreenRect;
  label: ScreenRect;
  /** Its readout plate's box and font size (CSS px), when it shows one (a close-up of an instrument with several readings read). */
  readout?: ScreenRect;
  readoutFont?: number;
  /** Its label's font size, in CSS px. */
  font: number;
}

export interface ScreenStation {
  id: string;
  /** Its name in the current language. */
  name: string;
  /** Its area as shown now (off the canvas in part, in another station's close-up). */
  box: ScreenRect;
  /** Its name tab in the overview; null in a close-up. */
  tab: ScreenRect | null;
}

export class RoomBridge {
  readonly host: HTMLElement;
  readonly room: string;
  readonly reducedMotion: boolean;
  state: RoomState;
  lang: Lang;
  highlighted: string | null = null;
  /** The station whose close-up is open (null: the overview); kept here so that a room started again at a new size reopens it. */
  station: string | null = null;
  private hooks: SceneHooks | null = null;
  private readyResolve!: () => void;
  private readyReject!: (err: unknown) => void;
  readonly ready: Promise<void>;
  private closed = false;

  constructor(private o: BridgeOptions) {
    this.host = o.host;
    this.room = o.room;
    this.reducedMotion = o.reducedMotion;
    this.lang = o.lang;
    this.state = { objects: o.objects, end: 'running' };
    this.publish('lang', o.lang);
    this.ready = new Promise((ok, ko) => {
      this.readyResolve = ok;
      this.readyReject = ko;
    });
    this.ready.catch(() => undefined);
  }

  /** From the page: a new view, maybe in a new language. */
  setView(view: AttemptView, lang: Lang) {
    const end: RoomEnd = view.end === 'passed' || view.end === 'failed' ? view.end : 'running';
    this.state = { objects: view.objects, links: view.links, end, score: { total: view.score.total, passMark: view.score.passMark }, ...(view.decision ? { decision: view.decision.title } : {}) };
    this.lang = lang;
    this.publish('lang', lang);
    this.hooks?.refresh();
  }

  setHighlight(id: string | null) {
    // a tap on a twin button says it three times (pointer over it, focus, choice): the room lays its labels out once
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.publish('highlight', id ?? '');
    this.hooks?.highlight(id);
  }

  /** From the page: open a station's close-up (null: back to the overview), as a tap on it would. */
  setStation(id: string | null) {
    if (this.hooks) this.hooks.station(id);
    else this.station = id;
  }

  /** From the room scene: the close-up now shown (null: the overview). */
  stationChanged(id: string | null) {
    const changed = id !== this.station;
    this.station = id;
    this.publish('station', id ?? '');
    if (changed && !this.closed) this.o.onStation?.(id);
  }

  /** From the room scene: it is drawn and listens. */
  attach(hooks: SceneHooks) {
    this.hooks = hooks;
    this.readyResolve();
  }

  /** From the game: it could not start or draw (no WebGL context, a scene failed…). */
  fail(err: unknown) {
    this.readyReject(err);
  }

  detach(hooks: SceneHooks) {
    if (this.hooks === hooks) this.hooks = null;
  }

  /** From the room: the trainee tapped an object. Never after the end or once closed. */
  select(id: string) {
    if (this.closed || this.state.end !== 'running') return;
    this.o.onSelect(id);
  }

  /** From the room: an object was dragged (onto the room, or onto another object: `with`), or its display tapped (`read`). */
  act(verb: string, target: string, extra: { with?: string; reading?: string } = {}) {
    if (this.closed || this.state.end !== 'running') return;
    this.o.onAct({ type: 'ACT', verb, target, ...(extra.with ? { with: extra.with } : {}), ...(extra.reading ? { reading: extra.reading } : {}) });
  }

  close() {
    this.closed = true;
    this.hooks = null;
  }

  /* ---------- what the room tells the page (data attributes on the host) ---------- */

  publish(name: string, value: string | number) {
    // the same value again is not written (every write makes the page check its styles)
    if (!this.closed && this.host.dataset[name] !== String(value)) this.host.dataset[name] = String(value);
  }

  publishTargets(targets: ScreenTarget[]) {
    this.publish('objects', JSON.stringify(targets));
  }
}
