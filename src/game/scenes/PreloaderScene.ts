/**
 * Preloader: the room's art is drawn in code, so "loading" means baking the
 * room's still background (walls, floor, fixtures) once into a texture at the
 * canvas's pixel density; the Room scene then shows it as one image instead
 * of redrawing hundreds of shapes every frame.
 */
import Phaser from 'phaser';
import type { RoomBridge } from '../bridge';
import { ROOM_H, ROOM_W } from '../layout';
import { ROOM_COLOURS } from '../palette';
import { roomDrawing } from '../rooms';

export const roomTextureKey = (room: string, motion: boolean) => `room:${room}:${motion ? 'moving' : 'still'}`;

export class PreloaderScene extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create() {
    const bridge = this.registry.get('bridge') as RoomBridge;
    const zoom = this.registry.get('zoom') as number;
    const motion = !bridge.reducedMotion;
    const key = roomTextureKey(bridge.room, motion);
    try {
      if (!this.textures.exists(key)) {
        const g = this.make.graphics({}, false);
        roomDrawing(bridge.room)({ g, colours: ROOM_COLOURS[bridge.room] ?? ROOM_COLOURS.generic!, motion });
        g.setScale(zoom);
        g.generateTexture(key, Math.round(ROOM_W * zoom), Math.round(ROOM_H * zoom));
        g.destroy();
      }
      this.registry.set('roomTexture', key);
      this.scene.start('Room');
    } catch (err) {
      bridge.fail(err);
    }
  }
}
