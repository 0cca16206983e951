import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioBuildCheck, scenarioFileProblems } from '../../src/cli/scenarioBuildCheck';

const dir = resolve(import.meta.dirname, '../../scenarios');
const gowningPath = resolve(dir, 'gowning.json');
const gowningText = readFileSync(gowningPath, 'utf8');

/** Runs the plugin's transform as Vite would, collecting the error it raises. */
function transform(id: string, code: string): string | null {
  const plugin = scenarioBuildCheck();
  const hook = plugin.transform as (this: { error(m: string): never }, code: string, id: string) => unknown;
  try {
    hook.call({ error: (m: string) => { throw new Error(m); } }, code, id);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('the build-time check of built-in scenarios', () => {
  it('lets a sound scenario through', () => {
    expect(transform(gowningPath, gowningText)).toBeNull();
  });

  it('stops the build on a broken one, naming the file and every problem with its path', () => {
    const broken = JSON.parse(gowningText) as Record<string, unknown> & { steps: { points: number }[] };
    delete broken.summary;
    broken.steps[1]!.points = -5;
    const message = transform(resolve(dir, 'casse.json'), JSON.stringify(broken));
    expect(message).toContain('scenarios/casse.json is not a valid scenario');
    expect(message).toMatch(/"summary" is missing/);
    expect(message).toMatch(/steps\[1\]\.points: should be >= 0/);
    // a rule a schema cannot say: a prerequisite that does not exist
    const unknownStep = JSON.parse(gowningText) as { steps: { requires?: string[] }[] };
    unknownStep.steps[1]!.requires = ['no-such-step'];
    expect(transform(resolve(dir, 'casse.json'), JSON.stringify(unknownStep))).toMatch(/steps\[1\]\.requires\[0\]: .*no-such-step/);
  });

  it('says so when a file is not even JSON', () => {
    expect(transform(resolve(dir, 'half.json'), '{ "id": "half", ')).toMatch(/half\.json is not a valid scenario/);
  });

  it('leaves the schema and files outside scenarios/ alone', () => {
    expect(scenarioFileProblems(resolve(dir, 'scenario.schema.json'), '{}')).toEqual([]);
    expect(scenarioFileProblems(resolve(dir, '../locales/fr/common.json'), '{}')).toEqual([]);
    expect(transform(`${gowningPath}?import`, gowningText)).toBeNull();
  });
});
