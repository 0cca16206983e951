/**
 * One object of the room on screen: its kind's drawing in its state's look
 * (as the scenario declares it, or guessed from the state name for an object
 * without `looks`), the value on its screen, the signs every object shares
 * (check badge when done, red mark on a problem, blinking halo on an alarm,
 * faded when gone), the focus/hover ring, and its name label in the current
 * language (its lines, size and place are the Room scene's: it lays all
 * labels out at once). It is redrawn only when what it shows changes, and
 * knows the bounds of its drawing as drawn. What changes moves when motion
 * is allowed: a reading climbs, a liquid level goes from the old height to
 * the new, a spray just used mists, an object moves to its new place
 * (inside another), an object brought into the room fades in; all drawn at
 * once under reduced motion.
 */
import type Phaser from 'phaser';
import type { Lang } from '../../engine/types';
import type { ObjectView } from '../../engine/view';
import { AMBER, BLUE, BLUE_DARK, BRAND, FONT, GREEN, INK, LCD, RED, SCREEN, WHITE } from '../palette';
import { commandBounds, sizeOf, union, type Box } from '../layout';
import { lookFor } from '../stateLook';
import { drawerFor } from './index';
import type { Ctx } from './kit';
import { measuredOnce, setTextLook } from '../textLook';
import { placeBaked, unbakeInPlace, type Baked } from '../baked';
import { formatNumberIn, unitAfterLabel, unitIn } from '../../engine/unit';

export type Ring = 'none' | 'hover' | 'focus';

/** Kinds that mist when they are used (their look turns done). */
const MISTS = new Set(['spray']);

/** How long an object takes to move to another place (into the safety cabinet). */
const MOVE_MS = 700;
/** How long an object brought into the room takes to fade in. */
const APPEAR_MS = 500;

export function formatValue(o: Pick<ObjectView, 'value' | 'unit' | 'decimals'>, lang: Lang): string | null {
  if (o.value === undefined || !Number.isFinite(o.value)) return null;
  const n = formatNumberIn(o.value, lang, o.decimals);
  return o.unit ? `${n} ${unitIn(o.unit, lang)}` : n;
}

type Shown = Pick<ObjectView, 'value' | 'unit' | 'decimals' | 'readings'>;

/** The named readings of an instrument (a console's temperature, pH…). */
const namedReadings = (o: Shown) => (o.readings ?? []).filter((r) => r.reading !== undefined);

/** The named readings of an instrument that has several, else none. */
const severalNamed = (o: Shown) => {
  const named = namedReadings(o);
  return named.length > 1 ? named : [];
};

/**
 * What the instrument's own small screen shows: its one value (its single
 * named reading, else its own). An instrument with several named readings
 * shows them on its readout plate instead (see readoutLines), where each
 * carries its label; its screen keeps only its own value, if it has one.
 */
export function displayLines(o: Shown, lang: Lang): string[] {
  const named = namedReadings(o);
  const v = named.length === 1 ? formatValue({ value: named[0]!.value, unit: named[0]!.unit, decimals: named[0]!.decimals }, lang) : formatValue(o, lang);
  return v ? [v] : [];
}

/**
 * The readout plate of an instrument with several named readings: a line
 * "label : value unit" ("label: value unit" in English) per reading the
 * trainee has read, in the scenario's order; a reading not read yet is not
 * shown. Empty for an instrument with one value.
 */
export function readoutLines(o: Shown & { readings: ObjectView['readings'] }, lang: Lang): string[] {
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  return severalNamed(o).flatMap((r) => {
    const label = r.label ? (r.label[lang] ?? r.label.fr) : r.reading!;
    const v = r.read ? formatValue({ value: r.value, unit: unitAfterLabel(label, r.unit, lang), decimals: r.decimals }, lang) : null;
    return v ? [`${label}${colon}${v}`] : [];
  });
}

/** Kinds drawn as paper: what they show is written, not lit. */
const PAPER_KINDS = new Set(['document', 'logbook', 'label']);

