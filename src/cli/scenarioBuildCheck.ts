/**
 * A Vite plugin: every built-in scenario (scenarios/*.json) is checked when
 * the app is built or served, with the same validation as
 * `npm run scenarios:check`. A broken file stops the build, and the dev
 * server shows its problems over the page, each with its JSON path; the app
 * itself then trusts what it bundles and spends no start-up time compiling
 * the JSON Schema (imported files are still checked, in the instructor area).
 */
import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { parseScenarioText } from '../engine/validateScenario.ts';

const SCENARIO_FILE = /[\\/]scenarios[\\/][^\\/]+\.json$/;

/** The problems of one built-in scenario file, as lines for a build error; empty when it is sound. */
export function scenarioFileProblems(file: string, text: string): string[] {
  if (!SCENARIO_FILE.test(file) || file.endsWith('.schema.json')) return [];
  const v = parseScenarioText(text);
  return v.ok ? [] : v.problems.map((p) => `  ${p.path}: ${p.message.en}`);
}

export function scenarioBuildCheck(): Plugin {
  return {
    name: 'scenario-build-check',
    // before vite:json turns the file into a module
    enforce: 'pre',
    transform(code, id) {
      // (a scenario's card, `?card`, is a part of the file: the whole file is checked where it is imported whole)
      if (id.includes('?')) return null;
      const file = id;
      const problems = scenarioFileProblems(file, code);
      if (problems.length) this.error(`scenarios/${basename(file)} is not a valid scenario (npm run scenarios:check says more):\n${problems.join('\n')}`);
      return null;
    },
  };
}
