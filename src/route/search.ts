import { SIDES, Side, opposite } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { DiagramError } from '../errors.js';
import { type Rect, bottom, right } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import { centerX, type PlacedNode } from '../layout/place.js';
import type { LinkSpec } from './connect.js';
import { horizontalSide, placeLabel, verticalSide } from './connect.js';
import { endsOwnLineAt, meetingCell, meetingNode, sideRow } from './facing.js';
import { type ObstacleIndex, contains } from './obstacles.js';
import { type Occupancy, Occupant } from './occupancy.js';
import { type Point, type Route, makeRoute } from './types.js';
import type { Typesetter } from '../text/typeset.js';

/** Cells the search may add around the layout to go around nodes at its edge. */
const SEARCH_MARGIN = 2;

/** The largest area searched, so one connector cannot exhaust memory. */
const MAX_SEARCH_CELLS = 1_000_000;

/** Cost of a turn in steps: a route with fewer bends wins over a slightly shorter one. */
const TURN_COST = 4;

/** Cost of crossing an earlier route, so routes cross only to save a long detour. */
const CROSSING_COST = 6;

/** Whether a path heading toward `side` may step into a cell: free, or a line it crosses at right angles. */
function canEnter(occupant: Occupant, side: Side): boolean {
  const movingVertically = side === Side.Up || side === Side.Down;
  if (occupant === Occupant.Free) {
    return true;
  }

  return (occupant === Occupant.Horizontal && movingVertically) || (occupant === Occupant.Vertical && !movingVertically);
}

const STEP: Readonly<Record<Side, Point>> = {
  [Side.Up]: { x: 0, y: -1 },
  [Side.Right]: { x: 1, y: 0 },
  [Side.Down]: { x: 0, y: 1 },
  [Side.Left]: { x: -1, y: 0 },
};

/** The cells where a connector meets one of its nodes on one side. */
interface Port {
  /** The border cell that becomes a joint, for nodes that join their border. */
  readonly joint?: Point;
  /** The arrowhead cell, when this end has one. */
  readonly head?: Point;
  /** The blank cell kept between the end of the node's own line and this end's line. */
  readonly gap?: Point;
  /**
   * Line cells inside the node's rectangle, outward from its drawing to
   * `cell`: the blank cells a container keeps beside its outermost part.
   */
  readonly lane: readonly Point[];
  /** The first line cell outside the node. */
  readonly cell: Point;
  readonly side: Side;
  /** The node's own cell that the line meets, which a line that neither joins a border nor ends in an arrowhead reaches toward. */
  readonly edge: Point;
}

/** The lane of most ports, shared so that a port with no lane allocates none. */
const NO_LANE: readonly Point[] = [];

function offset(point: Point, side: Side, distance = 1): Point {
  const step = STEP[side];

  return { x: point.x + step.x * distance, y: point.y + step.y * distance };
}

/**
 * Returns where a connector meets a node on one side: at the drawing of the
 * node or of its outermost part there, by `meetingNode`. A side that draws
 * nothing to meet gets no port, unless the connector names it (`named`),
 * when the line meets the middle of the node's side.
 */
function port(placed: PlacedNode, side: Side, withHead: boolean, named: boolean, text: Typesetter): Port | undefined {
  const meeting = meetingNode(placed, side);
  const edge = meetingCell(meeting, side, text) ?? (named ? sideMiddle(placed, side, text) : undefined);
  if (edge === undefined) {
    return undefined;
  }

  // A bending route touches a borderless node: a blank margin would leave its end in the open next to a turn.
  // At the end of a rule or other line of the node's own, touching would run the two on as one line whose turn
  // leaves the far end open. There the route stops a blank cell short, as a straight link does, and runs one
  // cell straight before it may turn, so its end reads as facing the line.
  const gap = !withHead && endsOwnLineAt(meeting, side, edge, text);
  const firstLine = withHead || gap ? 2 : 1;
  const outside = Math.max(gap ? firstLine + 1 : firstLine, cellsToSide(placed.rect, edge, side) + 1);
  let lane = NO_LANE;
  if (outside > firstLine) {
    const cells: Point[] = [];
    for (let distance = firstLine; distance < outside; distance += 1) {
      cells.push(offset(edge, side, distance));
    }
    lane = cells;
  }
  const joins = joinsBorder(meeting.node) && !withHead;

  return {
    joint: joins ? edge : undefined,
    head: withHead ? offset(edge, side) : undefined,
    gap: gap ? offset(edge, side) : undefined,
    lane,
    cell: offset(edge, side, outside),
    side,
    edge,
  };
}

