import { expect, test } from './fixtures';
import { perfectEvents, playAll } from '../../src/cli/playInPage';

// offline use is the service worker's: here it runs, as on a classroom tablet (elsewhere the tests block it)
test.use({ serviceWorkers: 'allow' });

test('the manifest is valid and its icons load', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const res = await request.get(new URL(href!, page.url()).toString());
  expect(res.ok()).toBe(true);
  const m = await res.json();
  expect(m).toMatchObject({ name: expect.stringContaining('Salle blanche'), short_name: 'Salle blanche', display: 'standalone', orientation: 'landscape', start_url: './' });
  const sizes = m.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}${i.purpose ? `:${i.purpose}` : ''}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512:maskable']));
  for (const icon of m.icons) {
    const r = await request.get(new URL(icon.src, res.url()).toString());
    expect(r.ok()).toBe(true);
    expect(r.headers()['content-type']).toContain('image/png');
  }
});

test('once opened, the simulator works offline, reload included, and saves the attempt', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('Nom ou pseudonyme').fill('Hors-ligne');
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await page.locator('[data-scenario="gowning"]').getByRole('button', { name: /Commencer/ }).click();
  // (the whole scenario is a chunk of its own, from the service worker's cache: the procedure opens once it is loaded)
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
  // the seed is random here: play the perfect run computed for the attempt the page actually started (once it is stored)
  const storedSeed = () => page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('salle-blanche');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = await new Promise<{ seed: number; forcedFault?: string }[]>((ok) => {
      const q = db.transaction('attempts').objectStore('attempts').getAll();
      q.onsuccess = () => ok(q.result);
    });
    db.close();
    return all[0]?.seed ?? null;
  });
  await expect.poll(storedSeed, { message: 'the attempt stored' }).not.toBeNull();
  const seed = (await storedSeed())!;
  await playAll(page, perfectEvents('gowning', { seed, mode: 'training' }));
  await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await expect(page.locator('.history-list li')).toHaveCount(1);
  await expect(page.locator('.history-list li')).toContainText('100/100');
  await context.setOffline(false);
});
