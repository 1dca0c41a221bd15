import type { Style } from '../style/style.js';
import { parseSgr } from './sgr-parse.js';
import { graphemeWidth, segmentGraphemes } from './width.js';

/** The rules that turn labels into cells. Every field has a documented default in `RenderOptions`. */
export interface TextPolicy {
  /** Columns between tab stops. */
  readonly tabWidth: number;
  /** `text` drops U+FE0F after a symbol that is text by default, so it takes one column in every terminal. */
  readonly emoji: 'text' | 'emoji';
  /** Keep SGR styles and OSC 8 links found in labels; every other control still draws visibly. */
  readonly trustedLabels: boolean;
}

/** One grapheme of a label with the columns it takes and any style or link the label gave it. */
export interface Glyph {
  readonly text: string;
  /** 1 or 2; zero-width graphemes are dropped. */
  readonly width: number;
  readonly style?: Style;
  readonly link?: string;
}

export interface TypesetLine {
  readonly glyphs: readonly Glyph[];
  readonly width: number;
}

/** A label as lines, with the size of the block they make: the widest line's columns, and one row per line. */
export interface TypesetBlock {
  readonly lines: TypesetLine[];
  readonly width: number;
  readonly height: number;
}

const ESC = '\u001b';
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Characters removed from labels: zero-width format characters and
 * bidirectional controls. string-width counts them as zero columns, but some
 * terminals draw them or reorder the line around them, which would move
 * borders. Joiners (U+200C, U+200D) stay because emoji sequences need them.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/gu;

/** Control characters other than tab and line feed. */
// eslint-disable-next-line no-control-regex -- this pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

const DELETE_PICTURE = '\u2421';

/** Half of a UTF-16 surrogate pair; alone it is no character, so it draws as U+FFFD instead of vanishing. */
const LONE_SURROGATE = /[\ud800-\udfff]/;

function isPairAt(line: string, index: number): boolean {
  const code = line.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = line.charCodeAt(index + 1);

    return next >= 0xdc00 && next <= 0xdfff;
  }
  const previous = line.charCodeAt(index - 1);

  return previous >= 0xd800 && previous <= 0xdbff;
}
const REPLACEMENT = '\ufffd';

/** The visible stand-in for a control character: U+2400 + code for C0 (`␛` for ESC), `␡` for DEL, U+FFFD for C1. */
export function controlPicture(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20) {
    return String.fromCodePoint(0x2400 + code);
  }

  return code === 0x7f ? DELETE_PICTURE : REPLACEMENT;
}

/** One shared glyph for each printable ASCII character, so typesetting plain text allocates no glyph objects. */
const ASCII_GLYPHS: readonly Glyph[] = Array.from({ length: 0x7f }, (_, code) => ({ text: String.fromCharCode(code), width: 1 }));

/**
 * A symbol that is text by default, made emoji by U+FE0F, and maybe a keycap:
 * `⚠️`, `©️`, `1️⃣`. The text policy keeps only the symbol: a keycap's
 * enclosing mark goes too, because string-width counts `1` + U+20E3 two
 * columns while terminals draw it in one.
 */
const TEXT_DEFAULT_EMOJI = /^(\P{Emoji_Presentation})\ufe0f\u20e3?$/u;

/** Labels a typesetter keeps; past this many it starts over, so a long-lived one cannot grow without bound. */
const MAX_CACHED_LABELS = 100_000;

/**
 * Turns label text into lines of glyphs with widths, by one policy shared by
 * measuring, wrapping and painting. Results are cached, up to
 * `MAX_CACHED_LABELS` labels; `typesetterFor` shares one typesetter per
 * policy across renders, since results depend only on the label and policy.
 */
export class Typesetter {
  readonly policy: TextPolicy;
  private readonly cache = new Map<string, TypesetBlock>();

  constructor(policy: TextPolicy) {
    this.policy = policy;
  }

  /** Returns the label's lines and their size, from the cache when the label was typeset before. */
  block(text: string): TypesetBlock {
    return this.cache.get(text) ?? this.typesetBlock(text);
  }

  /** Returns the label's block when the cache has it, without typesetting it. */
  cachedBlock(text: string): TypesetBlock | undefined {
    return this.cache.get(text);
  }

  lines(text: string): TypesetLine[] {
    return this.block(text).lines;
  }

  /** Columns of the widest line. */
  width(text: string): number {
    return this.block(text).width;
  }

  /** The label as one line: line breaks become spaces. For single-line places such as titles. */
  line(text: string): TypesetLine {
    const lines = this.lines(text);
    if (lines.length === 1 && lines[0] !== undefined) {
      return lines[0];
    }

    return this.typesetLine(text.replace(/\r\n?|\n/g, ' '));
  }

