/**
 * Results that mean what they say: training and assessment kept apart (a pass
 * in training is never an exam pass), every ending shown for what it is
 * (abandoned and late included), each trainee of an assignment's group as
 * done, in progress, late or not started — the same person on two tablets
 * counted once — and CSV files that list every trainee of the filter.
 * Expected values are written from the class below, by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { toCsv } from '../../src/engine/csv';
import { perfectRun } from '../../src/engine/exploreScenario';
import { JUDGE_VERSION } from '../../src/engine/judgeVersion';
import { assignmentProgress, filterAttempts, progressCounts, resultTable, type ResultAttempt, type ResultTrainee } from '../../src/engine/results';
import type { AttemptOptions, EngineEvent, Mode } from '../../src/engine/types';
import { initI18n } from '../../src/i18n';
import { resultOf } from '../../src/store/records';
import { duplicateQuestion } from '../../src/ui/instructor/classScreen';
import { attemptsCsvRows, summaryCsvRows } from '../../src/ui/instructor/resultsCsv';
import type { AttemptLine } from '../../src/ui/instructor/resultsScreen';
import { act, gowning } from './fixtures';

const c = prepare(gowning());
const perfect = perfectRun(c, { seed: 5, mode: 'training', forcedFault: 'none' }).events;
const cross = act('cross', 'step-over-bench'); // jewellery past the bench: −15
const intoGradeB = act('enter', 'door-grade-b'); // critical: fails at once, score 0

/** Local days of June 2025: the due date is read on the tablet's clock. */
const at = (day: number, hour = 10) => new Date(2025, 5, day, hour).getTime();

let n = 0;
function attempt(profileId: string, mode: Mode, events: EngineEvent[], endedAt: number, extra: Partial<ResultAttempt> = {}): ResultAttempt {
  const o: AttemptOptions = { seed: 5, mode, forcedFault: 'none' };
  const result = resultOf(replay(c, o, events))!;
  return { id: `a${++n}`, profileId, scenarioId: 'gowning', scenarioVersion: 2, judgeVersion: JUDGE_VERSION, seed: 5, mode, forcedFault: 'none', events: events.map((event) => ({ event, at: 0 })), startedAt: endedAt - 60_000, endedAt, status: 'finished', result, ...extra };
}

const trainees: ResultTrainee[] = [
  { id: 'lea', name: 'Léa', group: 'TSBI-A' },
  { id: 'lea-tablet2', name: ' lea ', group: 'tsbi-a' }, // the same Léa, merged from another tablet
  { id: 'tom', name: 'Tom', group: 'TSBI-A' },
  { id: 'ines', name: 'Inès', group: 'TSBI-A' },
  { id: 'zoe', name: 'Zoé', group: 'TSBI-A' },
  { id: 'hugo', name: 'Hugo', group: 'TSBI-A' }, // never played
  { id: 'jade', name: 'Jade', group: 'TSBI-B' },
];
const exam = { id: 'exam1', target: { group: 'TSBI-A' }, due: '2025-06-05' };

const leaExam = attempt('lea', 'assessment', perfect, at(2), { assignmentId: 'exam1' }); // 100, passed on time
const leaPractice = attempt('lea-tablet2', 'training', perfect, at(1)); // 100 in training, free practice
const tomPractice = attempt('tom', 'training', [cross, ...perfect], at(1)); // 85 in training
const tomExam = attempt('tom', 'assessment', [intoGradeB], at(6), { assignmentId: 'exam1' }); // critical, after the due day
tomExam.result = { ...tomExam.result!, late: true }; // as the store marks it
const inesAbandoned: ResultAttempt = {
  ...attempt('ines', 'assessment', perfect, at(3), { assignmentId: 'exam1' }),
  result: { end: 'failed', score: 40, byCategory: { aseptic: 40 }, critical: false, abandoned: true },
};
const zoeRunning: ResultAttempt = { id: 'z1', profileId: 'zoe', scenarioId: 'gowning', scenarioVersion: 2, seed: 5, mode: 'assessment', assignmentId: 'exam1', events: [], startedAt: at(4), status: 'in-progress' };
const all = [leaExam, leaPractice, tomPractice, tomExam, inesAbandoned, zoeRunning];

