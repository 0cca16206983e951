/**
 * The room's one flat style: clean pastel cleanroom colours, dark outlines,
 * and signal colours that mean the same everywhere (red: problem or alarm,
 * green: done or running, amber: focus, as in the DOM).
 */
export const INK = 0x1f3440;
export const LINE = 3;
export const WHITE = 0xfbfdfe;
export const STEEL = 0xcfd9e0;
export const STEEL_DARK = 0x9fb0bc;
export const SCREEN = 0x203847;
export const SCREEN_OFF = 0x4d5f6a;
export const LCD = 0x8ef0b4;
export const BLUE = 0x8fc1e3;
export const BLUE_DARK = 0x3f7fb0;
export const GREEN = 0x2f9e5b;
export const GREEN_SOFT = 0xa8dcbc;
export const YELLOW = 0xf4d77a;
export const PINK = 0xf2bfd0;
export const MEDIUM = 0xf3a6b8;
export const LILAC = 0xcfc4ea;
export const PEACH = 0xf6d2b8;
export const RED = 0xd23c3c;
export const RED_SOFT = 0xf6c9c9;
export const AMBER = 0xffbf47;
export const BRAND = 0x0b4f6c;
export const WATER = 0x9ad4f0;
export const SHADOW = 0x1f3440;

/** Each room's wall, floor and accent: distinct at a glance, all calm. */
export interface RoomColours {
  wall: number;
  wallLow: number;
  floor: number;
  floorLine: number;
  accent: number;
}

export const ROOM_COLOURS: Record<string, RoomColours> = {
  'changing-room': { wall: 0xe9e4f3, wallLow: 0xd9d1ea, floor: 0xcfd6de, floorLine: 0xb9c3cd, accent: 0x8f7fc0 },
  'prep-room': { wall: 0xe1f2ea, wallLow: 0xcbe7d9, floor: 0xd3e3dc, floorLine: 0xb8cfc4, accent: 0x4f9f7c },
  'grade-b-lab': { wall: 0xdff0fa, wallLow: 0xc6e2f3, floor: 0xe6eef3, floorLine: 0xc9d7e1, accent: 0x3f8fc4 },
  'upstream-suite': { wall: 0xfbeee0, wallLow: 0xf3dcc4, floor: 0xe3ddd6, floorLine: 0xcdc3b8, accent: 0xd58a4f },
  'downstream-suite': { wall: 0xdcf3f1, wallLow: 0xbfe6e2, floor: 0xd6e4e6, floorLine: 0xb7cdd1, accent: 0x2f9c95 },
  'filling-line': { wall: 0xe6ecf8, wallLow: 0xcfd9ef, floor: 0xdfe3ea, floorLine: 0xc3cad6, accent: 0x4a67b8 },
  'grade-c-room': { wall: 0xeef0e2, wallLow: 0xdde2c8, floor: 0xdadfd0, floorLine: 0xc3cab4, accent: 0x8a9a4a },
  'transfer-airlock': { wall: 0xe6ecf2, wallLow: 0xd2dce6, floor: 0xd8e0e6, floorLine: 0xc0ccd6, accent: 0x5f86b0 },
  generic: { wall: 0xe8eef2, wallLow: 0xd6e0e7, floor: 0xd9e1e6, floorLine: 0xc2cdd5, accent: 0x5b7f96 },
};

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