/**
 * Rejects a connector end without an arrowhead on the top or bottom of a
 * rule or a line curve's plot, a side the connector names in `field`. A line
 * touching that side would join the node's line as a tee whose two sides end
 * in the open, and a line stopping a blank cell short would end in the open.
 */
function assertEndMeetsLine(placed: PlacedNode, named: readonly Side[] | undefined, withHead: boolean, spec: LinkSpec, field: string, text: Typesetter): void {
  const side = named?.[0];
  if (withHead || (side !== Side.Up && side !== Side.Down)) {
    return;
  }
  const meeting = meetingNode(placed, side);
  if (meeting.node.kind !== 'rule' && meeting.node.kind !== 'curve') {
    return;
  }
  if (!endsOwnLineAt(meeting, side, sideMiddle(placed, side, text), text)) {
    return;
  }

  const name = side === Side.Up ? 'top' : 'bottom';
  const head = field === 'fromSide' ? 'start' : 'end';
  throw new DiagramError(
    'invalid-model',
    spec.modelPath.withField(field),
    `the connector meets the ${name} of '${placed.node.id ?? ''}', a ${meeting.node.kind}, without an arrowhead, so its line would join the ${meeting.node.kind}'s ` +
      `line as a tee and leave both of its ends open; name the left or right side, or set head to '${head}' or 'both'`,
  );
}

/** Returns the middle cell of a node's side, where a line meets it when the connector names a side that draws nothing there. */
function sideMiddle(placed: PlacedNode, side: Side, text: Typesetter): Point {
  const rect = placed.rect;
  const drawnRow = side === Side.Left || side === Side.Right ? sideRow(placed, side, text) : undefined;
  const middleY = drawnRow ?? rect.y + Math.ceil((rect.height - 1) / 2);
  switch (side) {
    case Side.Up:
      return { x: centerX(rect), y: rect.y };
    case Side.Down:
      return { x: centerX(rect), y: bottom(rect) - 1 };
    case Side.Left:
      return { x: rect.x, y: middleY };
    case Side.Right:
      return { x: right(rect) - 1, y: middleY };
  }
}

/** Cells from `point` to the side of `rect` it lies on the way to, `point` left out. */
export function cellsToSide(rect: Rect, point: Point, side: Side): number {
  switch (side) {
    case Side.Up:
      return point.y - rect.y;
    case Side.Down:
      return bottom(rect) - 1 - point.y;
    case Side.Left:
      return point.x - rect.x;
    case Side.Right:
      return right(rect) - 1 - point.x;
  }
}

/**
 * Finds the cheapest orthogonal path between any side of `from` and any side
 * of `to`, around every obstacle, with Dijkstra's algorithm over (cell,
 * heading) states. Turns cost extra so routes keep few bends.
 */
export function searchRoute(from: PlacedNode, to: PlacedNode, spec: LinkSpec, obstacles: ObstacleIndex, occupancy: Occupancy, text: Typesetter): Route {
  const whole = searchArea(obstacles.bounds, from.rect, to.rect);
  const local = nearArea(whole, from.rect, to.rect);
  assertEndMeetsLine(from, spec.exitSides, spec.startHead, spec, 'fromSide', text);
  assertEndMeetsLine(to, spec.entrySides, spec.endHead, spec, 'toSide', text);
  const starts = portsOf(from, spec.exitSides, spec.startHead, text);
  const goals = portsOf(to, spec.entrySides, spec.endHead, text);

  return (
    searchIn(local, from, to, starts, goals, spec, obstacles, occupancy) ??
    searchIn(whole, from, to, starts, goals, spec, obstacles, occupancy) ??
    failNoRoute(spec, from, to, obstacles)
  );
}

function failNoRoute(spec: LinkSpec, from: PlacedNode, to: PlacedNode, obstacles: ObstacleIndex): never {
  const crossed = obstacles.crossedBoxes(from, to)[0];
  if (crossed === undefined) {
    throw noRoute(spec, 'every path between the two nodes is blocked by other nodes');
  }

  const inner = contains(crossed.rect, from.rect) ? from : to;
  throw new DiagramError(
    'no-route',
    spec.modelPath.path,
    `no route for the connector: '${inner.node.id ?? ''}' is inside the box at ${crossed.path.path || 'the root'}, and no path crosses its border ` +
      `to reach it; give that box more padding, move the nodes, or link the box itself`,
  );
}

