/**
 * Golden runs (tests/golden/<scenario>/<run>.json, format in tests/golden/README.md):
 * events written by hand from the procedure, with a ledger of what each event
 * earns or costs and the expected score worked out by hand from the scenario
 * file. The truth here does not come from the judge under test:
 *  1. the ledger is checked against the scenario file and added up with this
 *     file's own arithmetic (the scoring rule of scenarios/README.md §9), which
 *     must give `expected`;
 *  2. the engine replays the events and must give `expected`, event by event;
 *  3. the solver's perfect run must score what the golden perfect run scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, isMistake, perfectRun, prepare, replay, startAttempt, type AttemptOptions, type Category, type EngineEvent, type Outcome, type Scenario, type Step } from '../../src/engine';

type LedgerKind = 'step' | 'record' | 'rule' | 'gdp' | 'early' | 'wrong-value';
interface LedgerLine { event: number; kind: LedgerKind; ref: string; points: number; penalty: number; category: Category; count?: number; reason: string }
interface Expected {
  raisedFaults: string[];
  earned: number;
  possible: number;
  penalties: number;
  score: number;
  byCategory: Partial<Record<Category, number>>;
  mistakes: string[];
  /** `hold` / `reject`: a pass that ended on a fault's decision (its `ending`). */
  outcome: 'passed' | 'failed' | 'critical' | 'hold' | 'reject';
}
interface Golden {
  description: string;
  options: AttemptOptions;
  events: EngineEvent[];
  ledger: LedgerLine[];
  expected: Expected;
}

const root = resolve(import.meta.dirname, '../..');
const SCENARIOS = ['gowning', 'media-preparation', 'inoculation', 'single-use-assembly', 'purification', 'deviation-handling', 'discovery', 'aseptic-process-simulation', 'environmental-monitoring', 'cleaning-disinfection', 'material-transfer'];
const scenarioOf = (id: string) => JSON.parse(readFileSync(resolve(root, 'scenarios', `${id}.json`), 'utf8')) as Scenario;
const goldens = (id: string) =>
  readdirSync(resolve(root, 'tests/golden', id)).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ run: f.replace(/\.json$/, ''), golden: JSON.parse(readFileSync(resolve(root, 'tests/golden', id, f), 'utf8')) as Golden }));

/** The built-in documentation rules and their penalties, as scenarios/README.md §9 lists them. */
const BUILTIN_PENALTY: Record<string, number> = {
  'gdp-prefill': 5, 'gdp-inaccurate': 3, 'gdp-late': 2, 'gdp-no-reason': 3, 'gdp-sign-incomplete': 3, 'gdp-blank': 3, 'gdp-uncorrected': 3,
};
const DEFAULT_EARLY = 2;

/* ---------- 1. the hand computation: the ledger, the scenario file and the documented formula, no engine ---------- */

