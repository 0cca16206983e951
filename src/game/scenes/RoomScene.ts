/**
 * The room of the running scenario: its baked background, its moving parts
 * (when motion is allowed), one EquipmentSprite per object at its `at`, the
 * stations (areas that the camera brings close) and the name labels, laid
 * out so that none overlaps another or a drawing, at a size that stays
 * legible on the host's actual size. Input: in the overview a tap on a
 * station opens its close-up, a tap on an object opens its station and
 * selects it; in a close-up a tap selects (the session opens its DOM action
 * panel), the back control or a horizontal swipe returns to the overview;
 * hovering or the DOM twin's focus rings an object; an object whose only
 * action is a drag verb can be dragged onto the room, which sends that
 * action. An object whose look says it is `inside` another stands inside
 * that one's drawing, at its station; in the changing room an operator
 * figure (background, not an object) wears what the looks say is on. It
 * decides nothing: the engine judges.
 */
import Phaser from 'phaser';
import { BACK_H_CSS, BACK_MARGIN_CSS, type RoomBridge, type SceneHooks, type ScreenStation, type ScreenTarget } from '../bridge';
import { EquipmentSprite, type Ring } from '../equipment/EquipmentSprite';
import { centreOf, grow, labelFont, layoutLabels, overlapArea, pick, placeOf, ROOM_H, ROOM_W, wrapVariants, type Box, type LabelItem, type PlacedLabel, type Target } from '../layout';
import { AMBER, BRAND, FONT, INK, WHITE } from '../palette';
import { roomMotion, roomStations } from '../rooms';
import { between, cameraFor, OVERVIEW, stationOf, toScreen, viewBox, type Station, type View } from '../stations';
import { dragGestureOf, type DragGesture } from '../stateLook';
import { figureBox, wornBy } from '../figure';
import { OperatorFigure } from '../operatorFigure';
import { holdersOf, insideSpot } from '../inside';
import { syncScale } from '../syncScale';
import { measuredOnce, setTextLook } from '../textLook';
import { bakeGraphics, dropBaked } from '../bake';
import { placeBaked, unbakeInPlace, type Baked } from '../baked';
import { StillPicture } from '../stillPicture';

/** Half the smallest touch target (44 CSS px, with a margin), in CSS px. */
const MIN_TARGET_CSS = 24;
/** Movement, in CSS px, after which a press is a drag rather than a tap. */
const DRAG_CSS = 12;
/** A horizontal swipe this long (CSS px) in a close-up goes back to the overview. */
const SWIPE_CSS = 60;
/** Label font sizes in CSS px: above the 12 and 14 px floors, with room for rounding. */
const OVERVIEW_FONT_CSS = 12.6;
const CLOSE_FONT_CSS = 15;
/** The layout's id of an object's readout plate (beside its label's id, the object's own). */
const READOUT = 'readout:';
/** The back control's font in CSS px (its height and margin: bridge.ts). */
const BACK_FONT_CSS = 17;
/** How long the camera takes to a station and back, when motion is allowed. */
const MOVE_MS = 300;

const BACK_LABEL = { fr: "← Vue d'ensemble", en: '← Overview' } as const;

interface Press {
  id: string | null;
  /** Where it started, in the room (world) and on the canvas (game px). */
  x: number;
  y: number;
  sx: number;
  sy: number;
  drag: DragGesture | null;
  moved: boolean;
  back?: boolean;
  ghost?: Phaser.GameObjects.Container;
  line?: Phaser.GameObjects.Graphics;
}

/** An object inside another is drawn this much smaller (a vial under the cabinet's sash). */
const INSIDE_SCALE = 0.8;

/** A silicone transfer line. */
const TUBE = 0xe9eef2;