export class EquipmentSprite {
  readonly id: string;
  readonly kind: string;
  /** Where it stands now (its centre, room units) and at what scale: its own place, or inside another object. */
  x: number;
  y: number;
  scale = 1;
  /** Its own place, from the scenario's `at`. */
  readonly home: { x: number; y: number };
  readonly w: number;
  readonly h: number;
  readonly root: Phaser.GameObjects.Container;
  readonly label: Phaser.GameObjects.Text;
  readonly readout: Phaser.GameObjects.Text;
  private halo: Phaser.GameObjects.Graphics;
  private shadow: Phaser.GameObjects.Graphics;
  private body: Phaser.GameObjects.Container;
  private marks: Phaser.GameObjects.Graphics;
  private ring: Phaser.GameObjects.Graphics;
  private valueText: Phaser.GameObjects.Text | null = null;
  private climbTween: Phaser.Tweens.Tween | null = null;
  private moveTween: Phaser.Tweens.Tween | null = null;
  private appearTween: Phaser.Tweens.Tween | null = null;
  private labelTween: Phaser.Tweens.Tween | null = null;
  /** Its display relative to its centre, unscaled (null: no display). */
  private screenLocal: { x: number; y: number; w: number; h: number } | null = null;
  /** The object's own value as last drawn, so a change can climb from it. */
  private shownValue: number | undefined;
  /** Whether it looked done when last drawn (null: never drawn), so a spray just used can mist. */
  private shownDone: boolean | null = null;
  /** Its liquid levels as last drawn (null: never drawn), so a changed level moves from the old one. */
  private shownLevels: number[] | null = null;
  /** Its display in room units, where a tap reads it (null: no display). */
  screen: { x: number; y: number; w: number; h: number } | null = null;
  private tweens: Phaser.Tweens.Tween[] = [];
  /** Its drawing's paths (the kind's drawer draws them once per look), and the picture baked from them, if any. */
  private main: Phaser.GameObjects.Graphics | null = null;
  private baked: Baked[] = [];
  private haloTween: Phaser.Tweens.Tween | null = null;
  private drawn = '';
  private ringShown: Ring = 'none';
  private bounds: Box | null = null;
  view: ObjectView;
  lang: Lang;

  constructor(
    private scene: Phaser.Scene,
    view: ObjectView,
    at: { x: number; y: number },
    lang: Lang,
    private motion: boolean,
    private resolution: number,
  ) {
    this.id = view.id;
    this.kind = view.kind;
    this.view = view;
    this.lang = lang;
    const { w, h } = sizeOf(view.kind);
    this.w = w;
    this.h = h;
    this.x = at.x;
    this.y = at.y;
    this.home = { x: at.x, y: at.y };
    this.root = scene.add.container(at.x, at.y).setDepth(100 + at.y);
    const shadow = (this.shadow = scene.add.graphics());
    shadow.fillStyle(INK, 0.12).fillEllipse(0, h / 2 + 2, w * 0.9, 14);
    this.halo = scene.add.graphics();
    this.body = scene.add.container(0, 0);
    this.marks = scene.add.graphics();
    this.ring = scene.add.graphics();
    this.root.add([shadow, this.halo, this.body, this.marks, this.ring]);
    this.label = measuredOnce(
      {
        fontFamily: FONT,
        fontSize: '20px',
        fontStyle: 'bold',
        color: '#10212b',
        backgroundColor: '#ffffffe6',
        padding: { x: 6, y: 2 },
        align: 'center',
        // never under 1: Phaser 4 fills a text's background over only resolution² of it below 1
        resolution: Math.max(1, resolution),
      },
      (style) => scene.add.text(at.x, at.y + h / 2, '', style),
    )
      .setOrigin(0, 0)
      .setDepth(5000);
    // the readout plate of an instrument with several readings: laid out by the room beside the drawing, as the label is
    this.readout = measuredOnce(
      {
        fontFamily: FONT,
        fontSize: '20px',
        fontStyle: 'bold',
        // an instrument's plate is a lit screen; a sheet of paper's (a load sheet, a logbook) is ink on paper
        color: `#${(PAPER_KINDS.has(view.kind) ? INK : LCD).toString(16)}`,
        backgroundColor: `#${(PAPER_KINDS.has(view.kind) ? WHITE : SCREEN).toString(16)}`,
        padding: { x: 6, y: 2 },
        align: 'left',
        resolution: Math.max(1, resolution),
      },
      (style) => scene.add.text(at.x, at.y, '', style),
    )
      .setOrigin(0, 0)
      .setDepth(5000)
      .setVisible(false);
    this.render(view, lang);
  }

