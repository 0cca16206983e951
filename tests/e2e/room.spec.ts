/**
 * The virtual cleanroom (Phaser): every room draws its own picture, taps and
 * drags on the canvas reach the engine through the same route as the DOM
 * twin, nothing moves under reduced motion, the room closes with the
 * attempt, and the DOM twin plays on when the room cannot be drawn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo, guideSeenIn } from './fixtures';
import { dragVerbOf } from '../../src/game/stateLook';
import type { Scenario } from '../../src/engine/types';
import { perfectEvents, playAll, playEvent } from '../../src/cli/playInPage';
import { clearOver, numberRead } from './roomPlay';

const ROOMS = ['changing-room', 'prep-room', 'grade-b-lab', 'upstream-suite', 'downstream-suite', 'filling-line', 'grade-c-room', 'transfer-airlock'];

// the camera's moves and the gestures' animations are part of what is tested here (tests that need none say so)
test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, reducedMotion: 'no-preference' });

interface Spot {
  id: string;
  x: number;
  y: number;
  r: number;
  drag?: string;
}

function scenarios(): Scenario[] {
  const dir = resolve(import.meta.dirname, '../../scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('schema'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Scenario);
}

/** The room as the test saw it, kept in test-results/ (the run's artifacts) for a person to look at. */
async function keepShot(host: Locator, testInfo: TestInfo, name: string) {
  await host.screenshot({ path: testInfo.outputPath(name) });
}

async function roomReady(page: Page) {
  const host = page.locator('.room-canvas').first();
  await expect(host).toHaveAttribute('data-room-state', 'ready', { timeout: 30_000 });
  await expect.poll(async () => JSON.parse((await host.getAttribute('data-objects')) ?? '[]').length).toBeGreaterThan(0);
  return host;
}

/** The room canvas's width in pixels, and the device pixels it covers on screen (the newest canvas while a resized room swaps its own). */
function backingAndShown(page: Page) {
  return page.evaluate(() => {
    const c = [...document.querySelectorAll<HTMLCanvasElement>('.room-canvas canvas')].pop()!;
    return { backing: c.width, shown: c.getBoundingClientRect().width * devicePixelRatio };
  });
}

/** The objects' centres on the page (viewport CSS px). */
async function spots(page: Page): Promise<Spot[]> {
  const host = page.locator('.room-canvas').first();
  const box = (await host.boundingBox())!;
  const list = JSON.parse((await host.getAttribute('data-objects'))!) as Spot[];
  return list.map((s) => ({ ...s, x: box.x + s.x, y: box.y + s.y }));
}

async function spot(page: Page, id: string): Promise<Spot> {
  const s = (await spots(page)).find((x) => x.id === id);
  expect(s, `object ${id} on the canvas`).toBeTruthy();
  return s!;
}

/** Taps an object's drawing in the room, from the overview when its station's close-up is not the one open. */
async function tapObject(page: Page, id: string) {
  const host = page.locator('.room-canvas').first();
  await expect(host).toHaveAttribute('data-view', 'still');
  await expect(host).not.toHaveAttribute('data-room-pending', 'true');
  // the action panel takes the focus and may scroll the page: the room whole in view first
  await page.locator('.room').first().evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  if (!(await spots(page)).some((s) => s.id === id)) {
    const back = JSON.parse((await host.getAttribute('data-back')) || 'null') as number[] | null;
    expect(back, `the back control, to reach ${id}`).toBeTruthy();
    const hb = (await host.boundingBox())!;
    await tapAt(page, hb.x + back![0]! + back![2]! / 2, hb.y + back![1]! + back![3]! / 2, 'page');
    await expect(host).toHaveAttribute('data-station', '');
    await expect(host).toHaveAttribute('data-view', 'still');
    await expect(host).not.toHaveAttribute('data-room-pending', 'true');
  }
  // (going back to the overview may have moved the focus, and the page with it)
  await page.locator('.room').first().evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  let s = await spot(page, id);
  // what lies over it (the last object's actions, a judgement) put away first, as a trainee would: the room may move then
  if (await clearOver(page, s.x, s.y)) {
    await expect(host).not.toHaveAttribute('data-room-pending', 'true');
    s = await spot(page, id);
  }
  await page.touchscreen.tap(s.x, s.y);
  await expect(host).toHaveAttribute('data-highlight', id);
  await expect(host).toHaveAttribute('data-view', 'still');
  await expect(host).not.toHaveAttribute('data-room-pending', 'true');
}

interface Picture {
  colours: number;
  spread: number;
  small: number[];
  /** How sharp it looks: the mean change of brightness between neighbouring pixels (a blurred picture has softer edges). */
  edges: number;
}

/** The canvas as shown: how many distinct colours, how spread its brightness, a 48×27 thumbnail, and how sharp (in `parts` only: rectangles of the canvas, CSS px). */
async function picture(page: Page, parts?: Rect[]): Promise<Picture> {
  // two frames of the page drawn: the canvas shows what the room last drew
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const png = await page.locator('.room-canvas canvas').first().screenshot();
  return page.evaluate(async ([b64, parts]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const full = document.createElement('canvas');
    full.width = img.naturalWidth;
    full.height = img.naturalHeight;
    const fc = full.getContext('2d')!;
    fc.drawImage(img, 0, 0);
    const px = fc.getImageData(0, 0, full.width, full.height).data;
    const seen = new Set<number>();
    let sum = 0;
    let sum2 = 0;
    let edges = 0;
    let counted = 0;
    const n = px.length / 4;
    const lum = (i: number) => 0.3 * px[i]! + 0.59 * px[i + 1]! + 0.11 * px[i + 2]!;
    const row = full.width * 4;
    // (the screenshot's pixels per CSS px of the canvas)
    const k = full.width / (document.querySelector('.room-canvas canvas')?.getBoundingClientRect().width || full.width);
    const inParts = (i: number) => {
      if (!parts) return true;
      const [x, y] = [((i / 4) % full.width) / k, Math.floor(i / row) / k];
      return parts.some((r) => x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]);
    };
    for (let i = 0; i < px.length; i += 4) {
      seen.add(((px[i]! >> 4) << 8) | ((px[i + 1]! >> 4) << 4) | (px[i + 2]! >> 4));
      const l = lum(i);
      sum += l;
      sum2 += l * l;
      if ((i + 4) % row !== 0 && i + row < px.length && inParts(i)) {
        edges += Math.abs(lum(i + 4) - l) + Math.abs(lum(i + row) - l);
        counted++;
      }
    }
    const small = document.createElement('canvas');
    small.width = 48;
    small.height = 27;
    const sc = small.getContext('2d')!;
    sc.drawImage(img, 0, 0, 48, 27);
    const d = sc.getImageData(0, 0, 48, 27).data;
    const rgb: number[] = [];
    for (let i = 0; i < d.length; i += 4) rgb.push(d[i]!, d[i + 1]!, d[i + 2]!);
    return { colours: seen.size, spread: Math.sqrt(sum2 / n - (sum / n) ** 2), small: rgb, edges: edges / Math.max(1, counted) };
  }, [png.toString('base64'), parts ?? null] as const);
}

