/**
 * The app inside an LMS (issue 15): a test LMS page hosts scorm-again (the
 * MIT SCORM runtime) as the API in the parent frame and loads the package
 * (the app's build with its lms.json) in an iframe of Moodle's embedded size,
 * as an LMS does. For each standard, in one run: a mistake judged and sent
 * as an interaction, a commit the LMS refuses once (sent again, nothing lost
 * nor doubled), the frame closed mid-procedure and the activity launched
 * again (same step, same score), the end (a pass in 1.2, a failure against
 * a pass mark of 95 in 2004), then a new attempt ended by a critical
 * mistake. After each, the CMI data scorm-again holds is read. The events
 * come from the engine's solver, played through the twin (keyboard).
 */
import { expect, test, type FrameLocator, type Page } from './fixtures';
import { loadScenario, perfectEvents, playAll } from '../../src/cli/playInPage';
import type { LmsConfig } from '../../src/lms/config';
import { openTestLms } from '../../src/cli/testLms';
import { playReadingValues } from './roomPlay';

type Cmi = Record<string, unknown> & { interactions: Record<string, Record<string, string>> };

async function openLms(page: Page, config: Partial<LmsConfig>) {
  const lms: LmsConfig = { standard: '1.2', scenarioIds: ['discovery'], mode: 'assessment', title: 'Découverte', madeAt: '2026-12-02', appVersion: 'test', ...config };
  await openTestLms(page, lms);
  await page.goto('/test-lms.html');
}

