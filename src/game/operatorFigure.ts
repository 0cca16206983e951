/**
 * The operator figure drawn in the room (the changing room): background art
 * that wears what `wornBy` says, a layer per garment drawn once and shown or
 * hidden; a garment just put on fades and settles in, at once when motion
 * is reduced. No outline ring, no label, no tap: it is not an object.
 */
import type Phaser from 'phaser';
import { wornWords, type Worn } from './figure';
import type { Box } from './layout';
import { INK, LILAC, PEACH, RED, WHITE, YELLOW } from './palette';
import { box, circle, ellipse, line, poly } from './equipment/kit';

/** The figure's outlines: thinner than an object's, it is the background. */
const L = 2;
const SHIRT = 0xd98c5f;
const TROUSERS = 0x4a5f80;
const SHOES = 0x5a4636;
const SUIT = 0xbfe0d0;
const GARMENT = 0xeef3fb;
const BOOTS = 0xe4edf7;
const OUTER_GLOVE = 0xa99ad8;
const FACE = 0xf7dcc8;

type G = Phaser.GameObjects.Graphics;

/** Local coordinates: origin at the figure's centre, feet at +64, top of the head at -64. */
const HEAD_Y = -51;

function torso(g: G, colour: number, grow = 0) {
  poly(g, [-16 - grow, -38 - grow, 16 + grow, -38 - grow, 14 + grow, 4, -14 - grow, 4], colour, L);
}

function arms(g: G, colour: number, grow = 0, to = 0) {
  for (const s of [-1, 1]) poly(g, [s * 15, -38 - grow, s * (24 + grow), -35, s * (28 + grow), to, s * (19 - grow), to + 2], colour, L);
}

function legs(g: G, colour: number, grow = 0, to = 58) {
  for (const s of [-1, 1]) box(g, s > 0 ? 1 - grow / 2 : -13 - grow / 2, 2, 12 + grow, to - 2, colour, 3, L);
}

function hands(g: G, colour: number, r = 6) {
  for (const s of [-1, 1]) circle(g, s * 24, 7, r, colour, L);
}

function eyes(g: G) {
  for (const s of [-1, 1]) g.fillStyle(INK, 1).fillCircle(s * 4.5, HEAD_Y - 1, 1.7);
}