const difference = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

function expectDrawn(p: Picture, what: string) {
  expect(p.colours, `${what}: distinct colours`).toBeGreaterThan(40);
  expect(p.spread, `${what}: brightness spread`).toBeGreaterThan(12);
}

function expectAllDifferent(pictures: Map<string, Picture>) {
  const rooms = [...pictures.keys()];
  for (let i = 0; i < rooms.length; i++) {
    for (let j = i + 1; j < rooms.length; j++) {
      const d = difference(pictures.get(rooms[i]!)!.small, pictures.get(rooms[j]!)!.small);
      expect(d, `${rooms[i]} vs ${rooms[j]}: mean difference per channel`).toBeGreaterThan(6);
    }
  }
}

test('each room draws its own picture (preview with sample objects)', async ({ page }) => {
  const pictures = new Map<string, Picture>();
  for (const room of ROOMS) {
    await page.goto(`/?roomPreview=${room}`);
    const host = await roomReady(page);
    await expect(host).toHaveAttribute('data-room', room);
    const p = await picture(page);
    expectDrawn(p, room);
    pictures.set(room, p);
  }
  expectAllDifferent(pictures);
});

test('tapping an object on the canvas opens its station and its action panel; a bare wall opens nothing', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await roomReady(page);
  const box = (await page.locator('.room-canvas').boundingBox())!;
  // a point far from every object and station: the top-left corner of the ceiling
  await page.touchscreen.tap(box.x + 8, box.y + 8);
  await expect(page.locator('.actions-panel')).toBeHidden();
  await expect(page.locator('.room-canvas')).toHaveAttribute('data-station', '');
  for (const id of ['personal-items', 'garment-pack', 'door-grade-b', 'mask']) {
    await tapObject(page, id);
    await expect(page.locator(`[data-object="${id}"]`)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.actions-panel')).toBeVisible();
    await expect(page.locator('.actions-panel h2')).toContainText(
      (await page.locator(`[data-object="${id}"] .twin-name`).textContent())!.replace('⚠ ', ''),
    );
    await expect(page.locator('.room-canvas')).toHaveAttribute('data-highlight', id);
  }
  // the page above the room grows (a banner): taps still land on the right object
  await page.evaluate(() => document.getElementById('warnings')!.prepend(Object.assign(document.createElement('div'), { style: 'height:120px' })));
  await tapObject(page, 'mirror');
  await expect(page.locator('[data-object="mirror"]')).toHaveAttribute('aria-expanded', 'true');
  // an action from the panel the tap opened reaches the engine
  await tapObject(page, 'personal-items');
  await page.locator('[data-key="act:personal-items:remove"]').tap();
  await expect(page.locator('.toast .fb-good')).toBeVisible();
});

test('an object that comes with its fault: the puddle under the bench is neither drawn nor listed before it is found, then is; without the fault, never', async ({ page }) => {
  test.setTimeout(120_000);
  const host = page.locator('.room-canvas').first();
  const spill = page.locator('[data-object="spill"]');
  /** The objects the room draws now (the overview: all of them). */
  const drawn = async () => {
    await expect(host).not.toHaveAttribute('data-room-pending', 'true');
    return (await spots(page)).map((s) => s.id);
  };
  for (const fault of ['none', 'medium-spill']) {
    await page.goto(`/?scenario=cleaning-disinfection&mode=training&seed=1&fault=${fault}`);
    await roomReady(page);
    // the gestures up to cleaning the walls, the step after which the puddle is found (the record can wait)
    const events = perfectEvents('cleaning-disinfection', { seed: 1, mode: 'training', forcedFault: fault });
    const walls = events.findIndex((e) => e.verb === 'clean' && e.target === 'walls');
    for (const e of events.slice(0, walls).filter((x) => x.verb !== 'record')) {
      await playEvent(page, e);
      await expect(spill).toHaveCount(0);
    }
    expect(await drawn()).toContain('floor');
    expect(await drawn()).not.toContain('spill');
    await playEvent(page, events[walls]!);
    await expect(page.locator('[data-object="walls"] .twin-state')).toHaveText('nettoyés au détergent, de haut en bas');
    if (fault === 'none') {
      await expect(spill).toHaveCount(0);
      expect(await drawn()).not.toContain('spill');
      continue;
    }
    // found: listed (the fault's object, not answered yet), drawn at the floor's station, and tapped there as any object
    await expect(page.locator('.fault-banner')).toContainText('Sous la paillasse, vous découvrez une flaque de milieu de culture');
    await expect(spill.locator('.twin-name')).toHaveText('⚠ Sol sous la paillasse');
    await expect(spill.locator('.twin-state')).toHaveText('flaque de milieu de culture');
    await expect.poll(async () => (await drawn()).includes('spill')).toBe(true);
    expect((await spot(page, 'spill')) as Spot & { station?: string }).toMatchObject({ station: 'floor' });
    await tapObject(page, 'spill');
    await expect(spill).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.actions-panel h2')).toHaveText('Sol sous la paillasse');
  }
});

test('the twin button with focus or under the pointer is ringed in the room', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await page.locator('[data-object="mirror"]').focus();
  await expect(host).toHaveAttribute('data-highlight', 'mirror');
  await page.locator('[data-object="hood"]').hover();
  await expect(host).toHaveAttribute('data-highlight', 'hood');
  await page.locator('[data-object="sink"]').click();
  await page.getByTestId('phase').hover();
  await expect(host).toHaveAttribute('data-highlight', 'sink');
});

test('a paused screen: the room under the pause layer sends nothing', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await roomReady(page);
  const s = await spot(page, 'sink');
  await page.locator('[data-key="pause"]').click();
  await page.touchscreen.tap(s.x, s.y);
  await page.mouse.click(s.x, s.y);
  await expect(page.locator('[data-object="sink"]')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.actions-panel')).toBeHidden();
});

