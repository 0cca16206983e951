/**
 * Compiles a validated scenario into an xstate v5 machine that reads like the
 * SOP: one state per phase of the procedure, one parallel region per fault
 * (quiet → raised → contained → documented), then closure (the batch record
 * is reviewed and submitted) and the end, passed or failed. Each rule of the
 * scenario is one guarded transition with a named guard and action.
 */
import { and, assign, not, setup } from 'xstate';
import * as J from './judge';
import { indexScenario, type ScenarioIndex } from './scenarioIndex';
import { scoreOf } from './score';
import type { AttemptContext, AttemptOptions, EngineEvent, Scenario } from './types';

type Transition = { guard?: unknown; actions?: unknown; target?: string; reenter?: boolean };

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
      recordAction: ({ event }) => J.isRecordAction(ix, event),
      submitRecord: ({ event }) => J.isSubmit(event),
      passMarkReached: ({ context }) => scoreOf(ix, context).passed,
    },
    actions: {
      recordViolation: assign(({ context, event }, p: { rule: string }) => J.violation(ix, context, event, p.rule)),
      completeStep: assign(({ context, event }, p: { step: string }) => J.completeStep(ix, context, event, p.step)),
      wrongValue: assign(({ context, event }, p: { step: string }) => J.wrongValue(ix, context, event, p.step)),
      tooEarly: assign(({ context, event }, p: { step: string }) => J.early(ix, context, event, p.step)),
      noEffect: assign(({ context, event }) => J.noEffect(context, event)),
      countHint: assign(({ context }) => J.countHint(context)),
      enterPhase: assign(({ context }, p: { index: number; id: string }) => J.enterPhase(context, p.index, p.id)),
      writeRecord: assign(({ context, event }) => J.writeRecord(ix, context, event)),
      closeRecord: assign(({ context, event }) => J.submitRecord(ix, context, event)),
    },
  });

  const allRules = [...ix.rules.keys()];
  const ruleTransitions: Transition[] = allRules.flatMap((rule) => {
    const broken = { type: 'ruleBroken', params: { rule } };
    const record = { type: 'recordViolation', params: { rule } };
    return J.isCritical(ix, rule)
      ? [{ guard: and([broken, 'failsAttempt']), actions: record, target: '#scenario.failed' }, { guard: broken, actions: record }]
      : [{ guard: broken, actions: record }];
  });
  const recordTransitions: Transition[] = [{ guard: 'recordAction', actions: 'writeRecord' }];
  // Fault steps first: while a fault is raised, answering it is what an action means.
  const stepOrder = [...ix.steps.values()].sort((a, b) => Number(b.fault !== undefined) - Number(a.fault !== undefined)).map((s) => s.step.id);
  const stepTransitions: Transition[] = stepOrder.flatMap((step) => [
    { guard: { type: 'stepWrongValue', params: { step } }, actions: { type: 'wrongValue', params: { step } } },
    { guard: { type: 'stepDue', params: { step } }, actions: { type: 'completeStep', params: { step } } },
    { guard: { type: 'stepEarly', params: { step } }, actions: { type: 'tooEarly', params: { step } } },
  ]);

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
        on: {
          ACT: [...ruleTransitions, ...recordTransitions, ...stepTransitions, { actions: 'noEffect' }],
          HINT: { actions: 'countHint' },
        },
        states: {
          procedure: { initial: phases[0]!.id, states: procedureStates },
          ...faultRegions,
        },
      },
      closure: {
        on: {
          ACT: [
            ...recordTransitions,
            { guard: and(['submitRecord', not('recordAction')]), actions: 'closeRecord', target: 'review' },
            { actions: 'noEffect' },
          ],
          HINT: { actions: 'countHint' },
        },
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
