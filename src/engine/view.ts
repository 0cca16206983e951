/**
 * What a screen may show of an attempt, derived from its snapshot: the room's
 * objects with their states and actions, the steps, raised faults, the batch
 * record, each outcome with its lesson, how the score is made, and what the
 * audience may see of it all (`shows`: hints, steps, judgements, score, as
 * the mode and the reader decide). The DOM twin and the Phaser room both
 * draw this; neither decides anything.
 */
import type { CompiledScenario, Snapshot } from './attempt';
import { BUILTIN_RULES } from './builtinRules';
import { endOf, faultStageIn, phaseIndexIn } from './compileScenario';
import { DECISION_TITLE, stillCounts } from './ending';
import { doneBefore, expectedEntries, faultStage, phaseHolds, stepOpen } from './judge';
import { actionKey } from './scenarioIndex';
import { declaredLook, isAbsent } from './look';
import { timeAfter } from './calendar';
import { startTime } from './recordText';
import { scoreBreakdown, scoreOf, type ScoreBreakdown } from './score';
import { readingKey, readingOf, valueOf } from './conditions';
import { isMistake, isTextKind, type RecordStatus, type TextKind, type AttemptContext, type Category, type Decision, type Expr, type Localized, type Mode, type ObjectAction, type Outcome, type OutcomeKind, type Phase, type RecordEntry, type RoomObject, type ScoreReport, type Severity, type StateLook } from './types';

/**
 * Who reads the view: the trainee playing (in the attempt's mode), or the
 * instructor replaying the attempt, who sees the play screen as the trainee
 * saw it while playing (README, "Relecture": the trainee's own view).
 */
export type Audience = 'trainee' | 'instructor';

/** What the reader may see now. */
export interface Shows {
  /** The steps' hints (and a hint as the reason a missing step comes first). */
  hints: boolean;
  /** The list of the phase's steps (and the steps a judgement "too early" names). */
  steps: boolean;
  /** Each judgement as it happens: steps done, record entries, mistakes, a wrong or late entry flagged. */
  judgements: boolean;
  /** The running score (penalties so far). */
  score: boolean;
}

export const SHOWS_ALL: Shows = { hints: true, steps: true, judgements: true, score: true };

/**
 * Discovery and training show everything. Assessment shows no hint, no step
 * list, no judgement and no score while the trainee plays; its debrief (the
 * attempt over, for the trainee) shows the judgements, the steps they name
 * and the score, still no hint. The instructor's replay shows what the
 * trainee saw while playing.
 */
export function showsFor(mode: Mode, audience: Audience, end: AttemptView['end']): Shows {
  if (mode !== 'assessment') return SHOWS_ALL;
  const debrief = audience === 'trainee' && (end === 'passed' || end === 'failed');
  return { hints: false, steps: debrief, judgements: debrief, score: debrief };
}

/** The outcomes that judge the trainee (a step done, a record entry, a mistake): hidden where judgements are. */
export const isJudgement = (kind: OutcomeKind) => isMistake(kind) || kind === 'step' || kind === 'record';

/**
 * One value an instrument's display shows. The twin shows it only once the
 * trainee has read it (`read`); the room draws the live value on the display.
 */
export interface ReadingView {
  /** What a read event names: the object, or "<object>.<reading>". */
  key: string;
  /** The named reading, when the object has several. */
  reading?: string;
  label?: Localized;
  unit?: string;
  decimals?: number;
  /** The live value (for the room's drawing only, never printed in the twin). */
  value?: number;
  /** What the trainee read, when, and whether the display still shows it. */
  read?: { value: number; at: number; current: boolean };
}

/** An object as the scenario places it (id, name, kind, place, station, current state), and what the screen shows of it. */
export interface ObjectView extends Pick<RoomObject, 'id' | 'name' | 'kind' | 'at' | 'station' | 'state'> {
  stateLabel: Localized;
  value?: number;
  unit?: string;
  decimals?: number;
  lot?: string;
  /** Its lot's expiry date, YYYY-MM-DD. */
  expiry?: string;
  actions: ObjectAction[];
  /** Its display, when it has one to read: its own value and its named readings. */
  readings: ReadingView[];
  /** A fault has changed it and is not answered yet (alarm, tear…). */
  alert: boolean;
  /**
   * How the current state looks, as the scenario declares it: undefined when
   * the object declares no `looks` (the room then guesses from the state
   * name); an empty look when its `looks` leave this state out.
   */
  look?: StateLook;
}