test('dragging an object whose only action is a drag verb onto the room sends that action (preview)', async ({ page }) => {
  await page.goto('/?roomPreview=upstream-suite');
  await roomReady(page);
  const c = await spot(page, 'connector');
  expect(c.drag).toBe('connect');
  // mouse drag
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x - 60, c.y - 40, { steps: 6 });
  await page.mouse.move(c.x - 200, c.y - 120, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('#room-log li').last()).toHaveText('act:connect:connector');
  // touch drag
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: c.x, y: c.y }] });
  for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: c.x - k * 25, y: c.y - k * 10 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.locator('#room-log li')).toHaveCount(2);
  await expect(page.locator('#room-log li').last()).toHaveText('act:connect:connector');
  // a tap is not a drag: it selects (the action panel is the non-drag alternative)
  await page.touchscreen.tap(c.x, c.y);
  await expect(page.locator('#room-log li').last()).toHaveText('select:connector');
  // an object with several actions cannot be dragged: nothing is sent
  const other = (await spots(page)).find((s) => !s.drag)!;
  await page.mouse.move(other.x, other.y);
  await page.mouse.down();
  await page.mouse.move(other.x + 150, other.y + 20, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('#room-log li')).toHaveCount(3);
});

test('in a scenario, a drag sends the same action as the panel would (the engine judges it)', async ({ page }) => {
  test.setTimeout(120_000);
  // the first scenario with an object whose only action is a drag verb
  const found = scenarios()
    .flatMap((s) => s.objects.filter((o) => dragVerbOf(o.actions)).map((o) => ({ s, o })))
    .map(({ s, o }) => {
      const events = perfectEvents(s.id, { seed: 1, mode: 'training', forcedFault: 'none' });
      return { s, o, events, at: events.findIndex((e) => e.target === o.id && e.verb === dragVerbOf(o.actions)) };
    })
    .filter((x) => x.at >= 0)
    // the one reached in the fewest actions
    .sort((a, b) => a.at - b.at)[0];
  // media preparation's filter assembly is connected by a drag (a built-in scenario keeps one)
  expect(found, 'a scenario with an object whose only action is a drag verb').toBeTruthy();
  const { s, o, events, at } = found!;
  // (the actions before it need no animation: the gestures' own have their tests)
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?scenario=${s.id}&mode=training&seed=1&fault=none`);
  await roomReady(page);
  await playAll(page, events.slice(0, at));
  const penalties = await page.getByTestId('score').textContent();
  await page.locator('.room').scrollIntoViewIfNeeded();
  const p = await spot(page, o.id);
  expect(p.drag).toBe(dragVerbOf(o.actions));
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + 40, p.y + 40, { steps: 5 });
  await page.mouse.move(p.x - 120, p.y + 60, { steps: 5 });
  await page.mouse.up();
  // the step is done, exactly as with the panel's button, and nothing was penalised
  await expect(page.locator('.toast .fb-good').first()).toBeVisible();
  expect(await page.locator('.toast .fb-bad').count()).toBe(0);
  await expect(page.getByTestId('score')).toHaveText(penalties!);
  // (the whole run to a pass with every drag made in the room is scenarios.spec's touch run)
});

test('with reduced motion, no tween runs in the room (and some do without it)', async ({ page }) => {
  await page.goto('/?roomPreview=grade-b-lab');
  const host = await roomReady(page);
  await expect.poll(async () => Number(await host.getAttribute('data-tweens')), { timeout: 5000 }).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const url of ['/?roomPreview=grade-b-lab', '/?roomPreview=upstream-suite', '/?scenario=inoculation&mode=training&seed=1&fault=none']) {
    await page.goto(url);
    const h = await roomReady(page);
    // the room has gone still (drawn once a second: nothing moved for its wake frames), and no tween ever ran
    await expect(h).toHaveAttribute('data-fps', '1', { timeout: 15_000 });
    await expect(h).toHaveAttribute('data-tweens', '0');
    expectDrawn(await picture(page), url);
  }
});

test('a still room is drawn once a second, its slow loops 20 times a second, and at the full rate as soon as it is touched', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // the frames the page has asked the browser for and not yet had (a loop always has one waiting: a frame loop that
  // draws nothing still keeps a tablet's CPU busy)
  await page.addInitScript(() => {
    const waiting = new Set<number>();
    (window as unknown as { framesWaiting: Set<number> }).framesWaiting = waiting;
    const ask = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      const id = ask((t) => (waiting.delete(id), cb(t)));
      waiting.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => (waiting.delete(id), cancel(id));
  });
  // with motion: the Grade B lab's loops (the room's own, the water bath's) only
  await page.goto('/?scenario=inoculation&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await expect(host).toHaveAttribute('data-fps', '20', { timeout: 15_000 });
  // reduced motion: nothing moves, the room is drawn once a second
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await roomReady(page);
  await expect(host).toHaveAttribute('data-fps', '1', { timeout: 15_000 });
  // a touch: drawn at the screen's rate at once, the tap selects as ever, then still again
  const o = (await spots(page))[0]!;
  // every rate the room takes from now on (the full rate may last only a few frames)
  await page.evaluate(() => {
    const h = document.querySelector<HTMLElement>('.room-canvas')!;
    const seen: string[] = [];
    (window as unknown as { rates: string[] }).rates = seen;
    new MutationObserver(() => seen.push(h.dataset.fps ?? '')).observe(h, { attributes: true, attributeFilter: ['data-fps'] });
  });
  await page.touchscreen.tap(o.x, o.y);
  await expect.poll(() => page.evaluate(() => (window as unknown as { rates: string[] }).rates)).toContain('0');
  await expect(host).toHaveAttribute('data-highlight', o.id);
  await expect(host).toHaveAttribute('data-fps', '1', { timeout: 15_000 });
  // still again: no frame is waiting (the once-a-second drawing waits on a timer, not on a frame loop)
  await expect.poll(() => page.evaluate(() => (window as unknown as { framesWaiting: Set<number> }).framesWaiting.size), { message: 'frames a still room waits for' }).toBe(0);
});

test('the attempt ends: the room closes with its debrief image inside the DOM debrief', async ({ page }) => {
  // (what moves during the run is tested above: here it only costs time)
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await roomReady(page);
  await playAll(page, perfectEvents('gowning', { seed: 1, mode: 'training', forcedFault: 'none' }));
  await expect(page.getByTestId('verdict')).toHaveText(/Réussi/);
  const host = page.locator('.debrief .debrief-room .room-canvas');
  await expect(host).toHaveAttribute('data-scene', 'Debrief');
  await expect(page.locator('.debrief-room')).toHaveAttribute('aria-hidden', 'true');
  expectDrawn(await picture(page), 'debrief');
  // leaving the debrief removes the room
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await expect(page.locator('.room-canvas')).toHaveCount(0);
});

test('the room follows the language', async ({ page }) => {
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await expect(host).toHaveAttribute('data-lang', 'fr');
  await page.locator('#lang-select').selectOption('en');
  await expect(host).toHaveAttribute('data-lang', 'en');
});

test('crisp on a dense screen: at devicePixelRatio 2 the canvas has at least as many pixels as it shows', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, locale: 'fr-FR' });
  await guideSeenIn(context);
  const page = await context.newPage();
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await roomReady(page);
  const { backing, shown } = await backingAndShown(page);
  expect(backing).toBeGreaterThanOrEqual(Math.floor(shown));
  await context.close();
});

test('no wasted pixels on a tablet; a room grown by a turn or a larger window gets a sharper canvas and plays on', async ({ browser }) => {
  // landscape 1024×768: the canvas has the pixels it shows, not the stage's 1280 (each frame copies them all),
  // and never under half the stage, 640 px: below that the labels' text would be drawn too coarse
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'fr-FR' });
  await guideSeenIn(context);
  const page = await context.newPage();
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  const landscape = await backingAndShown(page);
  expect(landscape.backing).toBeGreaterThanOrEqual(Math.floor(landscape.shown));
  expect(landscape.backing).toBeLessThanOrEqual(Math.max(landscape.shown * 1.1, 640));
  // turned to portrait, the room is wider: a new canvas with enough pixels, the same objects, still playable by touch
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect.poll(async () => {
    const p = await backingAndShown(page);
    return p.backing >= Math.floor(p.shown);
  }).toBe(true);
  await expect(host).toHaveAttribute('data-room-state', 'ready');
  await expect(page.locator('.room-canvas canvas')).toHaveCount(1);
  await expect.poll(async () => (await spots(page)).length).toBeGreaterThan(0);
  const s = await spot(page, 'personal-items');
  await tapAt(page, s.x, s.y, 'page');
  await page.locator('[data-key="act:personal-items:remove"]').tap();
  await expect(page.locator('.toast .fb-good')).toBeVisible();
  // a desktop window made much larger: the same
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(async () => {
    const p = await backingAndShown(page);
    return p.backing >= Math.floor(p.shown * 0.95);
  }).toBe(true);
  await expect(host).toHaveAttribute('data-room-state', 'ready');
  await context.close();
});

test('without Phaser (chunk blocked) the DOM twin plays on and nothing is thrown', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(/assets\/phaser-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await expect(page.locator('.room-canvas')).toHaveAttribute('data-room-state', 'failed');
  await expect(page.locator('.room-note')).toHaveText(/ne peut pas être dessinée/);
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' }, 'touch');
  await expect(page.locator('.toast .fb-good')).toBeVisible();
  expect(errors).toEqual([]);
});

test('without WebGL nor canvas the DOM twin plays on and nothing is thrown', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    HTMLCanvasElement.prototype.getContext = () => null;
  });
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  await expect(page.locator('.room-canvas')).toHaveAttribute('data-room-state', 'failed');
  await playEvent(page, { type: 'ACT', verb: 'remove', target: 'personal-items' });
  await expect(page.locator('.toast .fb-good')).toBeVisible();
  expect(errors).toEqual([]);
});

test("Phaser's chunk is precached by the service worker, so the room draws offline", async ({ request }) => {
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toMatch(/assets\/phaser-[\w-]+\.js/);
});

/* ---------- stations and close-ups ---------- */

/**
 * The sizes the room is tested at: the viewport, and the narrowest room the
 * play screen gives there by default (the drawer beside the room from
 * 1280 px wide, closed below). Labels depend on the canvas's width only.
 */
const SIZES = [
  { vw: 1024, vh: 768, min: 990 },
  { vw: 1180, vh: 820, min: 1100 },
  { vw: 1366, vh: 768, min: 900 },
  { vw: 1920, vh: 1080, min: 1400 },
];

/** The room is still and has laid its labels out for the canvas as now shown (its places are where it draws). */
async function settled(page: Page, station = '') {
  const host = page.locator('.room-canvas').first();
  await expect(host).toHaveAttribute('data-room-state', 'ready');
  await expect(host).toHaveAttribute('data-view', 'still');
  await expect(host).not.toHaveAttribute('data-room-pending', 'true');
  await expect(host).toHaveAttribute('data-station', station);
  await expect.poll(async () => {
    const d = await roomData(page);
    const p = await backingAndShown(page);
    return Math.abs(d.laidFor - d.w) <= 2 && p.backing >= Math.floor(p.shown * 0.95);
  }, { timeout: 15_000, intervals: [50, 100, 250] }).toBe(true);
}

type Rect = [number, number, number, number];

interface Shown {
  id: string;
  x: number;
  y: number;
  r: number;
  station: string;
  box: Rect;
  label: Rect;
  font: number;
  /** Its readout plate (an instrument with several readings read, in a close-up). */
  readout?: Rect;
  readoutFont?: number;
}

interface RoomData {
  w: number;
  h: number;
  station: string;
  laidFor: number;
  objects: Shown[];
  stations: { id: string; name: string; box: Rect; tab: Rect | null }[];
  back: Rect | null;
  /** The close-up's title (the station's name), where it shows. */
  title: Rect | null;
}

async function roomData(page: Page): Promise<RoomData> {
  return page.locator('.room-canvas').first().evaluate((el: HTMLElement) => ({
    w: el.clientWidth,
    h: el.clientHeight,
    station: el.dataset.station ?? '',
    laidFor: Number(el.dataset.laidFor ?? 0),
    objects: JSON.parse(el.dataset.objects || '[]'),
    stations: JSON.parse(el.dataset.stations || '[]'),
    back: el.dataset.back ? JSON.parse(el.dataset.back) : null,
    title: el.dataset.closeTitle ? JSON.parse(el.dataset.closeTitle) : null,
  }));
}

/** Overlap of two rectangles, in CSS px each way (a rounding's half pixel is no overlap). */
const crosses = (a: Rect, b: Rect) => Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]) > 1 && Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]) > 1;
const within = (a: Rect, w: number, h: number) => a[0] >= -1 && a[1] >= -1 && a[0] + a[2] <= w + 1 && a[1] + a[3] <= h + 1;

/** Every label legible, inside the canvas, over no other label, no other object's drawing, no station name, no back control. */
function expectTidy(d: RoomData, what: string) {
  // every rule checked, every breach named, then one assertion on the list (an expect per pair of thirty objects costs seconds)
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const close = d.station !== '';
  check(d.objects.length > 0, 'no object shown');
  const tabs = close ? [] : d.stations.map((s) => ({ id: `station ${s.id}`, rect: s.tab! }));
  const others = [...tabs, ...(d.back ? [{ id: 'back control', rect: d.back }] : []), ...(d.title ? [{ id: 'close-up title', rect: d.title }] : [])];
  for (const o of d.objects) {
    check(o.font >= (close ? 14 : 12), `${o.id}: label font ${o.font} CSS px, under ${close ? 14 : 12}`);
    check(o.label[2] > 0, `${o.id}: no label shown`);
    check(within(o.label, d.w, d.h), `${o.id}: label ${o.label} outside the ${d.w}×${d.h} canvas`);
    check(within(o.box, d.w, d.h), `${o.id}: drawing ${o.box} outside the canvas`);
    if (close) check(o.station === d.station, `${o.id}: of station ${o.station}, not ${d.station}`);
    for (const p of d.objects) {
      if (p === o) continue;
      check(!crosses(o.label, p.label), `${o.id}: label over ${p.id}'s label`);
      check(!crosses(o.label, p.box), `${o.id}: label over ${p.id}'s drawing`);
    }
    const [cx, cy] = [o.box[0] + o.box[2] / 2, o.box[1] + o.box[3] / 2];
    for (const t of others) {
      check(!crosses(o.label, t.rect), `${o.id}: label over the ${t.id}`);
      check(!(cx > t.rect[0] && cx < t.rect[0] + t.rect[2] && cy > t.rect[1] && cy < t.rect[1] + t.rect[3]), `${o.id}: drawing's centre under the ${t.id}`);
    }
  }
  for (const t of tabs) check(within(t.rect, d.w, d.h), `${t.id} outside the canvas`);
  if (close) {
    // the station's name over none of its drawings (nor, above, its labels)
    check(!!d.title && within(d.title, d.w, d.h), `close-up title ${d.title} missing or outside the canvas`);
    if (d.title) for (const o of d.objects) check(!crosses(o.box, d.title), `the close-up title over ${o.id}'s drawing`);
    check(!!d.back && d.back[2] >= 44 && d.back[3] >= 44, `back control ${d.back} missing or under 44 px`);
  }
  expect(problems, `${what}: every label legible and apart`).toEqual([]);
}

