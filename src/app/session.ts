/**
 * One training session on screen: the play screen (and the room, once drawn)
 * fed by an engine attempt. Used by the trainee side, the kiosk and the
 * instructor's replay, so the wiring exists once.
 */
import type { Attempt } from '../engine/attempt';
import type { EngineEvent } from '../engine/types';
import { viewOf } from '../engine/view';
import { render } from '../ui/dom';
import { PlayScreen } from '../ui/playScreen';
import type { Snapshot } from '../engine/attempt';

export interface SessionHooks {
  /** After each event (autosave goes here). */
  onEvent?(snapshot: Snapshot, event: EngineEvent): void;
  /** The attempt reached passed or failed. */
  onEnd(attempt: Attempt, screen: PlayScreen): void;
  quit(): void;
}

export interface LiveSession {
  screen: PlayScreen;
  relabel(): void;
  destroy(): void;
}

export function runSession(main: HTMLElement, attempt: Attempt, hooks: SessionHooks): LiveSession {
  const compiled = attempt.compiled;
  const screen = new PlayScreen(compiled, { act: (e) => attempt.send(e), quit: hooks.quit });
  render(main, screen.el);
  let ended = false;
  const refresh = () => {
    const view = viewOf(compiled, attempt.snapshot);
    if ((view.end === 'passed' || view.end === 'failed') && !ended) {
      ended = true;
      return hooks.onEnd(attempt, screen);
    }
    screen.update(view);
  };
  const unsubscribe = attempt.subscribe((snap, event) => {
    if (event) hooks.onEvent?.(snap, event);
    refresh();
  });
  refresh();
  return {
    screen,
    relabel: () => screen.relabel(),
    destroy: () => unsubscribe(),
  };
}