export interface StepView {
  id: string;
  title: Localized;
  /** Its place in its phase's list (1 for the first); a fault's step has none. */
  number?: number;
  hint?: Localized;
  done: boolean;
  open: boolean;
  /** Done once, then reopened by a fault (`redo`): to be done again. */
  redo?: boolean;
  fault?: string;
}

export interface RecordView {
  entry: RecordEntry;
  filled: boolean;
  /** A number, or the text, date (YYYY-MM-DD) or time (HH:MM) of such an entry. */
  value?: number | string;
  wrong: boolean;
  late: boolean;
  corrections: RecordStatus['corrections'];
  /** Its step is done, so it may be written now. */
  due: boolean;
}

/** What a step tried too early waits for, as the reader may see it. */
export interface WaitingFor {
  /** Steps to do first, named: those of the step's own phase, and of a raised fault. */
  steps: {
    id: string;
    title: Localized;
    /** Its place in its phase's list (1 for the first). */
    number?: number;
    /** The fault it answers. */
    fault?: Localized;
    /** The scenario's hint for it, where hints show: why and how it is done. */
    hint?: Localized;
  }[];
  /** Earlier phases not finished yet: their place (1 for the first), title and steps left. */
  phases: { number: number; title: Localized; left: number }[];
}

/** A batch-record value judged inaccurate: what was written against what the record expected. */
export interface ValueCompared {
  /** A number, or the text, date (YYYY-MM-DD) or time (HH:MM) of such an entry (its kind says which). */
  written?: number | string;
  expected?: number | string;
  /** The entry's kind, for a text, date or time: how the screen writes the values. */
  kind?: TextKind;
  unit?: string;
  /** The instrument's decimals, when the entry copies one instrument's display. */
  decimals?: number;
  /** The instrument (and its reading) the entry copies, when it copies one directly. */
  instrument?: Localized;
  reading?: Localized;
}

export interface OutcomeView {
  outcome: Outcome;
  title: Localized;
  explanation?: Localized;
  reason?: Localized;
  severity?: Severity;
  category?: Category;
  good: boolean;
  /** The reader may see it now (a judgement hidden in assessment is not). */
  shown: boolean;
  /** A mistake on an object: the object and the action made. */
  gesture?: { object: Localized; action: Localized; with?: Localized };
  /** A mistake on a batch-record entry: its label. */
  entry?: Localized;
  /** A built-in rule broken: its name in a few words (a scenario's rules have none: their explanation speaks). */
  rule?: Localized;
  /** Too early: what comes first. */
  waitingFor?: WaitingFor;
  /** An inaccurate record value: written and expected. */
  values?: ValueCompared;
  /** Blanks or uncorrected values at submission: the entries' labels. */
  entries?: Localized[];
}

/** The record's faults at the end: entries left blank, wrong values not corrected, entries written late. */
export interface RecordGaps {
  blank: RecordEntry[];
  wrong: RecordEntry[];
  late: RecordEntry[];
}

export interface AttemptView {
  end: 'running' | 'closure' | 'passed' | 'failed';
  mode: Snapshot['context']['mode'];
  phase: Phase;
  phaseIndex: number;
  phaseCount: number;
  clock: number;
  /** The simulated clock as a time of day (HH:MM), from the scenario's start time: what a time record entry copies. */
  timeOfDay: string;
  /** The objects in the room now, in the scenario's order: one whose state looks `absent` is left out until an effect brings it. */
  objects: ObjectView[];
  steps: StepView[];
  faults: { id: string; title: Localized; announce: Localized; stage: 'raised' | 'contained' | 'documented' }[];
  record: RecordView[];
  /** What two-ended gestures have joined, in the order they were made: a tube drawn, a bottle placed in the cabinet. */
  links: { verb: string; from: string; to: string }[];
  outcomes: OutcomeView[];
  score: ScoreReport;
  /** What this reader may see (see showsFor). */
  shows: Shows;
  /** How the score is made: points, each penalty, the critical rule. */
  breakdown: ScoreBreakdown<OutcomeView>;
  /** The batch record's gaps; the debrief praises a record only when it has none. */
  recordGaps: RecordGaps;
  /** The decision that ended the procedure (a fault's `ending`), with why it was right; null otherwise. */
  decision: { decision: Decision; fault: string; title: Localized; debrief: Localized } | null;
}

