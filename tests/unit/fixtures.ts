/** Scenario fixtures for the engine tests: the real gowning file, and copies to break. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../../src/engine/types';

export const gowningText = readFileSync(resolve(import.meta.dirname, '../../scenarios/gowning.json'), 'utf8');
export const gowning = (): Scenario => JSON.parse(gowningText) as Scenario;
export const act = (verb: string, target: string, value?: number, reason?: string) => ({ type: 'ACT' as const, verb, target, ...(value !== undefined ? { value } : {}), ...(reason !== undefined ? { reason } : {}) });
