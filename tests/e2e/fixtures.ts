/**
 * Playwright's test with one option of this suite: `guideSeen` (true unless a
 * test says otherwise) starts every page as a trainee who has already seen
 * the first-play guide (the guide has its own tests, in playscreen.spec.ts).
 *
 * The flag is written by an init script before the app's first line runs,
 * and only where it is not set yet. A stored state in the config did the
 * same, but Playwright opens a page on the origin for each new context to
 * write it: about half a second and one more renderer process per test.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { GUIDE_SEEN_KEY } from '../../src/store/preferences';

export * from '@playwright/test';

/** Every page of the context starts as a trainee who has seen the guide (for a context a test opens itself, too). */
export async function guideSeenIn(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    try {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, '1');
    } catch {
      // a page with no storage of its own (about:blank, an opaque frame) has no guide either
    }
  }, GUIDE_SEEN_KEY);
}

export const test = base.extend<{ guideSeen: boolean }>({
  guideSeen: [true, { option: true }],
  context: async ({ context, guideSeen }, use) => {
    if (guideSeen) await guideSeenIn(context);
    await use(context);
  },
});
