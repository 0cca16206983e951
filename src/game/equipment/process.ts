/**
 * Bioprocess views: single-use bag (empty, filling, full), peristaltic pump,
 * integrity tester, single-use bioreactor, control panel, sample port,
 * manifold, aseptic connector (made or not), tube welder, pinch clamp
 * (on: tube pinched), pressure gauge, chromatography skid and column, valve
 * (open: handle along the pipe), UV monitor; and the generic labelled cabinet
 * for any kind the room has no drawing for.
 */
import { BLUE, GREEN, INK, LCD, MEDIUM, RED, STEEL, STEEL_DARK, WHITE, YELLOW } from '../palette';
import { clampClosed } from '../stateLook';
import { box, boxC, circle, glass, lamp, levelOf, line, liquid, path, poly, screen, trace, type Ctx, type DrawKind } from './kit';

const TUBE = 0xe9eef2;

function tube(c: Ctx, pts: number[]) {
  path(c.g, pts, 9, INK);
  path(c.g, pts, 5, TUBE);
}

const bag: DrawKind = (c) => {
  const { g, w, h } = c;
  const bw = w * 0.72;
  const bh = h * 0.7;
  // hanging from its hook, ports at the bottom
  line(g, 0, -h / 2, 0, -bh / 2 - 2, 3);
  const top = -bh / 2 + 4;
  g.fillStyle(0xf3f8fb, 1);
  g.fillRoundedRect(-bw / 2, top, bw, bh, 14);
  liquid(c, -bw / 2 + 4, top + 8, bw - 8, bh - 12, levelOf(c, 0.55), 0xf5c3a0, 12);
  glass(g, -bw / 2, top, bw, bh, 14);
  tube(c, [-bw * 0.2, top + bh, -bw * 0.2, h / 2]);
  tube(c, [bw * 0.2, top + bh, bw * 0.2, h / 2 - 6]);
  if (c.look.connected) circle(g, -bw * 0.2, h / 2 - 4, 6, GREEN, 2);
};

const pump: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.3, w, h * 0.66, 0xe9eef3, 8);
  screen(c, w * 0.08, -h * 0.22, w * 0.36, h * 0.22);
  lamp(c, w * 0.26, h * 0.18, 6);
  const cx = -w * 0.2;
  const cy = 0;
  const r = Math.min(w, h) * 0.26;
  circle(g, cx, cy, r, STEEL);
  tube(c, [-w / 2 - 6, cy + r + 4, cx - r - 2, cy + 6, cx - r * 0.3, cy - r - 4, cx + r + 2, cy + 4, w * 0.02, cy + r + 12]);
  if (c.look.on && c.motion) {
    const rotor = c.scene.add.container(cx, cy);
    const rg = c.scene.add.graphics();
    for (let k = 0; k < 3; k++) {
      const a = (k * Math.PI * 2) / 3;
      rg.fillStyle(WHITE, 1).fillCircle(Math.cos(a) * r * 0.6, Math.sin(a) * r * 0.6, r * 0.22);
      rg.lineStyle(2, INK, 1).strokeCircle(Math.cos(a) * r * 0.6, Math.sin(a) * r * 0.6, r * 0.22);
    }
    rotor.add(rg);
    c.layer.add(rotor);
    c.loop({ targets: rotor, angle: 360, duration: 1800, repeat: -1, ease: 'Linear' });
  } else {
    for (let k = 0; k < 3; k++) {
      const a = (k * Math.PI * 2) / 3 + 0.4;
      circle(g, cx + Math.cos(a) * r * 0.6, cy + Math.sin(a) * r * 0.6, r * 0.22, WHITE, 2);
    }
  }
  circle(g, cx, cy, 5, INK, 0);
};

const integrityTester: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.46, -h * 0.34, w * 0.92, h * 0.7, 0xf1f4f7, 8);
  screen(c, -w * 0.38, -h * 0.26, w * 0.5, h * 0.3);
  lamp(c, w * 0.26, -h * 0.16, 6);
  for (let k = 0; k < 3; k++) box(g, w * 0.16 + (k % 2) * w * 0.12, h * 0.02 + Math.floor(k / 2) * h * 0.12, w * 0.1, h * 0.08, STEEL, 2, 2);
  path(g, [-w * 0.3, h * 0.36, -w * 0.3, h * 0.48, -w * 0.05, h * 0.48], 5, BLUE);
};

