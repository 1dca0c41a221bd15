import { type Arms, Side, Weight, hasHorizontal, hasVertical, weightOf, withArm } from '../canvas/arms.js';
import { Canvas, CellKind } from '../canvas/canvas.js';
import { DiagramError } from '../errors.js';
import { SPARK_LEVELS, SymbolCode, sparkSymbol } from '../canvas/glyphs.js';
import { PERCENT_WIDTH, BAR_MAX, BAR_WIDTH } from '../layout/defaults.js';
import { type Rect, alignOffset, bottom, horizontalAnchor, right } from '../layout/geometry.js';
import { barLabelWidth } from '../layout/measure.js';
import type { PlacedNode } from '../layout/place.js';
import type { BarNode, BoxNode, CurveNode, DiagramNode, HorizontalAlign, RuleNode } from '../model.js';
import { CellBounds, type Point, type Route, type StraightRun } from '../route/types.js';
import type { Role, Style, Theme } from '../style/style.js';
import type { TypesetBlock, TypesetLine, Typesetter } from '../text/typeset.js';
import { curveGeometry, labelStart } from './curve-geometry.js';
import { titleColumns } from '../layout/title.js';

/** Inputs of painting besides the layout: the typesetter, the theme when colour is on, and the cell limit. */
export interface PaintOptions {
  readonly text: Typesetter;
  /** Undefined when colour is off, so no cell gets a style. */
  readonly theme: Theme | undefined;
  /** Most cells the canvas may have. */
  readonly maxCells: number;
}

/** A canvas plus the role and link in force for the node being painted. */
interface Painter {
  readonly canvas: Canvas;
  readonly options: PaintOptions;
  /** A role set on an ancestor, which replaces the default roles below it. */
  readonly role: Role | undefined;
  readonly link: string | undefined;
  /**
   * Rules and curves, painted after every other node: their free line ends
   * look at the neighbouring cells, which must hold their final lines by then.
   */
  readonly lineWork: (() => void)[];
  /** Box titles, painted last so a connector that joins a top border never cuts through a title. */
  readonly titleWork: (() => void)[];
}

/** Returns the style of a role with a node's own style over it, or undefined when colour is off. */
function styleFor(painter: Painter, role: Role, own: Style | undefined): Style | undefined {
  const theme = painter.options.theme;
  if (theme === undefined) {
    return undefined;
  }
  const base = theme[painter.role ?? role];

  return own === undefined ? base : { ...base, ...own };
}

function styleIdFor(painter: Painter, role: Role, own: Style | undefined): number {
  return painter.canvas.styleId(styleFor(painter, role, own));
}

/** Throws `limit-exceeded` when a drawing of `size` would have more than `maxCells` cells. */
export function assertWithinCells(size: { readonly width: number; readonly height: number }, maxCells: number): void {
  if (size.width * size.height > maxCells) {
    throw new DiagramError(
      'limit-exceeded',
      '',
      `the drawing would be ${size.width} x ${size.height} cells, over the limit maxCells (${maxCells}); make the diagram smaller or raise limits.maxCells`,
    );
  }
}

/** Paints placed nodes, then routes, onto a canvas that covers both. */
export function paintAll(root: PlacedNode, routes: readonly Route[], options: PaintOptions): Canvas {
  const area = coveredArea(root.rect, routes, options.text);
  assertWithinCells(area, options.maxCells);
  const canvas = new Canvas(area.width, area.height, area.x, area.y);
  const painter: Painter = { canvas, options, role: undefined, link: undefined, lineWork: [], titleWork: [] };
  paintNode(painter, root);
  for (const paint of painter.lineWork) {
    paint();
  }
  for (const route of routes) {
    paintRouteLine(painter, route);
  }
  for (const route of routes) {
    const arrowStyle = styleIdFor(painter, route.role ?? 'arrow', route.style);
    for (const head of route.heads) {
      canvas.setSymbol(head.at.x, head.at.y, head.symbol, arrowStyle);
    }
    if (route.label !== undefined) {
      writeLine(painter, route.label.at.x, route.label.at.y, route.label.text, styleFor(painter, route.role ?? 'label', route.style));
    }
  }
  for (const paint of painter.titleWork) {
    paint();
  }

  return canvas;
}