const NO_EFFECT: Localized = { fr: 'Sans effet pour le moment.', en: 'No effect for now.' };

/** An outcome with its lesson, as the reader may see it (everything by default: the instructor's timeline, the results). */
/**
 * Each outcome explained once per compiled scenario and audience: an
 * attempt's outcomes only ever grow, and the view of every event explained
 * them all again (a long attempt's screen slowed with its history). This
 * holds because the judge never changes an outcome once pushed: it builds
 * a new context with new outcomes.
 */
const explainedOf = new WeakMap<CompiledScenario, WeakMap<Outcome, Map<string, OutcomeView>>>();

export function explainOutcome(c: CompiledScenario, o: Outcome, shows: Shows = SHOWS_ALL): OutcomeView {
  let byOutcome = explainedOf.get(c);
  if (!byOutcome) explainedOf.set(c, (byOutcome = new WeakMap()));
  let byShows = byOutcome.get(o);
  if (!byShows) byOutcome.set(o, (byShows = new Map()));
  const key = `${+shows.hints}${+shows.steps}${+shows.judgements}${+shows.score}`;
  let view = byShows.get(key);
  if (!view) byShows.set(key, (view = explain(c, o, shows)));
  return view;
}

function explain(c: CompiledScenario, o: Outcome, shows: Shows): OutcomeView {
  const base = { outcome: o, severity: o.severity, category: o.category, shown: shows.judgements || !isJudgement(o.kind), ...details(c, o, shows) };
  return { ...base, ...lesson(c, o) };
}

function lesson(c: CompiledScenario, o: Outcome): Pick<OutcomeView, 'title' | 'explanation' | 'reason' | 'good'> {
  const ix = c.index;
  switch (o.kind) {
    case 'step': {
      const s = ix.steps.get(o.ref)!.step;
      return { title: s.title, good: true };
    }
    case 'record': {
      const e = ix.record.get(o.ref)!;
      return { title: e.label, good: o.points > 0 };
    }
    case 'violation': {
      const r = ix.rules.get(o.ref)?.rule;
      if (r) return { title: r.explanation, explanation: r.explanation, reason: r.reason, good: false };
      const b = BUILTIN_RULES[o.ref]!;
      return { title: b.explanation, explanation: b.explanation, good: false };
    }
    case 'wrong-value': {
      const s = ix.steps.get(o.ref)!.step;
      return { title: s.title, explanation: s.expect!.wrong.explanation, good: false };
    }
    case 'early': {
      const s = ix.steps.get(o.ref)!.step;
      const text = s.early?.explanation ?? c.scenario.defaults?.early?.explanation ?? BUILTIN_RULES.early!.explanation;
      return { title: s.title, explanation: text, good: false };
    }
    case 'fault-raised': {
      const f = ix.faults.get(o.ref)!;
      return { title: f.title, explanation: f.announce, good: false };
    }
    case 'fault-handled': {
      const f = ix.faults.get(o.ref)!;
      return { title: f.title, good: true };
    }
    case 'phase': {
      const p = c.scenario.phases.find((x) => x.id === o.ref)!;
      return { title: p.title, explanation: p.intro, good: true };
    }
    case 'decision': {
      const f = ix.faults.get(o.ref)!;
      return { title: DECISION_TITLE[f.ending!.decision], explanation: f.ending!.debrief, good: true };
    }
    case 'end':
      return { title: { fr: 'Dossier de lot remis', en: 'Batch record submitted' }, good: true };
    default:
      return { title: NO_EFFECT, good: true };
  }
}