/** The frame as the helpers of playInPage/roomPlay expect a page: its locators, and the page's keyboard (which types into the focused frame). */
function inFrame(page: Page, frame: FrameLocator): Page {
  return new Proxy(frame, {
    get: (target, key) => {
      if (key === 'keyboard') return page.keyboard;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as unknown as Page;
}

async function launch(page: Page, standard: '1.2' | '2004', cmi: object, size = { width: 900, height: 600 }) {
  await page.evaluate(([s, c, w, h]) => (window as never as { launch: (...a: unknown[]) => void }).launch(s, c, w, h), [standard, cmi, size.width, size.height] as const);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('lms-learner')).toHaveText(/Marie Dupont/, { timeout: 30_000 });
  return { frame, app: inFrame(page, frame) };
}

const cmiOf = (page: Page) => page.evaluate(() => (window as never as { cmi: () => unknown }).cmi()) as Promise<Cmi>;
const get = (o: unknown, path: string): string => path.split('.').reduce((x: unknown, k) => (x as Record<string, unknown>)?.[k], o) as string;

/** Nothing of the attempt in the browser's storage, for the frame's origin (the LMS's): another package would read nothing. */
async function storageIsEmpty(page: Page) {
  const frame = page.frames().find((f) => f.url().includes('lms=1'))!;
  const kept = await frame.evaluate(async () => ({ local: localStorage.length, session: sessionStorage.length, dbs: (await indexedDB.databases()).length }));
  expect(kept).toEqual({ local: 0, session: 0, dbs: 0 });
}

// the suite's guide-seen flag (fixtures.ts) would be the one thing in the frame's storage: none here, so the test sees what the package writes
test.use({ guideSeen: false });

const s = loadScenario('discovery');
const perfect = perfectEvents('discovery', { seed: 5, mode: 'assessment', forcedFault: 'none' });
// changing the bioreactor's setpoint oneself: a major rule of the discovery SOP (penalty 10); 100 points earned of 100 possible, minus 10 → 90
const mistake = { type: 'ACT' as const, verb: 'adjust', target: 'control-panel' };
const half = perfect.findIndex((e) => e.verb === 'disinfect');

const cases = [
  { standard: '1.2' as const, passMark: 80, learner: { core: { student_id: 'u42', student_name: 'Dupont, Marie' } } },
  { standard: '2004' as const, passMark: 95, learner: { learner_id: 'u42', learner_name: 'Marie Dupont' } },
];

for (const c of cases) {
  test(`SCORM ${c.standard}: a mistake, a refused commit, the frame closed and launched again, the end, then a critical failure`, async ({ page }) => {
    test.setTimeout(180_000);
    const v12 = c.standard === '1.2';
    // the package forces no fault (the instructor's choice at packaging), so the solver's run without fault is the procedure to play
    await openLms(page, { standard: c.standard, passMark: c.passMark, forcedFault: 'none' });
    let { frame, app } = await launch(page, c.standard, c.learner);
    await frame.locator('[data-key="guide-skip"]').click();
    // the procedure's controls fit Moodle's embedded frame (900 × 600): the HUD's buttons are within its width
    for (const key of ['pause', 'quit', 'drawer']) {
      const box = (await frame.locator(`[data-key="${key}"]`).boundingBox())!;
      expect(box.x + box.width, key).toBeLessThanOrEqual(900);
    }

    // a mistake, then the LMS refuses the next commit: the status says it waits, then everything arrives once
    await playAll(app, [mistake]);
    await page.evaluate(() => ((window as never as { failCommits: number }).failCommits = 1));
    await playReadingValues(app, s, perfect.slice(0, half), 'keyboard');
    await expect(frame.getByTestId('lms-status')).toHaveAttribute('data-state', 'sent');
    expect(await page.evaluate(() => (window as never as { failCommits: number }).failCommits)).toBe(0);
    const phase = await frame.getByTestId('phase').innerText();
    const score = await frame.getByTestId('score').innerText();
    const mid = await cmiOf(page);
    expect(Object.keys(mid.interactions)).toHaveLength(1);
    expect(mid.interactions['0']!.id).toBe('violation-change-setpoint');
    expect(get(mid, v12 ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');
    const suspend = get(mid, 'suspend_data');
    expect(suspend).toMatch(/^SB1\./);
    expect(suspend.length).toBeLessThanOrEqual(4096);
    await storageIsEmpty(page);

    // the learner closes the frame mid-procedure; the LMS launches the activity again with what it kept
    await page.evaluate(() => (window as never as { closeFrame: () => void }).closeFrame());
    const kept = await cmiOf(page);
    expect(get(kept, v12 ? 'core.exit' : 'exit')).toBe('suspend');
    ({ frame, app } = await launch(page, c.standard, { ...kept, ...(v12 ? { core: { ...(kept.core as object), entry: 'resume' } } : { entry: 'resume' }) }));
    await expect(frame.getByTestId('phase')).toHaveText(phase);
    await expect(frame.getByTestId('score')).toHaveText(score);
    await playReadingValues(app, s, perfect.slice(half), 'keyboard');
    await expect(frame.getByTestId('lms-end')).toBeVisible();
    await expect(frame.getByTestId('lms-status')).toHaveAttribute('data-state', 'closed');
    const end = await cmiOf(page);
    // one interaction, not sent again after the resume
    expect(Object.keys(end.interactions)).toHaveLength(1);
    if (v12) {
      expect(end.interactions['0']).toMatchObject({ id: 'violation-change-setpoint', type: 'performance', result: 'wrong', student_response: 'adjust control-panel' });
      expect({ raw: get(end, 'core.score.raw'), min: get(end, 'core.score.min'), max: get(end, 'core.score.max'), status: get(end, 'core.lesson_status'), exit: get(end, 'core.exit') })
        .toEqual({ raw: '90', min: '0', max: '100', status: 'passed', exit: '' });
      expect(get(end, 'core.session_time')).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    } else {
      expect(end.interactions['0']).toMatchObject({ id: 'violation-change-setpoint', type: 'other', result: 'incorrect', learner_response: 'adjust control-panel' });
      expect(end.interactions['0']!.description).toMatch(/^\{lang=fr\}\S/);
      // 90 against a pass mark of 95: completed, failed
      expect({ raw: get(end, 'score.raw'), scaled: get(end, 'score.scaled'), completion: get(end, 'completion_status'), success: get(end, 'success_status'), exit: get(end, 'exit') })
        .toEqual({ raw: '90', scaled: '0.9', completion: 'completed', success: 'failed', exit: 'normal' });
      expect(get(end, 'session_time')).toMatch(/^PT\d+H\d+M[\d.]+S$/);
    }
    await storageIsEmpty(page);

    // a new attempt (a new LMS attempt: nothing kept) ended by opening the bioreactor: failed whatever the points
    await page.evaluate(() => (window as never as { closeFrame: () => void }).closeFrame());
    ({ frame, app } = await launch(page, c.standard, c.learner, { width: 1280, height: 720 }));
    await frame.locator('[data-key="guide-skip"]').click();
    await playAll(app, [{ type: 'ACT', verb: 'open', target: 'bioreactor' }]);
    await expect(frame.getByTestId('verdict')).toHaveText(/Non réussi/);
    await expect(frame.getByTestId('lms-status')).toHaveAttribute('data-state', 'closed');
    const critical = await cmiOf(page);
    expect(get(critical, v12 ? 'core.lesson_status' : 'success_status')).toBe('failed');
    expect(Object.values(critical.interactions).map((i) => i.id)).toEqual(['violation-open-bioreactor']);
  });
}

test('without an LMS around it, the package says so instead of playing', async ({ page }) => {
  await page.route('**/lms.json', (r) => r.fulfill({ json: { standard: '2004', scenarioIds: ['discovery'], mode: 'training', title: 'Découverte', madeAt: '2026-12-02', appVersion: 'test' } }));
  await page.goto('/index.html?lms=1');
  await expect(page.getByTestId('lms-stop')).toContainText('Aucun LMS trouvé');
  await expect(page.getByTestId('lms-stop')).toContainText('SCORM 2004');
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
});
