import { type Style, isEmptyStyle } from '../style/style.js';
import type { Glyph } from '../text/typeset.js';
import { type Arms, Side, Weight, mergeArms, opposite, withArm } from './arms.js';
import { type Charset, type SymbolCode, lineGlyph, lineGlyphTable, symbolGlyph, symbolGlyphTable } from './glyphs.js';
import { type SerializeOptions, serializeRows } from './serialize.js';
import { SPACE, decodeUtf16, spacesArray } from './utf16.js';
import { SpareArray } from '../spare-array.js';

/** What a cell holds. */
export enum CellKind {
  Empty = 0,
  Line = 1,
  Symbol = 2,
  Text = 3,
  /** The right half of a two-column grapheme. */
  Continuation = 4,
}

/**
 * Each cell is one 32-bit word. The low 16 bits contain the arms of a line
 * cell, the code of a symbol cell or the UTF-16 code unit of a text cell,
 * bits 16-18 the kind, and bit 19 marks rounded corners. A grapheme of
 * several code units is kept in a map instead, with 0 in its word. One array
 * per canvas instead of one per field keeps a canvas cheap to allocate and
 * gives the collector no array of strings to scan.
 */
const VALUE_MASK = 0xffff;
const KIND_SHIFT = 16;
const KIND_MASK = 0x7;
const ROUNDED = 0x80000;

const NEWLINE = 0x0a;

function cellWord(kind: CellKind, value: number): number {
  return (kind << KIND_SHIFT) | value;
}

/** The word of a line cell with no arms yet. */
const LINE_WORD = cellWord(CellKind.Line, 0);

function kindOf(word: number): CellKind {
  return ((word >> KIND_SHIFT) & KIND_MASK) as CellKind;
}

/** Style id 0 is the terminal's default style; link id 0 is no link. */
export const NO_STYLE = 0;

/** Gives each distinct value a small id for a typed array, by a key that compares values; id 0 means none. */
class Interner<T> {
  private readonly values: (T | undefined)[] = [undefined];
  private readonly ids = new Map<string, number>();

  idOf(value: T, key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(key, id);
    }

    return id;
  }

  valueOf(id: number): T | undefined {
    return this.values[id];
  }
}

/** Cell arrays kept for reuse between canvases: up to 65,536 cells strongly, a larger one weakly. */
const spareCells = new SpareArray<Uint32Array>((length) => new Uint32Array(length), 1 << 16);

const NO_CELLS = new Uint32Array(0);

