/**
 * Stations: each room is an overview of a few work places (the changing
 * bench, the weighing bench, the safety cabinet…), each an area of the room
 * that the camera brings close. Here, pure: the shape of a station, which
 * station an object stands at (its scenario's `station`, else the area that
 * holds its `at`), and what the camera shows of a station. No Phaser.
 */
import type { Localized } from '../engine/types';
import { placeOf, ROOM_H, ROOM_W, type Box } from './layout';

export interface Station {
  id: string;
  name: Localized;
  /** Its area, in room units: at most half the room each way, so that its close-up zooms at least 2×. */
  box: Box;
}

/** Top of the station areas: above it is the ceiling. */
const TOP = 30;
const MID = 360;

/**
 * An area of a room cut in columns (x edges in room units) and two rows: the
 * back wall (row 0) and the floor (row 1).
 */
export function area(x0: number, x1: number, row: 0 | 1): Box {
  return row === 0 ? { x: x0, y: TOP, w: x1 - x0, h: MID - TOP } : { x: x0, y: MID, w: x1 - x0, h: ROOM_H - MID };
}

export const st = (id: string, fr: string, en: string, box: Box): Station => ({ id, name: { fr, en }, box });

function distanceTo(b: Box, x: number, y: number) {
  const dx = Math.max(b.x - x, 0, x - (b.x + b.w));
  const dy = Math.max(b.y - y, 0, y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/**
 * The station of an object: the one its scenario names, else the one whose
 * area holds its place (imported scenarios), else the nearest; null when the
 * room has no stations.
 */
export function stationOf(o: { station?: string; at?: readonly [number, number] }, index: number, count: number, stations: readonly Station[]): string | null {
  if (o.station && stations.some((s) => s.id === o.station)) return o.station;
  if (!stations.length) return null;
  const p = placeOf(o.at, index, count);
  let best = stations[0]!;
  for (const s of stations) if (distanceTo(s.box, p.x, p.y) < distanceTo(best.box, p.x, p.y)) best = s;
  return best.id;
}

/** Most a close-up zooms: beyond it a small station would show its objects blurred and huge. */
export const MAX_ZOOM = 3;
/** Least a close-up zooms: objects are drawn at least twice their size in the overview. */
export const MIN_ZOOM = 2;

export interface View {
  /** Centre of the view, in room units. */
  x: number;
  y: number;
  /** Zoom relative to the overview (1: the whole room). */
  zoom: number;
}

export const OVERVIEW: View = { x: ROOM_W / 2, y: ROOM_H / 2, zoom: 1 };

/**
 * What the camera shows of a station: its area, grown to the room's
 * proportions, zoomed between MIN_ZOOM and MAX_ZOOM, moved back inside the
 * room where the area touches a wall.
 */
export function cameraFor(box: Box): View {
  const fit = Math.min(ROOM_W / box.w, ROOM_H / box.h);
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fit));
  const vw = ROOM_W / zoom;
  const vh = ROOM_H / zoom;
  const x = Math.min(ROOM_W - vw / 2, Math.max(vw / 2, box.x + box.w / 2));
  const y = Math.min(ROOM_H - vh / 2, Math.max(vh / 2, box.y + box.h / 2));
  return { x, y, zoom };
}

/** The part of the room a view shows, in room units. */
export function viewBox(v: View): Box {
  const w = ROOM_W / v.zoom;
  const h = ROOM_H / v.zoom;
  return { x: v.x - w / 2, y: v.y - h / 2, w, h };
}

/** A point of the room to CSS px on the canvas, for a view shown `cssWidth` px wide. */
export function toScreen(v: View, cssWidth: number, x: number, y: number) {
  const k = (cssWidth / ROOM_W) * v.zoom;
  const b = viewBox(v);
  return { x: (x - b.x) * k, y: (y - b.y) * k };
}

/** Between two views, at t in [0, 1]: the zoom changes geometrically so the motion looks even. */
export function between(a: View, b: View, t: number): View {
  const zoom = a.zoom * (b.zoom / a.zoom) ** t;
  // the centre moves so that the point under it glides at the zoom's pace
  const s = a.zoom === b.zoom ? t : (1 / a.zoom - 1 / zoom) / (1 / a.zoom - 1 / b.zoom);
  return { x: a.x + (b.x - a.x) * s, y: a.y + (b.y - a.y) * s, zoom };
}
