/**
 * One identity per trainee: how names and groups are compared everywhere
 * (class lists, assignments, attempt limits, results, the merge of several
 * tablets). Two spellings are the same person when they differ only by case,
 * accents, or spaces ("  Léa  Martin " = "lea martin"). What is shown stays
 * as it was typed; only comparisons go through here. Pure.
 */

/**
 * A name or group as compared: Unicode-normalised (NFKD), accents and other
 * combining marks removed, lower case, every run of spaces (tabs, no-break
 * spaces…) made one space, trimmed. Never shown to anyone.
 */
export function normaliseName(text: string | undefined | null): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The same name (or group) once normalised. */
export const sameName = (a: string | undefined | null, b: string | undefined | null): boolean => normaliseName(a) === normaliseName(b);

/**
 * The key of one trainee: the normalised group and name. The profiles of the
 * same key (one per tablet the trainee used) are one person; a trainee
 * without a group has the group ''.
 */
export function traineeKey(p: { name: string; group?: string | null }): string {
  return `${normaliseName(p.group)}\u0000${normaliseName(p.name)}`;
}

/** The same group once normalised (undefined and '' are "no group"). */
export const sameGroup = sameName;

/** Names as a pasted class list gives them: one per line, spaces trimmed, blank lines dropped. */
export function namesOfList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((x) => x.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

export interface NameClashes {
  /** Names written more than once in the list itself (each once, as first written). */
  repeated: string[];
  /** Names of the list that a trainee of the group already has (each once, as written in the list). */
  existing: string[];
}

/**
 * What to ask before creating trainees: the names of `names` that appear
 * twice in it, and those already taken in the group (`taken`: the names of
 * the group's trainees). Empty lists: nothing to ask.
 */
export function nameClashes(names: readonly string[], taken: readonly string[]): NameClashes {
  const takenKeys = new Set(taken.map(normaliseName));
  const seen = new Map<string, number>();
  const repeated: string[] = [];
  const existing: string[] = [];
  for (const n of names) {
    const k = normaliseName(n);
    const count = (seen.get(k) ?? 0) + 1;
    seen.set(k, count);
    if (count === 2) repeated.push(n);
    if (count === 1 && takenKeys.has(k)) existing.push(n);
  }
  return { repeated, existing };
}

/** The group of `groups` that is the same as `group` once normalised (to file a trainee under the instructor's spelling), or undefined. */
export function findGroup(groups: readonly string[], group: string | undefined | null): string | undefined {
  const k = normaliseName(group);
  if (!k) return undefined;
  return groups.find((g) => normaliseName(g) === k);
}

/** The names once each as identity compares them, each in its first spelling, in the order given (blank ones dropped). */
export function uniqueNames(names: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const n of names) if (normaliseName(n) && !out.has(normaliseName(n))) out.set(normaliseName(n), n);
  return [...out.values()];
}

/* ---------- trainee code ---------- */

/** A trainee code is exactly four digits. */
export const TRAINEE_CODE_DIGITS = 4;
export const isValidTraineeCode = (code: string): boolean => /^\d{4}$/.test(code);

/** Wrong codes in a row before a pause. */
export const CODE_TRIES_BEFORE_PAUSE = 5;
/** The pause, in seconds, after each wrong code from the fifth in a row. */
export const CODE_PAUSE_SECONDS = 30;

/**
 * The wrong trainee codes typed in this page (every profile together, so
 * going from one name to another does not start the count again; a reload
 * does): from the fifth wrong code in a row, each one is followed by a pause
 * of CODE_PAUSE_SECONDS before the next try is judged; a right code clears
 * the count. Times in ms since 1970.
 */
export class CodeTries {
  private failures = 0;
  private until = 0;

  /** Seconds still to wait before a try is judged (0: none). */
  wait(now: number): number {
    const ms = this.until - now;
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts a wrong code; returns the pause it starts, in seconds (0: none). */
  wrong(now: number): number {
    this.failures++;
    if (this.failures < CODE_TRIES_BEFORE_PAUSE) return 0;
    this.until = now + CODE_PAUSE_SECONDS * 1000;
    return CODE_PAUSE_SECONDS;
  }

  right(): void {
    this.failures = 0;
    this.until = 0;
  }
}