  /** The lines its readout plate shows now (none: no plate). */
  get readoutLines(): string[] {
    return readoutLines(this.view, this.lang);
  }

  /** The readout plate's lines, as the room laid them out, at its font size (room units) and pixel density. */
  setReadout(lines: readonly string[], font: number, padding: { x: number; y: number }, resolution: number) {
    setTextLook(this.readout, { font, pad: padding, resolution, text: lines.join('\n') });
  }

  /** Half the drawn size: taps inside it mean this object. */
  get radius() {
    return Math.max(this.w, this.h) / 2;
  }

  render(view: ObjectView, lang: Lang) {
    this.view = view;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    const key = JSON.stringify([view.state, view.alert, view.look, view.value, view.unit, view.decimals, view.readings?.map((r) => r.value), lang]);
    if (key !== this.drawn || langChanged) {
      const before = this.shownValue;
      this.drawn = key;
      const wasDone = this.shownDone;
      this.redraw(this.shownLevels ?? undefined);
      this.climb(before);
      if (wasDone === false && this.shownDone && MISTS.has(this.kind)) this.mist();
    }
    this.relabel();
  }

  /** The name, in the current language. */
  get name(): string {
    return this.view.name[this.lang] ?? this.view.name.fr;
  }

  /** The line the label adds under the name when the object has focus: its state. */
  get focusLine(): string | null {
    return this.ringShown === 'focus' ? (this.view.stateLabel[this.lang] ?? this.view.state) : null;
  }

  /** The label's lines, as the room laid them out, at its font size (room units) and pixel density. */
  setLabel(lines: readonly string[], font: number, padding: { x: number; y: number }, resolution: number) {
    setTextLook(this.label, { font, pad: padding, resolution, text: lines.join('\n') });
  }

  private relabel() {
    const background = this.ringShown === 'focus' ? '#ffbf47' : this.ringShown === 'hover' ? '#e3eef4' : '#ffffffe6';
    // Phaser draws the whole text again on every setBackgroundColor: only when it changes
    if (background !== this.labelBackground) {
      this.labelBackground = background;
      this.label.setBackgroundColor(background);
    }
    this.label.setDepth(this.ringShown === 'none' ? 5000 : 6000);
  }
  private labelBackground = '';

  /** The object's drawing as drawn (body, value, signs; not the focus ring nor the alarm halo), in room units. */
  get drawnBox(): Box {
    if (!this.bounds) {
      let b: Box | null = null;
      const add = (x: Box | null) => {
        if (x) b = b ? union(b, x) : x;
      };
      for (const child of this.body.list as Phaser.GameObjects.GameObject[]) {
        // the picture baked from the paths: their bounds are counted, not its margin
        if (this.baked.some((b) => b.image === child)) continue;
        const buffer = (child as Partial<Phaser.GameObjects.Graphics>).commandBuffer;
        if (buffer) add(commandBounds(buffer));
        else {
          // a text, in the body's own units (the sprite may be on its way elsewhere, or scaled)
          const t = child as Partial<Phaser.GameObjects.Text>;
          if (t.displayWidth !== undefined && t.displayHeight !== undefined) {
            add({ x: t.x! - t.displayOriginX! * t.scaleX!, y: t.y! - t.displayOriginY! * t.scaleY!, w: t.displayWidth, h: t.displayHeight });
          }
        }
      }
      add(commandBounds(this.marks.commandBuffer));
      const local: Box = b ?? { x: -this.w / 2, y: -this.h / 2, w: this.w, h: this.h };
      const k = this.scale;
      this.bounds = { x: this.x + local.x * k, y: this.y + local.y * k, w: local.w * k, h: local.h * k };
    }
    return this.bounds;
  }

  private stopTweens() {
    this.climbTween?.stop();
    this.climbTween = null;
    for (const t of this.tweens) t.stop();
    this.tweens = [];
    this.haloTween?.stop();
    this.haloTween = null;
  }

