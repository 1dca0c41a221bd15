import { Side, Weight, weightOf, withArm } from '../canvas/arms.js';
import { Canvas } from '../canvas/canvas.js';
import { SPARK_LEVELS, SymbolCode, sparkSymbol } from '../canvas/glyphs.js';
import { PERCENT_WIDTH, BAR_MAX, BAR_WIDTH } from '../layout/defaults.js';
import { type Rect, alignOffset, bottom, right } from '../layout/geometry.js';
import { barLabelWidth } from '../layout/measure.js';
import type { PlacedNode } from '../layout/place.js';
import type { BarNode, BoxNode, CurveNode, HorizontalAlign, RuleNode } from '../model.js';
import type { Point, Route } from '../route/types.js';
import { displayWidth, graphemes, splitLines } from '../text/width.js';
import { curveGeometry, labelStart } from './curve-geometry.js';

/** Paints placed nodes, then routes, onto a canvas that covers both. */
export function paintAll(root: PlacedNode, routes: readonly Route[]): Canvas {
  const area = coveredArea(root.rect, routes);
  const canvas = new Canvas(area.width, area.height, area.x, area.y);
  paintNode(canvas, root);
  for (const route of routes) {
    paintRouteLine(canvas, route);
  }
  for (const route of routes) {
    for (const head of route.heads) {
      canvas.setSymbol(head.at.x, head.at.y, head.symbol);
    }
    if (route.label !== undefined) {
      writeLine(canvas, route.label.at.x, route.label.at.y, route.label.text);
    }
  }

  return canvas;
}

/** The rectangle holding the layout and every route cell, arrowhead and label. */
function coveredArea(layout: Rect, routes: readonly Route[]): Rect {
  let low: Point = { x: layout.x, y: layout.y };
  let high: Point = { x: right(layout), y: bottom(layout) };
  const include = (x: number, y: number, width = 1): void => {
    low = { x: Math.min(low.x, x), y: Math.min(low.y, y) };
    high = { x: Math.max(high.x, x + width), y: Math.max(high.y, y + 1) };
  };
  for (const route of routes) {
    route.cells.forEach((cell) => include(cell.x, cell.y));
    route.heads.forEach((head) => include(head.at.x, head.at.y));
    if (route.label !== undefined) {
      include(route.label.at.x, route.label.at.y, displayWidth(route.label.text));
    }
  }

  return { x: low.x, y: low.y, width: high.x - low.x, height: high.y - low.y };
}

function paintNode(canvas: Canvas, placed: PlacedNode): void {
  const node = placed.node;
  const rect = placed.rect;
  switch (node.kind) {
    case 'box':
      paintBox(canvas, placed, node);
      break;
    case 'text':
      paintText(canvas, rect, splitLines(node.text), node.align ?? 'left');
      break;
    case 'vtext':
      graphemes(node.text).forEach((letter, index) => {
        canvas.writeText(rect.x + alignOffset(rect.width, letter.width, 'center'), rect.y + index, [letter]);
      });
      break;
    case 'tag': {
      const padding = ' '.repeat(node.padding ?? 0);
      writeLine(canvas, rect.x, rect.y, `[${padding}${node.text}${padding}]`);
      break;
    }
    case 'rule':
      paintRule(canvas, rect, node);
      break;
    case 'bar':
      paintBar(canvas, rect, node);
      break;
    case 'curve':
      paintCurve(canvas, rect, node);
      break;
    default:
      break;
  }

  if (placed.source !== undefined) {
    paintNode(canvas, placed.source);
  }
  for (const child of placed.children) {
    paintNode(canvas, child);
  }
  if (placed.sink !== undefined) {
    paintNode(canvas, placed.sink);
  }
}

export function writeLine(canvas: Canvas, x: number, y: number, text: string): void {
  canvas.writeText(x, y, graphemes(text));
}

function paintText(canvas: Canvas, rect: Rect, lines: readonly string[], align: HorizontalAlign): void {
  const anchor = align === 'left' ? 'start' : align === 'center' ? 'center' : 'end';
  lines.forEach((line, index) => {
    writeLine(canvas, rect.x + alignOffset(rect.width, displayWidth(line), anchor), rect.y + index, line);
  });
}

