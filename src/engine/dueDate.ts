/**
 * An assignment's due date ("YYYY-MM-DD", a day of the tablet's calendar):
 * the assignment is due until the end of that day on the tablet's clock, and
 * an attempt finished after it is late. A due date before today is refused
 * when the assignment is made.
 */

/** The first millisecond after the due day, on the local clock; NaN for a date that cannot be read. */
export function dueEnd(due: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(due);
  if (!m) return NaN;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1);
  return d.getTime();
}

/** The due date has passed at `now` (ms): the assignment is late from the day after the due day. */
export function isPastDue(due: string | undefined, now: number): boolean {
  if (!due) return false;
  const end = dueEnd(due);
  return !Number.isNaN(end) && now >= end;
}

/** The local day of `now` as "YYYY-MM-DD" (what a date field's `min` takes). */
export function today(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** A due date may be given on an assignment: a readable date, today or later. */
export function dueAcceptable(due: string, now: number): boolean {
  return !Number.isNaN(dueEnd(due)) && !isPastDue(due, now);
}
