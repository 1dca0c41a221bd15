import type { BoxNode, DiagramNode, FanNode, GridNode, HorizontalAlign, RowNode, VerticalAlign } from '../model.js';
import { FAN_GAP, FAN_LINK_ROWS } from './defaults.js';
import { type Rect, type Size, alignOffset, boxFrame, horizontalAnchor } from './geometry.js';
import { type FieldPath, ROOT_PATH } from '../model-path.js';
import { type ContainerSize, type FanSize, type GridSize, columnGap, fanRowWidth, measuredNodes, rowGap } from './measure.js';
import { changingModelError } from '../validate-links.js';

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
  /** The size measuring found for the node, which for a text is its typeset block. */
  readonly size: Size;
  /** The node that contains this one; undefined at the root. */
  readonly parent: PlacedNode | undefined;
  /** The node's place in its parent's list field, or -1 when the field is not a list. */
  readonly index: number;
}

/**
 * The children of every leaf. One shared array, because leaves are most of
 * the nodes and no stage changes a placed node's children.
 */
const NO_CHILDREN: readonly PlacedNode[] = [];

/**
 * A placed node. Every placed node is this class with every field present,
 * undefined where unused, so the stages that read them stay monomorphic.
 * The node's model path is joined from its parent's only when read: paths
 * serve error messages and connector lookups, and most nodes need neither.
 * A container is made before its children, which keep it as their parent,
 * so its child lists are set once they are placed.
 */
class Placed implements PlacedNode, Rect {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  children: readonly PlacedNode[] = NO_CHILDREN;
  dividers: readonly number[] | undefined = undefined;
  source: PlacedNode | undefined = undefined;
  sink: PlacedNode | undefined = undefined;
  parts: readonly PlacedNode[] = NO_CHILDREN;
  readonly size: Size;
  readonly parent: Placed | undefined;
  private readonly field: string;
  readonly index: number;
  private joined: FieldPath | undefined;

  /** Places `node`, measured as `size`, in a rectangle as item `index` of `field` of `parent`, or -1 when the field is not a list. */
  constructor(node: DiagramNode, size: Size, x: number, y: number, width: number, height: number, parent: Placed | undefined, field: string, index: number) {
    this.node = node;
    this.size = size;
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.joined = parent === undefined ? ROOT_PATH : undefined;
  }

  /** The node's rectangle is the placed node itself, which saves an object per node. */
  get rect(): Rect {
    return this;
  }

  get path(): FieldPath {
    this.joined ??= (this.parent as Placed).path.child(this.field, this.index);

    return this.joined;
  }

  /** Sets the children, and the parts: a fan's source, the children, then its sink. */
  setChildren(children: readonly PlacedNode[], source?: PlacedNode, sink?: PlacedNode): void {
    this.children = children;
    this.source = source;
    this.sink = sink;
    this.parts = source === undefined && sink === undefined ? children : [...(source ? [source] : []), ...children, ...(sink ? [sink] : [])];
  }
}

/** Places the tree top-down from the root's measured size: each container gives its children their rectangles. */
export function placeTree(root: DiagramNode, size: Size): PlacedNode {
  return place(root, 0, 0, size.width, size.height, undefined, '', -1, size);
}

/**
 * Places `node` at (x, y) in `width` by `height` cells, as item `index` of
 * `field` of `parent`, or -1 when the field is not a list. `size` is what
 * measuring found for the node.
 */
function place(
  node: DiagramNode,
  x: number,
  y: number,
  width: number,
  height: number,
  parent: Placed | undefined,
  field: string,
  index: number,
  size: Size,
): PlacedNode {
  const placed = new Placed(node, size, x, y, width, height, parent, field, index);
  switch (node.kind) {
    case 'row':
      placed.setChildren(placeRow(node, placed, size as ContainerSize));
      break;
    case 'column': {
      const measured = size as ContainerSize;
      placed.setChildren(stackChildren(measuredNodes(node.children, measured), measured.sizes, x, y, width, node.align ?? 'left', columnGap(node), placed));
      break;
    }
    case 'grid':
      placed.setChildren(placeGrid(node, placed, size as GridSize));
      break;
    case 'box':
      placeBox(node, placed, size as ContainerSize);
      break;
    case 'fan':
      placeFan(node, placed, size as FanSize);
      break;
    default:
      break;
  }

  return placed;
}

