/**
 * A Vite plugin: `scenarios/<id>.json?card` is the scenario's card only
 * (src/engine/scenarioCard.ts), so the app's first chunk carries the cards of
 * the built-in procedures, and each whole scenario is a chunk of its own,
 * loaded when it is played (src/app/scenarioCatalog.ts).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { cardOf } from '../engine/scenarioCard.ts';
import type { Scenario } from '../engine/types.ts';

const CARD = '?card';

export function scenarioCards(): Plugin {
  return {
    name: 'scenario-cards',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(CARD)) return null;
      const file = id.slice(0, -CARD.length);
      this.addWatchFile(file);
      // a module of its own (the query hides the file's .json from the bundler's JSON handling)
      return { code: `export default ${JSON.stringify(cardOf(JSON.parse(readFileSync(file, 'utf8')) as Scenario))};\n`, moduleType: 'js' };
    },
  };
}