async function still(page: Page, station: string) {
  const host = page.locator('.room-canvas').first();
  await expect(host).toHaveAttribute('data-station', station);
  await expect(host).toHaveAttribute('data-view', 'still');
  await expect(host).not.toHaveAttribute('data-room-pending', 'true');
}

/**
 * Taps at a point of the room (CSS px from the host's corner, the room
 * scrolled whole into view first; or of the page) (the action panel takes the focus). What
 * lies over the room at that point (the latest judgement, an object's open
 * actions) is put away with its ✕ first, as a trainee would.
 */
async function tapAt(page: Page, x: number, y: number, from: 'room' | 'page' = 'room') {
  for (let i = 0; i < 4; i++) {
    const at = await page.evaluate(([rx, ry, inRoom]) => {
      let [px, py] = [rx as number, ry as number];
      if (inRoom) {
        document.querySelector('.room')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const hb = document.querySelector('.room-canvas')!.getBoundingClientRect();
        [px, py] = [hb.x + px, hb.y + py];
      }
      const el = document.elementFromPoint(px, py);
      return { px, py, over: el?.closest('.toast') ? 'toast' : el?.closest('.actions-panel') ? 'panel' : 'room' };
    }, [x, y, from === 'room'] as const);
    if (at.over === 'room') return page.touchscreen.tap(at.px, at.py);
    // by touch, as on the tablet (a mouse left where the ✕ was would hover the list under it once the panel goes)
    await page.locator(at.over === 'toast' ? '[data-key="toast-close"]' : '.room [data-key="close-panel"]').first().tap();
  }
  throw new Error(`the room stays covered at ${x},${y}`);
}

