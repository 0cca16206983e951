/**
 * What an instrument shows in the room: a one-value instrument its value on
 * its screen; one with several named readings a readout plate, a labelled
 * line per reading read; units as the trainee's language writes them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, Scenario } from '../../src/engine/types';
import { unitIn } from '../../src/engine/unit';
import { viewOf } from '../../src/engine/view';
import { displayLines, formatValue, readoutLines } from '../../src/game/equipment/EquipmentSprite';

const training: AttemptOptions = { seed: 1, mode: 'training', forcedFault: 'none' };
const load = (id: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario;
const PLATES = ['needles', 'bowl', 'air', 'surfaces', 'gloves', 'gown'];

/** Environmental monitoring once the plates are counted (before any count is written in the record). */
function counted(): Attempt {
  const c = prepare(load('environmental-monitoring'));
  const a = new Attempt(c, training);
  const events = perfectRun(c, training).events;
  for (const e of events.slice(0, events.findIndex((x) => x.verb === 'count' && x.target === 'colony-counter') + 1)) a.send(e);
  return a;
}
const counter = (a: Attempt) => viewOf(a.compiled, a.snapshot).objects.find((o) => o.id === 'colony-counter')!;

describe('units in the trainee language', () => {
  it('colony-forming units are UFC in French and CFU in English; a unit both write alike is kept', () => {
    expect(unitIn('UFC', 'fr')).toBe('UFC');
    expect(unitIn('UFC', 'en')).toBe('CFU');
    expect(unitIn('UFC/m³', 'en')).toBe('CFU/m³');
    expect(unitIn('°C', 'en')).toBe('°C');
    expect(unitIn('mOsm/kg', 'fr')).toBe('mOsm/kg');
    expect(unitIn(undefined, 'fr')).toBe('');
  });

  it('a value is written with its unit in the language', () => {
    expect(formatValue({ value: 2, unit: 'UFC', decimals: 0 }, 'en')).toBe('2 CFU');
    expect(formatValue({ value: 12.5, unit: 'g', decimals: 2 }, 'fr')).toBe('12,50 g');
  });

  it('the same value written in turn in each language, with and without its places, each time as that language writes it', () => {
    // (the formatters are kept between calls: one kept for French must not serve English)
    for (let round = 0; round < 2; round++) {
      expect(formatValue({ value: 200.45, unit: 'g', decimals: 2 }, 'fr')).toBe('200,45 g');
      expect(formatValue({ value: 200.45, unit: 'g', decimals: 2 }, 'en')).toBe('200.45 g');
      expect(formatValue({ value: 7.2, unit: 'pH' }, 'fr')).toBe('7,2 pH');
      expect(formatValue({ value: 7.2, unit: 'pH' }, 'en')).toBe('7.2 pH');
      expect(formatValue({ value: 7, unit: 'pH', decimals: 1 }, 'fr')).toBe('7,0 pH');
    }
  });
});

describe('the readout plate of an instrument with several readings', () => {
  it('shows nothing before a reading is read, then only what was read', () => {
    const a = counted();
    expect(readoutLines(counter(a), 'fr')).toEqual([]);
    a.send({ type: 'ACT', verb: 'read', target: 'colony-counter', reading: 'gown' });
    expect(readoutLines(counter(a), 'fr')).toEqual(['Contact tenue (B), par boîte\u00a0: 2 UFC']);
  });

  it('six readings read: six labelled lines, UFC in French, CFU in English', () => {
    const a = counted();
    for (const reading of PLATES) a.send({ type: 'ACT', verb: 'read', target: 'colony-counter', reading });
    // the counts of the seeded run: none on the grade A plates and gloves, 2 on the gown's contact plate
    expect(readoutLines(counter(a), 'fr')).toEqual([
      'Sédimentation aiguilles (A), par boîte\u00a0: 0 UFC',
      'Sédimentation bol (A), par boîte\u00a0: 0 UFC',
      'Air classe A\u00a0: 0 UFC/m³',
      'Contact surfaces (A), par boîte\u00a0: 0 UFC',
      'Gants opérateur (B), par gant\u00a0: 0 UFC',
      'Contact tenue (B), par boîte\u00a0: 2 UFC',
    ]);
    expect(readoutLines(counter(a), 'en')).toEqual([
      'Settle needles (A), per plate: 0 CFU',
      'Settle bowl (A), per plate: 0 CFU',
      'Grade A air: 0 CFU/m³',
      'Contact surfaces (A), per plate: 0 CFU',
      'Operator gloves (B), per glove: 0 CFU',
      'Contact gown (B), per plate: 2 CFU',
    ]);
    // the small screen no longer squeezes six unlabelled numbers
    expect(displayLines(counter(a), 'fr')).toEqual([]);
  });

  it('a label that already ends with its unit does not repeat it: pH : 7,02, not 7,02 pH', () => {
    const ph = { key: 'console.ph', reading: 'ph', label: { fr: 'pH', en: 'pH' }, unit: 'pH', decimals: 2, value: 7.02, read: { value: 7.02, at: 3, current: true } };
    const temp = { key: 'console.t', reading: 't', label: { fr: 'Température', en: 'Temperature' }, unit: '°C', decimals: 1, value: 37, read: { value: 37, at: 3, current: true } };
    const air = { key: 'counter.air', reading: 'air', label: { fr: 'Air, UFC/m³', en: 'Air, CFU/m³' }, unit: 'UFC/m³', decimals: 0, value: 1, read: { value: 1, at: 3, current: true } };
    const console = { readings: [ph, temp, air] };
    expect(readoutLines(console, 'fr')).toEqual(['pH\u00a0: 7,02', 'Température\u00a0: 37,0 °C', 'Air, UFC/m³\u00a0: 1']);
    expect(readoutLines(console, 'en')).toEqual(['pH: 7.02', 'Temperature: 37.0 °C', 'Air, CFU/m³: 1']);
  });

  it('a one-value instrument keeps its value on its screen and has no plate', () => {
    const balance = { value: 12.5, unit: 'g', decimals: 2, readings: [{ key: 'balance', unit: 'g', decimals: 2, value: 12.5, read: { value: 12.5, at: 3, current: true } }] };
    expect(displayLines(balance, 'en')).toEqual(['12.50 g']);
    expect(readoutLines(balance, 'en')).toEqual([]);
  });
});