function handScore(s: Scenario, g: Golden): Expected {
  const steps = new Map<string, Step>(s.steps.map((x) => [x.id, x]));
  const faultOf = new Map<string, string>();
  for (const f of s.faults) for (const x of f.steps) { steps.set(x.id, x); faultOf.set(x.id, f.id); }
  const rules = new Map([...s.rules, ...s.faults.flatMap((f) => f.rules ?? [])].map((r) => [r.id, r]));
  const entries = new Map(s.record.map((e) => [e.id, e]));

  // every ledger line says what the scenario file says
  for (const l of g.ledger) {
    const where = `ledger line of event ${l.event} (${l.ref})`;
    expect(l.event, where).toBeLessThan(g.events.length);
    if (l.kind !== 'gdp') expect(l.count, where).toBeUndefined();
    if (l.kind === 'step') expect([l.points, l.penalty, l.category], where).toEqual([steps.get(l.ref)!.points, 0, steps.get(l.ref)!.category]);
    else if (l.kind === 'record') expect([l.points, l.penalty, l.category], where).toEqual([entries.get(l.ref)!.points, 0, 'documentation']);
    else if (l.kind === 'rule') expect([l.points, l.penalty, l.category], where).toEqual([0, rules.get(l.ref)!.penalty, rules.get(l.ref)!.category]);
    else if (l.kind === 'gdp') expect([l.points, l.penalty, l.category], where).toEqual([0, BUILTIN_PENALTY[l.ref]! * (l.count ?? 1), 'documentation']);
    else if (l.kind === 'early') {
      const penalty = steps.get(l.ref)!.early?.penalty ?? s.defaults?.early?.penalty ?? DEFAULT_EARLY;
      expect([l.points, l.penalty, l.category], where).toEqual([0, penalty, s.defaults?.early?.category ?? 'sequence']);
    } else {
      const w = steps.get(l.ref)!.expect!.wrong;
      expect([l.points, l.penalty, l.category], where).toEqual([0, w.penalty, w.category ?? 'process']);
    }
  }

  // possible: every step of the procedure, the steps of the faults raised, the record entries expected;
  // once a raised fault with an `ending` is answered in full, the procedure ends on its decision (scenarios/README.md):
  // its steps not done by then, and their entries, no longer count
  const raised = new Set(g.expected.raisedFaults);
  const doneSteps = new Set(g.ledger.filter((l) => l.kind === 'step').map((l) => l.ref));
  const deciding = s.faults.find((f) => raised.has(f.id) && f.ending && f.steps.every((x) => doneSteps.has(x.id)));
  const counts = (stepId: string) => !deciding || doneSteps.has(stepId);
  const possibleBy: Partial<Record<Category, number>> = {};
  const add = (by: Partial<Record<Category, number>>, c: Category, n: number) => { by[c] = (by[c] ?? 0) + n; };
  for (const x of s.steps) if (counts(x.id)) add(possibleBy, x.category, x.points);
  for (const f of s.faults) if (raised.has(f.id)) for (const x of f.steps) add(possibleBy, x.category, x.points);
  for (const e of s.record) {
    const fault = faultOf.get(e.after);
    if (fault === undefined ? counts(e.after) : raised.has(fault)) add(possibleBy, 'documentation', e.points);
  }
  const earnedBy: Partial<Record<Category, number>> = {};
  const penaltyBy: Partial<Record<Category, number>> = {};
  for (const l of g.ledger) { add(earnedBy, l.category, l.points); add(penaltyBy, l.category, l.penalty); }
  const sum = (by: Partial<Record<Category, number>>) => Object.values(by).reduce((a, b) => a + b, 0);
  const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
  const percent = (e: number, p: number) => (p > 0 ? (100 * e) / p : 100);
  const earned = sum(earnedBy);
  const possible = sum(possibleBy);
  const penalties = sum(penaltyBy);
  const byCategory: Partial<Record<Category, number>> = {};
  for (const c of new Set([...Object.keys(possibleBy), ...Object.keys(penaltyBy)]) as Set<Category>) {
    if ((possibleBy[c] ?? 0) > 0 || (penaltyBy[c] ?? 0) > 0) byCategory[c] = clamp(percent(earnedBy[c] ?? 0, possibleBy[c] ?? 0) - (penaltyBy[c] ?? 0));
  }
  const score = clamp(percent(earned, possible) - penalties);
  const mistakes = g.ledger.filter((l) => l.kind !== 'step' && l.kind !== 'record');
  const critical = g.options.mode !== 'discovery' && mistakes.some((l) => l.kind === 'rule' && rules.get(l.ref)!.severity === 'critical');
  const last = g.events.at(-1);
  const submitted = last?.type === 'ACT' && last.verb === 'submit';
  expect(critical || submitted, 'a golden run ends: by a critical mistake or by submitting the record').toBe(true);
  const passMark = Math.max(s.passMark, g.options.passMark ?? 0);
  return {
    raisedFaults: [...raised],
    earned, possible, penalties, score, byCategory,
    mistakes: mistakes.map((l) => l.ref),
    outcome: critical ? 'critical' : score >= passMark ? (deciding?.ending?.decision ?? 'passed') : 'failed',
  };
}

/* ---------- 2. the engine's replay ---------- */