function paintBox(canvas: Canvas, placed: PlacedNode, box: BoxNode): void {
  const rect = placed.rect;
  const border = box.border ?? 'light';
  if (border === 'none' || rect.width === 0 || rect.height === 0) {
    return;
  }

  const lastX = right(rect) - 1;
  const lastY = bottom(rect) - 1;
  if (border === 'shade' || border === 'ascii') {
    paintSymbolBorder(canvas, rect, border);
    for (const y of placed.dividers ?? []) {
      for (let x = rect.x + 1; x < lastX; x += 1) {
        canvas.setSymbol(x, y, border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiHorizontal);
      }
    }
  } else {
    const weight = weightOf(border === 'rounded' ? 'light' : border);
    canvas.horizontalLine(rect.x, lastX, rect.y, weight);
    canvas.horizontalLine(rect.x, lastX, lastY, weight);
    canvas.verticalLine(rect.x, rect.y, lastY, weight);
    canvas.verticalLine(lastX, rect.y, lastY, weight);
    if (border === 'rounded') {
      for (const [x, y] of [[rect.x, rect.y], [lastX, rect.y], [rect.x, lastY], [lastX, lastY]] as const) {
        canvas.markRounded(x, y);
      }
    }
    const dividerWeight = weight === Weight.Double ? Weight.Light : weight;
    for (const y of placed.dividers ?? []) {
      canvas.horizontalLine(rect.x, lastX, y, dividerWeight);
    }
  }

  if (box.title !== undefined) {
    const label = ` ${box.title} `;
    const room = rect.width - 4;
    const anchor = box.titleAlign === 'center' ? 'center' : box.titleAlign === 'right' ? 'end' : 'start';
    writeLine(canvas, rect.x + 2 + alignOffset(room, displayWidth(label), anchor), rect.y, label);
  }
}

function paintSymbolBorder(canvas: Canvas, rect: Rect, border: 'shade' | 'ascii'): void {
  const lastX = right(rect) - 1;
  const lastY = bottom(rect) - 1;
  const horizontal = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiHorizontal;
  const vertical = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiVertical;
  const corner = border === 'shade' ? SymbolCode.Shade : SymbolCode.AsciiCorner;
  for (let x = rect.x; x <= lastX; x += 1) {
    const isCorner = x === rect.x || x === lastX;
    canvas.setSymbol(x, rect.y, isCorner ? corner : horizontal);
    canvas.setSymbol(x, lastY, isCorner ? corner : horizontal);
  }
  for (let y = rect.y + 1; y < lastY; y += 1) {
    canvas.setSymbol(rect.x, y, vertical);
    canvas.setSymbol(lastX, y, vertical);
  }
}

function paintRule(canvas: Canvas, rect: Rect, rule: RuleNode): void {
  if (rect.width === 0) {
    return;
  }

  canvas.horizontalLine(rect.x, right(rect) - 1, rect.y, weightOf(rule.line ?? 'light'));
  if (rule.caption !== undefined) {
    const label = ` ${rule.caption} `;
    writeLine(canvas, rect.x + alignOffset(rect.width, displayWidth(label), 'center'), rect.y, label);
  }
}

/** Draws `label [████░░░░] 40%`; the fill is the value's share of the width, rounded to the nearest cell. */
function paintBar(canvas: Canvas, rect: Rect, bar: BarNode): void {
  const labelWidth = barLabelWidth(bar);
  const width = bar.width ?? BAR_WIDTH;
  const max = bar.max ?? BAR_MAX;
  const share = max === 0 ? 0 : bar.value / max;
  const filled = Math.round(share * width);
  let x = rect.x;
  if (labelWidth > 0) {
    writeLine(canvas, x, rect.y, bar.label ?? '');
    x += labelWidth + 1;
  }

  writeLine(canvas, x, rect.y, '[');
  for (let cell = 0; cell < width; cell += 1) {
    canvas.setSymbol(x + 1 + cell, rect.y, cell < filled ? SymbolCode.BarFill : SymbolCode.BarTrack);
  }
  writeLine(canvas, x + 1 + width, rect.y, ']');
  if (bar.percent !== false) {
    const percent = `${Math.round(share * 100)}%`.padStart(PERCENT_WIDTH);
    writeLine(canvas, x + width + 3, rect.y, percent);
  }
}

