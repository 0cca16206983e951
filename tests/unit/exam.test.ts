/**
 * Exam integrity (issue 14): a trainee is one trainee by name and group
 * however they are spelt, an assignment plays the version it was given on,
 * its attempts are limited per trainee and never erased by the trainee
 * ("Abandonner" keeps them as abandoned), a due date in the past is refused
 * and an attempt finished after it is late, and one attempt plays in one tab.
 */
import { describe, expect, it } from 'vitest';
import { open, act } from './store/helpers';
import { normaliseName, traineeKey } from '../../src/engine/identity';
import { dueAcceptable, isPastDue } from '../../src/engine/dueDate';
import { endingOf } from '../../src/engine/ending';
import { prepare, replay } from '../../src/engine/attempt';
import { replayAttempt } from '../../src/engine/results';
import { loadScenario } from '../../src/cli/playInPage';
import { abandonedResult, inProgressOn, lateCount, mustKeep, newerVersion, pinnedScenario, refuseAssignment, standing, withLateness } from '../../src/engine/exam';
import { abandonAttempt, standingIn } from '../../src/store/exam';
import { StoreError } from '../../src/store/messages';
import type { Assignment, AttemptRecord, Profile } from '../../src/store/records';
import type { Scenario } from '../../src/engine/types';
import { claimAttempt } from '../../src/app/attemptTab';

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('one identity per trainee', () => {
  it('compares names and groups without case, accents or extra spaces', () => {
    expect(normaliseName('  Élodie   MARTIN ')).toBe('elodie martin');
    expect(traineeKey({ name: 'Élodie Martin', group: 'TSBI-A' })).toBe(traineeKey({ name: 'elodie  martin', group: ' tsbi-a' }));
    expect(traineeKey({ name: 'Élodie Martin', group: 'TSBI-A' })).not.toBe(traineeKey({ name: 'Élodie Martin', group: 'TSBI-B' }));
    expect(traineeKey({ name: 'Noé' })).not.toBe(traineeKey({ name: 'Noa' }));
  });
});

describe('due dates, by the tablet clock', () => {
  it('an assignment due on the 10th is on time all that day and late from the 11th', () => {
    expect(isPastDue('2026-03-10', local(2026, 3, 10, 23))).toBe(false);
    expect(isPastDue('2026-03-10', local(2026, 3, 11, 0))).toBe(true);
    expect(isPastDue(undefined, local(2030, 1, 1))).toBe(false);
  });

  it('a due date before today is refused at assignment; today and later are accepted', () => {
    const now = local(2026, 3, 10, 9);
    expect(dueAcceptable('2026-03-09', now)).toBe(false);
    expect(dueAcceptable('2026-03-10', now)).toBe(true);
    expect(dueAcceptable('2026-04-01', now)).toBe(true);
    expect(refuseAssignment({ due: '2026-03-09' }, now)?.fr).toMatch(/déjà passée/);
    expect(refuseAssignment({ due: '2026-03-10', maxAttempts: 2 }, now)).toBeNull();
    expect(refuseAssignment({ maxAttempts: 0 }, now)?.en).toMatch(/1 to 99/);
  });

  it('a result finished after the due date is marked late, before it is not', () => {
    const r = { end: 'passed' as const, score: 90, byCategory: {}, critical: false, mistakes: [] };
    expect(withLateness(r, { due: '2026-03-10' }, local(2026, 3, 11)).late).toBe(true);
    expect(withLateness(r, { due: '2026-03-10' }, local(2026, 3, 10)).late).toBeUndefined();
    expect(withLateness(r, undefined, local(2026, 3, 11)).late).toBeUndefined();
  });
});

describe('an assignment is pinned to its version', () => {
  const v1 = { id: 'media-preparation', version: 1, title: { fr: 'v1', en: 'v1' } } as unknown as Scenario;
  const v2 = { ...v1, version: 2, title: { fr: 'v2', en: 'v2' } } as Scenario;
  const find = (list: Scenario[]) => (id: string, version?: number) => list.filter((s) => s.id === id && (version === undefined || s.version === version)).sort((a, b) => b.version - a.version)[0];

  it('plays the version it was given on when a newer one arrives, and offers the move', () => {
    const a = { scenarioId: 'media-preparation', scenarioVersion: 1 };
    expect(pinnedScenario(a, find([v1, v2]))).toEqual({ scenario: v1 });
    expect(newerVersion(a, find([v1, v2]))).toBe(2);
    expect(newerVersion({ ...a, scenarioVersion: 2 }, find([v1, v2]))).toBeUndefined();
  });

  it('says the pinned version is missing instead of playing another', () => {
    expect(pinnedScenario({ scenarioId: 'media-preparation', scenarioVersion: 1 }, find([v2]))).toEqual({ missing: 1 });
  });
});

