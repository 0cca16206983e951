/**
 * Plays engine events through the page as a person would: tap the object's
 * twin button, then its action (typing a value where one is asked), or fill
 * the batch record in the drawer (opened first when it is closed). The
 * events come from the engine's perfect-run solver. Used by the end-to-end
 * tests (tests/e2e) and the browser bench (benchBrowser.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { prepare } from '../engine/attempt';
import { perfectRun } from '../engine/exploreScenario';
import { isTextKind, type ActEvent, type AttemptOptions, type Scenario } from '../engine/types';
import { showEntry } from '../ui/recordFormat';

export function loadScenario(id: string): Scenario {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario;
}

export function perfectEvents(id: string, options: AttemptOptions): ActEvent[] {
  return perfectRun(prepare(loadScenario(id)), options).events;
}

export type Input = 'touch' | 'mouse' | 'keyboard';

/**
 * A finger's tap on the element: at its centre, once the page shows it there
 * (scrolled into view as a person would) and the point reaches it, not
 * something over it. Where the element is not there yet, or is covered,
 * disabled or moving, Playwright's own tap waits until it can be tapped.
 * (Playwright's tap first waits for the element to stay put over two frames:
 * on a page whose controls do not move that wait is most of a tap's time.)
 */
export async function fingerTap(page: Page, selector: string) {
  const el = page.locator(selector).first();
  const at = await el
    .evaluate((node: Element) => {
      if (!(node instanceof HTMLElement) || (node as HTMLButtonElement).disabled || node.getAnimations({ subtree: false }).length) return null;
      node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = node.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return null;
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === node || node.contains(hit)) ? { x, y } : null;
    }, undefined, { timeout: 5000 })
    .catch(() => null);
  if (at) await page.touchscreen.tap(at.x, at.y);
  else await el.tap();
}

export async function press(page: Page, selector: string, how: Input) {
  const el = page.locator(selector).first();
  if (how === 'touch') await fingerTap(page, selector);
  else if (how === 'keyboard') {
    await el.focus();
    await page.keyboard.press('Enter');
  } else await el.click();
}

async function typeInto(page: Page, selector: string, value: number | string, how: Input) {
  const el = page.locator(selector).first();
  if (how === 'touch') await fingerTap(page, selector);
  else await el.focus();
  await el.fill(String(value));
}

/** A text, date or time kept by the engine as the trainee types it in the entry's field: a date DD/MM/YYYY (the field's data-kind says which). */
export async function asTyped(page: Page, entry: string, text: string): Promise<string> {
  const kind = (await page.locator(`[data-key="recin:${entry}"]`).first().getAttribute('data-kind')) ?? '';
  return isTextKind(kind) ? showEntry(kind, text) : text;
}

/** Opens the drawer on one of its tabs (procedure, record, log), as a trainee would. */
export async function openTab(page: Page, tab: 'procedure' | 'record' | 'log', how: Input = 'mouse') {
  const button = page.locator(`[data-key="tab:${tab}"]`);
  if (!(await button.isVisible())) await press(page, '[data-key="drawer"]', how);
  if ((await button.getAttribute('aria-selected')) !== 'true') await press(page, `[data-key="tab:${tab}"]`, how);
}

/** Types a value into a record field and records it, as a trainee would. */
export async function recordValue(page: Page, entry: string, text: string, how: Input = 'mouse') {
  await openTab(page, 'record', how);
  const field = page.locator(`[data-key="recin:${entry}"]`);
  if (how === 'touch') await fingerTap(page, `[data-key="recin:${entry}"]`);
  else await field.focus();
  await field.fill(text);
  await press(page, `[data-key="rec:${entry}"]`, how);
}

export async function playEvent(page: Page, e: ActEvent, how: Input = 'mouse') {
  if (e.target === 'batch-record' && e.verb === 'submit') {
    await openTab(page, 'record', how);
    return press(page, '[data-key="submit"]', how);
  }
  if (e.verb === 'record' || e.verb === 'sign') {
    await openTab(page, 'record', how);
    if (e.value !== undefined) await typeInto(page, `[data-key="recin:${e.target}"]`, e.value, how);
    if (e.text !== undefined) await typeInto(page, `[data-key="recin:${e.target}"]`, await asTyped(page, e.target, e.text), how);
    return press(page, `[data-key="rec:${e.target}"]`, how);
  }
  const twin = page.locator(`[data-object="${e.target}"]`);
  if ((await twin.getAttribute('aria-expanded')) !== 'true') await press(page, `[data-object="${e.target}"]`, how);
  // the built-in "read the display" of an instrument (an object's own "read" action, a document, is an action like the others)
  if (e.verb === 'read' && !(await page.locator(`[data-key="act:${e.target}:read"]`).count())) {
    return press(page, `[data-key="read:${e.reading ? `${e.target}.${e.reading}` : e.target}"]`, how);
  }
  if (e.value !== undefined) await typeInto(page, `[data-key="in:${e.target}:${e.verb}"]`, e.value, how);
  await press(page, `[data-key="act:${e.target}:${e.verb}${e.with ? `:${e.with}` : ''}"]`, how);
}

export async function playAll(page: Page, events: ActEvent[], how: Input = 'mouse') {
  for (const e of events) await playEvent(page, e, how);
}
