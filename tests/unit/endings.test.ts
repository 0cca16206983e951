/**
 * An ending other than pass or fail: a fault whose answer is a decision (its
 * `ending`) ends the procedure as a correct outcome. Written from the
 * purification procedure (scenarios/purification.json, fault vi-ph-low: the
 * pool acidified to pH 3.22, below 3.50–3.60): the technician adds nothing,
 * starts no hold, puts the pool on hold, informs supervisor and QA, opens a
 * deviation; the rest of the cycle waits for QA. The numbers below are counted
 * from the scenario file, not taken from the engine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { Attempt, prepare, replay, type CompiledScenario } from '../../src/engine/attempt';
import { toCsv } from '../../src/engine/csv';
import { endingOf } from '../../src/engine/ending';
import { JUDGE_VERSION } from '../../src/engine/judgeVersion';
import { replayAttempt, resultTable, type ResultAttempt } from '../../src/engine/results';
import type { AttemptOptions, EngineEvent, Lang, Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validateScenario';
import { conclusionOf, viewOf } from '../../src/engine/view';
import { initI18n } from '../../src/i18n';
import { isRecord, resultOf } from '../../src/store/records';
import { attemptsCsvRows, summaryCsvRows } from '../../src/ui/instructor/resultsCsv';
import { act } from './fixtures';

const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/purification.json'), 'utf8');
const purification = (): Scenario => JSON.parse(text) as Scenario;
const c = prepare(purification());
const options: AttemptOptions = { seed: 12, mode: 'training', forcedFault: 'vi-ph-low' };

/** The cycle up to the pH reading, as the SOP has it (seed 12: the outlet reads 15.7 mS/cm and pH 7.44). */
const upToPh: EngineEvent[] = [
  act('verify', 'status-board'), act('record', 'rec-line-clearance'), act('inspect', 'column'), act('check', 'buffers'),
  act('set-limit', 'pressure-alarm', 0.3), act('record', 'rec-pressure-limit', 0.3),
  // the load volume checked by the second operator: 0.8 × 40 g/L × 4.0 L = 128 g ÷ titre 2.39 g/L (seed 12) = 53.6 L
  act('countersign', 'load-sheet', 53.6), act('record', 'rec-titre', 2.39), act('record', 'rec-load-volume', 53.6), act('connect', 'column'),
  act('equilibrate', 'skid'), act('read', 'conductivity-monitor'), act('record', 'rec-eq-conductivity', 15.7), act('record', 'rec-eq-ph', 7.44), act('sign', 'rec-eq-sign'),
  act('zero', 'uv-monitor'), act('load', 'skid', 60), act('record', 'rec-load-flow', 60), act('wash', 'skid'),
  act('elute', 'skid'), act('collect', 'collection-valve', 100), act('record', 'rec-uv-start', 100), act('stop-collect', 'collection-valve', 200), act('record', 'rec-uv-stop', 200), act('identify', 'vi-vessel'),
  act('acidify', 'vi-vessel', 3.55), act('mix', 'vi-vessel'), act('measure', 'ph-meter'), act('record', 'rec-vi-ph', 3.22),
];
/** The answer: on hold, call, deviation, initials; then the record is submitted. */
const decision: EngineEvent[] = [act('quarantine', 'vi-vessel'), act('call', 'phone'), act('report', 'logbook'), act('sign', 'rec-ph-low-sign')];
const submit = act('submit', 'batch-record');

// Counted from the file: the procedure's steps up to measure-ph 99 (sequence 5, process 94, the second check of
// the load volume included), the fault's steps 15 (deviation), the entries of those steps 32; hold, neutralisation,
// pool filtration and samples, sanitisation and their entries no longer count.
const POSSIBLE = 146;

