import { Side, type Weight } from '../canvas/arms.js';
import { arrowToward } from '../canvas/glyphs.js';
import { alignOffset, bottom, horizontalAnchor } from '../layout/geometry.js';
import { joinsBorder } from '../layout/chain.js';
import { type PlacedNode, centerX } from '../layout/place.js';
import type { BarNode, DiagramNode } from '../model.js';
import { BAR_WIDTH } from '../layout/defaults.js';
import { barLabelWidth } from '../layout/measure.js';
import type { Glyph, Typesetter } from '../text/typeset.js';
import { drawnHeight, meetingNode } from './facing.js';
import { type Point, type Route, type StraightRun, makeRoute } from './types.js';

/**
 * Routes a fan: from its single source down to a bus line and from the bus to
 * each fanned node, then from each fanned node down to a second bus and on to
 * the sink. Joints form where the stems meet the bus and the borders. The
 * routes are added to `routes`, the router's list, as a fan may make thousands.
 */
export function fanRoutes(fan: PlacedNode, weight: Weight, text: Typesetter, routes: Route[]): void {
  const nodes = fan.children;
  // Loops rather than arrays of coordinates: a fan may have thousands of nodes.
  let rowTop = Infinity;
  let rowBottom = -Infinity;
  let lowCenter = Infinity;
  let highCenter = -Infinity;
  for (const node of nodes) {
    rowTop = Math.min(rowTop, node.rect.y);
    rowBottom = Math.max(rowBottom, bottom(node.rect));
    lowCenter = Math.min(lowCenter, centerX(node.rect));
    highCenter = Math.max(highCenter, centerX(node.rect));
  }

  if (fan.source !== undefined) {
    const busY = rowTop - 3;
    const start = stemStart(fan.source, text);
    routes.push(stem(start, busY, weight));
    routes.push(bus(Math.min(start.x, lowCenter), Math.max(start.x, highCenter), busY, weight));
    for (const node of nodes) {
      routes.push(drop(centerX(node.rect), busY, rowTop - 2, weight));
    }
  }

  if (fan.sink !== undefined) {
    const busY = rowBottom + 1;
    const sinkX = centerX(fan.sink.rect);
    let low = sinkX;
    let high = sinkX;
    for (const node of nodes) {
      const start = stemStart(node, text);
      low = Math.min(low, start.x);
      high = Math.max(high, start.x);
      routes.push(stem(start, busY, weight));
    }
    routes.push(bus(low, high, busY, weight));
    routes.push(drop(sinkX, busY, busY + 1, weight));
  }

}

/**
 * Where a stem leaves a node: on its bottom border for a box, otherwise just
 * under the last drawn character nearest the center of the lowest part, so
 * the stem touches the text instead of starting under a blank cell.
 */
function stemStart(placed: PlacedNode, text: Typesetter): Point {
  const node = meetingNode(placed, Side.Down);
  const rect = node.rect;
  if (joinsBorder(node.node)) {
    return { x: centerX(rect), y: bottom(rect) - 1 };
  }

  const lines = labelLines(node.node, text);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (line === undefined) {
      continue;
    }
    const left = rect.x + alignOffset(rect.width, line.width, line.align);
    const columns = drawnColumns(line.glyphs, left);
    if (columns.length > 0) {
      const center = centerX(rect);
      const nearest = columns.reduce((best, column) => (Math.abs(column - center) < Math.abs(best - center) ? column : best));

      return { x: nearest, y: rect.y + index + 1 };
    }
  }

  // A stretched row may make a node taller than what it draws, so the stem starts under its last drawn row.
  return { x: centerX(rect), y: rect.y + drawnHeight(node, text) };
}

interface LabelLine {
  readonly glyphs: readonly Glyph[];
  readonly width: number;
  readonly align: 'start' | 'center' | 'end';
}

/** The drawn lines of a text or tag node, with their alignment; none for other kinds. */
function labelLines(node: DiagramNode, text: Typesetter): LabelLine[] {
  if (node.kind === 'text') {
    const align = horizontalAnchor(node.align);

    return text.lines(node.text).map((line) => ({ ...line, align }));
  }
  if (node.kind === 'tag') {
    const line = text.line(node.text);
    const padding = Array.from({ length: node.padding ?? 0 }, () => ({ text: ' ', width: 1 }));
    const glyphs = [{ text: '[', width: 1 }, ...padding, ...line.glyphs, ...padding, { text: ']', width: 1 }];

    // Painting writes a tag from its left edge, whatever its width.
    return [{ glyphs, width: line.width + 2 + 2 * padding.length, align: 'start' }];
  }

  if (node.kind === 'bar') {
    return [barLine(node, text)];
  }

  return [];
}

/** A bar's drawn row as glyphs: the label padded to its column, the bracketed cells and the percentage. */
function barLine(bar: BarNode, text: Typesetter): LabelLine {
  const blank = { text: ' ', width: 1 };
  const mark = { text: '#', width: 1 };
  const label = bar.label === undefined ? [] : text.line(bar.label).glyphs;
  const labelWidth = barLabelWidth(bar, text);
  const used = label.reduce((total, glyph) => total + glyph.width, 0);
  const padding = labelWidth > 0 ? Array.from({ length: labelWidth - used + 1 }, () => blank) : [];
  const cells = Array.from({ length: (bar.width ?? BAR_WIDTH) + 2 }, () => mark);
  const percent = bar.percent === false ? [] : [blank, mark, mark, mark, mark];
  const glyphs = [...label, ...padding, ...cells, ...percent];

  return { glyphs, width: glyphs.reduce((total, glyph) => total + glyph.width, 0), align: 'start' };
}

/** Columns of the glyphs that draw something, for a line starting at `left`. */
function drawnColumns(glyphs: readonly Glyph[], left: number): number[] {
  const columns: number[] = [];
  let column = left;
  for (const glyph of glyphs) {
    if (glyph.text.trim() !== '') {
      columns.push(column);
    }
    column += glyph.width;
  }

  return columns;
}

/** A vertical line from `start` down to a bus row. */
function stem(start: Point, busY: number, weight: Weight): Route {
  return makeRoute({ run: verticalRun(start.x, start.y, busY), weight, heads: [] });
}

/** Returns a horizontal line on row `y` from column `low` to column `high`. */
function bus(low: number, high: number, y: number, weight: Weight): Route {
  return makeRoute({ run: { x: low, y, dx: 1, dy: 0, length: Math.max(0, high - low + 1) }, weight, heads: [] });
}

/** Returns a vertical line in column `x` from row `fromY` down to `lastY`, with an arrowhead below it. */
function drop(x: number, fromY: number, lastY: number, weight: Weight): Route {
  const head = { x, y: lastY + 1 };

  return makeRoute({
    run: verticalRun(x, fromY, lastY),
    weight,
    heads: [{ at: head, symbol: arrowToward(Side.Down) }],
    endToward: head,
  });
}

/** Returns the run of column `x` from `fromY` down to `toY`, empty when `toY` is above `fromY`. */
function verticalRun(x: number, fromY: number, toY: number): StraightRun {
  return { x, y: fromY, dx: 0, dy: 1, length: Math.max(0, toY - fromY + 1) };
}
