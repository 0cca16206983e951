import { expect, test, guideSeenIn } from './fixtures';
import { seriousViolations, smallTargets } from './a11y';
import { playEvent } from '../../src/cli/playInPage';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

test('profile, home, play (HUD, actions, record, fault) and debrief: no serious axe violation, targets ≥ 44 px', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.profiles')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  await page.getByLabel('Nom ou pseudonyme').fill('Noa');
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await expect(page.locator('.scenario-list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);

  await page.goto('/?scenario=gowning&seed=2&fault=torn-pack');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' }, 'touch');
  await playEvent(page, { type: 'ACT', verb: 'wash', target: 'sink', value: 10 }, 'touch'); // wrong value, explained
  await expect(page.locator('.toast .fb-bad')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);

  await playEvent(page, { type: 'ACT', verb: 'enter', target: 'door-grade-b' }, 'touch');
  await expect(page.locator('.debrief')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
});

test('text zoomed to 200 % loses nothing: no control is cut off or overlaps the page edge', async ({ page }) => {
  await page.goto('/?scenario=gowning&seed=2&fault=none');
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, h1, h2, p, label')]
      .filter((el) => el.checkVisibility() && !el.closest('.sr-only'))
      .filter((el) => el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflow !== 'visible')
      .map((el) => el.textContent?.slice(0, 30)),
  );
  expect(clipped).toEqual([]);
  const overflowX = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflowX).toBeLessThanOrEqual(0);
});

test('with reduced motion, nothing animates', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', locale: 'fr-FR' });
  await guideSeenIn(context);
  const page = await context.newPage();
  await page.goto('/?scenario=gowning&seed=2&fault=none');
  const animated = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
  expect(animated).toBe(0);
  await context.close();
});

test.describe('on a 1180×820 touch tablet (iPad Air)', () => {
  test.use({ viewport: { width: 1180, height: 820 }, hasTouch: true });
  test('home and play fit the screen, with targets ≥ 44 px and no sideways scroll', async ({ page }) => {
    const overflowX = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/');
    await page.getByLabel('Nom ou pseudonyme').fill('Sacha');
    await page.getByRole('button', { name: 'Créer le profil' }).click();
    await expect(page.locator('.scenario-list')).toBeVisible();
    expect(await overflowX()).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.goto('/?scenario=inoculation&seed=2&fault=none');
    await expect(page.locator('.twin')).toBeVisible();
    expect(await overflowX()).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.locator('.twin [data-object]').first().tap();
    await expect(page.locator('.actions-panel')).toBeVisible();
    expect(await smallTargets(page)).toEqual([]);
  });
});
