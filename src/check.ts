import { type Arms, SIDES, Side, Weight, armOf, hasHorizontal, hasVertical, opposite } from './canvas/arms.js';
import { armsOfGlyph } from './canvas/glyphs.js';
import stripAnsi from 'strip-ansi';
import { DiagramError } from './errors.js';
import { graphemes } from './text/width.js';

/** A defect found in drawn text, at a 1-based line and column (columns count terminal cells). */
export interface DiagramProblem {
  /**
   * `open-joint`: a line that meets no line back or ends in empty space.
   * `ragged-border`: a row of a box whose right border is not under the box's top-right corner.
   * `too-wide`: a line wider than `CheckOptions.width`.
   */
  readonly kind: 'open-joint' | 'ragged-border' | 'too-wide';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface CheckOptions {
  /** Report lines wider than this many columns. */
  readonly width?: number;
}

const ARROWHEADS: Readonly<Record<string, Side>> = { '▶': Side.Right, '◀': Side.Left, '▼': Side.Down, '▲': Side.Up };

/** Reads the cell at a 0-based column and row, or a space outside the text. */
type CellAt = (x: number, y: number) => string;

/** The text laid out in terminal cells: a two-column grapheme fills its cell and leaves the next one empty. */
function toCells(text: string): string[][] {
  return text.split('\n').map((line) => {
    const cells: string[] = [];
    for (const grapheme of graphemes(line)) {
      cells.push(grapheme.text);
      if (grapheme.width === 2) {
        cells.push('');
      }
    }

    return cells;
  });
}

const STEP: Readonly<Record<Side, readonly [number, number]>> = {
  [Side.Up]: [0, -1],
  [Side.Right]: [1, 0],
  [Side.Down]: [0, 1],
  [Side.Left]: [-1, 0],
};

/**
 * Finds defects in box-drawing text, sorted by line, then column.
 *
 * An open joint is a line whose arm points at a line that does not reach
 * back, such as `│` under a plain `─`. It is also a line leaving a joint or
 * corner that ends in empty space instead of at another joint or an
 * arrowhead. A run with no joint at either end, such as a rule, is not open,
 * and neither is a line that ends against text. A gap of one space before
 * text is read as a title set into a border. Ragged borders are rows of a box
 * whose right border is out of line. Colour and hyperlink escape sequences
 * are removed first, so a coloured rendering checks the same.
 */
export function checkDiagram(text: string, options: CheckOptions = {}): DiagramProblem[] {
  if (typeof text !== 'string') {
    throw new DiagramError('invalid-option', 'text', `checkDiagram takes the drawn text as a string, not ${text === null ? 'null' : typeof text}; pass the output of renderDiagram or a file's contents`);
  }
  const width = options.width;
  if (width !== undefined && (!Number.isInteger(width) || width < 1)) {
    throw new DiagramError('invalid-option', 'options.width', `width must be a whole number of columns, at least 1, not ${String(width)}`);
  }
  const grid = toCells(stripAnsi(text));
  const problems: DiagramProblem[] = [];
  const cellAt: CellAt = (x, y) => grid[y]?.[x] ?? ' ';

  grid.forEach((row, y) => {
    if (options.width !== undefined && row.length > options.width) {
      problems.push({ kind: 'too-wide', line: y + 1, column: options.width + 1, message: `line is ${row.length} columns wide, over the width of ${options.width}` });
    }
    row.forEach((cell, x) => {
      const arms = armsOfGlyph(cell);
      if (arms === undefined) {
        return;
      }
      for (const side of SIDES) {
        if (armOf(arms, side) === Weight.None) {
          continue;
        }
        const problem = checkArm(cellAt, x, y, arms, side);
        if (problem !== undefined) {
          problems.push({ kind: 'open-joint', line: y + 1, column: x + 1, message: problem });
        }
      }
    });
  });
  problems.push(...findRaggedBorders(grid, cellAt));

  return problems.sort((first, second) => first.line - second.line || first.column - second.column);
}

function isJoint(arms: Arms): boolean {
  return hasHorizontal(arms) && hasVertical(arms);
}

function checkArm(cellAt: CellAt, x: number, y: number, arms: Arms, side: Side): string | undefined {
  const [dx, dy] = STEP[side];
  const neighbour = cellAt(x + dx, y + dy);
  const neighbourArms = armsOfGlyph(neighbour);
  if (neighbourArms !== undefined) {
    if (armOf(neighbourArms, opposite(side)) === Weight.None) {
      return `'${cellAt(x, y)}' points ${sideName(side)} at '${neighbour}', which has no line back`;
    }

    return undefined;
  }

  if (ARROWHEADS[neighbour] !== undefined || !isJoint(arms) && !startsAtJoint(cellAt, x, y, side)) {
    return undefined;
  }

  // A line may touch a label, and a title set into a border leaves one space before its text.
  // The cell past the gap may be the empty right half of a wide character, which is text too.
  const isTitleGap = (side === Side.Left || side === Side.Right) && neighbour === ' ' && cellAt(x + 2 * dx, y) !== ' ';
  if (isTitleGap || neighbour !== ' ') {
    return undefined;
  }

  return `the line going ${sideName(side)} from '${cellAt(x, y)}' ends in empty space instead of at a joint or an arrowhead`;
}

/** Whether the straight run through (x, y), followed backwards from `side`, begins at a joint. */
function startsAtJoint(cellAt: CellAt, x: number, y: number, side: Side): boolean {
  const [dx, dy] = STEP[opposite(side)];
  let cx = x;
  let cy = y;
  for (;;) {
    cx += dx;
    cy += dy;
    const arms = armsOfGlyph(cellAt(cx, cy));
    if (arms === undefined || armOf(arms, side) === Weight.None) {
      return false;
    }
    if (isJoint(arms)) {
      return true;
    }
  }
}

function sideName(side: Side): string {
  return ['up', 'right', 'down', 'left'][side] ?? 'up';
}

/** The corners of a box found in the text, as 0-based columns and rows. */
interface BoxOutline {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Finds the rows of boxes whose right border is out of line. A box starts at
 * a top-left corner (`┌ ╔ ╭ ┏ ╓ ╒`, any glyph with only a right and a down
 * arm). Its top edge runs right to a corner, across any title set into it,
 * and its left edge runs down to a bottom-left corner. The shape counts as a
 * box only when its bottom edge ends under the top-right corner, so a
 * connector that bends around a box is not taken for one. Every row between
 * top and bottom must then have a line with an up and a down arm (`│ ║ ┃` or
 * a tee) in the top-right corner's column.
 */
function findRaggedBorders(grid: readonly (readonly string[])[], cellAt: CellAt): DiagramProblem[] {
  const problems: DiagramProblem[] = [];

  grid.forEach((row, y) => {
    row.forEach((cell, x) => {
      if (!isTopLeftCorner(armsOfGlyph(cell))) {
        return;
      }

      const box = traceBox(cellAt, x, y, (rowIndex) => grid[rowIndex]?.length ?? 0);
      if (box !== undefined) {
        problems.push(...raggedRows(cellAt, box));
      }
    });
  });

  return problems;
}

function raggedRows(cellAt: CellAt, box: BoxOutline): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  const corner = cellAt(box.right, box.top);

