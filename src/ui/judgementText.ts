/**
 * The words of a judgement, in the reader's language, from the engine's
 * view: what the latest judgement over the room, the log, the debrief and the
 * instructor's replay say of an outcome (too early: what comes first; a wrong
 * record value: written against displayed; blanks: which entries), the
 * debrief's score table and its conclusion on the batch record. Strings only,
 * no page: unit-tested in French and English. What may be seen was decided
 * by the view (view.ts showsFor); nothing here hides or adds a fact.
 */
import type { Localized } from '../engine/types';
import type { AttemptView, ObjectView, OutcomeView, ReadingView, RecordGaps, ValueCompared, WaitingFor } from '../engine/view';
import type { ScoreBreakdown } from '../engine/score';
import { formatNumber, t, tr, unitShown } from '../i18n';
import { showEntry } from './recordFormat';

export type Described = {
  title: string;
  /** What comes first (too early): one line each, under "First:". */
  first?: string[];
  /** The same, short, for the judgement over the room: names only (no hint), at most two lines, the rest in the log. */
  firstShort?: string[];
  /** Facts of the judgement: the values compared, the entries concerned. */
  lines?: string[];
  detail?: string;
  reason?: string;
  tone: 'good' | 'bad' | 'info';
};

/** A scenario text in quotes, as the language writes them. */
export const quoted = (text: Localized | string) => t('outcome.quote', { text: typeof text === 'string' ? text : tr(text) });

/** Names one after the other (a comma, no word: every word on screen comes from the translations). */
const listOf = (items: string[]) => items.join(', ');

/** A value with its unit, with the display's decimals. */
export function showValue(value: number, r?: Pick<ReadingView, 'unit' | 'decimals'>): string {
  return `${formatNumber(value, r?.decimals)}${r?.unit ? ` ${unitShown(r.unit)}` : ''}`;
}

export function describeOutcome(o: OutcomeView, objects: readonly ObjectView[] = []): Described {
  const out = o.outcome;
  const penalty = out.penalty > 0 ? ` (${t('outcome.penalty', { count: out.penalty })})` : '';
  switch (out.kind) {
    case 'step':
      return { title: t('outcome.step', { title: tr(o.title) }), tone: 'good' };
    case 'record':
      return { title: t('outcome.record', { title: tr(o.title) }), tone: o.good ? 'good' : 'info' };
    case 'violation':
      // the entry, if any, is said in the lines below
      return { title: mistakeName(o, false) + penalty, ...withLines(recordLines(o)), detail: tr(o.explanation), reason: o.reason ? tr(o.reason) : undefined, tone: 'bad' };
    case 'wrong-value':
      return { title: t('outcome.wrongValue') + penalty, detail: tr(o.explanation), tone: 'bad' };
    case 'early': {
      const first = o.waitingFor ? firstLines(o.waitingFor) : [];
      const names = o.waitingFor ? firstLines(o.waitingFor, false) : [];
      const firstShort = names.length > 2 ? [names[0]!, t('outcome.firstMore', { count: names.length - 1 })] : names;
      return { title: t('outcome.early', { title: tr(o.title) }) + penalty, ...(first.length ? { first, firstShort } : {}), detail: tr(o.explanation), tone: 'bad' };
    }
    case 'fault-raised':
      return { title: t('outcome.faultRaised', { title: tr(o.title) }), detail: tr(o.explanation), tone: 'bad' };
    case 'fault-handled':
      return { title: t('outcome.faultHandled', { title: tr(o.title) }), tone: 'good' };
    case 'phase':
      return { title: t('outcome.phase', { title: tr(o.title) }), detail: o.explanation ? tr(o.explanation) : undefined, tone: 'info' };
    case 'reading':
      return { title: readingText(o, objects), tone: 'info' };
    case 'end':
      return { title: t('outcome.end'), tone: 'info' };
    default:
      return { title: t('outcome.noEffect'), tone: 'info' };
  }
}

const withLines = (lines: string[]) => (lines.length ? { lines } : {});

/** What comes first, one line each: the steps by name and place, a fault's by its fault, an earlier phase as a phase; the hint after, where the view gives one (and `hints`). */
export function firstLines(w: WaitingFor, hints = true): string[] {
  const phases = w.phases.map((p) => t('outcome.firstPhase', { number: p.number, title: quoted(p.title), left: p.left }));
  const steps = w.steps.map((s) => {
    const name = s.fault
      ? t('outcome.firstFaultStep', { title: quoted(s.title), fault: quoted(s.fault) })
      : s.number
        ? t('outcome.firstStep', { title: quoted(s.title), number: s.number })
        : quoted(s.title);
    return s.hint && hints ? `${name} — ${tr(s.hint)}` : name;
  });
  // a fault is answered before anything else, an earlier phase finished before the steps of the next
  return [...steps.filter((_, i) => w.steps[i]!.fault), ...phases, ...steps.filter((_, i) => !w.steps[i]!.fault)];
}

/** A record mistake's facts: the value written against the value displayed, or the entries concerned, or the entry. */
function recordLines(o: OutcomeView): string[] {
  if (o.values && o.entry) return [valuesLine(o.entry, o.values)];
  if (o.entries?.length) return [t('outcome.entries', { list: listOf(o.entries.map(quoted)) })];
  if (o.entry) return [t('outcome.entry', { entry: quoted(o.entry) })];
  return [];
}

/** The digits a number was typed with (never fewer shown than typed). */
const decimalsOf = (n: number) => {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : Math.min(6, s.length - dot - 1);
};

