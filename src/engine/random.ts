/**
 * Seeded randomness (mulberry32). The state is one 32-bit integer kept in the
 * attempt's context, so the same seed always gives the same faults, values
 * and lot numbers, in Node and in the browser.
 */
import { addDays } from './calendar.ts';

export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

export function randomBetween(state: number, min: number, max: number, decimals: number): [number, number] {
  const [r, next] = nextRandom(state);
  const f = 10 ** decimals;
  return [Math.round((min + r * (max - min)) * f) / f, next];
}

/** A lot number such as "L24-0831": two letters of prefix come from the scenario. */
export function lotNumber(state: number, prefix: string): [string, number] {
  const [r, next] = nextRandom(state);
  const n = Math.floor(r * 9000) + 1000;
  return [`${prefix}-${n}`, next];
}

/** An expiry date `minDays`–`maxDays` (whole days) after `day` (YYYY-MM-DD); negative days give a date already past. */
export function expiryDate(state: number, day: string, minDays: number, maxDays: number): [string, number] {
  const [r, next] = nextRandom(state);
  return [addDays(day, minDays + Math.floor(r * (maxDays - minDays + 1))), next];
}

export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * A generator of its own for one named thing of an attempt (an instrument's
 * reading), from the seed and the thing's name: the same seed gives the same
 * value, and adding such a thing to a scenario does not move any draw of the
 * attempt's main sequence (faults, values, lots of the attempts made before).
 */
export function streamFor(seed: number, name: string): number {
  let h = (seed >>> 0) ^ 0x85ebca6b;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x9e3779b1);
  return h | 0;
}
