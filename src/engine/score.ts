/**
 * The score of an attempt, computed from its context alone: points earned
 * against points possible in this run (its fault included), minus penalties,
 * overall and per category.
 */
import { expectedEntries } from './judge';
import type { ScenarioIndex } from './scenarioIndex';
import { CATEGORIES, type AttemptContext, type Category, type ScoreReport } from './types';

export function possiblePoints(ix: ScenarioIndex, ctx: AttemptContext): Record<Category, number> {
  const by = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const s of ix.scenario.steps) by[s.category] += s.points;
  for (const id of Object.keys(ctx.raised)) for (const s of ix.faults.get(id)?.steps ?? []) by[s.category] += s.points;
  for (const e of expectedEntries(ix, ctx)) by.documentation += e.points;
  return by;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

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
  const ratio = (e: number, p: number) => (p > 0 ? (100 * e) / p : 100);
  const byCategory: ScoreReport['byCategory'] = {};
  for (const c of CATEGORIES) {
    if (possibleBy[c] > 0 || penaltyBy[c] > 0) byCategory[c] = clamp(ratio(earnedBy[c], possibleBy[c]) - penaltyBy[c]);
  }
  const total = clamp(ratio(earned, possible) - penalties);
  const critical = ctx.critical !== null;
  return { total, byCategory, earned, possible, penalties, critical, passMark: ctx.passMark, passed: !critical && total >= ctx.passMark };
}
