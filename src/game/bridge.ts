/**
 * The one link between the page and the Phaser scenes: the latest view and
 * language, the highlighted object, the callbacks to the session, and what
 * the room tells the page back (its state and, for tests and tools, where
 * each object is on screen, as data attributes on the host). No Phaser here,
 * so the page can hold it before Phaser has loaded.
 */
import type { ActEvent, Lang } from '../engine/types';
import type { AttemptView, ObjectView } from '../engine/view';

export type RoomEnd = 'running' | 'passed' | 'failed';

export interface RoomState {
  objects: ObjectView[];
  end: RoomEnd;
  score?: { total: number; passMark: number };
}

export interface SceneHooks {
  /** The view or the language changed. */
  refresh(): void;
  highlight(id: string | null): void;
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
}

export interface ScreenTarget {
  id: string;
  /** Centre and hit radius in CSS px, relative to the host's top-left corner. */
  x: number;
  y: number;
  r: number;
  /** The drag verb, when the object can be dragged onto the room. */
  drag?: string;
}

export class RoomBridge {
  readonly host: HTMLElement;
  readonly room: string;
  readonly reducedMotion: boolean;
  state: RoomState;
  lang: Lang;
  highlighted: string | null = null;
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
    this.state = { objects: view.objects, end, score: { total: view.score.total, passMark: view.score.passMark } };
    this.lang = lang;
    this.publish('lang', lang);
    this.hooks?.refresh();
  }

  setHighlight(id: string | null) {
    this.highlighted = id;
    this.publish('highlight', id ?? '');
    this.hooks?.highlight(id);
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

  /** From the room: an object was dragged onto the room. */
  act(verb: string, target: string) {
    if (this.closed || this.state.end !== 'running') return;
    this.o.onAct({ type: 'ACT', verb, target });
  }

  close() {
    this.closed = true;
    this.hooks = null;
  }

  /* ---------- what the room tells the page (data attributes on the host) ---------- */

  publish(name: string, value: string | number) {
    if (!this.closed) this.host.dataset[name] = String(value);
  }

  publishTargets(targets: ScreenTarget[]) {
    this.publish('objects', JSON.stringify(targets.map((t) => ({ ...t, x: Math.round(t.x), y: Math.round(t.y), r: Math.round(t.r) }))));
  }
}