/** Paints a box's title, framed by a space on each side, from column `x` of its top border at row `y`. */
function paintTitle(painter: Painter, y: number, x: number, box: BoxNode): void {
  writeFramed(painter, x, y, [' ', box.title ?? '', ' '], styleFor(painter, 'title', box.style));
}

/** Returns the rectangle that covers the layout and every route cell, arrowhead and label. */
function coveredArea(layout: Rect, routes: readonly Route[], text: Typesetter): Rect {
  const bounds = new CellBounds(layout);
  for (const route of routes) {
    bounds.addRoute(route);
    if (route.label !== undefined) {
      bounds.add(route.label.at.x, route.label.at.y, text.line(route.label.text).width);
    }
  }

  return bounds.rect;
}

/**
 * Paints a node and everything it contains. The work queued for later, and
 * the vertical text, are closures made in functions of their own: V8 (Node
 * 20) allocates the variables that closures capture on every entry to the
 * function that makes them, whichever branch runs, and this one runs once
 * per node.
 */
function paintNode(parent: Painter, placed: PlacedNode): void {
  const node = placed.node;
  const painter = withNode(parent, node);
  const rect = placed.rect;
  const own = node.style;
  switch (node.kind) {
    case 'box': {
      paintBox(painter, placed, node);
      const columns = titleColumns(node, rect, painter.options.text);
      if (columns !== undefined) {
        queueTitle(painter, rect.y, columns.start, node);
      }
      break;
    }
    case 'text':
      paintText(painter, rect, textLines(placed, node.text, painter), node.align ?? 'left', styleFor(painter, 'label', own));
      break;
    case 'vtext':
      paintVerticalText(painter, rect, node.text, own);
      break;
    case 'tag': {
      const padding = ' '.repeat(node.padding ?? 0);
      writeFramed(painter, rect.x, rect.y, [`[${padding}`, node.text, `${padding}]`], styleFor(painter, 'label', own));
      break;
    }
    case 'rule':
    case 'curve':
      queueLineWork(painter, rect, node);
      break;
    case 'bar':
      paintBar(painter, rect, node);
      break;
    default:
      break;
  }

  // An index loop: allocation samples showed this for-of making an iterator per node and a result per part.
  for (let index = 0; index < placed.parts.length; index += 1) {
    const part = placed.parts[index] as PlacedNode;
    paintNode(painter, part);
  }
}

/** Queues a box title, painted last so that no connector cuts through it. */
function queueTitle(painter: Painter, y: number, x: number, box: BoxNode): void {
  painter.titleWork.push(() => paintTitle(painter, y, x, box));
}

/** Queues a rule or curve, painted after every other node because its free line ends look at the cells beside them. */
function queueLineWork(painter: Painter, rect: Rect, node: RuleNode | CurveNode): void {
  painter.lineWork.push(() => (node.kind === 'rule' ? paintRule(painter, rect, node) : paintCurve(painter, rect, node)));
}

function paintVerticalText(painter: Painter, rect: Rect, text: string, own: Style | undefined): void {
  painter.options.text.line(text).glyphs.forEach((letter, index) => {
    const x = rect.x + alignOffset(rect.width, letter.width, 'center');
    painter.canvas.writeText(x, rect.y + index, [letter], styleFor(painter, 'label', own), painter.link);
  });
}

/** Returns the painter for a node, whose role and link pass to everything it contains. */
function withNode(parent: Painter, node: DiagramNode): Painter {
  const link = 'link' in node && node.link !== undefined ? node.link : parent.link;
  if (node.role === undefined && link === parent.link) {
    return parent;
  }

  return { canvas: parent.canvas, options: parent.options, role: node.role ?? parent.role, link, lineWork: parent.lineWork, titleWork: parent.titleWork };
}

