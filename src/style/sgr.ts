import { type Color, NAMED_COLORS, type NamedColor, STYLE_FLAGS, type Style } from './style.js';

/** How many colours the output may use. `false` means no escape codes at all. */
export type ColorLevel = false | 16 | 256 | 'truecolor';

const ESC = '\u001b';
export const SGR_RESET = `${ESC}[0m`;

const FLAG_CODES: Readonly<Record<(typeof STYLE_FLAGS)[number], number>> = {
  bold: 1,
  dim: 2,
  italic: 3,
  underline: 4,
  inverse: 7,
  strikethrough: 9,
};

/** The usual RGB of the 16 named colours (xterm's defaults), for downsampling. */
const NAMED_RGB: readonly (readonly [number, number, number])[] = [
  [0, 0, 0],
  [205, 0, 0],
  [0, 205, 0],
  [205, 205, 0],
  [0, 0, 238],
  [205, 0, 205],
  [0, 205, 205],
  [229, 229, 229],
  [127, 127, 127],
  [255, 0, 0],
  [0, 255, 0],
  [255, 255, 0],
  [92, 92, 255],
  [255, 0, 255],
  [0, 255, 255],
  [255, 255, 255],
];

/** Levels of each channel in the 6x6x6 cube of the 256-colour palette. */
const CUBE_LEVELS = [0, 95, 135, 175, 215, 255] as const;

type Rgb = readonly [number, number, number];

function paletteRgb(index: number): Rgb {
  if (index < 16) {
    return NAMED_RGB[index] ?? [0, 0, 0];
  }
  if (index < 232) {
    const cube = index - 16;

    return [CUBE_LEVELS[Math.floor(cube / 36)] ?? 0, CUBE_LEVELS[Math.floor(cube / 6) % 6] ?? 0, CUBE_LEVELS[cube % 6] ?? 0];
  }
  const gray = 8 + (index - 232) * 10;

  return [gray, gray, gray];
}

export function parseHex(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) {
    return undefined;
  }

  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}

function distance(a: Rgb, b: Rgb): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}

function nearest(target: Rgb, candidates: readonly number[]): number {
  let best = candidates[0] ?? 0;
  for (const candidate of candidates) {
    if (distance(paletteRgb(candidate), target) < distance(paletteRgb(best), target)) {
      best = candidate;
    }
  }

  return best;
}

const SIXTEEN = Array.from({ length: 16 }, (_, index) => index);
const TWO_FIFTY_SIX = Array.from({ length: 256 }, (_, index) => index);

/** SGR parameters for one colour at a level; `background` picks 40-series codes over 30-series. */
export function colorParams(color: Color, level: Exclude<ColorLevel, false>, background: boolean): string {
  const named = typeof color === 'string' && !color.startsWith('#') ? NAMED_COLORS.indexOf(color as NamedColor) : -1;
  if (named >= 0) {
    return ansi16(named, background);
  }

  const rgb = typeof color === 'number' ? paletteRgb(color) : (parseHex(color) ?? [0, 0, 0]);
  if (level === 'truecolor' && typeof color === 'string') {
    return `${background ? 48 : 38};2;${rgb[0]};${rgb[1]};${rgb[2]}`;
  }
  if (level !== 16) {
    const index = typeof color === 'number' ? color : nearest(rgb, TWO_FIFTY_SIX);

    return `${background ? 48 : 38};5;${index}`;
  }

  return ansi16(typeof color === 'number' && color < 16 ? color : nearest(rgb, SIXTEEN), background);
}

function ansi16(index: number, background: boolean): string {
  const base = index < 8 ? 30 + index : 90 + index - 8;

  return String(background ? base + 10 : base);
}

/** One SGR sequence that resets and then sets the whole style, or `''` for an empty style. */
export function sgrSequence(style: Style, level: Exclude<ColorLevel, false>): string {
  const params: string[] = [];
  for (const flag of STYLE_FLAGS) {
    if (style[flag] === true) {
      params.push(String(FLAG_CODES[flag]));
    }
  }
  if (style.fg !== undefined) {
    params.push(colorParams(style.fg, level, false));
  }
  if (style.bg !== undefined) {
    params.push(colorParams(style.bg, level, true));
  }

  return params.length === 0 ? '' : `${ESC}[0;${params.join(';')}m`;
}