describe('"N en retard" is one rule: past the due date, every trainee who has not passed', () => {
  it('counts nobody before the end of the due day, then every trainee not passed (not started, in progress, failed alike)', () => {
    // 5 trainees: 2 passed, 1 failed, 1 in progress, 1 not started
    const counts = { total: 5, passed: 2 };
    expect(lateCount({ due: '2026-03-10' }, counts, local(2026, 3, 10, 23))).toBe(0);
    expect(lateCount({ due: '2026-03-10' }, counts, local(2026, 3, 11, 8))).toBe(3);
    expect(lateCount({}, counts, local(2030, 1, 1))).toBe(0);
  });
});

describe('the attempt limit counts the trainee, not the profile', () => {
  const assignment: Assignment = { id: 'as-1', scenarioId: 'gowning', scenarioVersion: 1, target: { group: 'TSBI-A' }, mode: 'assessment', maxAttempts: 2, due: '2026-03-10', createdAt: 0 };
  const p = (id: string, name: string, group?: string): Profile => ({ id, name, ...(group ? { group } : {}), lang: 'fr', createdAt: 0 });
  const attempt = (id: string, profileId: string, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({ id, profileId, scenarioId: 'gowning', scenarioVersion: 1, seed: 1, mode: 'assessment', assignmentId: 'as-1', events: [], startedAt: 1, status: 'in-progress', ...extra });

  it('a new profile with the same name and group spelt otherwise has used the attempts of the first', () => {
    const first = p('p1', 'Léa Dubois', 'TSBI-A');
    const again = p('p2', 'lea  dubois', 'tsbi-a');
    const other = p('p3', 'Léa Dubois', 'TSBI-B');
    const profiles = [first, again, other];
    const abandoned = attempt('a1', 'p1', { status: 'finished', endedAt: 2, result: { end: 'failed', score: 10, byCategory: {}, critical: false, mistakes: [], abandoned: true } });
    const now = local(2026, 3, 1);
    expect(standing(assignment, again, profiles, [abandoned], now)).toMatchObject({ used: 1, left: 1, passed: false, late: false });
    expect(standing(assignment, again, profiles, [abandoned, attempt('a2', 'p2')], now).left).toBe(0);
    expect(standing(assignment, other, profiles, [abandoned, attempt('a2', 'p2')], now).left).toBe(2);
    // after the due date, not passed: late
    expect(standing(assignment, first, profiles, [abandoned], local(2026, 3, 11)).late).toBe(true);
  });

  it('an abandoned pass does not count as passed; Commencer finds the attempt in progress on the scenario', () => {
    const me = p('p1', 'Léa');
    const list = [attempt('a1', 'p1', { startedAt: 5 }), attempt('a0', 'p1', { startedAt: 3 }), attempt('x', 'p9')];
    expect(inProgressOn('gowning', 'p1', list)?.id).toBe('a1');
    expect(inProgressOn('inoculation', 'p1', list)).toBeUndefined();
    expect(standing({ ...assignment, maxAttempts: undefined }, me, [me], list, 0).left).toBeUndefined();
  });
});

describe('an exam attempt cannot be erased by the trainee', () => {
  const gowning = loadScenario('gowning');

  it('"Abandonner" keeps it, with its events, as abandoned, late after the due date; deleting it is refused', async () => {
    const { store } = await open('memory');
    const profile = await store.createProfile({ name: 'Sami', group: 'TSBI-A', lang: 'fr' });
    const assignment = await store.createAssignment({ scenarioId: 'gowning', scenarioVersion: gowning.version, target: { group: 'TSBI-A' }, mode: 'assessment', due: '2026-03-10', maxAttempts: 1 });
    const started = await store.startAttempt({ profileId: profile.id, scenarioId: 'gowning', scenarioVersion: gowning.version, options: { seed: 3, mode: 'assessment' }, assignmentId: assignment.id });
    expect(mustKeep(started)).toBe(true);
    store.appendEvent(started.id, act('remove', 'personal-items'), 1);
    store.appendEvent(started.id, act('cross', 'step-over-bench'), 2);
    await expect(store.discardAttempt(profile.id, started.id)).rejects.toBeInstanceOf(StoreError);

    const current = (await store.inProgress(profile.id))!;
    const done = await abandonAttempt(store, current, replay(gowning, { seed: 3, mode: 'assessment' }, current.events.map((e) => e.event)), assignment, local(2026, 3, 12));
    expect(done.status).toBe('finished');
    expect(done.events).toHaveLength(2);
    expect(done.result).toMatchObject({ end: 'failed', abandoned: true, late: true });
    expect(endingOf(done.result!)).toBe('abandoned');
    // the results replay it to the score it had when abandoned: not flagged as a mismatch
    expect(replayAttempt(done, () => prepare(gowning))).toMatchObject({ mismatch: false, replayed: { score: done.result!.score, ending: null } });
    expect(await store.inProgress(profile.id)).toBeUndefined();
    // the limit holds for a new profile of the same trainee, read from the store
    const again = await store.createProfile({ name: 'sami', group: 'tsbi-a', lang: 'fr' });
    expect((await standingIn(store, assignment, again, local(2026, 3, 1))).left).toBe(0);
    // the instructor can still erase the trainee and all their data
    expect((await store.deleteProfile(profile.id)).attempts).toBe(1);
  });

  it('an attempt whose scenario left the device can still be abandoned: kept, with no score', () => {
    expect(abandonedResult(null, false)).toEqual({ end: 'failed', score: 0, byCategory: {}, critical: false, mistakes: [], abandoned: true });
  });

  it('a training attempt outside any assignment may still be deleted', async () => {
    const { store } = await open('memory');
    const profile = await store.createProfile({ name: 'Sami', lang: 'fr' });
    const a = await store.startAttempt({ profileId: profile.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 3, mode: 'training' } });
    expect(mustKeep(a)).toBe(false);
    await store.discardAttempt(profile.id, a.id);
    expect(await store.inProgress(profile.id)).toBeUndefined();
  });

  it('the instructor moves an assignment to another version: same id, new version', async () => {
    const { store } = await open('memory');
    const a = await store.createAssignment({ scenarioId: 'gowning', scenarioVersion: 1, target: { group: 'G' }, mode: 'assessment' });
    const moved = await store.moveAssignment(a.id, 2);
    expect(moved).toMatchObject({ id: a.id, scenarioVersion: 2 });
    expect((await store.listAssignments()).items.map((x) => x.scenarioVersion)).toEqual([2]);
  });
});

