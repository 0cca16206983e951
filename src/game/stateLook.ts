/**
 * What the room draws of an object's state. A scenario declares how each
 * state looks (its objects' `looks`); the room draws that and nothing else.
 * Only for an object without `looks` (a scenario imported from before the
 * word existed) does the room guess, by keywords in the state name: open or
 * closed, on or off, empty, filling or full, connected, a problem (torn,
 * expired, contaminated…), an alarm, done.
 * Pure: no Phaser, so it is unit-tested and the room only draws the result.
 */
import type { StateLook } from '../engine/types';


export interface Look {
  /** true open, false closed, undefined: the state does not say. */
  open?: boolean;
  /** true running or powered, false off or idle. */
  on?: boolean;
  /** Liquid level 0–1 when the state says it (empty, half, full…). */
  fill?: number;
  /** Liquid is moving in or out: animated when motion is allowed. */
  filling: boolean;
  connected?: boolean;
  /** Torn, expired, damaged, contaminated, rejected…: a red mark. */
  problem: boolean;
  /** Alarm in the state name or an unanswered fault on the object: blinks. */
  alarm: boolean;
  /** Worn, used, checked, noted…: a check badge. */
  done: boolean;
  /** Discarded or thrown away: drawn faded. */
  gone: boolean;
}

const PROBLEM = new Set([
  'torn', 'tear', 'ripped', 'hole', 'expired', 'outdated', 'damaged', 'contaminated', 'contamination', 'rejected', 'broken', 'leak', 'leaking', 'leaky',
  'failed', 'fail', 'faulty', 'fault', 'dirty', 'soiled', 'defective', 'cracked', 'punctured', 'blocked', 'clogged', 'spilled', 'spill', 'breach',
  'breached', 'unsterile', 'nonsterile', 'oos', 'deviation', 'wrong', 'invalid', 'unlabelled', 'unlabeled', 'compromised', 'wet', 'overdue', 'quarantine',
  'quarantined', 'error', 'ko', 'nok', 'unturned', 'stuck', 'drifting', 'cluttered', 'jammed',
]);
const ALARM = new Set(['alarm', 'alarming', 'alert', 'beeping', 'ringing', 'triggered', 'tripped', 'excursion', 'alarmed', 'warning', 'high', 'low']);
const OPEN = new Set(['open', 'opened', 'unclamped', 'unsealed', 'uncapped', 'unlocked', 'ajar', 'flowing', 'released']);
const CLOSED = new Set(['closed', 'shut', 'sealed', 'clamped', 'capped', 'locked', 'pinched']);
const ON = new Set([
  'on', 'running', 'started', 'active', 'powered', 'heating', 'stirring', 'measuring', 'recording', 'enabled', 'operating', 'working', 'cycling',
  'circulating', 'pumping', 'equilibrating', 'eluting', 'loading', 'washing', 'culturing', 'growing', 'testing', 'counting', 'weighing', 'blowing',
  'supervisor', 'sanitising', 'sanitizing', 'regulating',
]);
const OFF = new Set(['off', 'stopped', 'idle', 'paused', 'standby', 'disabled', 'unplugged', 'quiet', 'silent', 'silenced', 'shutdown']);
const EMPTY = new Set(['empty', 'emptied', 'drained', 'dry']);
const FULL = new Set(['full', 'filled', 'loaded', 'complete-fill']);
const HALF = new Set(['half', 'partial', 'partly']);
const FILLING = new Set(['filling', 'draining', 'emptying', 'transferring', 'feeding', 'dispensing']);
const CONNECTED = new Set(['connected', 'made', 'welded', 'joined', 'attached', 'assembled', 'docked', 'mated', 'plugged', 'installed', 'fitted', 'inserted', 'mounted', 'coupled', 'linked']);
const DISCONNECTED = new Set(['disconnected', 'unconnected', 'detached', 'separate', 'separated', 'loose', 'apart', 'unplugged', 'cut']);
const GONE = new Set(['discarded', 'disposed', 'thrown', 'binned', 'trashed', 'wasted']);
const DONE = new Set([
  'worn', 'used', 'done', 'checked', 'inspected', 'noted', 'passed', 'crossed', 'stored', 'removed', 'washed', 'signed', 'recorded', 'verified',
  'calibrated', 'cleaned', 'disinfected', 'sanitized', 'sanitised', 'completed', 'complete', 'labelled', 'labeled', 'tested', 'sampled', 'counted',
  'measured', 'placed', 'transferred', 'weighed', 'dissolved', 'mixed', 'adjusted', 'read', 'logged', 'documented', 'approved', 'sterilized',
  'sterilised', 'ok', 'conform', 'conforming', 'rubbed', 'sprayed', 'wiped', 'filtered', 'integral', 'dispensed', 'prepared', 'reported', 'reviewed',
  'acknowledged', 'confirmed', 'entered', 'identified', 'taken', 'called', 'inoculated', 'harvested', 'primed', 'flushed', 'purged', 'equilibrated',
  'cleared', 'replaced', 'changed', 'validated', 'released', 'donned', 'secured', 'tightened', 'seeded', 'spread', 'prewarmed', 'thawed',
  'accepted', 'repaired', 'recovered', 'rinsed', 'neutralised', 'neutralized', 'tared', 'conditioned', 'arranged', 'filed', 'printed', 'declared',
  'updated', 'regulated',
]);
const NEGATIONS = new Set(['not', 'no', 'non', 'un']);