function vertical(align: VerticalAlign): 'start' | 'center' | 'end' {
  return align === 'top' ? 'start' : align === 'middle' ? 'center' : 'end';
}

/** A full-width rule spans whatever width its column or box has. */
function spansWidth(node: DiagramNode): boolean {
  return node.kind === 'rule' && (node.width === undefined || node.width === 'full');
}

/**
 * Places a child in a slot of `slotWidth` by `slotHeight` cells at (x, y),
 * by the container's alignment on each axis. The offsets are worked out
 * here, not returned as objects, because every child is placed through
 * this function.
 */
function placeInSlot(
  child: DiagramNode,
  size: Size,
  x: number,
  y: number,
  slotWidth: number,
  slotHeight: number,
  align: HorizontalAlign | 'stretch',
  valign: VerticalAlign | 'stretch',
  parent: Placed,
  field: string,
  index: number,
): PlacedNode {
  const stretchX = align === 'stretch' || spansWidth(child);
  const left = stretchX ? x : x + alignOffset(slotWidth, size.width, horizontalAnchor(align as HorizontalAlign));
  const top = valign === 'stretch' ? y : y + alignOffset(slotHeight, size.height, vertical(valign));
  const width = stretchX ? slotWidth : size.width;
  const height = valign === 'stretch' ? slotHeight : size.height;

  return place(child, left, top, width, height, parent, field, index, size);
}

function placeRow(row: RowNode, placed: Placed, measured: ContainerSize): PlacedNode[] {
  const gap = rowGap(row);
  const { rect } = placed;
  const nodes = measuredNodes(row.children, measured);
  const align = row.align ?? 'top';
  // Filled by index rather than built with `map`, whose callback would be one more closure per row.
  const children = new Array<PlacedNode>(nodes.length);
  let x = rect.x;
  for (let index = 0; index < nodes.length; index += 1) {
    const child = nodes[index] as DiagramNode;
    const size = measured.sizes[index] as Size;
    const width = size.width;
    children[index] = placeInSlot(child, size, x, rect.y, width, rect.height, 'left', align, placed, 'children', index);
    x += width + gap;
  }

  return children;
}

/**
 * Stacks children top to bottom from row `top`, `gap` rows apart, each in a
 * slot `width` cells wide from column `x`. `sizes` has the size of each.
 */
function stackChildren(
  nodes: readonly DiagramNode[],
  sizes: readonly Size[],
  x: number,
  top: number,
  width: number,
  align: HorizontalAlign | 'stretch',
  gap: number,
  parent: Placed,
): PlacedNode[] {
  // Filled by index, not built with `map`, because every box stacks its
  // children here and a `map` callback would be one more closure per box.
  // An index loop, too: for-of allocates an iterator result per item until
  // V8 optimizes the function.
  const children = new Array<PlacedNode>(nodes.length);
  let y = top;
  for (let index = 0; index < nodes.length; index += 1) {
    const child = nodes[index] as DiagramNode;
    const size = sizes[index] as Size;
    const height = size.height;
    children[index] = placeInSlot(child, size, x, y, width, height, align, 'top', parent, 'children', index);
    y += height + gap;
  }

  return children;
}

function placeGrid(grid: GridNode, placed: Placed, measured: GridSize): PlacedNode[] {
  const tracks = measured.tracks;
  // The column count measuring read, so a getter cannot give placing another.
  const columns = tracks.columnWidths.length;
  const columnStarts = trackStarts(placed.rect.x, tracks.columnWidths, tracks.columnGap);
  const rowStarts = trackStarts(placed.rect.y, tracks.rowHeights, tracks.rowGap);
  const nodes = measuredNodes(grid.children, measured);
  const align = grid.align ?? 'center';
  const valign = grid.valign ?? 'top';
  const children = new Array<PlacedNode>(nodes.length);
  for (let index = 0; index < nodes.length; index += 1) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const x = columnStarts[column] ?? 0;
    const y = rowStarts[row] ?? 0;
    const width = tracks.columnWidths[column] ?? 0;
    const height = tracks.rowHeights[row] ?? 0;
    const child = nodes[index] as DiagramNode;
    children[index] = placeInSlot(child, measured.sizes[index] as Size, x, y, width, height, align, valign, placed, 'children', index);
  }

  return children;
}

