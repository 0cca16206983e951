/**
 * A new user on a tablet: random taps all over a 1024×768 touch screen in
 * the middle of a procedure, the tablet turned, the page reloaded, the
 * network cut. Nothing may throw, nothing may be logged as an error, and the
 * trainee must always be left with something to do (a screen with buttons),
 * never a blank page. The taps are drawn from a fixed seed, so a failure
 * replays exactly.
 */
import { expect, test, type Page, guideSeenIn } from './fixtures';

// a tablet as it comes: the room's animations run under the random taps
test.use({ reducedMotion: 'no-preference' });

/** mulberry32: the same taps on every run. */
function taps(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function tapAround(page: Page, rnd: () => number, count: number) {
  const { width, height } = page.viewportSize()!;
  for (let i = 0; i < count; i++) {
    await page.touchscreen.tap(Math.floor(rnd() * width), Math.floor(rnd() * height));
    // a short pause every ten taps: the room and the screens get to redraw between bursts, as under a real finger
    if (i % 10 === 9) await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

/** Something the trainee can use: a heading and at least one enabled button on screen. */
async function usable(page: Page) {
  await expect(page.locator('main h1, main h2').first()).toBeVisible();
  await expect(page.locator('main button:not([disabled])').first()).toBeVisible();
}

test('random taps, a turn, a reload and the network cut in the middle of a procedure break nothing', async ({ browser }) => {
  // hundreds of taps with the room's animations on: on a loaded 2-core machine this takes more than the default minute
  test.setTimeout(180_000);
  // with the service worker, as on a classroom tablet: the network is cut in the middle
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'fr-FR', serviceWorkers: 'allow' });
  await guideSeenIn(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  // a confirm() answered "no", a file picker (backup import) left without a file: as a trainee who changes their mind
  page.on('dialog', (d) => void d.dismiss());
  page.on('filechooser', () => undefined);
  const rnd = taps(20261130);

  await page.goto('/?scenario=inoculation&mode=training&seed=3&fault=none');
  await expect(page.locator('.room-canvas')).toHaveAttribute('data-room-state', 'ready', { timeout: 30_000 });
  await tapAround(page, rnd, 80);
  await usable(page);

  await page.setViewportSize({ width: 768, height: 1024 });
  await tapAround(page, rnd, 40);
  await usable(page);

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await usable(page);
  await tapAround(page, rnd, 60);
  await usable(page);

  await context.setOffline(true);
  await tapAround(page, rnd, 60);
  await usable(page);
  await context.setOffline(false);

  expect(errors).toEqual([]);
  await context.close();
});
