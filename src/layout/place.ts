import type { BoxNode, ColumnNode, DiagramNode, FanNode, GridNode, HorizontalAlign, RowNode, VerticalAlign } from '../model.js';
import { FAN_GAP, FAN_LINK_ROWS } from './defaults.js';
import { type Rect, type Size, alignOffset, boxFrame, horizontalAnchor } from './geometry.js';
import { type FieldPath, ROOT_PATH } from '../model-path.js';
import { type Sizes, columnGap, fanRowWidth, gridTracks, rowGap, sizeOf } from './measure.js';

/** A node with its rectangle on the canvas, in cells. */
export interface PlacedNode {
  readonly node: DiagramNode;
  readonly rect: Rect;
  /** Location of the node in the model, for error messages; its `path` getter joins it into a string. */
  readonly path: FieldPath;
  readonly children: readonly PlacedNode[];
  /** Rows of a divided box's divider lines. */
  readonly dividers?: readonly number[];
  /** A fan's single node above its many. */
  readonly source?: PlacedNode;
  /** A fan's single node below its many. */
  readonly sink?: PlacedNode;
  /**
   * Every node this one contains, in drawing order: a fan's source, the
   * children, then its sink. The same array as `children` for other nodes.
   */
  readonly parts: readonly PlacedNode[];
}

/**
 * Builds a placed node with every field present, undefined where unused, so
 * all placed nodes share one object shape and the stages that read them stay
 * fast.
 */
function placedNode(
  node: DiagramNode,
  rect: Rect,
  path: FieldPath,
  children: readonly PlacedNode[],
  dividers?: readonly number[],
  source?: PlacedNode,
  sink?: PlacedNode,
): PlacedNode {
  const all = source === undefined && sink === undefined ? children : [...(source ? [source] : []), ...children, ...(sink ? [sink] : [])];

  return { node, rect, path, children, dividers, source, sink, parts: all };
}

/**
 * The children of every leaf. One shared array, because leaves are most of
 * the nodes and no stage changes a placed node's children.
 */
const NO_CHILDREN: readonly PlacedNode[] = [];

/** Places the tree top-down: each container gives its children their rectangles. */
export function placeTree(root: DiagramNode, sizes: Sizes): PlacedNode {
  const size = sizeOf(sizes, root);

  return place(root, { x: 0, y: 0, width: size.width, height: size.height }, ROOT_PATH, sizes);
}

function place(node: DiagramNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  switch (node.kind) {
    case 'row':
      return placeRow(node, rect, path, sizes);
    case 'column':
      return placeColumn(node, rect, path, sizes);
    case 'grid':
      return placeGrid(node, rect, path, sizes);
    case 'box':
      return placeBox(node, rect, path, sizes);
    case 'fan':
      return placeFan(node, rect, path, sizes);
    default:
      return placedNode(node, rect, path, NO_CHILDREN);
  }
}


function vertical(align: VerticalAlign): 'start' | 'center' | 'end' {
  return align === 'top' ? 'start' : align === 'middle' ? 'center' : 'end';
}

/** A full-width rule spans whatever width its column or box has. */
function spansWidth(node: DiagramNode): boolean {
  return node.kind === 'rule' && (node.width === undefined || node.width === 'full');
}

/** Places a child in a slot of `slotWidth` cells starting at `x`, by the container's horizontal alignment. */
function slotX(
  child: DiagramNode,
  size: Size,
  x: number,
  slotWidth: number,
  align: HorizontalAlign | 'stretch',
): { x: number; width: number } {
  if (align === 'stretch' || spansWidth(child)) {
    return { x, width: slotWidth };
  }

  return { x: x + alignOffset(slotWidth, size.width, horizontalAnchor(align)), width: size.width };
}

function slotY(
  size: Size,
  y: number,
  slotHeight: number,
  align: VerticalAlign | 'stretch',
): { y: number; height: number } {
  if (align === 'stretch') {
    return { y, height: slotHeight };
  }

  return { y: y + alignOffset(slotHeight, size.height, vertical(align)), height: size.height };
}

function placeRow(row: RowNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  const gap = rowGap(row);
  let x = rect.x;
  const children = row.children.map((child, index) => {
    const size = sizeOf(sizes, child);
    const { y, height } = slotY(size, rect.y, rect.height, row.align ?? 'top');
    const placed = place(child, { x, y, width: size.width, height }, path.child('children', index), sizes);
    x += size.width + gap;

    return placed;
  });

  return placedNode(row, rect, path, children);
}

function placeColumn(column: ColumnNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  const children = stackChildren(column.children, rect, column.align ?? 'left', columnGap(column), path, sizes);

  return placedNode(column, rect, path, children);
}

/** Stacks children top to bottom from `area.y`, `gap` rows apart. */
function stackChildren(
  nodes: readonly DiagramNode[],
  area: Rect,
  align: HorizontalAlign | 'stretch',
  gap: number,
  path: FieldPath,
  sizes: Sizes,
): PlacedNode[] {
  // Filled by index, not built with `map`, because every box stacks its
  // children here and a `map` callback would be one more closure per box.
  // An index loop, too: for-of allocates an iterator result per item until
  // V8 optimizes the function.
  const children = new Array<PlacedNode>(nodes.length);
  let y = area.y;
  for (let index = 0; index < nodes.length; index += 1) {
    const child = nodes[index] as DiagramNode;
    const size = sizeOf(sizes, child);
    const { x, width } = slotX(child, size, area.x, area.width, align);
    children[index] = place(child, { x, y, width, height: size.height }, path.child('children', index), sizes);
    y += size.height + gap;
  }

  return children;
}