test('gowning: the operator figure wears what is put on, labels keep off it; under reduced motion it changes at once', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await expect(host).toHaveAttribute('data-figure', 'street,jewellery');
  const events = perfectEvents('gowning', { seed: 1, mode: 'training', forcedFault: 'none' });
  const coverall = events.findIndex((e) => e.target === 'coverall' && e.verb === 'don');
  await playAll(page, events.slice(0, coverall + 1));
  // the suit, the first gloves, the hood, the mask and now the coverall: no street clothes any more
  await expect(host).toHaveAttribute('data-figure', 'facility-suit,coverall,hood,mask,gloves×1');
  await expect(host).toHaveAttribute('data-tweens', '0');
  await page.keyboard.press('Escape');
  await still(page, '');
  const d = await roomData(page);
  const figure = JSON.parse((await host.getAttribute('data-figure-box')) || 'null') as Rect | null;
  expect(figure, 'the figure drawn in the overview').toBeTruthy();
  for (const o of d.objects) {
    expect(crosses(o.label, figure!), `${o.id}'s label over the figure`).toBe(false);
    expect(crosses(o.box, figure!), `${o.id}'s drawing over the figure`).toBe(false);
  }
});

const centre = (r: Rect): [number, number] => [r[0] + r[2] / 2, r[1] + r[3] / 2];

async function openStation(page: Page, id: string) {
  const d = await roomData(page);
  const st = d.stations.find((s) => s.id === id)!;
  await tapAt(page, ...centre(st.tab!));
  await still(page, id);
}

async function backToOverview(page: Page) {
  const d = await roomData(page);
  await tapAt(page, ...centre(d.back!));
  await still(page, '');
}

function builtIn(): { id: string; room: string }[] {
  return scenarios().map((s) => ({ id: s.id, room: s.room }));
}

// every room at the other sizes, once (with the first scenario drawn there), in the same window resized as a laptop's or a
// turned tablet's is: the room is not started again for it
const onePerRoom = new Set(builtIn().filter((x, i, all) => all.findIndex((y) => y.room === x.room) === i).map((x) => x.id));
const OTHER_SIZES = SIZES.slice(1).map((z) => `${z.vw}×${z.vh}${z.vw === 1180 ? ' in English' : ''}`).join(', ');

