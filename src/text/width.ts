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

/** Code point ranges where string-width gives one column to every character that is not emoji by default. */
export const NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ac],
  [0x00ae, 0x02ff],
  [0x0370, 0x0482],
  [0x048a, 0x052f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x2328],
  [0x232b, 0x23ff],
  [0x2500, 0x262f],
  [0x2638, 0x2689],
  [0x2690, 0x27bf],
];

/** Code point ranges where string-width gives two columns to every character: CJK ideographs, kana, Hangul syllables. */
export const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [low, high] of ranges) {
    if (codePoint >= low && codePoint <= high) {
      return true;
    }
  }

  return false;
}

/**
 * Measures one grapheme in terminal columns. Single code points in the
 * common narrow and wide ranges are answered from those ranges, which a test
 * checks against string-width code point by code point; every other grapheme
 * (emoji, sequences, combining marks) goes to string-width. The shortcut
 * matters because string-width's first call compiles large Unicode
 * property patterns, a cost a short CLI run would pay on every start.
 */
export function graphemeWidth(grapheme: string): number {
  const codePoint = grapheme.codePointAt(0) ?? 0;
  const single = grapheme.length === (codePoint > 0xffff ? 2 : 1);
  if (single && codePoint >= 0x20 && codePoint <= 0x7e) {
    return 1;
  }
  if (single && inRanges(codePoint, WIDE_RANGES)) {
    return 2;
  }
  if (single && inRanges(codePoint, NARROW_RANGES) && !EMOJI_PRESENTATION.test(grapheme)) {
    return 1;
  }

  return Math.min(2, stringWidth(grapheme, { countAnsiEscapeCodes: false }));
}

/**
 * Measures text in terminal columns. Every width in the library comes from
 * here or from `graphemeWidth`, so measuring, padding and drawing agree.
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
  for (const segment of segmentGraphemes(text)) {
    result.push({ text: segment, width: graphemeWidth(segment) });
  }

  return result;
}

/** Characters that always start a grapheme unless a joiner or mark comes before or after them: ASCII and box drawing. */
const CHUNK_START = /[\x20-\x7e\u2500-\u259f]/;

/** A joiner, variation selector or combining mark, which may tie a character to the one before it. */
const JOINS_PREVIOUS = /\u200d|[\ufe00-\ufe0f]|\p{M}/u;

/** Characters segmented at once; longer text is cut into chunks of about this size. */
const CHUNK_LENGTH = 1024;

/**
 * Splits text into graphemes. Intl.Segmenter in Node 20 slows down more than
 * linearly on long strings (a 77,000-character line took seconds), so long
 * text is cut into chunks at characters that surely start a grapheme, and
 * each chunk is segmented alone.
 */
export function* segmentGraphemes(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_LENGTH);
    while (end < text.length && !isSafeCut(text, end)) {
      end += 1;
    }
    for (const { segment } of segmenter.segment(text.slice(start, end))) {
      yield segment;
    }
    start = end;
  }
}

function isSafeCut(text: string, index: number): boolean {
  return CHUNK_START.test(text.charAt(index)) && !JOINS_PREVIOUS.test(text.charAt(index - 1)) && !JOINS_PREVIOUS.test(text.charAt(index + 1));
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
