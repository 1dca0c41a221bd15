import { Side } from '../canvas/arms.js';
import { alignOffset, bottom, horizontalAnchor, isLineBorder, right } from '../layout/geometry.js';
import { type PlacedNode, centerX } from '../layout/place.js';
import type { Glyph, TypesetLine, Typesetter } from '../text/typeset.js';
import type { CurveNode } from '../model.js';
import { curveGeometry, curveRowEnd } from '../paint/curve-geometry.js';
import { titleColumns } from '../layout/title.js';
import { barLabelWidth, barWidth } from '../layout/measure.js';
import { drawsNothing } from '../validate-links.js';
import type { Point } from './types.js';

/**
 * Whether a vertical line may meet a node at column `x` of its top (`Up`) or
 * bottom (`Down`) side without ending against blank space or running into
 * one of the node's own lines. That holds for boxes with a border and other
 * leaves, except under a box's title on its top. It holds for text, tags and
 * vertical text only where a character is drawn in that row. It never holds
 * for a rule, bar or curve, whose rows are lines or gaps. A container defers
 * to its part whose edge is its own at `x`, and qualifies where it has none.
 * Every column of the left and right sides qualifies.
 */
export function drawnAt(placed: PlacedNode, side: Side, x: number, text: Typesetter): boolean {
  if (side === Side.Left || side === Side.Right) {
    return sideRow(placed, side, text) !== undefined;
  }
  const node = placed.node;
  if (node.kind === 'rule' || node.kind === 'bar' || node.kind === 'curve') {
    return false;
  }
  if (passesOn(placed)) {
    const part = edgePartAt(placed, side, x);

    return part === undefined || drawnAt(part, side, x, text);
  }
  if (node.kind === 'vtext') {
    // Vertical text draws one letter per row, centred, so its top and bottom are the columns of one letter.
    const letters = text.line(node.text).glyphs;
    const letter = letters[side === Side.Up ? 0 : drawnHeight(placed, text) - 1];
    const first = placed.rect.x + alignOffset(placed.rect.width, letter?.width ?? 0, 'center');

    return letter !== undefined && letter.text.trim() !== '' && x >= first && x < first + letter.width;
  }
  if (node.kind === 'box' && side === Side.Up) {
    // The title is painted last, over any joint or line end in its columns.
    const title = titleColumns(node, placed.rect, text);

    return title === undefined || x < title.start || x >= title.end;
  }
  if (node.kind !== 'text' && node.kind !== 'tag') {
    return true;
  }

  const line = edgeLine(placed, side, text);
  let column = line.left;
  for (const cell of line.cells) {
    if (column + cell.width > x) {
      return column <= x && cell.text.trim() !== '';
    }
    column += cell.width;
  }

  return false;
}

/** One line of a text or tag as the glyphs painted, and the column where they start. */
interface PlacedLine {
  readonly cells: readonly Glyph[];
  readonly left: number;
}

const NO_LINE: TypesetLine = { glyphs: [], width: 0 };

/**
 * The lines a text or tag draws, a tag's brackets and padding included, as
 * the typesetter lays them out for painting, so tabs, emoji and escape
 * sequences take the columns they are drawn in. None for other kinds.
 */
function drawnLines(placed: PlacedNode, text: Typesetter): readonly TypesetLine[] {
  const node = placed.node;
  if (node.kind === 'tag') {
    const padding = ' '.repeat(node.padding ?? 0);
    const pieces = [text.line(`[${padding}`), text.line(node.text), text.line(`${padding}]`)];

    return [{ glyphs: pieces.flatMap((piece) => piece.glyphs), width: pieces.reduce((total, piece) => total + piece.width, 0) }];
  }

  return node.kind === 'text' ? text.lines(node.text) : [];
}

function placeLine(placed: PlacedNode, line: TypesetLine): PlacedLine {
  const node = placed.node;
  const anchor = node.kind === 'text' ? horizontalAnchor(node.align) : 'start';

  return { cells: line.glyphs, left: placed.rect.x + alignOffset(placed.rect.width, line.width, anchor) };
}

/** Returns a text's or tag's top (`Up`) or bottom (`Down`) line. */
function edgeLine(placed: PlacedNode, side: Side.Up | Side.Down, text: Typesetter): PlacedLine {
  const lines = drawnLines(placed, text);

  return placeLine(placed, (side === Side.Up ? lines[0] : lines[lines.length - 1]) ?? NO_LINE);
}

