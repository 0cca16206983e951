/** Finds the system Chromium Playwright must use (end-to-end tests, bench, icons); stops with one sentence when there is none. */
import { existsSync } from 'node:fs';

/** Debian's chromium-headless-shell: the old headless Chromium, no browser window behind the page. */
const HEADLESS_SHELLS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'];
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * `$CHROMIUM_PATH` (or `$PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH`) when set, else
 * the system's Chromium. `headlessShell` prefers Debian's headless shell when
 * it is installed: the same engine without the browser around the page,
 * which on a 2-core machine runs the end-to-end suite in about three
 * quarters of the time (it cannot open a window: a headed run needs
 * CHROMIUM_PATH=/usr/bin/chromium). `exists` tells which files are there
 * (the file system unless a test says otherwise).
 */
export function chromiumPath({ headlessShell = false, exists = existsSync }: { headlessShell?: boolean; exists?: (path: string) => boolean } = {}): string {
  const candidates = [process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, ...(headlessShell ? HEADLESS_SHELLS : []), ...BROWSERS].filter(Boolean) as string[];
  const found = candidates.find((p) => exists(p));
  if (!found) {
    throw new Error(
      'No Chromium found: install it (Debian: sudo apt-get install chromium-headless-shell, or chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable; Playwright is not allowed to download one.',
    );
  }
  return found;
}
