/**
 * A procedure played as a trainee on a tablet plays it: every action on an
 * object made in the room (a tap on the canvas where the room reports the
 * object is drawn, then the action chosen in the panel over the room; a drag
 * on the canvas for what is dragged), the batch record filled in the drawer,
 * and every recorded value typed as the screen showed it: read from the
 * instrument's display for a measured value, found in the procedure on screen
 * for a value the procedure sets. The events (what to do, in which order)
 * come from the engine's perfect-run solver; the values never do.
 *
 * The same function plays through the twin with the keyboard ('keyboard'),
 * values read from the twin's "Read the display".
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ActEvent, Scenario } from '../../src/engine/types';
import { asTyped, fingerTap, openTab, playEvent, press, recordValue, type Input } from '../../src/cli/playInPage';
import { numberRead } from './readLine';

export { numberRead };

const expect = baseExpect.configure({ timeout: 20_000 });

export type How = 'room' | 'keyboard';

interface Spot {
  id: string;
  x: number;
  y: number;
  drag?: string;
}

interface Look {
  /** Still, every view drawn, and laid out for the canvas as shown: the places are where the room draws. */
  settled: boolean;
  list: Spot[];
  /** The back control's centre, in a close-up. */
  back: [number, number] | null;
  /** The object asked about: what lies at its spot ('room' when nothing does), its name as the panel shows it, the panel's title when open. */
  over: string;
  name: string;
  open: string | null;
}

/**
 * Where the room says everything is, in viewport CSS px, read in one go (the room scrolled whole into view first),
 * with what a tap on `object` needs to know: one round trip per look at the room. `over` is read at `point` when given
 * (the room then not scrolled).
 */
function look(page: Page, object: string, point?: [number, number]): Promise<Look> {
  return page.evaluate(([id, point]) => {
    // (a point is where the caller saw something: the page stays where it is)
    if (!point) document.querySelector('.room')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const h = document.querySelector<HTMLElement>('.room-canvas')!;
    const cw = h.querySelector('canvas')?.getBoundingClientRect().width ?? 0;
    const r = h.getBoundingClientRect();
    const list = (JSON.parse(h.dataset.objects || '[]') as { id: string; x: number; y: number; drag?: string }[]).map((o) => ({ ...o, x: r.x + o.x, y: r.y + o.y }));
    const b = h.dataset.back ? (JSON.parse(h.dataset.back) as number[]) : null;
    const at = list.find((o) => o.id === id);
    const title = document.querySelector<HTMLElement>('.room .actions-panel h2');
    return {
      // (a view the room has not drawn yet will move things: not settled)
      settled: h.dataset.view === 'still' && !h.dataset.roomPending && Math.abs(Number(h.dataset.laidFor ?? -99) - cw) <= 2 && list.length > 0,
      list,
      back: b ? ([r.x + b[0]! + b[2]! / 2, r.y + b[1]! + b[3]! / 2] as [number, number]) : null,
      over: point ? overAt(...point) : at ? overAt(at.x, at.y) : '',
      name: (document.querySelector(`[data-object="${id}"] .twin-name`) as HTMLElement | null)?.innerText.replace(/^⚠\s*/, '') ?? '',
      open: title && title.offsetParent !== null ? title.innerText : null,
    };
    // what lies at a point of the viewport: the room itself, the latest judgement, the open actions, or what else
    function overAt(px: number, py: number): string {
      const el = document.elementFromPoint(px, py);
      if (!el) return 'outside the window';
      if (el.tagName === 'CANVAS') return 'room';
      if (el.closest('.toast')) return 'toast';
      if (el.closest('.actions-panel')) return 'panel';
      return el.outerHTML.slice(0, 100);
    }
  }, [object, point] as const);
}

/** The room as it is once it has settled (its reported places are where it draws). */
async function spotsNow(page: Page, object = ''): Promise<Look> {
  let now: Look | null = null;
  await expect.poll(async () => (now = await look(page, object)).settled, { message: 'the room still and laid out for its canvas', intervals: [16, 32, 64] }).toBe(true);
  return now!;
}

/**
 * What lies over that point of the room (the latest judgement, the open actions) is put away with its ✕, as a trainee would.
 * Says whether anything was (the room or the page may have moved since). `over`: what a look just saw there.
 */
export async function clearOver(page: Page, x: number, y: number, over?: string): Promise<boolean> {
  for (let i = 0; i < 3; i++) {
    const now = i === 0 && over !== undefined ? over : (await look(page, '', [x, y])).over;
    if (now === 'room') return i > 0;
    if (now === 'toast') await fingerTap(page, '[data-key="toast-close"]');
    else if (now === 'panel') await fingerTap(page, '.room [data-key="close-panel"]');
    else throw new Error(`the room is not under ${Math.round(x)},${Math.round(y)}: ${now}`);
  }
  return true;
}