  /** Draws the object in its look; `levelsBefore`: the levels it showed, from which changed ones move. */
  private redraw(levelsBefore?: readonly number[]) {
    this.stopTweens();
    this.unbake();
    this.body.removeAll(true);
    this.valueText?.destroy();
    this.valueText = null;
    const look = lookFor(this.view);
    const g = this.scene.add.graphics();
    this.body.add(g);
    this.main = g;
    const ctx: Ctx = {
      scene: this.scene,
      g,
      layer: this.body,
      w: this.w,
      h: this.h,
      kind: this.kind,
      state: this.view.state.toLowerCase(),
      look,
      guessed: look.guessed,
      motion: this.motion,
      loop: (config) => {
        if (this.motion) this.tweens.push(this.scene.tweens.add(config));
      },
      levelsBefore,
      levels: [],
      once: (config) => {
        if (this.motion) this.tweens.push(this.scene.tweens.addCounter(config));
      },
      // drawn again at rest once a level has moved (after the tween's own bookkeeping)
      settle: () => void this.scene.time.delayedCall(0, () => {
        if (this.root.active) this.redraw();
      }),
    };
    drawerFor(this.kind)(ctx);
    this.shownLevels = ctx.levels ?? [];
    // (fading in, it ends at the look's alpha)
    this.appearTween?.stop();
    this.appearTween = null;
    this.root.setAlpha(look.gone ? 0.45 : 1);
    this.shownDone = look.done;
    this.bounds = null;

    // the value, on the object's screen or on a plate above it (a line per named reading)
    const lines = displayLines(this.view, this.lang);
    const value = lines.join('\n');
    this.screenLocal = ctx.screen ?? null;
    this.placeScreen();
    this.shownValue = this.view.value;
    if (value) {
      const s = ctx.screen;
      const size = (s ? Math.max(13, Math.min(24, s.h * 0.62)) : 20) / (s ? Math.max(1, lines.length * 0.8) : 1);
      const t = measuredOnce(
        {
          fontFamily: FONT,
          fontSize: `${Math.round(size)}px`,
          fontStyle: 'bold',
          color: s ? `#${LCD.toString(16)}` : '#ffffff',
          backgroundColor: s ? undefined : `#${SCREEN.toString(16)}`,
          padding: s ? { x: 2, y: 0 } : { x: 6, y: 2 },
          // sharp in a close-up (2× and more), never under 1 (see the label)
          resolution: Math.min(4, Math.max(1, this.resolution * 2)),
        },
        (style) => this.scene.add.text(s ? s.x : 0, s ? s.y : -this.h / 2 - 26, value, style),
      ).setOrigin(0.5, 0.5);
      if (s && t.width > s.w - 4) t.setScale((s.w - 4) / t.width);
      this.body.add(t);
      this.valueText = t;
    }

    // the shared signs
    const m = this.marks;
    m.clear();
    const bx = this.w / 2 - 6;
    const by = -this.h / 2 + 6;
    if (look.done) {
      m.fillStyle(GREEN, 1).fillCircle(bx, by, 14);
      m.lineStyle(3, INK, 1).strokeCircle(bx, by, 14);
      m.lineStyle(4, WHITE, 1).beginPath().moveTo(bx - 7, by).lineTo(bx - 2, by + 6).lineTo(bx + 8, by - 6).strokePath();
    }
    if (look.problem) {
      // a red dashed frame and a red mark: torn, expired, contaminated…
      m.lineStyle(4, RED, 1);
      const x0 = -this.w / 2 - 4;
      const y0 = -this.h / 2 - 4;
      const x1 = this.w / 2 + 4;
      const y1 = this.h / 2 + 4;
      for (let x = x0; x < x1; x += 18) {
        m.lineBetween(x, y0, Math.min(x + 10, x1), y0);
        m.lineBetween(x, y1, Math.min(x + 10, x1), y1);
      }
      for (let y = y0; y < y1; y += 18) {
        m.lineBetween(x0, y, x0, Math.min(y + 10, y1));
        m.lineBetween(x1, y, x1, Math.min(y + 10, y1));
      }
      const px = -this.w / 2 + 6;
      m.fillStyle(RED, 1).fillCircle(px, by, 14);
      m.lineStyle(3, INK, 1).strokeCircle(px, by, 14);
      m.fillStyle(WHITE, 1).fillRect(px - 2.5, by - 9, 5, 11).fillCircle(px, by + 6, 3);
    }
    this.halo.clear();
    if (look.alarm) {
      const r = Math.max(this.w, this.h) / 2 + 16;
      this.halo.fillStyle(RED, 0.32).fillCircle(0, 0, r);
      this.halo.lineStyle(4, RED, 0.9).strokeCircle(0, 0, r);
      if (this.motion) {
        this.halo.setAlpha(1);
        this.haloTween = this.scene.tweens.add({ targets: this.halo, alpha: 0.15, duration: 450, yoyo: true, repeat: -1 });
      } else this.halo.setAlpha(1);
    }
    this.drawRing();
  }

