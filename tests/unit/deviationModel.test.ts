/**
 * Deviation handling as a plant runs it (issue 13): on day 0 the decision to
 * continue comes before the handover and the feed; the investigation meeting
 * is three days later on the simulated clock; a feed that overshot is not
 * restarted. Events written by hand from the procedure, starting from the
 * golden runs' first events (values read as drawn by their seed).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { faultStageIn } from '../../src/engine/compileScenario';
import { viewOf } from '../../src/engine/view';
import type { AttemptOptions, EngineEvent, Scenario } from '../../src/engine/types';
import { act } from './fixtures';

const scenario = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/deviation-handling.json'), 'utf8')) as Scenario;
const c = prepare(scenario);
const golden = (run: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../golden/deviation-handling/${run}.json`), 'utf8')) as { options: AttemptOptions; events: EngineEvent[] };
const upTo = (events: EngineEvent[], verb: string, target: string) => events.slice(0, events.findIndex((e) => 'verb' in e && e.verb === verb && e.target === target) + 1);

describe('day 0: the decision to continue comes first', () => {
  const g = golden('fault');
  const contained = upTo(g.events, 'check-others', 'feed-pump');

  it('writing the handover before the decision costs a major point and writes nothing', () => {
    const r = replay(c, g.options, [...contained, act('update', 'status-board'), act('write-handover', 'logbook')]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'handover-open-feed-error', penalty: 5, category: 'deviation' });
    expect(r.context.done['write-handover']).toBeUndefined();
  });

  it('restarting the pump after the feed error is critical, even once the fault is contained', () => {
    expect(faultStageIn(replay(c, g.options, contained).snapshot, 'feed-error')).toBe('contained');
    const r = replay(c, g.options, [...contained, act('start', 'feed-pump')]);
    expect(r.end).toBe('failed');
    expect(r.context.critical).toBe('restart-feed-feed-error');
  });

  it('the time of the decision shown on the HUD is the one the record expects (07:00 + 115 min)', () => {
    const decided = upTo(g.events, 'request-decision', 'computer');
    const v = viewOf(c, replay(c, g.options, decided).snapshot);
    expect(v.timeOfDay).toBe('08:55');
  });
});

describe('day 3: the investigation meeting', () => {
  const g = golden('fault');
  const handedOver = upTo(g.events, 'sign', 'rec-handover-sign');

  it('opens three days later: the clock moves on 4320 minutes and the meeting itself takes 5', () => {
    const before = replay(c, g.options, handedOver).context.clock;
    const after = replay(c, g.options, [...handedOver, act('join-meeting', 'ishikawa')]).context.clock;
    expect(after - before).toBe(4320 + 5);
  });

  it('cannot open before the handover: the investigation follows the shift, and the trainee is told what day 0 still needs', () => {
    const decided = upTo(g.events, 'sign', 'rec-feed-error-decision-sign');
    const r = replay(c, g.options, [...decided, act('join-meeting', 'ishikawa')]);
    expect(r.context.done['meeting-feed-error']).toBeUndefined();
    // too early, 2 points of sequence; what comes first: the round's last two steps, the status board and the handover
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'early', ref: 'meeting-feed-error', penalty: 2, category: 'sequence', missing: ['update-status', 'write-handover'] });
    const training = replay(c, { ...g.options, mode: 'training' }, [...decided, act('join-meeting', 'ishikawa')]);
    const early = viewOf(c, training.snapshot).outcomes.at(-1)!;
    expect(early.waitingFor?.phases).toEqual([{ number: 2, title: { fr: 'Ronde de surveillance et relève', en: 'Monitoring round and handover' }, left: 2 }]);
  });

  it('is a phase of its own: the HUD names it once day 0 is handed over, and release still waits for QA\'s closure', () => {
    const day0 = viewOf(c, replay(c, g.options, upTo(g.events, 'request-decision', 'computer')).snapshot);
    expect(day0.phase.title.fr).toBe('Ronde de surveillance et relève');
    expect(day0.phaseIndex).toBe(1);
    expect(day0.phaseCount).toBe(3);
    // the day-3 steps are not listed on day 0
    expect(day0.steps.some((s) => s.id === 'account-feed-error')).toBe(false);
    const r = replay(c, g.options, handedOver);
    expect(r.snapshot.matches({ running: { procedure: 'investigation-meeting' } })).toBe(true);
    const meeting = viewOf(c, r.snapshot);
    expect(meeting.phase.title).toEqual({ fr: "Réunion d'investigation (J+3)", en: 'Investigation meeting (D+3)' });
    expect(meeting.phaseIndex).toBe(2);
    expect(meeting.steps.find((s) => s.id === 'meeting-feed-error')).toMatchObject({ open: true, done: false, fault: 'feed-error' });
    expect(meeting.steps.find((s) => s.id === 'account-feed-error')).toMatchObject({ open: false, done: false });
    // the deviation stays open (contained, not documented) through the meeting: lifting the release block is still critical
    expect(faultStageIn(r.snapshot, 'feed-error')).toBe('contained');
    const lifted = replay(c, g.options, [...handedOver, act('join-meeting', 'ishikawa'), act('release', 'status-board')]);
    expect(lifted.context.critical).toBe('release-early-feed-error');
  });

  it("judges the meeting's steps as a phase's: proposing the CAPA before the search for other batches is too early", () => {
    const r = replay(c, g.options, [...upTo(g.events, 'branch-methode', 'ishikawa'), act('capa-document', 'capa-plan')]);
    expect(r.context.done['capa-feed-error']).toBeUndefined();
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'early', ref: 'capa-feed-error', penalty: 2, missing: ['extent-feed-error'] });
  });

  it('ends with QA\'s closure: the fault documented, then the closure of the batch record', () => {
    const r = replay(c, g.options, upTo(g.events, 'send-qa', 'computer'));
    expect(r.end).toBe('closure');
    expect(r.context.outcomes.filter((o) => o.kind === 'phase').map((o) => o.ref)).toEqual(['shift-start', 'round', 'investigation-meeting']);
  });

  it('proposing human error for the feed slip is a major mistake (Part I §1.4 xiv)', () => {
    const met = upTo(g.events, 'review', 'batch-doc');
    const r = replay(c, g.options, [...met, act('branch-main-oeuvre', 'ishikawa')]);
    expect(r.context.outcomes.at(-1)).toMatchObject({ kind: 'violation', ref: 'wrong-branch-main-oeuvre-feed-error', severity: 'major' });
  });
});

describe('no event: the routine round', () => {
  it('has no investigation meeting: two phases, and the handover leads straight to the closure', () => {
    const g = golden('perfect');
    const r = replay(c, g.options, upTo(g.events, 'write-handover', 'logbook'));
    expect(r.end).toBe('closure');
    expect(r.context.outcomes.filter((o) => o.kind === 'phase').map((o) => o.ref)).toEqual(['shift-start', 'round']);
    expect(viewOf(c, replay(c, g.options, g.events.slice(0, 1)).snapshot).phaseCount).toBe(2);
  });

  it('showing a deviation, suspending or lifting a block do nothing when nothing happened', () => {
    const g = golden('perfect');
    const r = replay(c, g.options, [...g.events.slice(0, 3), act('flag', 'status-board'), act('hold', 'status-board'), act('release', 'status-board')]);
    expect(r.context.outcomes.slice(-3).map((o) => o.kind)).toEqual(['no-effect', 'no-effect', 'no-effect']);
  });
});