const bioreactor: DrawKind = (c) => {
  const { g, w, h } = c;
  const running = c.look.on !== false && !(c.guessed && /closed|idle|empty|off/.test(c.state));
  // stainless holder with a window showing the culture in its bag
  box(g, -w * 0.4, -h * 0.34, w * 0.8, h * 0.72, STEEL, 14);
  const wx = -w * 0.22;
  const wy = -h * 0.24;
  const ww = w * 0.44;
  const wh = h * 0.5;
  box(g, wx, wy, ww, wh, 0xf7eef2, 8, 2);
  liquid(c, wx + 3, wy + 6, ww - 6, wh - 9, levelOf(c, 0.72), MEDIUM, 6);
  glass(g, wx, wy, ww, wh, 8);
  // motor and impeller
  box(g, -w * 0.12, -h * 0.5, w * 0.24, h * 0.16, STEEL_DARK, 6);
  line(g, 0, -h * 0.34, 0, h * 0.12, 3);
  line(g, -14, h * 0.12, 14, h * 0.12, 5);
  // legs, probes, jacket lines
  for (const s of [-1, 1]) line(g, s * w * 0.32, h * 0.38, s * w * 0.36, h * 0.5, 6);
  for (let k = 0; k < 3; k++) line(g, w * 0.26, -h * 0.2 + k * 14, w * 0.46, -h * 0.24 + k * 14, 3, k === 1 ? BLUE : STEEL_DARK);
  lamp(c, -w * 0.3, -h * 0.26, 6);
  if (running && c.motion) {
    for (let k = 0; k < 3; k++) {
      const bubble = c.scene.add.circle(wx + ww * (0.25 + k * 0.25), wy + wh - 10, 4, WHITE, 0.9).setStrokeStyle(1.5, INK);
      c.layer.add(bubble);
      c.loop({ targets: bubble, y: wy + wh * (1 - levelOf(c, 0.72)) + 8, duration: 1400, delay: k * 420, repeat: -1, ease: 'Sine.easeIn' });
    }
  }
};

const controlPanel: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.08, h * 0.2, w * 0.16, h * 0.26, STEEL_DARK, 2);
  box(g, -w * 0.3, h * 0.44, w * 0.6, 8, STEEL_DARK, 2, 2);
  box(g, -w * 0.46, -h * 0.46, w * 0.92, h * 0.68, 0x3b4d5a, 8);
  screen(c, -w * 0.4, -h * 0.4, w * 0.8, h * 0.3);
  // trends under the value
  box(g, -w * 0.4, -h * 0.06, w * 0.8, h * 0.22, 0x203847, 3, 2);
  trace(c, -w * 0.38, -h * 0.04, w * 0.76, h * 0.18, LCD, 'wave');
  trace(c, -w * 0.38, -h * 0.04, w * 0.76, h * 0.18, 0xffc46b, 'flat');
  lamp(c, w * 0.36, -h * 0.5 + 6, 6);
};

const samplePort: DrawKind = (c) => {
  const { g, w, h } = c;
  line(g, -w / 2, -h * 0.1, w / 2, -h * 0.1, 10, STEEL_DARK);
  line(g, -w / 2, -h * 0.1, w / 2, -h * 0.1, 5, STEEL);
  boxC(g, 0, -h * 0.1, w * 0.28, h * 0.3, STEEL, 4);
  // a sample in the tube under the port: declared fill, or guessed from the state name
  const sampled = c.guessed ? /sampl|taken|done/.test(c.state) : (c.look.fill ?? 0) > 0;
  tube(c, [0, h * 0.05, 0, h * 0.2]);
  box(g, -w * 0.16, h * 0.18, w * 0.32, h * 0.28, 0xf3f8fb, 6, 2);
  if (sampled) liquid(c, -w * 0.14, h * 0.22, w * 0.28, h * 0.22, c.guessed ? 0.6 : levelOf(c, 0.6), MEDIUM, 3);
  circle(g, 0, -h * 0.1, 6, (c.guessed ? /disinf|clean|wip/.test(c.state) : c.look.done) ? GREEN : WHITE, 2);
};

const manifold: DrawKind = (c) => {
  const { g, w, h } = c;
  tube(c, [-w / 2, -h * 0.2, w / 2, -h * 0.2]);
  for (let k = 0; k < 4; k++) {
    const x = -w * 0.36 + k * w * 0.24;
    tube(c, [x, -h * 0.2, x, h * 0.34]);
    box(g, x - 9, h * 0.02, 18, 10, k % 2 ? WHITE : 0x3f8fd6, 2, 2);
    circle(g, x, h * 0.38, 6, c.look.connected ? GREEN : WHITE, 2);
  }
};

const connector: DrawKind = (c) => {
  const { g, w, h } = c;
  const made = c.look.connected === true || (c.guessed && /made|connect|join|weld/.test(c.state) && c.look.connected !== false);
  const gap = made ? 0 : w * 0.14;
  tube(c, [-w / 2, 0, -w * 0.16 - gap, 0]);
  tube(c, [w * 0.16 + gap, 0, w / 2, 0]);
  box(g, -w * 0.2 - gap, -h * 0.24, w * 0.2, h * 0.48, 0x8fc1e3, 4);
  box(g, gap, -h * 0.24, w * 0.2, h * 0.48, 0xf2c14e, 4);
  if (!made) {
    // the sterile caps still on the two halves
    box(g, -gap - 8, -h * 0.14, 8, h * 0.28, WHITE, 2, 2);
    box(g, gap, -h * 0.14, 8, h * 0.28, WHITE, 2, 2);
  } else circle(g, 0, -h * 0.34, 6, GREEN, 2);
};

