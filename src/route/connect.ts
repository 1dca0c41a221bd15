import { Side, type Weight, opposite } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { DiagramError } from '../errors.js';
import { type Rect, bottom, right } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import type { GridSize } from '../layout/measure.js';
import type { PlacedNode } from '../layout/place.js';
import type { FieldPath } from '../model-path.js';
import { drawnAt, drawnHeight, drawsEdgeAt } from './facing.js';
import type { ObstacleIndex } from './obstacles.js';
import { type Occupancy, Occupant } from './occupancy.js';
import { isLabelFree, searchRoute } from './search.js';
import type { Role, Style } from '../style/style.js';
import type { Typesetter } from '../text/typeset.js';
import { CellBounds, type Point, type Route, type StraightRun, makeRunRoute } from './types.js';

export interface LinkSpec {
  readonly startHead: boolean;
  readonly endHead: boolean;
  readonly weight: Weight;
  readonly label?: string;
  /** Columns the label takes, as the typesetter measures it. */
  readonly labelWidth?: number;
  readonly labelSide?: 'above' | 'below' | 'left' | 'right';
  /** Model path of the connector, joined into text only for an error. */
  readonly modelPath: FieldPath;
  readonly role?: Role;
  readonly style?: Style;
  /** Sides of the source the route may leave from; all four when absent. */
  readonly exitSides?: readonly Side[];
  /** Sides of the target the route may enter; all four when absent. */
  readonly entrySides?: readonly Side[];
}

/** A span of cells along one axis where a connector may attach, inclusive. */
interface Span {
  readonly low: number;
  readonly high: number;
}

/**
 * Routes a connector between two placed nodes: a straight line when the nodes
 * face each other with nothing between, otherwise a shortest orthogonal path
 * around every box and label.
 */
export function connect(from: PlacedNode, to: PlacedNode, spec: LinkSpec, obstacles: ObstacleIndex, occupancy: Occupancy, text: Typesetter): Route {
  return clearStraightRoute(from, to, spec, obstacles, occupancy, text) ?? searchRoute(from, to, spec, obstacles, occupancy, text);
}

/** The straight route between two nodes when they face each other and nothing is in its way. */
export function clearStraightRoute(
  from: PlacedNode,
  to: PlacedNode,
  spec: LinkSpec,
  obstacles: ObstacleIndex,
  occupancy: Occupancy,
  text: Typesetter,
): Route | undefined {
  const straight = spec.exitSides === undefined && spec.entrySides === undefined ? straightRoute(from, to, spec, text) : undefined;

  return straight !== undefined && isClear(straight, spec, from, to, obstacles, occupancy) ? straight : undefined;
}

/** Connects two siblings of a chain, which face each other by construction. */
export function connectNeighbours(from: PlacedNode, to: PlacedNode, spec: LinkSpec, obstacles: ObstacleIndex, occupancy: Occupancy, text: Typesetter): Route {
  return straightRoute(from, to, spec, text) ?? searchRoute(from, to, spec, obstacles, occupancy, text);
}

/** Tells whether a straight route and its label cross no node and run along or end on no earlier route. */
function isClear(route: Route, spec: LinkSpec, from: PlacedNode, to: PlacedNode, obstacles: ObstacleIndex, occupancy: Occupancy): boolean {
  if (!areNeighbours(from, to) && obstacles.isBlocked(routeArea(route), from, to)) {
    return false;
  }
  if (route.label !== undefined && !isLabelFree(route.label, spec, obstacles, occupancy)) {
    return false;
  }

  // Straight routes are built as runs, so the cells are walked from the run without making a point for each.
  const run = route.run as StraightRun;
  for (let step = 0; step < run.length; step += 1) {
    const x = run.x + step * run.dx;
    const y = run.y + step * run.dy;
    if (!isInside(from.rect, x, y) && !isInside(to.rect, x, y) && occupancy.at(x, y) !== Occupant.Free) {
      return false;
    }
  }

  const heads = route.heads;
  for (let index = 0; index < heads.length; index += 1) {
    const at = (heads[index] as Route['heads'][number]).at;
    if (occupancy.at(at.x, at.y) !== Occupant.Free) {
      return false;
    }
  }

  return true;
}

/**
 * Tells whether two nodes are neighbours in a row, column or grid: children
 * of the same one, next to each other along a row or column of it. Every
 * child lies in a slot of its own, so between two neighbours there is only
 * the spare room of their slots and the gap, and a straight line between
 * them meets no node. Its cells still need checking against other routes.
 */
