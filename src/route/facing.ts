import { Side } from '../canvas/arms.js';
import { alignOffset, horizontalAnchor } from '../layout/geometry.js';
import { type PlacedNode, centerX } from '../layout/place.js';
import { graphemes } from '../text/width.js';

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

  const padding = node.kind === 'tag' ? ' '.repeat(node.padding ?? 0) : '';
  const lines = node.kind === 'tag' ? [`[${padding}${node.text}${padding}]`] : node.text.split('\n');
  const line = side === Side.Up ? lines[0] : lines[lines.length - 1];
  const cells = graphemes(line ?? '');
  const width = cells.reduce((total, cell) => total + cell.width, 0);
  const anchor = node.kind === 'text' ? horizontalAnchor(node.align) : 'start';
  let column = placed.rect.x + alignOffset(placed.rect.width, width, anchor);
  for (const cell of cells) {
    if (column + cell.width > x) {
      return column <= x && cell.text.trim() !== '';
    }
    column += cell.width;
  }

  return false;
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

  const reaches = node.text.split('\n').map((line) => {
    const cells = graphemes(line);
    const width = cells.reduce((total, cell) => total + cell.width, 0);
    const anchor = horizontalAnchor(node.align);
    const left = alignOffset(rect.width, width, anchor);
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (side === Side.Left) {
      return first !== undefined && first.text.trim() !== '' && left === 0;
    }

    return last !== undefined && last.text.trim() !== '' && left + width === rect.width;
  });
  let best: number | undefined;
  reaches.forEach((reach, index) => {
    if (reach && (best === undefined || Math.abs(rect.y + index - middle) < Math.abs(best - middle))) {
      best = rect.y + index;
    }
  });

  return best;
}

/** Whether a line may meet a node in the middle of one side; see `drawnAt`. */
export function facesDrawing(placed: PlacedNode, side: Side): boolean {
  return drawnAt(placed, side, centerX(placed.rect));
}
