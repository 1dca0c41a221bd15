import wrapAnsi from 'wrap-ansi';
import { SGR_RESET, sgrSequence } from '../style/sgr.js';
import type { Glyph, TypesetLine, Typesetter } from '../text/typeset.js';

/** Drawn in place of cut text: one column in both charsets, so their geometry stays identical. */
export const ELLIPSIS = { unicode: '…', ascii: '~' } as const;


/** The width of the widest word (a run without spaces) in a text. */
export function longestWord(text: Typesetter, content: string): number {
  let longest = 0;
  for (const line of text.lines(content)) {
    let word = 0;
    for (const glyph of line.glyphs) {
      word = glyph.text === ' ' ? 0 : word + glyph.width;
      longest = Math.max(longest, word);
    }
  }

  return longest;
}

/**
 * Wraps text to `width` columns with wrap-ansi, on word boundaries, breaking
 * only words wider than `width`. The text is first typeset, so tabs, control
 * pictures and emoji policy are already applied and wrap-ansi measures what
 * will be drawn; styles from trusted labels travel as SGR codes.
 */
export function wrapText(text: Typesetter, content: string, width: number): string {
  const wrapped = text.lines(content).map((line) => wrapAnsi(encodeLine(line), width, { hard: true, trim: true, wordWrap: true }));

  return wrapped.join('\n');
}

/** Shortens a one-line label to `width` columns, ending it with an ellipsis, without splitting a grapheme. */
export function truncateLine(line: TypesetLine, width: number, ellipsis: string): string {
  if (line.width <= width) {
    return encodeLine(line);
  }

  const kept: Glyph[] = [];
  let used = 0;
  for (const glyph of line.glyphs) {
    if (used + glyph.width > width - 1) {
      break;
    }
    kept.push(glyph);
    used += glyph.width;
  }

  return encodeLine({ glyphs: kept, width: used }) + (width >= 1 ? ellipsis : '');
}

/** Turns typeset glyphs back into a string, with SGR and OSC 8 codes for any styles and links they carry. */
export function encodeLine(line: TypesetLine): string {
  let result = '';
  let style: Glyph['style'];
  let link: string | undefined;
  for (const glyph of line.glyphs) {
    if (glyph.link !== link) {
      result += link === undefined ? '' : '\u001b]8;;\u001b\\';
      result += glyph.link === undefined ? '' : `\u001b]8;;${glyph.link}\u001b\\`;
      link = glyph.link;
    }
    if (glyph.style !== style) {
      result += glyph.style === undefined ? SGR_RESET : sgrSequence(glyph.style, 'truecolor') || SGR_RESET;
      style = glyph.style;
    }
    result += glyph.text;
  }

  return result + (style === undefined ? '' : SGR_RESET) + (link === undefined ? '' : '\u001b]8;;\u001b\\');
}
