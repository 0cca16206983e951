/**
 * Career-day kiosk: started by the instructor, it loops on the discovery
 * scenario (scored: a mistake costs points, a critical one stops the run),
 * goes back to its start screen, in its own language, after the idle time,
 * keeps no name and no profile, ignores the page's parameters, survives a
 * reload, and only the PIN gets out of it.
 */
import { expect, test, type Page } from './fixtures';
import { perfectEvents, playAll, playEvent } from '../../src/cli/playInPage';

// a classroom tablet: touch screen, 1024×768
test.use({ hasTouch: true, viewport: { width: 1024, height: 768 } });

const PIN = '1357';
const IDLE = 10;
// Math.random is pinned in the page, so the kiosk's seed (newSeed) is known to the test.
const SEED = Math.floor(0.5 * 2 ** 31);

async function startKiosk(page: Page, courseUrl?: string) {
  await page.addInitScript(() => (Math.random = () => 0.5));
  await page.clock.install();
  await page.goto('/');
  await page.locator('[data-key="instructor"]').click();
  await page.locator('#pin-new').fill(PIN);
  await page.locator('#pin-confirm').fill(PIN);
  await page.locator('[data-key="pin-save"]').click();
  await page.locator('[data-tab="tablets"]').click();
  await page.locator('#kiosk-idle').fill('3');
  await page.locator('[data-key="kiosk-start"]').click();
  await expect(page.getByRole('alert').filter({ hasText: 'entre 10 et 600 secondes' })).toBeVisible();
  await page.locator('#kiosk-idle').fill(String(IDLE));
  if (courseUrl) await page.locator('#kiosk-url').fill(courseUrl);
  await page.locator('[data-key="kiosk-start"]').click();
  await expect(page.getByRole('heading', { name: 'Deviens technicien·ne de bioproduction !' })).toBeVisible();
  // the start screen opens at the top, though the button that started it was further down the instructor's page
  expect(await page.evaluate(() => scrollY)).toBe(0);
}

async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const out: unknown[] = [];
    for (const { name } of dbs) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      for (const store of db.objectStoreNames) {
        out.push(
          await new Promise((ok) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => ok(r.result);
          }),
        );
      }
      db.close();
    }
    return JSON.stringify(out) + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
  });
}

test('the kiosk goes back to its start after the idle time and keeps no name', async ({ page }) => {
  await startKiosk(page);
  await expect(page.locator('[data-key="instructor"]')).toHaveCount(0);

  // a visitor types a pseudonym and walks away: the start screen comes back empty
  await page.locator('#kiosk-nick').fill('Zoé');
  await page.clock.fastForward((IDLE + 1) * 1000);
  await expect(page.locator('#kiosk-nick')).toHaveValue('');

  // a visitor plays to the end: the result greets them, then the kiosk forgets them
  await page.locator('#kiosk-nick').fill('Zoé');
  await page.getByRole('button', { name: 'Jouer' }).click();
  const events = perfectEvents('discovery', { seed: SEED, mode: 'discovery' });
  await playAll(page, events.slice(0, -1), 'touch');
  // every step done: the screen points to the batch record's "Remettre" button
  await expect(page.getByRole('status').filter({ hasText: 'Dernière étape' })).toContainText('« Remettre le dossier de lot »');
  await expect(page.locator('[data-key="submit"]')).toBeInViewport();
  await playAll(page, events.slice(-1), 'touch');
  await expect(page.getByRole('heading', { name: 'Bravo, Zoé !' })).toBeVisible();
  await expect(page.getByTestId('kiosk-score')).toHaveText('Ton score : 100/100');
  await expect(page.locator('.kiosk-cards li').first()).toContainText('Source');
  await page.clock.fastForward((IDLE + 1) * 1000);
  await expect(page.getByRole('heading', { name: 'Deviens technicien·ne de bioproduction !' })).toBeVisible();
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await expect(page.locator('body')).not.toContainText('Zoé');
  await expect(page.locator('.kiosk-board li')).toHaveCount(1);
  expect(await storedText(page)).not.toContain('Zoé');

  // a visitor who leaves mid-game: back to the start too (after a longer wait)
  await page.getByRole('button', { name: 'Jouer' }).click();
  await expect(page.locator('.play')).toBeVisible();
  await page.clock.fastForward((IDLE * 3 + 1) * 1000);
  await expect(page.locator('#kiosk-nick')).toBeVisible();
});

test("a critical mistake stops a visitor's run; the kiosk comes back in its own language and ignores the page's parameters", async ({ page }) => {
  await startKiosk(page, 'https://example.org/tsbi');
  // the attract screen: a picture of the room, and the course's page as a QR code drawn on the tablet
  await expect(page.getByRole('img', { name: /^Dessin de la salle propre/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code vers la page de la formation : https://example.org/tsbi' })).toBeVisible();

  // a visitor switches to English and opens the bioreactor: the run stops at once, with why
  await page.locator('#lang-select').selectOption('en');
  await page.getByRole('button', { name: 'Play' }).click();
  await playEvent(page, { type: 'ACT', verb: 'open', target: 'bioreactor' }, 'touch');
  await expect(page.getByRole('heading', { name: 'Oops, the game stops here!' })).toBeVisible();
  await expect(page.getByTestId('kiosk-stopped')).toContainText('A bioreactor is never opened to the room.');
  // nothing done, 40 points of penalty: 0, not the 100/100 every visitor used to get
  await expect(page.getByTestId('kiosk-score')).toHaveText('Your score: 0/100');

  // the next visitor finds the kiosk in French, the run on the board
  await page.clock.fastForward((IDLE + 1) * 1000);
  await expect(page.getByRole('heading', { name: 'Deviens technicien·ne de bioproduction !' })).toBeVisible();
  await expect(page.locator('#lang-select')).toHaveValue('fr');
  await expect(page.locator('.kiosk-board li')).toHaveCount(1);
  await expect(page.locator('.kiosk-board li')).toContainText('0/100 en');

  // a link to a scenario or to a room preview does not get out of the kiosk
  for (const url of ['/?scenario=gowning&mode=assessment', '/?roomPreview=prep-room']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Deviens technicien·ne de bioproduction !' })).toBeVisible();
    await expect(page.locator('[data-key="instructor"]')).toHaveCount(0);
  }

  // PIN forgotten: the word README gives, typed in its place, leads to the instructor's PIN screen and its reset
  await page.getByRole('button', { name: 'Quitter le mode salon (formateur)' }).click();
  await page.locator('#kiosk-pin').fill('effacer');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('[data-key="pin-forgot"]')).toBeVisible();
});

test('the kiosk survives a reload, and only the instructor PIN leaves it', async ({ page }) => {
  await startKiosk(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Deviens technicien·ne de bioproduction !' })).toBeVisible();
  await page.getByRole('button', { name: 'Quitter le mode salon (formateur)' }).click();
  await page.locator('#kiosk-pin').fill('0000');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Code incorrect.');
  await page.clock.fastForward(2000);
  await page.locator('#kiosk-pin').fill(PIN);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: "Qui s'entraîne ?" })).toBeVisible();
  await expect(page.locator('[data-key="instructor"]')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: "Qui s'entraîne ?" })).toBeVisible();
});
