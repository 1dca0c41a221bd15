import { Side, type Weight } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { bottom } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import { type PlacedNode, centerX } from '../layout/place.js';
import type { Point, Route } from './types.js';

/**
 * Routes a fan: from its single source down to a bus line and from the bus to
 * each fanned node, then from each fanned node down to a second bus and on to
 * the sink. Joints form where the stems meet the bus and the borders.
 */
export function fanRoutes(fan: PlacedNode, weight: Weight): Route[] {
  const routes: Route[] = [];
  const nodes = fan.children;
  const rowTop = Math.min(...nodes.map((node) => node.rect.y));
  const rowBottom = Math.max(...nodes.map((node) => bottom(node.rect)));

  if (fan.source !== undefined) {
    const busY = rowTop - 3;
    routes.push(stem(fan.source, busY, weight));
    routes.push(bus([fan.source, ...nodes].map((node) => centerX(node.rect)), busY, weight));
    for (const node of nodes) {
      routes.push(drop({ x: centerX(node.rect), y: busY }, rowTop - 2, weight));
    }
  }

  if (fan.sink !== undefined) {
    const busY = rowBottom + 1;
    for (const node of nodes) {
      routes.push(stem(node, busY, weight));
    }
    routes.push(bus([fan.sink, ...nodes].map((node) => centerX(node.rect)), busY, weight));
    routes.push(drop({ x: centerX(fan.sink.rect), y: busY }, busY + 1, weight));
  }

  return routes;
}

/** A vertical line from the bottom of a node, or its bottom border, down to a bus row. */
function stem(node: PlacedNode, busY: number, weight: Weight): Route {
  const x = centerX(node.rect);
  const startY = joinsBorder(node.node) ? bottom(node.rect) - 1 : bottom(node.rect);

  return { cells: verticalCells(x, startY, busY), weight, heads: [] };
}

function bus(xs: readonly number[], y: number, weight: Weight): Route {
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  const cells: Point[] = [];
  for (let x = low; x <= high; x += 1) {
    cells.push({ x, y });
  }

  return { cells, weight, heads: [] };
}

/** A vertical line from a bus cell down to `lastY`, with an arrowhead below it. */
function drop(from: Point, lastY: number, weight: Weight): Route {
  const head = { x: from.x, y: lastY + 1 };

  return {
    cells: verticalCells(from.x, from.y, lastY),
    weight,
    heads: [{ at: head, symbol: arrowToward(Side.Down) }],
    endToward: head,
  };
}

function verticalCells(x: number, fromY: number, toY: number): Point[] {
  const cells: Point[] = [];
  for (let y = fromY; y <= toY; y += 1) {
    cells.push({ x, y });
  }

  return cells;
}
