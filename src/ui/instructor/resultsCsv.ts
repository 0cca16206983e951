/**
 * The rows of the results' CSV files, in the current language: the summary
 * (one row per trainee × procedure) and the attempts (one row per attempt).
 * Each attempt's ending is written for what it is — passed, failed, failed on
 * a critical rule, or the correct decision that ended it (lot on hold, lot
 * rejected) — in the words of the results screen. src/engine/csv.ts turns the
 * rows into the file.
 */
import type { CsvCell } from '../../engine/csv';
import type { EndingKind } from '../../engine/ending';
import type { ResultRow } from '../../engine/results';
import type { Category } from '../../engine/types';
import { t } from '../../i18n';
import type { AttemptLine } from './resultsScreen';

/** An ending in words: "Lot mis en attente (décision correcte)". */
export const endingLabel = (e: EndingKind): string => t(`ending.${e}`);

export function summaryCsvRows(rows: readonly ResultRow[], scenarios: readonly { id: string; title: string }[], cats: readonly Category[]): CsvCell[][] {
  const out: CsvCell[][] = [
    [
      t('instructor.csv.trainee'),
      t('instructor.csv.group'),
      t('instructor.csv.scenario'),
      t('instructor.csv.attempts'),
      t('instructor.csv.best'),
      t('instructor.csv.last'),
      t('instructor.csv.average'),
      t('instructor.csv.passed'),
      t('instructor.csv.lastEnding'),
      t('instructor.csv.lastDate'),
      ...cats.map((c) => t(`category.${c}`)),
      t('instructor.csv.rules'),
    ],
  ];
  for (const row of rows) {
    for (const s of scenarios) {
      const cell = row.cells[s.id];
      if (!cell) continue;
      out.push([
        row.trainee.name,
        row.trainee.group ?? '',
        s.title,
        cell.attempts,
        cell.best,
        cell.last,
        cell.average,
        cell.passed ? t('instructor.csv.yes') : t('instructor.csv.no'),
        endingLabel(cell.lastEnding),
        new Date(cell.lastAt),
        ...cats.map((c) => cell.byCategory[c]),
        // the versions of the rules that judged the attempts, as numbers a spreadsheet can filter on ("1 / 2")
        cell.judgeVersions.join(' / '),
      ]);
    }
  }
  return out;
}

export function attemptsCsvRows(lines: readonly AttemptLine[]): CsvCell[][] {
  return [
    [t('instructor.csv.date'), t('instructor.csv.trainee'), t('instructor.csv.group'), t('instructor.csv.scenario'), t('instructor.csv.mode'), t('instructor.csv.score'), t('instructor.csv.ending')],
    ...lines.map((a) => [new Date(a.endedAt), a.trainee, a.group ?? '', a.scenarioTitle, t(`mode.${a.mode}`), a.score, endingLabel(a.ending)]),
  ];
}
