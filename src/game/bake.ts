/**
 * Bakes a drawing's paths into a picture, for the canvas renderer. Without a
 * GPU, Chromium rasterises every path of every object again in each frame
 * drawn: in the busiest room under CPU throttling ×4 that was about 7 ms of
 * a frame's 11 ms (npm run bench; the frames of a close-up opening and of a
 * transfer came out at twice and five times the 16.7 ms of the screen). A
 * baked picture is one drawImage. WebGL draws paths as triangles on the GPU:
 * nothing is baked there.
 */
import Phaser from 'phaser';
import type { Box } from './layout';

/** A camera that adds nothing: the picture's own transform says everything. */
const still = new Phaser.Cameras.Scene2D.BaseCamera(0, 0, 1, 1);
let made = 0;
const PREFIX = 'baked-';

/** The largest picture baked, in pixels a side (a canvas past this costs more memory than it saves). */
const MAX_SIDE = 2048;

/**
 * Draws `g` (its commands in its own units) into a new canvas texture at
 * `res` pixels per unit, over `box` (those units). Returns the texture's key,
 * or null when the renderer is not the canvas one or the picture would be
 * too large.
 */
export function bakeGraphics(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, box: Box, res: number): string | null {
  const renderer = scene.game.renderer;
  if (!renderer || renderer.type !== Phaser.CANVAS) return null;
  const w = Math.ceil(box.w * res);
  const h = Math.ceil(box.h * res);
  if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) return null;
  const key = `${PREFIX}${++made}`;
  const texture = scene.textures.createCanvas(key, w, h);
  if (!texture) return null;
  const at = new Phaser.GameObjects.Components.TransformMatrix(res, 0, 0, res, -box.x * res, -box.y * res);
  // Phaser's own canvas path for a Graphics (as Graphics.generateTexture does), into the picture's context
  const draw = (g as unknown as { renderCanvas(r: unknown, src: unknown, camera: unknown, parent: unknown, ctx: CanvasRenderingContext2D, clip: boolean): void }).renderCanvas;
  const { x, y, scaleX, scaleY, rotation } = g;
  // its own place is in the picture's transform (the picture is put where the drawing stood)
  g.setPosition(0, 0).setScale(1).setRotation(0);
  try {
    draw.call(g, renderer, g, still, at, texture.getContext(), false);
  } finally {
    g.setPosition(x, y).setScale(scaleX, scaleY).setRotation(rotation);
    still.renderList.length = 0;
  }
  texture.refresh();
  return key;
}

/** Gives back every picture baked in this game (the room scene leaves: its objects go with it). */
export function dropBaked(scene: Phaser.Scene) {
  const textures = scene.textures as Phaser.Textures.TextureManager | undefined;
  for (const key of textures?.getTextureKeys() ?? []) if (key.startsWith(PREFIX)) textures!.remove(key);
}