export function writeLine(painter: Painter, x: number, y: number, text: string, style: Style | undefined): number {
  return painter.canvas.writeText(x, y, painter.options.text.line(text).glyphs, style, painter.link);
}

/**
 * Writes a label between frame pieces, such as the brackets of a tag,
 * typesetting each piece alone so tab stops count from the label's start.
 */
function writeFramed(painter: Painter, x: number, y: number, pieces: readonly [string, string, string], style: Style | undefined): void {
  let column = x;
  for (const piece of pieces) {
    column = writeLine(painter, column, y, piece, style);
  }
}

/** Returns the typeset lines of a text node from the block measuring found, without asking the typesetter again. */
function textLines(placed: PlacedNode, text: string, painter: Painter): readonly TypesetLine[] {
  return (placed.size as Partial<TypesetBlock>).lines ?? painter.options.text.lines(text);
}

function paintText(painter: Painter, rect: Rect, lines: readonly TypesetLine[], align: HorizontalAlign, style: Style | undefined): void {
  const anchor = horizontalAnchor(align);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as TypesetLine;
    const x = rect.x + alignOffset(rect.width, line.width, anchor);
    painter.canvas.writeText(x, rect.y + index, line.glyphs, style, painter.link);
  }
}

/**
 * The dividers of a box without any. Shared, and read by index, because a
 * `[]` literal and a for-of loop allocated an array, an iterator and a
 * result object for every box painted.
 */
const NO_DIVIDERS: readonly number[] = [];

function paintBox(painter: Painter, placed: PlacedNode, box: BoxNode): void {
  const rect = placed.rect;
  const border = box.border ?? 'light';
  if (border === 'none' || rect.width === 0 || rect.height === 0) {
    return;
  }

  const canvas = painter.canvas;
  const style = styleIdFor(painter, 'border', box.style);
  const lastX = right(rect) - 1;
  const lastY = bottom(rect) - 1;
  if (border === 'shade' || border === 'ascii') {
    paintSymbolBorder(canvas, rect, border, style);
    const dividers = placed.dividers ?? NO_DIVIDERS;
    for (let index = 0; index < dividers.length; index += 1) {
      const y = dividers[index] as number;
      for (let x = rect.x + 1; x < lastX; x += 1) {
        canvas.setSymbol(x, y, border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiHorizontal, style);
      }
    }
  } else {
    const weight = weightOf(border === 'rounded' ? 'light' : border);
    canvas.outline(rect.x, rect.y, lastX, lastY, weight, style);
    if (border === 'rounded') {
      for (const [x, y] of [[rect.x, rect.y], [lastX, rect.y], [rect.x, lastY], [lastX, lastY]] as const) {
        canvas.markRounded(x, y);
      }
    }
    const dividerWeight = weight === Weight.Double ? Weight.Light : weight;
    const dividers = placed.dividers ?? NO_DIVIDERS;
    for (let index = 0; index < dividers.length; index += 1) {
      canvas.horizontalLine(rect.x, lastX, dividers[index] as number, dividerWeight, style);
    }
  }
}

function paintSymbolBorder(canvas: Canvas, rect: Rect, border: 'shade' | 'ascii', style: number): void {
  const lastX = right(rect) - 1;
  const lastY = bottom(rect) - 1;
  const horizontal = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiHorizontal;
  const vertical = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiVertical;
  const corner = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiCorner;
  for (let x = rect.x; x <= lastX; x += 1) {
    const isCorner = x === rect.x || x === lastX;
    canvas.setSymbol(x, rect.y, isCorner ? corner : horizontal, style);
    canvas.setSymbol(x, lastY, isCorner ? corner : horizontal, style);
  }
  for (let y = rect.y + 1; y < lastY; y += 1) {
    canvas.setSymbol(rect.x, y, vertical, style);
    canvas.setSymbol(lastX, y, vertical, style);
  }
}

