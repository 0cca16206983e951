/**
 * The instructor area (PIN-protected): class management, assignments,
 * results, attempt replay, scenario import. Mounted by main.ts in place of
 * the trainee screens.
 */
import type { Scenario } from '../engine/types';
import { t } from '../i18n';
import type { Store } from '../store';
import { h, render } from '../ui/dom';

export interface InstructorDeps {
  store: Store;
  /** Playable scenarios: built-in and the newest version of each imported one. */
  scenarios(): Scenario[];
  findScenario(id: string, version?: number): Scenario | undefined;
  /** To call after a scenario was imported or removed. */
  refreshCatalog(): Promise<void>;
  /** Back to the trainee side. */
  exit(): void;
  /** The function that redraws the current instructor screen (called after a language switch). */
  setRedraw(fn: () => void): void;
}

export function mountInstructorArea(main: HTMLElement, deps: InstructorDeps) {
  const draw = () => render(main, h('h2', {}, t('instructor.title')), h('button', { type: 'button', class: 'secondary', onclick: deps.exit }, t('instructor.exit')));
  deps.setRedraw(draw);
  draw();
}