  private typesetBlock(text: string): TypesetBlock {
    if (this.cache.size >= MAX_CACHED_LABELS) {
      this.cache.clear();
    }

    const lines = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => this.typesetLine(line));
    let width = 0;
    for (const line of lines) {
      width = Math.max(width, line.width);
    }
    const block = { lines, width, height: lines.length };
    this.cache.set(text, block);

    return block;
  }

  private typesetLine(line: string): TypesetLine {
    if (PRINTABLE_ASCII.test(line)) {
      return { glyphs: Array.from(line, (character) => ASCII_GLYPHS[character.charCodeAt(0)] ?? { text: character, width: 1 }), width: line.length };
    }

    const glyphs: Glyph[] = [];
    let column = 0;
    let style: Style | undefined;
    let link: string | undefined;
    const push = (text: string): void => {
      for (const glyph of this.segment(text, style, link)) {
        glyphs.push(glyph);
        column += glyph.width;
      }
    };

    let index = 0;
    let plain = '';
    const flush = (): void => {
      if (plain !== '') {
        push(plain);
        plain = '';
      }
    };
    while (index < line.length) {
      const character = line[index] ?? '';
      if (character === '\t') {
        flush();
        const spaces = this.policy.tabWidth - (column % this.policy.tabWidth);
        push(' '.repeat(spaces));
        index += 1;
        continue;
      }
      if (character === ESC && this.policy.trustedLabels) {
        const escape = readTrustedEscape(line, index);
        if (escape !== undefined) {
          flush();
          if (escape.kind === 'sgr') {
            style = parseSgr(escape.params, style);
          } else {
            link = escape.uri === '' ? undefined : escape.uri;
          }
          index = escape.end;
          continue;
        }
      }
      plain += CONTROL.test(character) ? controlPicture(character) : LONE_SURROGATE.test(character) && !isPairAt(line, index) ? REPLACEMENT : character;
      index += 1;
    }
    flush();

    return { glyphs, width: column };
  }

  private segment(text: string, style: Style | undefined, link: string | undefined): Glyph[] {
    const glyphs: Glyph[] = [];
    for (const segment of segmentGraphemes(text.replace(INVISIBLE, ''))) {
      const shown = this.policy.emoji === 'text' ? segment.replace(TEXT_DEFAULT_EMOJI, '$1') : segment;
      const width = graphemeWidth(shown);
      if (width === 0) {
        continue;
      }
      glyphs.push({ text: shown, width, ...(style && { style }), ...(link !== undefined && { link }) });
    }

    return glyphs;
  }
}

type TrustedEscape =
  | { readonly kind: 'sgr'; readonly params: string; readonly end: number }
  | { readonly kind: 'link'; readonly uri: string; readonly end: number };

/** Reads an SGR sequence (`ESC [ ... m`) or an OSC 8 hyperlink (`ESC ] 8 ; params ; uri ST`) at `start`. */
function readTrustedEscape(line: string, start: number): TrustedEscape | undefined {
  // eslint-disable-next-line no-control-regex -- escape sequences start with ESC
  const sgr = /^\u001b\[([0-9;:]*)m/.exec(line.slice(start, start + 64));
  if (sgr !== null) {
    return { kind: 'sgr', params: sgr[1] ?? '', end: start + sgr[0].length };
  }

  // The target may hold no control character, C0 or C1, so a link cannot smuggle a command to the terminal.
  // eslint-disable-next-line no-control-regex -- escape sequences start with ESC and end with BEL or ESC \\
  const osc = /^\u001b\]8;[^;\u0000-\u001f\u007f-\u009f]*;([^\u0000-\u001f\u007f-\u009f]*)(\u0007|\u001b\\)/.exec(line.slice(start, start + 4096));
  if (osc !== null) {
    return { kind: 'link', uri: osc[1] ?? '', end: start + osc[0].length };
  }

  return undefined;
}

/** One typesetter per policy, indexed by its fields: tab width, emoji form and trust. */
const SHARED: Typesetter[] = [];

/** The shared typesetter for a policy, so repeated renders of the same labels typeset them once. */
export function typesetterFor(policy: TextPolicy): Typesetter {
  const index = ((policy.tabWidth - 1) * 2 + (policy.emoji === 'text' ? 0 : 1)) * 2 + (policy.trustedLabels ? 1 : 0);
  let typesetter = SHARED[index];
  if (typesetter === undefined) {
    typesetter = new Typesetter(policy);
    SHARED[index] = typesetter;
  }

  return typesetter;
}
