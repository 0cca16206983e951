/**
 * The LMS runtime's pure parts (src/lms): finding the SCORM API among the
 * windows, what the LMS is told of an attempt in each standard's words, and
 * the suspend data that keeps an attempt between two sessions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { ActEvent, EngineEvent, Scenario } from '../../src/engine/types';
import { findApi, MAX_DEPTH, type WindowLike } from '../../src/lms/api';
import { interactionOf, mistakesOf, reportOf, resultValues } from '../../src/lms/report';
import { scorm12, timespan12 } from '../../src/lms/scorm12';
import { duration2004, scorm2004 } from '../../src/lms/scorm2004';
import { Reporter } from '../../src/lms/reporter';
import type { Connection } from '../../src/lms/runtime';
import { decodeSuspend, encodeSuspend, fitSuspend, SHORT_REASON } from '../../src/lms/suspend';
import { act, gowning } from './fixtures';

const api12 = () => Object.fromEntries(['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError'].map((f) => [f, () => 'true']));
const api2004 = () => Object.fromEntries(['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'].map((f) => [f, () => 'true']));

/** A window whose parent is `parent` (itself at the top), with the given properties. */
function win(props: Partial<Record<keyof WindowLike, unknown>> = {}, parent?: WindowLike): WindowLike {
  const w: Record<string, unknown> = { ...props };
  w.parent = parent ?? w;
  return w as WindowLike;
}
/** A window of another origin: every property read throws, as a browser does. */
const foreign = (): WindowLike =>
  new Proxy({}, { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } }) as WindowLike;

describe('finding the LMS API', () => {
  it("finds the package's standard up the parents, passing over a window of another origin, and not the other standard", () => {
    const lms = win({ API_1484_11: api2004(), API: api12() });
    const middle = win({}, lms);
    const frame = win({}, middle);
    expect(findApi(frame, '2004')?.api).toBe((lms as { API_1484_11: unknown }).API_1484_11);
    expect(findApi(frame, '1.2')?.standard).toBe('1.2');
    // a 2004 package in an LMS that offers only 1.2 finds nothing
    expect(findApi(win({}, win({ API: api12() })), '2004')).toBeNull();
    // a parent of another origin between the frame and the LMS: passed over, never thrown
    const blocked = foreign();
    expect(findApi(win({}, blocked), '1.2')).toBeNull();
    // an object named API that is not one (no calls) is not taken
    expect(findApi(win({}, win({ API: { LMSInitialize: 'no' } })), '1.2')).toBeNull();
  });

  it("looks in the opener's chain when the package runs in a window of its own, and stops after a bounded number of parents", () => {
    const lms = win({ API: api12() });
    const popup = win({ opener: win({}, lms) });
    expect(findApi(popup, '1.2')?.standard).toBe('1.2');
    // deeper than MAX_DEPTH frames: not looked for
    let w = win({ API: api12() });
    for (let i = 0; i < MAX_DEPTH + 2; i++) w = win({}, w);
    expect(findApi(w, '1.2')).toBeNull();
  });
});

