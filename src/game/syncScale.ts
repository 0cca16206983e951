import type Phaser from 'phaser';

/**
 * Phaser maps a touch from page pixels to game pixels through the canvas's
 * place and size as it measured them last, and measures the size again only
 * when its own check notices the parent changed (every half second of
 * running game time: a still room may wait longer). The page resizes the
 * canvas at once (CSS: the drawer opened or closed, a longer phase title), so
 * measure both again now: a tap after the drawer closed was mapped through
 * the narrower room and landed on another object.
 */
export function syncScale(scale: Phaser.Scale.ScaleManager) {
  scale.updateBounds();
  const b = scale.canvasBounds;
  if (b.width > 0 && b.height > 0) scale.displayScale.set(scale.baseSize.width / b.width, scale.baseSize.height / b.height);
}
