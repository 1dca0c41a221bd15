import stringWidth from 'string-width';

/** A user-perceived character and the terminal columns it takes. */
export interface Grapheme {
  readonly text: string;
  /** 0, 1 or 2. */
  readonly width: number;
}

/**
 * The grapheme segmenter, created on first use because the first
 * Intl.Segmenter of a process takes about 7 ms to load ICU's break rules
 * (Node 20.20 on a 2-core AMD EPYC). Text of the common ranges never needs it.
 */
let segmenter: Intl.Segmenter | undefined;

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
 * Checks whether a UTF-16 code unit is a code point that forms a grapheme of
 * its own unless marks follow it: printable ASCII or the narrow and wide
 * ranges. These ranges contain no combining mark, joiner, variation selector,
 * spacing mark, prepended mark, regional indicator, control or Hangul jamo.
 * Their Hangul syllables join only to a following jamo, so UAX #29 puts a
 * grapheme break between any two of these code points. A test checks every
 * one of them with Intl.Segmenter.
 */
function startsOwnGrapheme(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || inRanges(code, NARROW_RANGES) || inRanges(code, WIDE_RANGES);
}

/**
 * Checks whether a UTF-16 code unit is U+FE0E or U+FE0F (the text and emoji
 * variation selectors) or U+20E3 (the combining enclosing keycap). All three
 * have the grapheme cluster break property Extend, so UAX #29 rule GB9 puts
 * no break before them and each joins the grapheme before it.
 */
function isTrailingMark(code: number): boolean {
  return code === 0xfe0e || code === 0xfe0f || code === 0x20e3;
}

/**
 * Checks whether `text` splits into graphemes without Intl.Segmenter: each
 * grapheme is one code point for which `startsOwnGrapheme` holds, followed by
 * any number of trailing marks.
 */
function hasSimpleGraphemes(text: string): boolean {
  if (text.length > 0 && !startsOwnGrapheme(text.charCodeAt(0))) {
    return false;
  }
  for (let index = 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (!startsOwnGrapheme(code) && !isTrailingMark(code)) {
      return false;
    }
  }

  return true;
}

/** Splits text for which `hasSimpleGraphemes` holds: a grapheme starts at every code unit that is not a trailing mark. */
function* splitSimpleGraphemes(text: string): Generator<string> {
  let start = 0;
  for (let index = 1; index <= text.length; index += 1) {
    if (index === text.length || !isTrailingMark(text.charCodeAt(index))) {
      yield text.slice(start, index);
      start = index;
    }
  }
}

/**
 * Measures one grapheme in terminal columns. Single code points in the
 * common narrow and wide ranges are answered from those ranges, which a test
 * checks against string-width code point by code point; every other grapheme
 * (emoji, sequences, combining marks) goes to string-width. The shortcut
 * matters because loading string-width creates an Intl.Segmenter and compiles
 * large Unicode property patterns. The CLI bundle loads it on its first call
 * (see tsup.config.ts), so a run whose text stays in these ranges skips that.
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
  // string-width also sums the widths of the graphemes, and for these graphemes
  // graphemeWidth gives the same width as string-width (a test compares them).
  if (hasSimpleGraphemes(text)) {
    let width = 0;
    for (const grapheme of splitSimpleGraphemes(text)) {
      width += graphemeWidth(grapheme);
    }

    return width;
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
 * Splits text into graphemes. Text of the common ranges is split by
 * `splitSimpleGraphemes`, the rest by Intl.Segmenter. Intl.Segmenter in
 * Node 20 slows down more than linearly on long strings (a 77,000-character
 * line took seconds), so long text is cut into chunks at characters that
 * surely start a grapheme, and each chunk is segmented alone.
 */
export function* segmentGraphemes(text: string): Generator<string> {
  if (hasSimpleGraphemes(text)) {
    yield* splitSimpleGraphemes(text);
    return;
  }

  const graphemeSegmenter = (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_LENGTH);
    while (end < text.length && !isSafeCut(text, end)) {
      end += 1;
    }
    for (const { segment } of graphemeSegmenter.segment(text.slice(start, end))) {
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