describe('training and assessment kept apart', () => {
  it('the mode filter keeps only the attempts of that mode; groups compare as identity.ts does', () => {
    expect(filterAttempts(all, trainees, { mode: 'assessment' }).map((a) => a.id).sort()).toEqual([leaExam.id, tomExam.id, inesAbandoned.id].sort());
    expect(filterAttempts(all, trainees, { mode: 'training' }).map((a) => a.id).sort()).toEqual([leaPractice.id, tomPractice.id].sort());
    expect(filterAttempts(all, trainees, { group: 'tsbi-a ' })).toHaveLength(5); // every finished attempt of TSBI-A, the merged Léa's included
  });

  it('a pass in training is never an exam pass', () => {
    const rows = resultTable(filterAttempts(all, trainees), trainees);
    const cell = (name: string) => rows.find((r) => r.trainee.name === name)!.cells.gowning!;
    expect(cell('Tom')).toMatchObject({ attempts: 2, passed: true, passedAssessment: false, passedPractice: true, modes: ['assessment', 'training'], best: 85, last: 0, lastEnding: 'critical', late: 1 });
    expect(cell('Léa')).toMatchObject({ attempts: 2, passedAssessment: true, passedPractice: true, best: 100 });
    // in the exam filter Tom has not passed anything
    const exams = resultTable(filterAttempts(all, trainees, { mode: 'assessment' }), trainees);
    expect(exams.find((r) => r.trainee.name === 'Tom')!.cells.gowning).toMatchObject({ attempts: 1, passed: false, passedAssessment: false, passedPractice: false, modes: ['assessment'] });
  });

  it('an abandoned attempt is counted and shown abandoned, never averaged as a score', () => {
    const rows = resultTable(filterAttempts(all, trainees, { mode: 'assessment' }), trainees);
    expect(rows.find((r) => r.trainee.name === 'Inès')!.cells.gowning).toMatchObject({ attempts: 1, abandoned: 1, best: null, average: null, last: 40, lastEnding: 'abandoned', passed: false });
  });
});

describe('an assignment: every trainee of the group, each once', () => {
  it('after the due date: done (passed / failed, with score), in progress, late, with the two tablets\' Léa as one', () => {
    const rows = assignmentProgress(exam, trainees, all, at(8));
    expect(rows.map((r) => [r.trainee.name, r.status, r.late, r.score ?? null, r.ending ?? null, r.attempts])).toEqual([
      ['Hugo', 'late', true, null, null, 0],
      ['Inès', 'failed', false, 40, 'abandoned', 1],
      ['Léa', 'passed', false, 100, 'passed', 1],
      ['Tom', 'failed', true, 0, 'critical', 1],
      ['Zoé', 'in-progress', true, null, null, 1],
    ]);
    expect(rows.find((r) => r.trainee.name === 'Léa')!.trainee.profileIds).toEqual(['lea', 'lea-tablet2']);
    expect(progressCounts(rows)).toEqual({ passed: 1, failed: 2, 'in-progress': 1, late: 1, 'not-started': 0, total: 5 });
  });

  it('before the due date nobody is late; an attempt is late by its end time even when it was not marked', () => {
    const rows = assignmentProgress(exam, trainees, all.filter((a) => a !== tomExam), at(4, 9));
    expect(rows.map((r) => [r.trainee.name, r.status, r.late])).toEqual([
      ['Hugo', 'not-started', false],
      ['Inès', 'failed', false],
      ['Léa', 'passed', false],
      ['Tom', 'not-started', false], // his training attempt is not for the assignment
      ['Zoé', 'in-progress', false],
    ]);
    const unmarked = { ...tomExam, result: { ...tomExam.result!, late: undefined } };
    expect(assignmentProgress(exam, trainees, [unmarked], at(8)).find((r) => r.trainee.name === 'Tom')).toMatchObject({ status: 'failed', late: true });
  });

  it('an assignment to one trainee covers all their profiles', () => {
    const rows = assignmentProgress({ id: 'exam1', target: { profileId: 'lea-tablet2' } }, trainees, all, at(8));
    expect(rows.map((r) => [r.trainee.name, r.status, r.score])).toEqual([['Léa', 'passed', 100]]);
  });
});

