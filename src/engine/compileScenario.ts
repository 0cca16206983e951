/**
 * Compiles a validated scenario into an xstate v5 machine that reads like the
 * SOP: one state per phase of the procedure, one parallel region per fault
 * (quiet → raised → contained → documented), then closure (the batch record
 * is reviewed and submitted) and the end, passed or failed. Each rule of the
 * scenario is one guarded transition with a named guard and action.
 */
import { and, assign, setup } from 'xstate';
import * as J from './judge';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { scoreOf } from './score';
import { READ_VERB, type AttemptContext, type AttemptOptions, type EngineEvent, type Scenario } from './types';

type Transition = { guard?: unknown; actions?: unknown; target?: string };

const RECORD_VERBS = ['record', 'correct', 'sign'] as const;

/** The name under which the machine receives an action. */
export const eventName = (verb: string, target: string) => `act.${verb}.${target}`;

/** The event the machine receives for a logged event: ACT becomes act.<verb>.<target>. */
export function machineEvent(e: EngineEvent): EngineEvent {
  return e.type === 'ACT' ? ({ ...e, type: eventName(e.verb, e.target) } as unknown as EngineEvent) : e;
}

export function compileScenario(scenario: Scenario, ix: ScenarioIndex = indexScenario(scenario)) {
  const phases = scenario.phases;

  const machineSetup = setup({
    types: {
      context: {} as AttemptContext,
      events: {} as EngineEvent,
      input: {} as AttemptOptions,
    },
    guards: {
      ruleBroken: ({ context, event }, p: { rule: string }) => J.ruleBroken(ix, context, event, p.rule),
      failsAttempt: ({ context }) => context.mode !== 'discovery',
      stepDue: ({ context, event }, p: { step: string }) => J.stepDue(ix, context, event, p.step),
      stepWrongValue: ({ context, event }, p: { step: string }) => J.stepWrongValue(ix, context, event, p.step),
      stepEarly: ({ context, event }, p: { step: string }) => J.stepEarly(ix, context, event, p.step),
      phaseComplete: ({ context }, p: { phase: number }) => J.phaseComplete(ix, context, p.phase),
      faultRaised: ({ context }, p: { fault: string }) => context.raised[p.fault] !== undefined,
      faultContained: ({ context }, p: { fault: string }) => J.faultContained(ix, context, p.fault),
      faultDocumented: ({ context }, p: { fault: string }) => J.faultHandled(ix, context, p.fault),
      passMarkReached: ({ context }) => scoreOf(ix, context).passed,
    },
    actions: {
      recordViolation: assign(({ context, event }, p: { rule: string }) => J.violation(ix, context, event, p.rule)),
      completeStep: assign(({ context, event }, p: { step: string }) => J.completeStep(ix, context, event, p.step)),
      wrongValue: assign(({ context, event }, p: { step: string }) => J.wrongValue(ix, context, event, p.step)),
      tooEarly: assign(({ context, event }, p: { step: string }) => J.early(ix, context, event, p.step)),
      noEffect: assign(({ context, event }) => J.noEffect(context, event)),
      readDisplay: assign(({ context, event }) => J.readDisplay(ix, context, event)),
      countHint: assign(({ context }) => J.countHint(context)),
      enterPhase: assign(({ context }, p: { index: number; id: string }) => J.enterPhase(context, p.index, p.id)),
      writeRecord: assign(({ context, event }) => J.writeRecord(ix, context, event)),
      closeRecord: assign(({ context, event }) => J.submitRecord(ix, context, event)),
    },
  });

  /*
   * Actions reach the machine as `act.<verb>.<target>` (see machineEvent), so
   * xstate finds the transitions of one action by its name: the rules that
   * watch it, then the steps it may complete, then "no effect".
   */
  const rulesFor = (verb: string, target: string): Transition[] =>
    [...ix.rules.values()]
      .filter(({ rule }) => (rule.on.verb === undefined || rule.on.verb === verb) && (rule.on.target === undefined || rule.on.target === target))
      .flatMap(({ rule }) => {
        const broken = { type: 'ruleBroken', params: { rule: rule.id } };
        const record = { type: 'recordViolation', params: { rule: rule.id } };
        return rule.severity === 'critical'
          ? [{ guard: and([broken, 'failsAttempt']), actions: record, target: '#scenario.failed' }, { guard: broken, actions: record }]
          : [{ guard: broken, actions: record }];
      });
  // Fault steps first: while a fault is raised, answering it is what an action means.
  const stepOrder = [...ix.steps.values()].sort((a, b) => Number(b.fault !== undefined) - Number(a.fault !== undefined)).map((x) => x.step);
  const stepsFor = (verb: string, target: string): Transition[] =>
    stepOrder
      .filter((st) => st.action.verb === verb && st.action.target === target)
      .flatMap((st) => [
        { guard: { type: 'stepWrongValue', params: { step: st.id } }, actions: { type: 'wrongValue', params: { step: st.id } } },
        { guard: { type: 'stepDue', params: { step: st.id } }, actions: { type: 'completeStep', params: { step: st.id } } },
        { guard: { type: 'stepEarly', params: { step: st.id } }, actions: { type: 'tooEarly', params: { step: st.id } } },
      ]);
  const noEffect: Transition = { actions: 'noEffect' };
  const runningOn: Record<string, Transition[] | Transition> = {};
  const closureOn: Record<string, Transition[] | Transition> = {};
  for (const o of scenario.objects) {
    for (const a of o.actions) runningOn[eventName(a.verb, o.id)] = [...rulesFor(a.verb, o.id), ...stepsFor(a.verb, o.id), noEffect];
  }
  // Reading a display is an action of its own on every instrument: judged by
  // a step or rule on "read" where the scenario has one, else simply kept.
  for (const id of ix.readable) {
    const read = eventName(READ_VERB, id);
    runningOn[read] = [...rulesFor(READ_VERB, id), ...stepsFor(READ_VERB, id), { actions: 'readDisplay' }];
    closureOn[read] = { actions: 'readDisplay' };
  }
  for (const e of scenario.record) {
    for (const verb of RECORD_VERBS) {
      runningOn[eventName(verb, e.id)] = [...rulesFor(verb, e.id), { actions: 'writeRecord' }];
      closureOn[eventName(verb, e.id)] = { actions: 'writeRecord' };
    }
  }
  closureOn[eventName('submit', 'batch-record')] = { actions: 'closeRecord', target: 'review' };

  const procedureStates = Object.fromEntries(
    phases.map((p, index) => [
      p.id,
      {
        entry: { type: 'enterPhase', params: { index, id: p.id } },
        always: {
          guard: { type: 'phaseComplete', params: { phase: index } },
          target: index + 1 < phases.length ? phases[index + 1]!.id : '#scenario.closure',
        },
      },
    ]),
  );

  const faultRegions = Object.fromEntries(
    scenario.faults.map((f) => [
      `fault-${f.id}`,
      {
        initial: 'quiet',
        states: {
          quiet: { always: { guard: { type: 'faultRaised', params: { fault: f.id } }, target: 'raised' } },
          raised: { always: { guard: { type: 'faultContained', params: { fault: f.id } }, target: 'contained' } },
          contained: { always: { guard: { type: 'faultDocumented', params: { fault: f.id } }, target: 'documented' } },
          documented: { type: 'final' },
        },
      },
    ]),
  );

  return machineSetup.createMachine({
    id: 'scenario',
    context: ({ input }: { input: AttemptOptions }) => J.createContext(ix, input),
    initial: 'running',
    states: {
      running: {
        type: 'parallel',
        on: { ...runningOn, HINT: { actions: 'countHint' }, '*': noEffect },
        states: {
          procedure: { initial: phases[0]!.id, states: procedureStates },
          ...faultRegions,
        },
      },
      closure: {
        on: { ...closureOn, HINT: { actions: 'countHint' }, '*': noEffect },
      },
      review: {
        always: [{ guard: 'passMarkReached', target: 'passed' }, { target: 'failed' }],
      },
      passed: { type: 'final' },
      failed: { type: 'final' },
    },
  } as never);
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;

/** Where an attempt stands, in the words of the machine's top-level states. */
export function endOf(snapshot: { matches(state: string): boolean }): 'running' | 'closure' | 'passed' | 'failed' {
  if (snapshot.matches('passed')) return 'passed';
  if (snapshot.matches('failed')) return 'failed';
  if (snapshot.matches('closure')) return 'closure';
  return 'running';
}
