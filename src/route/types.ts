import type { Weight } from '../canvas/arms.js';
import type { SymbolCode } from '../canvas/glyphs.js';
import type { Role, Style } from '../style/style.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A straight line of `length` cells from (x, y), each one step of (dx, dy) from the one before. */
export interface StraightRun {
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
  readonly length: number;
}

/**
 * A connector ready to paint: the line cells in order, each joined to the
 * next, plus arrowheads and a label. A first or last cell on a border merges
 * with it into a joint.
 */
export interface Route {
  readonly cells: readonly Point[];
  /**
   * The same cells as one straight run, when they are one. Painting and
   * sizing read the run, so a straight route, such as a fan's bus across
   * thousands of nodes, needs no point object per cell.
   */
  readonly run: StraightRun | undefined;
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

/** The parts of a route: its cells as points or as one straight run, and the rest of its fields. */
export type RouteParts = Omit<Route, 'cells' | 'run'> & ({ readonly cells: readonly Point[] } | { readonly run: StraightRun });

/** A route whose points are made from its run only when code reads `cells`. */
class RouteRecord implements Route {
  readonly run: StraightRun | undefined;
  readonly weight: Weight;
  readonly heads: Route['heads'];
  readonly endToward: Point | undefined;
  readonly startToward: Point | undefined;
  readonly label: Route['label'];
  readonly role: Role | undefined;
  readonly style: Style | undefined;
  private points: readonly Point[] | undefined;

  constructor(parts: RouteParts) {
    this.points = 'cells' in parts ? parts.cells : undefined;
    this.run = 'run' in parts ? parts.run : undefined;
    this.weight = parts.weight;
    this.heads = parts.heads;
    this.endToward = parts.endToward;
    this.startToward = parts.startToward;
    this.label = parts.label;
    this.role = parts.role;
    this.style = parts.style;
  }

  get cells(): readonly Point[] {
    if (this.points === undefined) {
      const run = this.run as StraightRun;
      this.points = Array.from({ length: run.length }, (_, step) => runCell(run, step));
    }

    return this.points;
  }
}

/** Builds a route. Every route is the same class with every field present, so the code that reads routes stays monomorphic. */
export function makeRoute(parts: RouteParts): Route {
  return new RouteRecord(parts);
}

/** Returns cell `index` of a route, from its run when it has one. */
export function cellAt(route: Route, index: number): Point | undefined {
  const run = route.run;
  if (run === undefined) {
    return route.cells[index];
  }

  return index >= 0 && index < run.length ? runCell(run, index) : undefined;
}

/** Returns the cell `step` steps from the start of a run. */
function runCell(run: StraightRun, step: number): Point {
  return { x: run.x + step * run.dx, y: run.y + step * run.dy };
}

/**
 * Calls `visit` with enough of a route's cells to bound them: the two ends of
 * a straight run, or every cell of any other route.
 */
export function forEachEnd(route: Route, visit: (cell: Point) => void): void {
  const run = route.run;
  if (run === undefined) {
    route.cells.forEach((cell) => visit(cell));

    return;
  }
  if (run.length > 0) {
    visit(runCell(run, 0));
    visit(runCell(run, run.length - 1));
  }
}

/** Returns how many line cells a route has. */
export function cellCount(route: Route): number {
  return route.run === undefined ? route.cells.length : route.run.length;
}
