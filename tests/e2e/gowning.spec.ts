import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

// gowning played to a pass (in the room, by touch) and to its critical failure: scenarios.spec, as every scenario

const ids = readdirSync(resolve(import.meta.dirname, '../../scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => f.replace(/\.json$/, ''));

test('the home page lists every procedure from its card alone, and starting gowning loads gowning and no other', async ({ page }) => {
  // which scenario chunks the page fetched (each whole scenario is a chunk of its own: assets/<id>-<hash>.js)
  const fetched: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([a-z-]+)-[\w-]{8}\.js$/.exec(new URL(r.url()).pathname);
    if (m && ids.includes(m[1]!)) fetched.push(m[1]!);
  });
  await page.goto('/');
  await page.getByLabel('Nom ou pseudonyme').fill('Léa');
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  const card = page.locator('[data-scenario="gowning"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Habillage');
  await expect(page.locator('.scenario-card')).toHaveCount(ids.length);
  expect(fetched, 'scenarios loaded whole before one is started').toEqual([]);
  await card.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
  expect(fetched).toEqual(['gowning']);
});
