/**
 * Judgements that name their reason (issue 12, part 3), as a trainee reads
 * them on screen: too early names the steps that come first, in French and
 * English; a wrong record value is named with what was written and what the
 * display showed; the debrief shows how the score is made and names a blank
 * signature instead of praising a complete record; in assessment nothing is
 * judged on screen until the debrief, which names the missing steps without
 * hints. Every expected text is read from scenarios/gowning.json and the
 * locales, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect as baseExpect, test } from './fixtures';
import { loadScenario, openTab, perfectEvents, playAll, playEvent } from '../../src/cli/playInPage';
import { untranslated } from './pseudo';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const GOWNING = '/?scenario=gowning&mode=training&seed=7&fault=none';
const gowning = loadScenario('gowning');
const titleOf = (id: string) => gowning.steps.find((s) => s.id === id)!.title;
const hintOf = (id: string) => gowning.steps.find((s) => s.id === id)!.hint!;

test('too early names the steps that come first, with their place and hint, in French and in English', async ({ page }) => {
  await page.goto(GOWNING);
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await playEvent(page, { type: 'ACT', verb: 'don', target: 'facility-suit' });
  const toast = page.locator('.toast .fb-bad');
  await expect(toast.locator('strong')).toHaveText(`Trop tôt : ${titleOf('don-facility-suit').fr} (−2 pts)`);
  // over the room, read at a glance: the steps by name and place
  await expect(toast.locator('.fb-first li')).toHaveText([`« ${titleOf('remove-outdoor-clothes').fr} » (étape 3)`, `« ${titleOf('wash-hands').fr} » (étape 4)`]);
  // in the log, with the reason each comes first (the step's hint)
  await openTab(page, 'log');
  await expect(page.locator('.drawer .fb-first li').last()).toHaveText(`« ${titleOf('wash-hands').fr} » (étape 4) — ${hintOf('wash-hands').fr}`);
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.locator('.drawer .fb-first li').first()).toHaveText(`“${titleOf('remove-outdoor-clothes').en}” (step 3) — ${hintOf('remove-outdoor-clothes').en}`);
  // the step list numbers its steps, so "step 4" can be found there
  await expect(page.locator('.step-list li').nth(3)).toContainText(`4. ${titleOf('wash-hands').en}`);
});

test('a wrong record value: the entry, the value written and the value the sink showed', async ({ page }) => {
  await page.goto(GOWNING);
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await playEvent(page, { type: 'ACT', verb: 'wash', target: 'sink', value: 45 });
  await playEvent(page, { type: 'ACT', verb: 'record', target: 'rec-wash-time', value: 54 });
  await expect(page.locator('.toast .fb-bad .fb-fact')).toHaveText('Durée du lavage des mains (s) : écrit 54 s, affiché 45 s (Lavabo à commande non manuelle)');
});

test('the debrief shows how the score is made and names the blank signature instead of praising the record', async ({ page }) => {
  await page.goto(GOWNING);
  // the perfect run without the operator's entry signature: 139 of 142 points (122 of steps, 20 of entries), 3 off for the blank
  await playAll(page, perfectEvents('gowning', { seed: 7, mode: 'training', forcedFault: 'none' }).filter((e) => e.target !== 'rec-entry-sign'));
  await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
  const table = page.getByTestId('score-table');
  await expect(table.locator('caption')).toContainText('Points gagnés 139 / 142 → 98 ; pénalités −3 → 95');
  await expect(table.locator('tbody tr')).toHaveText([/Points gagnés : 139 sur 142 possibles.*98/, /Erreur : Case laissée vide \(Documentation, majeure\)\s*−3/]);
  await expect(table.locator('tfoot')).toContainText('95/100');
  await expect(page.getByTestId('record-gaps')).toContainText("Cases vides : « Visa de l'opérateur à l'entrée en zone B »");
  await expect(page.locator('.debrief')).not.toContainText(gowning.debrief.passed.fr);
  await expect(page.locator('.mistakes')).toContainText("Cases concernées : « Visa de l'opérateur à l'entrée en zone B »");
});

test('assessment: no judgement, step list or score while playing; the debrief names the missing steps without hints', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=assessment&seed=7&fault=none');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await playEvent(page, { type: 'ACT', verb: 'don', target: 'facility-suit' });
  await expect(page.locator('.toast')).toContainText('Action enregistrée.');
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  await expect(page.getByTestId('score')).toHaveText('Score affiché au bilan');
  await expect(page.locator('.step-list')).toHaveCount(0);
  await playEvent(page, { type: 'ACT', verb: 'enter', target: 'door-grade-b' });
  await expect(page.getByTestId('verdict')).toHaveText(/Non réussi/);
  const early = page.locator('.mistakes li').first();
  await expect(early.locator('.fb-first li')).toHaveText([`« ${titleOf('remove-outdoor-clothes').fr} » (étape 3)`, `« ${titleOf('wash-hands').fr} » (étape 4)`]);
  await expect(page.getByTestId('critical-line')).toHaveText('Erreur critique : Porte vers la zone B — Entrer en zone B : la tentative échoue quel que soit le score.');
});

test('every word of the new texts comes from the translations (pseudo-locale: a wrong value, then a debrief with gaps)', async ({ page }) => {
  await page.goto('/?pseudo=1&scenario=gowning&mode=training&seed=7&fault=none');
  const events = perfectEvents('gowning', { seed: 7, mode: 'training', forcedFault: 'none' })
    .filter((e) => e.target !== 'rec-entry-sign')
    .map((e) => (e.target === 'rec-wash-time' ? { ...e, value: 99 } : e));
  const wrong = events.findIndex((e) => e.target === 'rec-wash-time');
  await playAll(page, events.slice(0, wrong + 1));
  await expect(page.locator('.toast .fb-fact')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await playAll(page, events.slice(wrong + 1));
  await expect(page.getByTestId('record-gaps')).toBeVisible();
  await expect(page.getByTestId('score-table')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
});

test('a correct decision ends the attempt: purification pool below its pH range, put on hold, the debrief says so and why', async ({ page }) => {
  // the golden run written by hand from the procedure (tests/golden/purification/hold.json), played through the room's twin
  const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, '../golden/purification/hold.json'), 'utf8')) as { events: Parameters<typeof playAll>[1] };
  const purification = loadScenario('purification');
  const ending = purification.faults.find((f) => f.id === 'vi-ph-low')!.ending!;
  await page.goto('/?scenario=purification&mode=training&seed=12&fault=vi-ph-low');
  await playAll(page, golden.events);
  await expect(page.getByTestId('verdict')).toHaveText('✓ Lot mis en attente (décision correcte)');
  await expect(page.getByTestId('final-score')).toContainText('100/100');
  await expect(page.getByTestId('decision')).toContainText(ending.debrief.fr);
  // the full-procedure praise is not told: the column was never sanitised nor stored
  await expect(page.locator('.debrief')).not.toContainText(purification.debrief.passed.fr);
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByTestId('verdict')).toHaveText('✓ Lot put on hold (correct decision)');
  await expect(page.getByTestId('decision')).toContainText(ending.debrief.en);
});