function trackStarts(origin: number, lengths: readonly number[], gap: number): number[] {
  const starts = new Array<number>(lengths.length);
  let position = origin;
  for (let index = 0; index < lengths.length; index += 1) {
    starts[index] = position;
    position += (lengths[index] as number) + gap;
  }

  return starts;
}

function placeBox(box: BoxNode, placed: Placed, measured: ContainerSize): void {
  const { rect } = placed;
  const frame = boxFrame(box);
  const innerHeight = rect.height - frame.top - frame.bottom;
  const nodes = measuredNodes(box.children, measured);
  const sizes = measured.sizes;
  let contentHeight = box.divided ? Math.max(0, nodes.length - 1) : 0;
  for (let index = 0; index < sizes.length; index += 1) {
    contentHeight += (sizes[index] as Size).height;
  }
  const top = rect.y + frame.top + alignOffset(innerHeight, contentHeight, vertical(box.valign ?? 'top'));
  const gap = box.divided ? 1 : 0;
  const contentWidth = rect.width - frame.left - frame.right;
  const children = stackChildren(nodes, sizes, rect.x + frame.left, top, contentWidth, box.align ?? 'left', gap, placed);
  placed.setChildren(children);
  if (box.divided) {
    placed.dividers = children.slice(0, -1).map((child) => child.rect.y + child.rect.height);
  }
}

function placeFan(fan: FanNode, placed: Placed, measured: FanSize): void {
  const { rect } = placed;
  const gap = fan.gap ?? FAN_GAP;
  if (fan.from !== measured.from || fan.to !== measured.to) {
    throw changingModelError("found a fan's from or to node other than the one measuring read");
  }
  const sourceHeight = measured.fromSize === undefined ? 0 : measured.fromSize.height + FAN_LINK_ROWS;
  const rowTop = rect.y + sourceHeight;
  const nodes = measuredNodes(fan.nodes, measured);
  const children = new Array<PlacedNode>(nodes.length);
  let x = rect.x + alignOffset(rect.width, fanRowWidth(fan, measured), 'center');
  // An index loop, because this runs once per fan, often before V8
  // optimizes it, and for-of would allocate an iterator result per node.
  let rowHeight = 0;
  for (let index = 0; index < nodes.length; index += 1) {
    const child = nodes[index] as DiagramNode;
    const size = measured.sizes[index] as Size;
    children[index] = place(child, x, rowTop, size.width, size.height, placed, 'nodes', index, size);
    x += size.width + gap;
    rowHeight = Math.max(rowHeight, size.height);
  }

  const center = fanCenter(children);
  const { from, fromSize, to, toSize } = measured;
  const source = from === undefined || fromSize === undefined ? undefined : placeEnd(from, fromSize, rect, rect.y, center, placed, 'from');
  const sinkTop = rowTop + rowHeight + FAN_LINK_ROWS;
  const sink = to === undefined || toSize === undefined ? undefined : placeEnd(to, toSize, rect, sinkTop, center, placed, 'to');
  placed.setChildren(children, source, sink);
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

/** Places a fan's single node, of measured `size`, centered on `center` and kept inside the fan's rectangle. */
function placeEnd(node: DiagramNode, size: Size, fanRect: Rect, y: number, center: number, fan: Placed, field: 'from' | 'to'): PlacedNode {
  const wanted = center - Math.floor((size.width - 1) / 2);
  const x = Math.min(Math.max(wanted, fanRect.x), fanRect.x + fanRect.width - size.width);

  return place(node, x, y, size.width, size.height, fan, field, -1, size);
}

/** The middle column of a rectangle, leaning left for an even width. */
export function centerX(rect: Rect): number {
  return rect.x + Math.floor((rect.width - 1) / 2);
}

