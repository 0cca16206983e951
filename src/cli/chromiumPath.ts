/** Finds the system Chromium Playwright must use (end-to-end tests, bench, icons); stops with one sentence when there is none. */
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable; Playwright is not allowed to download one.',
    );
  }
  return found;
}
