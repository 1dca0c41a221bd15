import { Side, opposite } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { DiagramError, joinPath } from '../errors.js';
import { bottom, right } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import type { PlacedNode } from '../layout/place.js';
import type { Stub } from '../model.js';
import { weightOf } from '../canvas/arms.js';
import { type Point, type Route, makeRoute } from './types.js';

/** The canvas side for each side name of the model. */
export const SIDE_NAMES: Readonly<Record<Stub['side'], Side>> = {
  top: Side.Up,
  right: Side.Right,
  bottom: Side.Down,
  left: Side.Left,
};

/** Routes a stub: `length` cells straight out of one side of a node, arrowhead included. */
export function stubRoute(placed: PlacedNode, stub: Stub, path: string): Route {
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
  const margin = !joins && horizontal ? 1 : 0;
  const step = stepOf(side);
  const outside: Point[] = [];
  for (let distance = 1 + margin; distance <= stub.length + margin; distance += 1) {
    outside.push({ x: edge.x + step.x * distance, y: edge.y + step.y * distance });
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