describe('one attempt, one tab', () => {
  it('the tab that opens the attempt second takes it once the first has saved and let go; the first is told', async () => {
    const log: string[] = [];
    const env = { channel: (name: string) => new BroadcastChannel(name) as unknown as BroadcastChannel, patienceMs: 2000 };
    const first = await claimAttempt('att-1', { onLost: () => log.push('first told'), flush: async () => void log.push('first saved') }, env);
    expect(first.active).toBe(true);
    const second = await claimAttempt('att-1', { onLost: () => log.push('second told'), flush: async () => undefined }, env);
    log.push('second plays');
    expect(first.active).toBe(false);
    expect(second.active).toBe(true);
    expect(log).toEqual(['first told', 'first saved', 'second plays']);
    // taking it back: the second lets go in turn
    const back = await claimAttempt('att-1', { onLost: () => undefined, flush: async () => undefined }, env);
    expect(second.active).toBe(false);
    expect(back.active).toBe(true);
    for (const c of [first, second, back]) c.release();
  });

  it('another attempt in another tab is left alone', async () => {
    const env = { channel: (name: string) => new BroadcastChannel(name) as unknown as BroadcastChannel };
    let told = false;
    const a = await claimAttempt('att-a', { onLost: () => (told = true), flush: async () => undefined }, env);
    const b = await claimAttempt('att-b', { onLost: () => undefined, flush: async () => undefined }, env);
    expect(told).toBe(false);
    expect(a.active && b.active).toBe(true);
    a.release();
    b.release();
  });
});
