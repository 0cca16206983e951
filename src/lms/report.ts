/**
 * What the LMS is told of an attempt, from the engine's result and the
 * package's mode (pure: tested without a browser or an LMS). Assessment
 * reports the score (out of 100, min 0, max 100) and passed or failed
 * against the pass mark, a critical rule failing the attempt whatever the
 * points; training reports completion only, never a pass. Each mistake the
 * engine judged becomes one interaction, numbered in the order it happened.
 * The table of endings → statuses is in README ("Dans un LMS (SCORM)").
 */
import type { CompiledScenario, ReplayResult } from '../engine/attempt';
import type { EndingKind } from '../engine/ending';
import { isMistake, type Mode, type Outcome } from '../engine/types';
import type { CmiValue, Dialect, Interaction, LmsReport } from './runtime';

/** How an attempt reads for the LMS: `ending` null while it runs. */
export function reportOf(mode: Mode, ending: EndingKind | null, score: number): LmsReport {
  if (mode !== 'assessment') {
    // training (and discovery): done or not; what was learned is in the debrief, never a grade
    return { completion: ending && ending !== 'abandoned' ? 'completed' : 'incomplete', success: 'unknown' };
  }
  if (ending === null) return { completion: 'incomplete', success: 'unknown' };
  const passed = ending === 'passed' || ending === 'hold' || ending === 'reject';
  return { completion: 'completed', success: passed ? 'passed' : 'failed', score: { raw: score, min: 0, max: 100 } };
}

/** An id legal as a CMI identifier in both standards: letters, digits, '-' and '_' (anything else becomes '_'). */
export const cmiId = (s: string, max = 255): string => (s.replace(/[^A-Za-z0-9_-]/g, '_') || '_').slice(0, max);

/** The judged mistakes of an attempt, in the order they happened. */
export const mistakesOf = (outcomes: readonly Outcome[]): Outcome[] => outcomes.filter((o) => isMistake(o.kind));

const show = (v: number | string | undefined) => (typeof v === 'number' ? String(v).replace('.', ',') : (v ?? ''));

/** One mistake as an interaction: its id from the rule (or step, or entry) it is about, what was done, and in French what was wrong. */
export function interactionOf(c: CompiledScenario, o: Outcome): Interaction {
  const ix = c.index;
  const gesture = [o.verb, o.target, o.with].filter(Boolean).join(' ');
  const label = ix.steps.get(o.ref)?.step.title.fr ?? ix.record.get(o.ref)?.label.fr ?? o.ref;
  let description: string;
  let response = gesture;
  if (o.kind === 'violation') description = ix.rules.get(o.ref)?.rule.explanation.fr ?? `Règle enfreinte : ${o.ref}`;
  else if (o.kind === 'early') description = `Fait trop tôt : ${label}${o.missing?.length ? ` (avant : ${o.missing.map((m) => ix.steps.get(m)?.step.title.fr ?? m).join(', ')})` : ''}`;
  else {
    description = `Valeur inexacte : ${label}${o.expected !== undefined ? ` (attendu : ${show(o.expected)})` : ''}`;
    response = `${gesture} = ${show(o.written)}`.trim();
  }
  return { id: cmiId(`${o.kind}-${o.ref}`), response: response || o.ref, description };
}

/** The CMI values of an attempt's result (and of its interactions from number `from` on) in one standard's words. */
export function resultValues(d: Dialect, c: CompiledScenario, mode: Mode, r: Pick<ReplayResult, 'ending' | 'score' | 'context'>, from = 0): CmiValue[] {
  const mistakes = mistakesOf(r.context.outcomes);
  const out: CmiValue[] = [];
  for (let n = from; n < mistakes.length; n++) out.push(...d.interaction(n, interactionOf(c, mistakes[n]!)));
  out.push(...d.report(reportOf(mode, r.ending, r.score.total)));
  return out;
}
