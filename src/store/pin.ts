/**
 * The instructor PIN: kept only as a salted PBKDF2-SHA-256 hash in the
 * settings, checked in constant time, with a wait after each wrong try that
 * doubles (persisted, so a reload does not reset it), and a reset that erases
 * the instructor settings only, never trainee data. Pure functions over a
 * settings getter/setter and WebCrypto, so Node 20 can test them.
 */
import { isValidTraineeCode, TRAINEE_CODE_DIGITS } from '../engine/identity';
import { fromBase64, toBase64 } from '../engine/base64';
import type { JsonValue } from './records';

/** Where the hash lives in the settings. */
export const PIN_KEY = 'instructor.pin';
/** Where the count of wrong tries and the end of the wait live. */
export const LOCKOUT_KEY = 'instructor.lockout';
/** When the PIN was last reset with "PIN forgotten" (kept so the instructor can see it happened). */
export const PIN_RESET_KEY = 'instructor.pinResetAt';
/** Every setting the "PIN forgotten" reset erases. */
export const INSTRUCTOR_SETTING_KEYS = [PIN_KEY, LOCKOUT_KEY] as const;

export const PIN_ITERATIONS = 210_000;
export const PIN_SALT_BYTES = 16;
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
/** The longest wait after wrong tries, in seconds. */
export const MAX_WAIT_SECONDS = 300;
/** Words that confirm the reset (either language). */
export const RESET_WORDS = ['EFFACER', 'ERASE'] as const;

export interface SettingsAccess {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The settings of a Store (or anything with the same three methods). */
export function settingsOf(store: {
  getSetting(key: string): Promise<JsonValue | undefined>;
  setSetting(key: string, value: JsonValue): Promise<void>;
  deleteSetting(key: string): Promise<void>;
}): SettingsAccess {
  return { get: (k) => store.getSetting(k), set: (k, v) => store.setSetting(k, v), delete: (k) => store.deleteSetting(k) };
}

export interface PinHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64, 256 bits */
  hash: string;
}

export interface Lockout {
  /** Wrong tries since the last right one. */
  failures: number;
  /** No try is judged before this time (ms since 1970). */
  until: number;
}

export interface PinDeps {
  subtle?: SubtleCrypto;
  random?: (bytes: Uint8Array) => Uint8Array;
  now?: () => number;
  iterations?: number;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'no-pin' }
  | { ok: false; reason: 'wrong' | 'locked'; waitSeconds: number; failures: number };

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin);
}

/** The wait, in seconds, after the n-th wrong try in a row: 0, 1, 2, 4, 8 … up to MAX_WAIT_SECONDS. */
export function lockoutDelay(failures: number): number {
  if (failures <= 1) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** Math.min(failures - 2, 30));
}

const subtleOf = (d: PinDeps) => d.subtle ?? globalThis.crypto.subtle;
const randomOf = (d: PinDeps) => d.random ?? ((b: Uint8Array) => globalThis.crypto.getRandomValues(b));

async function derive(pin: string, salt: Uint8Array, iterations: number, subtle: SubtleCrypto): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** A fresh salted hash of the PIN (a new random salt each time); the trainee codes (hashTraineeCode) are hashed by it too. */
export async function hashPin(pin: string, deps: PinDeps = {}): Promise<PinHash> {
  const salt = randomOf(deps)(new Uint8Array(PIN_SALT_BYTES));
  const iterations = Math.max(PIN_ITERATIONS, deps.iterations ?? PIN_ITERATIONS);
  const hash = await derive(pin, salt, iterations, subtleOf(deps));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Compares without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function pinMatches(pin: string, stored: PinHash, deps: PinDeps = {}): Promise<boolean> {
  const hash = await derive(pin, fromBase64(stored.salt), stored.iterations, subtleOf(deps));
  return sameBytes(hash, fromBase64(stored.hash));
}

/** A trainee code (4 digits, identity.ts), hashed as the PIN is: never stored as digits. */
export async function hashTraineeCode(code: string, deps: PinDeps = {}): Promise<PinHash> {
  if (!isValidTraineeCode(code)) throw new RangeError(`A trainee code has ${TRAINEE_CODE_DIGITS} digits.`);
  return hashPin(code, deps);
}

function asPinHash(v: JsonValue | undefined): PinHash | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const { algorithm, iterations, salt, hash } = v as Record<string, JsonValue>;
  if (algorithm !== 'PBKDF2-SHA-256' || typeof iterations !== 'number' || iterations < 1 || typeof salt !== 'string' || typeof hash !== 'string') return null;
  return { algorithm, iterations, salt, hash };
}

