/**
 * The rules every scenario shares: good documentation practice on the batch
 * record (ALCOA+, EU GMP Part I ch. 4 §4.7–4.9, PIC/S PI 041-1 §7.5) and the
 * default lesson for a step done too early. Texts are data, in both languages.
 */
import type { Category, Localized, Severity } from './types';

export interface BuiltinRule {
  id: string;
  category: Category;
  severity: Severity;
  penalty: number;
  /** What was done wrong, in a few words: a line of the debrief's score table. */
  title: Localized;
  explanation: Localized;
}

const rule = (id: string, penalty: number, severity: Severity, title: [string, string], fr: string, en: string, category: Category = 'documentation'): BuiltinRule => ({
  id,
  category,
  severity,
  penalty,
  title: { fr: title[0], en: title[1] },
  explanation: { fr, en },
});

export const BUILTIN_RULES: Record<string, BuiltinRule> = Object.fromEntries(
  [
    rule(
      'gdp-prefill',
      5,
      'major',
      ["Case remplie avant l'opération", 'Entry made before the operation'],
      "Une donnée s'enregistre au moment où l'opération est faite, jamais avant : pré-remplir le dossier de lot enregistre un fait qui n'a pas encore eu lieu (ALCOA+ : contemporain, exact).",
      'A record is made when the operation is done, never before: pre-filling the batch record records something that has not happened yet (ALCOA+: contemporaneous, accurate).',
    ),
    rule(
      'gdp-inaccurate',
      3,
      'major',
      ['Valeur inscrite inexacte', 'Inaccurate value written'],
      "La valeur inscrite ne correspond pas à la valeur observée. Reportez exactement ce que l'instrument affiche, puis corrigez l'erreur de façon traçable (barrer d'un trait, valeur juste, motif, date, visa).",
      'The value written does not match the value observed. Record exactly what the instrument shows, then correct the error traceably (single line, right value, reason, date, initials).',
    ),
    rule(
      'gdp-late',
      2,
      'minor',
      ['Inscription tardive', 'Late entry'],
      "Cette donnée est inscrite après la fin de l'étape : elle n'est plus contemporaine. Documentez au fil de l'eau, au moment de l'action (BPF partie I, chapitre 4).",
      'This entry is made after its stage was over: it is no longer contemporaneous. Document as you go, at the time of the action (EU GMP Part I, chapter 4).',
    ),
    rule(
      'gdp-no-reason',
      3,
      'major',
      ['Correction sans motif', 'Correction without a reason'],
      "Toute correction doit laisser lisible la valeur d'origine et donner son motif. Une correction sans motif n'est pas traçable.",
      'Every correction must leave the original value readable and give its reason. A correction without a reason is not traceable.',
    ),
    rule(
      'gdp-sign-incomplete',
      3,
      'major',
      ['Visa avant les données', 'Signed before the data were entered'],
      "On ne signe une étape que lorsque toutes ses données sont inscrites : la signature atteste de ce qui est écrit au-dessus.",
      'An operator signs a step only once all its data are entered: the signature vouches for what is written above it.',
    ),
    rule(
      'gdp-blank',
      3,
      'major',
      ['Case laissée vide', 'Entry left blank'],
      "Un dossier de lot ne doit comporter aucun blanc : chaque case est remplie, ou barrée avec « N/A », date et visa (ALCOA+ : complet).",
      'A batch record must have no blanks: every field is filled in, or struck through with "N/A", date and initials (ALCOA+: complete).',
    ),
    rule(
      'gdp-uncorrected',
      3,
      'major',
      ['Valeur fausse non corrigée', 'Wrong value left uncorrected'],
      "Une valeur fausse est restée dans le dossier sans correction : la revue du dossier de lot la détectera et le lot ne pourra pas être libéré en l'état.",
      'A wrong value was left in the record without correction: batch record review will find it and the batch cannot be released as it stands.',
    ),
    rule(
      'early',
      2,
      'minor',
      ['Étape faite trop tôt', 'Step done too early'],
      "Pas encore : une étape préalable de la procédure n'est pas faite. Suivez l'ordre du mode opératoire : il existe pour protéger le produit et les personnes.",
      'Not yet: an earlier step of the procedure is not done. Follow the order of the SOP: it exists to protect the product and the people.',
      'sequence',
    ),
  ].map((r) => [r.id, r]),
);
