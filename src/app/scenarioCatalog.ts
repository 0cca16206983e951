/**
 * The built-in scenarios, bundled with the app (so they work offline) and
 * checked at start with the same validation as `npm run scenarios:check`.
 */
import type { Scenario } from '../engine/types';
import { validateScenario, type Problem } from '../engine/validateScenario';

const files = import.meta.glob<unknown>('../../scenarios/*.json', { eager: true, import: 'default' });

export interface Catalog {
  scenarios: Scenario[];
  broken: { file: string; problems: Problem[] }[];
}

const ORDER = ['discovery', 'gowning', 'media-preparation', 'inoculation', 'single-use-assembly', 'purification', 'deviation-handling'];

export function builtinCatalog(): Catalog {
  const scenarios: Scenario[] = [];
  const broken: Catalog['broken'] = [];
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('.schema.json')) continue;
    const v = validateScenario(data);
    if (v.ok) scenarios.push(v.scenario);
    else broken.push({ file: path.split('/').pop()!, problems: v.problems });
  }
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  scenarios.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return { scenarios, broken };
}
