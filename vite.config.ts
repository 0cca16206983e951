import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { buildFiles } from './src/cli/buildFiles.ts';
import { scenarioBuildCheck } from './src/cli/scenarioBuildCheck.ts';
import { scenarioCards } from './src/cli/scenarioCards.ts';

export default defineConfig({
  base: './',
  // assets/ holds the art made in this repository; it is copied as is into the build.
  publicDir: 'assets',
  build: {
    target: 'es2022',
    // Phaser alone is about 1.4 MB minified: it has its own chunk, loaded when a room is first drawn.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }] } },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
    // `npm run serve:class`: on the class network, over HTTPS with a local certificate (see README, "Deploy to a class").
    ...(process.env.SB_CERT && process.env.SB_KEY
      ? { host: true, https: { cert: readFileSync(process.env.SB_CERT), key: readFileSync(process.env.SB_KEY) } }
      : {}),
  },
  plugins: [
    scenarioBuildCheck(),
    scenarioCards(),
    // build-files.json: what a SCORM package copies of the build (src/lms/package.ts)
    buildFiles(),
    VitePWA({
      // A new version waits until the trainee accepts it or the app restarts: never in the middle of an attempt.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Salle blanche — simulateur BPF',
        short_name: 'Salle blanche',
        description: 'Simulateur de salle blanche pour s\u2019entraîner aux procédures BPF de bioproduction.',
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'landscape',
        background_color: '#eef4f7',
        theme_color: '#0b4f6c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app, its art and its scenarios (each a JavaScript chunk of its own) are precached.
        // Phaser's chunk included (it is under the size limit below), so the room draws offline too;
        // and the SCORM schemas, so the instructor area exports a package offline.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,xsd,dtd}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // a limit for a hung test, not a speed target: exploring a scenario takes seconds on a loaded 2-core machine
    testTimeout: 60_000,
    // the files share their workers' module cache: each file re-importing the engine, ajv and the scenarios in a fresh
    // context cost 35 s of a 52 s run (17 s without). What one file changes must not reach the next: stubbed globals
    // and spied methods (IndexedDB's prototypes, a missing indexedDB) are put back after every test, and fake-indexeddb's
    // global indexedDB is only opened under names of one test's own
    isolate: false,
    unstubGlobals: true,
    restoreMocks: true,
  },
});
