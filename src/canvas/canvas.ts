import { type Style, isEmptyStyle } from '../style/style.js';
import type { Glyph } from '../text/typeset.js';
import { type Arms, Side, Weight, mergeArms, withArm } from './arms.js';
import { type Charset, type SymbolCode, lineGlyph, lineGlyphTable, symbolGlyph, symbolGlyphTable } from './glyphs.js';
import { type SerializeOptions, serializeRows } from './serialize.js';

/** What a cell holds. */
export enum CellKind {
  Empty = 0,
  Line = 1,
  Symbol = 2,
  Text = 3,
  /** The right half of a two-column grapheme. */
  Continuation = 4,
}

const ROUNDED = 1;

/** Characters gathered into one string before it joins the rest of a long row. */
const ROW_CHUNK = 1024;

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
  private readonly kinds: Uint8Array;
  private readonly arms: Uint8Array;
  private readonly symbols: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly styles: Uint16Array;
  private readonly links: Uint16Array;
  /** The grapheme of each text cell, by cell index; allocated on the first write, since many canvases hold only lines. */
  private texts: (string | undefined)[] | undefined;
  private readonly styleTable = new Interner<Style>();
  private readonly linkTable = new Interner<string>();

  constructor(width: number, height: number, originX = 0, originY = 0) {
    this.width = width;
    this.height = height;
    this.originX = originX;
    this.originY = originY;
    const size = width * height;
    this.kinds = new Uint8Array(size);
    this.arms = new Uint8Array(size);
    this.symbols = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    this.styles = new Uint16Array(size);
    this.links = new Uint16Array(size);
  }

  /** The id of a style on this canvas, adding it on first use. */
  styleId(style: Style | undefined): number {
    if (isEmptyStyle(style) || style === undefined) {
      return NO_STYLE;
    }

    return this.styleTable.idOf(style, JSON.stringify(style));
  }

  private linkId(link: string | undefined): number {
    return link === undefined ? 0 : this.linkTable.idOf(link, link);
  }

  kindAt(x: number, y: number): CellKind {
    return this.kinds[this.indexOf(x, y)] as CellKind;
  }

  armsAt(x: number, y: number): Arms {
    return this.arms[this.indexOf(x, y)] ?? 0;
  }

  /** Adds arms to a cell, merging with a line already there and replacing anything else. */
  addArms(x: number, y: number, arms: Arms, style = NO_STYLE): void {
    const index = this.indexOf(x, y);
    if (this.kinds[index] !== CellKind.Line) {
      this.clear(x, y);
      this.kinds[index] = CellKind.Line;
      this.arms[index] = arms;
    } else {
      this.arms[index] = mergeArms(this.arms[index] ?? 0, arms);
    }
    this.styles[index] = style;
  }

  markRounded(x: number, y: number): void {
    const index = this.indexOf(x, y);
    this.flags[index] = (this.flags[index] ?? 0) | ROUNDED;
  }

  /** Draws a horizontal line from `x0` to `x1` inclusive; the end cells get only their inward arm. */
  horizontalLine(x0: number, x1: number, y: number, weight: Weight, style = NO_STYLE): void {
    const [from, to] = x0 <= x1 ? [x0, x1] : [x1, x0];
    for (let x = from; x <= to; x += 1) {
      let arms = 0;
      if (x > from || from === to) {
        arms = withArm(arms, Side.Left, weight);
      }
      if (x < to || from === to) {
        arms = withArm(arms, Side.Right, weight);
      }
      this.addArms(x, y, arms, style);
    }
  }

  /** Draws a vertical line from `y0` to `y1` inclusive; the end cells get only their inward arm. */
  verticalLine(x: number, y0: number, y1: number, weight: Weight, style = NO_STYLE): void {
    const [from, to] = y0 <= y1 ? [y0, y1] : [y1, y0];
    for (let y = from; y <= to; y += 1) {
      let arms = 0;
      if (y > from || from === to) {
        arms = withArm(arms, Side.Up, weight);
      }
      if (y < to || from === to) {
        arms = withArm(arms, Side.Down, weight);
      }
      this.addArms(x, y, arms, style);
    }
  }

  setSymbol(x: number, y: number, symbol: SymbolCode, style = NO_STYLE): void {
    const index = this.indexOf(x, y);
    this.clear(x, y);
    this.kinds[index] = CellKind.Symbol;
    this.symbols[index] = symbol;
    this.styles[index] = style;
  }

  /**
   * Writes glyphs from `x` and returns the column after the last one. A
   * two-column glyph takes its cell and a continuation cell. A glyph's own
   * style, from a trusted label, is laid over `base`.
   */
  writeText(x: number, y: number, glyphs: readonly Glyph[], base: Style | undefined = undefined, link?: string): number {
    let column = x;
    const baseId = this.styleId(base);
    this.texts ??= new Array<string | undefined>(this.width * this.height);
    const texts = this.texts;
    for (const glyph of glyphs) {
      this.clear(column, y);
      const index = this.indexOf(column, y);
      this.kinds[index] = CellKind.Text;
      texts[index] = glyph.text;
      this.styles[index] = glyph.style === undefined ? baseId : this.styleId({ ...base, ...glyph.style });
      this.links[index] = this.linkId(glyph.link ?? link);
      if (glyph.width === 2) {
        this.clear(column + 1, y);
        this.kinds[index + 1] = CellKind.Continuation;
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
        styleAt: (index) => this.styleTable.valueOf(this.styles[index] ?? 0),
        linkAt: (index) => this.linkTable.valueOf(this.links[index] ?? 0) ?? '',
      },
      options,
    );
  }

  /**
   * Serializes without escape codes, in one tight loop over the cell arrays:
   * the same text `serializeRows` writes with colour and links off, but with
   * no call per cell, which dominates the time for large drawings.
   */
  private plainText(charset: Charset): string {
    const lines = lineGlyphTable(charset, false);
    const arcs = lineGlyphTable(charset, true);
    const symbols = symbolGlyphTable(charset);
    const rows: string[] = [];
    for (let y = 0; y < this.height; y += 1) {
      const start = y * this.width;
      let end = start + this.width;
      while (end > start && this.isBlank(end - 1)) {
        end -= 1;
      }
      rows.push(this.plainRow(start, end, lines, arcs, symbols));
    }

    while (rows.length > 0 && rows[rows.length - 1] === '') {
      rows.pop();
    }

    return rows.join('\n');
  }

  /**
   * One row of plain text. Short rows are built by adding strings; long rows
   * join an array of pieces instead, because adding many pieces one by one
   * builds a deep rope that the collector must walk.
   */
  private plainRow(start: number, end: number, lines: readonly string[], arcs: readonly string[], symbols: readonly string[]): string {
    const parts: string[] = [];
    let row = '';
    for (let index = start; index < end; index += 1) {
      let piece = ' ';
      switch (this.kinds[index]) {
        case CellKind.Line:
          piece = ((this.flags[index] ?? 0) & ROUNDED ? arcs : lines)[this.arms[index] ?? 0] ?? ' ';
          break;
        case CellKind.Symbol:
          piece = symbols[this.symbols[index] ?? 0] ?? ' ';
          break;
        case CellKind.Text:
          piece = this.texts?.[index] ?? ' ';
          break;
        case CellKind.Continuation:
          piece = '';
          break;
        default:
          break;
      }
      row += piece;
      if (row.length >= ROW_CHUNK) {
        parts.push(row);
        row = '';
      }
    }

    return parts.length === 0 ? row : parts.join('') + row;
  }

  private isBlank(index: number): boolean {
    const kind = this.kinds[index] as CellKind;

    return kind === CellKind.Empty || (kind === CellKind.Text && this.texts?.[index] === ' ');
  }

  private cellText(index: number, charset: Charset): string {
    switch (this.kinds[index] as CellKind) {
      case CellKind.Empty:
        return ' ';
      case CellKind.Line:
        return lineGlyph(this.arms[index] ?? 0, charset, ((this.flags[index] ?? 0) & ROUNDED) !== 0);
      case CellKind.Symbol:
        return symbolGlyph(this.symbols[index] as SymbolCode, charset);
      case CellKind.Text:
        return this.texts?.[index] ?? ' ';
      case CellKind.Continuation:
        return '';
    }
  }

  /** Empties a cell, and the other half of a two-column grapheme it belongs to. */
  private clear(x: number, y: number): void {
    const index = this.indexOf(x, y);
    const kind = this.kinds[index] as CellKind;
    const column = x - this.originX;
    if (kind === CellKind.Continuation && column > 0) {
      this.blank(index - 1);
    } else if (kind === CellKind.Text && column + 1 < this.width && this.kinds[index + 1] === CellKind.Continuation) {
      this.blank(index + 1);
    }
    this.blank(index);
  }

  private blank(index: number): void {
    if (this.kinds[index] === CellKind.Empty) {
      return;
    }
    this.kinds[index] = CellKind.Empty;
    this.arms[index] = 0;
    this.symbols[index] = 0;
    this.flags[index] = 0;
    this.styles[index] = NO_STYLE;
    this.links[index] = 0;
    if (this.texts !== undefined) {
      this.texts[index] = undefined;
    }
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
