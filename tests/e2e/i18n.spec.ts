import { expect, test } from './fixtures';
import { playEvent } from '../../src/cli/playInPage';
import { untranslated } from './pseudo';

test('every visible text comes from the translations (pseudo-locale scan of every screen)', async ({ page }) => {
  // the scan itself works: without the pseudo-locale, it sees plain text everywhere
  await page.goto('/');
  await expect(page.locator('.profiles')).toBeVisible();
  expect((await untranslated(page)).length).toBeGreaterThan(5);
  await page.goto('/?pseudo=1');
  await expect(page.locator('.profiles')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await page.locator('#profile-name').fill('Zoé');
  await page.locator('.profile-form button[type=submit]').click();
  await expect(page.locator('.scenario-list')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);

  await page.goto('/?pseudo=1&scenario=gowning&seed=2&fault=torn-pack');
  await playEvent(page, { type: 'ACT', verb: 'rub', target: 'hand-rub', value: 25 });
  await playEvent(page, { type: 'ACT', verb: 'inspect', target: 'garment-pack' }); // too early: explained
  await expect(page.locator('.toast .fb-bad')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await playEvent(page, { type: 'ACT', verb: 'enter', target: 'door-grade-b' });
  await expect(page.locator('.debrief')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
});

test('switching language mid-scenario keeps the step and the score', async ({ page }) => {
  await page.goto('/?scenario=gowning&seed=5&fault=none');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await playEvent(page, { type: 'ACT', verb: 'cross', target: 'step-over-bench' }); // a penalty
  await expect(page.getByTestId('score')).toHaveText('Pénalités : 10');
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByTestId('score')).toHaveText('Penalties: 10');
  await expect(page.getByTestId('phase')).toHaveText('Stage 1 of 4: Changing room (first stage)');
  await expect(page.locator('[data-object="personal-items"]')).toContainText('in the locker');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
  await expect(page.locator('.step-list li.done')).toHaveCount(1);
});

test('numbers follow the language: 7,2 in French, 7.2 in English', async ({ page }) => {
  await page.goto('/?scenario=gowning&seed=5&fault=none');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await playEvent(page, { type: 'ACT', verb: 'wash', target: 'sink', value: 42.5 });
  // the sink's timer shows the washing time once its display is read
  await page.locator('[data-key="read:sink"]').click();
  await expect(page.locator('.read-value[data-reading="sink"]')).toContainText('42,5');
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.locator('.read-value[data-reading="sink"]')).toContainText('42.5');
});
