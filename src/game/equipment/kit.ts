/**
 * The drawing kit every equipment view uses: outlined boxes, circles and
 * polygons in the room's flat style, screens that carry the object's value,
 * lamps, liquid levels (animated while filling, when motion is allowed).
 * An equipment view draws around (0, 0), inside its box of w × h.
 */
import type Phaser from 'phaser';
import { INK, LCD, LINE, SCREEN, SCREEN_OFF, WHITE } from '../palette';
import type { Look } from '../stateLook';

export interface Ctx {
  scene: Phaser.Scene;
  /** The object's body drawing, origin at its centre. */
  g: Phaser.GameObjects.Graphics;
  /** The object's container, for parts that move. */
  layer: Phaser.GameObjects.Container;
  w: number;
  h: number;
  kind: string;
  /** The state id, lower-cased: read it only when `guessed`. */
  state: string;
  look: Look;
  /**
   * The look was guessed from the state name (an object without `looks`):
   * a drawing may then read `state` for details the guess has no word for.
   * With a declared look it draws only the look, never the state name.
   */
  guessed: boolean;
  /** Animations allowed (prefers-reduced-motion is not set). */
  motion: boolean;
  /** Where the value is written (a screen), set by the drawing; else above the object. */
  screen?: { x: number; y: number; w: number; h: number };
  /** Starts a looping tween, only when motion is allowed; it is stopped when the object is redrawn. */
  loop(config: Phaser.Types.Tweens.TweenBuilderConfig): void;
  /**
   * The levels `liquid` drew, in call order, the last time this object was
   * drawn (absent: first drawing, or drawn at rest): a level that changed
   * moves from the old one to the new one, when motion is allowed.
   */
  levelsBefore?: readonly number[];
  /** The levels `liquid` draws now, in call order (the sprite keeps them for the next drawing). */
  levels?: number[];
  /** Starts a one-off tween, only when motion is allowed; it is stopped when the object is redrawn. */
  once?(config: Phaser.Types.Tweens.NumberTweenBuilderConfig): void;
  /** Draws the object again at rest (a one-off movement ended). */
  settle?(): void;
}

export type DrawKind = (c: Ctx) => void;

/** How long a level takes to move to its new height. */
export const LEVEL_MS = 900;

export function box(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, fill: number, r = 6, line = LINE, alpha = 1) {
  g.fillStyle(fill, alpha);
  if (r > 0) g.fillRoundedRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else g.fillRect(x, y, w, h);
  if (line > 0) {
    g.lineStyle(line, INK, 1);
    if (r > 0) g.strokeRoundedRect(x, y, w, h, Math.min(r, w / 2, h / 2));
    else g.strokeRect(x, y, w, h);
  }
}

/** A box by its centre. */
export function boxC(g: Phaser.GameObjects.Graphics, cx: number, cy: number, w: number, h: number, fill: number, r = 6, line = LINE) {
  box(g, cx - w / 2, cy - h / 2, w, h, fill, r, line);
}

export function circle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, fill: number, line = LINE) {
  g.fillStyle(fill, 1);
  g.fillCircle(x, y, r);
  if (line > 0) {
    g.lineStyle(line, INK, 1);
    g.strokeCircle(x, y, r);
  }
}

export function ellipse(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, fill: number, line = LINE) {
  g.fillStyle(fill, 1);
  g.fillEllipse(x, y, w, h);
  if (line > 0) {
    g.lineStyle(line, INK, 1);
    g.strokeEllipse(x, y, w, h);
  }
}

/** A closed polygon from flat coordinates [x0, y0, x1, y1, …]. */
export function poly(g: Phaser.GameObjects.Graphics, pts: number[], fill: number, line = LINE, alpha = 1) {
  const path = () => {
    g.beginPath();
    g.moveTo(pts[0]!, pts[1]!);
    for (let i = 2; i < pts.length; i += 2) g.lineTo(pts[i]!, pts[i + 1]!);
    g.closePath();
  };
  g.fillStyle(fill, alpha);
  path();
  g.fillPath();
  if (line > 0) {
    g.lineStyle(line, INK, 1);
    path();
    g.strokePath();
  }
}

/** An open line through flat coordinates. */
export function path(g: Phaser.GameObjects.Graphics, pts: number[], width = LINE, colour = INK, alpha = 1) {
  g.lineStyle(width, colour, alpha);
  g.beginPath();
  g.moveTo(pts[0]!, pts[1]!);
  for (let i = 2; i < pts.length; i += 2) g.lineTo(pts[i]!, pts[i + 1]!);
  g.strokePath();
}

