/** The store's public surface for the composition root (src/app): open it, then hand its data to the screens. */
export { openStore, BACKUP_MAX_BYTES, type Store, type OpenStoreOptions, type NewProfile, type ProfilePatch, type NewAttempt, type NewAssignment, type FlushResult, type DeletedProfile } from './openStore';
export { BACKUP_FORMAT, BACKUP_VERSION, readBackup, type BackupFile, type ImportResult, type ImportCounts, type IgnoredCounts, type ImportScope } from './backup';
export { StoreError, problemMessage, type ProblemCode, type ProblemDetail, type OnProblem, type StoreErrorCode } from './messages';
export {
  optionsOf,
  eventsOf,
  resultOf,
  profileSettingKey,
  isDeviceSetting,
  type Profile,
  type AttemptRecord,
  type AttemptResult,
  type AttemptStatus,
  type TimedEvent,
  type Assignment,
  type Setting,
  type JsonValue,
  type ImportedScenario,
  type Listed,
} from './records';
export { DB_NAME, DB_VERSION, MIGRATIONS, LAYOUT, type Migration } from './schema';
export * as pin from './pin';