/** "Hand-wash time (s): written 54 s, displayed 45 s (Sink)", numbers as the language writes them. */
export function valuesLine(entry: Localized, v: ValueCompared): string {
  const unit = v.unit ? ` ${unitShown(v.unit)}` : '';
  // a text, date or time as the record writes it (a date DD/MM/YYYY), quoted so spaces and case show
  const shown = (x: number | string, decimals?: number) =>
    typeof x === 'number' ? `${formatNumber(x, decimals)}${unit}` : v.kind && v.kind !== 'text' ? showEntry(v.kind, x) : quoted(x);
  const written = v.written !== undefined ? shown(v.written, typeof v.written === 'number' ? Math.max(v.decimals ?? 0, decimalsOf(v.written)) : undefined) : '—';
  const expected = v.expected !== undefined ? shown(v.expected, v.decimals) : '—';
  if (!v.instrument) return t('outcome.valueExpected', { entry: tr(entry), written, expected });
  const instrument = v.reading ? `${tr(v.instrument)} — ${tr(v.reading)}` : tr(v.instrument);
  return t('outcome.valueShown', { entry: tr(entry), written, expected, instrument });
}

/** "Balance B-02 shows 200.06 g", from the value the trainee read (kept in the view). */
export function readingText(o: OutcomeView, objects: readonly ObjectView[]): string {
  const key = o.outcome.ref;
  const obj = objects.find((x) => x.id === o.outcome.target);
  const r = obj?.readings.find((x) => x.key === key);
  const read = r?.read;
  const name = obj ? tr(obj.name) + (r?.label ? ` — ${tr(r.label)}` : '') : key;
  // a display read before it showed anything says so
  const blank = !read || r?.value === undefined;
  return blank ? t('outcome.readingBlank', { name }) : t('outcome.reading', { name, value: showValue(read!.value, r) });
}

/** A broken rule in a few words: a built-in rule by its name, a scenario's by the gesture or the entry it was about. */
function mistakeName(o: OutcomeView, withEntry: boolean): string {
  const key = o.outcome.critical ? 'outcome.criticalOf' : 'outcome.violationOf';
  const entry = withEntry && o.entry ? quoted(o.entry) : undefined;
  if (o.rule) return t(key, { what: entry ? `${tr(o.rule)} — ${entry}` : tr(o.rule) });
  if (o.gesture) return t(key, { what: `${tr(o.gesture.object)} — ${tr(o.gesture.action)}${o.gesture.with ? ` → ${tr(o.gesture.with)}` : ''}` });
  if (entry) return t(key, { what: entry });
  return o.outcome.critical ? t('outcome.critical') : t('outcome.violation');
}

/** A mistake in a few words, for a line of the score table: what was done, where. */
export function penaltyLabel(o: OutcomeView): string {
  if (o.outcome.kind === 'early') return t('outcome.early', { title: tr(o.title) });
  if (o.outcome.kind === 'wrong-value') return t('outcome.wrongValueOf', { title: tr(o.title) });
  return mistakeName(o, true);
}

export interface ScoreTable {
  /** « Points gagnés 89 / 115 → 77 ; pénalités −25 → 52 » */
  summary: string;
  rows: { label: string; points: string }[];
  total: { label: string; points: string };
  /** The critical mistake that failed the attempt whatever the score. */
  critical?: string;
}

/** The debrief's score table, from the view's breakdown. */
export function scoreTable(b: ScoreBreakdown<OutcomeView>): ScoreTable {
  const n = (x: number) => formatNumber(x);
  const category = (o: OutcomeView) => [o.category ? t(`category.${o.category}`) : null, o.severity ? t(`severity.${o.severity}`) : null].filter(Boolean).join(', ');
  const rows = [
    { label: t('debrief.breakdown.earned', { earned: n(b.earned), possible: n(b.possible) }), points: n(b.base) },
    ...b.penalties.map((o) => ({ label: `${penaltyLabel(o)}${category(o) ? ` (${category(o)})` : ''}`, points: `−${n(o.outcome.penalty)}` })),
  ];
  if (!b.penalties.length) rows.push({ label: t('debrief.breakdown.noPenalty'), points: '0' });
  return {
    summary: t('debrief.breakdown.summary', { earned: n(b.earned), possible: n(b.possible), base: n(b.base), penalties: n(b.penaltyTotal), total: n(b.total) }),
    rows,
    total: { label: `${t('debrief.breakdown.score')}${b.clamped ? ` ${t('debrief.breakdown.clamped')}` : ''}`, points: `${n(b.total)}/100` },
    ...(b.critical ? { critical: t('debrief.breakdown.critical', { what: penaltyLabel(b.critical) }) } : {}),
  };
}

/** The gaps of a record that passed, one line per kind: what the debrief says instead of praising the record. */
export function gapLines(g: RecordGaps): string[] {
  const names = (list: RecordGaps['blank']) => listOf(list.map((e) => quoted(e.label)));
  return [
    g.blank.length ? t('debrief.gaps.blank', { list: names(g.blank) }) : null,
    g.wrong.length ? t('debrief.gaps.wrong', { list: names(g.wrong) }) : null,
    g.late.length ? t('debrief.gaps.late', { list: names(g.late) }) : null,
  ].filter((x): x is string => x !== null);
}

/** The running score in the HUD, where the reader may see it. */
export const hudScore = (v: Pick<AttemptView, 'shows' | 'score'>) => (v.shows.score ? t('play.penalties', { count: v.score.penalties }) : t('play.scoreHidden'));
