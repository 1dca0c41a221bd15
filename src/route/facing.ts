import { Side } from '../canvas/arms.js';
import { alignOffset, bottom, horizontalAnchor, isLineBorder, right } from '../layout/geometry.js';
import { type PlacedNode, centerX } from '../layout/place.js';
import { type Grapheme, graphemes } from '../text/width.js';
import { drawsNothing } from '../validate-links.js';
import type { Point } from './types.js';

/**
 * Whether a vertical line may meet a node at column `x` of its top (`Up`) or
 * bottom (`Down`) side without ending against blank space or running into
 * one of the node's own lines: always for boxes and containers; for text and
 * tags only where a character is drawn in that row; never for a rule, bar or
 * curve, whose rows are lines or gaps. Every column of the left and right
 * sides qualifies.
 */
export function drawnAt(placed: PlacedNode, side: Side, x: number): boolean {
  if (side === Side.Left || side === Side.Right) {
    return sideRow(placed, side) !== undefined;
  }
  const node = placed.node;
  if (node.kind === 'rule' || node.kind === 'bar' || node.kind === 'curve') {
    return false;
  }
  if (node.kind !== 'text' && node.kind !== 'tag') {
    return true;
  }

  const line = edgeLine(placed, side);
  let column = line.left;
  for (const cell of line.cells) {
    if (column + cell.width > x) {
      return column <= x && cell.text.trim() !== '';
    }
    column += cell.width;
  }

  return false;
}

/** One line of a text or tag as graphemes, and the column where they start. */
interface PlacedLine {
  readonly cells: readonly Grapheme[];
  readonly left: number;
}

/** The lines a text or tag draws, a tag's brackets and padding included; none for other kinds. */
function drawnLines(placed: PlacedNode): string[] {
  const node = placed.node;
  if (node.kind === 'tag') {
    const padding = ' '.repeat(node.padding ?? 0);

    return [`[${padding}${node.text}${padding}]`];
  }

  return node.kind === 'text' ? node.text.split('\n') : [];
}

function placeLine(placed: PlacedNode, line: string): PlacedLine {
  const node = placed.node;
  const cells = graphemes(line);
  const width = cells.reduce((total, cell) => total + cell.width, 0);
  const anchor = node.kind === 'text' ? horizontalAnchor(node.align) : 'start';

  return { cells, left: placed.rect.x + alignOffset(placed.rect.width, width, anchor) };
}

/** A text's or tag's top (`Up`) or bottom (`Down`) line. */
function edgeLine(placed: PlacedNode, side: Side.Up | Side.Down): PlacedLine {
  const lines = drawnLines(placed);

  return placeLine(placed, (side === Side.Up ? lines[0] : lines[lines.length - 1]) ?? '');
}

/**
 * The row where a line meets a node's left or right side: the middle row for
 * most nodes; for text, the row nearest the middle whose line reaches that
 * edge of the node, so the line touches a character; undefined when no line does.
 */
export function sideRow(placed: PlacedNode, side: Side): number | undefined {
  const rect = placed.rect;
  const middle = rect.y + Math.ceil((rect.height - 1) / 2);
  const node = placed.node;
  if (node.kind !== 'text') {
    return middle;
  }

  const reaches = node.text.split('\n').map((line) => lineReachesSide(placed, line, side));
  let best: number | undefined;
  reaches.forEach((reach, index) => {
    if (reach && (best === undefined || Math.abs(rect.y + index - middle) < Math.abs(best - middle))) {
      best = rect.y + index;
    }
  });

  return best;
}

/** Whether one line of a text node draws a character in the cell at its node's left or right edge. */
function lineReachesSide(placed: PlacedNode, line: string, side: Side): boolean {
  const { cells, left } = placeLine(placed, line);
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (side === Side.Left) {
    return first !== undefined && first.text.trim() !== '' && left === placed.rect.x;
  }
  const width = cells.reduce((total, cell) => total + cell.width, 0);

  return last !== undefined && last.text.trim() !== '' && left + width === right(placed.rect);
}

