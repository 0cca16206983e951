/**
 * The instructor area end to end, in French: the PIN (set, leave, wrong then
 * right, the wait after wrong tries surviving a reload, the reset), the class
 * (and a trainee's code asked before playing)
 * and an assignment the trainee then plays, the results with the mistake and
 * the CSV export, the replay to the same score, scenario import (broken, then
 * good and playable), and the merge of two tablets' exports on a third.
 */
import { expect, test, type Browser, type Page, guideSeenIn } from './fixtures';
import { readFileSync } from 'node:fs';
import { seriousViolations, smallTargets } from './a11y';
import { loadScenario, perfectEvents, playAll, playEvent } from '../../src/cli/playInPage';
import { untranslated } from './pseudo';
import { prepare, replay } from '../../src/engine/attempt';
import { JUDGE_VERSION } from '../../src/engine/judgeVersion';
import type { ActEvent, Mode } from '../../src/engine/types';

const PIN = '2468';
const gowning = loadScenario('gowning');
const jewellery = gowning.rules.find((r) => r.id === 'jewellery-past-bench')!;
const cross: ActEvent = { type: 'ACT', verb: 'cross', target: 'step-over-bench' }; // jewellery past the bench: −15
const intoGradeB: ActEvent = { type: 'ACT', verb: 'enter', target: 'door-grade-b' }; // critical: ends the attempt

async function openArea(page: Page) {
  await page.locator('[data-key="instructor"]').click();
}

async function setPin(page: Page, pin = PIN) {
  await openArea(page);
  await expect(page.getByRole('heading', { name: 'Choisissez le code formateur' })).toBeVisible();
  await page.getByLabel('Nouveau code (4 à 8 chiffres)').fill(pin);
  await page.getByLabel('Retapez le code').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(page.getByRole('navigation', { name: "Rubriques de l'espace formateur" })).toBeVisible();
}

async function enterPin(page: Page, pin = PIN) {
  await openArea(page);
  await page.getByLabel('Saisissez le code formateur').fill(pin);
  await page.getByRole('button', { name: 'Entrer', exact: true }).click();
  await expect(page.getByRole('navigation', { name: "Rubriques de l'espace formateur" })).toBeVisible();
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: "Rubriques de l'espace formateur" }).getByRole('button', { name, exact: true });

async function leave(page: Page) {
  await page.getByRole('button', { name: 'Verrouiller et quitter' }).click();
  await expect(page.getByRole('navigation', { name: "Rubriques de l'espace formateur" })).toHaveCount(0);
}

async function createProfile(page: Page, name: string, group = '') {
  await page.getByLabel('Nom ou pseudonyme').fill(name);
  if (group) await page.getByLabel('Groupe (facultatif)').selectOption(group);
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await expect(page.getByText(`Profil : ${name}`)).toBeVisible();
}