describe('a correct decision ends the attempt (purification, pool pH below its range)', () => {
  it('putting the pool on hold, reporting and recording it ends on "on hold", scored on what was still possible', () => {
    const r = replay(c, options, [...upToPh, ...decision, submit]);
    expect(r.snapshot.value).toBe('on-hold');
    expect(r.end).toBe('passed');
    expect(r.ending).toBe('hold');
    expect(r.context.ending).toEqual({ decision: 'hold', fault: 'vi-ph-low' });
    expect({ earned: r.score.earned, possible: r.score.possible, total: r.score.total }).toEqual({ earned: POSSIBLE, possible: POSSIBLE, total: 100 });
    // the steps after the decision are not missing: no safety category (the face shield comes at sanitisation)
    expect(Object.keys(r.score.byCategory).sort()).toEqual(['deviation', 'documentation', 'process', 'sequence']);
  });

  it('once decided, the trainee is at closure: the steps after the decision are no longer offered, only the record', () => {
    const a = new Attempt(c, options, [...upToPh, ...decision.slice(0, 3)]);
    expect(a.snapshot.value).toBe('closure');
    const v = viewOf(c, a.snapshot);
    expect(v.steps.filter((s) => !s.done).map((s) => s.id)).toEqual([]);
    expect(v.record.map((e) => e.entry.id)).not.toContain('rec-hold-time');
    expect(v.record.map((e) => e.entry.id)).toContain('rec-ph-low-sign');
    // the neutralisation is no longer judged: closure answers only the record
    const after = a.send(act('neutralise', 'vi-vessel', 5.5));
    expect(after.context.outcomes.at(-1)!.kind).toBe('no-effect');
  });

  it('the debrief says the decision and why it was right', () => {
    const v = viewOf(c, new Attempt(c, options, [...upToPh, ...decision, submit]).snapshot);
    expect(conclusionOf(v)).toBe('decided');
    expect(v.decision?.decision).toBe('hold');
    expect(v.decision?.debrief.fr).toContain('mise en attente');
    expect(v.decision?.debrief.en).toContain('on hold');
    expect(v.outcomes.some((o) => o.outcome.kind === 'decision' && o.title.fr === 'Lot mis en attente (décision correcte)')).toBe(true);
  });

  it('more acid on a pool already below 3.50 costs the major penalty; the decision still ends it, on hold with 90', () => {
    const r = replay(c, options, [...upToPh, act('add-acid', 'vi-vessel'), ...decision, submit]);
    expect(r.context.outcomes.filter((o) => o.penalty > 0).map((o) => [o.ref, o.penalty])).toEqual([['more-acid-below-range', 10]]);
    expect(r.score.total).toBe(90);
    expect(r.ending).toBe('hold');
  });

  it('bringing the pH back up with base, or starting the hold, fails on a critical rule', () => {
    const up = replay(c, options, [...upToPh, act('neutralise', 'vi-vessel', 5.5)]);
    expect([up.end, up.ending, up.context.critical]).toEqual(['failed', 'critical', 'raise-low-ph']);
    const hold = replay(c, options, [...upToPh, act('start-timer', 'hold-timer')]);
    expect([hold.end, hold.ending, hold.context.critical]).toEqual(['failed', 'critical', 'hold-below-range']);
  });

  it('a decision reached with the score under the pass mark is a fail, and the debrief still says why the decision was right', () => {
    // the six record entries left blank: 6 × 3 built-in penalty, and their 16 of 135 points not earned → 88 − 18 = 70 < 80
    const blanks = new Set(['rec-line-clearance', 'rec-pressure-limit', 'rec-eq-conductivity', 'rec-eq-ph', 'rec-eq-sign', 'rec-load-flow']);
    const events = [...upToPh.filter((e) => !(e.type === 'ACT' && blanks.has(e.target))), ...decision, submit];
    const r = replay(c, options, events);
    expect(r.score.total).toBe(Math.round((100 * (POSSIBLE - 16)) / POSSIBLE) - 18);
    expect([r.end, r.ending]).toEqual(['failed', 'failed']);
    const v = viewOf(c, r.snapshot);
    expect(conclusionOf(v)).toBe('failed');
    expect(v.decision?.decision).toBe('hold');
  });

  it('without the fault the cycle goes to its normal end: the ending belongs to the fault only', () => {
    const r = replay(c, { ...options, forcedFault: 'none' }, upToPh.slice(0, 5));
    expect(r.context.ending).toBeUndefined();
  });
});

