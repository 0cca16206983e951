/**
 * The lots of a run. An object with a `lot` prefix gets its lot number at the
 * start from the attempt's main sequence (as always); with `expiry`, its
 * expiry date too, from a stream of its own. The effect `newLot` (a
 * replacement bag or bottle fetched during the run) gives it a new lot number
 * and expiry date, from a stream of its own for each new lot. So the same seed
 * gives the same lots, and adding an expiry or a new lot to a scenario moves
 * no draw of its main sequence (faults, values, lots of earlier attempts).
 * The word `newLot` lives here: its effect and its check.
 */
import { isIsoDate, isTimeOfDay } from './calendar.ts';
import { expiryDate, lotNumber, streamFor } from './random.ts';
import type { AttemptContext, ObjectStatus, RoomObject, Scenario } from './types';
import type { Problem } from './validateScenario';

/** How far before the run's day a lot found expired is dated: 1 to this many days. */
export const EXPIRED_SINCE_DAYS = 90;

/** The run's day, from which expiry dates count (the checker asks for it where an object has an expiry). */
export const runDay = (s: Scenario): string => s.start?.day ?? '2026-01-01';

/** The expiry of the lot an object has at the start: past its date when the attempt's fault is the one the scenario names. */
export function firstExpiry(s: Scenario, o: RoomObject, seed: number, fault: string | null): string | undefined {
  if (!o.expiry || !o.lot) return undefined;
  const stream = streamFor(seed, `${o.id}.expiry`);
  const expired = o.expiry.expiredWith !== undefined && o.expiry.expiredWith === fault;
  return expired ? expiryDate(stream, runDay(s), -EXPIRED_SINCE_DAYS, -1)[0] : expiryDate(stream, runDay(s), o.expiry.minDays, o.expiry.maxDays)[0];
}

/** The effect `newLot`: the object gets a lot number other than its current one, and an expiry in date. */
export function drawNewLot(s: Scenario, ctx: AttemptContext, objectId: string): AttemptContext {
  const o = s.objects.find((x) => x.id === objectId);
  const status = ctx.objects[objectId];
  if (!o?.lot || !status) return ctx;
  const n = (status.newLots ?? 0) + 1;
  let rng = streamFor(ctx.seed, `${objectId}.lot.${n}`);
  let lot: string;
  do [lot, rng] = lotNumber(rng, o.lot);
  while (lot === status.lot);
  const next: ObjectStatus = { ...status, lot, newLots: n };
  if (o.expiry) next.expiry = expiryDate(rng, runDay(s), o.expiry.minDays, o.expiry.maxDays)[0];
  return { ...ctx, objects: { ...ctx.objects, [objectId]: next } };
}

const say = (path: string, en: string, fr: string): Problem => ({ path, message: { en, fr } });
const q = (s: string) => `"${s}"`;

/** What the schema cannot say of the run's start and of lots: a real day and time; an expiry needs a lot and the run's day. */
export function checkLots(s: Scenario): Problem[] {
  const out: Problem[] = [];
  if (s.start?.time !== undefined && !isTimeOfDay(s.start.time)) out.push(say('start.time', `${q(s.start.time)} is not a time of day written HH:MM (00:00 to 23:59)`, `${q(s.start.time)} n'est pas une heure écrite HH:MM (00:00 à 23:59)`));
  if (s.start?.day !== undefined && !isIsoDate(s.start.day)) out.push(say('start.day', `${q(s.start.day)} is not a date written YYYY-MM-DD`, `${q(s.start.day)} n'est pas une date écrite AAAA-MM-JJ`));
  s.objects.forEach((o, i) => {
    if (!o.expiry) return;
    const path = `objects[${i}].expiry`;
    if (!o.lot) out.push(say(path, `the object ${q(o.id)} has an expiry but no "lot": give it a lot prefix`, `l'objet ${q(o.id)} a une péremption mais pas de « lot » : donnez-lui un préfixe de lot`));
    if (o.expiry.minDays > o.expiry.maxDays) out.push(say(path, 'minDays is above maxDays', 'minDays est supérieur à maxDays'));
    if (s.start?.day === undefined) out.push(say(path, 'an expiry date counts from the run\'s day: give "start": { "day": "YYYY-MM-DD" }', 'une date de péremption se compte depuis le jour de la séance : indiquez "start": { "day": "AAAA-MM-JJ" }'));
    const f = o.expiry.expiredWith;
    if (f !== undefined && !s.faults.some((x) => x.id === f)) out.push(say(`${path}.expiredWith`, `no fault is called ${q(f)}`, `aucune panne ne s'appelle ${q(f)}`));
  });
  return out;
}

/** The check of one `newLot` effect. */
export function checkNewLot(s: Scenario, objectId: string, path: string): Problem[] {
  const o = s.objects.find((x) => x.id === objectId);
  if (!o) return [say(path, `no object is called ${q(objectId)}`, `aucun objet ne s'appelle ${q(objectId)}`)];
  if (!o.lot) return [say(path, `the object ${q(objectId)} has no "lot", so no new lot can be drawn for it`, `l'objet ${q(objectId)} n'a pas de « lot » : aucun nouveau lot ne peut lui être tiré`)];
  return [];
}