const outcomeKind: Record<LedgerKind, Outcome['kind']> = { step: 'step', record: 'record', rule: 'violation', gdp: 'violation', early: 'early', 'wrong-value': 'wrong-value' };
/** What counts in an outcome: points, a penalty, or a mistake. */
const scoring = (o: Outcome) => o.points > 0 || o.penalty > 0 || isMistake(o.kind);
const line = (kind: Outcome['kind'], ref: string, points: number, penalty: number, category?: Category) => `${kind} ${ref} +${points} -${penalty} ${category ?? ''}`;

function engineByEvent(s: Scenario, g: Golden): string[][] {
  const c = prepare(s);
  let snap = startAttempt(c, g.options);
  return g.events.map((e) => {
    const before = snap.context.outcomes.length;
    snap = advance(c, snap, e);
    return snap.context.outcomes.slice(before).filter(scoring).map((o) => line(o.kind, o.ref, o.points, o.penalty, o.category));
  });
}

for (const id of SCENARIOS) {
  const scenario = scenarioOf(id);
  const runs = goldens(id);

  describe(`golden runs of ${id}`, () => {
    it('has a perfect run, a run with two ordinary mistakes, a critical run, and a forced fault handled where faults can be forced', () => {
      const byName = new Map(runs.map((r) => [r.run, r.golden]));
      expect(byName.get('perfect')?.expected).toMatchObject({ score: 100, mistakes: [], outcome: 'passed' });
      const two = byName.get('two-mistakes')!;
      expect(two.expected.mistakes).toHaveLength(2);
      expect(two.expected.outcome).not.toBe('critical');
      expect(byName.get('critical')?.expected.outcome).toBe('critical');
      const forcible = scenario.faults.filter((f) => !('byRule' in f.trigger));
      if (forcible.length) {
        const handled = runs.some(({ golden: g }) => {
          const f = forcible.find((x) => x.id === g.options.forcedFault);
          return !!f && f.steps.every((x) => g.ledger.some((l) => l.kind === 'step' && l.ref === x.id));
        });
        expect(handled, 'a run where a forced fault is answered in full').toBe(true);
      }
    });

    for (const { run, golden: g } of runs) {
      describe(run, () => {
        it('its ledger, checked against the scenario file and added up by hand, gives the expected result', () => {
          expect(handScore(scenario, g)).toEqual(g.expected);
        });

        it('replayed by the engine, each event earns and costs what the ledger says', () => {
          const ledger = g.events.map((_, i) => g.ledger.filter((l) => l.event === i).map((l) => line(outcomeKind[l.kind], l.ref, l.points, l.penalty, l.category)));
          expect(engineByEvent(scenario, g)).toEqual(ledger);
        });

        it('replayed by the engine, scores and ends as expected', () => {
          const r = replay(scenario, g.options, g.events);
          const { total, earned, possible, penalties, byCategory } = r.score;
          expect({ score: total, earned, possible, penalties, byCategory }).toEqual({
            score: g.expected.score, earned: g.expected.earned, possible: g.expected.possible, penalties: g.expected.penalties, byCategory: g.expected.byCategory,
          });
          expect(r.context.outcomes.filter((o) => isMistake(o.kind)).map((o) => o.ref)).toEqual(g.expected.mistakes);
          expect(Object.keys(r.context.raised).sort()).toEqual([...g.expected.raisedFaults].sort());
          expect(r.ending).toBe(g.expected.outcome);
        });
      });
    }

    it("the solver's perfect run scores what the golden perfect run scores", () => {
      const golden = runs.find((r) => r.run === 'perfect')!.golden;
      const { score } = perfectRun(prepare(scenario), golden.options);
      const { total, earned, possible, penalties, byCategory, passed } = score;
      expect({ score: total, earned, possible, penalties, byCategory, passed }).toEqual({
        score: golden.expected.score, earned: golden.expected.earned, possible: golden.expected.possible, penalties: golden.expected.penalties,
        byCategory: golden.expected.byCategory, passed: true,
      });
    });
  });
}