test('the PIN: set it, leave, a wrong PIN waits longer each time (even after a reload), the right one opens; a forgotten PIN is reset', async ({ page }) => {
  // the page's clock is the test's: the waits run out when the test says so, however slow the machine
  await page.clock.install();
  await page.goto('/');
  await openArea(page);
  await page.getByLabel('Nouveau code (4 à 8 chiffres)').fill('12');
  await page.getByLabel('Retapez le code').fill('12');
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'de 4 à 8 chiffres' })).toBeVisible();
  await page.getByLabel('Nouveau code (4 à 8 chiffres)').fill(PIN);
  await page.getByLabel('Retapez le code').fill('2469');
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'pas identiques' })).toBeVisible();
  await page.getByLabel('Retapez le code').fill(PIN);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(tab(page, 'Classe')).toHaveAttribute('aria-current', 'page');
  await leave(page);
  await expect(page.getByRole('heading', { name: "Qui s'entraîne ?" })).toBeVisible();

  // the instructor screens are out of reach without the PIN
  await openArea(page);
  await expect(page.getByRole('heading', { name: 'Code formateur' })).toBeVisible();
  await expect(tab(page, 'Résultats')).toHaveCount(0);
  const go = page.getByRole('button', { name: 'Entrer', exact: true });
  await page.getByLabel('Saisissez le code formateur').fill('1111');
  await go.click();
  await expect(page.getByText('Code incorrect.')).toBeVisible();
  // from here the page's clock stands still unless the test runs it: a slow machine cannot use a wait up
  // (two seconds ahead: a loaded machine may take a while to get there, and no wait is running yet)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 2000);
  await page.getByLabel('Saisissez le code formateur').fill('1112');
  await go.click();
  await expect(page.getByText('Attendez 1 s avant')).toBeVisible();
  await expect(go).toBeDisabled();
  await page.clock.runFor(1100);
  await expect(go).toBeEnabled();
  await page.getByLabel('Saisissez le code formateur').fill('1113');
  await go.click();
  await expect(page.getByText('Attendez 2 s avant')).toBeVisible();
  // a reload does not reset the wait
  await page.reload();
  await openArea(page);
  await expect(page.getByText(/Attendez [12] s avant/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entrer', exact: true })).toBeDisabled();
  await page.clock.runFor(2100);
  await expect(page.getByRole('button', { name: 'Entrer', exact: true })).toBeEnabled();
  await page.clock.resume();
  await page.getByLabel('Saisissez le code formateur').fill(PIN);
  await page.getByRole('button', { name: 'Entrer', exact: true }).click();
  await expect(tab(page, 'Classe')).toHaveAttribute('aria-current', 'page');

  // trainee data, then the reset: it must survive
  await page.getByLabel('Nom ou pseudonyme').fill('Malo');
  await page.getByRole('button', { name: 'Créer le stagiaire' }).click();
  await expect(page.locator('[data-trainee]').filter({ hasText: 'Malo' })).toBeVisible();
  await leave(page);
  await openArea(page);
  await page.getByRole('button', { name: 'Code oublié ?' }).click();
  await page.getByLabel('Pour confirmer, tapez EFFACER').fill('oui');
  await page.getByRole('button', { name: 'Effacer le code formateur' }).click();
  await expect(page.getByText('Tapez exactement EFFACER pour confirmer.')).toBeVisible();
  await page.getByLabel('Pour confirmer, tapez EFFACER').fill('EFFACER');
  await page.getByRole('button', { name: 'Effacer le code formateur' }).click();
  await expect(page.getByText('Le code formateur a été effacé')).toBeVisible();
  await page.getByLabel('Nouveau code (4 à 8 chiffres)').fill('13579');
  await page.getByLabel('Retapez le code').fill('13579');
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(page.getByText(/Le code formateur a été réinitialisé le/)).toBeVisible();
  await expect(page.locator('[data-trainee]').filter({ hasText: 'Malo' })).toBeVisible();
});

test('deleting a trainee asks first, then removes the profile and every attempt from the tablet', async ({ page }) => {
  await page.goto('/');
  await createProfile(page, 'Inès');
  await page.locator('[data-scenario="gowning"]').getByRole('button', { name: /Commencer/ }).click();
  await playEvent(page, cross);
  await playEvent(page, intoGradeB);
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await expect(page.locator('.history-list li')).toHaveCount(1);
  await setPin(page);
  const row = page.locator('[data-trainee]').filter({ hasText: 'Inès' });
  await row.locator('summary').click();
  page.once('dialog', (d) => d.dismiss());
  await row.getByRole('button', { name: 'Supprimer ce stagiaire' }).click();
  await expect(row).toBeVisible();
  page.once('dialog', (d) => {
    expect(d.message()).toContain('1 tentative(s)');
    void d.accept();
  });
  await row.getByRole('button', { name: 'Supprimer ce stagiaire' }).click();
  await expect(page.getByText('« Inès » a été supprimé, avec 1 tentative(s).')).toBeVisible();
  await tab(page, 'Résultats').click();
  await expect(page.locator('.attempts-table tr[data-attempt]')).toHaveCount(0);
  await page.locator('[data-key="lock"]').click();
  await expect(page.locator('[data-profile]')).toHaveCount(0);
});