for (const { id, room } of builtIn()) {
  const others = onePerRoom.has(id);
  test(`${id} (${room}) at 1024×768${others ? `, then ${OTHER_SIZES}` : ''}: every label legible and apart in the overview and each close-up, drawn at least twice as large there at 1024; back control`, async ({ page }, testInfo) => {
    test.setTimeout(480_000);
    // (the camera's moves have their own tests: here the station opens at once)
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/?scenario=${id}&mode=training&seed=1&fault=none`);
    const host = await roomReady(page);
    // the room as the play screen lays it out at 1024×768 (drawer closed): what a trainee sees by default
    await settled(page);
    // the scenario's own room, every object of the scenario drawn there and no other, each a target of at least 44 px
    // (but one absent at the start, which only a fault brings: the puddle under the bench)
    await expect(host).toHaveAttribute('data-room', room);
    const list = await spots(page);
    const present = scenarios().find((s) => s.id === id)!.objects.filter((o) => !o.looks?.[o.state]?.absent);
    expect(list.map((o) => o.id).sort()).toEqual(present.map((o) => o.id).sort());
    for (const o of list) expect(o.r * 2, `${id}/${o.id} touch target`).toBeGreaterThanOrEqual(44);
    expectDrawn(await picture(page), id);
    const overview = await roomData(page);
    expect(overview.w).toBeGreaterThanOrEqual(990);
    expectTidy(overview, `${id} overview`);
    await keepShot(host, testInfo, `${id}-overview.png`);
    for (const st of overview.stations) {
      // a tap on the station's area opens it: every label legible and apart, objects drawn at least twice their overview size
      await openStation(page, st.id);
      const close = await roomData(page);
      expectTidy(close, `${id} close-up ${st.id}`);
      await keepShot(host, testInfo, `${id}-${st.id}.png`);
      for (const o of close.objects) {
        const before = overview.objects.find((x) => x.id === o.id)!;
        expect(o.box[2], `${id}/${o.id} width in the close-up`).toBeGreaterThanOrEqual(before.box[2] * 1.95);
      }
      // a tap at the centre of each drawing, as drawn, selects that object (what lies over it put away first)
      for (const o of close.objects) {
        await tapAt(page, ...centre(o.box));
        await expect(host, `a tap at the centre of ${o.id}'s drawing`).toHaveAttribute('data-highlight', o.id);
        await expect(page.locator('.room .actions-panel h2')).toBeVisible();
      }
      await page.locator('.room [data-key="close-panel"]').tap();
      await backToOverview(page);
    }
    if (!others) return;
    for (const size of SIZES.slice(1)) {
      // the turned tablet's size in English: other words, other lengths, the same rules
      const lang = size.vw === 1180 ? 'en' : 'fr';
      if ((await host.getAttribute('data-lang')) !== lang) {
        await page.locator('#lang-select').selectOption(lang);
        await expect(host).toHaveAttribute('data-lang', lang);
      }
      await page.setViewportSize({ width: size.vw, height: size.vh });
      await roomReady(page);
      // the room as the play screen lays it out by default at that size
      await settled(page);
      const wide = await roomData(page);
      expect(wide.w, `${size.vw}×${size.vh}: the room's width`).toBeGreaterThanOrEqual(size.min);
      expectTidy(wide, `${id} ${size.vw}px (${lang}) overview`);
      await keepShot(host, testInfo, `${id}-${size.vw}-${lang}-overview.png`);
      for (const st of wide.stations) {
        await openStation(page, st.id);
        expectTidy(await roomData(page), `${id} ${size.vw}px (${lang}) close-up ${st.id}`);
        if (lang === 'en') await keepShot(host, testInfo, `${id}-${size.vw}-en-${st.id}.png`);
        await backToOverview(page);
      }
    }
  });
}

// instruments with several named readings: the plate counts once counted, the bioreactor's console once set, the filler
// once stopped, the load sheet once countersigned
const READOUTS = [
  { scenario: 'environmental-monitoring', object: 'colony-counter', after: 'count', readings: ['needles', 'bowl', 'air', 'surfaces', 'gloves', 'gown'] },
  { scenario: 'inoculation', object: 'control-panel', after: 'confirm', readings: ['temperature', 'ph', 'do', 'rocking'] },
  // a crowded close-up: the filling line under its RABS
  { scenario: 'aseptic-process-simulation', object: 'filling-machine', after: 'stop', readings: ['speed', 'count', 'rejects'] },
  { scenario: 'purification', object: 'load-sheet', after: 'countersign', readings: ['titre', 'volume'] },
];

for (const r of READOUTS) {
  test(`${r.scenario}: the ${r.object}'s readings, once read, show in its close-up on a readout plate, a line each, legible and apart from labels and drawings`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/?scenario=${r.scenario}&mode=training&seed=1&fault=none`);
    const host = await roomReady(page);
    const events = perfectEvents(r.scenario, { seed: 1, mode: 'training', forcedFault: 'none' });
    await playAll(page, events.slice(0, events.findIndex((e) => e.target === r.object && e.verb === r.after) + 1));
    await page.keyboard.press('Escape');
    await still(page, '');
    const station = (await roomData(page)).objects.find((o) => o.id === r.object)!.station;
    await openStation(page, station);
    await settled(page, station);
    expect((await roomData(page)).objects.find((o) => o.id === r.object)!.readout, 'no plate before anything is read').toBeUndefined();
    for (const reading of r.readings) await playEvent(page, { type: 'ACT', verb: 'read', target: r.object, reading });
    await page.locator('.room [data-key="close-panel"]').tap();
    await settled(page, station);
    // (the latest judgement put away, as a trainee would, for the picture kept)
    const toast = page.locator('[data-key="toast-close"]').first();
    if (await toast.isVisible()) await toast.tap();
    await keepShot(host, testInfo, `${r.scenario}-${r.object}-readout.png`);
    const expectPlate = async (what: string) => {
      const d = await roomData(page);
      const o = d.objects.find((x) => x.id === r.object)!;
      expect(o.readout, `${what}: readout plate shown`).toBeTruthy();
      const plate = o.readout!;
      expect(o.readoutFont, `${what}: readout font (CSS px)`).toBeGreaterThanOrEqual(14);
      // a line per reading (a long one may break after its label)
      expect(plate[3], `${what}: readout height for ${r.readings.length} lines`).toBeGreaterThanOrEqual(r.readings.length * 14);
      expect(within(plate, d.w, d.h), `${what}: readout ${plate} inside the ${d.w}×${d.h} canvas`).toBe(true);
      for (const p of d.objects) {
        expect(crosses(plate, p.label), `${what}: readout over ${p.id}'s label`).toBe(false);
        if (p.id !== r.object) expect(crosses(plate, p.box), `${what}: readout over ${p.id}'s drawing`).toBe(false);
      }
      expect(crosses(plate, d.back!), `${what}: readout over the back control`).toBe(false);
      expectTidy(d, what);
    };
    await expectPlate(`${r.scenario} fr`);
    if (r.scenario !== 'environmental-monitoring') return;
    // the twin reads the same, with the unit in the language: UFC in French, CFU in English
    const air = page.locator(`.read-value[data-reading="${r.object}.air"]`).first();
    await page.locator(`[data-object="${r.object}"]`).first().click();
    await expect(air).toContainText('UFC/m³');
    await page.locator('#lang-select').selectOption('en');
    await expect(host).toHaveAttribute('data-lang', 'en');
    await expect(air).toContainText('CFU/m³');
    await expect(air).not.toContainText('UFC');
    expect(numberRead((await air.innerText()).trim())).toBe('0');
    await page.locator('.room [data-key="close-panel"]').tap();
    await settled(page, station);
    if (await toast.isVisible()) await toast.tap();
    await keepShot(host, testInfo, `${r.scenario}-${r.object}-readout-en.png`);
    await expectPlate(`${r.scenario} en`);
  });
}

