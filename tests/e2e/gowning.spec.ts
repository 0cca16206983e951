import { expect, test } from '@playwright/test';
import { perfectEvents, playAll, playEvent } from './play';

test('gowning played to a pass shows a full score and no mistake', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=7&fault=none');
  await expect(page.getByRole('heading', { name: /Habillage pour la zone B/ })).toBeVisible();
  await playAll(page, perfectEvents('gowning', { seed: 7, mode: 'training', forcedFault: 'none' }));
  await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
  await expect(page.getByTestId('final-score')).toHaveText(/100\/100/);
  await expect(page.getByText('Aucune erreur : bravo !')).toBeVisible();
});

test('gowning ends in a critical failure when the trainee walks into Grade B ungowned', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=7&fault=none');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await expect(page.getByRole('status')).toContainText('Bien');
  await playEvent(page, { type: 'ACT', verb: 'enter', target: 'door-grade-b' });
  await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);
  await expect(page.getByText('Erreur critique', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/Pourquoi c'est critique/)).toBeVisible();
});

test('the home page lists gowning and starts it from the card', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nom ou pseudonyme').fill('Léa');
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  const card = page.locator('[data-scenario="gowning"]');
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
});
