import type { Weight } from '../canvas/arms.js';
import type { Rect } from '../layout/geometry.js';
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

/**
 * A route whose points are made from its run only when code reads `cells`.
 * A straight route is its own run: the run's fields are the route's, and
 * `run` is the route itself, which saves an object per straight connector.
 */
class RouteRecord implements Route, StraightRun {
  readonly run: StraightRun | undefined;
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
  readonly length: number;
  readonly weight: Weight;
  readonly heads: Route['heads'];
  readonly endToward: Point | undefined;
  readonly startToward: Point | undefined;
  readonly label: Route['label'];
  readonly role: Role | undefined;
  readonly style: Style | undefined;
  private points: readonly Point[] | undefined;

  /** Makes a route of the given cells, or of the straight run from (x, y) when `points` is undefined. */
  constructor(
    points: readonly Point[] | undefined,
    x: number,
    y: number,
    dx: number,
    dy: number,
    length: number,
    weight: Weight,
    heads: Route['heads'],
    endToward: Point | undefined,
    startToward: Point | undefined,
    label: Route['label'],
    role: Role | undefined,
    style: Style | undefined,
  ) {
    this.points = points;
    this.run = points === undefined ? this : undefined;
    this.x = x;
    this.y = y;
    this.dx = dx;
    this.dy = dy;
    this.length = length;
    this.weight = weight;
    this.heads = heads;
    this.endToward = endToward;
    this.startToward = startToward;
    this.label = label;
    this.role = role;
    this.style = style;
  }

  get cells(): readonly Point[] {
    if (this.points === undefined) {
      this.points = Array.from({ length: this.length }, (_, step) => runCell(this, step));
    }

    return this.points;
  }
}

/** Builds a route. Every route is the same class with every field present, so the code that reads routes stays monomorphic. */
export function makeRoute(parts: RouteParts): Route {
  if ('cells' in parts) {
    return new RouteRecord(parts.cells, 0, 0, 0, 0, 0, parts.weight, parts.heads, parts.endToward, parts.startToward, parts.label, parts.role, parts.style);
  }
  const run = parts.run;

  return makeRunRoute(run.x, run.y, run.dx, run.dy, run.length, parts.weight, parts.heads, parts.endToward, parts.startToward, parts.label, parts.role, parts.style);
}

/**
 * Builds a straight route of `length` cells from (x, y), each one step of
 * (dx, dy) from the one before. Routing makes one per straight connector, so
 * it takes its fields as arguments rather than as objects.
 */
export function makeRunRoute(
  x: number,
  y: number,
  dx: number,
  dy: number,
  length: number,
  weight: Weight,
  heads: Route['heads'],
  endToward: Point | undefined,
  startToward: Point | undefined,
  label: Route['label'],
  role: Role | undefined,
  style: Style | undefined,
): Route {
  return new RouteRecord(undefined, x, y, dx, dy, length, weight, heads, endToward, startToward, label, role, style);
}

/** Returns the cell `step` steps from the start of a run. */
function runCell(run: StraightRun, step: number): Point {
  return { x: run.x + step * run.dx, y: run.y + step * run.dy };
}

/**
 * The smallest rectangle around the cells added so far. Routing and painting
 * grow one per route, so it takes coordinates instead of points.
 */
export class CellBounds {
  private lowX: number;
  private lowY: number;
  /** One past the rightmost column added. */
  private highX: number;
  /** One past the lowest row added. */
  private highY: number;

  /** Starts from `rect`, or from nothing. */
  constructor(rect?: Rect) {
    this.lowX = rect?.x ?? Infinity;
    this.lowY = rect?.y ?? Infinity;
    this.highX = rect === undefined ? -Infinity : rect.x + rect.width;
    this.highY = rect === undefined ? -Infinity : rect.y + rect.height;
  }

  /** Adds `width` cells of row `y` from column `x`. */
  add(x: number, y: number, width = 1): void {
    this.lowX = Math.min(this.lowX, x);
    this.lowY = Math.min(this.lowY, y);
    this.highX = Math.max(this.highX, x + width);
    this.highY = Math.max(this.highY, y + 1);
  }

  /** Adds a route's line cells and arrowheads. A run adds only its two ends, which bound the rest. */
  addRoute(route: Route): void {
    const run = route.run;
    if (run === undefined) {
      for (const cell of route.cells) {
        this.add(cell.x, cell.y);
      }
    } else if (run.length > 0) {
      this.add(run.x, run.y);
      this.add(run.x + (run.length - 1) * run.dx, run.y + (run.length - 1) * run.dy);
    }
    for (const head of route.heads) {
      this.add(head.at.x, head.at.y);
    }
  }

  get rect(): Rect {
    return { x: this.lowX, y: this.lowY, width: this.highX - this.lowX, height: this.highY - this.lowY };
  }
}
