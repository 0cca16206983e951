/**
 * The scenario's outro tells what happens after a procedure done right
 * (media preparation: "La poche attend maintenant en quarantaine…"). The
 * debrief after a critical stop must not describe that next step as if it
 * had happened (issue 14): showsOutro (src/engine/view.ts) decides, from how
 * the attempt concluded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, Scenario } from '../../src/engine/types';
import { conclusionOf, showsOutro, viewOf } from '../../src/engine/view';
import { act } from './fixtures';

const media = prepare(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/media-preparation.json'), 'utf8')) as Scenario);
const training: AttemptOptions = { seed: 3, mode: 'training', forcedFault: 'none' };
const concluded = (events: ReturnType<typeof act>[]) => conclusionOf(viewOf(media, replay(media, training, events).snapshot));

describe("the scenario's outro", () => {
  it('is told after a pass', () => {
    expect(concluded(perfectRun(media, training).events)).toBe('passed');
    expect(showsOutro('passed')).toBe(true);
    expect(showsOutro('passed-with-gaps')).toBe(true);
  });

  it('is not told after a critical stop (weighing before clearing the bench), a fail, or a decision that ended the procedure early', () => {
    const c = concluded([act('weigh', 'weigh-container')]);
    expect(c).toBe('critical');
    expect(showsOutro(c)).toBe(false);
    expect(showsOutro('failed')).toBe(false);
    expect(showsOutro('decided')).toBe(false);
    expect(showsOutro(null)).toBe(false);
  });
});