function paintRule(painter: Painter, rect: Rect, rule: RuleNode): void {
  if (rect.width === 0) {
    return;
  }

  const canvas = painter.canvas;
  const weight = weightOf(rule.line ?? 'light');
  const style = styleIdFor(painter, 'border', rule.style);
  // A rule between two vertical borders joins both, so `│──│` draws as `├──┤`.
  // Joining only one would leave a line that leaves a joint and ends in the open.
  drawFreeLine(canvas, rect.x, right(rect) - 1, rect.y, weight, style);
  if (rule.caption !== undefined) {
    const width = painter.options.text.line(rule.caption).width + 2;
    writeFramed(painter, rect.x + alignOffset(rect.width, width, 'center'), rect.y, [' ', rule.caption, ' '], styleFor(painter, 'title', rule.style));
  }
}

/**
 * Draws a horizontal line that belongs to no joint, such as a rule or a
 * baseline. Between two vertical borders it joins both, so `│──│` draws as
 * `├──┤`. Against any other line on a side it stops a cell short there,
 * because joining would leave a line that leaves a joint and ends in the open
 * or turn a corner into a tee.
 */
function drawFreeLine(canvas: Canvas, x0: number, x1: number, y: number, weight: Weight, style: number): void {
  const touchesLeft = isLineCell(canvas, x0 - 1, y);
  const touchesRight = isLineCell(canvas, x1 + 1, y);
  const joins = isVerticalLine(canvas, x0 - 1, y) && isVerticalLine(canvas, x1 + 1, y);
  let start = x0;
  let end = x1;
  if (joins) {
    start -= 1;
    end += 1;
  } else {
    start += touchesLeft ? 1 : 0;
    end -= touchesRight ? 1 : 0;
  }
  if (start <= end) {
    canvas.horizontalLine(start, end, y, weight, style);
  }
}

function isLineCell(canvas: Canvas, x: number, y: number): boolean {
  const inside = x >= canvas.originX && x < canvas.originX + canvas.width && y >= canvas.originY && y < canvas.originY + canvas.height;

  return inside && canvas.kindAt(x, y) === CellKind.Line;
}

function isVerticalLine(canvas: Canvas, x: number, y: number): boolean {
  const inside = x >= canvas.originX && x < canvas.originX + canvas.width && y >= canvas.originY && y < canvas.originY + canvas.height;

  return inside && canvas.kindAt(x, y) === CellKind.Line && hasVertical(canvas.armsAt(x, y)) && !hasHorizontal(canvas.armsAt(x, y));
}

/** Draws `label [████░░░░] 40%`; the fill is the value's share of the width, rounded to the nearest cell. */
function paintBar(painter: Painter, rect: Rect, bar: BarNode): void {
  const canvas = painter.canvas;
  const labelWidth = barLabelWidth(bar, painter.options.text);
  const width = bar.width ?? BAR_WIDTH;
  const max = bar.max ?? BAR_MAX;
  const share = max === 0 ? 0 : bar.value / max;
  const filled = Math.round(share * width);
  const label = styleFor(painter, 'label', bar.style);
  let x = rect.x;
  if (labelWidth > 0) {
    writeLine(painter, x, rect.y, bar.label ?? '', label);
    x += labelWidth + 1;
  }

  writeLine(painter, x, rect.y, '[', label);
  const fill = styleIdFor(painter, 'barFill', bar.style);
  const track = styleIdFor(painter, 'barTrack', bar.style);
  for (let cell = 0; cell < width; cell += 1) {
    const isFilled = cell < filled;
    canvas.setSymbol(x + 1 + cell, rect.y, isFilled ? SymbolCode.BarFill : SymbolCode.BarTrack, isFilled ? fill : track);
  }
  writeLine(painter, x + 1 + width, rect.y, ']', label);
  if (bar.percent !== false) {
    const percent = `${Math.round(share * 100)}%`.padStart(PERCENT_WIDTH);
    writeLine(painter, x + width + 3, rect.y, percent, label);
  }
}