/**
 * Returns the row where a line meets a node's left or right side: the middle
 * of the rows it draws for most nodes. For text it is the row nearest the middle
 * whose line reaches that edge of the node, so the line touches a
 * character. For vertical text it is the row nearest the middle whose
 * letter is not a space. It is undefined when there is no such row.
 */
export function sideRow(placed: PlacedNode, side: Side, text: Typesetter): number | undefined {
  const rect = placed.rect;
  const middle = rect.y + Math.ceil((drawnHeight(placed, text) - 1) / 2);
  const node = placed.node;
  let reaches: boolean[];
  if (node.kind === 'text') {
    reaches = text.lines(node.text).map((line) => lineReachesSide(placed, line, side));
  } else if (node.kind === 'vtext') {
    reaches = text.line(node.text).glyphs.map((letter) => letter.text.trim() !== '');
  } else {
    return middle;
  }

  let best: number | undefined;
  reaches.forEach((reach, index) => {
    if (reach && (best === undefined || Math.abs(rect.y + index - middle) < Math.abs(best - middle))) {
      best = rect.y + index;
    }
  });

  return best;
}

/** Tells whether one line of a text node draws a character in the cell at its node's left or right edge. */
function lineReachesSide(placed: PlacedNode, line: TypesetLine, side: Side): boolean {
  const { cells, left } = placeLine(placed, line);
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (side === Side.Left) {
    return first !== undefined && first.text.trim() !== '' && left === placed.rect.x;
  }
  return last !== undefined && last.text.trim() !== '' && left + line.width === right(placed.rect);
}

/**
 * Tells whether `placed` draws a character in its own edge cell on `side`
 * at `position`, a row of the left or right side or a column of the top or
 * bottom. A line that stops one blank cell short of that cell reads as
 * ending at the node. A container defers to its part whose edge is its own
 * there. The top and bottom of a rule or bar, a curve, a spacer and a line
 * border never qualify: a curve's edge cells are mostly blank, and a line
 * stopping short of a border looks unfinished.
 */
export function drawsEdgeAt(placed: PlacedNode, side: Side, position: number, text: Typesetter): boolean {
  const node = placed.node;
  const rect = placed.rect;
  const sideways = side === Side.Left || side === Side.Right;
  switch (node.kind) {
    case 'text':
      return sideways ? lineReachesSide(placed, text.lines(node.text)[position - rect.y] ?? NO_LINE, side) : drawnAt(placed, side, position, text);
    case 'tag':
      return sideways ? position === rect.y : drawnAt(placed, side, position, text);
    case 'vtext': {
      const cells = text.line(node.text).glyphs;
      const edgeRow = side === Side.Up ? 0 : cells.length - 1;
      const row = sideways ? position - rect.y : edgeRow;
      const atEdge = !sideways || sideColumn(placed, side, position, text) === edgeColumn(placed, side);

      return atEdge && (cells[row]?.text ?? '').trim() !== '';
    }
    case 'bar':
    case 'rule':
      return sideways && position === rect.y && sideColumn(placed, side, position, text) === edgeColumn(placed, side);
    case 'curve':
    case 'spacer':
      return false;
    case 'box':
      if (node.border !== 'none') {
        return !isLineBorder(node.border);
      }
      break;
    default:
      break;
  }

  const part = edgePartAt(placed, side, position);

  return part !== undefined && drawsEdgeAt(part, side, position, text);
}

/**
 * Returns the part of a container whose edge is the container's own on
 * `side` at `position`. The position is a row of the left or right side or a
 * column of the top or bottom. Returns undefined when no part reaches the
 * edge there.
 */
function edgePartAt(placed: PlacedNode, side: Side, position: number): PlacedNode | undefined {
  const sideways = side === Side.Left || side === Side.Right;
  const reach = reachToward(placed.rect, side);
  for (const part of placed.parts) {
    const low = sideways ? part.rect.y : part.rect.x;
    const high = sideways ? bottom(part.rect) : right(part.rect);
    if (reachToward(part.rect, side) === reach && position >= low && position < high) {
      return part;
    }
  }

  return undefined;
}

/**
 * Returns the node whose drawing a line meets on `side` of `placed`. A
 * container that draws nothing on its own edge (a row, a column, a grid, a
 * fan or a borderless box) passes the line on to its part that reaches
 * furthest toward `side`. Among equals that is the one nearest the middle,
 * and that part does the same. No other part reaches past the one chosen, so the cells between
 * it and the container's edge are blank.
 */
