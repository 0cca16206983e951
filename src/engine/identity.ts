/**
 * Who a trainee is, across profiles, tablets and imports: a name and a group
 * compared after normalisation (case, accents and spaces), never by profile
 * id. "Élodie  Martin" in "tsbi-a" and "elodie martin" in "TSBI-A" are one
 * trainee.
 */

/** The name as compared: accents dropped, lower case, runs of spaces made one, trimmed. */
export function normaliseName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}

/** One key per trainee: the normalised group and name together. */
export function traineeKey(t: { name: string; group?: string }): string {
  return `${normaliseName(t.group ?? '')}\u0000${normaliseName(t.name)}`;
}