export class RoomScene extends Phaser.Scene {
  private linkLayer: Phaser.GameObjects.Graphics | null = null;
  private bridge!: RoomBridge;
  private zoom = 1;
  private sprites = new Map<string, EquipmentSprite>();
  private order: string[] = [];
  private hover: string | null = null;
  private press: Press | null = null;
  private hooks!: SceneHooks;
  private lastPublish = 0;
  private ended = false;
  /** The room's stations that have objects in this scenario, and each object's station. */
  private stations: Station[] = [];
  private stationOfObject = new Map<string, string>();
  /** Each object's own station (from its `at` or `station`); one inside another stands at its holder's. */
  private homeStation = new Map<string, string>();
  private station: string | null = null;
  private view: View = OVERVIEW;
  private moving: Phaser.Tweens.Tween | null = null;
  private zones!: Phaser.GameObjects.Graphics;
  private tabs = new Map<string, Phaser.GameObjects.Text>();
  /** A camera that draws only the back control and the station's title, unzoomed. */
  private hud!: Phaser.Cameras.Scene2D.Camera;
  private hudObjects = new Set<Phaser.GameObjects.GameObject>();
  private back!: Phaser.GameObjects.Text;
  private title!: Phaser.GameObjects.Text;
  private probe!: Phaser.GameObjects.Text;
  private measureCtx: CanvasRenderingContext2D | null = null;
  private lineHeights = new Map<string, [number, number]>();
  private widths = new Map<number, Map<string, number>>();
  private wrapped = new Map<string, string[][]>();
  private layouts = new Map<string, Map<string, PlacedLabel>>();
  private laidOut = '';
  private labelBoxes = new Map<string, Box>();
  /** The readout plates laid out in the close-up (instruments with several readings read), by object. */
  private readoutBoxes = new Map<string, Box>();
  private fonts = new Map<string, number>();
  /** The operator who wears what has been put on (rooms that have one), and the station where it stands. */
  private figure: OperatorFigure | null = null;
  private figureStation: string | null = null;
  /** What stands still, drawn once while something moves (the canvas renderer): taken back before any change. */
  private still: StillPicture | null = null;

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
    this.tabs = new Map();
    this.hudObjects = new Set();
    this.laidOut = '';
    this.moving = null;
    this.station = null;
    this.linkLayer = null;
    this.figure = null;
    this.figureStation = null;
    this.still = null;
    try {
      this.applyView(OVERVIEW);
      this.still = new StillPicture(this, this.cameras.main);
      // the HUD camera sees only what is made for it; the room's camera never sees it
      this.hud = this.cameras.add(0, 0, this.scale.width, this.scale.height).setZoom(this.zoom);
      this.hud.centerOn(ROOM_W / 2, ROOM_H / 2);
      this.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, (go: Phaser.GameObjects.GameObject) => {
        if (!this.hudObjects.has(go)) this.hud.ignore(go);
      });
      this.makeHud();
      this.add
        .image(0, 0, this.registry.get('roomTexture') as string)
        .setOrigin(0, 0)
        .setScale(1 / this.zoom);
      this.zones = this.add.graphics().setDepth(50);
      const motion = !this.bridge.reducedMotion;
      if (motion) {
        const layer = this.add.container(0, 0).setDepth(10);
        roomMotion(this.bridge.room)?.({ scene: this, layer, loop: (config) => void this.tweens.add(config) });
      }
      this.probe = measuredOnce({ fontFamily: FONT, fontStyle: 'bold' }, (st) => this.make.text({ style: st }, false));
      this.input.on('pointerdown', this.onDown, this);
      this.input.on('pointermove', this.onMove, this);
      this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.onUp(p, true));
      this.input.on('pointerupoutside', (p: Phaser.Input.Pointer) => this.onUp(p, false));
      this.input.on('gameout', () => this.setHover(null));
      const onResize = () => (this.still?.drop(), this.relayout());
      this.scale.on('resize', onResize);
      // the page can resize the canvas's box before Phaser's next size check (up to half a second):
      // lay out again (and tell the page where things are) as soon as the box the trainee sees changes
      const shown = typeof ResizeObserver === 'function' && this.game.canvas ? new ResizeObserver(() => {
        this.wake();
        this.still?.drop();
        syncScale(this.scale);
        this.relayout();
      }) : null;
      if (shown) shown.observe(this.game.canvas);
      this.hooks = {
        refresh: () => (this.wake(), this.still?.drop(), this.refresh()),
        highlight: () => (this.wake(), this.applyRings()),
        station: (id) => (this.wake(), this.still?.drop(), this.goTo(id, !this.bridge.reducedMotion)),
      };
      // any touch, click or pointer move: drawn at full rate at once (the pointer's handlers run before the next step)
      for (const e of ['pointerdown', 'pointermove', 'pointerup', 'wheel']) this.input.on(e, this.wake, this);
      const leave = () => {
        shown?.disconnect();
        this.scale.off('resize', onResize);
        this.bridge.detach(this.hooks);
        this.zonesBaked = null;
        this.still?.destroy();
        dropBaked(this);
      };
      this.events.once('shutdown', leave);
      // a game destroyed to start again at a new size: the next room attaches instead
      this.events.once('destroy', leave);
      this.refresh();
      // a room started again at a new size (a turned tablet) opens where the trainee was, at once
      if (this.bridge.station) this.goTo(this.bridge.station, false);
      else this.bridge.stationChanged(null);
      this.bridge.publish('view', 'still');
      this.bridge.publish('scene', 'Room');
      this.bridge.attach(this.hooks);
      // the host may still be settling its size: lay out again once it is
      this.time.delayedCall(50, () => this.relayout());
    } catch (err) {
      this.bridge.fail(err);
    }
  }

  /* ---------- sizes ---------- */

  /** CSS pixels per room unit in the overview, as the canvas is shown now. */
  private cssScale(): number {
    const shown = this.game.canvas?.getBoundingClientRect().width || this.scale.displaySize.width || ROOM_W;
    return shown / ROOM_W;
  }

  /** A label's line width at this font, in room units; each line measured once per font size (a layout measures the same words many times). */
  private measure(font: number): (t: string) => number {
    this.measureCtx ??= document.createElement('canvas').getContext('2d');
    const ctx = this.measureCtx;
    if (!ctx) return (t) => t.length * font * 0.6;
    let widths = this.widths.get(font);
    if (!widths) this.widths.set(font, (widths = new Map()));
    const css = `bold ${font}px ${FONT}`;
    return (t) => {
      let w = widths.get(t);
      if (w === undefined) {
        if (ctx.font !== css) ctx.font = css;
        w = ctx.measureText(t).width;
        widths.set(t, w);
      }
      return w;
    };
  }

  /** A name's ways of breaking into lines at this font (names change only with the language). */
  private wraps(name: string, font: number, measure: (t: string) => number): string[][] {
    const key = `${font}|${name}`;
    let v = this.wrapped.get(key);
    if (!v) {
      if (this.wrapped.size > 4000) this.wrapped.clear();
      this.wrapped.set(key, (v = wrapVariants(name, measure, 4)));
    }
    return v;
  }

  /**
   * The labels' layout for these items, area and obstacles: found once, then
   * taken again (a ring change in the overview changes one station's labels;
   * the others are laid out as they were).
   */
  private layoutOnce(items: LabelItem[], area: Box, obstacles: Box[], options: { overOwn?: boolean } = {}): Map<string, PlacedLabel> {
    const key = JSON.stringify([items, area, obstacles, options]);
    let v = this.layouts.get(key);
    if (!v) {
      if (this.layouts.size > 400) this.layouts.clear();
      this.layouts.set(key, (v = layoutLabels(items, area, obstacles, options)));
    }
    return v;
  }

  /** The height of a label of 1 and of 2 lines at this font, as Phaser draws it (measured once per size). */
  private lineHeight(font: number, pad: number): [number, number] {
    const key = `${font}|${pad}`;
    let v = this.lineHeights.get(key);
    if (!v) {
      this.probe.setFontSize(`${font}px`).setPadding(0, pad, 0, pad);
      const one = this.probe.setText('Ég').height;
      const two = this.probe.setText('Ég\nÉg').height;
      v = [one, two - one];
      this.lineHeights.set(key, v);
    }
    return v;
  }

  /* ---------- the HUD: back control and the station's title ---------- */

  private makeHud() {
    const style = { fontFamily: FONT, fontStyle: 'bold', color: '#10212b', resolution: Math.max(1, this.zoom) };
    // made off the scene first, so that the hook above does not hide them from the HUD camera
    this.back = measuredOnce({ ...style, backgroundColor: '#ffffff' }, (st) => this.make.text({ style: st }, false)).setDepth(30000);
    this.title = measuredOnce({ ...style, backgroundColor: '#ffffffe6' }, (st) => this.make.text({ style: st }, false)).setDepth(30000);
    for (const o of [this.back, this.title]) {
      this.hudObjects.add(o);
      this.add.existing(o);
    }
    this.cameras.main.ignore([this.back, this.title]);
    this.back.setVisible(false);
    this.title.setVisible(false);
  }

  /** The back control's place in HUD units (the room as in the overview). */
  private layoutHud() {
    const k = this.cssScale();
    const font = BACK_FONT_CSS / k;
    const padY = (BACK_H_CSS / k - this.lineHeight(font, 0)[0]) / 2;
    const padX = 14 / k;
    const m = BACK_MARGIN_CSS / k;
    const res = Math.max(1, this.zoom);
    setTextLook(this.back, { font, pad: { x: padX, y: padY }, resolution: res, text: BACK_LABEL[this.bridge.lang] ?? BACK_LABEL.fr });
    this.back.setPosition(m, m);
    const name = this.stations.find((s) => s.id === this.station)?.name;
    const tpad = padY;
    setTextLook(this.title, { font, pad: { x: padX, y: tpad }, resolution: res, text: name ? (name[this.bridge.lang] ?? name.fr) : '' });
    const shown = this.station !== null && !this.ended;
    this.back.setVisible(shown);
    this.title.setVisible(shown);
    this.placeTitle(m);
    this.drawBackFrame();
  }

  /**
   * The close-up's title: beside the back control, unless it would lie over
   * one of the station's drawings there (a long name in English over a station
   * at the room's top edge); then in the first other corner where it lies over
   * none (top right, bottom left, bottom right).
   */
  private placeTitle(m: number) {
    const [w, h] = [this.title.width, this.title.height];
    const spots: [number, number][] = [
      [m * 2 + this.back.width, m],
      [ROOM_W - m - w, m],
      [m, ROOM_H - m - h],
      [ROOM_W - m - w, ROOM_H - m - h],
    ];
    const drawings = this.station === null ? [] : this.order.filter((id) => this.visible(id)).map((id) => this.sprites.get(id)!.drawnBox);
    const vb = viewBox(this.view);
    const r = this.view.zoom;
    const free = spots.find(([x, y]) => {
      const box = grow({ x: vb.x + x / r, y: vb.y + y / r, w: w / r, h: h / r }, 4 / r);
      return !drawings.some((d) => overlapArea(box, d) > 0);
    });
    const [x, y] = free ?? spots[0]!;
    this.title.setPosition(x, y);
  }

  private backFrame: Phaser.GameObjects.Graphics | null = null;

  /** A frame around the back control, so it reads as a button. */
  private drawBackFrame() {
    if (!this.backFrame) {
      this.hudObjects.add((this.backFrame = this.make.graphics({}, false)));
      this.add.existing(this.backFrame);
      this.backFrame.setDepth(30001);
      this.cameras.main.ignore(this.backFrame);
    }
    const g = this.backFrame.clear();
    if (!this.back.visible) return;
    const k = this.cssScale();
    g.lineStyle(3 / k, INK, 1).strokeRoundedRect(this.back.x, this.back.y, this.back.width, this.back.height, 8 / k);
    g.lineStyle(2 / k, BRAND, 1).strokeRoundedRect(this.back.x + 3 / k, this.back.y + 3 / k, this.back.width - 6 / k, this.back.height - 6 / k, 6 / k);
  }

  /** The back control and title in room units of the current view (labels keep off them). */
  private hudObstacles(): Box[] {
    if (!this.back.visible) return [];
    const vb = viewBox(this.view);
    const r = this.view.zoom;
    return [this.back, this.title].map((t) => grow({ x: vb.x + t.x / r, y: vb.y + t.y / r, w: t.width / r, h: t.height / r }, 4 / r));
  }

  /** The operator figure's box, when it shows: labels keep off it as off a drawing. */
  private figureObstacles(): Box[] {
    return this.figure?.root.visible ? [grow(this.figure.box, 3)] : [];
  }

  /* ---------- objects ---------- */

  private targets(): Target[] {
    return this.order.filter((id) => this.visible(id)).map((id) => ({ id, box: this.sprites.get(id)!.drawnBox }));
  }

  private visible(id: string): boolean {
    return this.station === null || this.stationOfObject.get(id) === this.station;
  }

  private refresh() {
    const state = this.bridge.state;
    const ids = state.objects.map((o) => o.id);
    const lang = this.bridge.lang;
    if (ids.join('\n') !== this.order.join('\n')) {
      // the objects in the room changed (the first drawing, or one brought in or taken away by the procedure):
      // those still there stay as they are drawn, a new one appears (fading in when motion is allowed)
      const first = this.order.length === 0;
      const keep = new Set(ids);
      for (const [id, s] of this.sprites) {
        if (keep.has(id)) continue;
        s.destroy();
        this.sprites.delete(id);
      }
      if (this.hover !== null && !keep.has(this.hover)) this.hover = null;
      // a press or drag on an object taken away ends with it
      if (this.press?.id && !keep.has(this.press.id)) {
        this.press.ghost?.destroy();
        this.press.line?.destroy();
        this.press = null;
      }
      const motion = !this.bridge.reducedMotion;
      const all = roomStations(this.bridge.room);
      this.homeStation.clear();
      state.objects.forEach((o, i) => {
        const at = placeOf(o.at, i, state.objects.length);
        const sprite = this.sprites.get(o.id);
        if (sprite) sprite.render(o, lang);
        else {
          const made = new EquipmentSprite(this, o, at, lang, motion, this.zoom);
          this.sprites.set(o.id, made);
          if (!first) made.appear();
        }
        const st = stationOf(o, i, state.objects.length, all);
        if (st) this.homeStation.set(o.id, st);
      });
      this.placeInside(!first && motion);
      const used = new Set(this.homeStation.values());
      this.stations = all.filter((s) => used.has(s.id));
      this.order = ids;
      const fb = figureBox(this.bridge.room, state.objects);
      if (first || !fb !== !this.figure) {
        this.figure?.destroy();
        this.figure = fb ? new OperatorFigure(this, fb, motion) : null;
      }
      const fc = fb ? centreOf(fb) : null;
      this.figureStation = fc ? (this.stations.find((s) => fc.x >= s.box.x && fc.x <= s.box.x + s.box.w && fc.y >= s.box.y && fc.y <= s.box.y + s.box.h)?.id ?? null) : null;
      if (this.station && !used.has(this.station)) this.goTo(null, false);
    } else {
      for (const o of state.objects) this.sprites.get(o.id)!.render(o, lang);
      this.placeInside(!this.bridge.reducedMotion);
    }
    if (this.figure) {
      this.figure.wear(wornBy(state.objects));
      this.bridge.publish('figure', this.figure.words);
    }
    this.showStationObjects();
    this.drawLinks();
    this.applyRings();
    this.relayout();
    if (state.end !== 'running' && !this.ended) this.end();
  }

  /**
   * Objects put inside another (a vial in the safety cabinet) stand inside
   * its drawing, a little smaller, over it, at its station; the others at
   * their own place. Moving along the way when `animate`.
   */
  private placeInside(animate: boolean) {
    const objects = this.bridge.state.objects;
    const holders = holdersOf(objects);
    const held = new Map<string, string[]>();
    for (const o of objects) {
      const h = holders.get(o.id);
      if (h) held.set(h, [...(held.get(h) ?? []), o.id]);
    }
    this.stationOfObject.clear();
    for (const [id, s] of this.sprites) {
      const h = holders.get(id);
      const hs = h ? this.sprites.get(h) : undefined;
      if (h && hs) {
        const list = held.get(h)!;
        const spot = insideSpot({ kind: hs.kind, x: hs.home.x, y: hs.home.y }, s, list.indexOf(id), list.length);
        s.place(spot.x, spot.y, INSIDE_SCALE, 100 + hs.home.y + 1, animate);
        const st = this.homeStation.get(h);
        if (st) this.stationOfObject.set(id, st);
        continue;
      }
      s.place(s.home.x, s.home.y, 1, 100 + s.home.y, animate);
      const st = this.homeStation.get(id);
      if (st) this.stationOfObject.set(id, st);
    }
  }

  /** In a close-up only the station's objects are shown (and can be tapped). */
  private showStationObjects() {
    for (const [id, s] of this.sprites) {
      const v = this.visible(id);
      s.root.setVisible(v);
      s.label.setVisible(v && !this.moving);
      s.readout.setVisible(v && !this.moving && this.station !== null && this.readoutBoxes.has(id));
    }
    const overview = this.station === null;
    this.figure?.setVisible(overview || this.moving !== null || this.figureStation === this.station);
    this.showZones(overview && !this.moving);
    for (const t of this.tabs.values()) t.setVisible(overview && !this.moving);
  }

  /* ---------- labels ---------- */

  /** Lays the labels (and the stations' names) out for the current view and size, when something they depend on changed. */
  private relayout(force = false) {
    const k = this.cssScale();
    const overview = this.station === null;
    const font = overview ? labelFont(OVERVIEW_FONT_CSS, k) : labelFont(CLOSE_FONT_CSS, k * this.view.zoom);
    const ids = this.order.filter((id) => this.visible(id));
    const key = JSON.stringify([
      font,
      this.station,
      this.bridge.lang,
      k,
      ids.map((id) => {
        const s = this.sprites.get(id)!;
        const b = s.drawnBox;
        return [id, Math.round(b.x), Math.round(b.y), Math.round(b.w), Math.round(b.h), s.focusLine, overview ? [] : s.readoutLines];
      }),
    ]);
    if (key === this.laidOut && !force) {
      this.publishTargets();
      return;
    }
    this.still?.drop();
    this.laidOut = key;
    this.layoutHud();
    const pad = { x: Math.round(font * 0.35 * 10) / 10, y: Math.round(font * 0.12 * 10) / 10 };
    const measure = this.measure(font);
    const [h1, step] = this.lineHeight(font, pad.y);
    // never under 1: Phaser 4 fills a text's background over only resolution² of it below 1
    const resolution = Math.max(1, Math.min(4, this.zoom * this.view.zoom));
    const shapes = new Map<string, string[][]>();
    const item = (id: string): LabelItem => {
      const s = this.sprites.get(id)!;
      const focus = s.focusLine;
      const variants = this.wraps(s.name, font, measure).map((lines) => (focus ? [...lines, focus] : lines));
      shapes.set(id, variants);
      return { id, body: s.drawnBox, variants: variants.map((lines) => ({ w: Math.max(...lines.map(measure)) + pad.x * 2 + 1, h: h1 + step * (lines.length - 1) + 1 })) };
    };
    // an instrument's readout plate in the close-up: a line per reading read, laid out with the labels, beside its drawing;
    // a line too wide for a third of the view breaks after the reading's label
    const plates = new Map<string, string[][]>();
    const plateItem = (id: string): LabelItem | null => {
      const s = this.sprites.get(id)!;
      const lines = s.readoutLines;
      if (!lines.length) return null;
      const broken = lines.flatMap((l) => {
        const at = l.indexOf(': ');
        return at > 0 && measure(l) > vbWidth / 3 ? [l.slice(0, at + 1), `  ${l.slice(at + 2)}`] : [l];
      });
      const variants = broken.length > lines.length ? [lines, broken] : [lines];
      plates.set(id, variants);
      return { id: `${READOUT}${id}`, body: s.drawnBox, variants: variants.map((v) => ({ w: Math.max(...v.map(measure)) + pad.x * 2 + 1, h: h1 + step * (v.length - 1) + 1 })) };
    };
    const vbWidth = overview ? ROOM_W : viewBox(this.view).w;
    const placed = new Map<string, Box>();
    const platesPlaced = new Map<string, Box>();
    const put = (id: string, box: Box, variant: number) => {
      if (id.startsWith(READOUT)) {
        const of = id.slice(READOUT.length);
        this.sprites.get(of)!.setReadout(plates.get(of)![variant]!, font, pad, resolution);
        platesPlaced.set(of, box);
        return;
      }
      this.sprites.get(id)!.setLabel(shapes.get(id)![variant]!, font, pad, resolution);
      placed.set(id, box);
    };
    if (overview) {
      const tabs = this.layoutTabs(font, pad, resolution);
      const byStation = new Map<string | null, string[]>();
      for (const id of ids) {
        const st = this.stationOfObject.get(id) ?? null;
        byStation.set(st, [...(byStation.get(st) ?? []), id]);
      }
      // each station's labels inside its own area, clear of its name: stations stay apart and read as units
      const tabBoxes = [...tabs.values()].map((t) => grow(t, 2)).concat(this.figureObstacles());
      const failed: string[][] = [];
      for (const [st, list] of byStation) {
        const station = this.stations.find((s) => s.id === st);
        const areaBox = station ? station.box : { x: 0, y: 0, w: ROOM_W, h: ROOM_H };
        const res = this.layoutOnce(list.map(item), areaBox, tabBoxes, { overOwn: false });
        if ([...res.values()].every((p) => p.ok)) for (const [id, p] of res) put(id, p.box, p.variant);
        else failed.push(list);
      }
      // a station too full for its labels lends room from around it, clear of everything placed and drawn
      for (const list of failed) {
        const own = new Set(list);
        const obstacles = [...tabBoxes, ...placed.values(), ...ids.filter((id) => !own.has(id)).map((id) => this.sprites.get(id)!.drawnBox)];
        const room = { x: 2, y: 2, w: ROOM_W - 4, h: ROOM_H - 4 };
        let res = this.layoutOnce(list.map(item), room, obstacles, { overOwn: false });
        if ([...res.values()].some((p) => !p.ok)) res = this.layoutOnce(list.map(item), room, obstacles);
        for (const [id, p] of res) put(id, p.box, p.variant);
      }
    } else {
      const vb = viewBox(this.view);
      const areaBox = grow(vb, -3 / this.view.zoom);
      const items = [...ids.map(item), ...ids.flatMap((id) => plateItem(id) ?? [])];
      for (const [id, p] of this.layoutOnce(items, areaBox, [...this.hudObstacles(), ...this.figureObstacles()])) put(id, p.box, p.variant);
    }
    // the text as drawn can be a few units taller or wider than the layout's estimate: never let it leave the room
    const bounds = overview ? { x: 2, y: 2, w: ROOM_W - 4, h: ROOM_H - 4 } : grow(viewBox(this.view), -3 / this.view.zoom);
    for (const [id, box] of placed) {
      const s = this.sprites.get(id)!;
      const b = {
        ...box,
        x: Math.max(bounds.x, Math.min(box.x, bounds.x + bounds.w - s.label.width)),
        y: Math.max(bounds.y, Math.min(box.y, bounds.y + bounds.h - s.label.height)),
      };
      s.label.setPosition(b.x, b.y);
      this.labelBoxes.set(id, { x: b.x, y: b.y, w: s.label.width, h: s.label.height });
      this.fonts.set(id, font);
    }
    this.readoutBoxes.clear();
    for (const [id, s] of this.sprites) {
      const box = platesPlaced.get(id);
      s.readout.setVisible(!!box && !this.moving);
      if (!box) continue;
      const b = {
        x: Math.max(bounds.x, Math.min(box.x, bounds.x + bounds.w - s.readout.width)),
        y: Math.max(bounds.y, Math.min(box.y, bounds.y + bounds.h - s.readout.height)),
      };
      s.readout.setPosition(b.x, b.y);
      this.readoutBoxes.set(id, { x: b.x, y: b.y, w: s.readout.width, h: s.readout.height });
    }
    this.publishTargets();
  }

  /** The stations' areas and names in the overview; returns each name's box. */
  private layoutTabs(font: number, pad: { x: number; y: number }, resolution: number): Map<string, Box> {
    const before = this.zones.commandBuffer.slice();
    const g = this.zones.clear();
    const out = new Map<string, Box>();
    const active = new Set(this.stations.map((s) => s.id));
    for (const [id, t] of this.tabs) {
      if (!active.has(id)) {
        t.destroy();
        this.tabs.delete(id);
      }
    }
    const k = this.cssScale();
    for (const s of this.stations) {
      const b = grow(s.box, -4);
      // a soft mat under the station: an area, not a thing to tap
      g.fillStyle(WHITE, 0.22).fillRoundedRect(b.x, b.y, b.w, b.h, 14);
      g.lineStyle(2 / k, INK, 0.35).strokeRoundedRect(b.x, b.y, b.w, b.h, 14);
      let t = this.tabs.get(s.id);
      if (!t) {
        t = measuredOnce({ fontFamily: FONT, fontStyle: 'bold', color: '#ffffff', backgroundColor: '#0b4f6c' }, (st) => this.add.text(0, 0, '', st)).setDepth(4000);
        this.tabs.set(s.id, t);
      }
      setTextLook(t, { font, pad, resolution, text: `${s.name[this.bridge.lang] ?? s.name.fr} ›` });
      t.setPosition(b.x + 4, b.y + 4);
      out.set(s.id, { x: t.x, y: t.y, w: t.width, h: t.height });
    }
    // laid out again on every ring change: the areas' picture stays while they are drawn the same
    const now = g.commandBuffer;
    if (now.length !== before.length || now.some((c, i) => c !== before[i])) this.unbakeZones();
    return out;
  }

  /* ---------- rings and hover ---------- */

  private applyRings() {
    const focus = this.ended ? null : this.bridge.highlighted;
    for (const [id, s] of this.sprites) {
      const ring: Ring = id === focus ? 'focus' : id === this.hover && !this.ended ? 'hover' : 'none';
      if (s.setRing(ring)) this.still?.drop();
    }
    // the focused label gains its state line: lay out again if it changed
    if (this.order.length) this.relayout();
  }

  private setHover(id: string | null) {
    if (id === this.hover) return;
    this.hover = id;
    this.input.setDefaultCursor(id ? 'pointer' : 'default');
    this.applyRings();
  }

  /* ---------- the camera ---------- */

  private applyView(v: View) {
    this.still?.drop();
    this.view = v;
    const cam = this.cameras.main;
    cam.setZoom(this.zoom * v.zoom);
    cam.centerOn(v.x, v.y);
    // the camera's matrix follows only at its next render, up to a still room's frame later: a tap in that time
    // was mapped through the view before (pressed on the bench's close-up, released on the overview)
    cam.preRender();
  }

  /** Opens a station's close-up (null: the overview), animated when motion is allowed. */
  private goTo(id: string | null, animate: boolean) {
    const station = id ? this.stations.find((s) => s.id === id) : undefined;
    const next = station ? station.id : null;
    if (next === this.station && !this.moving) {
      this.bridge.stationChanged(next);
      return;
    }
    const target = station ? cameraFor(station.box) : OVERVIEW;
    const from = this.view;
    this.moving?.stop();
    this.moving = null;
    this.station = next;
    this.bridge.publish('view', 'moving');
    const settle = () => {
      this.moving = null;
      this.applyView(target);
      // at rest, a picture baked for a farther view would show blurred: those draw their paths again
      const zoom = this.cameras.main.zoom;
      for (const s of this.sprites.values()) s.unbakeBelow(Math.round(zoom * s.scale * 100) / 100);
      this.showStationObjects();
      this.drawLinks();
      this.relayout(true);
      this.bridge.publish('view', 'still');
      this.bridge.stationChanged(next);
    };
    if (!animate) {
      settle();
      return;
    }
    // while moving, every object of the two views shows, without labels; they are laid out on arrival
    for (const s of this.sprites.values()) {
      s.root.setVisible(true);
      s.label.setVisible(false);
      s.readout.setVisible(false);
    }
    this.showZones(false);
    for (const t of this.tabs.values()) t.setVisible(false);
    this.back.setVisible(false);
    this.title.setVisible(false);
    this.backFrame?.clear();
    // the frames of the move draw pictures (from the view it leaves; a close-up's stay sharp going back)
    this.bakeInView(true);
    this.moving = this.tweens.addCounter({
      from: 0,
      to: 1,
      duration: MOVE_MS,
      ease: 'Sine.easeInOut',
      onUpdate: (tw) => this.applyView(between(from, target, tw.getValue() ?? 0)),
      onComplete: settle,
    });
  }

  /* ---------- input ---------- */

  private at(p: Phaser.Input.Pointer) {
    return this.cameras.main.getWorldPoint(p.x, p.y);
  }

  /** CSS px per game px (the canvas's own pixels). */
  private cssPerGamePx(): number {
    return this.cssScale() / this.zoom;
  }

  private pickAt(p: Phaser.Input.Pointer): string | null {
    if (this.moving) return null;
    const w = this.at(p);
    return pick(this.targets(), w.x, w.y, (MIN_TARGET_CSS * 2) / (this.cssScale() * this.view.zoom));
  }

  /** Reads the object's display when the point is on it; says whether it was. */
  private readDisplayAt(id: string, w: { x: number; y: number }): boolean {
    const s = this.sprites.get(id);
    const d = s?.screen;
    const readings = s?.view.readings ?? [];
    if (!s || !d || !readings.length) return false;
    const pad = 6;
    if (w.x < d.x - pad || w.x > d.x + d.w + pad || w.y < d.y - pad || w.y > d.y + d.h + pad) return false;
    this.bridge.select(id);
    for (const r of readings) this.bridge.act('read', id, r.reading ? { reading: r.reading } : {});
    return true;
  }

  /**
   * What two-ended gestures joined, drawn as a tube from one object to the
   * other (a connection, a transfer line), under the objects; at once, so a
   * resumed attempt shows what was connected before.
   */
  private drawLinks() {
    const g = (this.linkLayer ??= this.add.graphics().setDepth(90));
    g.clear();
    for (const l of this.bridge.state.links ?? []) {
      const a = this.sprites.get(l.from);
      const b = this.sprites.get(l.to);
      if (!a || !b || !this.visible(l.from) || !this.visible(l.to)) continue;
      const midY = Math.max(a.y + a.h / 2, b.y + b.h / 2) + 18;
      const pts = [a.x, a.y + a.h * 0.3, a.x, midY, b.x, midY, b.x, b.y + b.h * 0.3];
      for (const [width, colour] of [[13, INK], [8, TUBE]] as const) {
        g.lineStyle(width, colour, 1).beginPath().moveTo(pts[0]!, pts[1]!);
        for (let i = 2; i < pts.length; i += 2) g.lineTo(pts[i]!, pts[i + 1]!);
        g.strokePath();
      }
    }
  }

  private onBack(p: Phaser.Input.Pointer): boolean {
    if (!this.back.visible) return false;
    const hp = this.hud.getWorldPoint(p.x, p.y);
    return hp.x >= this.back.x && hp.x <= this.back.x + this.back.width && hp.y >= this.back.y && hp.y <= this.back.y + this.back.height;
  }

  private onDown(p: Phaser.Input.Pointer) {
    if (this.ended) return;
    const w = this.at(p);
    if (this.onBack(p)) {
      this.press = { id: null, x: w.x, y: w.y, sx: p.x, sy: p.y, drag: null, moved: false, back: true };
      return;
    }
    const id = this.pickAt(p);
    this.setHover(id);
    const actions = id ? this.sprites.get(id)!.view.actions : [];
    this.press = { id, x: w.x, y: w.y, sx: p.x, sy: p.y, drag: id ? dragGestureOf(actions) : null, moved: false };
  }

  private onMove(p: Phaser.Input.Pointer) {
    if (this.ended) return;
    const press = this.press;
    if (!press || !p.isDown) {
      this.setHover(this.pickAt(p));
      return;
    }
    if (!press.moved && Math.hypot(p.x - press.sx, p.y - press.sy) * this.cssPerGamePx() > DRAG_CSS) press.moved = true;
    if (!press.moved || !press.drag || !press.id) return;
    const w = this.at(p);
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
    if (press.back) {
      if (inside && this.onBack(p)) this.goTo(null, !this.bridge.reducedMotion);
      return;
    }
    if (!press.moved) {
      if (!inside || this.moving) return;
      const id = this.pickAt(p);
      // a tap on the display of the instrument already selected reads it (as "Read the display" in its panel does);
      // the first tap only selects it: a trainee reaching for the instrument has not read it yet
      if (id && id === press.id && this.station !== null && this.bridge.highlighted === id && this.readDisplayAt(id, this.at(p))) return;
      if (this.station === null) {
        // the overview: a tap on an object opens its station and selects it; elsewhere, the station under it
        const w = this.at(p);
        const st = id ? this.stationOfObject.get(id) : this.stations.find((s) => w.x >= s.box.x && w.x <= s.box.x + s.box.w && w.y >= s.box.y && w.y <= s.box.y + s.box.h)?.id;
        if (st) this.goTo(st, !this.bridge.reducedMotion);
        if (id && id === press.id) this.bridge.select(id);
      } else if (id && id === press.id) this.bridge.select(id);
      return;
    }
    if (press.drag && press.id) {
      if (!inside) return;
      if (!press.drag.with) {
        this.bridge.act(press.drag.verb, press.id);
        return;
      }
      // a gesture with two ends: dropped onto one of the objects it can be made onto
      const onto = this.pickAt(p);
      if (onto && onto !== press.id && press.drag.with.includes(onto)) this.bridge.act(press.drag.verb, press.id, { with: onto });
      return;
    }
    // a horizontal swipe in a close-up: back to the overview
    const dx = (p.x - press.sx) * this.cssPerGamePx();
    const dy = (p.y - press.sy) * this.cssPerGamePx();
    if (this.station !== null && Math.abs(dx) >= SWIPE_CSS && Math.abs(dx) > Math.abs(dy) * 1.5) this.goTo(null, !this.bridge.reducedMotion);
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
    this.back.setVisible(false);
    this.title.setVisible(false);
    this.backFrame?.clear();
    this.applyRings();
    this.scene.launch('Debrief');
    this.scene.pause();
  }

  /* ---------- what the room tells the page ---------- */

  /** Where each shown object, label and station is on the page (CSS px from the host's corner), for tests and tools. */
  private publishTargets() {
    const canvas = this.game.canvas;
    const host = this.bridge.host;
    // (a game being replaced by one at a new size has lost its canvas: it tells nothing any more)
    if (!canvas?.isConnected || !host.isConnected || this.moving) return;
    const c = canvas.getBoundingClientRect();
    const hrect = host.getBoundingClientRect();
    const ox = c.left - hrect.left;
    const oy = c.top - hrect.top;
    const k = (c.width / ROOM_W) * this.view.zoom;
    const rect = (b: Box): [number, number, number, number] => {
      const p = toScreen(this.view, c.width, b.x, b.y);
      return [round(ox + p.x), round(oy + p.y), round(b.w * k), round(b.h * k)];
    };
    const list: ScreenTarget[] = this.order
      .filter((id) => this.visible(id))
      .map((id) => {
        const s = this.sprites.get(id)!;
        const gesture = dragGestureOf(s.view.actions);
        const drag = gesture ? (gesture.with ? `${gesture.verb}>${gesture.with.join(',')}` : gesture.verb) : undefined;
        const box = s.drawnBox;
        const mid = toScreen(this.view, c.width, centreOf(box).x, centreOf(box).y);
        const label = this.labelBoxes.get(id);
        const readout = this.readoutBoxes.get(id);
        return {
          id,
          x: round(ox + mid.x),
          y: round(oy + mid.y),
          r: round(Math.max((Math.max(box.w, box.h) / 2) * k, MIN_TARGET_CSS)),
          ...(drag ? { drag } : {}),
          station: this.stationOfObject.get(id) ?? '',
          box: rect(box),
          label: label ? rect(label) : [0, 0, 0, 0],
          font: round((this.fonts.get(id) ?? 0) * k),
          ...(readout ? { readout: rect(readout), readoutFont: round((this.fonts.get(id) ?? 0) * k) } : {}),
        };
      });
    this.bridge.publishTargets(list);
    // the canvas width (CSS px) these places were computed for: a tool reads them only once it matches the host
    this.bridge.publish('laidFor', String(round(c.width)));
    this.bridge.publish('laidForH', String(round(c.height)));
    const stations: ScreenStation[] = this.stations.map((s) => {
      const tab = this.tabs.get(s.id);
      return { id: s.id, name: s.name[this.bridge.lang] ?? s.name.fr, box: rect(s.box), tab: this.station === null && tab ? rect({ x: tab.x, y: tab.y, w: tab.width, h: tab.height }) : null };
    });
    this.bridge.publish('stations', JSON.stringify(stations));
    // the operator figure's drawing, where it shows (labels keep off it)
    this.bridge.publish('figureBox', this.figure?.root.visible ? JSON.stringify(rect(this.figure.box)) : '');
    const kk = c.width / ROOM_W;
    const hudRect = (t: Phaser.GameObjects.Text) => (t.visible ? JSON.stringify([round(ox + t.x * kk), round(oy + t.y * kk), round(t.width * kk), round(t.height * kk)]) : '');
    this.bridge.publish('back', hudRect(this.back));
    this.bridge.publish('closeTitle', hudRect(this.title));
  }

  /* ---------- drawing only as often as something changes ---------- */

  /** The frame rate limit now: 0 (the screen's rate), AMBIENT_FPS or IDLE_FPS. */
  private rate = 0;
  /** Frames still to draw at the full rate after the last change or touch. */
  private wakeFrames = 0;

  /**
   * Something changed or the trainee acts: the next WAKE_FRAMES frames are
   * drawn at the screen's full rate, and every frame as long as anything
   * moves. A still room redrawn 60 times a second kept half a core busy on a
   * tablet for nothing.
   */
  private wake() {
    this.wakeFrames = WAKE_FRAMES;
    this.setRate(0);
  }

  private setRate(rate: number) {
    if (rate === this.rate) return;
    this.rate = rate;
    // applied once the current step has ended: Phaser's requestAnimationFrame step asks for its next frame after its
    // callback, so a limit changed inside the step (update() calls this) left two loops running, each stepping the game
    // (twice the frames drawn at the full rate, and a 60 Hz loop for ever) — Phaser 4.2, RequestAnimationFrame.step
    queueMicrotask(() => {
      if (this.rate !== rate || !this.game?.loop) return;
      // below the full rate the loop waits on a timer: a requestAnimationFrame loop that draws nothing still runs the
      // browser's frame pipeline 60 times a second (Phaser types the flag read-only; setFPSLimit reads it as it restarts the loop)
      (this.game.loop as { forceSetTimeOut: boolean }).forceSetTimeOut = rate !== 0;
      this.game.loop.setFPSLimit(rate);
    });
    // how often the room is drawn now (0: the screen's rate), for tests and tools
    this.bridge.publish('fps', rate);
  }

  private settleRate() {
    const playing = this.tweens.getTweens().filter((t) => t.isPlaying());
    // endless loops (the room's fan, a rocking bioreactor, an alarm's halo) are slow: AMBIENT_FPS draws them smoothly enough
    const moving = this.moving !== null || this.press !== null || playing.some((t) => !endless(t));
    if (moving) {
      // and a few frames once it stops, to draw where it came to rest
      this.wakeFrames = WAKE_FRAMES;
      this.setRate(0);
    } else if (this.wakeFrames > 1) this.wakeFrames--;
    else {
      // this step's frame is the last one drawn at the full rate (update runs before the frame is drawn)
      this.wakeFrames = 0;
      this.setRate(playing.length ? AMBIENT_FPS : IDLE_FPS);
    }
  }

  /**
   * The canvas renderer, when motion is allowed: while something moves (a
   * level, an object, a loop) and just before the camera moves, each object
   * in the camera's view draws its paths from a picture baked at the
   * camera's zoom (bake.ts), baked again only for a sharper zoom than it had
   * (a picture from a close-up serves the overview). A still room, drawn
   * once per change, bakes nothing: there a picture would cost more than the
   * one frame it saves. WebGL draws the paths.
   */
  private bakeInView(beforeMove = false) {
    if (this.bridge.reducedMotion || this.moving || this.game.renderer?.type !== Phaser.CANVAS) return;
    if (!beforeMove && !this.tweens.getTweens().some((t) => t.isPlaying())) return;
    const cam = this.cameras.main;
    const zoom = Math.round(cam.zoom * 100) / 100;
    // the areas show only in the overview, at rest: baked at its zoom
    if (!beforeMove && this.station === null && this.zones.commandBuffer.length) this.bakeZones(zoom);
    const v = cam.worldView;
    for (const s of this.sprites.values()) {
      const b = s.drawnBox;
      if (b.x > v.right || b.x + b.w < v.x || b.y > v.bottom || b.y + b.h < v.y) continue;
      s.bakeAt(Math.round(zoom * s.scale * 100) / 100, this.baker);
    }
  }
  /**
   * While something moves of itself (a level, a reading, an object fading
   * in: not the camera, not a finger's drag, not the endless loops alone),
   * the canvas renderer draws what stands still from one picture
   * (stillPicture.ts); at rest, or once anything else changes, as before.
   */
  private holdStill() {
    const still = this.still;
    if (!still) return;
    const playing = this.tweens.getTweens().filter((t) => t.isPlaying());
    if (this.bridge.reducedMotion || this.moving || this.press || this.game.renderer?.type !== Phaser.CANVAS || !playing.some((t) => !endless(t))) {
      still.drop();
      this.bridge.publish('still', 0);
      return;
    }
    if (!still.taken) this.takeStill(still, playing);
    // (1 while the picture shows: for tests and tools)
    this.bridge.publish('still', still.shown ? 1 : 0);
  }

  /** What moves now (its objects, what a playing tween moves) drawn live, the rest into the picture. */
  private takeStill(still: StillPicture, playing: Phaser.Tweens.Tween[]) {
    const live = new Set<unknown>();
    for (const s of this.sprites.values()) if (s.animating) for (const go of [s.root, s.label, s.readout]) live.add(go);
    for (const t of playing) for (const target of t.targets) live.add(target);
    const moves = (go: Phaser.GameObjects.GameObject): boolean => live.has(go) || (go instanceof Phaser.GameObjects.Container && go.list.some(moves));
    // an object's ring and halo reach a little past its drawing
    const boxes = new Map<unknown, Box>([...this.sprites.values()].map((s) => [s.root, grow(s.drawnBox, 16)]));
    const boxOf = (go: Phaser.GameObjects.GameObject): Box | null => {
      if (boxes.has(go)) return boxes.get(go)!;
      if (!(go instanceof Phaser.GameObjects.Text)) return null;
      const r = go.getBounds();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    still.take(moves, boxOf);
  }

  /** The stations' areas, baked like the objects (one picture over the room): shown or not. */
  private zonesShown = true;
  private zonesBaked: Baked | null = null;
  private showZones(shown: boolean) {
    this.zonesShown = shown;
    this.zones.setVisible(shown && !this.zonesBaked);
    this.zonesBaked?.image.setVisible(shown);
  }
  private bakeZones(res: number) {
    if (this.zonesBaked?.res === res) return;
    this.unbakeZones();
    const box = { x: 0, y: 0, w: ROOM_W, h: ROOM_H };
    const key = this.baker(this.zones, box, res);
    this.zonesBaked = key ? placeBaked(this, this.zones, box, res, key) : null;
    this.showZones(this.zonesShown);
  }
  private unbakeZones() {
    const b = this.zonesBaked;
    if (!b) return;
    this.zonesBaked = null;
    // (whether the areas show is showZones' to say)
    unbakeInPlace(this, b, false);
    this.showZones(this.zonesShown);
  }

  private baker = (g: Phaser.GameObjects.Graphics, box: Box, res: number) => bakeGraphics(this, g, box, res);

  override update(time: number) {
    this.bakeInView();
    this.holdStill();
    this.settleRate();
    if (time - this.lastPublish < 250) return;
    this.lastPublish = time;
    publishTweenCount(this, this.bridge);
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * How often a still room is drawn: once a second (the page tells the room of
 * every change, and the canvas's resize observer of every new size; this only
 * catches what would slip past both). At 4 a second, a still room at
 * 1920×1080 drawn by the canvas renderer took a tenth of a core.
 */
const IDLE_FPS = 1;
/** How often a room whose only motion is endless slow loops is drawn. */
const AMBIENT_FPS = 20;

/** A tween that repeats for ever (a loop drawn while nothing else happens), not a change that ends. */
function endless(t: Phaser.Tweens.Tween): boolean {
  return t.loop === -1 || (t.data as { repeat?: number }[]).some((d) => d.repeat === -1);
}
/**
 * How many frames the room is drawn at the full rate after a change or a
 * touch that starts nothing moving, the frame that shows it included: one
 * (the page applies a change to the room at once, and anything that moves
 * keeps the full rate while it moves). A time (it was 100 ms) gave a slow
 * tablet one frame and a fast one six; two frames, then three as counted
 * before, drew the same picture again and again: on a tablet without a GPU
 * each full frame costs as much to composite as to draw.
 */
const WAKE_FRAMES = 1;

/** How many tweens run in the game now (data-tweens on the host): none when motion is reduced. */
export function publishTweenCount(scene: Phaser.Scene, bridge: RoomBridge) {
  const running = scene.game.scene.getScenes(true).reduce((n, s) => n + s.tweens.getTweens().filter((t) => t.isPlaying()).length, 0);
  bridge.publish('tweens', running);
}
