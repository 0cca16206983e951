/** The room each scenario names (its `room` field), each with its own background and stations; an unknown room gets the bare shell and no station. */
import type { Station } from '../stations';
import { changingRoom, changingRoomStations } from './changingRoom';
import { downstreamSuite, downstreamSuiteStations } from './downstreamSuite';
import { fillingLine, fillingLineStations } from './fillingLine';
import { gradeBLab, gradeBLabStations } from './gradeBLab';
import { gradeCRoom, gradeCRoomStations } from './gradeCRoom';
import { prepRoom, prepRoomStations } from './prepRoom';
import { shell, type DrawRoom, type MotionCtx } from './shell';
import { transferAirlock, transferAirlockStations } from './transferAirlock';
import { upstreamSuite, upstreamSuiteStations } from './upstreamSuite';

export const ROOMS: Record<string, DrawRoom> = {
  'changing-room': changingRoom,
  'prep-room': prepRoom,
  'grade-b-lab': gradeBLab,
  'upstream-suite': upstreamSuite,
  'downstream-suite': downstreamSuite,
  'filling-line': fillingLine,
  'grade-c-room': gradeCRoom,
  'transfer-airlock': transferAirlock,
};

/** Rooms with moving parts (only added when motion is allowed). */
const MOTION: Record<string, (m: MotionCtx) => void> = {};

export function roomDrawing(room: string): DrawRoom {
  return ROOMS[room] ?? shell;
}

export function roomMotion(room: string): ((m: MotionCtx) => void) | undefined {
  return MOTION[room];
}

export type { MotionCtx, RoomCtx } from './shell';

const STATIONS: Record<string, Station[]> = {
  'changing-room': changingRoomStations,
  'prep-room': prepRoomStations,
  'grade-b-lab': gradeBLabStations,
  'upstream-suite': upstreamSuiteStations,
  'downstream-suite': downstreamSuiteStations,
  'filling-line': fillingLineStations,
  'grade-c-room': gradeCRoomStations,
  'transfer-airlock': transferAirlockStations,
};

/** The room's stations (none for a room the game does not draw: it stays one overview). */
export function roomStations(room: string): Station[] {
  return STATIONS[room] ?? [];
}