  for (let y = box.top + 1; y < box.bottom; y += 1) {
    const arms = armsAt(cellAt, box.right, y);
    if (hasArm(arms, Side.Up) && hasArm(arms, Side.Down)) {
      continue;
    }

    // The message leaves out the corner's line, since a caller may check a block cut from a longer file.
    const message = `expected the box's right border at column ${box.right + 1}, under its top-right corner '${corner}', but found ${describeCell(cellAt, box.right, y)}`;
    problems.push({ kind: 'ragged-border', line: y + 1, column: box.right + 1, message });
  }

  return problems;
}

/** Traces the box whose top-left corner is at (left, top), or returns undefined when the lines there do not close a box. */
function traceBox(cellAt: CellAt, left: number, top: number, rowLength: (y: number) => number): BoxOutline | undefined {
  const topEnd = followLine(cellAt, left, top, Side.Right, rowLength);
  if (topEnd === undefined || !hasArm(armsAt(cellAt, topEnd, top), Side.Down)) {
    return undefined;
  }

  const bottom = followLine(cellAt, left, top, Side.Down, rowLength);
  if (bottom === undefined || !hasArm(armsAt(cellAt, left, bottom), Side.Right)) {
    return undefined;
  }

  const bottomEnd = followLine(cellAt, left, bottom, Side.Right, () => 0);
  if (bottomEnd !== topEnd || !hasArm(armsAt(cellAt, bottomEnd, bottom), Side.Up)) {
    return undefined;
  }

  return { left, top, right: topEnd, bottom };
}

/**
 * Follows the straight line from (x, y) toward `side` while each cell reaches
 * the next, and returns the column (for left or right) or row (for up or
 * down) of its last cell. Returns undefined when the line runs into a cell
 * that does not reach back. A line going right crosses a title set into it
 * (a space, text and a space) when the line goes on after the title.
 * `rowLength` bounds the search for that continuation.
 */
function followLine(cellAt: CellAt, x: number, y: number, side: Side, rowLength: (y: number) => number): number | undefined {
  const [dx, dy] = STEP[side];
  let cx = x;
  let cy = y;

  while (hasArm(armsAt(cellAt, cx, cy), side)) {
    if (hasArm(armsAt(cellAt, cx + dx, cy + dy), opposite(side))) {
      cx += dx;
      cy += dy;
      continue;
    }

    const resumed = side === Side.Right ? endOfTitle(cellAt, cx + 1, cy, rowLength(cy)) : undefined;
    if (resumed === undefined) {
      return undefined;
    }
    cx = resumed;
  }

  return dy === 0 ? cx : cy;
}

/**
 * Returns the column where a horizontal line goes on after a title that
 * starts at `x`: a space, text with no line glyph, a space, then a cell with
 * a left arm. Returns undefined when the cells from `x` are not such a title.
 */
function endOfTitle(cellAt: CellAt, x: number, y: number, rowLength: number): number | undefined {
  if (cellAt(x, y) !== ' ' || cellAt(x + 1, y) === ' ') {
    return undefined;
  }

  for (let cx = x + 1; cx < rowLength; cx += 1) {
    const arms = armsOfGlyph(cellAt(cx, y));
    if (arms !== undefined) {
      return hasArm(arms, Side.Left) && cellAt(cx - 1, y) === ' ' ? cx : undefined;
    }
  }

  return undefined;
}

function isTopLeftCorner(arms: Arms | undefined): boolean {
  return arms !== undefined && hasArm(arms, Side.Right) && hasArm(arms, Side.Down) && !hasArm(arms, Side.Up) && !hasArm(arms, Side.Left);
}

/** Returns the arms of the glyph at (x, y), or no arms for any other character. */
function armsAt(cellAt: CellAt, x: number, y: number): Arms {
  return armsOfGlyph(cellAt(x, y)) ?? 0;
}

function hasArm(arms: Arms, side: Side): boolean {
  return armOf(arms, side) !== Weight.None;
}

/** Describes a cell for a message: `'s'`, `a space`, `U+0007` for a control character, or the second column of a wide character. */
function describeCell(cellAt: CellAt, x: number, y: number): string {
  const cell = cellAt(x, y);
  if (cell === ' ') {
    return 'a space';
  }

  if (cell === '') {
    return `the second column of '${cellAt(x - 1, y)}'`;
  }

  return CONTROL_CHARACTER.test(cell) ? `U+${(cell.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : `'${cell}'`;
}

/** A control character, which a message must not copy to a terminal. */
const CONTROL_CHARACTER = /\p{Cc}/u;
