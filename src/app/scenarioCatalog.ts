/**
 * The built-in scenarios, bundled with the app (so they work offline). Each
 * was checked when the app was built, with the same validation as
 * `npm run scenarios:check` (src/cli/scenarioBuildCheck.ts): a broken one
 * stops the build, so the app trusts them and starts without compiling the
 * JSON Schema.
 *
 * The first chunk carries only their cards (src/cli/scenarioCards.ts); each
 * whole scenario is a chunk of its own, loaded when it is played (the service
 * worker precaches them all, so this works offline too).
 */
import type { ScenarioCard } from '../engine/scenarioCard';
import type { Scenario } from '../engine/types';

const cardFiles = import.meta.glob<ScenarioCard>(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { eager: true, query: '?card', import: 'default' });
const wholeFiles = import.meta.glob<Scenario>(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { import: 'default' });

export interface Catalog {
  /** The built-in scenarios' cards, in the order the home screen lists them. */
  cards: ScenarioCard[];
  /** A built-in scenario, whole (undefined: no built-in scenario has that id). */
  load(id: string): Promise<Scenario | undefined>;
}

const ORDER = ['discovery', 'gowning', 'media-preparation', 'inoculation', 'single-use-assembly', 'purification', 'deviation-handling', 'material-transfer', 'cleaning-disinfection', 'environmental-monitoring', 'aseptic-process-simulation'];

const fileOf = (id: string) => `../../scenarios/${id}.json`;

export function builtinCatalog(): Catalog {
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  const cards = Object.values(cardFiles).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const loaded = new Map<string, Promise<Scenario | undefined>>();
  return {
    cards,
    load(id) {
      const file = fileOf(id);
      if (!(file in wholeFiles)) return Promise.resolve(undefined);
      if (!loaded.has(id)) loaded.set(id, wholeFiles[file]!().catch((err: unknown) => (loaded.delete(id), Promise.reject(err))));
      return loaded.get(id)!;
    },
  };
}
