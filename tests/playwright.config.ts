/**
 * Playwright runs the end-to-end tests in the system's Chromium (never a
 * downloaded browser) against the production build served by `vite preview`.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from '../src/cli/chromiumPath';

// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: resolve(import.meta.dirname, '../test-results'),
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: chromiumPath({ headlessShell: true }),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
    // the room's animations have their own tests (room.spec, monkey.spec ask for motion): elsewhere they would only cost time
    reducedMotion: 'reduce',
    // the service worker's install precaches the whole app, and Chromium compiles every script it stores (4 s of CPU
    // per test here, a quarter of what a procedure's run costs): only the tests of offline use let it run (offline.spec, monkey.spec)
    serviceWorkers: 'block',
    // (every test starts as a trainee who has seen the first-play guide: the guideSeen option of fixtures.ts)
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    cwd: resolve(import.meta.dirname, '..'),
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