function placeGrid(grid: GridNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  const tracks = gridTracks(grid, sizes);
  const columnStarts = trackStarts(rect.x, tracks.columnWidths, tracks.columnGap);
  const rowStarts = trackStarts(rect.y, tracks.rowHeights, tracks.rowGap);
  const children = grid.children.map((child, index) => {
    const column = index % grid.columns;
    const row = Math.floor(index / grid.columns);
    const size = sizeOf(sizes, child);
    const { x, width } = slotX(child, size, columnStarts[column] ?? 0, tracks.columnWidths[column] ?? 0, grid.align ?? 'center');
    const { y, height } = slotY(size, rowStarts[row] ?? 0, tracks.rowHeights[row] ?? 0, grid.valign ?? 'top');

    return place(child, { x, y, width, height }, path.child('children', index), sizes);
  });

  return placedNode(grid, rect, path, children);
}

function trackStarts(origin: number, lengths: readonly number[], gap: number): number[] {
  const starts: number[] = [];
  let position = origin;
  for (const length of lengths) {
    starts.push(position);
    position += length + gap;
  }

  return starts;
}

function placeBox(box: BoxNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  const frame = boxFrame(box);
  const innerHeight = rect.height - frame.top - frame.bottom;
  let contentHeight = box.divided ? Math.max(0, box.children.length - 1) : 0;
  for (const child of box.children) {
    contentHeight += sizeOf(sizes, child).height;
  }
  const top = rect.y + frame.top + alignOffset(innerHeight, contentHeight, vertical(box.valign ?? 'top'));
  const gap = box.divided ? 1 : 0;
  const content: Rect = { x: rect.x + frame.left, y: top, width: rect.width - frame.left - frame.right, height: innerHeight };
  const children = stackChildren(box.children, content, box.align ?? 'left', gap, path, sizes);
  if (!box.divided) {
    return placedNode(box, rect, path, children);
  }
  const dividers = children.slice(0, -1).map((child) => child.rect.y + child.rect.height);

  return placedNode(box, rect, path, children, dividers);
}

function placeFan(fan: FanNode, rect: Rect, path: FieldPath, sizes: Sizes): PlacedNode {
  const gap = fan.gap ?? FAN_GAP;
  const sourceHeight = fan.from === undefined ? 0 : sizeOf(sizes, fan.from).height + FAN_LINK_ROWS;
  const rowTop = rect.y + sourceHeight;
  let x = rect.x + alignOffset(rect.width, fanRowWidth(fan, sizes), 'center');
  const children = fan.nodes.map((child, index) => {
    const size = sizeOf(sizes, child);
    const placed = place(child, { x, y: rowTop, width: size.width, height: size.height }, path.child('nodes', index), sizes);
    x += size.width + gap;

    return placed;
  });

  // An index loop, because this runs once per fan, often before V8
  // optimizes it, and for-of would allocate an iterator result per node.
  let rowHeight = 0;
  for (let index = 0; index < children.length; index += 1) {
    rowHeight = Math.max(rowHeight, (children[index] as PlacedNode).rect.height);
  }
  const center = fanCenter(children);
  const source = fan.from === undefined ? undefined : placeEnd(fan.from, rect, rect.y, center, path.child('from'), sizes);
  const sinkTop = rowTop + rowHeight + FAN_LINK_ROWS;
  const sink = fan.to === undefined ? undefined : placeEnd(fan.to, rect, sinkTop, center, path.child('to'), sizes);

  return placedNode(fan, rect, path, children, undefined, source, sink);
}

/**
 * Column for a fan's single node: over the middle node when the count is odd,
 * so its stem meets that node's in one straight line, otherwise midway
 * between the first and last nodes.
 */
function fanCenter(children: readonly PlacedNode[]): number {
  const first = children[0];
  const last = children[children.length - 1];
  const middle = children[(children.length - 1) / 2];
  if (middle !== undefined) {
    return centerX(middle.rect);
  }
  if (first === undefined || last === undefined) {
    return 0;
  }

  return Math.floor((centerX(first.rect) + centerX(last.rect)) / 2);
}

/** Places a fan's single node centerd on `center`, kept inside the fan's rectangle. */
function placeEnd(node: DiagramNode, fanRect: Rect, y: number, center: number, path: FieldPath, sizes: Sizes): PlacedNode {
  const size = sizeOf(sizes, node);
  const wanted = center - Math.floor((size.width - 1) / 2);
  const x = Math.min(Math.max(wanted, fanRect.x), fanRect.x + fanRect.width - size.width);

  return place(node, { x, y, width: size.width, height: size.height }, path, sizes);
}

/** The middle column of a rectangle, leaning left for an even width. */
export function centerX(rect: Rect): number {
  return rect.x + Math.floor((rect.width - 1) / 2);
}

