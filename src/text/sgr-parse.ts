import { type Color, NAMED_COLORS, type Style } from '../style/style.js';

/**
 * Applies SGR parameters (the `31;1` of `ESC[31;1m`) to a style, as a
 * terminal would. Unknown parameters are ignored, like terminals do.
 */
export function parseSgr(params: string, current: Style | undefined): Style | undefined {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((part) => (part === '' ? 0 : Number(part)));
  let style: { -readonly [K in keyof Style]: Style[K] } = { ...current };
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] ?? 0;
    if (code === 38 || code === 48) {
      const [color, used] = extendedColor(codes, index + 1);
      if (color !== undefined) {
        style[code === 38 ? 'fg' : 'bg'] = color;
      }
      index += used;
      continue;
    }
    style = applyCode(style, code);
  }

  return Object.values(style).some((value) => value !== undefined) ? style : undefined;
}

/** Reads `5;n` or `2;r;g;b` after a 38 or 48; returns the colour and how many codes it used. */
function extendedColor(codes: readonly number[], at: number): [Color | undefined, number] {
  if (codes[at] === 5) {
    const index = codes[at + 1];

    return [index !== undefined && index >= 0 && index <= 255 ? index : undefined, 2];
  }
  if (codes[at] === 2) {
    const channels = [codes[at + 1], codes[at + 2], codes[at + 3]].map((channel) => Math.max(0, Math.min(255, channel ?? 0)));
    const hex = channels.map((channel) => channel.toString(16).padStart(2, '0')).join('');

    return [`#${hex}`, 4];
  }

  return [undefined, 0];
}

type MutableStyle = { -readonly [K in keyof Style]: Style[K] };

function applyCode(style: MutableStyle, code: number): MutableStyle {
  const next = { ...style };
  if (code === 0) {
    return {};
  }
  if (code >= 30 && code <= 37) {
    next.fg = NAMED_COLORS[code - 30];
  } else if (code >= 90 && code <= 97) {
    next.fg = NAMED_COLORS[code - 90 + 8];
  } else if (code >= 40 && code <= 47) {
    next.bg = NAMED_COLORS[code - 40];
  } else if (code >= 100 && code <= 107) {
    next.bg = NAMED_COLORS[code - 100 + 8];
  } else if (code === 39) {
    delete next.fg;
  } else if (code === 49) {
    delete next.bg;
  } else {
    applyAttribute(next, code);
  }

  return next;
}

function applyAttribute(style: MutableStyle, code: number): void {
  switch (code) {
    case 1:
      style.bold = true;
      break;
    case 2:
      style.dim = true;
      break;
    case 3:
      style.italic = true;
      break;
    case 4:
      style.underline = true;
      break;
    case 7:
      style.inverse = true;
      break;
    case 9:
      style.strikethrough = true;
      break;
    case 22:
      delete style.bold;
      delete style.dim;
      break;
    case 23:
      delete style.italic;
      break;
    case 24:
      delete style.underline;
      break;
    case 27:
      delete style.inverse;
      break;
    case 29:
      delete style.strikethrough;
      break;
    default:
      break;
  }
}
