import type { Weight } from '../canvas/arms.js';
import type { SymbolCode } from '../canvas/glyphs.js';
import type { Role, Style } from '../style/style.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A connector ready to paint: the line cells in order, each joined to the
 * next, plus arrowheads and a label. A first or last cell on a border merges
 * with it into a joint.
 */
export interface Route {
  readonly cells: readonly Point[];
  readonly weight: Weight;
  readonly heads: readonly { readonly at: Point; readonly symbol: SymbolCode }[];
  /** Arms added to the last cell toward a following arrowhead or joint. */
  readonly endToward?: Point;
  /** Arm added to the first cell toward a preceding arrowhead. */
  readonly startToward?: Point;
  readonly label?: { readonly at: Point; readonly text: string };
  /** Theme role of the whole route. Default `arrow`. */
  readonly role?: Role;
  readonly style?: Style;
}

/**
 * Builds a route with every field present, undefined where unused. Routes of
 * one shape keep the code that reads them monomorphic, where spreading only
 * the fields present gave each kind of route its own object shape.
 */
export function makeRoute(parts: Route): Route {
  return {
    cells: parts.cells,
    weight: parts.weight,
    heads: parts.heads,
    endToward: parts.endToward,
    startToward: parts.startToward,
    label: parts.label,
    role: parts.role,
    style: parts.style,
  };
}