describe('what the LMS is told', () => {
  it('maps each ending to the statuses of the README table', () => {
    // assessment: passed, or a correct decision (hold, reject), is passed with its score
    expect(reportOf('assessment', 'passed', 92)).toEqual({ completion: 'completed', success: 'passed', score: { raw: 92, min: 0, max: 100 } });
    expect(reportOf('assessment', 'hold', 85).success).toBe('passed');
    expect(reportOf('assessment', 'reject', 85).success).toBe('passed');
    expect(reportOf('assessment', 'failed', 64)).toEqual({ completion: 'completed', success: 'failed', score: { raw: 64, min: 0, max: 100 } });
    // a critical failure is failed whatever the points
    expect(reportOf('assessment', 'critical', 95)).toEqual({ completion: 'completed', success: 'failed', score: { raw: 95, min: 0, max: 100 } });
    expect(reportOf('assessment', 'abandoned', 40).success).toBe('failed');
    expect(reportOf('assessment', null, 40)).toEqual({ completion: 'incomplete', success: 'unknown' });
    // training: completion only, never a pass, never a score
    for (const e of ['passed', 'failed', 'critical', 'hold', 'reject'] as const) expect(reportOf('training', e, 100)).toEqual({ completion: 'completed', success: 'unknown' });
    expect(reportOf('training', null, 0)).toEqual({ completion: 'incomplete', success: 'unknown' });
    expect(reportOf('training', 'abandoned', 0)).toEqual({ completion: 'incomplete', success: 'unknown' });
  });

  it("says it in each standard's words: 1.2's one lesson status, 2004's completion, success and scaled score", () => {
    const pass = reportOf('assessment', 'passed', 92);
    expect(Object.fromEntries(scorm12.report(pass))).toEqual({ 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.score.raw': '92', 'cmi.core.lesson_status': 'passed' });
    expect(Object.fromEntries(scorm2004.report(pass))).toEqual({
      'cmi.score.min': '0', 'cmi.score.max': '100', 'cmi.score.raw': '92', 'cmi.score.scaled': '0.92',
      'cmi.completion_status': 'completed', 'cmi.success_status': 'passed',
    });
    expect(Object.fromEntries(scorm12.report(reportOf('training', 'failed', 30)))).toEqual({ 'cmi.core.lesson_status': 'completed' });
    expect(Object.fromEntries(scorm12.report(reportOf('training', null, 0)))).toEqual({ 'cmi.core.lesson_status': 'incomplete' });
    expect(Object.fromEntries(scorm2004.report(reportOf('training', 'passed', 100)))).toEqual({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown' });
    // session time: 1 h 2 min 3.45 s
    const ms = 3_723_450;
    expect(timespan12(ms)).toBe('01:02:03.45');
    expect(duration2004(ms)).toBe('PT1H2M3.45S');
    expect(timespan12(0)).toBe('00:00:00.00');
    expect(scorm12.exit('normal')).toEqual([['cmi.core.exit', '']]);
    expect(scorm2004.exit('suspend')).toEqual([['cmi.exit', 'suspend']]);
  });

  it('gives one interaction per judged mistake, its id from the rule, in French in 2004 and within the lengths', () => {
    const s = gowning();
    const c = prepare(s);
    // crossing the bench still wearing a watch breaks "jewellery-past-bench" (a major rule of the gowning SOP)
    const r = replay(c, { seed: 5, mode: 'assessment', forcedFault: 'none' }, [act('cross', 'step-over-bench')]);
    const mistakes = mistakesOf(r.context.outcomes);
    expect(mistakes.map((m) => m.ref)).toEqual(['jewellery-past-bench']);
    const i = interactionOf(c, mistakes[0]!);
    expect(i.id).toBe('violation-jewellery-past-bench');
    expect(i.response).toBe('cross step-over-bench');
    expect(i.description).toMatch(/^Montre, bijoux et téléphone sont interdits/);
    const v2004 = Object.fromEntries(resultValues(scorm2004, c, 'assessment', r));
    expect(v2004['cmi.interactions.0.id']).toBe('violation-jewellery-past-bench');
    expect(v2004['cmi.interactions.0.type']).toBe('other');
    expect(v2004['cmi.interactions.0.result']).toBe('incorrect');
    expect(v2004['cmi.interactions.0.learner_response']).toBe('cross step-over-bench');
    expect(v2004['cmi.interactions.0.description']).toMatch(/^\{lang=fr\}Montre, bijoux/);
    expect(v2004['cmi.interactions.0.description']!.length).toBeLessThanOrEqual(250 + '{lang=fr}'.length);
    expect(v2004['cmi.completion_status']).toBe('incomplete');
    const v12 = Object.fromEntries(resultValues(scorm12, c, 'assessment', r));
    expect(v12['cmi.interactions.0.type']).toBe('performance');
    expect(v12['cmi.interactions.0.result']).toBe('wrong');
    expect(v12['cmi.interactions.0.student_response']).toBe('cross step-over-bench');
    expect(Object.keys(v12).some((k) => k.includes('description'))).toBe(false);
    // numbered once: from interaction 1 on, the first is not sent again
    expect(Object.keys(Object.fromEntries(resultValues(scorm12, c, 'assessment', r, 1))).some((k) => k.startsWith('cmi.interactions.'))).toBe(false);
  });
});

const dir = resolve(import.meta.dirname, '../../scenarios');
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Scenario);

/** A correction's reason as long as the field allows (200 characters), different each time (so it compresses little). */
const WORDS = ['valeur', 'mal', 'recopiée', 'depuis', "l'afficheur", 'de', 'la', 'balance', 'inversion', 'des', 'chiffres', 'vérifiée', 'par', 'le', 'responsable', 'ticket', 'imprimé', 'joint', 'au', 'dossier', 'écart', 'signalé', 'console', 'pH', 'température', 'relue'];
function reasons(n: number): string[] {
  let r = 11;
  const next = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    let s = `${i + 1}. `;
    while (s.length < 200) s += `${WORDS[Math.floor(next() * WORDS.length)]} `;
    return s.slice(0, 200);
  });
}

describe('suspend data', () => {
  it('gives back the same attempt: options, every event, names the scenario does not know', async () => {
    const s = gowning();
    const events: EngineEvent[] = [act('cross', 'step-over-bench'), { type: 'HINT' }, act('correct', 'rec-wash-time', 35.5, 'lu 53, écrit 35 : inversion'), { type: 'ACT', verb: 'no-such-verb', target: 'nowhere', with: 'bench', reading: 'ph', text: 'LOT-42' }];
    const a = { scenarioId: 'gowning', version: s.version, options: { seed: 987654321, mode: 'assessment' as const, forcedFault: 'torn-glove', passMark: 85 }, events };
    const data = await encodeSuspend(s, a);
    expect(data).toMatch(/^SB1\.[A-Za-z0-9+/=]+$/);
    expect(await decodeSuspend(s, data)).toEqual(a);
    expect(await decodeSuspend(s, '')).toEqual({ problem: 'empty' });
    expect(await decodeSuspend(s, 'lesson 3')).toEqual({ problem: 'foreign' });
    expect(await decodeSuspend(s, 'SB1.AAAA')).toEqual({ problem: 'corrupt' });
  });

  it("keeps the longest attempt of every scenario within 2004's 64,000 characters and 1.2's 4,096", async () => {
    // the longest attempts: the fault with the longest handling, 100 wrong gestures, and every record entry corrected twice with a reason at its maximum length
    for (const s of scenarios) {
      const c = prepare(s);
      const runs = ['none', ...s.faults.map((f) => f.id)].map((forcedFault) => ({ forcedFault, events: perfectRun(c, { seed: 5, mode: 'assessment', forcedFault }).events }));
      const run = runs.sort((x, y) => y.events.length - x.events.length)[0]!;
      const gestures = s.objects.flatMap((o) => o.actions.map((x): ActEvent => ({ type: 'ACT', verb: x.verb, target: o.id })));
      const wrong = Array.from({ length: 100 }, (_, i) => gestures[(i * 7) % gestures.length]!);
      const why = reasons(s.record.length * 2);
      const fixes = s.record.flatMap((e, i) => [0, 1].map((k): ActEvent => ({ type: 'ACT', verb: 'correct', target: e.id, value: 10 + i + k / 10, reason: why[2 * i + k]! })));
      const events = [...run.events.slice(0, -1), ...fixes, ...wrong, run.events.at(-1)!];
      const a = { scenarioId: s.id, version: s.version, options: { seed: 2_000_000_001, mode: 'assessment' as const, forcedFault: run.forcedFault, passMark: 80 }, events };
      const full = await encodeSuspend(s, a);
      expect(full.length, s.id).toBeLessThanOrEqual(64_000);
      expect(await decodeSuspend(s, full)).toEqual(a);
      // 1.2: it fits as it is, or with the reasons cut to their first 40 characters, the attempt replaying the same
      const fit = await fitSuspend(s, a, 4096);
      expect(fit, s.id).not.toBeNull();
      expect(fit!.data.length).toBeLessThanOrEqual(4096);
      const back = await decodeSuspend(s, fit!.data);
      if (!('events' in back)) throw new Error(s.id);
      expect(replay(c, back.options, back.events).score).toEqual(replay(c, a.options, a.events).score);
      if (fit!.shortened) expect(back.events.every((e) => e.type !== 'ACT' || (e.reason ?? '').length <= SHORT_REASON)).toBe(true);
    }
  });
});

describe('the commit queue', () => {
  afterEach(() => void vi.useRealTimers());

  /** An LMS that stores what a successful commit carried, and refuses the first `refuse` commits. */
  function lms(refuse: number) {
    const memory = new Map<string, string>();
    const stored = new Map<string, string>();
    const calls: string[] = [];
    const conn: Connection = {
      initialize: () => true,
      get: (e) => stored.get(e) ?? '',
      set: (e, v) => (memory.set(e, v), true),
      commit: () => {
        calls.push('commit');
        if (refuse-- > 0) {
          memory.clear(); // what a refused commit carried is lost on the LMS's side
          return false;
        }
        for (const [e, v] of memory) stored.set(e, v);
        memory.clear();
        return true;
      },
      terminate: () => (calls.push('terminate'), true),
      lastError: () => '',
    };
    return { conn, stored, calls };
  }

  it('never sends during the tap, sends again what a refused commit carried, and ends the session only once the LMS took everything', () => {
    vi.useFakeTimers();
    const { conn, stored, calls } = lms(1);
    const states: string[] = [];
    const r = new Reporter(scorm12, conn, (st) => states.push(st));
    r.put([['cmi.interactions.0.id', 'violation-a'], ['cmi.core.lesson_status', 'incomplete']]);
    expect(calls).toEqual([]); // not in the caller's turn
    vi.advanceTimersByTime(0);
    expect(calls).toEqual(['commit']);
    expect(states).toEqual(['waiting']);
    // meanwhile another action: its values join the queue, the status's newer value replaces the older
    r.put([['cmi.interactions.1.id', 'early-b'], ['cmi.core.lesson_status', 'passed']]);
    r.close('normal');
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['commit', 'commit', 'terminate']);
    expect(states).toEqual(['waiting', 'closed']);
    expect(stored.get('cmi.interactions.0.id')).toBe('violation-a');
    expect(stored.get('cmi.interactions.1.id')).toBe('early-b');
    expect(stored.get('cmi.core.lesson_status')).toBe('passed');
    expect(stored.get('cmi.core.exit')).toBe('');
    expect(stored.get('cmi.core.session_time')).toMatch(/^\d\d:\d\d:\d\d\.\d\d$/);
    // closed: nothing more is sent
    r.put([['cmi.core.lesson_status', 'failed']]);
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(3);
  });
});
