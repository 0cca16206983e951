import { expect, test } from '@playwright/test';

// gowning played to a pass (in the room, by touch) and to its critical failure: scenarios.spec, as every scenario

test('the home page lists gowning and starts it from the card', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nom ou pseudonyme').fill('Léa');
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  const card = page.locator('[data-scenario="gowning"]');
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
});
