/**
 * A trainee's backup edited by hand: a finished attempt whose score was
 * raised, one whose ending was changed. At import each finished attempt is
 * replayed under the judgement that recorded it; the forged ones are left
 * out, each named in a sentence, and the rest of the file is imported.
 * Attempts judged by an older version of the judgement are kept as judged.
 */
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import { JUDGE_VERSION } from '../../src/engine/judgeVersion';
import type { AttemptOptions, EngineEvent } from '../../src/engine/types';
import type { BackupFile } from '../../src/store/backup';
import { resultOf, type AttemptRecord } from '../../src/store/records';
import { gowning } from './fixtures';
import { act, open } from './store/helpers';

const g = gowning();
const options: AttemptOptions = { seed: 3, mode: 'assessment', forcedFault: 'none' };
/** Crossing the bench first is a mistake; the rest is the procedure done right. */
const played: EngineEvent[] = [act('cross', 'step-over-bench'), ...perfectRun(prepare(g), options).events];
const honest = resultOf(replay(g, options, played))!;

function attempt(id: string, extra: Partial<AttemptRecord>): AttemptRecord {
  return { id, profileId: 'mallory', scenarioId: 'gowning', scenarioVersion: g.version, ...options, judgeVersion: JUDGE_VERSION, events: played.map((event, at) => ({ event, at })), startedAt: Date.UTC(2026, 2, 10, 9, 30), endedAt: Date.UTC(2026, 2, 10, 9, 50), status: 'finished', result: honest, ...extra };
}

function file(): BackupFile {
  return {
    format: 'salle-blanche-backup',
    version: 1,
    exportedAt: '2026-03-10T10:00:00.000Z',
    profiles: [{ id: 'mallory', name: 'Mallory', group: 'TSBI-1', lang: 'fr', createdAt: 1 }],
    attempts: [
      attempt('as-played', {}),
      // by hand: the score raised to full marks
      attempt('score-raised', { result: { ...honest, score: 100, end: 'passed', mistakes: [] } }),
      // by hand: a plain pass turned into "the batch put on hold, a correct decision"
      attempt('ending-changed', { result: { ...honest, end: 'passed', ending: 'hold' } }),
      // judged by an older judgement: its score is its own, kept as judged
      attempt('older-judge', { judgeVersion: 2, result: { ...honest, score: 97 } }),
      attempt('in-progress', { status: 'in-progress', endedAt: undefined, result: undefined }),
    ].map((a) => JSON.parse(JSON.stringify(a)) as AttemptRecord),
    assignments: [],
  };
}

describe('a forged finished attempt is refused at import', () => {
  it.each(['trainee', 'instructor'] as const)('by the %s: the two edited attempts are left out and named, the rest is imported', async (scope) => {
    expect(honest.score).toBeLessThan(100); // the mistake cost points: raising the score is a forgery
    const { store } = await open('memory', { scenarios: (id, version) => (id === 'gowning' && version === g.version ? g : undefined) });
    const r = await store.importBackup(JSON.stringify(file()), scope);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.added.attempts).toBe(3);
    expect(r.refused).toHaveLength(2);
    expect(r.refused![0]!.fr).toContain('score-raised');
    expect(r.refused![0]!.fr).toContain('Mallory');
    expect(r.refused![0]!.fr).toMatch(/n'a pas été importée/);
    expect(r.refused![0]!.en).toContain('score 100, passed');
    expect(r.refused![1]!.en).toContain('ending-changed');
    const kept = (await store.attemptsOf('mallory')).items.map((a) => a.id).sort();
    expect(kept).toEqual(['as-played', 'in-progress', 'older-judge']);
    expect((await store.getAttempt('mallory', 'older-judge'))?.result?.score).toBe(97);
  });

  it('an honest file is imported whole, with nothing refused', async () => {
    const { store } = await open('memory', { scenarios: (id, version) => (id === 'gowning' && version === g.version ? g : undefined) });
    const honestOnly = { ...file(), attempts: file().attempts.filter((a) => a.id === 'as-played') };
    const r = await store.importBackup(JSON.stringify(honestOnly), 'trainee');
    expect(r).toMatchObject({ ok: true, added: { attempts: 1 } });
    expect(r.ok && r.refused).toBeFalsy();
  });
});