/**
 * The look the room draws for an object: its declared look when it has one
 * (a word left out is false, `fill` left out is the drawing's usual level),
 * the keyword guess otherwise. An unanswered fault on the object (`alert`)
 * always adds the alarm. `guessed` tells the drawings whether they may read
 * the state name too.
 */
export function lookFor(view: { state: string; alert: boolean; look?: StateLook }): Look & { guessed: boolean } {
  const d = view.look;
  if (!d) return { ...lookOf(view.state, view.alert), guessed: true };
  return {
    open: d.open ?? false,
    on: d.on ?? false,
    fill: d.fill,
    filling: d.filling ?? false,
    connected: d.connected ?? false,
    problem: d.problem ?? false,
    alarm: (d.alarm ?? false) || view.alert,
    done: d.done ?? false,
    gone: d.gone ?? false,
    guessed: false,
  };
}

/** Reads a state name (and the object's fault flag) as a look: the fallback for objects without `looks`. */
export function lookOf(state: string, alert = false): Look {
  const words = state.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const look: Look = { filling: false, problem: false, alarm: alert, done: false, gone: false };
  const joined = words.join('-');
  if (joined.includes('out-of-spec') || joined.includes('out-of-range') || joined.includes('out-of-date')) look.problem = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (NEGATIONS.has(w)) {
      // "not-connected", "no-label": the next word is denied
      const next = words[++i];
      if (next === undefined) continue;
      if (CONNECTED.has(next)) look.connected = false;
      else if (OPEN.has(next)) look.open = false;
      else if (CLOSED.has(next)) look.open = true;
      else if (ON.has(next)) look.on = false;
      else if (next === 'flow' || next.startsWith('label') || next === 'id' || next === 'signature') {
        look.problem = true;
        if (next === 'flow') look.on = false;
      }
      continue;
    }
    if (PROBLEM.has(w)) look.problem = true;
    if (ALARM.has(w)) look.alarm = true;
    if (OPEN.has(w)) look.open = true;
    if (CLOSED.has(w)) look.open = false;
    if (ON.has(w)) look.on = true;
    if (OFF.has(w)) look.on = false;
    if (EMPTY.has(w)) look.fill = 0;
    if (HALF.has(w)) look.fill = 0.5;
    if (FULL.has(w)) look.fill = 1;
    if (FILLING.has(w)) {
      look.filling = true;
      look.fill ??= 0.5;
    }
    if (DISCONNECTED.has(w)) look.connected = false;
    else if (CONNECTED.has(w)) look.connected = true;
    if (GONE.has(w)) look.gone = true;
    if (DONE.has(w)) look.done = true;
  }
  if (look.problem) look.done = false;
  return look;
}

/** A clamp "on" pinches its tube shut, "off" lets it flow; "open" and "closed" say it directly. */
export function clampClosed(state: string): boolean {
  const l = lookOf(state);
  if (l.open !== undefined) return !l.open;
  return l.on ?? true;
}

/** Verbs that read naturally as a drag onto the room (WCAG 2.5.7: the action panel stays the alternative). */
export const DRAG_VERBS = ['connect', 'transfer', 'place', 'load', 'move', 'insert', 'weld'] as const;

/** The one action an object offers, when it is a drag verb that needs no value. */
export function dragVerbOf(actions: readonly { verb: string; input?: unknown }[]): string | null {
  if (actions.length !== 1) return null;
  const a = actions[0]!;
  if (a.input) return null;
  const head = a.verb.toLowerCase().split(/[^a-z]+/)[0] ?? '';
  return (DRAG_VERBS as readonly string[]).includes(head) ? a.verb : null;
}

/** What dragging an object does: a one-ended drag verb onto the room, or a gesture onto one of the objects it lists. */
export interface DragGesture {
  verb: string;
  /** The objects it can be dropped onto (a two-ended gesture); absent: dropped anywhere on the room. */
  with?: readonly string[];
}

export function dragGestureOf(actions: readonly { verb: string; input?: unknown; with?: readonly string[] }[]): DragGesture | null {
  const two = actions.find((a) => a.with?.length && !a.input);
  if (two) return { verb: two.verb, with: two.with };
  const verb = dragVerbOf(actions);
  return verb ? { verb } : null;
}
