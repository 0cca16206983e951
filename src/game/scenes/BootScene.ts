/** Boot: says which renderer runs, then hands over to the Preloader. */
import Phaser from 'phaser';
import type { RoomBridge } from '../bridge';

export class BootScene extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create() {
    const bridge = this.registry.get('bridge') as RoomBridge;
    bridge.publish('renderer', this.game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas');
    this.scene.start('Preloader');
  }
}