/** Cells around the two nodes where most routes are found; searching them first keeps many routes cheap in a large diagram. */
const LOCAL_MARGIN = 6;

function nearArea(whole: Rect, a: Rect, b: Rect): Rect {
  const x = Math.max(whole.x, Math.min(a.x, b.x) - LOCAL_MARGIN);
  const y = Math.max(whole.y, Math.min(a.y, b.y) - LOCAL_MARGIN);
  const farX = Math.min(right(whole), Math.max(right(a), right(b)) + LOCAL_MARGIN);
  const farY = Math.min(bottom(whole), Math.max(bottom(a), bottom(b)) + LOCAL_MARGIN);

  return { x, y, width: farX - x, height: farY - y };
}

/** Finds the cheapest route within `area`, or returns undefined when none exists there. */
function searchIn(
  area: Rect,
  from: PlacedNode,
  to: PlacedNode,
  starts: readonly Port[],
  goals: readonly Port[],
  spec: LinkSpec,
  obstacles: ObstacleIndex,
  occupancy: Occupancy,
): Route | undefined {
  if (area.width * area.height > MAX_SEARCH_CELLS) {
    throw noRoute(spec, `the search area of ${area.width}x${area.height} cells is over the limit of ${MAX_SEARCH_CELLS}`);
  }

  const crossed = obstacles.crossedBoxes(from, to);
  const blocking = obstacles.blocking(area, from, to);
  const blocked = blockedCells(area, from, to, obstacles, blocking, occupancy, crossed);
  const facingStates = blockRuleEnds(blocked, area, blocking, starts, goals);
  const isFree = (point: Point): boolean => inside(area, point) && blocked[cellIndex(area, point)] === Occupant.Free;
  // The arrowhead or gap of a port that faces a rule's end is meant to be there, so that rule's margin does not block it.
  const isFacingFree = (point: Point): boolean => inside(area, point) && (facingStates.get(cellIndex(area, point)) ?? blocked[cellIndex(area, point)]) === Occupant.Free;
  // The node's own rectangle is blocked, so a cell inside it, in a lane, needs only to be clear of earlier routes.
  const isOpen = (placed: PlacedNode, point: Point, isClear = isFree): boolean =>
    inside(placed.rect, point) ? occupancy.at(point.x, point.y) === Occupant.Free : isClear(point);
  // A line may also end where it crosses the border of a box around its node, with its arrowhead just inside.
  // The search reaches such a cell only at right angles to the border, so the two join as a cross.
  const isCrossing = (point: Point): boolean =>
    inside(area, point) && blocked[cellIndex(area, point)] !== Occupant.Taken && crossed.some((box) => onEdge(box.rect, point));
  const isUsable = (placed: PlacedNode, end: Port): boolean =>
    (isFree(end.cell) || isCrossing(end.cell)) &&
    (end.head === undefined || isOpen(placed, end.head, isFacingFree)) &&
    (end.gap === undefined || isOpen(placed, end.gap, isFacingFree)) &&
    end.lane.every((cell) => isOpen(placed, cell));
  const usableStarts = starts.filter((start) => isUsable(from, start));
  const usableGoals = goals.filter((goal) => isUsable(to, goal));
  // A port whose arrowhead or gap is outside its node and usable only because of the exemption above.
  const facesRuleEnd = (placed: PlacedNode, end: Port): boolean => {
    const beside = besideEdge(end);

    return beside !== undefined && !inside(placed.rect, beside) && facingStates.has(cellIndex(area, beside));
  };
  // NOTE: a path may reach a goal from behind, through the goal's own lane, arrowhead or gap, which the route's
  // end then draws over. Only a search with a port facing a rule's end rejects such paths. Rejecting them in every
  // search would change other routes and turn some drawings into no-route errors.
  const fromOutsideOnly = usableStarts.some((start) => facesRuleEnd(from, start)) || usableGoals.some((goal) => facesRuleEnd(to, goal));

  const found = dijkstra(area, blocked, crowdedCells(area, blocked), usableStarts, usableGoals, fromOutsideOnly);
  if (found === undefined) {
    return undefined;
  }

  return toRoute(found, spec, (label) => isLabelFree(label, spec, obstacles, occupancy));
}

