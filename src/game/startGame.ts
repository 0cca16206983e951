/**
 * Starts Phaser in the host (this module and Phaser are the lazily loaded
 * chunk). The stage is 1280×720 room units, FIT into the host; the canvas
 * gets as many pixels as the host shows (½× to 2× the stage, layout.ts
 * pixelZoom) and the cameras zoom by the same factor, so lines and text stay
 * crisp at devicePixelRatio 2 and no frame is spent on pixels nobody sees;
 * a host grown well beyond its canvas gets a new one (startGame).
 * WebGL where the GPU runs it, else the canvas renderer (index.ts,
 * roomRenderer); the canvas again when WebGL fails to start after all.
 */
import Phaser from 'phaser';
import type { RoomBridge } from './bridge';
import { pixelZoom, ROOM_H, ROOM_W } from './layout';
import { BootScene } from './scenes/BootScene';
import { DebriefScene } from './scenes/DebriefScene';
import { PreloaderScene } from './scenes/PreloaderScene';
import { RoomScene } from './scenes/RoomScene';
import { syncScale } from './syncScale';

function create(bridge: RoomBridge, type: number): Phaser.Game {
  const zoom = pixelZoom(bridge.host.clientWidth || ROOM_W, globalThis.devicePixelRatio || 1);
  const game = new Phaser.Game({
    type,
    parent: bridge.host,
    banner: false,
    backgroundColor: '#dfe9ee',
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: ROOM_W * zoom,
      height: ROOM_H * zoom,
      // the page lays the host out; Phaser must not stretch the body
      expandParent: false,
    },
    render: { antialias: true, powerPreference: 'low-power', failIfMajorPerformanceCaveat: true },
    input: { keyboard: false, gamepad: false, mouse: { preventDefaultWheel: false } },
    audio: { noAudio: true },
    disableContextMenu: true,
    scene: [BootScene, PreloaderScene, RoomScene, DebriefScene],
  });
  game.registry.set('bridge', bridge);
  game.registry.set('zoom', zoom);
  return game;
}

/** One game in the host: its zoom and how to stop it. Throws when no renderer can start. */
function launch(bridge: RoomBridge, renderer: 'webgl' | 'canvas'): { zoom: number; stop(): void } {
  let game: Phaser.Game;
  try {
    game = create(bridge, renderer === 'webgl' ? Phaser.AUTO : Phaser.CANVAS);
  } catch (first) {
    // a half-built game may have left a canvas behind
    bridge.host.replaceChildren();
    try {
      game = create(bridge, Phaser.CANVAS);
    } catch {
      bridge.host.replaceChildren();
      throw first;
    }
  }
  game.canvas?.setAttribute('aria-hidden', 'true');
  // which renderer started after all (data-renderer on the host, for tools such as npm run bench)
  const tellRenderer = () => bridge.publish('renderer', game.config.renderType === Phaser.WEBGL ? 'webgl' : 'canvas');
  if (game.isBooted) tellRenderer();
  else game.events.once(Phaser.Core.Events.BOOT, tellRenderer);
  const lost = () => bridge.publish('roomState', 'failed');
  game.canvas?.addEventListener('webglcontextlost', lost);
  // Phaser maps page coordinates through the canvas bounds it measured last;
  // the page around the room can move or resize it (a banner, the drawer), so
  // measure again just before Phaser reads a press or a move.
  const remeasure = () => game.isBooted && syncScale(game.scale);
  const events = ['mousedown', 'mousemove', 'touchstart', 'touchmove'] as const;
  for (const e of events) bridge.host.addEventListener(e, remeasure, { capture: true, passive: true });
  // Phaser keeps its WebGL context after destroy; a kiosk starts many sessions a day, so give it back
  const gl = (game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer> | null)?.gl;
  game.events.once(Phaser.Core.Events.DESTROY, () => setTimeout(() => gl?.getExtension('WEBGL_lose_context')?.loseContext(), 0));
  return {
    zoom: game.registry.get('zoom') as number,
    stop() {
      for (const e of events) bridge.host.removeEventListener(e, remeasure, { capture: true });
      // giving the context back is not a failure of the room
      game.canvas?.removeEventListener('webglcontextlost', lost);
      // Phaser destroys at its next step, up to a still room's frame later: the canvas goes at once,
      // so a game started in its place is never laid out below it
      game.canvas?.remove();
      game.destroy(true);
    },
  };
}

/**
 * Starts the game with the renderer the probe chose (index.ts, roomRenderer);
 * returns how to stop it. Throws when no renderer can start. The canvas has
 * only the pixels the host shows; when the host grows well beyond them (a
 * tablet turned, a window enlarged), the game starts again at the new size,
 * drawing the same view: the engine's state lives in the page, not here.
 */
export function startGame(bridge: RoomBridge, renderer: 'webgl' | 'canvas'): () => void {
  let current = launch(bridge, renderer);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const regrow = () => {
    const wanted = pixelZoom(bridge.host.clientWidth, globalThis.devicePixelRatio || 1);
    if (wanted <= current.zoom * 1.1) return;
    current.stop();
    try {
      current = launch(bridge, renderer);
    } catch (err) {
      current = { zoom: Infinity, stop: () => undefined };
      bridge.publish('roomState', 'failed');
      console.warn('The cleanroom view could not be drawn again at its new size; the object buttons still play.', err);
    }
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    clearTimeout(timer);
    // once the resize has settled: a window dragged larger fires many
    timer = setTimeout(regrow, 250);
  }) : null;
  observer?.observe(bridge.host);
  return () => {
    observer?.disconnect();
    clearTimeout(timer);
    current.stop();
    delete bridge.host.dataset.renderer;
  };
}