test('a horizontal swipe in a close-up goes back to the overview; a tap on the bare area opens nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?scenario=media-preparation&mode=training&seed=1&fault=none');
  await roomReady(page);
  await settled(page);
  await openStation(page, 'preparation-tank');
  const d = await roomData(page);
  // a point on no drawing, no label, no control
  const free: [number, number][] = [];
  for (let y = 80; y < d.h - 20; y += 20) {
    for (let x = 40; x < d.w - 40; x += 20) {
      const r: Rect = [x - 40, y - 30, 80, 60];
      if (!d.objects.some((o) => crosses(r, o.box) || crosses(r, o.label)) && !(d.back && crosses(r, d.back))) free.push([x, y]);
    }
  }
  expect(free.length).toBeGreaterThan(0);
  const [x, y] = free[Math.floor(free.length / 2)]!;
  await tapAt(page, x, y);
  await expect(page.locator('.room-canvas')).toHaveAttribute('data-station', 'preparation-tank');
  await expect(page.locator('.actions-panel')).toBeHidden();
  const hb = (await page.locator('.room-canvas').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: hb.x + x, y: hb.y + y }] });
  for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: hb.x + x - k * 25, y: hb.y + y + k * 2 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await still(page, '');
  await expect(page.locator('.actions-panel')).toBeHidden();
});

test('with reduced motion a station opens at once, with no tween', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await settled(page);
  await openStation(page, 'bench');
  await expect(host).toHaveAttribute('data-tweens', '0');
  await backToOverview(page);
});

test('with motion, a close-up at rest is as sharp as under reduced motion (a picture baked for the overview gives way to its paths on arrival)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  // the changing room: nothing moves there once the camera rests (where something moves, its picture is baked again at the
  // close-up's zoom), so what shows is what the arrival left
  const url = '/?scenario=gowning&mode=training&seed=1&fault=none';
  const closeUp = async () => {
    await roomReady(page);
    await settled(page);
    const first = (await roomData(page)).stations[0]!.id;
    await openStation(page, first);
    await settled(page, first);
    // the objects' drawings only (the floor and the walls are never baked)
    return (await picture(page, (await roomData(page)).objects.map((o) => o.box))).edges;
  };
  await page.goto(url);
  const moved = await closeUp();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  const reduced = await closeUp();
  expect(reduced, 'the close-up drawn at all').toBeGreaterThan(1);
  expect(moved, `sharpness with motion (${moved.toFixed(2)}) against reduced motion (${reduced.toFixed(2)})`).toBeGreaterThanOrEqual(reduced * 0.98);
});

