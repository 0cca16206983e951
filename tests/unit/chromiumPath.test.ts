import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../src/cli/chromiumPath';

const saved = { c: process.env.CHROMIUM_PATH, p: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH };
afterEach(() => {
  for (const [k, v] of [['CHROMIUM_PATH', saved.c], ['PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', saved.p]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
function machineWith(...files: string[]) {
  delete process.env.CHROMIUM_PATH;
  delete process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  return (p: string) => files.includes(p);
}

describe('which Chromium the tests launch', () => {
  it('the end-to-end tests take Debian’s headless shell when it is installed, the bench and the icons the browser', () => {
    const exists = machineWith('/usr/bin/chromium', '/usr/bin/chromium-headless-shell');
    expect(chromiumPath({ headlessShell: true, exists })).toBe('/usr/bin/chromium-headless-shell');
    expect(chromiumPath({ exists })).toBe('/usr/bin/chromium');
  });

  it('without the headless shell, the end-to-end tests run in the browser', () => {
    expect(chromiumPath({ headlessShell: true, exists: machineWith('/usr/bin/chromium') })).toBe('/usr/bin/chromium');
  });

  it('CHROMIUM_PATH wins over both', () => {
    const exists = machineWith('/usr/bin/chromium', '/usr/bin/chromium-headless-shell', '/opt/chrome/chrome');
    process.env.CHROMIUM_PATH = '/opt/chrome/chrome';
    expect(chromiumPath({ headlessShell: true, exists })).toBe('/opt/chrome/chrome');
  });

  it('with no Chromium at all, it stops with one sentence that says what to install', () => {
    expect(() => chromiumPath({ headlessShell: true, exists: machineWith() })).toThrow(/^No Chromium found: install it \(Debian: sudo apt-get install chromium-headless-shell, or chromium\)/);
  });
});
