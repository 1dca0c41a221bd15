import {
  type Arms,
  Side,
  SIDES,
  Weight,
  armCount,
  armOf,
  hasHorizontal,
  hasVertical,
  opposite,
  parseArms,
  withArm,
} from './arms.js';
import { UNICODE_LINE_GLYPHS } from './unicode-lines.js';

export type Charset = 'unicode' | 'ascii';

/**
 * Drawn symbols that are not lines and not user text. Each has a Unicode and
 * an ASCII form, so the ASCII charset is a projection of the same cells.
 */
export enum SymbolCode {
  ArrowRight = 1,
  ArrowLeft,
  ArrowDown,
  ArrowUp,
  Shade,
  BarFill,
  BarTrack,
  SlopeUp,
  SlopeDown,
  SlopeCross,
  MarkerArrow,
  MarkerBound,
  AsciiCorner,
  AsciiHorizontal,
  AsciiVertical,
  Spark1,
  Spark2,
  Spark3,
  Spark4,
  Spark5,
  Spark6,
  Spark7,
  Spark8,
}

export const SPARK_LEVELS = 8;

/** Symbol drawn as `[unicode, ascii]`. */
const SYMBOLS: Readonly<Record<SymbolCode, readonly [string, string]>> = {
  [SymbolCode.ArrowRight]: ['▶', '>'],
  [SymbolCode.ArrowLeft]: ['◀', '<'],
  [SymbolCode.ArrowDown]: ['▼', 'v'],
  [SymbolCode.ArrowUp]: ['▲', '^'],
  [SymbolCode.Shade]: ['▓', '#'],
  [SymbolCode.BarFill]: ['█', '#'],
  [SymbolCode.BarTrack]: ['░', '.'],
  [SymbolCode.SlopeUp]: ['╱', '/'],
  [SymbolCode.SlopeDown]: ['╲', '\\'],
  [SymbolCode.SlopeCross]: ['╳', 'X'],
  [SymbolCode.MarkerArrow]: ['↑', '^'],
  [SymbolCode.MarkerBound]: ['┆', ':'],
  [SymbolCode.AsciiCorner]: ['+', '+'],
  [SymbolCode.AsciiHorizontal]: ['-', '-'],
  [SymbolCode.AsciiVertical]: ['|', '|'],
  [SymbolCode.Spark1]: ['▁', '_'],
  [SymbolCode.Spark2]: ['▂', '.'],
  [SymbolCode.Spark3]: ['▃', ','],
  [SymbolCode.Spark4]: ['▄', '-'],
  [SymbolCode.Spark5]: ['▅', '~'],
  [SymbolCode.Spark6]: ['▆', '='],
  [SymbolCode.Spark7]: ['▇', '*'],
  [SymbolCode.Spark8]: ['█', '#'],
};

export function symbolGlyph(code: SymbolCode, charset: Charset): string {
  const forms = SYMBOLS[code];

  return charset === 'unicode' ? forms[0] : forms[1];
}

export function isArrowSymbol(code: SymbolCode): boolean {
  return code >= SymbolCode.ArrowRight && code <= SymbolCode.ArrowUp;
}

/** Returns the arrowhead that points toward `side`. */
export function arrowToward(side: Side): SymbolCode {
  switch (side) {
    case Side.Up:
      return SymbolCode.ArrowUp;
    case Side.Right:
      return SymbolCode.ArrowRight;
    case Side.Down:
      return SymbolCode.ArrowDown;
    case Side.Left:
      return SymbolCode.ArrowLeft;
  }
}

export function sparkSymbol(level: number): SymbolCode {
  return (SymbolCode.Spark1 + level) as SymbolCode;
}

/** Unicode line glyphs by arm byte, built on first use: a short CLI run that draws few glyphs should not pay for it. */
let unicodeByArms: readonly string[] | undefined;

const ROUNDED_CORNERS: ReadonlyMap<Arms, string> = new Map([
  [parseArms('-ll-'), '╭'],
  [parseArms('--ll'), '╮'],
  [parseArms('l--l'), '╯'],
  [parseArms('ll--'), '╰'],
]);

function buildUnicodeTable(): string[] {
  const table = new Array<string>(256).fill('');
  for (const [glyph, letters] of UNICODE_LINE_GLYPHS) {
    table[parseArms(letters)] = glyph;
  }

  return table;
}

/**
 * Brings an arm set to one that Unicode has a glyph for, by these rules in order:
 * 1. A lone arm becomes a straight line through the cell.
 * 2. Unicode joins double lines only with light ones, so next to a double arm
 *    a heavy arm draws light.
 * 3. Unicode's double joints keep one weight per axis, so an axis with a
 *    double arm draws double on both of its arms.
 * Light and heavy mix freely: the block has a glyph for every such set.
 */
export function normalizeArms(arms: Arms): Arms {
  let result = arms;
  if (armCount(result) === 1) {
    for (const side of SIDES) {
      const weight = armOf(result, side);
      if (weight !== Weight.None) {
        result = withArm(result, opposite(side), weight);
      }
    }
  }

  const hasDouble = SIDES.some((side) => armOf(result, side) === Weight.Double);
  if (!hasDouble) {
    return result;
  }

  for (const side of SIDES) {
    if (armOf(result, side) === Weight.Heavy) {
      result = withArm(result, side, Weight.Light);
    }
  }

  for (const [first, second] of [
    [Side.Up, Side.Down],
    [Side.Left, Side.Right],
  ] as const) {
    if (armOf(result, first) === Weight.Double || armOf(result, second) === Weight.Double) {
      for (const side of [first, second]) {
        if (armOf(result, side) !== Weight.None) {
          result = withArm(result, side, Weight.Double);
        }
      }
    }
  }

  return result;
}


