/**
 * One training session on screen: the play screen and the room, both fed by
 * an engine attempt. Used by the trainee side (main.ts) and the kiosk, so the
 * wiring exists once. The room (Phaser, loaded on demand) is mounted in the
 * play screen's room host; the DOM twin plays without it. The instructor's
 * replay does not come through here: ReplayScreen (ui/instructor) shows the
 * recorded events in a read-only play screen of its own, and
 * instructorArea.ts draws its room.
 */
import type { Attempt } from '../engine/attempt';
import type { EngineEvent } from '../engine/types';
import { viewOf, type AttemptView } from '../engine/view';
import { mountCleanroom, type Cleanroom } from '../game';
import { lang, t } from '../i18n';
import { h, render } from '../ui/dom';
import { showGuide } from '../ui/guide';
import { PlayScreen } from '../ui/playScreen';
import type { Snapshot } from '../engine/attempt';

export interface SessionHooks {
  /** After each event (autosave goes here). */
  onEvent?(snapshot: Snapshot, event: EngineEvent): void;
  /** The attempt reached passed or failed. */
  onEnd(attempt: Attempt, screen: PlayScreen): void;
  quit(): void;
  /** The guide was shown to its end or skipped (the HUD's "Guide" button and the first play show it). */
  guideSeen?(): void;
  /** False while this tab may not play the attempt (another tab took it): every gesture is refused, never sent. */
  canAct?(): boolean;
}

export interface LiveSession {
  screen: PlayScreen;
  relabel(): void;
  /** Shows the short guide over the play screen. */
  showGuide(): void;
  /** Another tab plays this attempt now: says so above the procedure, with a button to take it back here. */
  suspend(takeOver: () => void): void;
  destroy(): void;
}

const prefersReducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function runSession(main: HTMLElement, attempt: Attempt, hooks: SessionHooks): LiveSession {
  const compiled = attempt.compiled;
  let room: Cleanroom | null = null;
  let guide: { close(silently?: boolean): void } | null = null;
  const openGuide = () => {
    if (guide) return;
    guide = showGuide(screen.el, () => {
      guide = null;
      hooks.guideSeen?.();
    });
  };
  let notice: HTMLElement | null = null;
  const screen = new PlayScreen(compiled, {
    act: (e) => {
      // a gesture in a tab that let the attempt go is refused here, before the engine: it never reaches the log
      if (hooks.canAct?.() === false) {
        notice?.querySelector('p')?.replaceChildren(t('tab.refused'));
        notice?.querySelector<HTMLElement>('button')?.focus();
        return;
      }
      attempt.send(e);
    },
    quit: hooks.quit,
    highlight: (id) => room?.highlight(id),
    guide: hooks.guideSeen ? openGuide : undefined,
  });
  render(main, screen.el);
  // a procedure always opens at the top of the page, whatever the scroll of the page before
  globalThis.scrollTo?.({ top: 0, left: 0, behavior: 'instant' });
  let ended = false;
  let roomState: 'loading' | 'ready' | 'failed' = 'loading';
  const note = () => screen.roomNote(roomState === 'loading' ? t('room.loading') : roomState === 'failed' ? t('room.unavailable') : null);

  const first = viewOf(compiled, attempt.snapshot);
  room = mountCleanroom({
    parent: screen.roomHost,
    room: compiled.scenario.room,
    objects: first.objects,
    lang: lang(),
    reducedMotion: prefersReducedMotion(),
    // the room never sends anything once the attempt is over, nor when the screen is paused or read-only
    onSelect: (id) => !ended && screen.interactive && screen.select(id),
    onAct: (e) => !ended && screen.actFromRoom(e),
    // a close-up opened in the room: the twin marks that station's objects and takes the focus there
    onStation: (id) => screen.stationOpened(id),
  });
  note();
  room.ready.then(
    () => {
      roomState = 'ready';
      note();
    },
    () => {
      roomState = 'failed';
      note();
    },
  );

  // At the end the DOM debrief replaces the play screen: the room's closing
  // scene (dimmed room, pass/fail badge) moves into it, above the verdict, and
  // goes away with it. Anything else that replaces the screen ends the room.
  const figure = h('figure', { class: 'debrief-room', 'aria-hidden': 'true' });
  const keepRoom = () => {
    if (!room || screen.roomHost.isConnected) return;
    const debrief = ended && roomState === 'ready' ? main.querySelector('.debrief') : null;
    if (!debrief) return destroyRoom();
    figure.append(screen.roomHost);
    const verdict = debrief.querySelector('.verdict');
    if (verdict) verdict.after(figure);
    else debrief.prepend(figure);
  };
  const watcher = new MutationObserver(keepRoom);
  watcher.observe(main, { childList: true });
  const destroyRoom = () => {
    watcher.disconnect();
    room?.destroy();
    room = null;
  };

  // The judgement shows first: the room draws the same view just after the
  // frame that shows it (one frame later at most), so a tap's answer never
  // waits for the room's drawing. Views that come faster than frames: the last one.
  // (data-room-pending on the room's host while a view waits: the places it reports are about to change)
  let roomView: AttemptView | null = null;
  const drawRoomSoon = (view: AttemptView) => {
    if (roomView === null) requestAnimationFrame(() => setTimeout(drawRoomNow, 0));
    roomView = view;
    screen.roomHost.dataset.roomPending = 'true';
  };
  const drawRoomNow = () => {
    if (roomView) room?.update(roomView, lang());
    roomView = null;
    delete screen.roomHost.dataset.roomPending;
  };
  const refresh = () => {
    const view = viewOf(compiled, attempt.snapshot);
    if ((view.end === 'passed' || view.end === 'failed') && !ended) {
      roomView = null;
      delete screen.roomHost.dataset.roomPending;
      room?.update(view, lang());
      ended = true;
      hooks.onEnd(attempt, screen);
      keepRoom();
      return;
    }
    screen.update(view);
    drawRoomSoon(view);
  };
  const unsubscribe = attempt.subscribe((snap, event) => {
    if (event) hooks.onEvent?.(snap, event);
    refresh();
  });
  refresh();
  return {
    screen,
    relabel: () => {
      screen.relabel();
      note();
      roomView = null;
      delete screen.roomHost.dataset.roomPending;
      room?.update(viewOf(compiled, attempt.snapshot), lang());
    },
    showGuide: openGuide,
    suspend: (takeOver) => {
      notice?.remove();
      notice = h(
        'div',
        { class: 'tab-notice warning', role: 'alert', 'data-key': 'tab-notice' },
        h('p', {}, t('tab.elsewhere')),
        h('button', { type: 'button', class: 'primary', 'data-key': 'take-over', onclick: takeOver }, t('tab.takeOver')),
      );
      screen.el.prepend(notice);
    },
    destroy: () => {
      guide?.close(true);
      unsubscribe();
      destroyRoom();
    },
  };
}
