/**
 * What the home screen shows of a procedure before it is played: its card.
 * The app bundles only the cards of the built-in scenarios; a whole scenario
 * (its steps, rules, faults, objects) is loaded when it is played, so the
 * first screen does not carry every procedure (src/app/scenarioCatalog.ts,
 * src/cli/scenarioCards.ts).
 */
import type { Scenario } from './types';

export const CARD_FIELDS = ['id', 'version', 'title', 'summary', 'objectives', 'minutes', 'blocks', 'grades', 'room'] as const;

export type ScenarioCard = Pick<Scenario, (typeof CARD_FIELDS)[number]>;

/** The card of a scenario: only its card's fields. */
export function cardOf(s: Scenario): ScenarioCard {
  return Object.fromEntries(CARD_FIELDS.filter((k) => k in s).map((k) => [k, s[k]])) as ScenarioCard;
}

/** The scenario (or card) of that id, and version; without a version, its newest. */
export function newest<T extends { id: string; version: number }>(list: readonly T[], id: string, version?: number): T | undefined {
  return list.filter((s) => s.id === id && (version === undefined || s.version === version)).sort((a, b) => b.version - a.version)[0];
}
