/**
 * The room of the running scenario: its baked background, its moving parts
 * (when motion is allowed), one EquipmentSprite per object at its `at`, the
 * name labels placed to overlap little. Input: a tap on an object selects it
 * (the session opens its DOM action panel); hovering or the DOM twin's focus
 * rings it; an object whose only action is a drag verb can be dragged onto
 * the room, which sends that action. It decides nothing: the engine judges.
 */
import Phaser from 'phaser';
import type { RoomBridge, SceneHooks, ScreenTarget } from '../bridge';
import { EquipmentSprite, type Ring } from '../equipment/EquipmentSprite';
import { pick, placeLabels, placeOf, ROOM_H, ROOM_W, type Target } from '../layout';
import { AMBER, INK } from '../palette';
import { roomMotion } from '../rooms';
import { dragVerbOf } from '../stateLook';

/** Half the smallest touch target (44 CSS px, with a margin), in CSS px. */
const MIN_TARGET_CSS = 24;
/** Movement, in CSS px, after which a press is a drag rather than a tap. */
const DRAG_CSS = 12;

interface Press {
  id: string;
  x: number;
  y: number;
  drag: string | null;
  moved: boolean;
  ghost?: Phaser.GameObjects.Container;
  line?: Phaser.GameObjects.Graphics;
}

export class RoomScene extends Phaser.Scene {
  private bridge!: RoomBridge;
  private zoom = 1;
  private sprites = new Map<string, EquipmentSprite>();
  private order: string[] = [];
  private hover: string | null = null;
  private press: Press | null = null;
  private hooks!: SceneHooks;
  private lastPublish = 0;
  private ended = false;

  constructor() {
    super('Room');
  }

