import { type Arms, SIDES, Side, Weight, armOf, hasHorizontal, hasVertical, opposite } from './canvas/arms.js';
import { armsOfGlyph } from './canvas/glyphs.js';
import stripAnsi from 'strip-ansi';
import { graphemes } from './text/width.js';

/** A defect found in drawn text, at a 1-based line and column (columns count terminal cells). */
export interface DiagramProblem {
  readonly kind: 'open-joint' | 'too-wide';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface CheckOptions {
  /** Report lines wider than this many columns. */
  readonly width?: number;
}

const ARROWHEADS: Readonly<Record<string, Side>> = { '▶': Side.Right, '◀': Side.Left, '▼': Side.Down, '▲': Side.Up };

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
 * Finds open joints in box-drawing text: a line whose arm points at a line
 * that does not reach back (`│` under a plain `─`), and a line leaving a joint
 * or corner that ends in empty space instead of at another joint or an
 * arrowhead. A run with no joint at either end, such as a rule, is not open,
 * and neither is a line that ends against text. A gap of one space before
 * text is read as a title set into a border. Colour and hyperlink escape
 * sequences are removed first, so a coloured rendering checks the same.
 */
export function checkDiagram(text: string, options: CheckOptions = {}): DiagramProblem[] {
  const grid = toCells(stripAnsi(text));
  const problems: DiagramProblem[] = [];
  const cellAt = (x: number, y: number): string => grid[y]?.[x] ?? ' ';

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

  return problems;
}

function isJoint(arms: Arms): boolean {
  return hasHorizontal(arms) && hasVertical(arms);
}

function checkArm(cellAt: (x: number, y: number) => string, x: number, y: number, arms: Arms, side: Side): string | undefined {
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

  return `a line from a joint ends ${sideName(side)} of '${cellAt(x, y)}' without reaching a joint or an arrowhead`;
}

/** Whether the straight run through (x, y), followed backwards from `side`, begins at a joint. */
function startsAtJoint(cellAt: (x: number, y: number) => string, x: number, y: number, side: Side): boolean {
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
