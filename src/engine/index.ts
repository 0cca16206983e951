/** The engine's public surface: pure rules, no DOM, no Phaser, no storage. */
export * from './types';
export { prepare, startAttempt, advance, replay, summarize, Attempt, type CompiledScenario, type Snapshot, type ReplayResult } from './attempt';
export { compileScenario, endOf } from './compileScenario';
export { parseScenarioText, validateScenario, MAX_SCENARIO_BYTES, type Problem, type Validation } from './validateScenario';
export { declaredLook, statesWithoutLook, checkLooks, LOOK_WORDS } from './look';
export { exploreScenario, perfectRun, type ExploreReport } from './exploreScenario';
export { perfectActions } from './solver';
export { scoreOf, scoreBreakdown, type ScoreBreakdown } from './score';
export { viewOf, explainOutcome, showsFor, conclusionOf, recordGaps, SHOWS_ALL, type Audience, type Shows, type Conclusion, type AttemptView, type ObjectView, type StepView, type RecordView, type OutcomeView, type WaitingFor, type ValueCompared, type RecordGaps } from './view';
export { newSeed } from './random';
export * from './results';
export { JUDGE_VERSION, judgeVersionOf } from './judgeVersion';
export { toCsv, csvCell, csvDate, csvNumber, neutralise, CSV_BOM, CSV_SEPARATOR, type CsvCell } from './csv';
