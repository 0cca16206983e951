/**
 * The virtual cleanroom, mounted in a host element: Phaser is loaded on
 * demand (its own chunk), so the DOM twin plays before it arrives and without
 * it. When WebGL and canvas both fail, or the chunk cannot load, the room
 * says so on its host (data-room-state="failed") and nothing is thrown at the
 * trainee. The room renders views and sends events; it decides nothing.
 */
import type { Lang } from '../engine/types';
import type { AttemptView } from '../engine/view';
import { RoomBridge, type BridgeOptions } from './bridge';

export interface CleanroomOptions extends Omit<BridgeOptions, 'host'> {
  parent: HTMLElement;
}

export interface Cleanroom {
  /** Resolves once the room is drawn; rejects when it cannot be (the DOM twin alone still plays). */
  ready: Promise<void>;
  update(view: AttemptView, lang: Lang): void;
  highlight(objectId: string | null): void;
  /** Opens a station's close-up (its id, as in src/engine/rooms.ts), or the overview (null). */
  setStation(stationId: string | null): void;
  destroy(): void;
}

/**
 * Which renderer suits this browser, from one probe (a WebGL context costs
 * tens of milliseconds on a slow tablet): WebGL when the GPU runs it; a 2D
 * canvas when WebGL is missing or only emulated in software (SwiftShader,
 * llvmpipe… on a classroom PC with a blocklisted GPU, or a headless
 * browser), where this flat room draws much faster on a canvas; null when
 * neither can start.
 */
export function roomRenderer(): 'webgl' | 'canvas' | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      // a probe only: give the context back at once (browsers keep few of them)
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      if (!/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name)) return 'webgl';
    }
    return document.createElement('canvas').getContext('2d') ? 'canvas' : null;
  } catch {
    return null;
  }
}

let roomCode: Promise<typeof import('./startGame')> | null = null;
/** The renderer the probe found in this page (probed once: a WebGL context is costly, and the answer does not change). */
let probed: ReturnType<typeof roomRenderer> | undefined;
/**
 * Starts fetching the room's code (Phaser and the scenes, a chunk of their
 * own) without drawing anything: called when a room is sure to come (a link
 * straight to a procedure) or likely (the home screen, once it is shown), so
 * the room is drawn as soon as the procedure opens instead of after a second
 * download. A failed fetch is forgotten: the room's own start tries again.
 */
export function preloadRoom(): Promise<typeof import('./startGame')> {
  // no renderer, no room: Phaser is not even loaded (its own start would touch a canvas that cannot draw)
  probed ??= roomRenderer();
  if (!probed) return Promise.reject(new Error('No WebGL or canvas on this device'));
  return (roomCode ??= import('./startGame').catch((err: unknown) => {
    roomCode = null;
    throw err;
  }));
}

export function mountCleanroom(o: CleanroomOptions): Cleanroom {
  const bridge = new RoomBridge({ host: o.parent, room: o.room, objects: o.objects, lang: o.lang, reducedMotion: o.reducedMotion, onSelect: o.onSelect, onAct: o.onAct, onStation: o.onStation });
  let destroyed = false;
  let stop: (() => void) | null = null;
  const host = o.parent;
  host.dataset.room = o.room;
  host.dataset.roomState = 'loading';

  const ready = (async () => {
    const renderer = (probed ??= roomRenderer());
    if (!renderer) throw new Error('No WebGL or canvas on this device');
    const { startGame } = await preloadRoom();
    if (destroyed) return;
    stop = startGame(bridge, renderer);
    await bridge.ready;
  })();
  ready.then(
    () => {
      if (!destroyed) host.dataset.roomState = 'ready';
    },
    (err: unknown) => {
      if (destroyed) return;
      host.dataset.roomState = 'failed';
      bridge.close();
      try {
        stop?.();
      } catch {
        /* the room is gone either way */
      }
      stop = null;
      console.warn('The cleanroom view is not available; the object buttons still play.', err);
    },
  );
  // a caller that does not wait for the room must not see an unhandled rejection
  ready.catch(() => undefined);

  return {
    ready,
    update: (view, lang) => bridge.setView(view, lang),
    highlight: (id) => bridge.setHighlight(id),
    setStation: (id) => bridge.setStation(id),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      bridge.close();
      stop?.();
      stop = null;
      delete host.dataset.roomState;
      delete host.dataset.objects;
      delete host.dataset.stations;
      delete host.dataset.station;
      delete host.dataset.back;
      delete host.dataset.view;
    },
  };
}
