/**
 * A Phaser text's size, padding, resolution and words set at once, drawn
 * again only when one of them changed. Phaser draws a text's whole canvas
 * again on each of setResolution, setFontSize, setPadding and setText (and
 * measures its font again on each new size): four drawings per label at
 * every layout of the room, most of them for nothing.
 */
import type Phaser from 'phaser';

export interface TextLook {
  font: number;
  /** Left/right and top/bottom padding. */
  pad: { x: number; y: number };
  resolution: number;
  text: string;
}

/** Font metrics by CSS font string: the same font measures the same in every text. */
const metricsByFont = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();
const fontKey = (fontStyle: string, fontSize: string, fontFamily: string) => `${fontStyle} ${fontSize} ${fontFamily}`;

type Style = Phaser.Types.GameObjects.Text.TextStyle;

/**
 * A new text (`make`: scene.add.text or scene.make.text with the style given)
 * with its font's metrics when an earlier text of the same font measured
 * them: Phaser measures a new text's font by drawing it and reading its
 * pixels back, about a tenth of the room's start for its labels alike.
 */
export function measuredOnce<T extends Phaser.GameObjects.Text>(style: Style, make: (style: Style) => T): T {
  const size = typeof style.fontSize === 'number' ? `${style.fontSize}px` : (style.fontSize ?? '16px');
  const known = metricsByFont.get(fontKey(style.fontStyle ?? '', size, style.fontFamily ?? 'Courier'));
  const t = make(known ? { ...style, metrics: known } : style);
  const key = fontKey(t.style.fontStyle, t.style.fontSize as string, t.style.fontFamily);
  if (!metricsByFont.has(key)) metricsByFont.set(key, { ...t.style.getTextMetrics() });
  return t;
}

export function setTextLook(t: Phaser.GameObjects.Text, look: TextLook) {
  const style = t.style;
  const size = `${look.font}px`;
  let changed = false;
  if (style.fontSize !== size) {
    const key = fontKey(style.fontStyle, size, style.fontFamily);
    const known = metricsByFont.get(key);
    if (known) style.setStyle({ fontSize: size, metrics: known }, false);
    else {
      // a size not seen yet: Phaser measures it (and draws once)
      style.setFontSize(size);
      metricsByFont.set(key, { ...style.getTextMetrics() });
    }
    changed = true;
  }
  if (style.resolution !== look.resolution) {
    style.resolution = look.resolution;
    changed = true;
  }
  const p = t.padding;
  if (p.left !== look.pad.x || p.right !== look.pad.x || p.top !== look.pad.y || p.bottom !== look.pad.y) {
    p.left = p.right = look.pad.x;
    p.top = p.bottom = look.pad.y;
    changed = true;
  }
  if (t.text !== look.text) t.setText(look.text);
  else if (changed) t.updateText();
}