test("in a close-up, the phase's brief and an object's actions never cover the way back or the station's name", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?scenario=cleaning-disinfection&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await settled(page);
  // the first phase's brief shows over the room
  await expect(page.locator('.toast .toast-card')).toBeVisible();
  // what lies over the back control or the station's name (page px), from the toast and the action panel
  const covered = () =>
    page.evaluate(() => {
      const h = document.querySelector<HTMLElement>('.room-canvas')!;
      const r = h.getBoundingClientRect();
      const hud = [['back', h.dataset.back], ['name', h.dataset.closeTitle]]
        .filter(([, v]) => v)
        .map(([what, v]) => {
          const [x, y, w, hh] = JSON.parse(v!) as number[];
          return { what, x: r.x + x!, y: r.y + y!, w: w!, h: hh! };
        });
      const over: string[] = [];
      for (const sel of ['.toast .toast-card', '.room .actions-panel']) {
        const el = document.querySelector<HTMLElement>(sel);
        if (!el || el.closest('[hidden]') || !el.offsetParent) continue;
        const b = el.getBoundingClientRect();
        for (const c of hud) if (b.x < c.x + c.w && c.x < b.right && b.y < c.y + c.h && c.y < b.bottom) over.push(`${sel} over the ${c.what}`);
      }
      return { hud: hud.map((c) => c.what), over };
    });
  // an object whose drawing the brief leaves free: its station opens with its actions, the brief still there
  const free = await page.evaluate(() => {
    const h = document.querySelector<HTMLElement>('.room-canvas')!;
    const r = h.getBoundingClientRect();
    return (JSON.parse(h.dataset.objects || '[]') as { id: string; x: number; y: number }[]).find((o) => document.elementFromPoint(r.x + o.x, r.y + o.y)?.closest('.room-canvas'))?.id;
  });
  expect(free, 'an object the brief leaves free').toBeTruthy();
  await tapObject(page, free!);
  await expect(host).not.toHaveAttribute('data-station', '');
  await expect(page.locator('.toast .toast-card')).toBeVisible();
  await expect(page.locator('.room .actions-panel')).toBeVisible();
  expect(await covered()).toEqual({ hud: ['back', 'name'], over: [] });
  // the actions closed: the brief alone, across the top of the close-up
  await page.locator('.room [data-key="close-panel"]').tap();
  await expect(page.locator('.room .actions-panel')).toBeHidden();
  expect(await covered()).toEqual({ hud: ['back', 'name'], over: [] });
  await keepShot(host.locator('..'), test.info(), 'cleaning-disinfection-close-up-with-brief.png');
  // an object drawn in the right half of its close-up: its actions open on the left, where the way back is
  const middle = (await host.boundingBox())!;
  let right: Spot | undefined;
  for (const st of (await roomData(page)).stations) {
    await backToOverview(page);
    await openStation(page, st.id);
    right = (await spots(page)).find((o) => o.x > middle.x + middle.width / 2 + 20);
    if (right) break;
  }
  expect(right, 'an object in the right half of a close-up').toBeTruthy();
  await page.touchscreen.tap(right!.x, right!.y);
  await expect(page.locator(`[data-object="${right!.id}"]`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.room .overlay')).toHaveClass(/at-left/);
  expect(await covered()).toEqual({ hud: ['back', 'name'], over: [] });
  await keepShot(host.locator('..'), test.info(), 'cleaning-disinfection-close-up-with-actions-on-the-left.png');
});

test('while levels move, what stands still is drawn from one picture and shows exactly as it does at rest', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  // inoculation's pump transfer: the flask's level falls, the bioreactor's rises (kit.ts, 900 ms)
  const events = perfectEvents('inoculation', { seed: 1, mode: 'training', forcedFault: 'none' });
  const at = events.findIndex((e) => e.verb === 'transfer');
  expect(at, 'inoculation has a transfer').toBeGreaterThan(0);
  const e = events[at]!;
  await page.goto('/?scenario=inoculation&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await playAll(page, events.slice(0, at), 'mouse');
  const twin = page.locator(`[data-object="${e.target}"]`);
  if ((await twin.getAttribute('aria-expanded')) !== 'true') await twin.click();
  await host.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await settled(page);
  const objects = (await roomData(page)).objects as { id: string; box: Rect }[];
  // the room before the transfer; then every frame while the picture shows, and the room at rest again (over half a
  // second, which shows what its own loops move at rest)
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.room-canvas canvas')!;
    const c = document.createElement('canvas');
    c.width = canvas.width;
    c.height = canvas.height;
    const x = c.getContext('2d', { willReadFrequently: true })!;
    x.drawImage(canvas, 0, 0);
    (window as unknown as { before: Uint8ClampedArray }).before = x.getImageData(0, 0, c.width, c.height).data;
  });
  const watch = page.evaluate(
    (objects) =>
      new Promise<{ frames: number; changed: string[]; outside: number; where: number[] | null }>((done) => {
        const hostEl = document.querySelector<HTMLElement>('.room-canvas')!;
        const canvas = hostEl.querySelector('canvas')!;
        const w = canvas.width;
        const h = canvas.height;
        const k = w / canvas.getBoundingClientRect().width;
        const copy = () => {
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const x = c.getContext('2d', { willReadFrequently: true })!;
          x.drawImage(canvas, 0, 0);
          return x.getImageData(0, 0, w, h).data;
        };
        const before = (window as unknown as { before: Uint8ClampedArray }).before;
        const shown: Uint8ClampedArray[] = [];
        const rest: Uint8ClampedArray[] = [];
        let restSince = 0;
        const give = performance.now() + 20_000;
        const tick = (now: number) => {
          if (hostEl.dataset.still === '1') {
            if (shown.length < 24) shown.push(copy());
          } else if (shown.length) {
            restSince ||= now;
            if (now - restSince > 300) rest.push(copy());
          }
          if (rest.length < 6 && now < give) {
            requestAnimationFrame(tick);
            return;
          }
          const last = rest[rest.length - 1];
          if (!last) return done({ frames: shown.length, changed: [], outside: -1, where: null });
          const differs = (a: Uint8ClampedArray, b: Uint8ClampedArray, i: number) => Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 48;
          const at = (i: number) => [((i / 4) % w) / k, Math.floor(i / 4 / w) / k] as const;
          const pad = 8;
          const inBox = (b: number[], [x, y]: readonly [number, number]) => x >= b[0]! - pad && x < b[0]! + b[2]! + pad && y >= b[1]! - pad && y < b[1]! + b[3]! + pad;
          // the objects the transfer changed: drawn otherwise at rest after it than before it
          const changed = new Set<string>();
          for (let i = 0; i < last.length; i += 4) if (differs(before, last, i)) for (const o of objects) if (inBox(o.box, at(i))) changed.add(o.id);
          const boxes = objects.filter((o) => changed.has(o.id)).map((o) => o.box);
          let outside = 0;
          let where: number[] | null = null;
          for (const f of shown)
            for (let i = 0; i < f.length; i += 4) {
              if (!differs(f, last, i) || rest.some((r) => differs(r, last, i))) continue;
              const p = at(i);
              if (boxes.some((b) => inBox(b, p))) continue;
              outside++;
              where ??= [...p];
            }
          done({ frames: shown.length, changed: [...changed].sort(), outside, where });
        };
        requestAnimationFrame(tick);
      }),
    objects,
  );
  await page.locator(`[data-key="act:${e.target}:${e.verb}${e.with ? `:${e.with}` : ''}"]`).first().click();
  const got = await watch;
  expect(got.frames, 'frames drawn over the still picture while the levels moved').toBeGreaterThan(3);
  expect(got.changed, 'the pump ran, the flask emptied, the bioreactor filled').toEqual(expect.arrayContaining(['bioreactor', 'inoculum-bottle', 'pump']));
  expect(got.outside, `pixels that differ from the room at rest, away from what the transfer changed (${got.changed.join(', ')}; first at ${JSON.stringify(got.where)} CSS px)`).toBe(0);
});

test('turning the tablet or enlarging the window keeps the close-up the trainee was in', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?scenario=gowning&mode=training&seed=1&fault=none');
  const host = await roomReady(page);
  await settled(page);
  await openStation(page, 'clean-side');
  const before = await roomData(page);
  const backing = (await backingAndShown(page)).backing;
  // a larger window: the room starts again on a larger canvas, in the same close-up, at once
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(async () => (await roomData(page)).w).toBeGreaterThan(1400);
  await settled(page, 'clean-side');
  expect((await backingAndShown(page)).backing).toBeGreaterThan(backing);
  const after = await roomData(page);
  expect(after.objects.map((o) => o.id).sort()).toEqual(before.objects.map((o) => o.id).sort());
  expectTidy(after, 'after the resize');
  await keepShot(host, testInfo, 'gowning-clean-side-after-resize.png');
  // and it still plays: a tap on a drawing selects it, the back control returns
  const o = after.objects[0]!;
  await tapAt(page, o.x, o.y);
  await expect(host).toHaveAttribute('data-highlight', o.id);
  await backToOverview(page);
});
