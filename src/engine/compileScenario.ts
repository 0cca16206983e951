/**
 * Compiles a validated scenario into an xstate v5 machine that reads like the
 * SOP: one state per phase of the procedure, holding the transitions of its
 * own steps; one parallel region per fault (quiet → raised → contained →
 * documented); then closure (the batch record is reviewed and submitted) and
 * the end, passed or failed. Each rule of the scenario is one guarded
 * transition with a named guard and action.
 *
 * How one action is judged, first answer wins (scenarios/README.md §5):
 *   1. the rules that watch it, in their declared precedence (a rule before
 *      those it `overrides`: the index holds them in that order, precedence.ts),
 *   2. the steps it may do, those of raised faults first,
 *   3. too early, or no effect.
 * Before all of them, an action on an object not in the room (its look
 * `absent`) has no effect, as one on an object the room does not have.
 * xstate asks the deepest active state first, so the phase's state is asked
 * before `running`, where everything that applies to all phases lives (rules,
 * fault steps, "too early" for a phase not reached, record writes, no
 * effect). A step of the phase therefore answers only when no rule and no
 * fault step does (guard `answeredFirst`); otherwise the phase state lets the
 * action through to `running`, which judges it in the order above.
 */
import { and, assign, enqueueActions, not, setup } from 'xstate';
import { decide } from './ending';
import * as J from './judge';
import { mayBeAbsent } from './look';
import { actionKey, indexScenario, type ScenarioIndex } from './scenarioIndex';
import { scoreOf } from './score';
import { DECISIONS, forgiving, READ_VERB, type ActEvent, type AttemptContext, type Decision, type AttemptOptions, type EngineEvent, type FaultStage, type MachineEvent, type MainStep, type Scenario, type Step } from './types';

const RECORD_VERBS = ['record', 'correct', 'sign'] as const;

/** The name under which the machine receives an action. */
export const eventName = (verb: string, target: string) => `act.${verb}.${target}` as const;

/**
 * The names already made, by verb and target: an action's name is then the
 * same string each time, whose hash the machine's look-ups have kept.
 */
const names = new Map<string, Map<string, `act.${string}`>>();
function nameOf(verb: string, target: string): `act.${string}` {
  let byTarget = names.get(verb);
  if (!byTarget) names.set(verb, (byTarget = new Map()));
  let name = byTarget.get(target);
  if (name === undefined) byTarget.set(target, (name = eventName(verb, target)));
  return name;
}

/**
 * The event the machine receives for a logged event: ACT becomes
 * act.<verb>.<target>. Every field of an action named (the type asks for
 * each): one shape for every action, far faster in V8 than a spread of
 * events whose fields vary.
 */
export function machineEvent(e: EngineEvent): MachineEvent {
  if (e.type !== 'ACT') return e;
  const event: { [K in keyof Required<ActEvent>]: K extends 'type' ? `act.${string}` : ActEvent[K] } = {
    type: nameOf(e.verb, e.target), verb: e.verb, target: e.target, value: e.value, reason: e.reason, reading: e.reading, with: e.with, text: e.text,
  };
  return event;
}

/** The id of the region of a fault, beside the procedure in `running`. */
export const faultRegion = (faultId: string) => `fault-${faultId}`;

/** The event that moves a fault's region: the judge says which stage the fault has reached. */
export const faultEventName = (faultId: string) => `fault.${faultId}` as const;