describe('the checker and the schema', () => {
  it('an ending must be a known decision with its debrief text', () => {
    const s = purification();
    (s.faults.find((f) => f.id === 'vi-ph-low')!.ending as { decision: string }).decision = 'release';
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => p.path.startsWith('faults[4].ending.decision'))).toBe(true);
    const t = purification();
    delete (t.faults.find((f) => f.id === 'vi-ph-low')!.ending as { debrief?: unknown }).debrief;
    expect(validateScenario(t).problems.some((p) => p.path === 'faults[4].ending' && p.message.en.includes('debrief'))).toBe(true);
  });

  it('a fault that ends on a decision needs a containment step and a documentation step', () => {
    const s = purification();
    const f = s.faults.find((x) => x.id === 'vi-ph-low')!;
    f.steps = f.steps.filter((x) => x.stage !== 'document');
    s.record = s.record.filter((e) => e.after !== 'report-ph-low');
    const v = validateScenario(s);
    expect(v.problems.map((p) => p.path)).toContain('faults[4].ending');
    expect(v.problems.find((p) => p.path === 'faults[4].ending')!.message.fr).toContain('stage "document"');
  });
});

/* ---------- how it shows: stored result, results, CSV ---------- */

let n = 0;
function stored(events: EngineEvent[], at: number, o: AttemptOptions = options): ResultAttempt & { result: NonNullable<ResultAttempt['result']> } {
  const result = resultOf(replay(c, o, events))!;
  return {
    id: `e${++n}`, profileId: 'p-lea', scenarioId: 'purification', scenarioVersion: c.scenario.version, judgeVersion: JUDGE_VERSION,
    seed: o.seed, mode: o.mode, ...(o.forcedFault ? { forcedFault: o.forcedFault } : {}),
    events: events.map((event) => ({ event, at: 0 })), startedAt: at - 1000, endedAt: at, status: 'finished', result,
  };
}
const find = (id: string, version: number): CompiledScenario | undefined => (id === 'purification' && version === c.scenario.version ? c : undefined);

describe('the stored attempt keeps the ending; one stored before reads as before', () => {
  it('the result of a decided attempt says "hold", and the store accepts it', () => {
    const a = stored([...upToPh, ...decision, submit], 10_000);
    expect(a.result).toMatchObject({ end: 'passed', score: 100, critical: false, ending: 'hold' });
    expect(isRecord('attempt', a)).toBe(true);
    expect(endingOf(a.result)).toBe('hold');
    expect(replayAttempt(a, find)).toMatchObject({ mismatch: false, replayed: { ending: 'hold' } });
  });

  it('an attempt stored before endings were kept (no "ending", judge version 2) reads as passed, failed or critical', () => {
    const old = { end: 'passed' as const, score: 92, byCategory: { process: 92 }, critical: false, mistakes: [] };
    expect(endingOf(old)).toBe('passed');
    const failed = { ...old, end: 'failed' as const, score: 40 };
    const critical = { ...failed, critical: true };
    expect(endingOf(failed)).toBe('failed');
    expect(endingOf(critical)).toBe('critical');
    const record = { id: 'old', profileId: 'p', scenarioId: 'purification', scenarioVersion: 1, judgeVersion: 2, seed: 1, mode: 'training', events: [], startedAt: 0, endedAt: 1, status: 'finished', result: old };
    expect(isRecord('attempt', record)).toBe(true);
    expect(isRecord('attempt', { ...record, result: { ...old, ending: 'release' } })).toBe(false);
  });
});

