/** The room each scenario names (its `room` field), each with its own background; an unknown room gets the bare shell. */
import { changingRoom } from './changingRoom';
import { downstreamSuite } from './downstreamSuite';
import { gradeBLab, gradeBLabMotion } from './gradeBLab';
import { prepRoom } from './prepRoom';
import { shell, type DrawRoom, type MotionCtx } from './shell';
import { upstreamSuite } from './upstreamSuite';

export const ROOMS: Record<string, DrawRoom> = {
  'changing-room': changingRoom,
  'prep-room': prepRoom,
  'grade-b-lab': gradeBLab,
  'upstream-suite': upstreamSuite,
  'downstream-suite': downstreamSuite,
};

/** Rooms with moving parts (only added when motion is allowed). */
const MOTION: Record<string, (m: MotionCtx) => void> = {
  'grade-b-lab': gradeBLabMotion,
};

export function roomDrawing(room: string): DrawRoom {
  return ROOMS[room] ?? shell;
}

export function roomMotion(room: string): ((m: MotionCtx) => void) | undefined {
  return MOTION[room];
}

export type { MotionCtx, RoomCtx } from './shell';