/** What an outcome names beyond its lesson: the gesture or entry, what comes first, the values, the entries. */
function details(c: CompiledScenario, o: Outcome, shows: Shows): Partial<OutcomeView> {
  const ix = c.index;
  const out: Partial<OutcomeView> = {};
  if (o.kind === 'violation' && !ix.rules.has(o.ref) && BUILTIN_RULES[o.ref]) out.rule = BUILTIN_RULES[o.ref]!.title;
  if (o.kind === 'violation' && o.target !== undefined) {
    const object = ix.objects.get(o.target);
    const action = o.verb !== undefined ? ix.actions.get(actionKey(o.verb, o.target)) : undefined;
    const other = o.with !== undefined ? ix.objects.get(o.with) : undefined;
    if (object && action) out.gesture = { object: object.name, action: action.label, ...(other ? { with: other.name } : {}) };
    const entry = ix.record.get(o.target);
    if (entry) out.entry = entry.label;
    if (entry && (o.written !== undefined || o.expected !== undefined)) out.values = compared(c, entry, o);
  }
  if (o.entries) out.entries = o.entries.flatMap((id) => (ix.record.get(id) ? [ix.record.get(id)!.label] : []));
  if (o.kind === 'early' && o.missing?.length && shows.steps) out.waitingFor = waitingFor(c, o.ref, o.missing, shows);
  return out;
}

function waitingFor(c: CompiledScenario, stepId: string, missing: string[], shows: Shows): WaitingFor {
  const ix = c.index;
  const own = ix.steps.get(stepId)?.phase;
  const result: WaitingFor = { steps: [], phases: [] };
  for (const id of missing) {
    const s = ix.steps.get(id);
    if (!s) continue;
    if (s.phase !== undefined && own !== undefined && s.phase < own) {
      // a step of an earlier phase: said as its phase
      const p = result.phases.find((x) => x.number === s.phase! + 1);
      if (p) p.left++;
      else result.phases.push({ number: s.phase + 1, title: c.scenario.phases[s.phase]!.title, left: 1 });
      continue;
    }
    const number = s.phase !== undefined ? (ix.stepsByPhase[s.phase] ?? []).indexOf(id) + 1 : undefined;
    const fault = s.fault !== undefined ? ix.faults.get(s.fault)?.title : undefined;
    result.steps.push({
      id,
      title: s.step.title,
      ...(number ? { number } : {}),
      ...(fault ? { fault } : {}),
      ...(shows.hints && s.step.hint ? { hint: s.step.hint } : {}),
    });
  }
  return result;
}

/** The value written against the value expected; when the entry copies one display, that instrument, its unit and decimals. */
function compared(c: CompiledScenario, entry: RecordEntry, o: Outcome): ValueCompared {
  if (isTextKind(entry.kind)) {
    return { ...(o.written !== undefined ? { written: o.written } : {}), ...(o.expected !== undefined ? { expected: o.expected } : {}), kind: entry.kind };
  }
  const source = copiedDisplay(entry.value);
  const object = source ? c.index.objects.get(source.object) : undefined;
  const reading = source?.reading !== undefined ? object?.readings?.find((r) => r.id === source.reading) : undefined;
  const decimals = reading ? reading.decimals : object?.decimals;
  return {
    ...(o.written !== undefined ? { written: o.written } : {}),
    ...(o.expected !== undefined ? { expected: o.expected } : {}),
    ...(entry.unit ? { unit: entry.unit } : {}),
    ...(object && decimals !== undefined ? { decimals } : {}),
    ...(object ? { instrument: object.name } : {}),
    ...(reading ? { reading: reading.label } : {}),
  };
}

/** The display a record value copies as it is (`{ "value": "balance" }`, `{ "value": "console.ph" }`); none for a computed value. */
function copiedDisplay(e: Expr | undefined): { object: string; reading?: string } | undefined {
  return e !== undefined && typeof e === 'object' && 'value' in e ? readingOf(e.value) : undefined;
}

/**
 * How the debrief concludes. A pass with gaps in its batch record is not told
 * the scenario's `passed` text, which may praise a complete record: the
 * debrief names the gaps instead. Null while the attempt runs.
 */
export type Conclusion = 'passed' | 'passed-with-gaps' | 'decided' | 'failed' | 'critical';

