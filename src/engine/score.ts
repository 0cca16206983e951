/**
 * The score of an attempt, computed from its context alone: points earned
 * against points possible in this run (its fault included), minus penalties,
 * overall and per category. When a decision ended the procedure (a fault's
 * `ending`: the batch put on hold…), the steps not done by then could no
 * longer be done: they are not counted as possible (./ending.ts).
 */
import { stillCounts } from './ending';
import { expectedEntries } from './judge';
import type { ScenarioIndex } from './scenarioIndex';
import { CATEGORIES, type AttemptContext, type Category, type Outcome, type ScoreReport } from './types';

export function possiblePoints(ix: ScenarioIndex, ctx: AttemptContext): Record<Category, number> {
  const by = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const s of ix.scenario.steps) if (stillCounts(ctx, s.id)) by[s.category] += s.points;
  for (const id of Object.keys(ctx.raised)) for (const s of ix.faults.get(id)?.steps ?? []) by[s.category] += s.points;
  for (const e of expectedEntries(ix, ctx)) by.documentation += e.points;
  return by;
}

/** A pass mark an instructor may set (an assignment, a SCORM package): a whole number of points from 0 to 100. */
export const isPassMark = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 100;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
/** Points earned as a score out of 100 (a category with nothing possible counts as 100). */
const ratio = (earned: number, possible: number) => (possible > 0 ? (100 * earned) / possible : 100);

export function scoreOf(ix: ScenarioIndex, ctx: AttemptContext): ScoreReport {
  const possibleBy = possiblePoints(ix, ctx);
  const earnedBy = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const penaltyBy = { ...earnedBy };
  for (const o of ctx.outcomes) {
    if (!o.category) continue;
    earnedBy[o.category] += o.points;
    penaltyBy[o.category] += o.penalty;
  }
  const earned = CATEGORIES.reduce((s, c) => s + earnedBy[c], 0);
  const possible = CATEGORIES.reduce((s, c) => s + possibleBy[c], 0);
  const penalties = CATEGORIES.reduce((s, c) => s + penaltyBy[c], 0);
  const byCategory: ScoreReport['byCategory'] = {};
  for (const c of CATEGORIES) {
    if (possibleBy[c] > 0 || penaltyBy[c] > 0) byCategory[c] = clamp(ratio(earnedBy[c], possibleBy[c]) - penaltyBy[c]);
  }
  const total = clamp(ratio(earned, possible) - penalties);
  const critical = ctx.critical !== null;
  return { total, byCategory, earned, possible, penalties, critical, passMark: ctx.passMark, passed: !critical && total >= ctx.passMark };
}

/**
 * How the score is made, for the debrief: the points earned against the
 * points possible, as a score out of 100 before penalties, then each outcome
 * that cost points, then the score (never below 0 nor above 100), and the
 * critical rule that failed the attempt whatever the score, if one did.
 * `T` is the outcome as the caller shows it (view.ts gives its explanations).
 */
export interface ScoreBreakdown<T = Outcome> {
  earned: number;
  possible: number;
  /** 100 × earned / possible, rounded: the score before penalties. */
  base: number;
  /** Every outcome that cost points, in the order they happened. */
  penalties: T[];
  penaltyTotal: number;
  /** base − penalties, kept within 0–100: the score. */
  total: number;
  /** The score was held at 0 (or 100): base − penalties lies outside. */
  clamped: boolean;
  /** The critical rule broken: the attempt fails whatever the score. */
  critical: T | null;
  passMark: number;
  passed: boolean;
}

export function scoreBreakdown(ix: ScenarioIndex, ctx: AttemptContext, r: ScoreReport = scoreOf(ix, ctx)): ScoreBreakdown {
  const before = ratio(r.earned, r.possible);
  const penalties = ctx.outcomes.filter((o) => o.penalty > 0);
  const critical = ctx.critical === null ? null : (ctx.outcomes.find((o) => o.critical && o.ref === ctx.critical) ?? null);
  return {
    earned: r.earned,
    possible: r.possible,
    base: Math.round(before),
    penalties,
    penaltyTotal: r.penalties,
    total: r.total,
    clamped: before - r.penalties < 0 || before - r.penalties > 100,
    critical,
    passMark: r.passMark,
    passed: r.passed,
  };
}