/**
 * Whether `placed` draws a character in its own edge cell on `side` at
 * `position`, a row of the left or right side or a column of the top or
 * bottom. A line that stops one blank cell short of that cell reads as
 * ending at the node. A container asks its part whose edge is its own
 * there. The top and bottom of a rule or bar, a curve, a spacer and a line
 * border answer no: a curve's edge cells are mostly blank, and a line
 * stopping short of a border looks unfinished.
 */
export function drawsEdgeAt(placed: PlacedNode, side: Side, position: number): boolean {
  const node = placed.node;
  const rect = placed.rect;
  const sideways = side === Side.Left || side === Side.Right;
  switch (node.kind) {
    case 'text':
      return sideways ? lineReachesSide(placed, node.text.split('\n')[position - rect.y] ?? '', side) : drawnAt(placed, side, position);
    case 'tag':
      return sideways || drawnAt(placed, side, position);
    case 'vtext': {
      const cells = graphemes(node.text);
      const row = sideways ? position - rect.y : side === Side.Up ? 0 : cells.length - 1;

      return (cells[row]?.text ?? '').trim() !== '';
    }
    case 'bar':
    case 'rule':
      return sideways;
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

  const reach = reachToward(rect, side);
  for (const part of placed.parts) {
    const low = sideways ? part.rect.y : part.rect.x;
    const high = sideways ? bottom(part.rect) : right(part.rect);
    if (reachToward(part.rect, side) === reach && position >= low && position < high) {
      return drawsEdgeAt(part, side, position);
    }
  }

  return false;
}

/**
 * The node whose drawing a line meets on `side` of `placed`. A container
 * that draws nothing on its own edge (a row, a column, a grid, a fan or a
 * borderless box) passes the line on to its part that reaches furthest
 * toward `side`, the one nearest the middle among equals, and that part does
 * the same. No other part reaches past the one chosen, so the cells between
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

function outermostPart(placed: PlacedNode, side: Side): PlacedNode | undefined {
  const node = placed.node;
  const passesOn = node.kind === 'row' || node.kind === 'column' || node.kind === 'grid' || node.kind === 'fan' || (node.kind === 'box' && node.border === 'none');
  if (!passesOn) {
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

/** How far a rectangle reaches toward `side`: larger is further. */
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

/** The middle of a rectangle across `side`: its middle row for the left and right sides, its middle column for the top and bottom. */
function middleAcross(rect: PlacedNode['rect'], side: Side): number {
  return side === Side.Left || side === Side.Right ? rect.y + Math.ceil((rect.height - 1) / 2) : centerX(rect);
}

/**
 * The cell of `placed`'s own drawing where a line meets it on `side`, or
 * undefined when that side draws nothing a line may meet (see `drawnAt`).
 * On the left and right it is on the row `sideRow` picks. On the top and
 * bottom it is in the middle column, or for text and tags in the drawn
 * column nearest the middle.
 */
export function meetingCell(placed: PlacedNode, side: Side): Point | undefined {
  const rect = placed.rect;
  if (side === Side.Left || side === Side.Right) {
    const y = sideRow(placed, side);

    return y === undefined ? undefined : { x: side === Side.Left ? rect.x : right(rect) - 1, y };
  }

  const center = centerX(rect);
  const kind = placed.node.kind;
  if (kind === 'text' || kind === 'tag') {
    return nearestDrawnCell(placed, side, center);
  }

  return drawnAt(placed, side, center) ? { x: center, y: side === Side.Up ? rect.y : bottom(rect) - 1 } : undefined;
}

/**
 * The drawn cell of a text or tag nearest column `center`, in the row
 * nearest `side` that draws anything. The blank rows passed over are inside
 * the node, so a line reaching that cell crosses nothing.
 */
function nearestDrawnCell(placed: PlacedNode, side: Side.Up | Side.Down, center: number): Point | undefined {
  const lines = drawnLines(placed);
  const count = lines.length;
  for (let step = 0; step < count; step += 1) {
    const index = side === Side.Up ? step : count - 1 - step;
    const line = placeLine(placed, lines[index] ?? '');
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