describe('results and CSV show the ending for what it is, in French and in English', () => {
  const inLang = async (l: Lang) => void (await i18next.changeLanguage(l));
  beforeAll(async () => {
    await initI18n('fr');
  });
  const hold = stored([...upToPh, ...decision, submit], 20_000);
  const critical = stored([...upToPh, act('neutralise', 'vi-vessel', 5.5)], 10_000);
  const trainees = [{ id: 'p-lea', name: 'Léa', group: 'TSBI-A' }];

  it('the table keeps the last attempt\'s ending', () => {
    const [row] = resultTable([critical, hold], trainees);
    expect(row!.cells.purification).toMatchObject({ attempts: 2, passed: true, lastEnding: 'hold' });
    const [row2] = resultTable([hold, { ...critical, endedAt: 30_000 }], trainees);
    expect(row2!.cells.purification!.lastEnding).toBe('critical');
  });

  it('the summary and per-attempt CSV rows, in French', async () => {
    await inLang('fr');
    const rows = resultTable([critical, hold], trainees);
    const summary = toCsv(summaryCsvRows(rows, [{ id: 'purification', title: 'Purification' }], []), 'fr').slice(1).split('\r\n');
    expect(summary[0]).toBe('Stagiaire;Groupe;Procédure;Mode;Version de la procédure;Tentatives;Meilleur score;Dernier score;Score moyen;Réussi en évaluation;Réussi en entraînement;Issue de la dernière tentative;Dernière tentative;Abandons;En retard;Version des règles');
    // played in training: a pass in training, never an exam pass
    expect(summary[1]).toMatch(new RegExp(`^Léa;TSBI-A;Purification;Entraînement;${c.scenario.version};2;100;100;\\d+(,\\d)?;non;oui;Lot mis en attente \\(décision correcte\\);\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d;0;0;4$`));
    const lines = [hold, critical].map((a) => ({ id: a.id, trainee: 'Léa', group: 'TSBI-A', scenarioTitle: 'Purification', mode: a.mode, endedAt: a.endedAt!, score: a.result.score, passed: a.result.end === 'passed', ending: endingOf(a.result), replayedScore: a.result.score, mismatch: false, judgedBy: null }));
    const attempts = toCsv(attemptsCsvRows(lines), 'fr').slice(1).split('\r\n');
    expect(attempts[0]).toBe('Date;Stagiaire;Groupe;Procédure;Version de la procédure;Mode;Devoir;Date limite;En retard;Score;Issue');
    expect(attempts[1]).toMatch(/;Léa;TSBI-A;Purification;;Entraînement;;;non;100;Lot mis en attente \(décision correcte\)$/);
    expect(attempts[2]).toMatch(/;Léa;TSBI-A;Purification;;Entraînement;;;non;\d+;Échoué sur une règle critique$/);
  });

  it('the same rows in English', async () => {
    await inLang('en');
    const rows = resultTable([critical, hold], trainees);
    const summary = toCsv(summaryCsvRows(rows, [{ id: 'purification', title: 'Purification' }], []), 'en').slice(1).split('\r\n');
    expect(summary[0]).toContain(';Passed in assessment;Passed in training;Outcome of the last attempt;');
    expect(summary[1]).toContain(';no;yes;Lot put on hold (correct decision);');
    const line = { id: hold.id, trainee: 'Léa', scenarioTitle: 'Purification', mode: hold.mode, endedAt: hold.endedAt!, score: 100, passed: true, ending: endingOf(hold.result), replayedScore: 100, mismatch: false, judgedBy: null };
    const attempts = toCsv(attemptsCsvRows([line, { ...line, ending: 'reject' }, { ...line, ending: 'failed', score: 40 }]), 'en').slice(1).split('\r\n');
    expect(attempts[0]).toBe('Date;Trainee;Group;Procedure;Procedure version;Mode;Assignment;Due date;Late;Score;Outcome');
    expect(attempts.slice(1, 4).map((l) => l.split(';').at(-1))).toEqual(['Lot put on hold (correct decision)', 'Lot rejected (correct decision)', 'Failed']);
    await inLang('fr');
  });
});

describe('the real reading is what the hold rests on', () => {
  it('writing a compliant pH while the meter shows 3.22 is a critical falsification', () => {
    const events = [...upToPh.slice(0, -1), act('record', 'rec-vi-ph', 3.55)];
    const r = replay(c, options, events);
    expect([r.ending, r.context.critical]).toEqual(['critical', 'record-vi-ph-low-in-spec']);
  });
});
