/**
 * Batch-record entries whose value is not a number: a text (a lot number, an
 * instrument's identifier), a date (an expiry) and a time of day (the start
 * and end of a hold). The words `text`, `date` and `time` live here: the value
 * an entry expects, how a written value is judged, and their check.
 *
 * The event log keeps them in a form that does not depend on the language
 * (the screen turns what the trainee types into it): a text as typed,
 * trimmed; a date YYYY-MM-DD; a time HH:MM (24 h). So a replay judges the
 * same whatever the language of the screen.
 */
import { isIsoDate, isTimeOfDay, timeAfter } from './calendar.ts';
import type { AttemptContext, RecordEntry, Scenario, TextExpected, TextKind } from './types';
import { isTextKind } from './types.ts';
import type { Problem } from './validateScenario';

/** The time of day the run's clock starts at. */
export const DEFAULT_START_TIME = '08:00';
export const startTime = (s: Scenario): string => s.start?.time ?? DEFAULT_START_TIME;

/**
 * The value a text, date or time entry expects now: undefined when there is
 * none yet (a step not done, an object without lot). A step's time of day is
 * the run's start time plus the simulated minutes once the step was done.
 */
export function expectedText(s: Scenario, ctx: AttemptContext, entry: RecordEntry): string | undefined {
  const e = entry.expected;
  if (e === undefined) return undefined;
  if (typeof e === 'string') return e;
  if ('lotOf' in e) return ctx.objects[e.lotOf]?.lot;
  if ('expiryOf' in e) return ctx.objects[e.expiryOf]?.expiry;
  // the clock once the step was done (its minutes and effects passed): what the trainee sees just after the gesture
  for (let i = ctx.outcomes.length - 1; i >= 0; i--) {
    const o = ctx.outcomes[i]!;
    if (o.kind === 'step' && o.ref === e.timeOf) return timeAfter(startTime(s), o.at);
  }
  return undefined;
}

/** A text as compared: trimmed, inner spaces as one, upper case. */
const plain = (text: string) => text.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * Whether a written value is the one expected. A date or a time must be the
 * same exactly. A text ignores spaces around it and letter case: a lot number
 * or an instrument's identifier is letters and digits, two of them never
 * differ by case alone, and "pm-4821" typed on a tablet's keyboard names the
 * same lot as the label's "PM-4821" (GDP asks for the right lot, not for
 * capitals). Nothing else is forgiven: a digit or a dash wrong is wrong.
 */
export function sameText(kind: TextKind, written: string | undefined, expected: string | undefined): boolean {
  if (written === undefined || expected === undefined) return false;
  return kind === 'text' ? plain(written) === plain(expected) : written.trim() === expected;
}

export function textEntryRight(s: Scenario, ctx: AttemptContext, entry: RecordEntry, written: string | undefined): boolean {
  return isTextKind(entry.kind) && sameText(entry.kind, written, expectedText(s, ctx, entry));
}

const say = (path: string, en: string, fr: string): Problem => ({ path, message: { en, fr } });
const q = (s: string) => `"${s}"`;

/** What the kind of entry a reference gives: a lot number is a text, an expiry a date, a step's time a time. */
const kindOf = (e: Exclude<TextExpected, string>): TextKind => ('lotOf' in e ? 'text' : 'expiryOf' in e ? 'date' : 'time');

/** The check of one record entry's `expected` (and of `value` where it does not belong). */
export function checkRecordText(s: Scenario, entry: RecordEntry, path: string): Problem[] {
  const out: Problem[] = [];
  const e = entry.expected;
  if (!isTextKind(entry.kind)) {
    if (e !== undefined) out.push(say(`${path}.expected`, `a ${q(entry.kind)} entry is not judged by "expected": remove it, or make the entry "text", "date" or "time"`, `une case ${q(entry.kind)} n'est pas jugée par « expected » : retirez-le, ou faites de la case un « text », « date » ou « time »`));
    return out;
  }
  if (entry.value !== undefined || entry.tolerance !== undefined) out.push(say(`${path}.value`, `a ${q(entry.kind)} entry is judged by "expected", not by "value" or "tolerance"`, `une case ${q(entry.kind)} est jugée par « expected », pas par « value » ni « tolerance »`));
  if (e === undefined) return [...out, say(`${path}.expected`, `a ${q(entry.kind)} entry needs "expected"`, `une case ${q(entry.kind)} demande « expected »`)];
  if (typeof e === 'string') {
    if (entry.kind === 'text' && !e.trim()) out.push(say(`${path}.expected`, 'the expected text is blank', 'le texte attendu est vide'));
    if (entry.kind === 'date' && !isIsoDate(e)) out.push(say(`${path}.expected`, `${q(e)} is not a date written YYYY-MM-DD`, `${q(e)} n'est pas une date écrite AAAA-MM-JJ`));
    if (entry.kind === 'time' && !isTimeOfDay(e)) out.push(say(`${path}.expected`, `${q(e)} is not a time of day written HH:MM (00:00 to 23:59)`, `${q(e)} n'est pas une heure écrite HH:MM (00:00 à 23:59)`));
    return out;
  }
  if (kindOf(e) !== entry.kind) {
    const what = { text: ['a lot number is a text', 'un numéro de lot est un texte'], date: ['an expiry is a date', 'une péremption est une date'], time: ["a step's time is a time of day", "l'heure d'une étape est une heure"] }[kindOf(e)];
    out.push(say(`${path}.kind`, `${what[0]}: make the entry ${q(kindOf(e))}`, `${what[1]} : faites de la case un ${q(kindOf(e))}`));
  }
  if ('lotOf' in e || 'expiryOf' in e) {
    const id = 'lotOf' in e ? e.lotOf : e.expiryOf;
    const o = s.objects.find((x) => x.id === id);
    const at = `${path}.expected.${'lotOf' in e ? 'lotOf' : 'expiryOf'}`;
    if (!o) out.push(say(at, `no object is called ${q(id)}`, `aucun objet ne s'appelle ${q(id)}`));
    else if (!o.lot) out.push(say(at, `the object ${q(id)} has no lot number ("lot")`, `l'objet ${q(id)} n'a pas de numéro de lot (« lot »)`));
    else if ('expiryOf' in e && !o.expiry) out.push(say(at, `the object ${q(id)} has no expiry date ("expiry")`, `l'objet ${q(id)} n'a pas de date de péremption (« expiry »)`));
  } else {
    const steps = [...s.steps, ...s.faults.flatMap((f) => f.steps)];
    if (!steps.some((x) => x.id === e.timeOf)) out.push(say(`${path}.expected.timeOf`, `no step is called ${q(e.timeOf)}`, `aucune étape ne s'appelle ${q(e.timeOf)}`));
  }
  return out;
}