/** Returns the ports on the sides a connector names, in its order, or on every side that draws something to meet. */
function portsOf(placed: PlacedNode, named: readonly Side[] | undefined, withHead: boolean, text: Typesetter): Port[] {
  const ports: Port[] = [];
  for (const side of named ?? SIDES) {
    const found = port(placed, side, withHead, named !== undefined, text);
    if (found !== undefined) {
      ports.push(found);
    }
  }

  return ports;
}

function noRoute(spec: LinkSpec, reason: string): DiagramError {
  return new DiagramError('no-route', spec.modelPath.path, `no route for the connector: ${reason}; move the nodes so a path exists, or remove the connector`);
}

function searchArea(bounds: Rect, a: Rect, b: Rect): Rect {
  const x = Math.min(bounds.x, a.x, b.x) - SEARCH_MARGIN;
  const y = Math.min(bounds.y, a.y, b.y) - SEARCH_MARGIN;
  const farX = Math.max(right(bounds), right(a), right(b)) + SEARCH_MARGIN;
  const farY = Math.max(bottom(bounds), bottom(a), bottom(b)) + SEARCH_MARGIN;

  return { x, y, width: farX - x, height: farY - y };
}

/** Tells whether a point lies on the outermost rows or columns of a rectangle. */
function onEdge(rect: Rect, point: Point): boolean {
  return inside(rect, point) && (point.x === rect.x || point.y === rect.y || point.x === right(rect) - 1 || point.y === bottom(rect) - 1);
}

function inside(area: Rect, point: Point): boolean {
  return point.x >= area.x && point.y >= area.y && point.x < right(area) && point.y < bottom(area);
}

function cellIndex(area: Rect, point: Point): number {
  return (point.y - area.y) * area.width + (point.x - area.x);
}

/**
 * Marks each cell of the area as free, blocked by a node, or holding an
 * earlier route's straight line, which a path may cross but not follow.
 * The borders of the `crossed` boxes, around one end only, are lines to cross.
 */
function blockedCells(
  area: Rect,
  from: PlacedNode,
  to: PlacedNode,
  obstacles: ObstacleIndex,
  blocking: readonly PlacedNode[],
  occupancy: Occupancy,
  crossed: readonly PlacedNode[],
): Uint8Array {
  const blocked = new Uint8Array(area.width * area.height);
  for (let y = area.y; y < bottom(area); y += 1) {
    for (let x = area.x; x < right(area); x += 1) {
      blocked[cellIndex(area, { x, y })] = occupancy.at(x, y);
    }
  }
  const fill = (rect: Rect): void => {
    for (let y = Math.max(rect.y, area.y); y < Math.min(bottom(rect), bottom(area)); y += 1) {
      for (let x = Math.max(rect.x, area.x); x < Math.min(right(rect), right(area)); x += 1) {
        blocked[cellIndex(area, { x, y })] = Occupant.Taken;
      }
    }
  };
  for (const obstacle of blocking) {
    fill(obstacle.rect);
  }
  fill(from.rect);
  fill(to.rect);
  // A box around both ends keeps the route inside: its border is a wall, not a line to merge into.
  // A box without a border draws nothing at its edge, so its edge cells stay free for the route.
  for (const box of obstacles.enclosingBoxes([from, to])) {
    if (box.node.kind === 'box' && box.node.border === 'none') {
      continue;
    }
    const rect = box.rect;
    fill({ x: rect.x, y: rect.y, width: rect.width, height: 1 });
    fill({ x: rect.x, y: bottom(rect) - 1, width: rect.width, height: 1 });
    fill({ x: rect.x, y: rect.y, width: 1, height: rect.height });
    fill({ x: right(rect) - 1, y: rect.y, width: 1, height: rect.height });
  }
  for (const box of crossed) {
    markCrossing(blocked, area, box);
  }

  return blocked;
}

/**
 * Blocks the column beside each end of every rule in `blocking`, because a
 * rule's end would point into a line passing right beside it. A port of
 * `starts` or `goals` that meets the end of one of these rules, a rule inside
 * an end node, has its arrowhead or its blank gap in that column, facing the
 * rule. Returns, by cell index, the occupant each such cell has apart from
 * that rule's margin, so the caller can check the port as if the margin were
 * not there. Those cells end up blocked like the rest of the margin, so no
 * path runs through them.
 */