const tubeWelder: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.2, w, h * 0.6, 0xe9eef3, 8);
  screen(c, w * 0.1, -h * 0.1, w * 0.34, h * 0.24);
  const open = c.look.open === true;
  box(g, -w * 0.44, -h * 0.26, w * 0.46, h * 0.2, open ? STEEL : STEEL_DARK, 4, 2);
  if (open) poly(g, [-w * 0.44, -h * 0.26, w * 0.02, -h * 0.26, -w * 0.06, -h * 0.5, -w * 0.36, -h * 0.5], STEEL, 2);
  tube(c, [-w * 0.6, -h * 0.16, w * 0.06, -h * 0.16]);
  if (c.look.connected || c.look.done) circle(g, -w * 0.2, -h * 0.16, 6, GREEN, 2);
};

const tubeSealer: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.1, w, h * 0.5, 0xe9eef3, 8);
  lamp(c, w * 0.36, h * 0.06, 6);
  // the heated jaws over the tube; a sealed tube shows its flat seal
  box(g, -w * 0.16, -h * 0.44, w * 0.32, h * 0.2, STEEL_DARK, 4);
  box(g, -w * 0.16, -h * 0.12, w * 0.32, h * 0.08, STEEL_DARK, 2, 2);
  tube(c, [-w / 2 - 6, -h * 0.2, w / 2 + 6, -h * 0.2]);
  // the seal: the tube is sealed once done (guessed: also a closed or sealed state)
  if (c.look.done || (c.guessed && c.look.open === false)) box(g, -w * 0.05, -h * 0.27, w * 0.1, h * 0.14, YELLOW, 2, 2);
};

const clamp: DrawKind = (c) => {
  const { g, w, h } = c;
  const closed = c.guessed ? clampClosed(c.state) : c.look.open !== true;
  tube(c, [-w / 2, 0, w / 2, 0]);
  if (closed) {
    // jaws pressed together on the tube
    box(g, -w * 0.12, -h * 0.34, w * 0.24, h * 0.3, RED, 4);
    box(g, -w * 0.12, h * 0.04, w * 0.24, h * 0.3, RED, 4);
    line(g, -w * 0.1, 0, w * 0.1, 0, 4, INK);
  } else {
    box(g, -w * 0.12, -h * 0.46, w * 0.24, h * 0.3, WHITE, 4);
    box(g, -w * 0.12, h * 0.16, w * 0.24, h * 0.3, WHITE, 4);
  }
};

const pressureGauge: DrawKind = (c) => {
  const { g, w, h } = c;
  const r = Math.min(w, h) * 0.34;
  line(g, 0, r, 0, h / 2, 8, STEEL_DARK);
  circle(g, 0, 0, r + 5, STEEL);
  circle(g, 0, 0, r - 2, WHITE, 2);
  // green band, red band
  g.lineStyle(6, GREEN, 0.9).beginPath().arc(0, 0, r - 10, Math.PI * 0.8, Math.PI * 1.7).strokePath();
  g.lineStyle(6, RED, 0.9).beginPath().arc(0, 0, r - 10, Math.PI * 1.75, Math.PI * 2.2).strokePath();
  const a = c.look.alarm || c.look.problem ? Math.PI * 2.05 : Math.PI * 1.3;
  line(g, 0, 0, Math.cos(a) * (r - 12), Math.sin(a) * (r - 12), 4, INK);
  circle(g, 0, 0, 5, INK, 0);
  c.screen = { x: 0, y: r * 0.55, w: r * 1.4, h: r * 0.5 };
};

const column: DrawKind = (c) => {
  const { g, w, h } = c;
  const cw = w * 0.5;
  const ch = h * 0.78;
  line(g, 0, -h / 2, 0, -ch / 2, 5, STEEL_DARK);
  box(g, -cw / 2, -ch / 2 + 10, cw, ch - 20, 0xf3f8fb, 4);
  // packed resin bed under the flow adaptor
  const packed = c.guessed ? !/empty|unpack/.test(c.state) : c.look.fill !== 0;
  if (packed) box(g, -cw / 2 + 3, -ch / 2 + 30, cw - 6, ch - 44, 0xf3e3b0, 2, 0);
  glass(g, -cw / 2, -ch / 2 + 10, cw, ch - 20, 4);
  box(g, -cw / 2 - 6, -ch / 2, cw + 12, 14, STEEL_DARK, 3);
  box(g, -cw / 2 - 6, ch / 2 - 14, cw + 12, 14, STEEL_DARK, 3);
  line(g, 0, ch / 2, 0, h / 2, 5, STEEL_DARK);
};

