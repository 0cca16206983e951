/**
 * Debrief: the closing image over the room, dimmed, with a pass or fail
 * badge and the score; an attempt ended on a correct decision (a batch put on
 * hold, a material rejected) is a pass, and the decision is named under the
 * score. The DOM debrief stays the real one (with every explanation); this
 * only closes the room visually.
 */
import Phaser from 'phaser';
import type { RoomBridge } from '../bridge';
import { ROOM_H, ROOM_W } from '../layout';
import { FONT, GREEN, INK, RED, WHITE } from '../palette';
import { publishTweenCount } from './RoomScene';

export class DebriefScene extends Phaser.Scene {
  private lastPublish = 0;

  constructor() {
    super('Debrief');
  }

  override update(time: number) {
    if (time - this.lastPublish < 250) return;
    this.lastPublish = time;
    publishTweenCount(this, this.registry.get('bridge') as RoomBridge);
  }

  create() {
    const bridge = this.registry.get('bridge') as RoomBridge;
    const zoom = this.registry.get('zoom') as number;
    const cam = this.cameras.main;
    cam.setZoom(zoom);
    cam.centerOn(ROOM_W / 2, ROOM_H / 2);
    const passed = bridge.state.end === 'passed';
    const dim = this.add.rectangle(0, 0, ROOM_W, ROOM_H, 0x10212b, 0.55).setOrigin(0, 0);
    const cx = ROOM_W / 2;
    const cy = ROOM_H / 2 - 40;
    // the badge is drawn around its own origin so it can grow in place
    const g = this.add.graphics({ x: cx, y: cy });
    g.fillStyle(passed ? GREEN : RED, 1).fillCircle(0, 0, 120);
    g.lineStyle(10, WHITE, 1).strokeCircle(0, 0, 104);
    g.lineStyle(6, INK, 1).strokeCircle(0, 0, 122);
    g.lineStyle(24, WHITE, 1);
    if (passed) g.beginPath().moveTo(-54, 2).lineTo(-14, 44).lineTo(60, -42).strokePath();
    else {
      g.lineBetween(-48, -48, 48, 48);
      g.lineBetween(48, -48, -48, 48);
    }
    const score = bridge.state.score;
    if (score) {
      this.add
        .text(cx, cy + 190, `${score.total} / 100`, { fontFamily: FONT, fontSize: '64px', fontStyle: 'bold', color: '#ffffff', resolution: zoom })
        .setOrigin(0.5, 0.5);
    }
    const decision = bridge.state.decision;
    if (passed && decision) {
      this.add
        .text(cx, cy + 260, decision[bridge.lang] || decision.fr, { fontFamily: FONT, fontSize: '36px', fontStyle: 'bold', color: '#ffffff', resolution: zoom, align: 'center', wordWrap: { width: ROOM_W - 80 } })
        .setOrigin(0.5, 0)
        .setName('decision');
    }
    if (!bridge.reducedMotion) {
      dim.setAlpha(0);
      g.setScale(0.6).setAlpha(0);
      this.tweens.add({ targets: dim, alpha: 1, duration: 400 });
      this.tweens.add({ targets: g, alpha: 1, scale: 1, duration: 450, ease: 'Back.easeOut' });
    }
    bridge.publish('scene', 'Debrief');
  }
}
