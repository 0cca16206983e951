/** Runs the scenario check (the same as `npm run scenarios:check`: parseScenarioText, exploreScenario, the citations of the guide) off the page's thread, so the page stays responsive while a scenario is explored. */
import { prepare } from '../engine/attempt';
import { exploreScenario } from '../engine/exploreScenario';
import type { Scenario } from '../engine/types';
import { citationProblems } from '../engine/refs/citations';
import { parseScenarioText, type Problem } from '../engine/validateScenario';

export type CheckStep = 'validating' | 'exploring';
export type CheckOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };
export type CheckMessage = { type: 'step'; step: CheckStep } | ({ type: 'done' } & CheckOutcome);

const scope = self as unknown as { onmessage: ((e: MessageEvent<string>) => void) | null; postMessage(m: CheckMessage): void };
scope.onmessage = (e) => {
  scope.postMessage({ type: 'step', step: 'validating' });
  const v = parseScenarioText(e.data);
  if (!v.ok) return scope.postMessage({ type: 'done', ok: false, problems: v.problems });
  scope.postMessage({ type: 'step', step: 'exploring' });
  // its state space, then every paragraph of the EU GMP guide it cites (the index of PE 009-17, as scenarios:check)
  const problems = [...exploreScenario(prepare(v.scenario)).problems, ...citationProblems(v.scenario)];
  scope.postMessage(problems.length ? { type: 'done', ok: false, problems } : { type: 'done', ok: true, scenario: v.scenario });
};
