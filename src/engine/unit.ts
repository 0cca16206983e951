/**
 * A unit as the trainee's language writes it. Scenarios give a unit as one
 * string (most read the same in French and English: g, mL, °C, pH, bar…);
 * the few that differ are translated by the table in locales/units.json,
 * keyed by the unit as a scenario writes it (UFC → CFU). A unit
 * not in the table is shown as written. Only what is shown changes: values
 * are recorded and judged as they were. Pure: unit-tested.
 */
import table from '../../locales/units.json' with { type: 'json' };
import type { Lang } from './types';

const units: Record<string, Partial<Record<Lang, string>>> = table;

export function unitIn(unit: string | undefined, lang: Lang): string {
  if (!unit) return '';
  return units[unit]?.[lang] ?? unit;
}

/**
 * The unit a named reading's value is shown with, beside its label: none when
 * the label already ends with it ("pH : 7,02", not "pH : 7,02 pH"; an
 * imported "Air, UFC/m³" reads "Air, UFC/m³ : 0").
 */
export function unitAfterLabel(label: string, unit: string | undefined, lang: Lang): string | undefined {
  if (!unit) return undefined;
  const shown = unitIn(unit, lang);
  return label === shown || label.endsWith(` ${shown}`) ? undefined : unit;
}

// Building an Intl.NumberFormat costs far more than using one: a room formats every display at each refresh
// (one made per call was about 30 ms of a room's start, unthrottled).
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as `lang` writes it ("200,45" in French): `decimals` places, else up to 3. */
export function formatNumberIn(n: number, lang: Lang, decimals?: number): string {
  const key = `${lang}|${decimals ?? ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, decimals === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  return f.format(n);
}
