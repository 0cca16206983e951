/**
 * SCORM 2004 4th edition's words (the `API_1484_11` object): completion
 * and success apart (`completion_status`, `success_status`), the score with
 * its scaled value (raw / max), session time as an ISO 8601 duration,
 * interactions of type `other` (a free text response) with the result
 * `incorrect` and a French description. Lengths: suspend data 64,000
 * characters, location 1,000, an interaction's id 4,000, its response 4,000,
 * its description 250 (with its `{lang=fr}` tag).
 */
import { cut, type Dialect } from './runtime';

/** 2004's timeinterval: an ISO 8601 duration, PThHmMs.ssS. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h}H${m}M${Number(s.toFixed(2))}S`;
}

const LANG_TAG = '{lang=fr}';

export const scorm2004: Dialect = {
  standard: '2004',
  limits: { suspendData: 64000, location: 1000, interactionId: 4000, response: 4000, description: 250 },
  elements: {
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    entry: 'cmi.entry',
    interactionCount: 'cmi.interactions._count',
    language: 'cmi.learner_preference.language',
  },
  suspendData: (data) => [['cmi.suspend_data', data]],
  location: (where) => [['cmi.location', cut(where, 1000)]],
  report: (r) => [
    ...(r.score
      ? ([
          ['cmi.score.min', String(r.score.min)],
          ['cmi.score.max', String(r.score.max)],
          ['cmi.score.raw', String(r.score.raw)],
          ['cmi.score.scaled', String(Math.round((100 * (r.score.raw - r.score.min)) / (r.score.max - r.score.min || 1)) / 100)],
        ] as const)
      : []),
    ['cmi.completion_status', r.completion],
    ['cmi.success_status', r.success],
  ],
  sessionTime: (ms) => [['cmi.session_time', duration2004(ms)]],
  interaction: (n, i) => [
    [`cmi.interactions.${n}.id`, i.id.slice(0, 4000)],
    [`cmi.interactions.${n}.type`, 'other'],
    [`cmi.interactions.${n}.learner_response`, cut(i.response, 4000)],
    [`cmi.interactions.${n}.result`, 'incorrect'],
    [`cmi.interactions.${n}.description`, LANG_TAG + cut(i.description, 250 - LANG_TAG.length)],
  ],
  exit: (e) => [['cmi.exit', e]],
};
