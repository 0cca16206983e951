/**
 * "Exporter en SCORM" in the instructor area: the package is made in the
 * browser from the app's own files and downloaded with a name that says
 * what it is; opened with the zip reader of the unit tests, its manifest
 * and lms.json say what the instructor chose. A wrong pass mark is refused
 * with a sentence and loses no choice.
 */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzip } from '../../src/lms/zip';

const PIN = '2468';

test('Exporter en SCORM: a wrong pass mark is refused, then the zip downloads with its manifest, lms.json, the app and the schemas', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-key="instructor"]').click();
  await page.getByLabel('Nouveau code (4 à 8 chiffres)').fill(PIN);
  await page.getByLabel('Retapez le code').fill(PIN);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  const nav = page.getByRole('navigation', { name: "Rubriques de l'espace formateur" });
  await nav.getByRole('button', { name: 'Scénarios', exact: true }).click();

  const form = page.getByRole('region', { name: 'Exporter en SCORM' });
  const go = form.getByRole('button', { name: 'Exporter en SCORM' });
  await expect(go).toBeDisabled(); // nothing chosen yet
  await form.getByLabel("Préparation d'un milieu de culture en poudre").check(); // mouse or touch
  await form.getByLabel('SCORM 2004 4e édition').check();
  await form.getByLabel('Panne imposée').selectOption({ label: 'Lot de milieu en poudre périmé' });
  await form.getByLabel('Seuil de réussite').fill('120');
  await go.click();
  await expect(form.getByText('Le seuil de réussite est un nombre entier de 0 à 100')).toBeVisible();
  await expect(form.getByLabel('Seuil de réussite')).toBeFocused();

  // the keyboard from here: the choices are all still there
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('75');
  const downloading = page.waitForEvent('download');
  await go.focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  const day = new Date();
  const localDay = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  expect(download.suggestedFilename()).toBe(`media-preparation_scorm-2004_evaluation_${localDay}.zip`);
  await expect(form.getByRole('status')).toContainText(`Paquet téléchargé : media-preparation_scorm-2004_evaluation_${localDay}.zip`);

  const entries = await unzip(new Uint8Array(readFileSync((await download.path())!)));
  const text = (name: string) => new TextDecoder().decode(entries.find((e) => e.path === name)!.data);
  const names = entries.map((e) => e.path);
  expect(names[0]).toBe('imsmanifest.xml');
  // the app as built (every file the build lists, less the service worker and the schema folder), then the package's own files
  const built = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/build-files.json'), 'utf8')) as { files: string[] }).files;
  const app = built.filter((f) => !f.startsWith('scorm/') && f !== 'sw.js' && !/^workbox-/.test(f));
  expect(app).toContain('index.html');
  expect(names).toEqual(expect.arrayContaining([...app, 'lms.json', 'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd']));
  expect(names.filter((n) => n === 'sw.js' || n.startsWith('scorm/'))).toEqual([]);
  expect(text('index.html')).toBe(readFileSync(resolve(import.meta.dirname, '../../dist/index.html'), 'utf8'));

  const manifest = text('imsmanifest.xml');
  expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  expect(manifest).toContain('<title>Préparation d&apos;un milieu de culture en poudre (évaluation)</title>');
  expect(manifest).toContain('adlcp:scormType="sco" href="index.html?lms=1"');
  const config = JSON.parse(text('lms.json'));
  expect(config).toMatchObject({
    standard: '2004',
    scenarioIds: ['media-preparation'],
    mode: 'assessment',
    passMark: 75,
    forcedFault: 'expired-lot',
    title: "Préparation d'un milieu de culture en poudre (évaluation)",
    appVersion: (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version,
  });
  expect(config.scenarios).toBeUndefined(); // built in: the package's app has it
});
