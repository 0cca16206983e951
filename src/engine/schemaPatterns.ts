/**
 * The patterns of the scenario schema (./scenarioSchema.ts and the words of
 * ./vocabulary), each with what the checker says of a value that does not
 * match it (./validateScenario.ts).
 */
export const PATTERNS = {
  id: {
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    en: 'should be a kebab-case id (lower-case letters, digits and dashes)',
    fr: 'devrait être un identifiant en kebab-case (minuscules, chiffres et tirets)',
  },
  valueKey: {
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)?$',
    en: 'should be an object\'s id, or an object\'s id, a dot and one of its readings ("balance", "console.ph")',
    fr: 'devrait être l\'identifiant d\'un objet, ou l\'identifiant d\'un objet, un point et l\'une de ses lectures ("balance", "console.ph")',
  },
  name: {
    pattern: '^[a-z0-9-]+$',
    en: 'should be written in lower-case letters, digits and dashes',
    fr: 'devrait s\'écrire en minuscules, chiffres et tirets',
  },
  lot: {
    pattern: '^[A-Z0-9]{1,6}$',
    en: 'should be 1 to 6 capital letters or digits (the start of the lot numbers drawn)',
    fr: 'devrait compter 1 à 6 majuscules ou chiffres (le début des numéros de lot tirés)',
  },
  day: { pattern: '^\\d{4}-\\d{2}-\\d{2}$', en: 'should be a date written YYYY-MM-DD', fr: 'devrait être une date écrite AAAA-MM-JJ' },
  time: {
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    en: 'should be a time of day written HH:MM (00:00 to 23:59)',
    fr: 'devrait être une heure écrite HH:MM (00:00 à 23:59)',
  },
} as const;