export function meetingNode(placed: PlacedNode, side: Side): PlacedNode {
  let current = placed;
  let next = outermostPart(current, side);
  while (next !== undefined) {
    current = next;
    next = outermostPart(current, side);
  }

  return current;
}

/**
 * Returns the number of rows a node draws from its top: its rectangle's
 * height, except one for a rule, bar or tag and one per letter of vertical
 * text. A stretched row or grid may make those taller than what they draw.
 */
export function drawnHeight(placed: PlacedNode, text: Typesetter): number {
  const node = placed.node;
  const height = placed.rect.height;
  switch (node.kind) {
    case 'rule':
    case 'bar':
    case 'tag':
      return Math.min(height, 1);
    case 'vtext':
      return Math.min(height, text.line(node.text).glyphs.length);
    default:
      return height;
  }
}

/** Tells whether a node draws nothing on its own edge, so a line meets one of its parts there: a row, column, grid, fan or borderless box. */
function passesOn(placed: PlacedNode): boolean {
  const node = placed.node;

  return node.kind === 'row' || node.kind === 'column' || node.kind === 'grid' || node.kind === 'fan' || (node.kind === 'box' && node.border === 'none');
}

function outermostPart(placed: PlacedNode, side: Side): PlacedNode | undefined {
  if (!passesOn(placed)) {
    return undefined;
  }

  const middle = middleAcross(placed.rect, side);
  let best: PlacedNode | undefined;
  let bestReach = -Infinity;
  let bestDistance = Infinity;
  for (const part of placed.parts) {
    if (part.rect.width <= 0 || part.rect.height <= 0 || drawsNothing(part.node)) {
      continue;
    }
    const reach = reachToward(part.rect, side);
    const distance = Math.abs(middleAcross(part.rect, side) - middle);
    if (reach > bestReach || (reach === bestReach && distance < bestDistance)) {
      best = part;
      bestReach = reach;
      bestDistance = distance;
    }
  }

  return best;
}

/** Returns how far a rectangle reaches toward `side`: larger is further. */
function reachToward(rect: PlacedNode['rect'], side: Side): number {
  switch (side) {
    case Side.Up:
      return -rect.y;
    case Side.Right:
      return right(rect);
    case Side.Down:
      return bottom(rect);
    case Side.Left:
      return -rect.x;
  }
}

/** Returns the middle of a rectangle across `side`: its middle row for the left and right sides, its middle column for the top and bottom. */
function middleAcross(rect: PlacedNode['rect'], side: Side): number {
  return side === Side.Left || side === Side.Right ? rect.y + Math.ceil((rect.height - 1) / 2) : centerX(rect);
}

/**
 * Returns the cell of `placed`'s own drawing where a line meets it on
 * `side`, or undefined when that side draws nothing a line may meet (see
 * `drawnAt`).
 * On the left and right it is the outermost cell drawn in the row `sideRow`
 * picks, except on a curve, whose edge cells are mostly blank: there it is
 * the outermost cell the curve draws in any row. On the top and bottom it
 * is in the middle column, or for text and tags in the drawn column nearest
 * the middle.
 */
export function meetingCell(placed: PlacedNode, side: Side, text: Typesetter): Point | undefined {
  const rect = placed.rect;
  if (placed.node.kind === 'curve' && (side === Side.Left || side === Side.Right)) {
    return curveSideCell(placed, placed.node, side, text);
  }
  if (side === Side.Left || side === Side.Right) {
    const y = sideRow(placed, side, text);

    return y === undefined ? undefined : { x: sideColumn(placed, side, y, text), y };
  }

  const center = centerX(rect);
  const kind = placed.node.kind;
  if (kind === 'text' || kind === 'tag') {
    return nearestDrawnCell(placed, side, center, text);
  }

  const y = side === Side.Up ? rect.y : bottom(rect) - 1;
  if (drawnAt(placed, side, center, text)) {
    return { x: center, y };
  }
  if (kind !== 'box') {
    return undefined;
  }

  // A box's title takes the middle of its top border, so the line meets the border beside the title, inside the corners.
  for (let distance = 1; center - distance > rect.x || center + distance < right(rect) - 1; distance += 1) {
    for (const x of [center - distance, center + distance]) {
      if (x > rect.x && x < right(rect) - 1 && drawnAt(placed, side, x, text)) {
        return { x, y };
      }
    }
  }

  return undefined;
}