function areNeighbours(a: PlacedNode, b: PlacedNode): boolean {
  const parent = a.parent;
  if (parent === undefined || parent !== b.parent) {
    return false;
  }
  const container = parent.node;
  const apart = Math.abs(a.index - b.index);
  switch (container.kind) {
    case 'row':
    case 'column':
      return apart === 1;
    case 'grid': {
      // The column count measuring used, which the model's field, read again, need not still give.
      const columns = (parent.size as GridSize).tracks.columnWidths.length;

      return apart === columns || (apart === 1 && Math.floor(a.index / columns) === Math.floor(b.index / columns));
    }
    default:
      return false;
  }
}

function isInside(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && y >= rect.y && x < right(rect) && y < bottom(rect);
}

function straightRoute(from: PlacedNode, to: PlacedNode, spec: LinkSpec, text: Typesetter): Route | undefined {
  const a = from.rect;
  const b = to.rect;
  const rows = sharedSpan(from, to, 'vertical', text);
  if (rows !== undefined && (right(a) <= b.x || right(b) <= a.x)) {
    const middle = Math.ceil((rows.low + rows.high) / 2);
    // Most links have no open end, so they take the middle row without a search or a closure.
    const exit = a.x < b.x ? Side.Right : Side.Left;
    const y = hasJointAndOpenEnd(from, to, spec) ? facingPosition(rows, middle, from, to, spec, exit, false, text) : middle;

    return y === undefined ? undefined : horizontalRoute(from, to, y, spec);
  }

  const columns = sharedSpan(from, to, 'horizontal', text);
  if (columns !== undefined && (bottom(a) <= b.y || bottom(b) <= a.y)) {
    const exit = a.y < b.y ? Side.Down : Side.Up;
    const x = facingPosition(columns, Math.floor((columns.low + columns.high) / 2), from, to, spec, exit, true, text);

    return x === undefined ? undefined : verticalRoute(from, to, x, spec);
  }

  return undefined;
}

/**
 * Tells whether a straight line leaving `from` toward `exit` at `position`
 * leaves no open joint. A line with a joint at one end, on a box border,
 * must have its other end at an arrowhead or beside a drawn character,
 * because ending in blank space next to a joint is an open joint. A line
 * with no joint may end anywhere.
 */
function openEndsMeet(from: PlacedNode, to: PlacedNode, spec: LinkSpec, exit: Side, position: number, text: Typesetter): boolean {
  if (!hasJointAndOpenEnd(from, to, spec)) {
    return true;
  }

  const sourceMet = joinsBorder(from.node) || spec.startHead || drawsEdgeAt(from, exit, position, text);

  return sourceMet && (joinsBorder(to.node) || spec.endHead || drawsEdgeAt(to, opposite(exit), position, text));
}

/** Tells whether a straight line between the two nodes joins a border at one end and has neither a joint nor an arrowhead at the other. */
function hasJointAndOpenEnd(from: PlacedNode, to: PlacedNode, spec: LinkSpec): boolean {
  const sourceJoint = joinsBorder(from.node) && !spec.startHead;
  const targetJoint = joinsBorder(to.node) && !spec.endHead;
  const sourceOpen = !joinsBorder(from.node) && !spec.startHead;
  const targetOpen = !joinsBorder(to.node) && !spec.endHead;

  return (sourceJoint && targetOpen) || (targetJoint && sourceOpen);
}

/** Tells whether a straight line at `position` suits the link, as `facingPosition` describes. */
function facesAt(from: PlacedNode, to: PlacedNode, spec: LinkSpec, exit: Side, drawn: boolean, position: number, text: Typesetter): boolean {
  const facing = !drawn || (drawnAt(from, exit, position, text) && drawnAt(to, opposite(exit), position, text));

  return facing && openEndsMeet(from, to, spec, exit, position, text);
}

/**
 * Returns the position nearest `middle` within `span` where a straight line
 * from `from` toward `exit` leaves no open joint and, when `drawn` is set,
 * both ends face something drawn. Returns undefined when there is none.
 */
function facingPosition(
  span: Span,
  middle: number,
  from: PlacedNode,
  to: PlacedNode,
  spec: LinkSpec,
  exit: Side,
  drawn: boolean,
  text: Typesetter,
): number | undefined {
  // The test takes the link's fields as arguments rather than being a closure, which would be an object per vertical link.
  for (let distance = 0; middle - distance >= span.low || middle + distance <= span.high; distance += 1) {
    const before = middle - distance;
    if (before >= span.low && before <= span.high && facesAt(from, to, spec, exit, drawn, before, text)) {
      return before;
    }
    const after = middle + distance;
    if (distance > 0 && after >= span.low && after <= span.high && facesAt(from, to, spec, exit, drawn, after, text)) {
      return after;
    }
  }

  return undefined;
}

