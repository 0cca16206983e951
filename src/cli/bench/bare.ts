/**
 * The baseline of the room benchmark: a bare Phaser 4 page built the same
 * way (Vite, production, Phaser loaded with a dynamic import like the app):
 * one scene drawing a few shapes, interactive as soon as it is created.
 * The bench opens it with the app's renderer and canvas size from the same
 * run (URL parameters: renderer=webgl|canvas, w and h the canvas's pixels,
 * cw and ch the CSS pixels it is shown at), and the page tells which
 * renderer started (body data-renderer) and its canvas size.
 */
async function start() {
  const Phaser = await import('phaser');
  const q = new URLSearchParams(location.search);
  const num = (k: string, d: number) => (Number(q.get(k)) > 0 ? Number(q.get(k)) : d);
  const w = Math.round(num('w', 1024));
  const h = Math.round(num('h', 768));
  const wanted = q.get('renderer');
  const type = wanted === 'webgl' ? Phaser.WEBGL : wanted === 'canvas' ? Phaser.CANVAS : Phaser.AUTO;
  const parent = document.getElementById('game')!;
  // shown at the size the app's canvas is shown at, when told
  if (q.get('cw') && q.get('ch')) Object.assign(parent.style, { width: `${num('cw', w)}px`, height: `${num('ch', h)}px` });
  const k = Math.min(w / 1024, h / 768);
  class Bare extends Phaser.Scene {
    create() {
      const g = this.add.graphics();
      g.fillStyle(0xeef4f7).fillRect(0, 0, w, h);
      for (let i = 0; i < 12; i++) g.fillStyle(0x0b4f6c).fillRoundedRect((40 + (i % 6) * 160) * k, (200 + Math.floor(i / 6) * 240) * k, 120 * k, 160 * k, 12 * k);
      this.add.text(40 * k, 40 * k, 'bare Phaser 4', { color: '#0b4f6c', fontSize: `${Math.round(32 * k)}px` });
      this.input.on('pointerdown', () => undefined);
      document.body.dataset.renderer = this.game.config.renderType === Phaser.WEBGL ? 'webgl' : 'canvas';
      document.body.dataset.ready = 'true';
    }
  }
  new Phaser.Game({
    type,
    parent,
    banner: false,
    width: w,
    height: h,
    backgroundColor: '#eef4f7',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, expandParent: false },
    render: { antialias: true, powerPreference: 'low-power' },
    scene: [Bare],
  });
}
void start();