interface Scale {
  readonly low: number;
  readonly high: number;
}

function curveScale(curve: CurveNode): Scale {
  const smallest = Math.min(...curve.values);
  const largest = Math.max(...curve.values);

  return { low: curve.min ?? Math.min(0, smallest), high: curve.max ?? largest };
}

/** Maps a value to a level from 0 to `levels - 1`. */
function levelOf(value: number, scale: Scale, levels: number): number {
  const range = scale.high - scale.low;
  if (range <= 0) {
    return 0;
  }
  const level = Math.round(((value - scale.low) / range) * (levels - 1));

  return Math.min(levels - 1, Math.max(0, level));
}

function paintCurve(canvas: Canvas, rect: Rect, curve: CurveNode): void {
  const geometry = curveGeometry(curve);
  const scale = curveScale(curve);
  const originX = rect.x + geometry.originX;
  if (curve.style === 'line') {
    paintLineCurve(canvas, rect, curve, scale, originX, geometry.plotRows);
  } else {
    curve.values.forEach((value, index) => {
      canvas.setSymbol(originX + index, rect.y, sparkSymbol(levelOf(value, scale, SPARK_LEVELS)));
    });
  }

  for (const marker of curve.markers ?? []) {
    const x = originX + marker.at;
    canvas.setSymbol(x, rect.y + geometry.markerRow, marker.symbol === 'bound' ? SymbolCode.MarkerBound : SymbolCode.MarkerArrow);
    if (marker.label !== undefined) {
      writeLine(canvas, labelStart(x, displayWidth(marker.label)), rect.y + geometry.labelRow, marker.label);
    }
  }
}

/**
 * Draws a line curve over a baseline: `╱` where the next value is higher,
 * `╲` where the previous one was, `─` where it is flat. A jump of several
 * levels stacks slopes in one column.
 */
function paintLineCurve(canvas: Canvas, rect: Rect, curve: CurveNode, scale: Scale, originX: number, rows: number): void {
  const levels = curve.values.map((value) => levelOf(value, scale, rows));
  const rowOf = (level: number): number => rect.y + rows - 1 - level;
  const baselineY = rowOf(0);
  const margin = curve.margin ?? 0;
  canvas.horizontalLine(originX - margin, originX + curve.values.length - 1 + margin, baselineY, Weight.Light);

  levels.forEach((level, index) => {
    const x = originX + index;
    const next = levels[index + 1];
    const previous = levels[index - 1];
    if (next !== undefined && next > level) {
      for (let step = level; step < next; step += 1) {
        canvas.setSymbol(x, rowOf(step), SymbolCode.SlopeUp);
      }
    } else if (previous !== undefined && previous > level) {
      for (let step = level; step < previous; step += 1) {
        canvas.setSymbol(x, rowOf(step), SymbolCode.SlopeDown);
      }
    } else if (level > 0) {
      canvas.addArms(x, rowOf(level), withArm(withArm(0, Side.Left, Weight.Light), Side.Right, Weight.Light));
    }
  });
}

function paintRouteLine(canvas: Canvas, route: Route): void {
  const cells = route.cells;
  cells.forEach((cell, index) => {
    let arms = 0;
    const neighbours = [cells[index - 1], cells[index + 1]];
    if (index === 0 && route.startToward !== undefined) {
      neighbours.push(route.startToward);
    }
    if (index === cells.length - 1 && route.endToward !== undefined) {
      neighbours.push(route.endToward);
    }
    for (const neighbour of neighbours) {
      if (neighbour !== undefined) {
        arms = withArm(arms, sideToward(cell, neighbour), route.weight);
      }
    }
    canvas.addArms(cell.x, cell.y, arms);
  });
}

function sideToward(from: Point, to: Point): Side {
  if (to.x > from.x) {
    return Side.Right;
  }
  if (to.x < from.x) {
    return Side.Left;
  }

  return to.y > from.y ? Side.Down : Side.Up;
}
