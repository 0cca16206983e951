/**
 * The actions a perfect technician would take next: record what is done,
 * answer a raised fault, then do the next open step with the right value,
 * and submit the record at closure. Used by exploreScenario (its perfect
 * runs, and to finish the states its search leaves unexpanded), so by the
 * scenario check and the bench, and by the tests to play a scenario through.
 * Trainees never see it: the hints they can open are the steps' own `hint`
 * texts, beside the steps in discovery and training (view.ts, playScreen.ts).
 */
import type { CompiledScenario, Snapshot } from './attempt';
import { endOf, phaseIndexIn } from './compileScenario';
import { evalExpr } from './conditions';
import { actsOnAbsent, expectedEntries, judgeRecord, ruleBroken, stepOpen } from './judge';
import { expectedText } from './recordText';
import type { ActEvent, AttemptContext, Expectation } from './types';

function goodValue(e: Expectation | undefined, ctx: AttemptContext): number | undefined {
  if (!e) return undefined;
  if (e.value !== undefined) return evalExpr(e.value, ctx);
  const min = e.min !== undefined ? evalExpr(e.min, ctx) : undefined;
  const max = e.max !== undefined ? evalExpr(e.max, ctx) : undefined;
  if (min !== undefined && max !== undefined) return (min + max) / 2;
  return min ?? max;
}

export function recordActions(c: CompiledScenario, ctx: AttemptContext): ActEvent[] {
  const out: ActEvent[] = [];
  const ordered = [...expectedEntries(c.index, ctx)].sort((a, b) => Number(a.kind === 'signature') - Number(b.kind === 'signature'));
  for (const e of ordered) {
    const event: ActEvent = { type: 'ACT', verb: e.kind === 'signature' ? 'sign' : 'record', target: e.id };
    if (e.kind === 'value' && e.value !== undefined) event.value = evalExpr(e.value, ctx);
    const text = expectedText(c.scenario, ctx, e);
    if (text !== undefined) event.text = text;
    if (judgeRecord(c.index, ctx, event) === 'accept') out.push(event);
  }
  return out;
}

export function perfectActions(c: CompiledScenario, snapshot: Snapshot): ActEvent[] {
  const ctx = snapshot.context;
  const end = endOf(snapshot);
  if (end === 'passed' || end === 'failed') return [];
  const records = recordActions(c, ctx);
  if (records.length) return records;
  if (end === 'closure') return [{ type: 'ACT', verb: 'submit', target: 'batch-record' }];
  const phase = phaseIndexIn(c.scenario, snapshot);
  const steps = [...c.index.steps.values()].sort((a, b) => Number(b.fault !== undefined) - Number(a.fault !== undefined));
  const out: ActEvent[] = [];
  for (const { step } of steps) {
    if (!stepOpen(c.index, ctx, step.id, phase)) continue;
    const event: ActEvent = { type: 'ACT', verb: step.action.verb, target: step.action.target, ...(step.action.with ? { with: step.action.with } : {}) };
    // its object is not in the room now: the engine would answer "no effect"
    if (actsOnAbsent(c.index, ctx, event)) continue;
    const v = goodValue(step.expect, ctx);
    if (v !== undefined) event.value = v;
    if ([...c.index.rules.keys()].some((r) => ruleBroken(c.index, ctx, event, r))) continue;
    out.push(event);
  }
  return out;
}