/** The object is shown in the room's current view; from another station's close-up, back to the overview with the room's back control. */
async function shown(page: Page, object: string): Promise<{ at: Spot; now: Look }> {
  let now = await spotsNow(page, object);
  let at = now.list.find((s) => s.id === object);
  if (!at && now.back) {
    await clearOver(page, now.back[0]!, now.back[1]!);
    await page.touchscreen.tap(now.back[0]!, now.back[1]!);
    await expect(page.locator('.room-canvas').first()).toHaveAttribute('data-station', '');
    now = await spotsNow(page, object);
    at = now.list.find((s) => s.id === object);
  }
  expect(at, `${object} drawn in the room`).toBeTruthy();
  return { at: at!, now };
}

const xy = (s: Spot): [number, number] => [s.x, s.y];

/**
 * One tap at the centre of the object's drawing, as the room reports it, opens its actions over the room.
 * `seen`: the object shown, as a look just found it.
 */
export async function tapInRoom(page: Page, object: string, seen?: { at: Spot; now: Look }) {
  let { at, now } = seen ?? (await shown(page, object));
  // the panel open on it already
  if (now.open === now.name) return;
  // where it is now: putting away what lay over it may have moved the page or the room
  if (await clearOver(page, ...xy(at), now.over)) ({ at } = await shown(page, object));
  await page.touchscreen.tap(at.x, at.y);
  await expect(page.locator('.room .actions-panel h2'), `a tap on ${object}'s drawing selects it`).toHaveText(now.name);
}

/** A touch drag on the canvas from one point to another, in small moves as a finger makes it. */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let k = 1; k <= 10; k++) {
    const f = k / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The action is the object's drag gesture in the room (with its other end, for a two-ended one). */
function isDrag(s: Spot, e: ActEvent): boolean {
  if (!s.drag) return false;
  const [verb, ends] = s.drag.split('>');
  return verb === e.verb && (ends ? !!e.with && ends.split(',').includes(e.with) : !e.with);
}

/** Where a drag of the action ends: on its other end's drawing, or onto the bare room beside the object. */
async function dropPoint(page: Page, e: ActEvent, from: Spot): Promise<{ x: number; y: number }> {
  if (!e.with) return { x: from.x - 120, y: from.y + 40 };
  const end = (await spotsNow(page)).list.find((s) => s.id === e.with);
  expect(end, `${e.with}, the other end of ${e.verb}, drawn beside ${e.target}`).toBeTruthy();
  return end!;
}

/** An action on an object, made in the room: dragged where it is a drag, otherwise tap the object and choose. */
export async function actInRoom(page: Page, e: ActEvent) {
  const seen = await shown(page, e.target);
  const { at } = seen;
  if (isDrag(at, e)) {
    const to = await dropPoint(page, e, at);
    const overFrom = await clearOver(page, at.x, at.y);
    const cleared = (await clearOver(page, to.x, to.y)) || overFrom;
    // from where it is now (putting away what lay over it may have moved the page or the room)
    const from = cleared ? (await shown(page, e.target)).at : at;
    await touchDrag(page, from, cleared ? await dropPoint(page, e, from) : to);
    return;
  }
  await tapInRoom(page, e.target, seen);
  if (e.value !== undefined) {
    await fingerTap(page, `.room [data-key="in:${e.target}:${e.verb}"]`);
    await page.locator(`.room [data-key="in:${e.target}:${e.verb}"]`).first().fill(String(e.value));
  }
  await fingerTap(page, `.room [data-key="act:${e.target}:${e.verb}${e.with ? `:${e.with}` : ''}"]`);
}

/** Reads an instrument's display (or one of its named readings) and returns what the screen showed. */
export async function readShown(page: Page, key: string, how: How): Promise<string> {
  const object = key.split('.')[0]!;
  if (how === 'room') await tapInRoom(page, object);
  else {
    const twin = page.locator(`[data-object="${object}"]`);
    if ((await twin.getAttribute('aria-expanded')) !== 'true') await press(page, `[data-object="${object}"]`, 'keyboard');
  }
  await press(page, `[data-key="read:${key}"]`, how === 'room' ? 'touch' : 'keyboard');
  const line = page.locator(`.actions-panel .read-value[data-reading="${key}"]`);
  await expect(line).toBeVisible();
  return numberRead((await line.innerText()).trim());
}

/**
 * The page as HTML, less the room's hooks that give on-screen geometry
 * (numbers such as "[0,35,747,…]" that a display value like "0,35" could match by chance).
 */
function pageWithoutGeometry(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('.room-canvas')) for (const a of ['data-objects', 'data-stations', 'data-back', 'data-laid-for']) el.removeAttribute(a);
    return copy.outerHTML;
  });
}

/** The object with a display (one value, no named readings) that the step after which an entry is recorded acts on. */
function displayAtStep(s: Scenario, step: string | undefined): string | null {
  const at = [...s.steps, ...s.faults.flatMap((f) => f.steps)].find((x) => x.id === step);
  const o = at && s.objects.find((x) => x.id === at.action.target);
  return o && o.value !== undefined && !o.readings?.length ? o.id : null;
}

