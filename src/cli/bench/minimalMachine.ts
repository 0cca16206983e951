/**
 * The baseline of the engine benchmarks: a hand-written minimal xstate
 * machine that counts the actions it is fed, driven through one reused
 * scope like the compiled scenarios, so the ratio measures what judging
 * costs.
 */
import { assign, setup } from 'xstate';
import { scopeFor } from '../../engine/fastScope';
import type { EngineEvent } from '../../engine/types';

export const minimalMachine = setup({ types: { context: {} as { done: number; last: string }, events: {} as EngineEvent } }).createMachine({
  context: { done: 0, last: '' },
  on: { ACT: { guard: ({ event }) => event.type === 'ACT' && event.target !== '', actions: assign(({ context, event }) => ({ done: context.done + 1, last: event.type === 'ACT' ? event.verb : context.last })) } },
});

const minimalScope = scopeFor(minimalMachine);

/** Feeds the stream to the minimal machine; returns how many actions it counted. */
export function runMinimal(stream: readonly EngineEvent[]): number {
  let s = minimalMachine.getInitialSnapshot(minimalScope);
  for (const e of stream) s = minimalMachine.transition(s, e, minimalScope);
  return s.context.done;
}