export function line(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, width = LINE, colour = INK, alpha = 1) {
  g.lineStyle(width, colour, alpha);
  g.lineBetween(x1, y1, x2, y2);
}

/** A small signal lamp: green when on, grey when off, red when the object alarms. */
export function lamp(c: Ctx, x: number, y: number, r = 6) {
  const colour = c.look.alarm || c.look.problem ? 0xe04848 : c.look.on === false ? 0x9aa7b0 : 0x3fbf74;
  circle(c.g, x, y, r, colour, 2);
}

/** A screen: dark, lit when the device is not off; the value is written on it. */
export function screen(c: Ctx, x: number, y: number, w: number, h: number, withValue = true) {
  box(c.g, x, y, w, h, c.look.on === false ? SCREEN_OFF : SCREEN, 4, 2);
  if (withValue) c.screen = { x: x + w / 2, y: y + h / 2, w, h };
}

/** A sparkline on a screen: the device is recording something. */
export function trace(c: Ctx, x: number, y: number, w: number, h: number, colour = LCD, shape: 'wave' | 'peak' | 'rise' | 'flat' = 'wave') {
  if (c.look.on === false) return;
  const pts: number[] = [];
  for (let i = 0; i <= 16; i++) {
    const t = i / 16;
    let v: number;
    if (shape === 'peak') v = Math.exp(-((t - 0.55) ** 2) / 0.012);
    else if (shape === 'rise') v = 1 / (1 + Math.exp(-(t - 0.5) * 10));
    else if (shape === 'flat') v = 0.5 + Math.sin(t * 20) * 0.04;
    else v = 0.5 + Math.sin(t * Math.PI * 2.2) * 0.3;
    pts.push(x + t * w, y + h - v * h);
  }
  path(c.g, pts, 2.5, colour);
}

/**
 * Liquid in a container region (x, y, w, h: the inside), from the bottom.
 * When the state says it is filling, and motion is allowed, the level rises
 * and falls gently in its own moving part. When the level changed since the
 * object was last drawn (a transfer: one vessel falls, the other rises), it
 * moves from the old level to the new one, then the object is drawn at rest;
 * at once when motion is reduced.
 */
export function liquid(c: Ctx, x: number, y: number, w: number, h: number, level: number, colour: number, r = 4) {
  const lv = Math.max(0, Math.min(1, level));
  const from = c.levelsBefore?.[c.levels?.length ?? 0];
  c.levels?.push(lv);
  if (!c.look.filling && c.motion && c.once && from !== undefined && Math.abs(from - lv) > 0.005) {
    const part = c.scene.add.graphics();
    c.layer.add(part);
    const draw = (v: number) => {
      part.clear();
      const lh = h * Math.max(0, Math.min(1, v));
      if (lh <= 0.5) return;
      part.fillStyle(colour, 0.95).fillRoundedRect(x, y + h - lh, w, lh, Math.min(r, lh / 2, w / 2));
      // the surface, a lighter line, so the moving level reads
      part.lineStyle(2, WHITE, 0.7).lineBetween(x + 2, y + h - lh + 1, x + w - 2, y + h - lh + 1);
    };
    draw(from);
    c.once({ from, to: lv, duration: LEVEL_MS, ease: 'Sine.easeInOut', onUpdate: (tw) => draw(tw.getValue() ?? lv), onComplete: () => c.settle?.() });
    return;
  }
  if (c.look.filling && c.motion) {
    const part = c.scene.add.rectangle(x + w / 2, y + h, w, h, colour, 0.95).setOrigin(0.5, 1);
    part.setScale(1, Math.max(0.08, lv * 0.6));
    c.layer.add(part);
    c.loop({ targets: part, scaleY: Math.min(1, lv + 0.35), duration: 1600, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    return;
  }
  if (lv <= 0) return;
  c.g.fillStyle(colour, 0.95);
  const lh = h * lv;
  c.g.fillRoundedRect(x, y + h - lh, w, lh, Math.min(r, lh / 2, w / 2));
}

/** The outline drawn over a liquid, so the container reads as glass or film. */
export function glass(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, r = 6) {
  g.lineStyle(LINE, INK, 1);
  g.strokeRoundedRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  g.lineStyle(2, WHITE, 0.8);
  g.lineBetween(x + 6, y + 6, x + 6, y + h - 8);
}

/** The fill level a state means, or the kind's usual level when it does not say. */
export function levelOf(c: Ctx, usual: number): number {
  return c.look.fill ?? usual;
}