/**
 * Returns the cells along an axis where a line may leave both nodes, or
 * undefined when there are none. A line leaves a box inside its border and
 * any other node anywhere along it, but only beside the rows it draws.
 */
function sharedSpan(a: PlacedNode, b: PlacedNode, axis: 'horizontal' | 'vertical', text: Typesetter): Span | undefined {
  const low = Math.max(attachFirst(a, axis), attachFirst(b, axis));
  const high = Math.min(attachLast(a, axis, text), attachLast(b, axis, text));

  return low <= high ? { low, high } : undefined;
}

function attachFirst(placed: PlacedNode, axis: 'horizontal' | 'vertical'): number {
  const start = axis === 'horizontal' ? placed.rect.x : placed.rect.y;

  return start + cornerInset(placed, axis);
}

function attachLast(placed: PlacedNode, axis: 'horizontal' | 'vertical', text: Typesetter): number {
  const end = axis === 'horizontal' ? right(placed.rect) - 1 : placed.rect.y + drawnHeight(placed, text) - 1;

  return end - cornerInset(placed, axis);
}

/**
 * Cells a line keeps from each end of a node's side: one for a box's corner.
 * A box with no cell between its corners, such as an empty box two rows
 * high, has nothing else there, so a line joins the corner as a tee.
 */
function cornerInset(placed: PlacedNode, axis: 'horizontal' | 'vertical'): number {
  const length = axis === 'horizontal' ? placed.rect.width : placed.rect.height;

  return joinsBorder(placed.node) && length > 2 ? 1 : 0;
}

function horizontalRoute(from: PlacedNode, to: PlacedNode, y: number, spec: LinkSpec): Route {
  const rightward = from.rect.x < to.rect.x;
  const sourceEdge = rightward ? right(from.rect) - 1 : from.rect.x;
  const targetEdge = rightward ? to.rect.x : right(to.rect) - 1;

  return alongTrack(sourceEdge, targetEdge, rightward ? 1 : -1, joinsBorder(from.node), joinsBorder(to.node), 1, spec, y, 'horizontal');
}

function verticalRoute(from: PlacedNode, to: PlacedNode, x: number, spec: LinkSpec): Route {
  const downward = from.rect.y < to.rect.y;
  const sourceEdge = downward ? bottom(from.rect) - 1 : from.rect.y;
  const targetEdge = downward ? to.rect.y : bottom(to.rect) - 1;

  return alongTrack(sourceEdge, targetEdge, downward ? 1 : -1, joinsBorder(from.node), joinsBorder(to.node), 0, spec, x, 'vertical');
}

/**
 * Builds the straight route between the source's and target's edges, the
 * positions of their outermost cells that face each other along the axis,
 * in travel order. The track runs on row `across` of a horizontal track or
 * column `across` of a vertical one. A line joins an edge on a border, and
 * otherwise keeps `margin` cells from it, beside the cell next to it.
 */
function alongTrack(
  sourceEdge: number,
  targetEdge: number,
  direction: 1 | -1,
  sourceJoins: boolean,
  targetJoins: boolean,
  margin: number,
  spec: LinkSpec,
  across: number,
  axis: 'horizontal' | 'vertical',
): Route {
  // The first and last cells the line may use, arrowheads included.
  const first = sourceEdge + direction * (sourceJoins ? 1 : 1 + margin);
  const last = targetEdge - direction * (targetJoins ? 1 : 1 + margin);
  const free = Math.max(0, (last - first) * direction + 1);
  const heads = (spec.startHead ? 1 : 0) + (spec.endHead ? 1 : 0);
  if (free < heads + 1) {
    throw new DiagramError(
      'does-not-fit',
      spec.modelPath.path,
      `the connector needs ${heads + 1} free cells between its nodes but has ${free}; move the nodes further apart`,
    );
  }

  const forward = axis === 'horizontal' ? (direction === 1 ? Side.Right : Side.Left) : direction === 1 ? Side.Down : Side.Up;
  // The line cells, joints included, are one straight run: each joint is next to the line's end.
  const runFirst = runEnd(spec.startHead, sourceJoins, sourceEdge, first, direction);
  const runLast = runEnd(spec.endHead, targetJoins, targetEdge, last, -direction);
  const horizontal = axis === 'horizontal';
  const runX = horizontal ? runFirst : across;
  const runY = horizontal ? across : runFirst;
  const runLength = Math.max(0, (runLast - runFirst) * direction + 1);

  const startHead = spec.startHead ? pointOnTrack(axis, first, across) : undefined;
  const endHead = spec.endHead ? pointOnTrack(axis, last, across) : undefined;
  const startArrow = startHead === undefined ? undefined : { at: startHead, symbol: arrowToward(opposite(forward)) };
  const endArrow = endHead === undefined ? undefined : { at: endHead, symbol: arrowToward(forward) };
  // A literal of the right length: an array grown by push reserves room for many more items, once per connector.
  let arrowheads: Route['heads'] = [];
  if (startArrow !== undefined && endArrow !== undefined) {
    arrowheads = [startArrow, endArrow];
  } else if (startArrow !== undefined || endArrow !== undefined) {
    arrowheads = [(startArrow ?? endArrow) as Route['heads'][number]];
  }
  const label = spec.label === undefined ? undefined : placeLabel(spec, [pointOnTrack(axis, first, across), pointOnTrack(axis, last, across)], free, axis);

  return makeRunRoute(runX, runY, horizontal ? direction : 0, horizontal ? 0 : direction, runLength, spec.weight, arrowheads, endHead, startHead, label, spec.role, spec.style);
}

