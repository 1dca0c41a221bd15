import { Side, opposite } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { DiagramError, joinPath } from '../errors.js';
import { bottom, right } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import type { PlacedNode } from '../layout/place.js';
import type { Stub } from '../model.js';
import { endsInLine } from '../validate-links.js';
import { weightOf } from '../canvas/arms.js';
import { cellsToSide } from './search.js';
import { type Point, type Route, makeRoute } from './types.js';

/** The canvas side for each side name of the model. */
export const SIDE_NAMES: Readonly<Record<Stub['side'], Side>> = {
  top: Side.Up,
  right: Side.Right,
  bottom: Side.Down,
  left: Side.Left,
};

/**
 * Routes a stub: `length` cells straight out of one side of a node,
 * arrowhead included. It crosses the border of each box around the node
 * that it reaches, with a line cell on each side of the crossing, and fails
 * when it would instead meet such a border with an end or its arrowhead.
 * `enclosing` lists the boxes around the node.
 */
export function stubRoute(placed: PlacedNode, stub: Stub, path: string, enclosing: readonly PlacedNode[]): Route {
  if (stub.length < 2) {
    throw new DiagramError('invalid-model', joinPath(path, 'length'), `a stub needs a length of at least 2 (a line cell and an arrowhead), not ${stub.length}`);
  }

  const side = SIDE_NAMES[stub.side];
  const rect = placed.rect;
  const joins = joinsBorder(placed.node);
  const horizontal = side === Side.Left || side === Side.Right;
  const inset = joins ? 1 : 0;
  const middleY = Math.ceil((rect.y + inset + bottom(rect) - 1 - inset) / 2);
  const middleX = Math.floor((rect.x + inset + right(rect) - 1 - inset) / 2);
  const edge: Point =
    side === Side.Up ? { x: middleX, y: rect.y } : side === Side.Down ? { x: middleX, y: bottom(rect) - 1 } : side === Side.Left ? { x: rect.x, y: middleY } : { x: right(rect) - 1, y: middleY };
  // A line leaving a rule, bar or curve up or down would join or touch the node's own lines, so it starts a blank cell away.
  const margin = !joins && (horizontal || (stub.direction === 'out' && endsInLine(placed.node))) ? 1 : 0;
  const step = stepOf(side);
  const outside: Point[] = [];
  for (let distance = 1 + margin; distance <= stub.length + margin; distance += 1) {
    outside.push({ x: edge.x + step.x * distance, y: edge.y + step.y * distance });
  }

  for (const box of enclosing) {
    checkCrossing(box, edge, side, stub, joins, margin, path);
  }

  const weight = weightOf(stub.line ?? 'light');
  if (stub.direction === 'out') {
    const head = outside[outside.length - 1] as Point;
    const cells = [...(joins ? [edge] : []), ...outside.slice(0, -1)];

    return makeRoute({ cells, weight, heads: [{ at: head, symbol: arrowToward(side) }], endToward: head });
  }

  const head = outside[0] as Point;
  const cells = outside.slice(1).reverse();

  return makeRoute({ cells, weight, heads: [{ at: head, symbol: arrowToward(opposite(side)) }], endToward: head });
}

/**
 * Fails unless the stub crosses the border of `box`, a box around its node,
 * at a line cell with a line cell on each side, or does not reach it.
 */
function checkCrossing(box: PlacedNode, edge: Point, side: Side, stub: Stub, joins: boolean, margin: number, path: string): void {
  const node = box.node;
  if (node.kind !== 'box' || node.border === 'none') {
    return;
  }

  const distance = cellsToSide(box.rect, edge, side);
  const reach = stub.length + margin;
  if (distance < 1 || distance > reach) {
    return;
  }
  // The distances of the stub's nearest and farthest line cells from the node's edge.
  let nearest = 2 + margin;
  if (stub.direction === 'out') {
    nearest = joins ? 0 : 1 + margin;
  }
  const farthest = stub.direction === 'out' ? reach - 1 : reach;
  if (joinsBorder(node) && distance > nearest && distance < farthest) {
    return;
  }

  const where = box.path.path === '' ? 'the root' : box.path.path;
  const fix = stub.direction === 'out' ? 'change its length, give that box more padding' : 'give that box more padding';
  throw new DiagramError(
    'invalid-model',
    joinPath(path, 'id'),
    joinsBorder(node)
      ? `the stub on '${stub.id}' would end on the border of the box at ${where} instead of crossing it with a line; ${fix}, or put the stub on that box`
      : `the stub on '${stub.id}' would cross the ${node.border ?? ''} border of the box at ${where}, which cannot join a line; put the stub on that box`,
  );
}

function stepOf(side: Side): Point {
  switch (side) {
    case Side.Up:
      return { x: 0, y: -1 };
    case Side.Right:
      return { x: 1, y: 0 };
    case Side.Down:
      return { x: 0, y: 1 };
    case Side.Left:
      return { x: -1, y: 0 };
  }
}
