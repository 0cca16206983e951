/**
 * A picture baked from a drawing's paths (bake.ts), shown in their place
 * while they are hidden: an object's parts and the stations' areas use it
 * alike. Phaser is only a type here, so the equipment's module stays
 * loadable without a browser (its display rules are unit-tested in Node).
 */
import type Phaser from 'phaser';
import type { Box } from './layout';

export interface Baked {
  key: string;
  /** Its pixels per unit of the drawing. */
  res: number;
  image: Phaser.GameObjects.Image;
  /** The drawing it stands for. */
  from: Phaser.GameObjects.Graphics;
}

/**
 * Puts the picture `key`, baked from `g` over `box` (its own units) at `res`,
 * where the paths draw (in `parent` just under them, else in the scene at
 * their depth), and hides the paths.
 */
export function placeBaked(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, box: Box, res: number, key: string, parent?: Phaser.GameObjects.Container): Baked {
  const image = scene.add.image(g.x + box.x, g.y + box.y, key).setOrigin(0, 0).setScale(1 / res);
  if (parent) parent.addAt(image, parent.getIndex(g));
  else image.setDepth(g.depth);
  g.setVisible(false);
  return { key, res, image, from: g };
}

/** Takes a baked picture away and gives back its texture; the paths show again unless `showPaths` is false. */
export function unbakeInPlace(scene: Phaser.Scene, b: Baked, showPaths = true) {
  b.image.destroy();
  scene.textures.remove(b.key);
  if (b.from.active && showPaths) b.from.setVisible(true);
}