  create() {
    this.bridge = this.registry.get('bridge') as RoomBridge;
    this.zoom = this.registry.get('zoom') as number;
    this.sprites = new Map();
    this.order = [];
    this.hover = null;
    this.press = null;
    this.ended = false;
    try {
      const cam = this.cameras.main;
      cam.setZoom(this.zoom);
      cam.centerOn(ROOM_W / 2, ROOM_H / 2);
      this.add
        .image(0, 0, this.registry.get('roomTexture') as string)
        .setOrigin(0, 0)
        .setScale(1 / this.zoom);
      const motion = !this.bridge.reducedMotion;
      if (motion) {
        const layer = this.add.container(0, 0).setDepth(10);
        roomMotion(this.bridge.room)?.({ scene: this, layer, loop: (config) => void this.tweens.add(config) });
      }
      this.input.on('pointerdown', this.onDown, this);
      this.input.on('pointermove', this.onMove, this);
      this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.onUp(p, true));
      this.input.on('pointerupoutside', (p: Phaser.Input.Pointer) => this.onUp(p, false));
      this.input.on('gameout', () => this.setHover(null));
      const onResize = () => this.publishTargets();
      this.scale.on('resize', onResize);
      this.hooks = { refresh: () => this.refresh(), highlight: () => this.applyRings() };
      const leave = () => {
        this.scale.off('resize', onResize);
        this.bridge.detach(this.hooks);
      };
      this.events.once('shutdown', leave);
      // a game destroyed to start again at a new size: the next room attaches instead
      this.events.once('destroy', leave);
      this.refresh();
      this.bridge.publish('scene', 'Room');
      this.bridge.attach(this.hooks);
      // the host may still be settling its size: publish again once laid out
      this.time.delayedCall(50, () => this.publishTargets());
    } catch (err) {
      this.bridge.fail(err);
    }
  }

  /** CSS pixels per room unit, as the canvas is shown now. */
  private cssScale(): number {
    return (this.scale.displaySize.width || ROOM_W) / ROOM_W;
  }

  private targets(): Target[] {
    return this.order.map((id) => {
      const s = this.sprites.get(id)!;
      return { id, x: s.x, y: s.y, r: s.radius };
    });
  }

  private refresh() {
    const state = this.bridge.state;
    const ids = state.objects.map((o) => o.id);
    const lang = this.bridge.lang;
    if (ids.join('\n') !== this.order.join('\n')) {
      for (const s of this.sprites.values()) s.destroy();
      this.sprites.clear();
      const motion = !this.bridge.reducedMotion;
      state.objects.forEach((o, i) => {
        this.sprites.set(o.id, new EquipmentSprite(this, o, placeOf(o.at, i, state.objects.length), lang, motion, this.zoom));
      });
      this.order = ids;
    } else {
      for (const o of state.objects) this.sprites.get(o.id)!.render(o, lang);
    }
    this.layoutLabels();
    this.applyRings();
    this.publishTargets();
    if (state.end !== 'running' && !this.ended) this.end();
  }

  private layoutLabels() {
    const requests = this.order.map((id) => {
      const s = this.sprites.get(id)!;
      return { id, x: s.x, y: s.y, objW: s.w, objH: s.h, w: s.label.width, h: s.label.height };
    });
    for (const [id, b] of placeLabels(requests)) this.sprites.get(id)?.label.setPosition(b.x, b.y);
  }

  private applyRings() {
    const focus = this.ended ? null : this.bridge.highlighted;
    for (const [id, s] of this.sprites) {
      const ring: Ring = id === focus ? 'focus' : id === this.hover && !this.ended ? 'hover' : 'none';
      s.setRing(ring);
    }
  }

  private setHover(id: string | null) {
    if (id === this.hover) return;
    this.hover = id;
    this.input.setDefaultCursor(id ? 'pointer' : 'default');
    this.applyRings();
  }

  private at(p: Phaser.Input.Pointer) {
    return this.cameras.main.getWorldPoint(p.x, p.y);
  }

  private pickAt(p: Phaser.Input.Pointer): string | null {
    const w = this.at(p);
    return pick(this.targets(), w.x, w.y, MIN_TARGET_CSS / this.cssScale());
  }

  private onDown(p: Phaser.Input.Pointer) {
    if (this.ended) return;
    const id = this.pickAt(p);
    this.setHover(id);
    if (!id) return;
    const w = this.at(p);
    const actions = this.sprites.get(id)!.view.actions;
    this.press = { id, x: w.x, y: w.y, drag: dragVerbOf(actions), moved: false };
  }

  private onMove(p: Phaser.Input.Pointer) {
    if (this.ended) return;
    const press = this.press;
    if (!press || !p.isDown) {
      this.setHover(this.pickAt(p));
      return;
    }
    const w = this.at(p);
    if (!press.moved && Math.hypot(w.x - press.x, w.y - press.y) * this.cssScale() > DRAG_CSS) press.moved = true;
    if (!press.moved || !press.drag) return;
    const sprite = this.sprites.get(press.id)!;
    press.ghost ??= sprite.ghost();
    press.line ??= this.add.graphics().setDepth(19999);
    press.ghost.setPosition(w.x, w.y);
    const g = press.line.clear();
    // a dashed trail from the object to the finger
    const d = Math.hypot(w.x - sprite.x, w.y - sprite.y);
    const steps = Math.floor(d / 18);
    for (let k = 0; k < steps; k += 2) {
      const a = k / steps;
      const b = Math.min(1, (k + 1) / steps);
      g.lineStyle(7, INK, 0.9).lineBetween(sprite.x + (w.x - sprite.x) * a, sprite.y + (w.y - sprite.y) * a, sprite.x + (w.x - sprite.x) * b, sprite.y + (w.y - sprite.y) * b);
      g.lineStyle(4, AMBER, 1).lineBetween(sprite.x + (w.x - sprite.x) * a, sprite.y + (w.y - sprite.y) * a, sprite.x + (w.x - sprite.x) * b, sprite.y + (w.y - sprite.y) * b);
    }
  }

  private onUp(p: Phaser.Input.Pointer, inside: boolean) {
    const press = this.press;
    this.press = null;
    press?.ghost?.destroy();
    press?.line?.destroy();
    if (!press || this.ended) return;
    if (!press.moved) {
      if (inside && this.pickAt(p) === press.id) this.bridge.select(press.id);
      return;
    }
    if (press.drag && inside) this.bridge.act(press.drag, press.id);
  }

  /** The attempt is over: the room stops listening and the Debrief scene closes it. */
  private end() {
    this.ended = true;
    this.press?.ghost?.destroy();
    this.press?.line?.destroy();
    this.press = null;
    this.hover = null;
    this.input.enabled = false;
    this.input.setDefaultCursor('default');
    this.applyRings();
    this.scene.launch('Debrief');
    this.scene.pause();
  }

  /** Where each object is on the page (CSS px from the host's corner), for tests and tools. */
  private publishTargets() {
    const canvas = this.game.canvas;
    const host = this.bridge.host;
    if (!canvas || !host.isConnected) return;
    const c = canvas.getBoundingClientRect();
    const hrect = host.getBoundingClientRect();
    const k = c.width / ROOM_W;
    const list: ScreenTarget[] = this.order.map((id) => {
      const s = this.sprites.get(id)!;
      const drag = dragVerbOf(s.view.actions);
      return { id, x: c.left - hrect.left + s.x * k, y: c.top - hrect.top + s.y * k, r: Math.max(s.radius * k, MIN_TARGET_CSS), ...(drag ? { drag } : {}) };
    });
    this.bridge.publishTargets(list);
  }

  override update(time: number) {
    if (time - this.lastPublish < 250) return;
    this.lastPublish = time;
    publishTweenCount(this, this.bridge);
  }
}

/** How many tweens run in the game now (data-tweens on the host): none when motion is reduced. */
export function publishTweenCount(scene: Phaser.Scene, bridge: RoomBridge) {
  const running = scene.game.scene.getScenes(true).reduce((n, s) => n + s.tweens.getTweens().filter((t) => t.isPlaying()).length, 0);
  bridge.publish('tweens', running);
}