test('a group, an assignment the trainee plays first, the results with the mistake, the replay to the same score, the CSV export', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setPin(page);
  await page.getByLabel('Nom du groupe').fill('TSBI-A');
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.getByText('Groupe « TSBI-A » créé.')).toBeVisible();
  await page.getByLabel('Nom ou pseudonyme').fill('Léa');
  await page.locator('#new-trainee-group').selectOption('TSBI-A');
  await page.getByRole('button', { name: 'Créer le stagiaire' }).click();
  await expect(page.locator('[data-group="TSBI-A"] [data-trainee]').filter({ hasText: 'Léa' })).toBeVisible();

  await tab(page, 'Devoirs').click();
  await expect(tab(page, 'Devoirs')).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Procédure').selectOption('gowning@2');
  await page.getByLabel('Groupe', { exact: true }).selectOption('TSBI-A');
  await page.getByLabel('Imprévu (pour un examen)').selectOption('none');
  await page.getByLabel('Seuil de réussite (facultatif)').fill('70'); // not above the scenario's own 80
  await page.getByRole('button', { name: 'Donner ce devoir' }).click();
  await expect(page.getByText('Le seuil doit être un nombre entier entre 80 (exclu) et 100.')).toBeVisible();
  await expect(page.locator('.assignment-item')).toHaveCount(0);
  await page.getByLabel('Seuil de réussite (facultatif)').fill('');
  await expect(page.getByLabel('Imprévu (pour un examen)').locator('option')).toContainText(gowning.faults.map((f) => f.title.fr));
  await page.getByRole('button', { name: 'Donner ce devoir' }).click();
  await expect(page.locator('.assignment-item')).toHaveCount(1);
  await expect(page.locator('.assignment-item')).toContainText('groupe TSBI-A');
  await leave(page);

  // the trainee of the group sees it first on their home, and plays it with one mistake
  await page.getByRole('button', { name: 'Continuer en tant que Léa' }).click();
  const firstBox = page.locator('.home > section').first();
  await expect(firstBox).toHaveClass(/assigned-box/);
  await expect(firstBox).toContainText('Habillage pour la zone B');
  await expect(firstBox).toContainText('à faire');
  await firstBox.getByRole('button', { name: /Commencer/ }).click();
  await playEvent(page, cross);
  await playAll(page, perfectEvents('gowning', { seed: 1, mode: 'training', forcedFault: 'none' }));
  await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
  await expect(page.getByTestId('final-score')).toContainText('85/100');
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await expect(page.locator('.assigned-item')).toContainText('réussi');
  // a second go that fails at once (the average becomes 42.5)
  await page.locator('.assigned-item').getByRole('button', { name: /Commencer/ }).click();
  await playEvent(page, intoGradeB);
  await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();

  // the instructor sees the result and the mistake
  await enterPin(page);
  await tab(page, 'Résultats').click();
  // the results open on the exams: this assignment was in training, so it shows once every mode is chosen
  await expect(page.locator('#filter-mode')).toHaveValue('assessment');
  await page.locator('#filter-mode').selectOption('*');
  const row = page.locator('.results-table tbody tr[data-row="Léa"]').first();
  await expect(row).toContainText('✓ réussi en entraînement');
  await expect(row).toContainText('meilleur 85 · dernier 0');
  await expect(row).toContainText('2 tentative(s)');
  const mistake = page.locator('.frequent-mistakes li[data-ref="jewellery-past-bench"]');
  await expect(mistake).toContainText(jewellery.explanation.fr.slice(0, 40));
  await expect(mistake).toContainText('1 fois, par 1 stagiaire(s)');
  await expect(page.locator('.frequent-mistakes li.critical').first()).toBeVisible();

  // filters: another group shows nobody
  await page.getByLabel('Groupe', { exact: true }).selectOption('');
  await expect(page.getByText('Aucun stagiaire pour ces filtres.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page.locator('#filter-mode')).toHaveValue('assessment'); // back to the exams
  await page.locator('#filter-mode').selectOption('training');
  await expect(row).toBeVisible();

  // the CSV opens in a French Excel
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV (Excel)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8').slice(1);
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Stagiaire;Groupe;Procédure;Mode;Version de la procédure;Tentatives;Meilleur score;Dernier score;Score moyen;Réussi en évaluation;Réussi en entraînement;Issue de la dernière tentative;Dernière tentative;Abandons;En retard;Séquence;Technique aseptique;Documentation;Version des règles');
  // the last attempt ended on a critical rule: said for what it is; the pass was in training, not an exam
  expect(lines[1]).toMatch(/^Léa;TSBI-A;"Habillage pour la zone B, entrée et sortie";Entraînement;2;2;85;0;42,5;non;oui;Échoué sur une règle critique;\d{4}-\d\d-\d\d \d\d:\d\d;0;0;50;42,5;50;4$/);
  expect(csv).not.toMatch(/\d\.\d/);

  // replay the passed attempt: the same score
  await page.locator('.attempts-table tr[data-attempt]').filter({ hasText: '85/100' }).getByRole('button', { name: /^Relire/ }).click();
  await expect(tab(page, 'Relecture')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('recorded-score')).toHaveText('Score enregistré : 85/100');
  await expect(page.getByTestId('replayed-score')).toHaveText('Score rejoué : 85/100');
  await expect(page.locator('.replay-scores')).toContainText('identiques');
  const position = page.locator('.replay-position');
  await expect(position).toContainText('Action 0 sur 38');
  // the next mistake: the very first action, crossing the bench with jewellery on, the attempt's only one
  await page.getByRole('button', { name: 'Erreur suivante' }).click();
  await expect(position).toContainText('Action 1 sur 38');
  await expect(page.getByRole('button', { name: 'Erreur suivante' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Erreur précédente' })).toBeDisabled();
  // at 1366×768 the timeline and the trainee's screen sit side by side
  await page.setViewportSize({ width: 1366, height: 768 });
  const side = (await page.locator('.replay-side').boundingBox())!;
  const shown = (await page.locator('.replay-screen .play').boundingBox())!;
  expect(side.x + side.width).toBeLessThanOrEqual(shown.x);
  expect(shown.y).toBeLessThan(side.y + side.height);
  // the room is drawn too, and rings the object the action was on
  const room = page.locator('.replay-screen .room-canvas');
  await expect(room).toHaveAttribute('data-room-state', 'ready', { timeout: 20_000 });
  await expect(room).toHaveAttribute('data-room', 'changing-room');
  await expect(room).toHaveAttribute('data-highlight', 'step-over-bench');
  await expect(page.locator('.replay-timeline li.current')).toContainText(jewellery.explanation.fr.slice(0, 30));
  await expect(page.locator('.replay-timeline li.current .tl-bad')).toBeVisible();
  await expect(page.locator('[data-object="step-over-bench"]')).toHaveAttribute('aria-expanded', 'true');
  // read-only: the trainee's controls are there but disabled
  await expect(page.locator('.play.is-readonly .actions-panel button.action').first()).toBeDisabled();
  await page.getByRole('button', { name: 'Action précédente' }).click();
  await expect(position).toContainText('Action 0 sur 38');
  await page.getByRole('button', { name: '4×' }).click();
  await expect(page.getByRole('button', { name: '4×' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Lecture', exact: true }).click();
  await expect(position).toContainText(/Action ([3-9]|[12]\d|3[0-8]) sur 38/, { timeout: 5000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.locator('.replay-timeline [data-pos="38"] button').click();
  await expect(position).toContainText('Action 38 sur 38 · score à ce moment : 85/100 (pénalités : 15)');
  await expect(page.locator('.replay-timeline li.current')).toContainText('Score 85/100 · pénalités 15');
  await expect(page.getByTestId('score')).toContainText('Pénalités : 15');
  await page.getByRole('button', { name: 'Retour aux résultats' }).click();
  await expect(tab(page, 'Résultats')).toHaveAttribute('aria-current', 'page');
});

test('scenario import: a broken file shows its problems and stores nothing; a good one is checked, kept and playable', async ({ page }) => {
  // (four explorations of every path of gowning, in a worker: tens of seconds on a loaded 2-core machine)
  test.setTimeout(240_000);
  await page.goto('/');
  await setPin(page);
  await tab(page, 'Scénarios').click();
  const broken = { ...gowning, id: 'gowning-broken', steps: gowning.steps.map((s, i) => (i === 1 ? { ...s, requires: ['no-such-step'] } : s)) } as Record<string, unknown>;
  delete broken.summary;
  await page.locator('#scenario-file').setInputFiles({ name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const box = page.locator('.check-box:not([data-testid="scorm-status"])');
  await expect(box).toContainText('« casse.json » n\'a pas été importé');
  await expect(box.locator('li').first()).toContainText('(file) : le champ "summary" manque');
  await expect(box).toContainText("Rien n'a été enregistré");
  await expect(page.getByTestId('no-imported')).toBeVisible();

  await page.locator('#scenario-file').setInputFiles({ name: 'tronque.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x", "title": <b>') });
  await expect(box).toContainText("ce n'est pas du JSON valide");
  await expect(page.locator('.check-box b')).toHaveCount(0); // text from a file is shown as text
  await expect(page.getByTestId('no-imported')).toBeVisible();

  // a paragraph of the EU GMP guide that does not exist is refused, as scenarios:check refuses it, in French
  const miscited = { ...gowning, id: 'gowning-cite', sources: [...(gowning.sources ?? []), 'EU GMP Annex 1 §8.200'] };
  await page.locator('#scenario-file').setInputFiles({ name: 'cite.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(miscited)) });
  await expect(box).toContainText("citation « Annex 1 §8.200 » : Annexe 1 n'a pas de §8.200", { timeout: 60_000 });
  await expect(page.getByTestId('no-imported')).toBeVisible();

  const copy = { ...gowning, id: 'gowning-tsbi', version: 1, title: { fr: 'Habillage — version TSBI <i>A</i>', en: 'Gowning — TSBI version' } };
  await page.locator('#scenario-file').setInputFiles({ name: 'habillage-tsbi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy, null, 2)) });
  // the exploration takes seconds (in a worker): progress is shown meanwhile
  await expect(box).toContainText('exploration de tous les chemins possibles');
  await expect(box).toContainText('Scénario « Habillage — version TSBI <i>A</i> » version 1 importé', { timeout: 60_000 });
  await expect(page.locator('.scenario-row[data-scenario="gowning-tsbi"]')).toBeVisible();
  await expect(page.locator('.scenario-row i')).toHaveCount(0);

  // export it back as a file
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (JSON) — Habillage — version TSBI <i>A</i> v1' }).click()]);
  expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(copy);

  await leave(page);
  await createProfile(page, 'Noé');
  const card = page.locator('[data-scenario="gowning-tsbi"]');
  await expect(card).toContainText('Habillage — version TSBI <i>A</i>');
  await card.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
  await playEvent(page, intoGradeB);
  await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);

  // a version 2: the attempt on version 1 still replays with version 1
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await enterPin(page);
  await tab(page, 'Scénarios').click();
  const v2 = { ...copy, version: 2, title: { fr: 'Habillage — version TSBI 2', en: 'Gowning — TSBI version 2' } };
  await page.locator('#scenario-file').setInputFiles({ name: 'habillage-tsbi-v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v2)) });
  await expect(box).toContainText('version 2 importé', { timeout: 60_000 });
  await expect(page.locator('.scenario-row[data-scenario="gowning-tsbi"]')).toHaveCount(2);
  await tab(page, 'Résultats').click();
  await page.locator('#filter-mode').selectOption('training');
  await page.locator('.attempts-table tr[data-attempt]').filter({ hasText: 'Noé' }).getByRole('button', { name: /^Relire/ }).click();
  await expect(page.getByRole('heading', { name: 'Relecture : Noé — Habillage — version TSBI <i>A</i>' })).toBeVisible();
  await expect(page.locator('.replay-scores')).toContainText('identiques');

  // a file over 2 MB is refused with a sentence
  await tab(page, 'Scénarios').click();
  await page.locator('#scenario-file').setInputFiles({ name: 'enorme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy).replace('{', `{${' '.repeat(2_200_000)}`)) });
  await expect(box).toContainText('un scénario ne peut dépasser 2 Mo');

  // removal after confirmation
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Retirer — Habillage — version TSBI <i>A</i> v1' }).click();
  await expect(page.locator('.scenario-row[data-scenario="gowning-tsbi"]')).toHaveCount(1);
  await expect(page.locator('.scenario-row[data-scenario="gowning-tsbi"]')).toHaveAttribute('data-version', '2');
});

async function tabletWithAttempt(browser: Browser, baseURL: string, name: string, viaInstructor: boolean): Promise<string> {
  const context = await browser.newContext({ locale: 'fr-FR', baseURL });
  await guideSeenIn(context);
  const page = await context.newPage();
  await page.goto('/');
  await createProfile(page, name);
  await page.locator('[data-scenario="gowning"]').getByRole('button', { name: /Commencer/ }).click();
  await playEvent(page, cross);
  await playEvent(page, intoGradeB);
  await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  let path: string;
  if (viaInstructor) {
    await setPin(page);
    await tab(page, 'Tablettes').click();
    // the tablet is named, and its export asks first, naming what goes out and the file (the tablet and the second)
    await page.locator('#tablet-name').fill(`Tablette ${name}`);
    await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
    await expect(page.getByText(`Cette tablette s'appelle maintenant « Tablette ${name} ».`)).toBeVisible();
    const file = new RegExp(`^salle-blanche-tablette-tablette-${name.toLowerCase()}-\\d{4}-\\d\\d-\\d\\d-\\d\\dh\\d\\dm\\d\\d\\.json$`);
    let asked = '';
    page.once('dialog', (d) => void ((asked = d.message()), d.accept()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter cette tablette' }).click()]);
    expect(asked).toMatch(/^Exporter cette tablette : 1 profil\(s\) et 1 tentative\(s\), dans le fichier « (.+) » \?$/);
    expect(download.suggestedFilename()).toMatch(file);
    expect(asked).toContain(download.suggestedFilename());
    path = await download.path();
    expect(readFileSync(path, 'utf8')).not.toContain('instructor.pin');
  } else {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter mes données' }).click()]);
    path = await download.path();
  }
  const text = readFileSync(path, 'utf8');
  await context.close();
  return text;
}

test('two tablets exported, both imported at once on a third: merged without duplicates, a report per file', async ({ browser, page, baseURL }) => {
  const [one, two] = await Promise.all([tabletWithAttempt(browser, baseURL!, 'Jade', true), tabletWithAttempt(browser, baseURL!, 'Hugo', false)]);
  expect(JSON.parse(one).attempts).toHaveLength(1);
  expect(JSON.parse(two).attempts).toHaveLength(1);

  await page.goto('/');
  await setPin(page);
  await tab(page, 'Tablettes').click();
  const files = [
    { name: 'tablette-1.json', mimeType: 'application/json', buffer: Buffer.from(one) },
    { name: 'tablette-2.json', mimeType: 'application/json', buffer: Buffer.from(two) },
  ];
  await page.locator('#tablet-files').setInputFiles(files);
  const report = page.locator('.report-list li');
  await expect(report).toHaveCount(2);
  await expect(report.nth(0)).toContainText('tablette-1.json');
  await expect(report.nth(0)).toContainText('ajouté : 1 profil(s), 1 tentative(s)');
  await expect(report.nth(1)).toContainText('tablette-2.json');
  await expect(report.nth(1)).toContainText('ajouté : 1 profil(s), 1 tentative(s)');

  // the same files again (and a damaged one): nothing twice
  await page.locator('#tablet-files').setInputFiles([...files, { name: 'abime.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"salle-blanche-back') }]);
  await expect(report).toHaveCount(3);
  await expect(report.nth(0)).toContainText('ajouté : 0 profil(s), 0 tentative(s)');
  await expect(report.nth(0)).toContainText('déjà présents : 1 profil(s), 1 tentative(s)');
  await expect(report.nth(2)).toContainText("Rien n'a été importé");

  // when the named tablet's data was collected: on the Tablettes tab and beside the results
  await expect(page.locator('.tablet-imports li')).toHaveCount(1);
  await expect(page.locator('.tablet-imports li[data-tablet="Tablette Jade"]')).toContainText(/^Tablette Jade : export du .+, importé le .+$/);

  await tab(page, 'Résultats').click();
  await expect(page.locator('.tablet-imports li[data-tablet="Tablette Jade"]')).toBeVisible();
  await page.locator('#filter-mode').selectOption('training');
  await expect(page.locator('.results-table tbody tr[data-row="Jade"]')).toContainText('1 tentative(s)');
  await expect(page.locator('.results-table tbody tr[data-row="Hugo"]')).toContainText('1 tentative(s)');
  await expect(page.locator('.attempts-table tr[data-attempt]')).toHaveCount(2);
  await expect(page.locator('.frequent-mistakes li[data-ref="jewellery-past-bench"]')).toContainText('2 fois, par 2 stagiaire(s)');
});

test('a trainee code set in the class is asked before playing: a wrong code opens nothing and says so, the right one (keypad or keyboard) opens the home screen, and again after a reload', async ({ page }) => {
  await page.goto('/');
  await setPin(page);
  await page.getByLabel('Nom ou pseudonyme').fill('Noé');
  await page.getByRole('button', { name: 'Créer le stagiaire' }).click();
  const row = page.locator('[data-trainee]').filter({ hasText: 'Noé' });
  await row.locator('summary').click();
  await row.getByLabel('Code du stagiaire (4 chiffres)').fill('482');
  await row.getByRole('button', { name: 'Définir le code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'exactement 4 chiffres' })).toBeVisible();
  await row.getByLabel('Code du stagiaire (4 chiffres)').fill('4826');
  await row.getByRole('button', { name: 'Définir le code' }).click();
  await expect(page.getByText('Code de « Noé » défini.')).toBeVisible();
  await expect(page.locator('[data-trainee]').filter({ hasText: 'Noé' }).getByText('Code défini')).toBeVisible();
  await leave(page);

  await page.getByRole('button', { name: 'Continuer en tant que Noé' }).click();
  await expect(page.getByRole('heading', { name: 'Code de Noé' })).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  const keypad = page.getByRole('group', { name: 'Pavé numérique' });
  for (const d of '1111') await keypad.getByRole('button', { name: d, exact: true }).click();
  await keypad.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Code incorrect : le profil n'a pas été ouvert." })).toBeVisible();
  await expect(page.getByText('Profil : Noé')).toHaveCount(0);
  for (const d of '4826') await keypad.getByRole('button', { name: d, exact: true }).click();
  await keypad.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Profil : Noé')).toBeVisible();

  // the profile in use is restored by a reload only through its code, typed on the keyboard this time
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Code de Noé' })).toBeVisible();
  await expect(page.getByLabel('Code à 4 chiffres')).toBeFocused();
  await page.keyboard.type('4826');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Profil : Noé')).toBeVisible();
});

test('every instructor screen passes axe, has 44 px targets, and is reachable from the keyboard tab bar', async ({ page }) => {
  await page.goto('/');
  await setPin(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Nom du groupe').fill('TSBI-C');
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.locator('[data-group="TSBI-C"]')).toBeVisible();
  await page.getByLabel('Nom ou pseudonyme').fill('Sam');
  await page.locator('#new-trainee-group').selectOption('TSBI-C');
  await page.getByRole('button', { name: 'Créer le stagiaire' }).click();
  await expect(page.locator('[data-trainee]')).toHaveCount(1);
  for (const name of ['Classe', 'Devoirs', 'Résultats', 'Relecture', 'Scénarios', 'Tablettes']) {
    await tab(page, name).focus();
    await page.keyboard.press('Enter');
    await expect(tab(page, name)).toHaveAttribute('aria-current', 'page');
    await expect(tab(page, name)).toBeFocused();
    expect(await seriousViolations(page), name).toEqual([]);
    expect(await smallTargets(page), name).toEqual([]);
  }
});

test('every instructor screen shows only translated text (pseudo-locale scan)', async ({ page }) => {
  await page.goto('/?pseudo=1');
  await page.locator('[data-key="instructor"]').click();
  await expect(page.locator('#pin-new')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await page.locator('#pin-new').fill(PIN);
  await page.locator('#pin-confirm').fill(PIN);
  await page.locator('[data-key="pin-save"]').click();
  await page.locator('#new-group').fill('G-1');
  await page.locator('[data-key="new-group-go"]').click();
  await expect(page.locator('[data-group="G-1"]')).toBeVisible();
  await page.locator('#new-trainee').fill('Z1');
  await page.locator('#new-trainee-group').selectOption('G-1');
  await page.locator('[data-key="new-trainee-go"]').click();
  await expect(page.locator('[data-trainee]')).toHaveCount(1);
  await page.locator('[data-trainee] summary').click();
  expect(await untranslated(page)).toEqual([]);
  await page.locator('[data-tab="assign"]').click();
  await page.locator('#assign-scenario').selectOption('gowning@2');
  await page.locator('#assign-fault').selectOption('none');
  await page.locator('#assign-pass').fill('90');
  await page.locator('#assign-due').fill('2030-06-30');
  await page.locator('[data-key="assign-go"]').click();
  await expect(page.locator('.assignment-item')).toHaveCount(1);
  expect(await untranslated(page)).toEqual([]);
  await page.locator('[data-key="lock"]').click();
  await page.locator('[data-profile]').click();
  await page.locator('.assigned-item button').click();
  await playEvent(page, cross);
  await playEvent(page, intoGradeB);
  await expect(page.locator('.debrief')).toBeVisible();
  await page.locator('.debrief-actions .secondary').click();
  await page.locator('[data-key="instructor"]').click();
  await page.locator('#pin-enter').fill('0000');
  await page.locator('[data-key="pin-go"]').click();
  await expect(page.locator('.pin-form [role="alert"]')).not.toBeEmpty();
  await page.locator('[data-key="pin-forgot"]').click();
  await expect(page.locator('#pin-reset')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await expect(page.locator('[data-key="pin-go"]')).toBeEnabled({ timeout: 4000 });
  await page.locator('#pin-enter').fill(PIN);
  await page.locator('[data-key="pin-go"]').click();
  for (const name of ['results', 'replay', 'scenarios', 'tablets'] as const) {
    await page.locator(`[data-tab="${name}"]`).click();
    await expect(page.locator(`[data-tab="${name}"]`)).toHaveAttribute('aria-current', 'page');
    expect(await untranslated(page), name).toEqual([]);
  }
  await page.locator('[data-tab="results"]').click();
  await page.locator('#filter-mode').selectOption('training');
  await page.locator('.attempts-table button').first().click();
  await page.locator('[data-key="rp-forward"]').click();
  await expect(page.locator('.replay-timeline li.current')).toHaveAttribute('data-pos', '1');
  expect(await untranslated(page)).toEqual([]);
  await page.locator('[data-tab="scenarios"]').click();
  await page.locator('#scenario-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
  await expect(page.locator('.check-box.problem-box')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await page.locator('[data-tab="tablets"]').click();
  await page.locator('#tablet-files').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(page.locator('.report-list li')).toHaveCount(1);
  expect(await untranslated(page)).toEqual([]);
});

test('the instructor area in English, and a language switch keeps it open on the same screen', async ({ page }) => {
  await page.goto('/');
  await page.locator('#lang-select').selectOption('en');
  await page.locator('[data-key="instructor"]').click();
  await expect(page.getByRole('heading', { name: 'Choose the instructor PIN' })).toBeVisible();
  await page.getByLabel('New PIN (4 to 8 digits)').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Save the PIN' }).click();
  await expect(page.getByRole('navigation', { name: 'Instructor area sections' })).toBeVisible();
  // switching language keeps the area open on the same screen
  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await page.locator('#lang-select').selectOption('fr');
  await expect(tab(page, 'Résultats')).toHaveAttribute('aria-current', 'page');
  await page.locator('#lang-select').selectOption('en');
  await expect(page.getByRole('button', { name: 'Results', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Replay an attempt' })).toBeVisible();
});

/** A tablet's export holding a class, its exam and attempts made by the engine (the test is not about playing them). */
function classFile(now: number) {
  const c = prepare(gowning);
  const made = (id: string, profileId: string, mode: Mode, events: ActEvent[], endedAt: number, assignmentId?: string) => {
    const o = { seed: 7, mode, forcedFault: 'none' };
    const r = replay(c, o, events);
    const result = { end: r.end, score: r.score.total, byCategory: Object.fromEntries(Object.entries(r.score.byCategory).filter(([, v]) => typeof v === 'number')), critical: r.score.critical, mistakes: [] };
    return { id, profileId, scenarioId: 'gowning', scenarioVersion: 2, judgeVersion: JUDGE_VERSION, ...o, ...(assignmentId ? { assignmentId } : {}), events: events.map((event) => ({ event, at: 0 })), startedAt: endedAt - 60_000, endedAt, status: 'finished', result };
  };
  const perfect = (mode: Mode) => perfectEvents('gowning', { seed: 7, mode, forcedFault: 'none' });
  const profile = (id: string, name: string, group: string, createdAt = now - 86_400_000) => ({ id, name, group, lang: 'fr', createdAt });
  return {
    format: 'salle-blanche-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    // Léa made her profile on two tablets, spelled two ways: one trainee
    profiles: [profile('p-lea', 'Léa', 'TSBI-A'), profile('p-lea2', ' lea ', 'tsbi-a', now - 3_600_000), profile('p-tom', 'Tom', 'TSBI-A'), profile('p-hugo', 'Hugo', 'TSBI-A')],
    assignments: [{ id: 'exam-1', scenarioId: 'gowning', scenarioVersion: 2, target: { group: 'TSBI-A' }, mode: 'assessment', due: '2099-12-31', forcedFault: 'none', createdAt: now - 86_400_000 }],
    attempts: [
      made('a-lea', 'p-lea2', 'assessment', perfect('assessment'), now - 7_200_000, 'exam-1'), // passed, 100
      made('a-tom', 'p-tom', 'assessment', [intoGradeB], now - 3_600_000, 'exam-1'), // failed on a critical rule, 0
      made('a-tom-practice', 'p-tom', 'training', perfect('training'), now - 10_800_000), // a pass in training only
    ],
  };
}

test('the assignment view and the CSV say what was played: each trainee once, exam and training apart, those who never played listed', async ({ page }) => {
  await page.goto('/');
  await setPin(page);
  await tab(page, 'Tablettes').click();
  await page.locator('#tablet-files').setInputFiles({ name: 'classe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(classFile(Date.now()))) });
  await expect(page.locator('.report-list li')).toContainText('ajouté : 4 profil(s), 3 tentative(s)');
  await tab(page, 'Classe').click();
  await expect(page.locator('[data-group="TSBI-A"] [data-trainee]')).toHaveCount(3); // Léa once

  await tab(page, 'Résultats').click();
  await expect(page.locator('#filter-mode')).toHaveValue('assessment');
  const card = page.locator('.progress-card[data-assignment="exam-1"]');
  await expect(card.getByTestId('progress-counts')).toHaveText('3 stagiaire(s) — 1 réussi(s) · 1 échoué(s) · 1 pas commencé(s)');
  await expect(card.locator('tr[data-row="Léa"]')).toHaveAttribute('data-status', 'passed');
  await expect(card.locator('tr[data-row="Léa"]')).toContainText('100/100');
  await expect(card.locator('tr[data-row="Tom"]')).toContainText('✗ échoué · Échoué sur une règle critique');
  await expect(card.locator('tr[data-row="Tom"]')).toContainText('0/100');
  await expect(card.locator('tr[data-row="Hugo"]')).toContainText('pas commencé');
  // Tom passed in training only: never an exam pass
  const tom = page.locator('.results-table tbody tr[data-row="Tom"]');
  await expect(tom).toContainText('✗ pas encore réussi');
  await expect(page.locator('.results-table tbody tr[data-row="Léa"]')).toContainText('✓ réussi (évaluation)');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les tentatives (CSV)' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n');
  const title = '"Habillage pour la zone B, entrée et sortie"';
  expect(lines[0]).toBe('Date;Stagiaire;Groupe;Procédure;Version de la procédure;Mode;Devoir;Date limite;En retard;Score;Issue');
  expect(lines[1]).toMatch(new RegExp(`^[-0-9: ]{16};Tom;TSBI-A;${title};2;Évaluation;groupe TSBI-A;2099-12-31;non;0;Échoué sur une règle critique$`));
  expect(lines[2]).toMatch(new RegExp(`^[-0-9: ]{16};Léa;TSBI-A;${title};2;Évaluation;groupe TSBI-A;2099-12-31;non;100;Réussi$`));
  expect(lines[3]).toBe(';Hugo;TSBI-A;;;;;;;;Aucune tentative');
  expect(lines).toHaveLength(5);

  await page.locator('#filter-mode').selectOption('*');
  await expect(tom).toContainText('✓ réussi en entraînement');
});
