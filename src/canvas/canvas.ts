import { type Arms, Side, Weight, mergeArms, withArm } from './arms.js';
import { type Charset, type SymbolCode, lineGlyph, symbolGlyph } from './glyphs.js';
import type { Grapheme } from '../text/width.js';

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

/**
 * A grid of cells. Lines are stored as arms and merged as they are drawn;
 * glyphs are picked only when the canvas is serialized, for one charset.
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
  private readonly texts = new Map<number, string>();

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
  }

  kindAt(x: number, y: number): CellKind {
    return this.kinds[this.indexOf(x, y)] as CellKind;
  }

  armsAt(x: number, y: number): Arms {
    return this.arms[this.indexOf(x, y)] ?? 0;
  }

  /** Adds arms to a cell, merging with a line already there and replacing anything else. */
  addArms(x: number, y: number, arms: Arms): void {
    const index = this.indexOf(x, y);
    if (this.kinds[index] !== CellKind.Line) {
      this.clear(x, y);
      this.kinds[index] = CellKind.Line;
      this.arms[index] = arms;

      return;
    }

    this.arms[index] = mergeArms(this.arms[index] ?? 0, arms);
  }

  markRounded(x: number, y: number): void {
    const index = this.indexOf(x, y);
    this.flags[index] = (this.flags[index] ?? 0) | ROUNDED;
  }

  /** Draws a horizontal line from `x0` to `x1` inclusive; the end cells get only their inward arm. */
  horizontalLine(x0: number, x1: number, y: number, weight: Weight): void {
    const [from, to] = x0 <= x1 ? [x0, x1] : [x1, x0];
    if (from === to) {
      this.addArms(from, y, withArm(withArm(0, Side.Left, weight), Side.Right, weight));

      return;
    }

    for (let x = from; x <= to; x += 1) {
      let arms = 0;
      if (x > from) {
        arms = withArm(arms, Side.Left, weight);
      }
      if (x < to) {
        arms = withArm(arms, Side.Right, weight);
      }
      this.addArms(x, y, arms);
    }
  }

  /** Draws a vertical line from `y0` to `y1` inclusive; the end cells get only their inward arm. */
  verticalLine(x: number, y0: number, y1: number, weight: Weight): void {
    const [from, to] = y0 <= y1 ? [y0, y1] : [y1, y0];
    if (from === to) {
      this.addArms(x, from, withArm(withArm(0, Side.Up, weight), Side.Down, weight));

      return;
    }

    for (let y = from; y <= to; y += 1) {
      let arms = 0;
      if (y > from) {
        arms = withArm(arms, Side.Up, weight);
      }
      if (y < to) {
        arms = withArm(arms, Side.Down, weight);
      }
      this.addArms(x, y, arms);
    }
  }

  setSymbol(x: number, y: number, symbol: SymbolCode): void {
    const index = this.indexOf(x, y);
    this.clear(x, y);
    this.kinds[index] = CellKind.Symbol;
    this.symbols[index] = symbol;
  }

  /** Writes graphemes from `x`; a two-column grapheme takes its cell and a continuation cell. */
  writeText(x: number, y: number, text: readonly Grapheme[]): void {
    let column = x;
    for (const grapheme of text) {
      if (grapheme.width === 0) {
        continue;
      }
      this.clear(column, y);
      const index = this.indexOf(column, y);
      this.kinds[index] = CellKind.Text;
      this.texts.set(index, grapheme.text);
      if (grapheme.width === 2) {
        this.clear(column + 1, y);
        this.kinds[index + 1] = CellKind.Continuation;
      }
      column += grapheme.width;
    }
  }

  /** Serializes the canvas: no line ends in a space, no trailing blank lines, no final newline. */
  toString(charset: Charset): string {
    const lines: string[] = [];
    for (let y = 0; y < this.height; y += 1) {
      lines.push(this.rowText(y * this.width, charset).trimEnd());
    }

    while (lines.length > 0 && lines[lines.length - 1] === '') {
      lines.pop();
    }

    return lines.join('\n');
  }

  private rowText(start: number, charset: Charset): string {
    let row = '';
    for (let index = start; index < start + this.width; index += 1) {
      row += this.cellText(index, charset);
    }

    return row;
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
        return this.texts.get(index) ?? ' ';
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
    this.kinds[index] = CellKind.Empty;
    this.arms[index] = 0;
    this.symbols[index] = 0;
    this.flags[index] = 0;
    this.texts.delete(index);
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
