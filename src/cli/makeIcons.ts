/**
 * `npx tsx src/cli/makeIcons.ts`: renders the app icons (assets/icons/*.svg,
 * drawn in this repository) to the PNG sizes the web app manifest needs,
 * with the system Chromium. The PNGs are committed; run this after changing
 * an SVG.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from './chromiumPath';

const dir = resolve(import.meta.dirname, '../../assets/icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
] as const;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
for (const [svg, png, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = readFileSync(join(dir, svg), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${data.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(dir, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  console.log(`${png} (${size}×${size})`);
}
await browser.close();