interface Scale {
  readonly low: number;
  readonly high: number;
}

function curveScale(curve: CurveNode): Scale {
  let smallest = Infinity;
  let largest = -Infinity;
  for (const value of curve.values) {
    smallest = Math.min(smallest, value);
    largest = Math.max(largest, value);
  }

  return { low: curve.min ?? Math.min(0, smallest), high: curve.max ?? largest };
}

/** Maps each value to a level from 0 to `levels - 1`. */
function levelsOf(values: readonly number[], scale: Scale, levels: number): Int32Array {
  const result = new Int32Array(values.length);
  // Halving first keeps the range finite for values near the largest double, such as 1e308 and -1e308.
  const range = scale.high / 2 - scale.low / 2;
  if (!(range > 0)) {
    return result;
  }
  const low = scale.low / 2;
  const top = levels - 1;
  for (let index = 0; index < values.length; index += 1) {
    // Dividing by the range before scaling keeps precision at both ends of the double range,
    // where top / range would overflow (ranges under about 1e-308) or lose digits (near 1e308).
    const level = Math.round((((values[index] ?? 0) / 2 - low) / range) * top);
    result[index] = Math.min(top, Math.max(0, level));
  }

  return result;
}

function paintCurve(painter: Painter, rect: Rect, curve: CurveNode): void {
  const canvas = painter.canvas;
  const geometry = curveGeometry(curve, painter.options.text);
  const scale = curveScale(curve);
  const originX = rect.x + geometry.originX;
  const style = styleIdFor(painter, 'curve', curve.style);
  if (curve.shape === 'line') {
    paintLineCurve(canvas, rect, curve, { scale, originX, rows: geometry.plotRows, style });
  } else {
    levelsOf(curve.values, scale, SPARK_LEVELS).forEach((level, index) => {
      canvas.setSymbol(originX + index, rect.y, sparkSymbol(level), style);
    });
  }

  const markerStyle = styleIdFor(painter, 'emphasis', curve.style);
  for (const marker of curve.markers ?? []) {
    const x = originX + marker.at;
    canvas.setSymbol(x, rect.y + geometry.markerRow, marker.symbol === 'bound' ? SymbolCode.MarkerBound : SymbolCode.MarkerArrow, markerStyle);
    if (marker.label !== undefined) {
      const width = painter.options.text.line(marker.label).width;
      writeLine(painter, labelStart(x, width), rect.y + geometry.labelRow, marker.label, styleFor(painter, 'label', curve.style));
    }
  }
}

interface LinePlot {
  readonly scale: Scale;
  readonly originX: number;
  readonly rows: number;
  readonly style: number;
}

/**
 * Draws a line curve over a baseline. Between two neighbouring values it
 * draws the slope in the column of the lower one: `╱` rising to the right,
 * `╲` falling, stacked over as many rows as the values are apart. A column
 * that is the foot of both a fall and a rise draws `╳` where they meet. Rows
 * where a value stays level draw `─`.
 */
