import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/store/records';
import {
  hashPin,
  hasPin,
  isResetConfirmed,
  isValidPin,
  lastReset,
  LOCKOUT_KEY,
  lockoutDelay,
  MAX_WAIT_SECONDS,
  PIN_ITERATIONS,
  PIN_KEY,
  resetPin,
  setPin,
  verifyPin,
  waitSeconds,
  type SettingsAccess,
} from '../../src/store/pin';

/** Settings in a Map, as the store keeps them (values copied as JSON). */
function memorySettings(initial: Record<string, JsonValue> = {}) {
  const map = new Map<string, JsonValue>(Object.entries(initial));
  const settings: SettingsAccess = {
    get: async (k) => (map.has(k) ? (JSON.parse(JSON.stringify(map.get(k))) as JsonValue) : undefined),
    set: async (k, v) => void map.set(k, JSON.parse(JSON.stringify(v)) as JsonValue),
    delete: async (k) => void map.delete(k),
  };
  return { map, settings };
}

describe('instructor PIN', () => {
  it('accepts 4 to 8 digits only', () => {
    for (const ok of ['1234', '00000000', '135790']) expect(isValidPin(ok), ok).toBe(true);
    for (const bad of ['123', '123456789', '12a4', ' 1234', '', '١٢٣٤']) expect(isValidPin(bad), bad).toBe(false);
  });

  it('keeps a salted PBKDF2 hash (≥100,000 iterations, 16-byte salt), never the PIN', async () => {
    const { map, settings } = memorySettings();
    await setPin(settings, '4821');
    const stored = map.get(PIN_KEY) as Record<string, JsonValue>;
    expect(stored.algorithm).toBe('PBKDF2-SHA-256');
    expect(stored.iterations).toBeGreaterThanOrEqual(100_000);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(atob(stored.salt as string)).toHaveLength(16);
    expect(atob(stored.hash as string)).toHaveLength(32);
    const all = JSON.stringify([...map]);
    expect(all).not.toContain('4821');
    expect(await hasPin(settings)).toBe(true);
  });

  it('a new salt each time: the same PIN gives two different hashes', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    const s1 = memorySettings();
    const s2 = memorySettings();
    await setPin(s1.settings, '4821');
    await setPin(s2.settings, '4821');
    expect((s1.map.get(PIN_KEY) as { salt: string }).salt).not.toBe((s2.map.get(PIN_KEY) as { salt: string }).salt);
  });

  it('the right PIN is accepted, a wrong one refused', async () => {
    const { settings } = memorySettings();
    expect(await verifyPin(settings, '4821')).toEqual({ ok: false, reason: 'no-pin' });
    await setPin(settings, '4821');
    expect(await verifyPin(settings, '4821')).toEqual({ ok: true });
    const wrong = await verifyPin(settings, '4822');
    expect(wrong.ok).toBe(false);
    expect(wrong).toMatchObject({ reason: 'wrong', failures: 1 });
    await expect(setPin(settings, '12')).rejects.toThrow();
  });

  it('wrong tries wait longer each time (0, 1, 2, 4, 8 … s, capped), persisted, cleared by the right PIN', async () => {
    expect([1, 2, 3, 4, 5, 6].map(lockoutDelay)).toEqual([0, 1, 2, 4, 8, 16]);
    expect(lockoutDelay(40)).toBe(MAX_WAIT_SECONDS);
    let now = 1_000_000;
    const deps = { now: () => now };
    const { map, settings } = memorySettings();
    await setPin(settings, '4821', deps);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await verifyPin(settings, '0000', deps);
      expect(r).toMatchObject({ ok: false, reason: 'wrong' });
      waits.push(r.ok || r.reason === 'no-pin' ? -1 : r.waitSeconds);
      // while the wait runs, even the right PIN is not judged
      if (waits.at(-1)! > 0) {
        expect(await verifyPin(settings, '4821', deps)).toMatchObject({ ok: false, reason: 'locked' });
        expect(await waitSeconds(settings, deps)).toBe(waits.at(-1));
      }
      now += waits.at(-1)! * 1000;
    }
    expect(waits).toEqual([0, 1, 2, 4, 8]);
    // the wait is in the settings: a "reload" (fresh access to the same data) keeps it
    await verifyPin(settings, '0000', deps);
    const reloaded: SettingsAccess = { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), delete: async (k) => void map.delete(k) };
    expect(await waitSeconds(reloaded, deps)).toBe(16);
    now += 16_000;
    expect(await verifyPin(reloaded, '4821', deps)).toEqual({ ok: true });
    expect(map.has(LOCKOUT_KEY)).toBe(false);
    expect((await verifyPin(settings, '0000', deps)) as { waitSeconds: number }).toMatchObject({ waitSeconds: 0, failures: 1 });
  });

  it('a clock set back cannot stretch the wait beyond its due length', async () => {
    const { settings } = memorySettings({ [LOCKOUT_KEY]: { failures: 3, until: 9e15 } });
    expect(await waitSeconds(settings, { now: () => 0 })).toBe(lockoutDelay(3));
  });

  it('"PIN forgotten" erases the PIN and lockout only, after the confirmation word', async () => {
    const { map, settings } = memorySettings({ 'profile:abc:theme': 'dark', 'kiosk.active': false, 'class.groups': ['TSBI-A'] });
    await setPin(settings, '4821');
    await verifyPin(settings, '1111');
    expect(isResetConfirmed('effacer')).toBe(true);
    expect(isResetConfirmed(' ERASE ')).toBe(true);
    expect(isResetConfirmed('oui')).toBe(false);
    await resetPin(settings, { now: () => 42 });
    expect(map.has(PIN_KEY)).toBe(false);
    expect(map.has(LOCKOUT_KEY)).toBe(false);
    expect(map.get('profile:abc:theme')).toBe('dark');
    expect(map.get('class.groups')).toEqual(['TSBI-A']);
    expect(await hasPin(settings)).toBe(false);
    expect(await lastReset(settings)).toBe(42);
  });
});
