import { describe, expect, it } from 'vitest';
import { prepare, replay, type CompiledScenario } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import { JUDGE_VERSION } from '../../src/engine/judgeVersion';
import { categoryAverages, categoryByTrainee, filterAttempts, frequentMistakes, replayAttempts, resultTable, traineeKeys, type ResultAttempt, type ResultTrainee } from '../../src/engine/results';
import type { AttemptOptions, EngineEvent } from '../../src/engine/types';
import { resultOf } from '../../src/store/records';
import { act, gowning } from './fixtures';

const c = prepare(gowning());
const find = (id: string, version: number): CompiledScenario | undefined => (id === c.scenario.id && version === c.scenario.version ? c : undefined);
const options: AttemptOptions = { seed: 5, mode: 'training', forcedFault: 'none' };
const perfect = perfectRun(c, options).events;

let n = 0;
/** An attempt as the store keeps it, made by replaying real gowning events through the engine. */
function attempt(profileId: string, events: EngineEvent[], endedAt: number, o: AttemptOptions = options): ResultAttempt {
  const r = replay(c, o, events);
  const result = resultOf(r);
  return {
    id: `a${++n}`,
    profileId,
    scenarioId: 'gowning',
    scenarioVersion: c.scenario.version,
    judgeVersion: JUDGE_VERSION,
    seed: o.seed,
    mode: o.mode,
    ...(o.forcedFault ? { forcedFault: o.forcedFault } : {}),
    events: events.map((event) => ({ event, at: 0 })),
    startedAt: endedAt - 1000,
    ...(result ? { endedAt, status: 'finished' as const, result } : { status: 'in-progress' as const }),
  };
}

const trainees: ResultTrainee[] = [
  { id: 'p-lea', name: 'Léa', group: 'TSBI-A' },
  { id: 'p-tom', name: 'Tom', group: 'TSBI-A' },
  { id: 'p-ines', name: 'Inès', group: 'TSBI-B' },
  { id: 'p-lea-tablet2', name: ' léa ', group: 'TSBI-A' }, // the same Léa on another tablet
  { id: 'p-zoe', name: 'Zoé', group: 'TSBI-A' }, // has not played
];
const cross = act('cross', 'step-over-bench'); // jewellery past the bench: a 15-point violation
const early = act('don', 'facility-suit'); // too early: a sequence penalty
const DAY = 86_400_000;
const t0 = Date.UTC(2025, 5, 2, 9);
const attempts = [
  attempt('p-lea', perfect, t0),
  attempt('p-lea', [cross, cross, ...perfect], t0 + DAY / 2),
  attempt('p-lea-tablet2', [cross, ...perfect], t0 + DAY),
  attempt('p-tom', [cross, early, ...perfect], t0 + DAY),
  attempt('p-tom', [act('enter', 'door-grade-b')], t0 + 2 * DAY), // critical: fails at once
  attempt('p-ines', [cross, ...perfect], t0 + 3 * DAY),
  attempt('p-ines', [act('remove', 'personal-items')], t0 + 4 * DAY), // still running: left out
];