function paintLineCurve(canvas: Canvas, rect: Rect, curve: CurveNode, plot: LinePlot): void {
  const count = curve.values.length;
  const levels = levelsOf(curve.values, plot.scale, plot.rows);
  const rowOf = (level: number): number => rect.y + plot.rows - 1 - level;
  const margin = curve.margin ?? 0;
  drawFreeLine(canvas, plot.originX - margin, plot.originX + count - 1 + margin, rowOf(0), Weight.Light, plot.style);

  // A column's slopes start at its own level: `╱` up to the next value when that is higher,
  // `╲` up to the previous value when that is higher, and `╳` where both reach.
  let runStart = -1;
  for (let index = 0; index <= count; index += 1) {
    const level = index < count ? (levels[index] ?? 0) : 0;
    const rise = index + 1 < count ? Math.max(level, levels[index + 1] ?? 0) : level;
    const fall = index > 0 && index < count ? Math.max(level, levels[index - 1] ?? 0) : level;
    const x = plot.originX + index;
    for (let slope = level; slope < Math.max(rise, fall); slope += 1) {
      canvas.setSymbol(x, rowOf(slope), slopeSymbol(slope < rise, slope < fall), plot.style);
    }

    // Flat stretches above the baseline are lines too, drawn run by run so their ends keep clear of borders.
    const flat = level > 0 && rise === level && fall === level;
    if (runStart >= 0 && !(flat && levels[runStart] === level)) {
      drawFreeLine(canvas, plot.originX + runStart, x - 1, rowOf(levels[runStart] ?? 0), Weight.Light, plot.style);
      runStart = -1;
    }
    if (flat && runStart < 0) {
      runStart = index;
    }
  }
}

/** Picks the slope symbol of a cell that a rise to the right, a fall from the left, or both pass through. */
function slopeSymbol(rising: boolean, falling: boolean): SymbolCode {
  if (rising && falling) {
    return SymbolCode.SlopeCross;
  }

  return rising ? SymbolCode.SlopeUp : SymbolCode.SlopeDown;
}

/**
 * Returns the cell behind a route's free vertical end at (x, y) when it
 * contains a horizontal line: a border, rule or baseline of a node the route
 * leaves or enters. The route joins it there, so `│` under `─` becomes `┬`
 * instead of an open joint. `next` is the route's cell or arrowhead after
 * the end, if any.
 */
function crossedLineBehind(canvas: Canvas, x: number, y: number, next: Point | undefined): Point | undefined {
  return next === undefined ? undefined : lineBehind(canvas, x, y, 2 * x - next.x, 2 * y - next.y);
}

/** Returns (behindX, behindY), the cell on the far side of a free vertical end at (x, y), when the route joins a line there. */
function lineBehind(canvas: Canvas, x: number, y: number, behindX: number, behindY: number): Point | undefined {
  if (behindX < canvas.originX || behindY < canvas.originY || behindX >= canvas.originX + canvas.width || behindY >= canvas.originY + canvas.height) {
    return undefined;
  }
  if (canvas.kindAt(behindX, behindY) !== CellKind.Line || canvas.kindAt(x, y) === CellKind.Line) {
    return undefined;
  }
  // Only a vertical end joins: a horizontal end beside a node keeps its blank margin, and a bus ends where its last stem is.
  const vertical = behindX === x;

  return vertical && hasHorizontal(canvas.armsAt(behindX, behindY)) ? { x: behindX, y: behindY } : undefined;
}

function paintRouteLine(painter: Painter, route: Route): void {
  const style = styleIdFor(painter, route.role ?? 'arrow', route.style);
  const run = route.run;
  if (run === undefined) {
    paintCells(painter.canvas, route, route.cells, style);
  } else if (run.length > 0) {
    paintRun(painter.canvas, route, run, style);
  }
}

/**
 * Paints a straight run. Inner cells join both neighbours, and only the two
 * ends look beyond the run, so a run of thousands of cells makes no point objects.
 */
