/**
 * SCORM 1.2's words (the `API` object, `cmi.core.*`): a training package
 * says `completed`, an assessment `passed` or `failed`, an attempt still
 * running `incomplete`; session time as HHHH:MM:SS.SS; interactions of type
 * `performance` with the result `wrong`, and no description (1.2 has none).
 * Lengths are the standard's: suspend data 4,096 characters, location 255,
 * an interaction's id 255 (CMIIdentifier: letters, digits, '-' and '_'),
 * its response 255 (CMIFeedback).
 */
import { cut, type Dialect, type LmsReport } from './runtime';

/** 1.2's CMITimespan: HHHH:MM:SS.SS (hours on two to four digits). */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** The one status 1.2 has for both completion and success. */
export function lessonStatus(r: LmsReport): string {
  if (r.success !== 'unknown') return r.success;
  return r.completion;
}

export const scorm12: Dialect = {
  standard: '1.2',
  limits: { suspendData: 4096, location: 255, interactionId: 255, response: 255, description: 0 },
  elements: {
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    interactionCount: 'cmi.interactions._count',
    language: 'cmi.student_preference.language',
  },
  suspendData: (data) => [['cmi.suspend_data', data]],
  location: (where) => [['cmi.core.lesson_location', cut(where, 255)]],
  report: (r) => [
    ...(r.score
      ? ([
          ['cmi.core.score.min', String(r.score.min)],
          ['cmi.core.score.max', String(r.score.max)],
          ['cmi.core.score.raw', String(r.score.raw)],
        ] as const)
      : []),
    ['cmi.core.lesson_status', lessonStatus(r)],
  ],
  sessionTime: (ms) => [['cmi.core.session_time', timespan12(ms)]],
  interaction: (n, i) => [
    [`cmi.interactions.${n}.id`, i.id.slice(0, 255)],
    [`cmi.interactions.${n}.type`, 'performance'],
    [`cmi.interactions.${n}.student_response`, cut(i.response, 255)],
    [`cmi.interactions.${n}.result`, 'wrong'],
  ],
  exit: (e) => [['cmi.core.exit', e === 'suspend' ? 'suspend' : '']],
};