function machineSetupFor(ix: ScenarioIndex) {
  const faultIds = [...ix.faults.keys()];
  /**
   * An action that judges: the context it gives, then one event for each
   * fault whose stage that changed (raised, contained, documented, or raised
   * again), which moves the fault's region. The stage is the judge's; the
   * region follows it on that event, never by watching the context.
   */
  const judging = <P extends Record<string, string>>(judge: (context: AttemptContext, event: MachineEvent, params: P) => AttemptContext) =>
    enqueueActions<AttemptContext, MachineEvent, P, MachineEvent, never, never, never, never, never>(({ context, event, enqueue }, params) => {
      const next = judge(context, event, params);
      enqueue.assign(() => next);
      // a fault's stage is read from what is raised and done: unchanged, no fault moved
      if (next.raised === context.raised && next.done === context.done) return;
      for (const id of faultIds) {
        const stage = J.faultStage(ix, next, id);
        if (stage !== J.faultStage(ix, context, id)) enqueue.raise({ type: faultEventName(id), stage });
      }
    });
  return setup({
    types: {
      context: {} as AttemptContext,
      events: {} as MachineEvent,
      input: {} as AttemptOptions,
    },
    guards: {
      ruleBroken: ({ context, event }, p: { rule: string }) => J.ruleBroken(ix, context, event, p.rule),
      failsAttempt: ({ context }) => !forgiving(context),
      answeredFirst: ({ context, event }, p: { rules: readonly string[]; faultSteps: readonly string[] }) => J.answeredFirst(ix, context, event, p.rules, p.faultSteps),
      stepDue: ({ context, event }, p: { step: string }) => J.stepDue(ix, context, event, p.step),
      stepWrongValue: ({ context, event }, p: { step: string }) => J.stepWrongValue(ix, context, event, p.step),
      stepEarly: ({ context, event }, p: { step: string }) => J.stepEarly(ix, context, event, p.step),
      stepPending: ({ context, event }, p: { step: string }) => J.stepPending(ix, context, event, p.step),
      phaseComplete: ({ context }, p: { phase: number }) => J.phaseComplete(ix, context, p.phase),
      phaseHolds: ({ context }, p: { phase: number }) => J.phaseHolds(ix, context, p.phase),
      actsOnAbsent: ({ context, event }) => J.actsOnAbsent(ix, context, event),
      faultAt: ({ event }, p: { stage: FaultStage }) => 'stage' in event && event.stage === p.stage,
      passMarkReached: ({ context }) => scoreOf(ix, context).passed,
      decided: ({ context }, p: { decision: Decision }) => context.ending?.decision === p.decision,
    },
    actions: {
      recordViolation: judging((context, event, p: { rule: string }) => J.violation(ix, context, event, p.rule)),
      completeStep: judging((context, event, p: { step: string }) => J.completeStep(ix, context, event, p.step)),
      wrongValue: judging((context, event, p: { step: string }) => J.wrongValue(ix, context, event, p.step)),
      tooEarly: judging((context, event, p: { step: string }) => J.early(ix, context, event, p.step)),
      /** A fault raised from the start (trigger atStart): its region moves as the attempt begins. */
      announceFaults: enqueueActions<AttemptContext, MachineEvent, undefined, MachineEvent, never, never, never, never, never>(({ context, enqueue }) => {
        for (const id of faultIds) {
          const stage = J.faultStage(ix, context, id);
          if (stage !== 'quiet') enqueue.raise({ type: faultEventName(id), stage });
        }
      }),
      noEffect: assign(({ context, event }) => J.noEffect(context, event)),
      readDisplay: assign(({ context, event }) => J.readDisplay(ix, context, event)),
      countHint: assign(({ context }) => J.countHint(context)),
      enterPhase: assign(({ context }, p: { id: string }) => J.enterPhase(context, p.id)),
      writeRecord: assign(({ context, event }) => J.writeRecord(ix, context, event)),
      closeRecord: assign(({ context, event }) => J.submitRecord(ix, context, event)),
      decide: assign(({ context }, p: { fault: string }) => decide(ix, context, p.fault)),
    },
  });
}

type MachineSetup = ReturnType<typeof machineSetupFor>;
type StateConfig = Parameters<MachineSetup['createStateConfig']>[0];
type On = NonNullable<StateConfig['on']>;
/** One transition of an action, as the setup types it. */
type Transition = Extract<NonNullable<On[`act.${string}`]>, { actions?: unknown }>;
type ActionName = `act.${string}`;
/** One eventless transition, as the setup types it. */
type Eventless = Extract<NonNullable<StateConfig['always']>, readonly unknown[]>[number];
type AnsweredFirst = { type: 'answeredFirst'; params: { rules: string[]; faultSteps: string[] } };