function paintRun(canvas: Canvas, route: Route, run: StraightRun, style: number): void {
  const { x, y, dx, dy } = run;
  const weight = route.weight;
  const lastIndex = run.length - 1;
  const lastX = x + lastIndex * dx;
  const lastY = y + lastIndex * dy;
  // A run of one cell looks past each end toward the arrowhead at its other end.
  let startJoint: Point | undefined;
  if (route.startToward === undefined) {
    startJoint = lastIndex > 0 ? lineBehind(canvas, x, y, x - dx, y - dy) : crossedLineBehind(canvas, x, y, route.endToward);
  }
  let endJoint: Point | undefined;
  if (route.endToward === undefined) {
    endJoint = lastIndex > 0 ? lineBehind(canvas, lastX, lastY, lastX + dx, lastY + dy) : crossedLineBehind(canvas, lastX, lastY, route.startToward);
  }
  if (startJoint !== undefined) {
    canvas.addArms(startJoint.x, startJoint.y, withArm(0, sideOfStep(x - startJoint.x, y - startJoint.y), weight), style);
  }
  if (endJoint !== undefined) {
    canvas.addArms(endJoint.x, endJoint.y, withArm(0, sideOfStep(lastX - endJoint.x, lastY - endJoint.y), weight), style);
  }

  const forward = withArm(0, sideOfStep(dx, dy), weight);
  const backward = withArm(0, sideOfStep(-dx, -dy), weight);
  let startArms = armTowardPoint(armTowardPoint(lastIndex > 0 ? forward : 0, x, y, startJoint, weight), x, y, route.startToward, weight);
  if (lastIndex === 0) {
    startArms = armTowardPoint(armTowardPoint(startArms, x, y, endJoint, weight), x, y, route.endToward, weight);
    canvas.addArms(x, y, startArms, style);

    return;
  }
  canvas.addArms(x, y, startArms, style);
  for (let index = 1; index < lastIndex; index += 1) {
    canvas.addArms(x + index * dx, y + index * dy, backward | forward, style);
  }
  canvas.addArms(lastX, lastY, armTowardPoint(armTowardPoint(backward, lastX, lastY, endJoint, weight), lastX, lastY, route.endToward, weight), style);
}

/** Paints a route given cell by cell, each cell joined to the one before and after it. */
function paintCells(canvas: Canvas, route: Route, cells: readonly Point[], style: number): void {
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (first === undefined || last === undefined) {
    return;
  }
  const weight = route.weight;
  const lastIndex = cells.length - 1;
  const startJoint = route.startToward === undefined ? crossedLineBehind(canvas, first.x, first.y, cells[1] ?? route.endToward) : undefined;
  const endJoint = route.endToward === undefined ? crossedLineBehind(canvas, last.x, last.y, cells[lastIndex - 1] ?? route.startToward) : undefined;
  if (startJoint !== undefined) {
    canvas.addArms(startJoint.x, startJoint.y, armToward(0, startJoint, first, weight), style);
  }
  if (endJoint !== undefined) {
    canvas.addArms(endJoint.x, endJoint.y, armToward(0, endJoint, last, weight), style);
  }
  for (let index = 0; index <= lastIndex; index += 1) {
    const cell = cells[index] as Point;
    let arms = armToward(armToward(0, cell, cells[index - 1], weight), cell, cells[index + 1], weight);
    // The first and last cells also reach toward a joint or an arrowhead beyond them.
    if (index === 0) {
      arms = armToward(armToward(arms, cell, startJoint, weight), cell, route.startToward, weight);
    }
    if (index === lastIndex) {
      arms = armToward(armToward(arms, cell, endJoint, weight), cell, route.endToward, weight);
    }
    canvas.addArms(cell.x, cell.y, arms, style);
  }
}

/** Returns the side a one-cell step of (dx, dy) moves toward. */
function sideOfStep(dx: number, dy: number): Side {
  if (dx > 0) {
    return Side.Right;
  }
  if (dx < 0) {
    return Side.Left;
  }

  return dy > 0 ? Side.Down : Side.Up;
}

/** Adds to `arms` an arm of `weight` from `cell` toward a neighbouring cell, when there is one. */
function armToward(arms: Arms, cell: Point, neighbour: Point | undefined, weight: Weight): Arms {
  return armTowardPoint(arms, cell.x, cell.y, neighbour, weight);
}

/** Adds to `arms` an arm of `weight` from cell (x, y) toward a neighbouring cell, when there is one. */
function armTowardPoint(arms: Arms, x: number, y: number, neighbour: Point | undefined, weight: Weight): Arms {
  return neighbour === undefined ? arms : withArm(arms, sideOfStep(neighbour.x - x, neighbour.y - y), weight);
}
