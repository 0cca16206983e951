/**
 * Every scenario in scenarios/, played in the browser three ways:
 *  - to a pass with no fault, on a 1024×768 touch tablet, every action on an
 *    object made in the room (taps and drags on the canvas), every recorded
 *    value typed as the screen showed it (see roomPlay.ts);
 *  - with a fault variant handled correctly, on 1920×1080 with the keyboard
 *    only, through the twin, values read with its "Read the display";
 *  - then, in the keyboard test's page, to a critical failure (the shortest
 *    path given in tests/e2e/paths/<id>.json).
 * The events come from the engine's solver, so a scenario change is followed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import type { ActEvent } from '../../src/engine/types';
import { loadScenario, perfectEvents, playAll } from '../../src/cli/playInPage';
import { playReadingValues } from './roomPlay';

const dir = resolve(import.meta.dirname, '../../scenarios');
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => f.replace(/\.json$/, ''));

interface Paths {
  critical: ActEvent[];
  criticalRule: string;
  fault: string;
}
function pathsOf(id: string): Paths {
  const file = resolve(import.meta.dirname, `paths/${id}.json`);
  if (!existsSync(file)) throw new Error(`tests/e2e/paths/${id}.json is missing: every scenario needs its critical path and a fault to play.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Paths;
}

test('every scenario file has its test paths', () => {
  expect(ids.length).toBeGreaterThanOrEqual(1);
  for (const id of ids) {
    const p = pathsOf(id);
    const s = loadScenario(id);
    expect(s.faults.map((f) => f.id), id).toContain(p.fault);
    expect([...s.rules, ...s.faults.flatMap((f) => f.rules ?? [])].find((r) => r.id === p.criticalRule)?.severity, id).toBe('critical');
  }
});

for (const id of ids) {
  test.describe(id, () => {
    const s = loadScenario(id);

    test.describe('tablet, touch only', () => {
      test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
      test(`${id}: played to a pass in the room, by touch`, async ({ page }) => {
        test.setTimeout(300_000);
        // the camera's moves and the gestures' animations have their own tests (room.spec): here they happen at once
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(`/?scenario=${id}&mode=training&seed=5&fault=none`);
        await expect(page.getByRole('heading', { name: s.title.fr })).toBeVisible();
        await expect(page.locator('.room-canvas')).toHaveAttribute('data-room-state', 'ready', { timeout: 60_000 });
        await playReadingValues(page, s, perfectEvents(id, { seed: 5, mode: 'training', forcedFault: 'none' }), 'room', { unseen: id === 'media-preparation' });
        await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
        await expect(page.getByTestId('final-score')).toHaveText(/100\/100/);
        await expect(page.getByText('Aucune erreur : bravo !')).toBeVisible();
      });
    });

    test.describe('desktop, keyboard only', () => {
      test.use({ viewport: { width: 1920, height: 1080 } });
      // (the critical mistake in the same page: a test of its own cost a browser context and a start of the app each)
      test(`${id}: a fault handled, with the keyboard; then a critical mistake ends the attempt with its reason`, async ({ page }) => {
        const { fault, critical, criticalRule } = pathsOf(id);
        const f = s.faults.find((x) => x.id === fault)!;
        await page.goto(`/?scenario=${id}&mode=training&seed=9&fault=${fault}`);
        test.setTimeout(300_000);
        const events = perfectEvents(id, { seed: 9, mode: 'training', forcedFault: fault });
        await playReadingValues(page, s, events, 'keyboard');
        await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
        await expect(page.getByTestId('final-score')).toHaveText(/100\/100/);
        // the debrief names the fault and says it was contained and documented
        await expect(page.locator(`.debrief-faults [data-fault="${fault}"]`)).toContainText(`${f.title.fr} — maîtrisé et documenté`);

        // a new attempt, its shortest path to a critical failure
        const rule = [...s.rules, ...s.faults.flatMap((x) => x.rules ?? [])].find((r) => r.id === criticalRule)!;
        await page.goto(`/?scenario=${id}&mode=training&seed=5&fault=none`);
        await playAll(page, critical, 'keyboard');
        await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);
        await expect(page.locator('.debrief')).toContainText(rule.explanation.fr.slice(0, 40));
        await expect(page.getByText(/Pourquoi c'est critique/)).toBeVisible();
      });
    });
  });
}