/**
 * Returns the drawn cell of a text or tag nearest column `center`, in the
 * row nearest `side` that draws anything. The blank rows passed over are inside
 * the node, so a line reaching that cell crosses nothing.
 */
function nearestDrawnCell(placed: PlacedNode, side: Side.Up | Side.Down, center: number, text: Typesetter): Point | undefined {
  const lines = drawnLines(placed, text);
  const count = lines.length;
  for (let step = 0; step < count; step += 1) {
    const index = side === Side.Up ? step : count - 1 - step;
    const line = placeLine(placed, lines[index] ?? NO_LINE);
    // A two-column character may be met under either of its cells, as `drawnAt` allows.
    let nearest: number | undefined;
    let column = line.left;
    for (const cell of line.cells) {
      for (let offset = 0; offset < cell.width && cell.text.trim() !== ''; offset += 1) {
        if (nearest === undefined || Math.abs(column + offset - center) < Math.abs(nearest - center)) {
          nearest = column + offset;
        }
      }
      column += cell.width;
    }
    if (nearest !== undefined) {
      return { x: nearest, y: placed.rect.y + index };
    }
  }

  return undefined;
}

/**
 * Returns the column of the cell a node draws furthest toward its left or
 * right side in row `y`. That is the edge of its rectangle, except for a
 * vertical text letter centred in a wider node, a bar with a blank label,
 * and a bar in a node stretched wider than it.
 */
function sideColumn(placed: PlacedNode, side: Side, y: number, text: Typesetter): number {
  const rect = placed.rect;
  const node = placed.node;
  const left = side === Side.Left;
  if (node.kind === 'vtext') {
    const width = text.line(node.text).glyphs[y - rect.y]?.width ?? 1;
    const first = rect.x + alignOffset(rect.width, width, 'center');

    return left ? first : first + width - 1;
  }
  if (node.kind === 'bar') {
    const labelWidth = barLabelWidth(node, text);
    const blankLabel = labelWidth > 0 && (node.label ?? '').trim() === '';

    if (!left) {
      return rect.x + barWidth(node, text) - 1;
    }

    return blankLabel ? rect.x + labelWidth + 1 : rect.x;
  }

  return edgeColumn(placed, side);
}

/** Returns the column of a node's left or right edge. */
function edgeColumn(placed: PlacedNode, side: Side): number {
  return side === Side.Left ? placed.rect.x : right(placed.rect) - 1;
}

/**
 * Returns the cell a curve draws furthest toward its left or right side, in
 * the row nearest the middle among equals. The cells between it and the curve's
 * edge are blank, so a line may run through them to it.
 */
function curveSideCell(placed: PlacedNode, curve: CurveNode, side: Side.Left | Side.Right, text: Typesetter): Point | undefined {
  const rect = placed.rect;
  const geometry = curveGeometry(curve, text);
  const toward = side === Side.Left ? -1 : 1;
  const middle = rect.y + Math.ceil((rect.height - 1) / 2);
  let best: Point | undefined;
  for (let row = 0; row < geometry.height; row += 1) {
    const column = curveRowEnd(curve, geometry, row, toward, text);
    if (column === undefined) {
      continue;
    }
    const x = rect.x + column;
    const y = rect.y + row;
    if (best === undefined || x * toward > best.x * toward || (x === best.x && Math.abs(y - middle) < Math.abs(best.y - middle))) {
      best = { x, y };
    }
  }

  return best;
}

/**
 * Tells whether `cell`, where a line meets `placed`, is on a horizontal line of the
 * node's own: a rule, or the plot of a line curve. A line touching the end
 * of one would run on as the same line. A line meeting one from above or
 * below would join it as a tee and leave the node's line ending in the open
 * on both sides.
 */
export function endsOwnLineAt(placed: PlacedNode, side: Side, cell: Point, text: Typesetter): boolean {
  const node = placed.node;
  if (node.kind === 'rule') {
    return true;
  }
  if (node.kind !== 'curve' || node.shape !== 'line') {
    return false;
  }
  const plotRows = curveGeometry(node, text).plotRows;

  return side === Side.Up ? cell.y === placed.rect.y : cell.y === placed.rect.y + plotRows - 1;
}
