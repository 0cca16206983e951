/**
 * The built-in scenarios, bundled with the app (so they work offline). Each
 * was checked when the app was built, with the same validation as
 * `npm run scenarios:check` (src/cli/scenarioBuildCheck.ts): a broken one
 * stops the build, so the app trusts them and starts without compiling the
 * JSON Schema.
 */
import type { Scenario } from '../engine/types';

const files = import.meta.glob<Scenario>(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { eager: true, import: 'default' });

export interface Catalog {
  scenarios: Scenario[];
}

const ORDER = ['discovery', 'gowning', 'media-preparation', 'inoculation', 'single-use-assembly', 'purification', 'deviation-handling'];

export function builtinCatalog(): Catalog {
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  const scenarios = Object.values(files).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return { scenarios };
}
