/**
 * The redesigned play screen as a trainee meets it (issue 11, "The screen",
 * "Numbers a French trainee types", "The twin stays whole", "How it is
 * shown"): a hint stays open, a typed value survives an event, a decimal
 * comma or point is recorded as the same number in both languages and
 * anything else is refused, a display's value is nowhere in the page until
 * it is read, a procedure opens at the top, the first-play guide, the log
 * after a resume, the latest judgement over the room at every size, and
 * media preparation played to a pass with each recorded value taken from
 * what the read showed on screen (keyboard at 1920×1080, touch at 1024×768).
 *
 * Every expectation comes from the procedure as written in the scenario
 * file or from the text on screen, never from the code under test.
 */
import { expect as baseExpect, test, type Page } from './fixtures';
import { loadScenario, openTab, perfectEvents, playEvent, press, recordValue, type Input } from '../../src/cli/playInPage';
import type { ActEvent } from '../../src/engine/types';
import { actInRoom, numberRead, tapInRoom } from './roomPlay';

// The machine that runs these is shared and often loaded (2 cores): wait longer than the defaults for what a
// trainee waits for too (the room drawn, a redraw), never for a fixed time, and assert no duration.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });
/** The room has drawn its objects and says where (its test hook). */
const ROOM_READY = { timeout: 90_000 };

const MEDIA = '/?scenario=media-preparation&mode=training&seed=7&fault=none';
const GOWNING = '/?scenario=gowning&mode=training&seed=7&fault=none';
const mediaEvents = () => perfectEvents('media-preparation', { seed: 7, mode: 'training', forcedFault: 'none' });
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true } as const;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (globalThis as unknown as { pageWithoutRoomGeometry(): string }).pageWithoutRoomGeometry = () => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('.room-canvas')) for (const a of ['data-objects', 'data-stations', 'data-back']) el.removeAttribute(a);
      return copy.outerHTML;
    };
  });
});

/** The page as HTML less the room's geometry hooks (installed by the init script above). */
declare function pageWithoutRoomGeometry(): string;

/** The index of the first event matching, so a test can play "up to" a step by its name. */
function indexOf(events: ActEvent[], verb: string, target: string): number {
  const i = events.findIndex((e) => e.verb === verb && e.target === target);
  if (i < 0) throw new Error(`no ${verb} ${target} in the perfect run`);
  return i;
}

async function createProfile(page: Page, name: string) {
  await page.getByLabel('Nom ou pseudonyme').fill(name);
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await expect(page.getByText(`Profil : ${name}`)).toBeVisible();
}

async function playUntil(page: Page, events: ActEvent[], end: number, how: Input = 'mouse') {
  for (const e of events.slice(0, end)) await playEvent(page, e, how);
}

/** Opens an object's actions over the room from its twin button (unless they are open already). */
async function selectObject(page: Page, object: string, how: Input = 'mouse') {
  const twin = page.locator(`[data-object="${object}"]`);
  if ((await twin.getAttribute('aria-expanded')) !== 'true') await press(page, `[data-object="${object}"]`, how);
  await expect(twin).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.actions-panel')).toBeVisible();
}

/**
 * Reads an instrument as a trainee does: its twin button, then "Lire
 * l'affichage", then the line that appears. Returns the number as shown
 * (e.g. "199,93"), parsed by hand from "lu : 199,93 g à 00:12" / "read: 199.93 g at 00:12".
 */
async function readDisplay(page: Page, object: string, how: Input = 'mouse'): Promise<{ shown: string; value: number; line: string }> {
  await selectObject(page, object, how);
  await press(page, `[data-key="read:${object}"]`, how);
  const line = page.locator(`.actions-panel .read-value[data-reading="${object}"]`);
  await expect(line).toBeVisible();
  const text = (await line.innerText()).trim();
  const shown = numberRead(text);
  const french = /^lu/.test(text);
  // French: thousands with (narrow) no-break spaces, decimal comma; English: thousands with commas, decimal point
  const plain = french ? shown.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : shown.replace(/,/g, '');
  const value = Number(plain);
  expect(Number.isFinite(value), `"${shown}" is a number`).toBe(true);
  return { shown, value, line: text };
}


/* ---------- 1. hints ---------- */