describe('CSV: every trainee of the filter, with mode, version, assignment, due date and lateness', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('the summary lists the trainees who never played', () => {
    const rows = resultTable(filterAttempts(all, trainees, { mode: 'assessment', group: 'TSBI-A' }), trainees.filter((p) => p.group?.toUpperCase() === 'TSBI-A'));
    const lines = toCsv(summaryCsvRows(rows, [{ id: 'gowning', title: 'Habillage' }], []), 'fr').slice(1).split('\r\n');
    const date = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d';
    expect(lines[0]).toBe('Stagiaire;Groupe;Procédure;Mode;Version de la procédure;Tentatives;Meilleur score;Dernier score;Score moyen;Réussi en évaluation;Réussi en entraînement;Issue de la dernière tentative;Dernière tentative;Abandons;En retard;Version des règles');
    expect(lines[1]).toBe('Hugo;TSBI-A;Habillage;;;0;;;;non;non;Aucune tentative;;;;');
    expect(lines[2]).toMatch(new RegExp(`^Inès;TSBI-A;Habillage;Évaluation;2;1;;40;;non;non;Abandonné;${date};1;0;${JUDGE_VERSION}$`));
    expect(lines[3]).toMatch(new RegExp(`^Léa;TSBI-A;Habillage;Évaluation;2;1;100;100;100;oui;non;Réussi;${date};0;0;${JUDGE_VERSION}$`));
    expect(lines[4]).toMatch(new RegExp(`^Tom;TSBI-A;Habillage;Évaluation;2;1;0;0;0;non;non;Échoué sur une règle critique;${date};0;1;${JUDGE_VERSION}$`));
    expect(lines[5]).toBe('Zoé;TSBI-A;Habillage;;;0;;;;non;non;Aucune tentative;;;;');
    expect(lines).toHaveLength(7); // and the last line's CRLF
  });

  it('the attempts, one row each, then the trainees without any', () => {
    const line: AttemptLine = { id: 'a', trainee: 'Tom', group: 'TSBI-A', scenarioTitle: 'Habillage', scenarioVersion: 2, mode: 'assessment', assignment: 'groupe TSBI-A', due: '2025-06-05', late: true, endedAt: at(6), score: 0, passed: false, ending: 'critical', replayedScore: 0, mismatch: false, judgedBy: null };
    const practice: AttemptLine = { ...line, mode: 'training', assignment: undefined, due: undefined, late: false, score: 85, passed: true, ending: 'passed' };
    const lines = toCsv(attemptsCsvRows([line, practice], [{ name: 'Hugo', group: 'TSBI-A' }]), 'fr').slice(1).split('\r\n');
    expect(lines[0]).toBe('Date;Stagiaire;Groupe;Procédure;Version de la procédure;Mode;Devoir;Date limite;En retard;Score;Issue');
    expect(lines[1]).toBe('2025-06-06 10:00;Tom;TSBI-A;Habillage;2;Évaluation;groupe TSBI-A;2025-06-05;oui;0;Échoué sur une règle critique');
    expect(lines[2]).toBe('2025-06-06 10:00;Tom;TSBI-A;Habillage;2;Entraînement;;;non;85;Réussi');
    expect(lines[3]).toBe(';Hugo;TSBI-A;;;;;;;;Aucune tentative');
  });
});

describe('a class list with a name twice, or a name the group has, asks first', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  it('names the repeated and the existing names; a clean list asks nothing', () => {
    expect(duplicateQuestion('Nora\nJade\nnorá', 'TSBI-A', trainees)).toBe('Écrit deux fois dans la liste : norá. Créer quand même ?');
    expect(duplicateQuestion('Jade\nLea', 'tsbi-a', trainees)).toBe('Déjà dans ce groupe : Lea. Créer quand même ?');
    expect(duplicateQuestion('Jade', 'TSBI-A', trainees)).toBeNull(); // Jade is in TSBI-B, not TSBI-A
  });
});
