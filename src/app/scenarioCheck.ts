/**
 * The check of a scenario file an instructor imports: exactly the checks of
 * `npm run scenarios:check` (parseScenarioText, exploreScenario on the
 * prepared scenario, and the citations of the EU GMP guide). Exploring can take seconds, so it runs in a worker; if
 * workers are unavailable it runs here after yielding to the page.
 */
import { prepare } from '../engine/attempt';
import { exploreScenario } from '../engine/exploreScenario';
import { citationProblems } from '../engine/refs/citations';
import { parseScenarioText } from '../engine/validateScenario';
import type { CheckMessage, CheckOutcome, CheckStep } from './scenarioCheck.worker';

export type { CheckStep, CheckOutcome };

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 30));

async function inPage(text: string, onStep: (s: CheckStep) => void): Promise<CheckOutcome> {
  onStep('validating');
  await nextFrame();
  const v = parseScenarioText(text);
  if (!v.ok) return { ok: false, problems: v.problems };
  onStep('exploring');
  await nextFrame(); // let the page show the progress text before the long part
  const problems = [...exploreScenario(prepare(v.scenario)).problems, ...citationProblems(v.scenario)];
  return problems.length ? { ok: false, problems } : { ok: true, scenario: v.scenario };
}

export function checkScenarioText(text: string, onStep: (s: CheckStep) => void): Promise<CheckOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./scenarioCheck.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage(text, onStep);
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: CheckOutcome | null) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      if (r) resolve(r);
      else void inPage(text, onStep).then(resolve);
    };
    worker.onmessage = (e: MessageEvent<CheckMessage>) => {
      const m = e.data;
      if (m.type === 'step') onStep(m.step);
      else finish(m.ok ? { ok: true, scenario: m.scenario } : { ok: false, problems: m.problems });
    };
    worker.onerror = () => finish(null);
    worker.onmessageerror = () => finish(null);
    worker.postMessage(text);
  });
}
