/**
 * `poorReason`: the reason typed with a batch-record correction does not say
 * why. Only a correction carries a reason; the checker refuses the word in a
 * step's `when` and in a rule on another verb (`misplaced`).
 */
import { oneKey, type ConditionWord } from '../word.ts';

/** A reason as the SOP reads it: case, accents, surrounding spaces and punctuation aside. */
export const plainReason = (reason: string) =>
  reason.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').replace(/\s+/g, ' ');

/**
 * The reason of a correction does not say why: blank (or absent), shorter
 * than `shorterThan` characters once trimmed, or nothing but one of the
 * `refused` words ("erreur", "error": a correction always corrects an error).
 */
export function reasonPoor(reason: string | undefined, p: { shorterThan?: number; refused?: string[] }): boolean {
  const said = (reason ?? '').trim();
  if (!said) return true;
  if (p.shorterThan !== undefined && [...said].length < p.shorterThan) return true;
  const plain = plainReason(said);
  return (p.refused ?? []).some((w) => plainReason(w) === plain);
}

export const poorReason: ConditionWord<'poorReason'> = {
  word: 'poorReason',
  schema: oneKey('poorReason', {
    type: 'object',
    additionalProperties: false,
    properties: {
      shorterThan: { type: 'integer', minimum: 1, description: 'A reason with fewer characters than this (once trimmed) says too little.' },
      refused: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 }, description: 'Reasons the SOP refuses when written alone, e.g. "erreur", "error".' },
    },
  }, { description: 'Only in a rule on the verb "correct": the reason typed with the correction is blank, shorter than shorterThan characters, or only one of the refused words (case, accents and punctuation aside).' }),
  holds: (c, { reason }) => reasonPoor(reason, c.poorReason),
  check: () => {},
  misplaced: (rule) =>
    !rule
      ? ['only a correction of the batch record carries a reason, so "poorReason" never holds in a step: put it in a rule on the verb "correct"', "seule une correction du dossier de lot porte un motif : « poorReason » n'est jamais vrai dans une étape, mettez-le dans une règle sur le verbe « correct »"]
      : rule.verb !== 'correct'
        ? ['only a correction of the batch record carries a reason, so "poorReason" holds only in a rule on the verb "correct"', "seule une correction du dossier de lot porte un motif : « poorReason » ne vaut que dans une règle sur le verbe « correct »"]
        : undefined,
};