/** A number as the French procedure writes it ("0,3"). */
const french = (v: number) => String(v).replace('.', ',');

/**
 * Plays the events to the end: object actions in the room (or through the
 * twin with the keyboard), records in the drawer with values from the screen.
 * Returns the values recorded, as typed.
 */
export async function playReadingValues(page: Page, s: Scenario, events: ActEvent[], how: How, opts: { unseen?: boolean } = {}): Promise<string[]> {
  const typed: string[] = [];
  // what the trainee typed at each step that asks for a value, by step
  const set = new Map<string, string>();
  const input: Input = how === 'room' ? 'touch' : 'keyboard';
  const clean = await page.getByTestId('score').innerText();
  for (const [i, e] of events.entries()) {
    await test.step(`${i}: ${e.verb} ${e.target}${e.with ? ` with ${e.with}` : ''}`, async () => {
      if (e.verb === 'record' && e.text !== undefined) {
        // a lot number or an expiry date: copied from the object's label, as the twin shows it ("Lot : PM-9841 · Péremption : 15/06/2026");
        // a time of day from the HUD's clock
        const expected = s.record.find((r) => r.id === e.target)?.expected;
        let text: string;
        if (expected && typeof expected === 'object' && ('lotOf' in expected || 'expiryOf' in expected)) {
          const object = 'lotOf' in expected ? expected.lotOf : expected.expiryOf;
          const label = (await page.locator(`#obj-state-${object}`).textContent()) ?? '';
          const m = 'lotOf' in expected ? /Lot : ([^\s·]+)/.exec(label) : /Péremption : (\d\d\/\d\d\/\d{4})/.exec(label);
          expect(m, `${e.target}: read on ${object}'s label "${label}"`).toBeTruthy();
          text = m![1]!;
        } else if (expected && typeof expected === 'object' && 'timeOf' in expected) {
          // a time of day: the clock on the HUD just after the step ("Heure : 10:29")
          const clock = (await page.locator('.hud .clock').textContent()) ?? '';
          const m = /Heure : (\d\d:\d\d)/.exec(clock);
          expect(m, `${e.target}: the time of day on the HUD "${clock}"`).toBeTruthy();
          text = m![1]!;
        } else text = await asTyped(page, e.target, e.text); // a text the procedure gives (an identifier)
        typed.push(`${e.target}=${text}`);
        await recordValue(page, e.target, text, input);
        await expect(page.locator(`.record-entry[data-entry="${e.target}"]`)).toHaveClass(/filled/);
        return;
      }
      if (e.verb === 'record' && e.value !== undefined) {
        const entry = s.record.find((r) => r.id === e.target);
        const source = entry?.value;
        let text: string;
        if (source && typeof source === 'object' && 'value' in source && typeof source.value === 'string') {
          const before = opts.unseen ? await pageWithoutGeometry(page) : '';
          text = await readShown(page, source.value, how);
          // until it was read, the display's value (as the display writes it) was nowhere in the page
          // (as a number of its own: "27" read on the display is not the "27" of an expiry in 2027)
          if (opts.unseen) expect(before, `${source.value}'s "${text}" in the page before it was read`).not.toMatch(new RegExp(`(?<![\\d,.])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d,.]?\\d)`));
        } else if (set.has(entry?.after ?? '')) {
          // a value the trainee set at a step (a test pressure, an alarm limit): what was typed there
          text = set.get(entry!.after)!;
        } else {
          expect(typeof e.value, `${e.target}: a number`).toBe('number');
          const told = french(e.value as number);
          await openTab(page, 'log', input);
          if (((await page.locator('.drawer').textContent()) ?? '').includes(told)) {
            // a value the screen has told (a first failed result, an alarm's peak): the trainee finds it in the log
            text = told;
          } else {
            // a value read at a step (the temperature at the check): the display of the object that step acts on
            const display = displayAtStep(s, entry?.after);
            expect(display, `${e.target}: ${told} shown in the log, or an instrument read at step ${entry?.after}`).toBeTruthy();
            text = await readShown(page, display!, how);
          }
        }
        typed.push(`${e.target}=${text}`);
        await recordValue(page, e.target, text, input);
        await expect(page.locator(`.record-entry[data-entry="${e.target}"]`)).toHaveClass(/filled/);
        return;
      }
      const step = [...s.steps, ...s.faults.flatMap((f) => f.steps)].find((x) => x.action.verb === e.verb && x.action.target === e.target);
      if (step && e.value !== undefined) set.set(step.id, String(e.value));
      if (how === 'keyboard' || e.target === 'batch-record' || e.verb === 'record' || e.verb === 'sign') return playEvent(page, e, input);
      await actInRoom(page, e);
    });
    // a perfect run: no gesture costs anything (a tap that read a display too early, a drag onto the wrong end would)
    if (e.verb !== 'submit') await expect(page.getByTestId('score'), `after ${e.verb} ${e.target}: no penalty`).toHaveText(clean);
  }
  return typed;
}