/** … A pass that ended on a correct decision (`decided`) is told why the decision was right, not the scenario's `passed` text (which tells the whole procedure done). */
export function conclusionOf(v: Pick<AttemptView, 'end' | 'score' | 'recordGaps'> & { decision?: AttemptView['decision'] }): Conclusion | null {
  if (v.end !== 'passed' && v.end !== 'failed') return null;
  if (v.score.critical) return 'critical';
  if (v.end === 'failed') return 'failed';
  const g = v.recordGaps;
  if (g.blank.length || g.wrong.length || g.late.length) return 'passed-with-gaps';
  return v.decision ? 'decided' : 'passed';
}

/**
 * The scenario's `outro` tells what happens once the procedure is over ("the
 * bag now waits in quarantine…"): true only when the trainee took it to its
 * end and passed. After a critical stop, a fail or a decision that ended the
 * procedure early, that next step never happened, and the debrief does not
 * describe it.
 */
export const showsOutro = (c: Conclusion | null): boolean => c === 'passed' || c === 'passed-with-gaps';

/** Entries of the run left blank, wrong and not corrected, or written late. */
export function recordGaps(c: CompiledScenario, ctx: AttemptContext): RecordGaps {
  const entries = expectedEntries(c.index, ctx);
  return {
    blank: entries.filter((e) => !ctx.record[e.id]),
    wrong: entries.filter((e) => ctx.record[e.id]?.wrong),
    late: entries.filter((e) => ctx.record[e.id]?.late),
  };
}

export function viewOf(c: CompiledScenario, snap: Snapshot, audience: Audience = 'trainee'): AttemptView {
  const ctx = snap.context;
  const ix = c.index;
  const end = endOf(snap);
  const shows = showsFor(ctx.mode, audience, end);
  const outcomes = ctx.outcomes.map((o) => explainOutcome(c, o, shows));
  // an outcome's seq is its place in the list: the breakdown shows the same explained outcomes
  const explained = (o: Outcome) => outcomes[o.seq]!;
  const score = scoreOf(ix, ctx);
  const breakdown = scoreBreakdown(ix, ctx, score);
  const phaseIndex = phaseIndexIn(c.scenario, snap);
  // Each fault's stage is its region's state; once the attempt has left `running` (no regions), what the context gives.
  const stages = Object.keys(ctx.raised).map((id) => ({ id, stage: faultStageIn(snap, id) ?? faultStage(ix, ctx, id) }));
  const activeFaults = stages.filter((f) => f.stage !== 'documented').map((f) => f.id);
  const alerted = new Set(activeFaults.flatMap((f) => (ix.faults.get(f)?.effects ?? []).flatMap((e) => ('set' in e ? [e.set.object] : []))));
  // an object absent now (a spill not spilt yet) is not in the room: neither drawn nor listed
  const objects: ObjectView[] = c.scenario.objects.filter((o) => !isAbsent(o, ctx.objects[o.id]!.state)).map((o) => {
    const st = ctx.objects[o.id]!;
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      at: o.at,
      ...(o.station ? { station: o.station } : {}),
      state: st.state,
      stateLabel: o.states[st.state] ?? { fr: st.state, en: st.state },
      value: st.value,
      unit: o.unit,
      decimals: o.decimals,
      lot: st.lot,
      ...(st.expiry ? { expiry: st.expiry } : {}),
      actions: o.actions,
      readings: ix.readable.has(o.id) ? readingsOf(o, ctx) : [],
      alert: alerted.has(o.id) && st.state === stateSetBy(c, activeFaults, o.id),
      look: declaredLook(o, st.state),
    };
  });
  const hintOf = (s: { hint?: Localized }) => (shows.hints && s.hint ? { hint: s.hint } : {});
  const steps: StepView[] = [];
  for (const id of activeFaults) {
    // a step bound to a later phase (the investigation meeting) is listed once the procedure gets there
    for (const s of ix.faults.get(id)!.steps) if ((ix.steps.get(s.id)!.phase ?? 0) <= phaseIndex) steps.push({ id: s.id, title: s.title, ...hintOf(s), done: ctx.done[s.id] !== undefined, open: stepOpen(ix, ctx, s.id, phaseIndex), fault: id });
  }
  // once a decision has ended the procedure, its steps not done are no longer to do
  (ix.stepsByPhase[phaseIndex] ?? []).filter((id) => stillCounts(ctx, id)).forEach((id, i) => {
    const s = ix.steps.get(id)!.step;
    const done = ctx.done[id] !== undefined;
    steps.push({ id, title: s.title, number: i + 1, ...hintOf(s), done, open: stepOpen(ix, ctx, id, phaseIndex), ...(!done && doneBefore(ctx, id) ? { redo: true } : {}) });
  });
  const record: RecordView[] = expectedEntries(ix, ctx)
    .map((entry) => {
      const r = ctx.record[entry.id];
      return {
        entry,
        filled: !!r,
        value: r?.value,
        wrong: r?.wrong ?? false,
        late: r?.late ?? false,
        corrections: r?.corrections ?? [],
        due: ctx.done[entry.after] !== undefined,
      };
    });
  return {
    end,
    mode: ctx.mode,
    phase: c.scenario.phases[phaseIndex]!,
    phaseIndex,
    phaseCount: c.scenario.phases.filter((_, i) => phaseInAttempt(c, ctx, i)).length,
    clock: ctx.clock,
    timeOfDay: timeAfter(startTime(c.scenario), ctx.clock),
    objects,
    steps,
    faults: stages.map(({ id, stage }) => {
      const f = ix.faults.get(id)!;
      return { id, title: f.title, announce: f.announce, stage: stage === 'quiet' ? 'raised' : stage };
    }),
    record,
    links: ctx.outcomes.flatMap((o) => (o.kind === 'step' && o.with !== undefined && o.target !== undefined ? [{ verb: o.verb ?? '', from: o.target, to: o.with }] : [])),
    outcomes,
    score,
    shows,
    breakdown: { ...breakdown, penalties: breakdown.penalties.map(explained), critical: breakdown.critical && explained(breakdown.critical) },
    recordGaps: recordGaps(c, ctx),
    decision: decisionOf(c, ctx),
  };
}