const valve: DrawKind = (c) => {
  const { g, w, h } = c;
  const open = c.look.open ?? c.look.on ?? false;
  line(g, -w / 2, h * 0.1, w / 2, h * 0.1, 14, INK);
  line(g, -w / 2, h * 0.1, w / 2, h * 0.1, 9, STEEL);
  poly(g, [-w * 0.2, -h * 0.06, 0, h * 0.1, -w * 0.2, h * 0.26], STEEL_DARK);
  poly(g, [w * 0.2, -h * 0.06, 0, h * 0.1, w * 0.2, h * 0.26], STEEL_DARK);
  box(g, -5, -h * 0.22, 10, h * 0.3, STEEL_DARK, 2, 2);
  // the handle: along the pipe when open, across it when closed
  if (open) box(g, -w * 0.34, -h * 0.3, w * 0.68, 12, GREEN, 4);
  else box(g, -6, -h * 0.5, 12, h * 0.34, RED, 4);
};

const uvMonitor: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.46, -h * 0.4, w * 0.92, h * 0.8, 0xeef2f6, 8);
  box(g, -w * 0.4, -h * 0.34, w * 0.8, h * 0.36, 0x203847, 3, 2);
  trace(c, -w * 0.38, -h * 0.32, w * 0.76, h * 0.3, 0x7fc8ff, 'peak');
  screen(c, -w * 0.4, h * 0.08, w * 0.5, h * 0.22);
  lamp(c, w * 0.28, h * 0.2, 6);
};

/** The chromatography skid: pumps, valve block, the column, the UV cell, and its screen with UV, pressure and conductivity traces. */
const skid: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w / 2, -h * 0.1, w, h * 0.5, STEEL, 8);
  for (const s of [-1, 1]) line(g, s * w * 0.44, h * 0.4, s * w * 0.44, h * 0.5, 6);
  // pumps
  for (let k = 0; k < 2; k++) {
    circle(g, -w * 0.36 + k * w * 0.16, h * 0.14, h * 0.1, WHITE);
    lamp(c, -w * 0.36 + k * w * 0.16, h * 0.14, 4);
  }
  // valve block
  box(g, -w * 0.06, h * 0.02, w * 0.2, h * 0.24, STEEL_DARK, 4);
  for (let k = 0; k < 3; k++) circle(g, -w * 0.02 + k * w * 0.06, h * 0.14, 5, k === 1 ? YELLOW : WHITE, 2);
  // the column on top, the screen on its arm
  box(g, w * 0.2, -h * 0.46, w * 0.1, h * 0.42, 0xf3e3b0, 3);
  line(g, w * 0.25, -h * 0.04, w * 0.25, h * 0.02, 4);
  box(g, -w * 0.46, -h * 0.5, w * 0.6, h * 0.36, 0x3b4d5a, 6);
  box(g, -w * 0.43, -h * 0.46, w * 0.54, h * 0.28, 0x203847, 3, 2);
  trace(c, -w * 0.42, -h * 0.44, w * 0.52, h * 0.24, 0x7fc8ff, 'peak');
  trace(c, -w * 0.42, -h * 0.44, w * 0.52, h * 0.24, 0xff8c8c, 'flat');
  trace(c, -w * 0.42, -h * 0.44, w * 0.52, h * 0.24, 0xffc46b, 'rise');
  screen(c, w * 0.34, h * 0.04, w * 0.14, h * 0.14, true);
};

/** Any other kind: a labelled cabinet (its name is drawn under it like every object). */
export const generic: DrawKind = (c) => {
  const { g, w, h } = c;
  box(g, -w * 0.42, -h * 0.42, w * 0.84, h * 0.84, 0xe7edf2, 8);
  line(g, 0, -h * 0.34, 0, h * 0.34, 2, INK, 0.6);
  box(g, -w * 0.12, -6, 6, 18, STEEL_DARK, 2, 2);
  box(g, w * 0.06, -6, 6, 18, STEEL_DARK, 2, 2);
  box(g, -w * 0.3, -h * 0.34, w * 0.6, h * 0.12, WHITE, 2, 2);
  lamp(c, w * 0.3, h * 0.3, 5);
};

export const PROCESS: Record<string, DrawKind> = {
  bag,
  pump,
  'integrity-tester': integrityTester,
  bioreactor,
  'control-panel': controlPanel,
  'sample-port': samplePort,
  manifold,
  connector,
  'tube-welder': tubeWelder,
  'tube-sealer': tubeSealer,
  clamp,
  'pressure-gauge': pressureGauge,
  'chromatography-skid': skid,
  column,
  valve,
  'uv-monitor': uvMonitor,
};