function blockRuleEnds(blocked: Uint8Array, area: Rect, blocking: readonly PlacedNode[], starts: readonly Port[], goals: readonly Port[]): Map<number, Occupant> {
  const facing: number[] = [];
  for (const rule of blocking) {
    if (rule.node.kind !== 'rule') {
      continue;
    }
    const rect = rule.rect;
    for (const x of [rect.x - 1, right(rect)]) {
      for (let y = rect.y; y < bottom(rect); y += 1) {
        const cell = { x, y };
        if (!inside(area, cell)) {
          continue;
        }
        if (facesEndAt(starts, rect, cell) || facesEndAt(goals, rect, cell)) {
          facing.push(cellIndex(area, cell));
        } else {
          blocked[cellIndex(area, cell)] = Occupant.Taken;
        }
      }
    }
  }

  // Read once every other margin is in place, so a cell beside a second rule's end stays blocked by that rule.
  const states = new Map<number, Occupant>();
  for (const index of facing) {
    states.set(index, blocked[index] as Occupant);
  }
  for (const index of facing) {
    blocked[index] = Occupant.Taken;
  }

  return states;
}

/** Tells whether one of `ports` meets a line end inside `rect` and has its arrowhead or gap at `cell`. */
function facesEndAt(ports: readonly Port[], rect: Rect, cell: Point): boolean {
  return ports.some((port) => {
    const beside = besideEdge(port);

    return beside !== undefined && beside.x === cell.x && beside.y === cell.y && inside(rect, port.edge);
  });
}

/** Returns the cell next to a port's edge that contains its arrowhead or its gap, or undefined when it has neither. */
function besideEdge(port: Port): Point | undefined {
  return port.head ?? port.gap;
}

/**
 * Marks the border of a box around one end only as a line that the route
 * must cross at right angles: it may neither end, turn nor run along it
 * there, nor cross a corner or a joint. A border of symbols, not lines,
 * cannot join a line, so all of it is blocked.
 */
function markCrossing(blocked: Uint8Array, area: Rect, box: PlacedNode): void {
  const rect = box.rect;
  const lines = joinsBorder(box.node);
  const lastX = right(rect) - 1;
  const lastY = bottom(rect) - 1;
  for (let y = Math.max(rect.y, area.y); y <= Math.min(lastY, bottom(area) - 1); y += 1) {
    for (let x = Math.max(rect.x, area.x); x <= Math.min(lastX, right(area) - 1); x += 1) {
      const across = y === rect.y || y === lastY;
      const along = x === rect.x || x === lastX;
      if (!across && !along) {
        continue;
      }
      const index = cellIndex(area, { x, y });
      const crossable = lines && blocked[index] === Occupant.Free && across !== along;
      if (!crossable) {
        blocked[index] = Occupant.Taken;
      } else {
        blocked[index] = across ? Occupant.Horizontal : Occupant.Vertical;
      }
    }
  }
}

interface Found {
  readonly start: Port;
  readonly goal: Port;
  readonly path: Point[];
}

/**
 * Marks the free cells that touch a blocked one, side by side. A route pays a
 * little extra to pass through them, so it keeps a cell of space from boxes
 * and other lines where it has room, instead of running flush against them.
 */
function crowdedCells(area: Rect, blocked: Uint8Array): Uint8Array {
  const crowded = new Uint8Array(blocked.length);
  for (let index = 0; index < blocked.length; index += 1) {
    if (blocked[index] !== Occupant.Taken) {
      continue;
    }
    const column = index % area.width;
    if (column > 0) {
      crowded[index - 1] = 1;
    }
    if (column + 1 < area.width) {
      crowded[index + 1] = 1;
    }
    if (index >= area.width) {
      crowded[index - area.width] = 1;
    }
    if (index + area.width < blocked.length) {
      crowded[index + area.width] = 1;
    }
  }

  return crowded;
}

/** Cost of a step through a crowded cell, next to a node or line. */
const CROWDED_COST = 1;

/**
 * Finds the cheapest path from a start's cell to a goal's cell. With
 * `fromOutsideOnly`, a path reaches a goal only when it does not arrive
 * heading away from the goal's node.
 */