/**
 * The phase is one this attempt goes through: it has steps of the procedure,
 * or steps bound to it by the attempt's fault or a fault raised (a phase that
 * holds only another fault's steps is passed over, judge.ts phaseHolds).
 */
function phaseInAttempt(c: CompiledScenario, ctx: AttemptContext, phase: number): boolean {
  if (phaseHolds(c.index, ctx, phase)) return true;
  const f = ctx.fault ? c.index.faults.get(ctx.fault) : undefined;
  return !!f && f.steps.some((s) => c.index.steps.get(s.id)!.phase === phase);
}

function decisionOf(c: CompiledScenario, ctx: AttemptContext): AttemptView['decision'] {
  const f = ctx.ending ? c.index.faults.get(ctx.ending.fault) : undefined;
  return f?.ending ? { decision: f.ending.decision, fault: f.id, title: DECISION_TITLE[f.ending.decision], debrief: f.ending.debrief } : null;
}

function readingsOf(o: RoomObject, ctx: AttemptContext): ReadingView[] {
  const show = (key: string, base: Omit<ReadingView, 'key' | 'read' | 'value'>): ReadingView => {
    const value = valueOf(ctx, key);
    const r = ctx.read?.[key];
    return { key, ...base, ...(value !== undefined ? { value } : {}), ...(r ? { read: { ...r, current: r.value === value } } : {}) };
  };
  const named = (o.readings ?? []).map((r) => show(readingKey(o.id, r.id), { reading: r.id, label: r.label, unit: r.unit, decimals: r.decimals }));
  const own = o.value !== undefined || ctx.objects[o.id]?.value !== undefined || !named.length ? [show(o.id, { unit: o.unit, decimals: o.decimals })] : [];
  return [...own, ...named];
}

function stateSetBy(c: CompiledScenario, faults: string[], objectId: string): string | undefined {
  for (const f of faults) {
    for (const e of c.index.faults.get(f)?.effects ?? []) if ('set' in e && e.set.object === objectId) return e.set.state;
  }
  return undefined;
}