test('"Afficher un indice" opens the hint, it stays open after the next actions, and asking twice counts once', async ({ page }) => {
  await page.goto('/');
  await createProfile(page, 'Inès');
  // the same profile (kept for the visit), a fixed run of media preparation
  await page.goto(MEDIA);
  await expect(page.getByTestId('phase')).toBeVisible();
  const events = mediaEvents();
  // line clearance, its record, the vessel's label, the powder: 4 actions; then three checks are open at once
  const powder = indexOf(events, 'inspect', 'powder-medium');
  await playUntil(page, events, powder + 1);
  expect(powder + 1).toBe(4);
  await openTab(page, 'procedure');
  const box = page.locator('details[data-key="hintbox:inspect-filter"]');
  const hintText = box.getByText(/indicateur d'irradiation/);
  await expect(hintText).toBeHidden();
  await page.locator('[data-key="hint:inspect-filter"]').click();
  await expect(box).toHaveAttribute('open', '');
  await expect(hintText).toBeVisible();
  // close it and open it again: the same hint, asked once
  await page.locator('[data-key="hint:inspect-filter"]').click();
  await expect(hintText).toBeHidden();
  await page.locator('[data-key="hint:inspect-filter"]').click();
  await expect(hintText).toBeVisible();

  // another check is done: the steps are redrawn, the open hint stays open
  await playEvent(page, events[indexOf(events, 'inspect', 'wfi-tap')]!);
  await openTab(page, 'procedure');
  await expect(page.locator('.step-list li.done', { hasText: 'Vérifier le point d\'usage EPPI' })).toBeVisible();
  await expect(box).toHaveAttribute('open', '');
  await expect(hintText).toBeVisible();
  await playEvent(page, events[indexOf(events, 'inspect', 'naoh')]!);
  await openTab(page, 'procedure');
  await expect(page.locator('.step-list li.done', { hasText: 'Contrôler la soude 1 N' })).toBeVisible();
  await expect(hintText).toBeVisible();

  // what was saved: 4 + 2 actions and one hint asked (not one per opening)
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tentative en cours' })).toBeVisible();
  await expect(page.getByText(/7 actions faites/)).toBeVisible();
});

/* ---------- 2. a typed value survives an event ---------- */

test('a value typed in the batch record survives an action on an object and an event that redraws the record, focus and caret kept', async ({ page }) => {
  await page.goto(MEDIA);
  const events = mediaEvents();
  const check = indexOf(events, 'check', 'balance');
  await playUntil(page, events, check + 1);
  const balance = await readDisplay(page, 'balance');

  await openTab(page, 'record');
  const field = page.locator('[data-key="recin:rec-balance-check"]');
  await field.fill(balance.shown);
  // an action on another object, from the twin: the next step of the procedure (tare the container)
  await press(page, '[data-object="weigh-container"]', 'mouse');
  await press(page, '[data-key="act:weigh-container:tare"]', 'mouse');
  await expect(page.locator('.toast')).toContainText('Bien');
  await openTab(page, 'record');
  await expect(field).toHaveValue(balance.shown);

  // the trainee is typing the next value, the caret after "22", when an event redraws the record
  const mass = page.locator('[data-key="recin:rec-mass"]');
  await mass.click();
  await mass.fill('220,5');
  await mass.press('Home');
  await mass.press('ArrowRight');
  await mass.press('ArrowRight');
  // the balance's entry is recorded without the focus leaving the field (as an event arriving from elsewhere would)
  await page.evaluate(() => (document.querySelector('[data-key="rec:rec-balance-check"]') as HTMLButtonElement).click());
  await expect(page.locator('.record-entry[data-entry="rec-balance-check"] .record-status')).toContainText(`${balance.shown} g`);
  await expect(mass).toHaveValue('220,5');
  await expect(mass).toBeFocused();
  expect(await mass.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([2, 2]);
  // and typing goes on where the caret was
  await page.keyboard.type('9');
  await expect(mass).toHaveValue('2290,5');
});

/* ---------- 3. decimal comma and point ---------- */

test('French: the balance read with a comma is recorded with a comma, a point is accepted too; "20,0,1" and "abc" are refused and nothing is recorded', async ({ page }) => {
  await page.goto(MEDIA);
  const events = mediaEvents();
  await playUntil(page, events, indexOf(events, 'check', 'balance') + 1);
  const balance = await readDisplay(page, 'balance');
  expect(balance.shown).toMatch(/^\d+,\d\d$/); // a French display: comma, two decimals (the balance's resolution)
  const penalties = await page.getByTestId('score').innerText();

  await recordValue(page, 'rec-balance-check', balance.shown);
  await expect(page.locator('.record-entry[data-entry="rec-balance-check"] .record-status')).toHaveText(`${balance.shown} g`);
  await expect(page.locator('.toast')).toContainText('Contrôle journalier balance B-01');
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  await expect(page.getByTestId('score')).toHaveText(penalties);

  // the powder weighed: the trainee puts 220 g in the container, typed "220,0" in the action's own value field
  await playEvent(page, events[indexOf(events, 'tare', 'weigh-container')]!);
  expect(events[indexOf(events, 'weigh', 'weigh-container')]!.value).toBe(220);
  await selectObject(page, 'weigh-container');
  // first not a number: refused under the field, nothing weighed
  await page.locator('[data-key="in:weigh-container:weigh"]').fill('2,2,0');
  await page.locator('[data-key="act:weigh-container:weigh"]').click();
  await expect(page.locator('.actions-panel .field-error')).toContainText("« 2,2,0 » n'est pas un nombre");
  await expect(page.getByTestId('score')).toHaveText(penalties);
  await page.locator('[data-key="in:weigh-container:weigh"]').fill('220,0');
  await page.locator('[data-key="act:weigh-container:weigh"]').click();
  await expect(page.locator('.toast .fb-good')).toBeVisible();
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  // read, then recorded with a point in French
  const mass = await readDisplay(page, 'weigh-container');
  expect(mass.shown).toBe('220,00');
  await recordValue(page, 'rec-mass', mass.shown.replace(',', '.'));
  await expect(page.locator('.record-entry[data-entry="rec-mass"] .record-status')).toHaveText('220 g');
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  await expect(page.getByTestId('score')).toHaveText(penalties);

  // not one number: refused with a message, nothing recorded, no penalty
  for (const bad of ['20,0,1', 'abc']) {
    await recordValue(page, 'rec-wfi-volume', bad);
    const error = page.locator('.record-entry[data-entry="rec-wfi-volume"] .field-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toContainText(`« ${bad} » n'est pas un nombre`);
    await expect(page.locator('.record-entry[data-entry="rec-wfi-volume"]')).not.toHaveClass(/filled/);
    await expect(page.locator('.record-entry[data-entry="rec-wfi-volume"] .record-status')).toHaveText('vide');
    await expect(page.getByTestId('score')).toHaveText(penalties);
  }
});

test('English: the balance read with a point is recorded with a point, a comma is accepted too; "20,0,1" and "abc" are refused', async ({ page }) => {
  await page.goto(MEDIA);
  const events = mediaEvents();
  await playUntil(page, events, indexOf(events, 'check', 'balance') + 1);
  await page.locator('#lang-select').selectOption('en');
  await expect(page.getByTestId('phase')).toContainText('Stage');
  const balance = await readDisplay(page, 'balance');
  expect(balance.line).toMatch(/^read:/);
  expect(balance.shown).toMatch(/^\d+\.\d\d$/);
  const penalties = await page.getByTestId('score').innerText();

  await recordValue(page, 'rec-balance-check', balance.shown);
  await expect(page.locator('.record-entry[data-entry="rec-balance-check"] .record-status')).toHaveText(`${balance.shown} g`);
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  await expect(page.getByTestId('score')).toHaveText(penalties);

  await playEvent(page, events[indexOf(events, 'tare', 'weigh-container')]!);
  await selectObject(page, 'weigh-container');
  await page.locator('[data-key="in:weigh-container:weigh"]').fill('220.0');
  await page.locator('[data-key="act:weigh-container:weigh"]').click();
  await expect(page.locator('.toast .fb-good')).toBeVisible();
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  const mass = await readDisplay(page, 'weigh-container');
  expect(mass.shown).toBe('220.00');
  // "220,00" typed with a comma in English: still 220
  await recordValue(page, 'rec-mass', '220,00');
  await expect(page.locator('.record-entry[data-entry="rec-mass"] .record-status')).toHaveText('220 g');
  await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
  await expect(page.getByTestId('score')).toHaveText(penalties);

  // not one number: refused with a message, nothing recorded, no penalty
  for (const bad of ['20,0,1', 'abc']) {
    await recordValue(page, 'rec-wfi-volume', bad);
    const error = page.locator('.record-entry[data-entry="rec-wfi-volume"] .field-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText(`“${bad}” is not a number`);
    await expect(page.locator('.record-entry[data-entry="rec-wfi-volume"]')).not.toHaveClass(/filled/);
    await expect(page.locator('.record-entry[data-entry="rec-wfi-volume"] .record-status')).toHaveText('blank');
    await expect(page.getByTestId('score')).toHaveText(penalties);
  }
});

/* ---------- 4. a display's value is nowhere until read ---------- */

test.describe('on a tablet, the powder\'s lot number and expiry in the batch record', () => {
  test.use(TABLET);
  test('typed by touch and by keyboard from the label: the lot recorded, a malformed date refused with its format, a wrong date judged with both dates', async ({ page }) => {
    await page.goto(MEDIA);
    const events = mediaEvents();
    await playUntil(page, events, indexOf(events, 'inspect', 'powder-medium') + 1, 'touch');
    // the label, as the twin gives it: "Lot : PM-1234 · Péremption : 15/06/2026"
    const label = (await page.locator('#obj-state-powder-medium').textContent()) ?? '';
    const lot = /Lot : (PM-\d{4})/.exec(label)?.[1];
    const expiry = /Péremption : (\d\d)\/(\d\d)\/(\d{4})/.exec(label);
    expect(lot, label).toBeTruthy();
    expect(expiry, label).toBeTruthy();
    const [, dd, mm, yyyy] = expiry!;
    const penalties = await page.getByTestId('score').innerText();

    // by touch: the lot number, tapped in and sent with the button
    await openTab(page, 'record', 'touch');
    const lotField = page.locator('[data-key="recin:rec-powder-lot"]');
    await lotField.tap();
    await lotField.fill(lot!);
    await page.locator('[data-key="rec:rec-powder-lot"]').tap();
    await expect(page.locator('.record-entry[data-entry="rec-powder-lot"] .record-status')).toHaveText(lot!);
    await expect(page.locator('.toast')).toContainText('Milieu en poudre : numéro de lot');
    await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
    await expect(page.getByTestId('score')).toHaveText(penalties);

    // by keyboard: the expiry date; its field shows the format it wants
    const dateField = page.locator('[data-key="recin:rec-powder-expiry"]');
    await expect(dateField).toHaveAttribute('placeholder', 'JJ/MM/AAAA');
    await dateField.focus();
    await page.keyboard.type(`31/02/${yyyy}`);
    await page.keyboard.press('Enter');
    const error = page.locator('.record-entry[data-entry="rec-powder-expiry"] .field-error');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toContainText(`« 31/02/${yyyy} » n'est pas une date : écrivez-la JJ/MM/AAAA`);
    await expect(page.locator('.record-entry[data-entry="rec-powder-expiry"]')).not.toHaveClass(/filled/);
    await expect(page.getByTestId('score')).toHaveText(penalties);
    // a day off: written, judged wrong, both dates named
    const wrongDay = String(Number(dd) > 1 ? Number(dd) - 1 : 2).padStart(2, '0');
    const wrong = `${wrongDay}/${mm}/${yyyy}`;
    await expect(dateField).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await expect(page.locator('.record-entry[data-entry="rec-powder-expiry"] .record-status')).toContainText(wrong);
    await expect(page.locator('.toast .fb-bad')).toContainText(`Milieu en poudre : date de péremption du lot : écrit ${wrong}, attendu ${dd}/${mm}/${yyyy}`);
  });
});

test('until the balance is read, its value is nowhere in the page', async ({ page }) => {
  await page.goto(MEDIA);
  const events = mediaEvents();
  await playUntil(page, events, indexOf(events, 'check', 'balance') + 1);
  await selectObject(page, 'balance');
  await openTab(page, 'record');
  await expect(page.locator('[data-key="read:balance"]')).toBeVisible();
  const before = await page.evaluate(() => ({ html: pageWithoutRoomGeometry(), text: document.body.innerText }));

  const balance = await readDisplay(page, 'balance');
  const [whole, frac] = balance.shown.split(',');
  const forms = [balance.shown, `${whole}.${frac}`, String(balance.value)];
  for (const f of forms) {
    expect(before.html, `"${f}" in the page before the read`).not.toContain(f);
    expect(before.text, `"${f}" in the text before the read`).not.toContain(f);
  }
  // and once read, the page shows it (twin and panel)
  const after = await page.evaluate(() => document.body.innerText);
  expect(after).toContain(balance.shown);
  await expect(page.locator('[data-object="balance"]')).toContainText(balance.shown);
});

/* ---------- 5. a procedure opens at the top ---------- */

test('a procedure started from the bottom of the home page opens at the top, HUD in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await createProfile(page, 'Noé');
  const cards = page.locator('[data-scenario]');
  await expect(cards.first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const last = cards.last();
  await last.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.locator('.hud')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('.hud')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('[data-key="quit"]')).toBeInViewport();
});

/* ---------- 6. the first-play guide ---------- */

test.describe('first-play guide', () => {
  test.use({ guideSeen: false });

  test('shows on the first play, skip closes it, not again after a reload, the HUD brings it back, Escape closes it', async ({ page }) => {
    await page.goto(GOWNING);
    const card = page.locator('.guide-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('role', 'dialog');
    await expect(card).toContainText('1 / 5');
    await page.locator('[data-key="guide-skip"]').click();
    await expect(card).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId('phase')).toContainText('Vestiaire');
    await expect(page.locator('[data-object="personal-items"]')).toBeVisible();
    await expect(card).toHaveCount(0);

    await page.locator('[data-key="guide"]').click();
    await expect(card).toBeVisible();
    // keyboard: the focus is in the card; arrows move, Escape closes and gives the focus back
    await expect(card.locator('[data-key="guide-next"]')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(card).toContainText('2 / 5');
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(page.locator('[data-key="guide"]')).toBeFocused();
  });

  test.describe('on a tablet', () => {
    test.use(TABLET);
    test('read to its end by touch: next, back, next… start', async ({ page }) => {
      await page.goto(GOWNING);
      const card = page.locator('.guide-card');
      await expect(card).toBeVisible();
      await expect(card).toBeInViewport({ ratio: 1 });
      await page.locator('[data-key="guide-next"]').tap();
      await expect(card).toContainText('2 / 5');
      await page.locator('[data-key="guide-prev"]').tap();
      await expect(card).toContainText('1 / 5');
      for (const n of [2, 3, 4, 5]) {
        await page.locator('[data-key="guide-next"]').tap();
        await expect(card).toContainText(`${n} / 5`);
      }
      await page.locator('[data-key="guide-done"]').tap();
      await expect(card).toHaveCount(0);
      // played by touch at once, and not shown again on the next play
      await press(page, '[data-object="personal-items"]', 'touch');
      await expect(page.locator('.actions-panel')).toBeVisible();
      await page.reload();
      await expect(page.locator('[data-object="personal-items"]')).toBeVisible();
      await expect(card).toHaveCount(0);
    });
  });
});

/* ---------- 7. the log after a resume ---------- */

test('after a reload in the middle of a procedure, the log shows the history folded and the last message open', async ({ page }) => {
  await page.goto('/');
  await createProfile(page, 'Camille');
  await page.goto(GOWNING);
  const five: ActEvent[] = [
    { type: 'ACT', verb: 'remove', target: 'personal-items' },
    { type: 'ACT', verb: 'undress', target: 'locker' },
    { type: 'ACT', verb: 'cross', target: 'step-over-bench' }, // too early: a mistake
    { type: 'ACT', verb: 'wash', target: 'sink', value: 50 },
    { type: 'ACT', verb: 'don', target: 'facility-suit' },
  ];
  for (const e of five) await playEvent(page, e);
  await openTab(page, 'log');
  const last = page.locator('.log-last li');
  await expect(last).toHaveCount(1);
  const lastText = await last.innerText();

  await page.goto('/');
  await page.getByRole('button', { name: 'Reprendre' }).click();
  await expect(page.getByTestId('phase')).toContainText('Vestiaire');
  await openTab(page, 'log');
  const history = page.locator('details[data-key="log-history"]');
  await expect(history).toBeVisible();
  await expect(history).not.toHaveAttribute('open', /.*/);
  await expect(history.locator('summary')).toHaveText(/Historique \(\d+ messages\)/);
  // the older messages are folded away, the mistake among them
  await expect(history.locator('li').first()).toBeHidden();
  await expect(last).toBeVisible();
  await expect(last).toHaveText(lastText);
  // opening the history shows the mistake of the third action
  await history.locator('summary').click();
  await expect(history.locator('li.fb-bad').first()).toBeVisible();
});

/* ---------- 8. the latest judgement over the room at every size ---------- */

// a tablet's sizes by touch, a laptop's and a desktop's with the mouse; each size in one window resized, as a turned tablet or a larger window is
for (const { touch, sizes } of [
  { touch: true, sizes: [{ width: 1024, height: 768 }, { width: 1180, height: 820 }] },
  { touch: false, sizes: [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] },
]) {
  test.describe(touch ? 'by touch' : 'with the mouse', () => {
    test.use({ viewport: sizes[0]!, hasTouch: touch });
    test(`a mistake shows over the room, whole, without scrolling, at ${sizes.map((z) => `${z.width}×${z.height}`).join(' and ')}`, async ({ page }) => {
      for (const size of sizes) {
        await test.step(`${size.width}×${size.height}`, async () => {
          await page.setViewportSize(size);
          await page.goto(GOWNING);
          await expect(page.locator('.room-canvas')).toHaveAttribute('data-objects', /step-over-bench/, ROOM_READY);
          // a tap on the bench in the room, then its action in the panel over the room: too early, a mistake
          const room = page.locator('.room-canvas');
          const box = (await room.boundingBox())!;
          const objects = JSON.parse((await room.getAttribute('data-objects'))!) as { id: string; x: number; y: number }[];
          const bench = objects.find((o) => o.id === 'step-over-bench')!;
          const at = { x: box.x + bench.x, y: box.y + bench.y };
          if (touch) await page.touchscreen.tap(at.x, at.y);
          else await page.mouse.click(at.x, at.y);
          const panel = page.locator('.room .actions-panel');
          await expect(panel).toBeVisible();
          await expect(panel.locator('h2')).toContainText(/banc/i);
          const cross = panel.locator('[data-key="act:step-over-bench:cross"]');
          if (touch) await cross.tap();
          else await cross.click();
          const toast = page.locator('.room .toast');
          await expect(toast.locator('.fb-bad')).toBeVisible();
          await expect(toast).toBeInViewport({ ratio: 1 });
          const t = (await toast.boundingBox())!;
          expect(t.y).toBeGreaterThanOrEqual(0);
          expect(t.x).toBeGreaterThanOrEqual(0);
          expect(t.y + t.height).toBeLessThanOrEqual(size.height);
          expect(t.x + t.width).toBeLessThanOrEqual(size.width);
          expect(await page.evaluate(() => window.scrollY)).toBe(0);
        });
      }
    });
  });
}

test.describe('on a tablet, working in the room', () => {
  test.use(TABLET);
  test('closing an object\'s actions with ✕ leaves the room where it was (no jump of the page)', async ({ page }) => {
    await page.goto(MEDIA);
    const room = page.locator('.room-canvas');
    await expect(room).toHaveAttribute('data-objects', /spec-sheet/, ROOM_READY);
    const before = (await room.boundingBox())!;
    // opened by one tap on the canvas, where the room draws it
    await tapInRoom(page, 'spec-sheet');
    await expect(page.locator('.room .actions-panel h2')).toHaveText('Spécification du milieu (dossier de lot)');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.locator('.room [data-key="close-panel"]').tap();
    await expect(page.locator('.room .actions-panel')).toBeHidden();
    // the trainee's next tap lands where the room was: it has not scrolled away
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect((await room.boundingBox())!.y).toBe(before.y);
  });
});

test.describe('on a tablet, the drawer closed again', () => {
  test.use(TABLET);
  test('the drawer opened for each record and closed to work in the room: each tap where the room reports an object selects it', async ({ page }) => {
    await page.goto(MEDIA);
    const events = mediaEvents();
    // each object action in the room with the drawer closed, each record in the drawer (the trainee types the value the solver knows:
    // the readings are scenarios.spec's), up to the second record: each drawer open and close resizes the room, so each tap
    // after it must find the object where the room says it now is
    const records = events.flatMap((e, i) => (e.verb === 'record' ? [i] : []));
    for (const [i, e] of events.slice(0, records[1]! + 3).entries()) {
      await test.step(`${i}: ${e.verb} ${e.target}`, async () => {
        if (e.verb === 'record' || e.verb === 'sign') return playEvent(page, e, 'touch');
        if ((await page.locator('[data-key="drawer"]').getAttribute('aria-expanded')) === 'true') {
          await page.locator('[data-key="drawer"]').tap();
          await expect(page.locator('.drawer')).toBeHidden();
        }
        await actInRoom(page, e);
        await expect(page.locator('.toast .fb-bad')).toHaveCount(0);
      });
    }
  });
});

/*
 * Media preparation played to a pass with every recorded value read on screen (touch in the room, keyboard through
 * the twin) is scenarios.spec's, for every scenario (roomPlay.ts).
 */
