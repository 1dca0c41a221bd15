import stringWidth from 'string-width';

/** A user-perceived character and the terminal columns it takes. */
export interface Grapheme {
  readonly text: string;
  /** 0, 1 or 2. */
  readonly width: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Printable ASCII is one column per character, so it skips segmentation. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Measures text in terminal columns. Every width in the library comes from
 * here, so measuring, padding and drawing agree.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) {
    return text.length;
  }

  return stringWidth(text, { countAnsiEscapeCodes: false });
}

/** Splits text into graphemes with their widths. */
export function graphemes(text: string): Grapheme[] {
  if (PRINTABLE_ASCII.test(text)) {
    return Array.from(text, (character) => ({ text: character, width: 1 }));
  }

  const result: Grapheme[] = [];
  for (const { segment } of segmenter.segment(text)) {
    result.push({ text: segment, width: stringWidth(segment) });
  }

  return result;
}

/** The widest line of a multi-line text. */
export function blockWidth(lines: readonly string[]): number {
  let widest = 0;
  for (const line of lines) {
    widest = Math.max(widest, displayWidth(line));
  }

  return widest;
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}
