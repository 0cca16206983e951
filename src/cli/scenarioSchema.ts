/**
 * `npm run scenarios:schema`: writes scenarios/scenario.schema.json (the
 * schema authors' editors use) and src/engine/scenarioTypes.generated.ts (the
 * TypeScript types of a scenario file) from their one source,
 * src/engine/scenarioSchema.ts and the vocabulary's words
 * (src/engine/vocabulary/). Run it after changing either; a unit test
 * (tests/unit/scenarioSchema.test.ts) fails while the files are out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaFiles } from './schemaTypes.ts';

const root = resolve(import.meta.dirname, '../..');
for (const [file, text] of Object.entries(schemaFiles())) {
  const path = resolve(root, file);
  let before: string | undefined;
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    before = undefined;
  }
  if (before === text) console.log(`${file}: up to date`);
  else {
    writeFileSync(path, text);
    console.log(`${file}: written`);
  }
}