  /** Its display in room units, from where it stands now. */
  private placeScreen() {
    const s0 = this.screenLocal;
    const k = this.scale;
    this.screen = s0 ? { x: this.x + (s0.x - s0.w / 2) * k, y: this.y + (s0.y - s0.h / 2) * k, w: s0.w * k, h: s0.h * k } : null;
  }

  /**
   * Stands it at (x, y) at a scale, drawn at `depth` (inside another object:
   * over it); moving there along the way when `animate` and motion is
   * allowed, at once otherwise. Its bounds are the new place's at once (the
   * labels are laid out where it goes).
   */
  place(x: number, y: number, scale: number, depth: number, animate: boolean) {
    this.root.setDepth(depth);
    if (x === this.x && y === this.y && scale === this.scale) return;
    this.x = x;
    this.y = y;
    this.scale = scale;
    this.bounds = null;
    this.placeScreen();
    this.moveTween?.stop();
    this.moveTween = null;
    if (!animate || !this.motion) {
      this.root.setPosition(x, y).setScale(scale);
      return;
    }
    this.moveTween = this.scene.tweens.add({ targets: this.root, x, y, scale, duration: MOVE_MS, ease: 'Sine.easeInOut', onComplete: () => (this.moveTween = null) });
  }

  /**
   * A reading climbs and settles: the display counts from the value it showed
   * to the new one (drawn at once when motion is reduced, or on the first value).
   */
  private climb(from: number | undefined) {
    this.climbTween?.stop();
    this.climbTween = null;
    const to = this.view.value;
    const t = this.valueText;
    if (!this.motion || !t || from === undefined || to === undefined || from === to || (this.view.readings ?? []).some((r) => r.reading !== undefined)) return;
    const final = t.text;
    this.climbTween = this.scene.tweens.addCounter({
      from,
      to,
      duration: 700,
      ease: 'Cubic.easeOut',
      onUpdate: (tw) => {
        if (t.active) t.setText(formatValue({ value: tw.getValue() ?? to, unit: this.view.unit, decimals: this.view.decimals }, this.lang) ?? final);
      },
      onComplete: () => {
        if (t.active) t.setText(final);
      },
    });
  }

  /**
   * A spray just used: a short mist leaves its nozzle and fades over it and
   * the surface around it; nothing when motion is reduced (the check badge
   * says it is done). Drawn beside the body, so the drawing's bounds and the
   * labels do not move.
   */
  private mist() {
    if (!this.motion) return;
    const nx = this.w * 0.3;
    const ny = -this.h * 0.22;
    for (let k = 0; k < 10; k++) {
      // a fan rising from the nozzle, over the object and the surface around it
      const a = -Math.PI * 0.92 + (k / 9) * Math.PI * 0.84;
      const reach = 30 + (k % 3) * 14;
      const puff = this.scene.add.circle(nx, ny, 6 + (k % 3) * 1.5, BLUE, 0.9).setStrokeStyle(2, BLUE_DARK, 0.8);
      this.root.addAt(puff, this.root.list.length - 1);
      this.tweens.push(
        this.scene.tweens.add({
          targets: puff,
          x: nx + Math.cos(a) * reach,
          y: ny + Math.sin(a) * reach,
          scale: 2.2,
          alpha: 0,
          delay: k * 40,
          duration: 800,
          ease: 'Quad.easeOut',
          onComplete: () => puff.destroy(),
          onStop: () => puff.destroy(),
        }),
      );
    }
  }

  /** Rings it (or not); says whether that changed anything. */
  setRing(ring: Ring): boolean {
    if (ring === this.ringShown) return false;
    this.ringShown = ring;
    this.drawRing();
    this.relabel();
    return true;
  }

  /** Whether anything of its own moves now (a level, a reading, a loop, its halo, its place, its fading in). */
  get animating(): boolean {
    return [...this.tweens, this.climbTween, this.moveTween, this.appearTween, this.labelTween, this.haloTween].some((t) => t?.isPlaying());
  }