function dijkstra(area: Rect, blocked: Uint8Array, crowded: Uint8Array, starts: readonly Port[], goals: readonly Port[], fromOutsideOnly: boolean): Found | undefined {
  const states = area.width * area.height * 4;
  const cost = new Float32Array(states).fill(Infinity);
  const previous = new Int32Array(states).fill(-1);
  const queue = new MinHeap();
  const startOf = new Map<number, Port>();

  for (const start of starts) {
    const state = cellIndex(area, start.cell) * 4 + start.side;
    cost[state] = 0;
    startOf.set(state, start);
    queue.push(state, 0);
  }

  const goalByCell = new Map<number, Port>();
  for (const goal of goals) {
    goalByCell.set(cellIndex(area, goal.cell), goal);
  }

  while (queue.size > 0) {
    const [state, stateCost] = queue.pop();
    if (stateCost > (cost[state] ?? Infinity)) {
      continue;
    }

    const cell = Math.floor(state / 4);
    const heading = (state % 4) as Side;
    const goal = goalByCell.get(cell);
    if (goal !== undefined && !(fromOutsideOnly && heading === goal.side)) {
      return { start: startOfPath(state, previous, startOf), goal, path: tracePath(state, previous, area) };
    }

    const point = { x: area.x + (cell % area.width), y: area.y + Math.floor(cell / area.width) };
    const crossing = blocked[cell] !== Occupant.Free;
    for (const side of SIDES) {
      if (side === (heading + 2) % 4 || (crossing && side !== heading)) {
        continue;
      }
      const next = offset(point, side);
      if (!inside(area, next) || !canEnter(blocked[cellIndex(area, next)] ?? Occupant.Taken, side)) {
        continue;
      }
      const nextState = cellIndex(area, next) * 4 + side;
      const nextIndex = cellIndex(area, next);
      const nextCost =
        stateCost + 1 + (side === heading ? 0 : TURN_COST) + (blocked[nextIndex] === Occupant.Free ? 0 : CROSSING_COST) + (crowded[nextIndex] ?? 0) * CROWDED_COST;
      if (nextCost < (cost[nextState] ?? Infinity)) {
        cost[nextState] = nextCost;
        previous[nextState] = state;
        queue.push(nextState, nextCost);
      }
    }
  }

  return undefined;
}

function startOfPath(state: number, previous: Int32Array, startOf: ReadonlyMap<number, Port>): Port {
  let current = state;
  while ((previous[current] ?? -1) !== -1) {
    current = previous[current] ?? -1;
  }
  const start = startOf.get(current);
  if (start === undefined) {
    throw new Error('internal: a route search path does not begin at a start cell');
  }

  return start;
}

function tracePath(state: number, previous: Int32Array, area: Rect): Point[] {
  const path: Point[] = [];
  let current = state;
  while (current !== -1) {
    const cell = Math.floor(current / 4);
    path.push({ x: area.x + (cell % area.width), y: area.y + Math.floor(cell / area.width) });
    current = previous[current] ?? -1;
  }

  return path.reverse();
}

/** Tells whether a label's cells are clear of every node and every earlier route. */
export function isLabelFree(label: NonNullable<Route['label']>, spec: LinkSpec, obstacles: ObstacleIndex, occupancy: Occupancy): boolean {
  const width = spec.labelWidth ?? 0;
  const area = { x: label.at.x, y: label.at.y, width: Math.max(1, width), height: 1 };
  if (obstacles.isBlocked(area)) {
    return false;
  }
  for (let offset = 0; offset < width; offset += 1) {
    if (occupancy.at(label.at.x + offset, label.at.y) !== Occupant.Free) {
      return false;
    }
  }

  return true;
}

function toRoute(found: Found, spec: LinkSpec, isFree: (label: NonNullable<Route['label']>) => boolean): Route {
  const { start, goal, path } = found;
  const cells: Point[] = [];
  if (start.joint) {
    cells.push(start.joint);
  }
  for (const cell of start.lane) {
    cells.push(cell);
  }
  for (const cell of path) {
    cells.push(cell);
  }
  for (let index = goal.lane.length - 1; index >= 0; index -= 1) {
    cells.push(goal.lane[index] as Point);
  }
  if (goal.joint) {
    cells.push(goal.joint);
  }
  const heads: Route['heads'][number][] = [];
  if (start.head) {
    heads.push({ at: start.head, symbol: arrowToward(opposite(start.side)) });
  }
  if (goal.head) {
    heads.push({ at: goal.head, symbol: arrowToward(opposite(goal.side)) });
  }
  const label = spec.label === undefined ? undefined : placeRouteLabel(spec, path, isFree);

  return makeRoute({
    cells,
    weight: spec.weight,
    heads,
    // An end with neither a joint nor an arrowhead reaches into its node, so it touches the node's text.
    endToward: goal.head ?? (goal.joint ? undefined : goal.edge),
    startToward: start.head ?? (start.joint ? undefined : start.edge),
    label,
    role: spec.role,
    style: spec.style,
  });
}