/**
 * A grid of cells. Lines are stored as arms and merged as they are drawn;
 * glyphs are picked only when the canvas is serialized, for one charset.
 * Styles and links are interned per canvas and stored as small ids per cell.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  /** Layout coordinates of the top-left cell; routes may reach left of or above the layout. */
  readonly originX: number;
  readonly originY: number;
  /** The cells row by row: the first `width * height` words of `whole`. */
  private cells: Uint32Array;
  /** The array the cells live in, which `release` can hand to the next canvas. */
  private whole: Uint32Array;
  /** Style and link ids by cell, allocated on the first styled or linked cell: plain drawings need neither. */
  private styles: Uint16Array | undefined;
  private links: Uint16Array | undefined;
  /** Graphemes of several code units, such as emoji, by cell index. */
  private longTexts: Map<number, string> | undefined;
  /** Styles and links in use, created on the first one: a plain drawing has neither. */
  private styleTable: Interner<Style> | undefined;
  private linkTable: Interner<string> | undefined;

  constructor(width: number, height: number, originX = 0, originY = 0) {
    this.width = width;
    this.height = height;
    this.originX = originX;
    this.originY = originY;
    const count = width * height;
    this.whole = spareCells.take(count);
    this.cells = this.whole.length === count ? this.whole : this.whole.subarray(0, count);
  }

  /**
   * Hands the cell array to the next canvas. Call it once the canvas is
   * serialized or no longer needed. The canvas reads as empty afterwards.
   */
  release(): void {
    spareCells.give(this.whole);
    this.whole = NO_CELLS;
    this.cells = NO_CELLS;
  }

  /** The id of a style on this canvas, adding it on first use. */
  styleId(style: Style | undefined): number {
    if (isEmptyStyle(style) || style === undefined) {
      return NO_STYLE;
    }

    this.styleTable ??= new Interner<Style>();

    return this.styleTable.idOf(style, JSON.stringify(style));
  }

  private linkId(link: string | undefined): number {
    if (link === undefined) {
      return 0;
    }
    this.linkTable ??= new Interner<string>();

    return this.linkTable.idOf(link, link);
  }

  kindAt(x: number, y: number): CellKind {
    return kindOf(this.cells[this.indexOf(x, y)] ?? 0);
  }

  armsAt(x: number, y: number): Arms {
    const word = this.cells[this.indexOf(x, y)] ?? 0;

    return kindOf(word) === CellKind.Line ? word & VALUE_MASK : 0;
  }

  /** Adds arms to a cell, merging with a line already there and replacing anything else. */
  addArms(x: number, y: number, arms: Arms, style = NO_STYLE): void {
    this.addArmsAt(this.indexOf(x, y), x, arms, style);
  }

  private addArmsAt(index: number, x: number, arms: Arms, style: number): void {
    const word = this.cells[index] ?? 0;
    if (word === 0) {
      this.cells[index] = LINE_WORD | arms;
    } else if (kindOf(word) === CellKind.Line) {
      this.cells[index] = (word & ~VALUE_MASK) | mergeArms(word & VALUE_MASK, arms);
    } else {
      this.clear(index, x);
      this.cells[index] = LINE_WORD | arms;
    }
    this.setStyle(index, style);
  }

  markRounded(x: number, y: number): void {
    const index = this.indexOf(x, y);
    this.cells[index] = (this.cells[index] ?? 0) | ROUNDED;
  }

  /** Draws a horizontal line from `x0` to `x1` inclusive; the end cells get only their inward arm. */
  horizontalLine(x0: number, x1: number, y: number, weight: Weight, style = NO_STYLE): void {
    this.straightLine(Math.min(x0, x1), y, Math.abs(x1 - x0) + 1, Side.Right, weight, style);
  }

  /** Draws a vertical line from `y0` to `y1` inclusive; the end cells get only their inward arm. */
  verticalLine(x: number, y0: number, y1: number, weight: Weight, style = NO_STYLE): void {
    this.straightLine(x, Math.min(y0, y1), Math.abs(y1 - y0) + 1, Side.Down, weight, style);
  }

  /**
   * Adds a line of `count` cells from (x, y) toward `forward`, right or down.
   * Inner cells get both arms; an end cell gets only its inward arm, and a
   * line of one cell gets both.
   */
  private straightLine(x: number, y: number, count: number, forward: Side.Right | Side.Down, weight: Weight, style: number): void {
    const horizontal = forward === Side.Right;
    // Both ends are checked, so the cells between them are inside the canvas too.
    const first = this.indexOf(x, y);
    this.indexOf(horizontal ? x + count - 1 : x, horizontal ? y : y + count - 1);
    const stride = horizontal ? 1 : this.width;
    const step = horizontal ? 1 : 0;
    const ahead = withArm(0, forward, weight);
    const behind = withArm(0, opposite(forward), weight);
    if (count === 1) {
      this.addArmsAt(first, x, behind | ahead, style);

      return;
    }
    this.addArmsAt(first, x, ahead, style);
    this.addArmsAlong(first + stride, x + step, count - 2, stride, step, behind | ahead, style);
    this.addArmsAt(first + (count - 1) * stride, x + (count - 1) * step, behind, style);
  }

  /**
   * Draws the outline of the rectangle from (x0, y0) to (x1, y1), at least
   * two cells wide and high: the cells its four sides would draw as lines,
   * with each corner written once.
   */
  outline(x0: number, y0: number, x1: number, y1: number, weight: Weight, style = NO_STYLE): void {
    const topLeft = this.indexOf(x0, y0);
    const bottomRight = this.indexOf(x1, y1);
    const topRight = topLeft + (x1 - x0);
    const bottomLeft = bottomRight - (x1 - x0);
    const up = withArm(0, Side.Up, weight);
    const right = withArm(0, Side.Right, weight);
    const down = withArm(0, Side.Down, weight);
    const left = withArm(0, Side.Left, weight);
    this.addArmsAt(topLeft, x0, right | down, style);
    this.addArmsAt(topRight, x1, left | down, style);
    this.addArmsAt(bottomLeft, x0, right | up, style);
    this.addArmsAt(bottomRight, x1, left | up, style);
    const inner = x1 - x0 - 1;
    this.addArmsAlong(topLeft + 1, x0 + 1, inner, 1, 1, left | right, style);
    this.addArmsAlong(bottomLeft + 1, x0 + 1, inner, 1, 1, left | right, style);
    this.addArmsAlong(topLeft + this.width, x0, y1 - y0 - 1, this.width, 0, up | down, style);
    this.addArmsAlong(topRight + this.width, x1, y1 - y0 - 1, this.width, 0, up | down, style);
  }

  /** Adds the same arms to `count` cells from `index` (column `x`), `stride` cells and `step` columns apart. */
  private addArmsAlong(index: number, x: number, count: number, stride: number, step: number, arms: Arms, style: number): void {
    // Most such cells are blank and unstyled, as along a box's border, so they are written in place.
    const cells = this.cells;
    const word = LINE_WORD | arms;
    const plain = style === NO_STYLE && this.styles === undefined;
    for (let cell = 0; cell < count; cell += 1) {
      const at = index + cell * stride;
      if (plain && cells[at] === 0) {
        cells[at] = word;
      } else {
        this.addArmsAt(at, x + cell * step, arms, style);
      }
    }
  }

  setSymbol(x: number, y: number, symbol: SymbolCode, style = NO_STYLE): void {
    const index = this.indexOf(x, y);
    this.clear(index, x);
    this.cells[index] = cellWord(CellKind.Symbol, symbol);
    this.setStyle(index, style);
  }

  /**
   * Writes glyphs from `x` and returns the column after the last one. A
   * two-column glyph takes its cell and a continuation cell. A glyph's own
   * style, from a trusted label, is laid over `base`.
   */
  writeText(x: number, y: number, glyphs: readonly Glyph[], base: Style | undefined = undefined, link?: string): number {
    let column = x;
    const baseId = this.styleId(base);
    for (const glyph of glyphs) {
      const index = this.indexOf(column, y);
      this.clear(index, column);
      if (glyph.text.length === 1) {
        this.cells[index] = cellWord(CellKind.Text, glyph.text.charCodeAt(0));
      } else {
        this.cells[index] = cellWord(CellKind.Text, 0);
        this.longTexts ??= new Map();
        this.longTexts.set(index, glyph.text);
      }
      this.setStyle(index, glyph.style === undefined ? baseId : this.styleId({ ...base, ...glyph.style }));
      const linkId = this.linkId(glyph.link ?? link);
      if (linkId !== 0 || this.links !== undefined) {
        this.links ??= new Uint16Array(this.cells.length);
        this.links[index] = linkId;
      }
      if (glyph.width === 2) {
        const next = this.indexOf(column + 1, y);
        this.clear(next, column + 1);
        this.cells[next] = cellWord(CellKind.Continuation, 0);
      }
      column += glyph.width;
    }

    return column;
  }

  /** Serializes the canvas: no line ends in a space, no trailing blank lines, no final newline. */
  toString(charset: Charset, options: SerializeOptions = { color: false, hyperlinks: false }): string {
    if (options.color === false && !options.hyperlinks) {
      return this.plainText(charset);
    }

    return serializeRows(
      {
        width: this.width,
        height: this.height,
        cellText: (index) => this.cellText(index, charset),
        isBlank: (index) => this.isBlank(index),
        styleAt: (index) => this.styleTable?.valueOf(this.styles?.[index] ?? NO_STYLE),
        linkAt: (index) => this.linkTable?.valueOf(this.links?.[index] ?? 0) ?? '',
      },
      options,
    );
  }

  /**
   * Serializes without escape codes: the same text `serializeRows` writes with
   * colour and links off. One loop writes the UTF-16 code units of every cell
   * into one array, which is decoded once, because building a string per cell
   * dominates the time for large drawings.
   */
  private plainText(charset: Charset): string {
    const lines = lineGlyphTable(charset, false);
    const arcs = lineGlyphTable(charset, true);
    const symbols = symbolGlyphTable(charset);
    const lineCodes = lines.knownCodes();
    const arcCodes = arcs.knownCodes();
    const { cells, width, height } = this;
    const longTexts = this.longTexts;
    // The array has one unit per cell and a newline per row. A grapheme of several code units grows it.
    // It starts as spaces, and only what lies before a row's last drawn cell is ever written, so empty cells just move on.
    // Only the first `capacity` units are known to be spaces: a shared array can be longer.
    let capacity = cells.length + height;
    let out = spacesArray(capacity);
    let length = 0;
    // The end of the last row with something drawn, so trailing blank rows and the final newline drop off.
    let textEnd = 0;
    for (let y = 0; y < height; y += 1) {
      const rowStart = length;
      let rowEnd = rowStart;
      const end = (y + 1) * width;
      for (let index = y * width; index < end; index += 1) {
        const word = cells[index] ?? 0;
        if (word === 0) {
          length += 1;
          continue;
        }
        switch (kindOf(word)) {
          case CellKind.Empty:
            length += 1;
            break;
          case CellKind.Line: {
            // The tables' arrays are read here, and only a glyph not yet worked out costs a call: a call per cell cost more.
            const arms = word & VALUE_MASK;
            const rounded = (word & ROUNDED) !== 0;
            const table = rounded ? arcs : lines;
            const known = (rounded ? arcCodes : lineCodes)[arms] ?? 0;
            out[length++] = known === 0 ? table.code(arms) : known;
            rowEnd = length;
            break;
          }
          case CellKind.Symbol:
            out[length++] = symbols[word & VALUE_MASK] ?? SPACE;
            rowEnd = length;
            break;
          case CellKind.Text: {
            const unit = word & VALUE_MASK;
            if (unit !== 0) {
              out[length++] = unit;
              rowEnd = unit === SPACE ? rowEnd : length;
              break;
            }
            const text = longTexts?.get(index) ?? '';
            const needed = length + text.length + (cells.length - index) + height;
            if (needed > capacity) {
              capacity = Math.max(needed, capacity * 2);
              const grown = new Uint16Array(capacity).fill(SPACE);
              grown.set(out.subarray(0, length));
              out = grown;
            }
            for (let unit = 0; unit < text.length; unit += 1) {
              out[length++] = text.charCodeAt(unit);
            }
            rowEnd = length;
            break;
          }
          case CellKind.Continuation:
            break;
        }
      }
      length = rowEnd;
      if (rowEnd > rowStart) {
        textEnd = rowEnd;
      }
      out[length++] = NEWLINE;
    }

    return decodeUtf16(out, textEnd);
  }

  private isBlank(index: number): boolean {
    const word = this.cells[index] ?? 0;
    const kind = kindOf(word);

    return kind === CellKind.Empty || (kind === CellKind.Text && (word & VALUE_MASK) === SPACE);
  }

  private cellText(index: number, charset: Charset): string {
    const word = this.cells[index] ?? 0;
    switch (kindOf(word)) {
      case CellKind.Empty:
        return ' ';
      case CellKind.Line:
        return lineGlyph(word & VALUE_MASK, charset, (word & ROUNDED) !== 0);
      case CellKind.Symbol:
        return symbolGlyph((word & VALUE_MASK) as SymbolCode, charset);
      case CellKind.Text: {
        const unit = word & VALUE_MASK;

        return unit === 0 ? (this.longTexts?.get(index) ?? '') : String.fromCharCode(unit);
      }
      case CellKind.Continuation:
        return '';
    }
  }

  private setStyle(index: number, style: number): void {
    if (style !== NO_STYLE || this.styles !== undefined) {
      this.styles ??= new Uint16Array(this.cells.length);
      this.styles[index] = style;
    }
  }

  /** Empties the cell at `index` (column `x`), and the other half of a two-column grapheme it belongs to. */
  private clear(index: number, x: number): void {
    const kind = kindOf(this.cells[index] ?? 0);
    if (kind === CellKind.Empty) {
      return;
    }
    const column = x - this.originX;
    if (kind === CellKind.Continuation && column > 0) {
      this.blank(index - 1);
    } else if (kind === CellKind.Text && column + 1 < this.width && kindOf(this.cells[index + 1] ?? 0) === CellKind.Continuation) {
      this.blank(index + 1);
    }
    this.blank(index);
  }

  private blank(index: number): void {
    this.cells[index] = 0;
    if (this.styles !== undefined) {
      this.styles[index] = NO_STYLE;
    }
    if (this.links !== undefined) {
      this.links[index] = 0;
    }
    this.longTexts?.delete(index);
  }

  private indexOf(x: number, y: number): number {
    const column = x - this.originX;
    const row = y - this.originY;
    if (column < 0 || row < 0 || column >= this.width || row >= this.height) {
      throw new RangeError(`internal: cell (${x}, ${y}) is outside the ${this.width}x${this.height} canvas`);
    }

    return row * this.width + column;
  }
}