describe('results aggregation', () => {
  it('the attempts replay to their recorded results', () => {
    for (const r of replayAttempts(attempts.filter((a) => a.result), find)) {
      expect(r.mismatch).toBe(false);
      expect(r.replayed!.score).toBe(r.attempt.result!.score);
    }
    expect(attempts[0]!.result!.score).toBe(100);
    expect(attempts[1]!.result!.score).toBeLessThan(100);
    expect(attempts[4]!.result!.end).toBe('failed');
  });

  it('filters by group, scenario and date range, finished attempts only', () => {
    expect(filterAttempts(attempts, trainees)).toHaveLength(6);
    expect(filterAttempts(attempts, trainees, { group: 'TSBI-B' }).map((a) => a.profileId)).toEqual(['p-ines']);
    expect(filterAttempts(attempts, trainees, { scenarioId: 'other' })).toHaveLength(0);
    const mid = filterAttempts(attempts, trainees, { from: t0 + DAY, to: t0 + 2 * DAY });
    expect(mid.map((a) => a.id).sort()).toEqual([attempts[2]!.id, attempts[3]!.id, attempts[4]!.id].sort());
  });

  it('the table trainees × scenarios: best, last, passed, number of attempts; same name in the same group is one trainee', () => {
    const keys = traineeKeys(trainees);
    expect(keys.get('p-lea')!.key).toBe(keys.get('p-lea-tablet2')!.key);
    const rows = resultTable(filterAttempts(attempts, trainees), trainees);
    expect(rows.map((r) => r.trainee.name)).toEqual(['Léa', 'Tom', 'Zoé', 'Inès']);
    const lea = rows[0]!.cells.gowning!;
    expect(lea).toMatchObject({ attempts: 3, best: 100, last: attempts[2]!.result!.score, passed: true, lastAttemptId: attempts[2]!.id });
    const tom = rows[1]!.cells.gowning!;
    expect(tom.attempts).toBe(2);
    expect(tom.best).toBe(attempts[3]!.result!.score);
    expect(tom.last).toBe(attempts[4]!.result!.score);
    expect(tom.lastPassed).toBe(false);
    expect(tom.average).toBe(Math.round(((attempts[3]!.result!.score + attempts[4]!.result!.score) / 2) * 10) / 10);
    expect(rows[2]!.cells).toEqual({}); // Zoé has not played, and is listed
    expect(rows[3]!.cells.gowning!.attempts).toBe(1);
  });

  it('category averages over the attempts', () => {
    const list = filterAttempts(attempts, trainees);
    const avg = categoryAverages(list);
    const aseptic = avg.find((x) => x.category === 'aseptic')!;
    const expected = list.map((a) => a.result!.byCategory.aseptic!).reduce((s, x) => s + x, 0) / list.length;
    expect(aseptic.average).toBeCloseTo(expected, 1);
    expect(aseptic.attempts).toBe(6);
    const per = categoryByTrainee(list, trainees);
    expect(per[0]!.byCategory.aseptic).toBeLessThan(100); // Léa's second attempt lost aseptic points
    expect(per.find((r) => r.trainee.name === 'Zoé')!.attempts).toBe(0);
  });

  it('the most frequent mistakes of the group, with their explanations', () => {
    const list = filterAttempts(attempts, trainees);
    const keys = traineeKeys(trainees);
    const mistakes = frequentMistakes(replayAttempts(list, find), (id) => keys.get(id)!.key);
    const first = mistakes[0]!;
    expect(first).toMatchObject({ scenarioId: 'gowning', kind: 'violation', ref: 'jewellery-past-bench', count: 5, attempts: 4, trainees: 3, category: 'aseptic' });
    expect(first.explanation!.fr).toMatch(/\w/);
    expect(first.explanation!.en).toMatch(/\w/);
    expect(mistakes.find((m) => m.kind === 'early')).toMatchObject({ ref: 'don-facility-suit', count: 1, trainees: 1 });
    const critical = mistakes.find((m) => m.critical)!;
    expect(critical.kind).toBe('violation');
    expect(critical.reason?.fr).toBeTruthy();
    // without the trainee mapping, the two tablets' Léa count as two
    expect(frequentMistakes(replayAttempts(list, find))[0]!.trainees).toBe(4);
  });

  it('an attempt whose scenario is missing is not replayed; an edited result is caught', () => {
    const missing = { ...attempts[0]!, scenarioVersion: 9 };
    expect(replayAttempts([missing], find)[0]!.replayed).toBeNull();
    const edited = { ...attempts[2]!, result: { ...attempts[2]!.result!, score: 100, end: 'passed' as const } };
    expect(replayAttempts([edited], find)[0]!.mismatch).toBe(true);
  });

  it('an attempt judged by an older version of the rules is not flagged when its replay differs, and says its version', () => {
    const { judgeVersion: _, ...stored } = attempts[2]!; // stored before the version was kept: version 1
    const older = { ...stored, result: { ...stored.result!, score: 100, end: 'passed' as const } };
    const [r] = replayAttempts([older], find);
    expect(r!.replayed!.score).not.toBe(100);
    expect(r!.mismatch).toBe(false);
    expect(r!.judgedBy).toBe(1);
    expect(replayAttempts([{ ...older, judgeVersion: JUDGE_VERSION - 1 }], find)[0]).toMatchObject({ mismatch: false, judgedBy: JUDGE_VERSION - 1 });
    // the same version and another score: flagged, and no version said
    expect(replayAttempts([{ ...older, judgeVersion: JUDGE_VERSION }], find)[0]).toMatchObject({ mismatch: true, judgedBy: null });
    // the table says which versions judged a cell's attempts
    const rows = resultTable([older, attempts[0]!], trainees);
    expect(rows[0]!.cells.gowning!.judgeVersions).toEqual([1, JUDGE_VERSION]);
  });
});
