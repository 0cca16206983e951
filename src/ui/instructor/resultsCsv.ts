/**
 * The rows of the results' CSV files, in the current language: the summary
 * (one row per trainee × procedure) and the attempts (one row per attempt).
 * Every trainee of the filter has a row, those who never played included
 * ("Aucune tentative"). Each attempt's ending is written for what it is —
 * passed, failed, failed on a critical rule, abandoned, or the correct
 * decision that ended it (lot on hold, lot rejected) — in the words of the
 * results screen, with its mode (a pass in training is never an exam pass),
 * its assignment, the scenario version, the due date and whether it was late.
 * src/engine/csv.ts turns the rows into the file.
 */
import type { CsvCell } from '../../engine/csv';
import type { EndingKind } from '../../engine/ending';
import type { ResultRow } from '../../engine/results';
import type { Category, Mode } from '../../engine/types';
import { t } from '../../i18n';
import type { AttemptLine } from './resultsScreen';

/** An ending in words: "Lot mis en attente (décision correcte)". */
export const endingLabel = (e: EndingKind): string => t(`ending.${e}`);

const yesNo = (b: boolean) => (b ? t('instructor.csv.yes') : t('instructor.csv.no'));
const modes = (ms: readonly Mode[]) => ms.map((m) => t(`mode.${m}`)).join(' / ');

export function summaryCsvRows(rows: readonly ResultRow[], scenarios: readonly { id: string; title: string }[], cats: readonly Category[]): CsvCell[][] {
  const out: CsvCell[][] = [
    [
      t('instructor.csv.trainee'),
      t('instructor.csv.group'),
      t('instructor.csv.scenario'),
      t('instructor.csv.mode'),
      t('instructor.csv.version'),
      t('instructor.csv.attempts'),
      t('instructor.csv.best'),
      t('instructor.csv.last'),
      t('instructor.csv.average'),
      t('instructor.csv.passedAssessment'),
      t('instructor.csv.passedPractice'),
      t('instructor.csv.lastEnding'),
      t('instructor.csv.lastDate'),
      t('instructor.csv.abandoned'),
      t('instructor.csv.late'),
      ...cats.map((c) => t(`category.${c}`)),
      t('instructor.csv.rules'),
    ],
  ];
  for (const row of rows) {
    const played = scenarios.filter((s) => row.cells[s.id]);
    if (!played.length) {
      // a trainee of the filter who never played it is listed all the same: "not started" is an answer
      out.push([row.trainee.name, row.trainee.group ?? '', scenarios.length === 1 ? scenarios[0]!.title : '', '', '', 0, null, null, null, yesNo(false), yesNo(false), t('instructor.csv.noAttempt'), null, null, null, ...cats.map(() => null), '']);
      continue;
    }
    for (const s of played) {
      const cell = row.cells[s.id]!;
      out.push([
        row.trainee.name,
        row.trainee.group ?? '',
        s.title,
        modes(cell.modes),
        cell.versions.join(' / '),
        cell.attempts,
        cell.best,
        cell.last,
        cell.average,
        yesNo(cell.passedAssessment),
        yesNo(cell.passedPractice),
        endingLabel(cell.lastEnding),
        new Date(cell.lastAt),
        cell.abandoned,
        cell.late,
        ...cats.map((c) => cell.byCategory[c]),
        // the versions of the rules that judged the attempts, as numbers a spreadsheet can filter on ("1 / 2")
        cell.judgeVersions.join(' / '),
      ]);
    }
  }
  return out;
}

/** One row per attempt, newest first as given, then one per trainee of the filter without any attempt. */
export function attemptsCsvRows(lines: readonly AttemptLine[], unplayed: readonly { name: string; group?: string }[] = []): CsvCell[][] {
  return [
    [
      t('instructor.csv.date'),
      t('instructor.csv.trainee'),
      t('instructor.csv.group'),
      t('instructor.csv.scenario'),
      t('instructor.csv.version'),
      t('instructor.csv.mode'),
      t('instructor.csv.assignment'),
      t('instructor.csv.due'),
      t('instructor.csv.late'),
      t('instructor.csv.score'),
      t('instructor.csv.ending'),
    ],
    ...lines.map((a) => [
      new Date(a.endedAt),
      a.trainee,
      a.group ?? '',
      a.scenarioTitle,
      a.scenarioVersion,
      t(`mode.${a.mode}`),
      a.assignment ?? '',
      a.due ?? '',
      yesNo(!!a.late),
      a.score,
      endingLabel(a.ending),
    ]),
    ...unplayed.map((p) => [null, p.name, p.group ?? '', '', null, '', '', '', '', null, t('instructor.csv.noAttempt')]),
  ];
}