export function compileScenario(scenario: Scenario, ix: ScenarioIndex = indexScenario(scenario)) {
  const phases = scenario.phases;
  const machineSetup = machineSetupFor(ix);

  /* ---- the parts of the judgement, per action ---- */

  const rulesFor = (verb: string, target: string) =>
    [...ix.rules.values()]
      .filter(({ rule }) => (rule.on.verb === undefined || rule.on.verb === verb) && (rule.on.target === undefined || rule.on.target === target))
      .map(({ rule }) => rule);
  const ruleTransitions = (verb: string, target: string): Transition[] =>
    rulesFor(verb, target).flatMap((rule): Transition[] => {
      const broken = { type: 'ruleBroken', params: { rule: rule.id } } as const;
      const record = { type: 'recordViolation', params: { rule: rule.id } } as const;
      return rule.severity === 'critical'
        ? [{ guard: and([broken, 'failsAttempt']), actions: record, target: '#scenario.failed' }, { guard: broken, actions: record }]
        : [{ guard: broken, actions: record }];
    });
  const isAction = (verb: string, target: string) => (st: Step) => st.action.verb === verb && st.action.target === target;
  // Fault steps in file order (faults, then their steps); steps of the procedure in file order.
  // A fault's step bound to a later phase (its `phase`) is judged in that phase's state, as the phase's own steps are.
  const faultSteps = scenario.faults.flatMap((f) => f.steps).filter((st) => st.phase === undefined);
  const boundSteps = scenario.faults.flatMap((f) => f.steps).filter((st) => st.phase !== undefined);
  const stepTransitions = (st: Step, judged: 'done' | 'done-or-early', first?: AnsweredFirst): Transition[] => {
    const step = { step: st.id };
    const wrong = { type: 'stepWrongValue', params: step } as const;
    const due = { type: 'stepDue', params: step } as const;
    const early = { type: 'stepEarly', params: step } as const;
    // the step's own guard first: it rarely holds, and then whether a rule or fault step answers first is not asked
    const out: Transition[] = [
      { guard: first ? and([wrong, not(first)]) : wrong, actions: { type: 'wrongValue', params: step } },
      { guard: first ? and([due, not(first)]) : due, actions: { type: 'completeStep', params: step } },
    ];
    if (judged === 'done-or-early') out.push({ guard: first ? and([early, not(first)]) : early, actions: { type: 'tooEarly', params: step } });
    return out;
  };
  /** On `running`: the steps of raised faults, then "too early" for a step whose phase has not come. */
  const faultStepTransitions = (verb: string, target: string): Transition[] => faultSteps.filter(isAction(verb, target)).flatMap((st) => stepTransitions(st, 'done'));
  const aheadTransitions = (verb: string, target: string): Transition[] =>
    [...boundSteps, ...scenario.steps].filter(isAction(verb, target)).map((st) => ({ guard: { type: 'stepPending', params: { step: st.id } }, actions: { type: 'tooEarly', params: { step: st.id } } }));
  /**
   * In a phase's state: its own steps of this action, each done, given a
   * wrong value, or early (what it requires not done); first those of faults
   * bound to it (or to an earlier phase: a fault raised by a rule once that
   * phase is over), as fault steps come first. A step of a later
   * phase placed before them in the file takes the action first (it is "too
   * early", on `running`), as a step of the procedure not done yet always
   * does: the list stops there.
   */
  const phaseTransitions = (phase: number, verb: string, target: string): Transition[] => {
    const own: Step[] = boundSteps.filter((st) => isAction(verb, target)(st) && ix.steps.get(st.id)!.phase! <= phase);
    for (const st of scenario.steps.filter(isAction(verb, target))) {
      const p = ix.steps.get(st.id)!.phase!;
      if (p > phase) break;
      if (p === phase) own.push(st);
    }
    if (!own.length) return [];
    const rules = rulesFor(verb, target).map((r) => r.id);
    const firsts = faultSteps.filter(isAction(verb, target)).map((st) => st.id);
    const first: AnsweredFirst | undefined = rules.length || firsts.length ? { type: 'answeredFirst', params: { rules, faultSteps: firsts } } : undefined;
    return own.flatMap((st) => stepTransitions(st, 'done-or-early', first));
  };

  /* ---- the actions the machine knows ---- */

  const noEffect = { actions: 'noEffect' } as const;
  const readDisplay = { actions: 'readDisplay' } as const;
  const writeRecord = { actions: 'writeRecord' } as const;
  /**
   * An action on an object that is not in the room (its look `absent`), or
   * onto one: no effect, as on an object the room does not have, before any
   * rule or step is asked. Only where the action's objects can be absent.
   */
  const absentable = new Set(scenario.objects.filter(mayBeAbsent).map((o) => o.id));
  const absentFirst = (verb: string, target: string): Transition[] =>
    absentable.has(target) || (ix.actions.get(actionKey(verb, target))?.with ?? []).some((w) => absentable.has(w)) ? [{ guard: 'actsOnAbsent', actions: 'noEffect' }] : [];
  /** Actions judged by steps: every action an object offers, and reading each display. */
  const stepActions = new Map<ActionName, { verb: string; target: string; otherwise: Transition }>();
  for (const o of scenario.objects) for (const a of o.actions) stepActions.set(eventName(a.verb, o.id), { verb: a.verb, target: o.id, otherwise: noEffect });
  // Reading a display is an action of its own on every instrument: judged by
  // a step or rule on "read" where the scenario has one, else simply kept.
  for (const id of ix.readable) stepActions.set(eventName(READ_VERB, id), { verb: READ_VERB, target: id, otherwise: readDisplay });
  const recordActions = scenario.record.flatMap((e) => RECORD_VERBS.map((verb) => ({ name: eventName(verb, e.id), verb, target: e.id })));
  for (const r of recordActions) stepActions.delete(r.name);

  const runningOn: Record<ActionName, Transition[]> = {};
  const closureOn: Record<ActionName, Transition[]> = {};
  for (const [name, { verb, target, otherwise }] of stepActions) {
    runningOn[name] = [...absentFirst(verb, target), ...ruleTransitions(verb, target), ...faultStepTransitions(verb, target), ...aheadTransitions(verb, target), otherwise];
  }
  for (const id of ix.readable) closureOn[eventName(READ_VERB, id)] = [...absentFirst(READ_VERB, id), readDisplay];
  for (const { name, verb, target } of recordActions) {
    runningOn[name] = [...ruleTransitions(verb, target), writeRecord];
    closureOn[name] = [writeRecord];
  }
  closureOn[eventName('submit', 'batch-record')] = [{ actions: 'closeRecord', target: 'review' }];

  /* ---- the states ---- */

  /**
   * Where the procedure goes once a phase is complete: the next phase, or
   * closure after the last. A phase with no step of the procedure (only steps
   * bound to it by faults) is entered only when it holds something in this
   * attempt (guard `phaseHolds`), else passed over for the one after.
   */
  const onwards = (index: number) => {
    const complete = { type: 'phaseComplete', params: { phase: index } } as const;
    const out: Eventless[] = [];
    for (let next = index + 1; next < phases.length; next++) {
      if (ix.stepsByPhase[next]!.length) return [...out, { guard: complete, target: phases[next]!.id }];
      out.push({ guard: and([complete, { type: 'phaseHolds', params: { phase: next } }]), target: phases[next]!.id });
    }
    return [...out, { guard: complete, target: '#scenario.closure' }];
  };
  const phaseStates = Object.fromEntries(
    phases.map((p, index) => {
      const on: Record<ActionName, Transition[]> = {};
      for (const [name, { verb, target }] of stepActions) {
        const ts = phaseTransitions(index, verb, target);
        if (ts.length) on[name] = [...absentFirst(verb, target), ...ts];
      }
      return [
        p.id,
        machineSetup.createStateConfig({
          entry: { type: 'enterPhase', params: { id: p.id } },
          on,
          always: onwards(index),
        }),
      ];
    }),
  );

  // A fault's region moves on the events the judge raises when an action
  // changes the fault's stage (see `judging`): raised, contained, documented;
  // a fault that happens again (its answer undone) goes back to raised,
  // whatever stage it had reached. None of its states is final.
  const STAGES: readonly FaultStage[] = ['quiet', 'raised', 'contained', 'documented'];
  const faultRegions = Object.fromEntries(
    scenario.faults.map((f) => {
      // where the fault stands once raised: a fault with nothing to contain is contained at once, with nothing at all documented
      const first: FaultStage = f.steps.some((st) => st.stage === 'contain') ? 'raised' : f.steps.some((st) => st.stage === 'document') ? 'contained' : 'documented';
      // from quiet, raised; from then on, wherever the judge says: forward as the answer is done (its
      // documentation may come before the last containment step), back when the fault happens again
      const moves = (from: FaultStage) =>
        (from === 'quiet' ? [first] : STAGES.filter((to) => to !== 'quiet' && to !== from)).map((to) =>
          // a fault whose answer is a decision (its `ending`) ends the procedure once documented: the record is closed, then the end
          to === 'documented' && f.ending
            ? { guard: { type: 'faultAt', params: { stage: to } } as const, target: '#scenario.closure', actions: { type: 'decide', params: { fault: f.id } } as const }
            : { guard: { type: 'faultAt', params: { stage: to } } as const, target: to },
        );
      return [
        faultRegion(f.id),
        machineSetup.createStateConfig({
          initial: 'quiet',
          states: Object.fromEntries(STAGES.map((from) => [from, { on: { [faultEventName(f.id)]: moves(from) } }])),
        }),
      ];
    }),
  );
  // the procedure's region takes no part in a fault's event (without this, `running`'s "no effect" would judge it)
  const faultEventsOn = Object.fromEntries(scenario.faults.map((f) => [faultEventName(f.id), {}]));

  const decisions = DECISIONS.filter((d) => scenario.faults.some((f) => f.ending?.decision === d));

  return machineSetup.createMachine({
    id: 'scenario',
    context: ({ input }) => J.createContext(ix, input),
    initial: 'running',
    states: {
      running: {
        type: 'parallel',
        entry: 'announceFaults',
        on: { ...runningOn, ...faultEventsOn, HINT: { actions: 'countHint' }, '*': noEffect },
        states: {
          procedure: { initial: phases[0]!.id, states: phaseStates },
          ...faultRegions,
        },
      },
      closure: {
        on: { ...closureOn, HINT: { actions: 'countHint' }, '*': noEffect },
      },
      review: {
        always: [
          ...decisions.map((d) => ({ guard: and([{ type: 'decided', params: { decision: d } } as const, 'passMarkReached']), target: DECISION_STATE[d] })),
          { guard: 'passMarkReached', target: 'passed' },
          { target: 'failed' },
        ],
      },
      passed: { type: 'final' },
      failed: { type: 'final' },
      // a correct decision that ended the procedure, with the pass mark reached on what was still possible
      ...Object.fromEntries(decisions.map((d) => [DECISION_STATE[d], { type: 'final' as const }])),
    },
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;

/** The final state of a correct decision that ended the procedure: the batch on hold, the material rejected. */
export const DECISION_STATE = { hold: 'on-hold', reject: 'rejected' } as const satisfies Record<Decision, string>;

/**
 * Where an attempt stands, in the words of the machine's top-level states. A
 * correct decision that ended the procedure (`on-hold`, `rejected`) is a pass:
 * which decision, the context's `ending` says (see attempt.ts's `ending`).
 */
export function endOf(snapshot: { value: unknown; matches(state: 'running' | 'closure' | 'passed' | 'failed'): boolean }): 'running' | 'closure' | 'passed' | 'failed' {
  if (snapshot.matches('passed') || Object.values<string>(DECISION_STATE).includes(snapshot.value as string)) return 'passed';
  if (snapshot.matches('failed')) return 'failed';
  if (snapshot.matches('closure')) return 'closure';
  return 'running';
}

/** The regions of `running` in a state value, when the attempt is in it. */
function runningRegions(value: unknown): Record<string, unknown> | undefined {
  const running = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).running : undefined;
  return typeof running === 'object' && running !== null ? (running as Record<string, unknown>) : undefined;
}

/** The id of the phase the procedure is in, read from the state value; undefined once it has left `running`. */
export function phaseIn(snapshot: { value: unknown }): string | undefined {
  const p = runningRegions(snapshot.value)?.procedure;
  return typeof p === 'string' ? p : undefined;
}

/** The stage of a fault's region, read from the state value; undefined once the attempt has left `running`. */
export function faultStageIn(snapshot: { value: unknown }, faultId: string): FaultStage | undefined {
  return runningRegions(snapshot.value)?.[faultRegion(faultId)] as FaultStage | undefined;
}

/**
 * The index of the phase the procedure is in, read from the state value;
 * once the attempt has left `running` (closure, or failed on the way), the
 * last phase it entered, as its log says.
 */
export function phaseIndexIn(scenario: Scenario, snapshot: { value: unknown; context: AttemptContext }): number {
  let id = phaseIn(snapshot);
  const log = snapshot.context.outcomes;
  for (let i = log.length - 1; id === undefined && i >= 0; i--) if (log[i]!.kind === 'phase') id = log[i]!.ref;
  return Math.max(0, scenario.phases.findIndex((p) => p.id === id));
}