  private drawRing() {
    const r = this.ring;
    r.clear();
    if (this.ringShown === 'none') return;
    const pad = 10;
    const x = -this.w / 2 - pad;
    const y = -this.h / 2 - pad;
    const w = this.w + pad * 2;
    const h = this.h + pad * 2;
    if (this.ringShown === 'focus') {
      r.lineStyle(10, INK, 1).strokeRoundedRect(x, y, w, h, 14);
      r.lineStyle(6, AMBER, 1).strokeRoundedRect(x, y, w, h, 14);
    } else {
      r.lineStyle(4, BRAND, 0.9).strokeRoundedRect(x, y, w, h, 14);
    }
  }

  /**
   * Draws its paths from a picture baked at `res` pixels per room unit (the
   * canvas renderer: see bake.ts), baked again only for a larger `res`; nothing
   * where `bake` (the scene's: this module loads without Phaser) makes no
   * picture (WebGL, a picture too large). The paths stay, hidden: the drawing's bounds
   * are theirs. What moves (a level, a rotor, a value) is drawn over it as
   * before.
   */
  bakeAt(res: number, bake: (g: Phaser.GameObjects.Graphics, box: Box, res: number) => string | null) {
    const g = this.main;
    if (!g?.active || (this.baked.length && this.baked[0]!.from === g && this.baked[0]!.res >= res - 0.01)) return;
    this.unbake();
    // its drawing, the shadow under it (over which the alarm halo is drawn) and its signs (done, problem)
    for (const [part, parent] of [[g, this.body], [this.shadow, this.root], [this.marks, this.root]] as const) {
      const drawn = commandBounds(part.commandBuffer);
      if (!drawn) continue;
      // a margin for the antialiased edge and the corners of thick lines
      const pad = 4;
      const box = { x: Math.floor(drawn.x - pad), y: Math.floor(drawn.y - pad), w: Math.ceil(drawn.w + 2 * pad), h: Math.ceil(drawn.h + 2 * pad) };
      const key = bake(part, box, res);
      if (key) this.baked.push(placeBaked(this.scene, part, box, res, key, parent));
    }
  }

  /** Draws its paths again where its picture was baked for less than `res` (it would show blurred). */
  unbakeBelow(res: number) {
    if (this.baked.length && this.baked[0]!.res < res - 0.01) this.unbake();
  }

  private unbake() {
    for (const b of this.baked.splice(0)) unbakeInPlace(this.scene, b);
  }

  /** A copy of the drawing that follows the finger while dragging. */
  ghost(): Phaser.GameObjects.Container {
    const ghost = this.scene.add.container(this.x, this.y).setDepth(20000).setAlpha(0.75).setScale(this.scale);
    const g = this.scene.add.graphics();
    ghost.add(g);
    const look = lookFor({ ...this.view, alert: false });
    drawerFor(this.kind)({ scene: this.scene, g, layer: ghost, w: this.w, h: this.h, kind: this.kind, state: this.view.state.toLowerCase(), look, guessed: look.guessed, motion: false, loop: () => undefined });
    g.lineStyle(4, AMBER, 1).strokeRoundedRect(-this.w / 2 - 6, -this.h / 2 - 6, this.w + 12, this.h + 12, 12);
    return ghost;
  }

  /**
   * Brought into the room by the procedure (a spill found, a notebook at the
   * bottom of the carton): it fades in where it stands, with its label, when
   * motion is allowed; under reduced motion it is simply there.
   */
  appear() {
    if (!this.motion) return;
    const alpha = this.root.alpha;
    this.root.setAlpha(0);
    this.label.setAlpha(0);
    this.appearTween = this.scene.tweens.add({ targets: this.root, alpha, duration: APPEAR_MS, ease: 'Sine.easeOut', onComplete: () => (this.appearTween = null) });
    this.labelTween = this.scene.tweens.add({ targets: this.label, alpha: 1, duration: APPEAR_MS, ease: 'Sine.easeOut', onComplete: () => (this.labelTween = null) });
  }

  destroy() {
    this.stopTweens();
    this.unbake();
    this.moveTween?.stop();
    this.appearTween?.stop();
    this.labelTween?.stop();
    this.root.destroy();
    this.label.destroy();
    this.readout.destroy();
  }
}