function asLockout(v: JsonValue | undefined): Lockout {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { failures: 0, until: 0 };
  const { failures, until } = v as Record<string, JsonValue>;
  return { failures: typeof failures === 'number' && failures > 0 ? Math.floor(failures) : 0, until: typeof until === 'number' ? until : 0 };
}

export async function hasPin(settings: SettingsAccess): Promise<boolean> {
  return asPinHash(await settings.get(PIN_KEY)) !== null;
}

/** Seconds still to wait before a try is judged (0 when none); a clock set back cannot stretch it beyond the allowed wait. */
export async function waitSeconds(settings: SettingsAccess, deps: PinDeps = {}): Promise<number> {
  const l = asLockout(await settings.get(LOCKOUT_KEY));
  const now = (deps.now ?? Date.now)();
  const ms = Math.min(l.until - now, lockoutDelay(l.failures) * 1000);
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Sets (or replaces) the PIN; refuses anything but 4 to 8 digits. */
export async function setPin(settings: SettingsAccess, pin: string, deps: PinDeps = {}): Promise<void> {
  if (!isValidPin(pin)) throw new RangeError(`A PIN has ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits.`);
  const stored = await hashPin(pin, deps);
  await settings.set(PIN_KEY, { ...stored });
  await settings.delete(LOCKOUT_KEY);
}

/**
 * Checks a try. While a wait runs, the try is not judged (reason 'locked').
 * A wrong try counts and starts the next, longer wait; a right one clears them.
 */
export async function verifyPin(settings: SettingsAccess, pin: string, deps: PinDeps = {}): Promise<VerifyResult> {
  const stored = asPinHash(await settings.get(PIN_KEY));
  if (!stored) return { ok: false, reason: 'no-pin' };
  const lock = asLockout(await settings.get(LOCKOUT_KEY));
  const wait = await waitSeconds(settings, deps);
  if (wait > 0) return { ok: false, reason: 'locked', waitSeconds: wait, failures: lock.failures };
  if (await pinMatches(pin, stored, deps)) {
    if (lock.failures) await settings.delete(LOCKOUT_KEY);
    return { ok: true };
  }
  const failures = lock.failures + 1;
  const delay = lockoutDelay(failures);
  await settings.set(LOCKOUT_KEY, { failures, until: (deps.now ?? Date.now)() + delay * 1000 });
  return { ok: false, reason: 'wrong', waitSeconds: delay, failures };
}

export function isResetConfirmed(typed: string): boolean {
  const w = typed.trim().toUpperCase();
  return (RESET_WORDS as readonly string[]).includes(w);
}

/** "PIN forgotten": erases the PIN hash and the lockout (never trainee data) and notes when it happened. */
export async function resetPin(settings: SettingsAccess, deps: PinDeps = {}): Promise<void> {
  for (const key of INSTRUCTOR_SETTING_KEYS) await settings.delete(key);
  await settings.set(PIN_RESET_KEY, (deps.now ?? Date.now)());
}

/** When the PIN was last reset, if ever (ms since 1970). */
export async function lastReset(settings: SettingsAccess): Promise<number | undefined> {
  const v = await settings.get(PIN_RESET_KEY);
  return typeof v === 'number' ? v : undefined;
}