/**
 * The line glyphs of one charset, plain or with rounded corners, as UTF-16
 * code units by arm byte. Each is worked out on first use: a drawing uses a
 * few dozen of the 256, and a short CLI run would pay for all of them.
 */
export class LineGlyphs {
  private readonly charset: Charset;
  private readonly rounded: boolean;
  /** 0 where the glyph is not worked out yet; no glyph is U+0000. */
  private readonly codes = new Uint16Array(256);

  constructor(charset: Charset, rounded: boolean) {
    this.charset = charset;
    this.rounded = rounded;
  }

  /** Returns the code units worked out so far by arm byte, 0 where not yet. */
  knownCodes(): Uint16Array {
    return this.codes;
  }

  /** Returns the code unit of the glyph for an arm byte. */
  code(arms: Arms): number {
    const known = this.codes[arms] ?? 0;

    return known === 0 ? this.workOut(arms) : known;
  }

  glyph(arms: Arms): string {
    return String.fromCharCode(this.code(arms));
  }

  private workOut(arms: Arms): number {
    const code = codeUnitOf(arms === 0 ? ' ' : computeLineGlyph(arms, this.charset, this.rounded));
    this.codes[arms] = code;

    return code;
  }
}

/** Returns the one UTF-16 code unit of a glyph; every line glyph and symbol is one. */
function codeUnitOf(glyph: string): number {
  if (glyph.length !== 1) {
    throw new Error(`internal: glyph '${glyph}' is not one UTF-16 code unit`);
  }

  return glyph.charCodeAt(0);
}

const LINE_GLYPHS: Readonly<Record<Charset, readonly [LineGlyphs, LineGlyphs]>> = {
  unicode: [new LineGlyphs('unicode', false), new LineGlyphs('unicode', true)],
  ascii: [new LineGlyphs('ascii', false), new LineGlyphs('ascii', true)],
};

/** Symbol code units by charset, built on first use rather than when the module loads, since a run usually needs one charset. */
const symbolTables = new Map<Charset, Uint16Array>();

/** Returns the line glyphs of one charset, plain or with rounded corners. */
export function lineGlyphTable(charset: Charset, rounded: boolean): LineGlyphs {
  return LINE_GLYPHS[charset][rounded ? 1 : 0];
}

/** Returns the UTF-16 code unit of every symbol's glyph in one charset, by symbol code. */
export function symbolGlyphTable(charset: Charset): Uint16Array {
  let table = symbolTables.get(charset);
  if (table === undefined) {
    table = Uint16Array.from(buildSymbolTable(charset), codeUnitOf);
    symbolTables.set(charset, table);
  }

  return table;
}

function buildSymbolTable(charset: Charset): string[] {
  const table: string[] = [' '];
  for (const [code, forms] of Object.entries(SYMBOLS)) {
    table[Number(code)] = charset === 'unicode' ? forms[0] : forms[1];
  }

  return table;
}

/** Returns the glyph for a line cell; `rounded` requests arc corners where the cell is a light corner. */
export function lineGlyph(arms: Arms, charset: Charset, rounded: boolean): string {
  return lineGlyphTable(charset, rounded).glyph(arms);
}

function computeLineGlyph(arms: Arms, charset: Charset, rounded: boolean): string {
  const normalized = normalizeArms(arms);
  if (charset === 'ascii') {
    return asciiLineGlyph(normalized);
  }

  if (rounded) {
    const arc = ROUNDED_CORNERS.get(normalized);
    if (arc !== undefined) {
      return arc;
    }
  }

  unicodeByArms ??= buildUnicodeTable();
  const glyph = unicodeByArms[normalized];
  if (glyph === undefined || glyph === '') {
    throw new Error(`no box-drawing glyph for arms ${normalized.toString(2)}`);
  }

  return glyph;
}

const ASCII_JOINT = '+';
const ASCII_VERTICAL = '|';
const ASCII_HORIZONTAL = '-';
const ASCII_HORIZONTAL_BOLD = '=';

/** ASCII draws every joint as `+`, double and heavy horizontal lines as `=`. */
function asciiLineGlyph(arms: Arms): string {
  if (hasVertical(arms) && hasHorizontal(arms)) {
    return ASCII_JOINT;
  }

  if (hasVertical(arms)) {
    return ASCII_VERTICAL;
  }

  const weight = Math.max(armOf(arms, Side.Left), armOf(arms, Side.Right));

  return weight === Weight.Light ? ASCII_HORIZONTAL : ASCII_HORIZONTAL_BOLD;
}

/** Arms of a Unicode line glyph, for reading rendered text back. Undefined for any other character. */
export function armsOfGlyph(glyph: string): Arms | undefined {
  glyphArms ??= new Map([
    ...UNICODE_LINE_GLYPHS.map(([glyph, letters]) => [glyph, parseArms(letters)] as const),
    ...[...ROUNDED_CORNERS].map(([arms, glyph]) => [glyph, arms] as const),
  ]);

  return glyphArms.get(glyph);
}

/** Arms by Unicode line glyph, built on first use: only reading text back needs it. */
let glyphArms: ReadonlyMap<string, Arms> | undefined;