/** Each layer, bottom to top; a layer is shown when `shows` says so for what is worn. */
const LAYERS: { id: string; shows: (w: Worn) => boolean; draw: (g: G) => void }[] = [
  {
    id: 'body',
    shows: () => true,
    draw: (g) => {
      legs(g, 0xdfe5ea);
      torso(g, 0xdfe5ea);
      arms(g, 0xdfe5ea);
      hands(g, PEACH);
      box(g, -5, -44, 10, 8, PEACH, 2, L);
      circle(g, 0, HEAD_Y, 12, PEACH, L);
      // hair
      poly(g, [-12, HEAD_Y - 2, -10, HEAD_Y - 10, 0, HEAD_Y - 13, 10, HEAD_Y - 10, 12, HEAD_Y - 2, 6, HEAD_Y - 8, -6, HEAD_Y - 8], 0x6b4a32, 0);
      eyes(g);
      for (const s of [-1, 1]) ellipse(g, s * 8, 60, 16, 8, 0xdfe5ea, L);
    },
  },
  {
    id: 'street',
    shows: (w) => w.street,
    draw: (g) => {
      legs(g, TROUSERS);
      for (const s of [-1, 1]) ellipse(g, s * 8, 60, 18, 9, SHOES, L);
      torso(g, SHIRT);
      arms(g, SHIRT, 0, -8);
      // collar
      poly(g, [-6, -38, 0, -31, 6, -38], WHITE, L);
    },
  },
  {
    id: 'jewellery',
    shows: (w) => w.jewellery,
    draw: (g) => {
      // a watch on the left wrist, a ring on the right hand
      box(g, -29, -1, 10, 6, 0x334a58, 1, 1.5);
      circle(g, -24, 2, 2.5, WHITE, 1);
      circle(g, 25, 9, 2.6, YELLOW, 1.5);
    },
  },
  {
    id: 'facility-suit',
    shows: (w) => w.garments.includes('facility-suit'),
    draw: (g) => {
      legs(g, SUIT);
      for (const s of [-1, 1]) ellipse(g, s * 8, 60, 18, 9, WHITE, L);
      torso(g, SUIT);
      arms(g, SUIT, 0, -4);
      poly(g, [-7, -38, 0, -28, 7, -38], WHITE, L);
    },
  },
  {
    id: 'hood',
    shows: (w) => w.garments.includes('hood'),
    draw: (g) => {
      // over the head and down to the shoulders, the face left open
      poly(g, [-15, HEAD_Y - 2, -12, HEAD_Y - 13, 0, HEAD_Y - 17, 12, HEAD_Y - 13, 15, HEAD_Y - 2, 15, -36, 20, -32, -20, -32, -15, -36], GARMENT, L);
      ellipse(g, 0, HEAD_Y + 1, 17, 19, FACE, 1.5);
      eyes(g);
    },
  },
  {
    id: 'coverall',
    shows: (w) => w.garments.includes('coverall'),
    draw: (g) => {
      legs(g, GARMENT, 2);
      torso(g, GARMENT, 1);
      arms(g, GARMENT, 1, 0);
      line(g, 0, -33, 0, 2, 1.5, INK, 0.6);
    },
  },
  {
    id: 'overboots',
    shows: (w) => w.garments.includes('overboots'),
    draw: (g) => {
      for (const s of [-1, 1]) {
        box(g, s > 0 ? 0 : -15, 34, 15, 26, BOOTS, 3, L);
        ellipse(g, s * 8, 60, 20, 10, BOOTS, L);
        line(g, s > 0 ? 0 : -15, 39, s > 0 ? 15 : 0, 39, 1.5);
      }
    },
  },
  {
    id: 'mask',
    shows: (w) => w.garments.includes('mask'),
    draw: (g) => {
      line(g, -8, HEAD_Y + 2, -12, HEAD_Y - 2, 1.5);
      line(g, 8, HEAD_Y + 2, 12, HEAD_Y - 2, 1.5);
      box(g, -8, HEAD_Y + 1, 16, 10, 0xd7ecf7, 3, 1.5);
    },
  },
  {
    id: 'goggles',
    shows: (w) => w.garments.includes('goggles'),
    draw: (g) => {
      line(g, -13, HEAD_Y - 2, 13, HEAD_Y - 2, 3, INK);
      box(g, -10, HEAD_Y - 6, 20, 8, 0xbfe6f7, 3, 2);
      line(g, 0, HEAD_Y - 6, 0, HEAD_Y + 2, 1.5);
    },
  },
  {
    id: 'gloves',
    shows: (w) => w.gloves >= 1,
    draw: (g) => {
      for (const s of [-1, 1]) box(g, s * 24 - 6, -1, 12, 6, LILAC, 2, L);
      hands(g, LILAC);
    },
  },
  {
    id: 'gloves-outer',
    shows: (w) => w.gloves >= 2,
    draw: (g) => {
      // the second pair, longer, over the sleeves' cuffs
      for (const s of [-1, 1]) box(g, s * 24 - 7, -8, 14, 12, OUTER_GLOVE, 3, L);
      hands(g, OUTER_GLOVE, 6.5);
    },
  },
  {
    id: 'torn',
    shows: (w) => w.torn,
    draw: (g) => {
      // a red tear across the right glove, and a red ring around the hand
      g.lineStyle(3, RED, 1).strokeCircle(24, 4, 11);
      g.lineStyle(2.5, RED, 1).beginPath().moveTo(18, 2).lineTo(22, 7).lineTo(25, 1).lineTo(29, 8).strokePath();
    },
  },
];

export class OperatorFigure {
  readonly root: Phaser.GameObjects.Container;
  private layers = new Map<string, Phaser.GameObjects.Graphics>();
  private shown: Set<string> | null = null;
  private tweens: Phaser.Tweens.Tween[] = [];
  /** What it wears, as words for the page (data-figure). */
  words = '';

  constructor(
    private scene: Phaser.Scene,
    readonly box: Box,
    private motion: boolean,
  ) {
    const k = box.h / 128;
    this.root = scene.add.container(box.x + box.w / 2, box.y + box.h / 2).setScale(k).setDepth(96);
    const shadow = scene.add.graphics();
    shadow.fillStyle(INK, 0.12).fillEllipse(0, 63, 56, 12);
    this.root.add(shadow);
    for (const layer of LAYERS) {
      const g = scene.add.graphics();
      layer.draw(g);
      g.setVisible(false);
      this.root.add(g);
      this.layers.set(layer.id, g);
    }
  }

  /** Shows what is worn now; a layer newly shown fades and settles in when motion is allowed. */
  wear(w: Worn) {
    this.words = wornWords(w);
    const now = new Set(LAYERS.filter((l) => l.shows(w)).map((l) => l.id));
    const before = this.shown;
    this.shown = now;
    for (const [id, g] of this.layers) {
      const on = now.has(id);
      const fresh = on && before !== null && !before.has(id);
      g.setVisible(on);
      if (!fresh || !this.motion) {
        if (!on || !this.motion || before === null) g.setAlpha(1).setScale(1);
        continue;
      }
      g.setAlpha(0).setScale(1.18);
      const t = this.scene.tweens.add({ targets: g, alpha: 1, scale: 1, duration: 450, ease: 'Back.easeOut', onComplete: () => (this.tweens = this.tweens.filter((x) => x !== t)) });
      this.tweens.push(t);
    }
  }

  setVisible(v: boolean) {
    this.root.setVisible(v);
  }

  destroy() {
    for (const t of this.tweens) t.stop();
    this.tweens = [];
    this.root.destroy();
  }
}
