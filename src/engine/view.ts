/**
 * What a screen may show of an attempt, derived from its snapshot: the room's
 * objects with their states and actions, the steps (for the modes that show
 * them), raised faults, the batch record, and each outcome with its lesson.
 * The DOM twin and the Phaser room both draw this; neither decides anything.
 */
import type { CompiledScenario, Snapshot } from './attempt';
import { BUILTIN_RULES } from './builtinRules';
import { endOf, faultStageIn, phaseIndexIn } from './compileScenario';
import { faultStage, stepOpen } from './judge';
import { declaredLook } from './look';
import { scoreOf } from './score';
import { readingKey, valueOf } from './conditions';
import type { AttemptContext, Category, Localized, ObjectAction, Outcome, Phase, RecordEntry, RoomObject, ScoreReport, Severity, StateLook } from './types';

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

export interface ObjectView {
  id: string;
  name: Localized;
  kind: string;
  at?: [number, number];
  /** The station of the room where it stands, when the scenario says. */
  station?: string;
  state: string;
  stateLabel: Localized;
  value?: number;
  unit?: string;
  decimals?: number;
  lot?: string;
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
  hint?: Localized;
  done: boolean;
  open: boolean;
  fault?: string;
}

export interface RecordView {
  entry: RecordEntry;
  filled: boolean;
  value?: number;
  wrong: boolean;
  late: boolean;
  corrections: { from?: number; to?: number; reason: string; at: number }[];
  /** Its step is done, so it may be written now. */
  due: boolean;
}

export interface OutcomeView {
  outcome: Outcome;
  title: Localized;
  explanation?: Localized;
  reason?: Localized;
  severity?: Severity;
  category?: Category;
  good: boolean;
}

export interface AttemptView {
  end: 'running' | 'closure' | 'passed' | 'failed';
  mode: Snapshot['context']['mode'];
  phase: Phase;
  phaseIndex: number;
  phaseCount: number;
  clock: number;
  objects: ObjectView[];
  steps: StepView[];
  faults: { id: string; title: Localized; announce: Localized; stage: 'raised' | 'contained' | 'documented' }[];
  record: RecordView[];
  /** What two-ended gestures have joined, in the order they were made: a tube drawn, a bottle placed in the cabinet. */
  links: { verb: string; from: string; to: string }[];
  outcomes: OutcomeView[];
  score: ScoreReport;
}

const NO_EFFECT: Localized = { fr: 'Sans effet pour le moment.', en: 'No effect for now.' };

export function explainOutcome(c: CompiledScenario, o: Outcome): OutcomeView {
  const ix = c.index;
  const base = { outcome: o, severity: o.severity, category: o.category };
  switch (o.kind) {
    case 'step': {
      const s = ix.steps.get(o.ref)!.step;
      return { ...base, title: s.title, good: true };
    }
    case 'record': {
      const e = ix.record.get(o.ref)!;
      return { ...base, title: e.label, good: o.points > 0 };
    }
    case 'violation': {
      const r = ix.rules.get(o.ref)?.rule;
      if (r) return { ...base, title: r.explanation, explanation: r.explanation, reason: r.reason, good: false };
      const b = BUILTIN_RULES[o.ref]!;
      return { ...base, title: b.explanation, explanation: b.explanation, good: false };
    }
    case 'wrong-value': {
      const s = ix.steps.get(o.ref)!.step;
      return { ...base, title: s.title, explanation: s.expect!.wrong.explanation, good: false };
    }
    case 'early': {
      const s = ix.steps.get(o.ref)!.step;
      const text = s.early?.explanation ?? c.scenario.defaults?.early?.explanation ?? BUILTIN_RULES.early!.explanation;
      return { ...base, title: s.title, explanation: text, good: false };
    }
    case 'fault-raised': {
      const f = ix.faults.get(o.ref)!;
      return { ...base, title: f.title, explanation: f.announce, good: false };
    }
    case 'fault-handled': {
      const f = ix.faults.get(o.ref)!;
      return { ...base, title: f.title, good: true };
    }
    case 'phase': {
      const p = c.scenario.phases.find((x) => x.id === o.ref)!;
      return { ...base, title: p.title, explanation: p.intro, good: true };
    }
    case 'end':
      return { ...base, title: { fr: 'Dossier de lot remis', en: 'Batch record submitted' }, good: true };
    default:
      return { ...base, title: NO_EFFECT, good: true };
  }
}

export function viewOf(c: CompiledScenario, snap: Snapshot): AttemptView {
  const ctx = snap.context;
  const ix = c.index;
  const phaseIndex = phaseIndexIn(c.scenario, snap);
  // Each fault's stage is its region's state; once the attempt has left `running` (no regions), what the context gives.
  const stages = Object.keys(ctx.raised).map((id) => ({ id, stage: faultStageIn(snap, id) ?? faultStage(ix, ctx, id) }));
  const activeFaults = stages.filter((f) => f.stage !== 'documented').map((f) => f.id);
  const alerted = new Set(activeFaults.flatMap((f) => (ix.faults.get(f)?.effects ?? []).flatMap((e) => ('set' in e ? [e.set.object] : []))));
  const objects: ObjectView[] = c.scenario.objects.map((o) => {
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
      actions: o.actions,
      readings: ix.readable.has(o.id) ? readingsOf(o, ctx) : [],
      alert: alerted.has(o.id) && st.state === stateSetBy(c, activeFaults, o.id),
      look: declaredLook(o, st.state),
    };
  });
  const steps: StepView[] = [];
  for (const id of activeFaults) {
    for (const s of ix.faults.get(id)!.steps) steps.push({ id: s.id, title: s.title, hint: s.hint, done: ctx.done[s.id] !== undefined, open: stepOpen(ix, ctx, s.id, phaseIndex), fault: id });
  }
  for (const id of ix.stepsByPhase[phaseIndex] ?? []) {
    const s = ix.steps.get(id)!.step;
    steps.push({ id, title: s.title, hint: s.hint, done: ctx.done[id] !== undefined, open: stepOpen(ix, ctx, id, phaseIndex) });
  }
  const record: RecordView[] = c.scenario.record
    .filter((e) => {
      const s = ix.steps.get(e.after);
      return s?.fault === undefined || ctx.raised[s.fault] !== undefined;
    })
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
    end: endOf(snap),
    mode: ctx.mode,
    phase: c.scenario.phases[phaseIndex]!,
    phaseIndex,
    phaseCount: c.scenario.phases.length,
    clock: ctx.clock,
    objects,
    steps,
    faults: stages.map(({ id, stage }) => {
      const f = ix.faults.get(id)!;
      return { id, title: f.title, announce: f.announce, stage: stage === 'quiet' ? 'raised' : stage };
    }),
    record,
    links: ctx.outcomes.flatMap((o) => (o.kind === 'step' && o.with !== undefined && o.target !== undefined ? [{ verb: o.verb ?? '', from: o.target, to: o.with }] : [])),
    outcomes: ctx.outcomes.map((o) => explainOutcome(c, o)),
    score: scoreOf(ix, ctx),
  };
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
