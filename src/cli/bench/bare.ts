/**
 * The baseline of the room benchmark: a bare Phaser 4 page built the same
 * way (Vite, production, Phaser loaded with a dynamic import like the app):
 * one scene drawing a few shapes, interactive as soon as it is created.
 */
async function start() {
  const Phaser = await import('phaser');
  class Bare extends Phaser.Scene {
    create() {
      const g = this.add.graphics();
      g.fillStyle(0xeef4f7).fillRect(0, 0, 1024, 768);
      for (let i = 0; i < 12; i++) g.fillStyle(0x0b4f6c).fillRoundedRect(40 + (i % 6) * 160, 200 + Math.floor(i / 6) * 240, 120, 160, 12);
      this.add.text(40, 40, 'bare Phaser 4', { color: '#0b4f6c', fontSize: '32px' });
      this.input.on('pointerdown', () => undefined);
      document.body.dataset.ready = 'true';
    }
  }
  new Phaser.Game({ type: Phaser.AUTO, parent: 'game', width: 1024, height: 768, backgroundColor: '#eef4f7', scale: { mode: Phaser.Scale.FIT }, scene: [Bare] });
}
void start();