/**
 * Returns where a straight line's run ends at one end of its track: inside
 * the arrowhead at `trackEnd`, at the joint on a border at `edge`, or at
 * `trackEnd` itself. `inward` steps from that end toward the other.
 */
function runEnd(head: boolean, joins: boolean, edge: number, trackEnd: number, inward: number): number {
  if (head) {
    return trackEnd + inward;
  }

  return joins ? edge : trackEnd;
}

/** Returns the cell at `position` along a track on row or column `across`. */
function pointOnTrack(axis: 'horizontal' | 'vertical', position: number, across: number): Point {
  return axis === 'horizontal' ? { x: position, y: across } : { x: across, y: position };
}

/** Centers a label beside a straight run of `length` cells from `first` to `last`, failing when the run is too short to hold it. */
export function placeLabel(spec: LinkSpec, [first, last]: readonly [Point, Point], length: number, axis: 'horizontal' | 'vertical'): Route['label'] {
  const text = spec.label ?? '';
  const width = spec.labelWidth ?? 0;

  if (axis === 'horizontal') {
    const side = horizontalSide(spec.labelSide);
    if (width > length) {
      throw new DiagramError(
        'does-not-fit',
        spec.modelPath.withField('label'),
        `the label '${text}' is ${width} cells wide but its line has ${length}; widen the gap between the nodes to at least ${width + 2}`,
      );
    }
    const low = Math.min(first.x, last.x);

    return { at: { x: low + Math.floor((length - width) / 2), y: first.y + (side === 'above' ? -1 : 1) }, text };
  }

  const side = verticalSide(spec.labelSide);
  const middle = Math.floor((first.y + last.y) / 2);

  return { at: { x: side === 'right' ? first.x + 2 : first.x - 1 - width, y: middle }, text };
}

/**
 * The side for a label on a horizontal run. A route may turn, so a side meant
 * for a vertical run is read across: `left` as `above`, `right` as `below`.
 */
export function horizontalSide(side: LinkSpec['labelSide']): 'above' | 'below' {
  return side === 'below' || side === 'right' ? 'below' : 'above';
}

/** The side for a label on a vertical run: `above` reads as `left`, `below` as `right`. */
export function verticalSide(side: LinkSpec['labelSide']): 'left' | 'right' {
  return side === 'left' || side === 'above' ? 'left' : 'right';
}

/** The rectangle a route's cells and arrowheads cover. */
export function routeArea(route: Route): Rect {
  const run = route.run;
  if (run === undefined || run.length === 0) {
    const bounds = new CellBounds();
    bounds.addRoute(route);

    return bounds.rect;
  }

  // Straight connectors, the most common, ask for this once each; the run's two ends and the arrowheads bound it.
  const endX = run.x + (run.length - 1) * run.dx;
  const endY = run.y + (run.length - 1) * run.dy;
  let lowX = Math.min(run.x, endX);
  let lowY = Math.min(run.y, endY);
  let highX = Math.max(run.x, endX);
  let highY = Math.max(run.y, endY);
  const heads = route.heads;
  for (let index = 0; index < heads.length; index += 1) {
    const at = (heads[index] as Route['heads'][number]).at;
    lowX = Math.min(lowX, at.x);
    lowY = Math.min(lowY, at.y);
    highX = Math.max(highX, at.x);
    highY = Math.max(highY, at.y);
  }

  return { x: lowX, y: lowY, width: highX - lowX + 1, height: highY - lowY + 1 };
}