/**
 * Puts a label beside the longest straight run of a path where it covers no
 * node and no earlier route, trying each run from the longest and both sides
 * of each; when no place is clear, beside the longest run.
 */
function placeRouteLabel(spec: LinkSpec, path: readonly Point[], isFree: (label: NonNullable<Route['label']>) => boolean): Route['label'] {
  const runs = straightRuns(path).sort((a, b) => b.length - a.length);
  const placements: NonNullable<Route['label']>[] = [];
  for (const run of runs) {
    const first = run[0];
    const last = run[run.length - 1];
    const axis = first !== undefined && last !== undefined && first.y === last.y ? 'horizontal' : 'vertical';
    const preferred = axis === 'horizontal' ? horizontalSide(spec.labelSide) : verticalSide(spec.labelSide);
    const other = { above: 'below', below: 'above', left: 'right', right: 'left' } as const;
    for (const labelSide of [preferred, other[preferred]]) {
      const placed = tryPlaceLabel({ ...spec, labelSide }, run, axis);
      if (placed !== undefined) {
        placements.push(placed);
        if (isFree(placed)) {
          return placed;
        }
      }
    }
  }

  return placements[0] ?? labelBesideRun(spec, runs[0] ?? [], 'horizontal');
}

/** Centers a label beside a run of cells, or returns undefined for an empty run. */
function labelBesideRun(spec: LinkSpec, run: readonly Point[], axis: 'horizontal' | 'vertical'): Route['label'] {
  const first = run[0];
  const last = run[run.length - 1];

  return first === undefined || last === undefined ? undefined : placeLabel(spec, [first, last], run.length, axis);
}

/** A label beside a run, or undefined when the run is too short to hold it. */
function tryPlaceLabel(spec: LinkSpec, run: readonly Point[], axis: 'horizontal' | 'vertical'): Route['label'] {
  try {
    return labelBesideRun(spec, run, axis);
  } catch (error) {
    if (error instanceof DiagramError) {
      return undefined;
    }
    throw error;
  }
}

/** Splits a path into its straight runs; consecutive runs share their corner cell. */
function straightRuns(path: readonly Point[]): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const point of path) {
    const first = run[0];
    const last = run[run.length - 1];
    const continues =
      first === undefined ||
      last === undefined ||
      run.length < 2 ||
      (first.x === last.x && last.x === point.x) ||
      (first.y === last.y && last.y === point.y);
    if (continues) {
      run.push(point);
    } else {
      runs.push(run);
      run = [last, point];
    }
  }
  runs.push(run);

  return runs;
}

/** A binary min-heap of (state, cost) pairs. */
class MinHeap {
  private readonly states: number[] = [];
  private readonly costs: number[] = [];

  get size(): number {
    return this.states.length;
  }

  push(state: number, cost: number): void {
    this.states.push(state);
    this.costs.push(cost);
    let index = this.states.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((this.costs[parent] ?? 0) <= cost) {
        break;
      }
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.states[0] ?? -1, this.costs[0] ?? Infinity];
    const lastState = this.states.pop();
    const lastCost = this.costs.pop();
    if (this.states.length > 0 && lastState !== undefined && lastCost !== undefined) {
      this.states[0] = lastState;
      this.costs[0] = lastCost;
      this.siftDown();
    }

    return top;
  }

  private siftDown(): void {
    let index = 0;
    const length = this.states.length;
    for (;;) {
      const left = index * 2 + 1;
      const rightChild = left + 1;
      let smallest = index;
      if (left < length && (this.costs[left] ?? 0) < (this.costs[smallest] ?? 0)) {
        smallest = left;
      }
      if (rightChild < length && (this.costs[rightChild] ?? 0) < (this.costs[smallest] ?? 0)) {
        smallest = rightChild;
      }
      if (smallest === index) {
        return;
      }
      this.swap(index, smallest);
      index = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const state = this.states[a] ?? 0;
    const cost = this.costs[a] ?? 0;
    this.states[a] = this.states[b] ?? 0;
    this.costs[a] = this.costs[b] ?? 0;
    this.states[b] = state;
    this.costs[b] = cost;
  }
}
