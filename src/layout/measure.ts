import { DiagramError } from '../errors.js';
import { changingModelError } from '../validate-links.js';
import type {
  BarNode,
  BoxNode,
  ColumnNode,
  CurveNode,
  DiagramNode,
  FanNode,
  GridNode,
  RowNode,
  RuleNode,
} from '../model.js';
import type { Typesetter } from '../text/typeset.js';
import { curveGeometry } from '../paint/curve-geometry.js';
import {
  BAR_WIDTH,
  CAPTION_MARGIN,
  CHAINED_COLUMN_GAP,
  CHAINED_ROW_GAP,
  COLUMN_GAP,
  FAN_GAP,
  FAN_LINK_ROWS,
  GRID_COLUMN_GAP,
  GRID_ROW_GAP,
  PERCENT_WIDTH,
  ROW_GAP,
  TITLE_FRAME,
} from './defaults.js';
import { type Size, boxFrame } from './geometry.js';
import { type FieldPath, ROOT_PATH } from '../model-path.js';
import { type Axis, chainGapNeeded } from './chain.js';

/**
 * A container's size, with the nodes it contains as measuring read them and
 * the size of each, at the same index. Placing lays out these nodes, so it
 * reads neither the model's lists nor a map of sizes again.
 */
export interface ContainerSize extends Size {
  /** The children, or a fan's row of nodes. */
  readonly nodes: readonly DiagramNode[];
  readonly sizes: readonly Size[];
}

/** A fan's size, with its single nodes above and below the row and their sizes. */
export interface FanSize extends ContainerSize {
  readonly from: DiagramNode | undefined;
  readonly fromSize: Size | undefined;
  readonly to: DiagramNode | undefined;
  readonly toSize: Size | undefined;
}

/** A grid's size, with the tracks it was measured from, which placing reads again. */
export interface GridSize extends ContainerSize {
  readonly tracks: GridTracks;
}

/**
 * Measures every node bottom-up and returns the root's size. A container's
 * size contains the sizes of its nodes, down to the leaves.
 */
export function measureTree(root: DiagramNode, text: Typesetter): Size {
  // The root is met only once, so it is measured without being kept for a later meeting.
  return measureNode(root, ROOT_PATH, { text, shared: undefined });
}

/** The inputs of measuring: the typesetter for labels, and the sizes of subtrees it may meet again. */
interface MeasureContext {
  readonly text: Typesetter;
  /**
   * Sizes of the containers that contain other containers, made on the
   * first one. A subtree placed many times is measured once, where measuring
   * it at each place would take time exponential in its depth. A container of
   * leaves only is measured again at each place, in time linear in its size.
   */
  shared: Map<DiagramNode, Size> | undefined;
}

/**
 * Returns the nodes a container's size lists, after checking that the model
 * still gives the same nodes. A getter may build a new list on each read,
 * but one that returns other nodes would have placing lay out nodes that
 * validation never checked.
 */
export function measuredNodes(list: readonly DiagramNode[], size: ContainerSize): readonly DiagramNode[] {
  const nodes = size.nodes;
  if (list !== nodes && !sameNodes(list, nodes)) {
    throw changingModelError('found other nodes in a list than measuring read');
  }

  return nodes;
}

function sameNodes(list: readonly DiagramNode[], nodes: readonly DiagramNode[]): boolean {
  const length = list.length;
  if (length !== nodes.length) {
    return false;
  }
  for (let index = 0; index < length; index += 1) {
    if (list[index] !== nodes[index]) {
      return false;
    }
  }

  return true;
}

function measure(node: DiagramNode, path: FieldPath, context: MeasureContext): Size {
  const cached = context.shared?.get(node);
  if (cached !== undefined) {
    return cached;
  }

  const size = measureNode(node, path, context);
  if (containsContainer(size)) {
    context.shared ??= new Map();
    context.shared.set(node, size);
  }

  return size;
}

/** Tells whether a node is of a kind that contains other nodes. */
function isContainer(node: DiagramNode): boolean {
  switch (node.kind) {
    case 'row':
    case 'column':
    case 'grid':
    case 'box':
    case 'fan':
      return true;
    default:
      return false;
  }
}

/** Tells whether a node's size lists a container among the nodes it contains. */
function containsContainer(size: Size): boolean {
  const nodes = (size as Partial<ContainerSize>).nodes;
  if (nodes === undefined) {
    return false;
  }
  for (let index = 0; index < nodes.length; index += 1) {
    if (isContainer(nodes[index] as DiagramNode)) {
      return true;
    }
  }
  const fan = size as Partial<FanSize>;

  return (fan.from !== undefined && isContainer(fan.from)) || (fan.to !== undefined && isContainer(fan.to));
}

/**
 * Measures a node held in `field` of the node at `parent`, as item `index`
 * when the field is a list, or -1. The node's path is built only when
 * measuring it can report an error or pass the path on. Most nodes are
 * leaves that need none, and skipping it saves an allocation per node.
 */
function measureChild(node: DiagramNode, parent: FieldPath, field: string, index: number, context: MeasureContext): Size {
  if (needsPath(node)) {
    return measure(node, parent.child(field, index), context);
  }

  return measureLeaf(node, context.text);
}

/** Leaves whose measuring reports no error, so they need no path. */
type QuietLeaf = Exclude<DiagramNode, RuleNode | RowNode | ColumnNode | GridNode | BoxNode | FanNode>;

function needsPath(node: DiagramNode): node is Exclude<DiagramNode, QuietLeaf> {
  return node.kind === 'rule' || isContainer(node);
}

function measureNode(node: DiagramNode, path: FieldPath, context: MeasureContext): Size {
  switch (node.kind) {
    case 'rule':
      return { width: ruleWidth(node, context.text, path), height: 1 };
    case 'row':
      return measureRow(node, path, context);
    case 'column':
      return measureColumn(node, path, context);
    case 'grid':
      return measureGrid(node, path, context);
    case 'box':
      return measureBox(node, path, context);
    case 'fan':
      return measureFan(node, path, context);
    default:
      return measureLeaf(node, context.text);
  }
}

function measureLeaf(node: QuietLeaf, text: Typesetter): Size {
  switch (node.kind) {
    case 'text':
      return text.block(node.text);
    case 'vtext': {
      const letters = text.line(node.text).glyphs;

      return { width: largestOf(letters, 'width'), height: letters.length };
    }
    case 'tag':
      return { width: text.line(node.text).width + 2 + 2 * (node.padding ?? 0), height: 1 };
    case 'spacer':
      return { width: node.width ?? 0, height: node.height ?? 1 };
    case 'bar':
      return { width: barWidth(node, text), height: 1 };
    case 'curve':
      return measureCurve(node, text);
  }
}

/**
 * Measures the nodes of a list field as if laid end to end along `axis`
 * with no gaps: their lengths add up along the axis, and the largest of
 * them sets the size across it. Returns that size with the nodes and the
 * size of each.
 */
function measureInLine(
  nodes: readonly DiagramNode[],
  path: FieldPath,
  field: string,
  axis: Axis,
  context: MeasureContext,
): ContainerSize {
  let along = 0;
  let across = 0;
  const sizes = new Array<Size>(nodes.length);
  // An index loop, not for-of, which allocates an iterator result per item
  // until V8 optimizes the function.
  for (let index = 0; index < nodes.length; index += 1) {
    const size = measureChild(nodes[index] as DiagramNode, path, field, index, context);
    sizes[index] = size;
    along += axis === 'horizontal' ? size.width : size.height;
    across = Math.max(across, axis === 'horizontal' ? size.height : size.width);
  }

  return axis === 'horizontal' ? { width: along, height: across, nodes, sizes } : { width: across, height: along, nodes, sizes };
}

function ruleWidth(rule: RuleNode, text: Typesetter, path: FieldPath): number {
  const captionWidth = rule.caption === undefined ? 0 : text.line(rule.caption).width + 2 * CAPTION_MARGIN + 2;
  if (typeof rule.width !== 'number') {
    return Math.max(1, captionWidth);
  }
  if (rule.width < captionWidth) {
    throw new DiagramError(
      'does-not-fit',
      path.withField('width'),
      `the rule is ${rule.width} cells wide but its caption needs ${captionWidth}; raise width to ${captionWidth} or use 'full'`,
    );
  }

  return rule.width;
}

export function barLabelWidth(bar: BarNode, text: Typesetter): number {
  return bar.labelWidth ?? (bar.label === undefined ? 0 : text.line(bar.label).width);
}

/** Columns a bar draws: its label column, the bracketed track and the percentage. */
export function barWidth(bar: BarNode, text: Typesetter): number {
  const labelWidth = barLabelWidth(bar, text);
  const labelPart = labelWidth > 0 ? labelWidth + 1 : 0;
  const percentPart = bar.percent === false ? 0 : PERCENT_WIDTH + 1;

  return labelPart + (bar.width ?? BAR_WIDTH) + 2 + percentPart;
}

function measureCurve(curve: CurveNode, text: Typesetter): Size {
  const geometry = curveGeometry(curve, text);

  return { width: geometry.width, height: geometry.height };
}

function measureRow(row: RowNode, path: FieldPath, context: MeasureContext): ContainerSize {
  const line = measureInLine(row.children, path, 'children', 'horizontal', context);
  const gap = rowGap(row);
  if (row.chain !== undefined && row.chain !== false) {
    const needed = chainGapNeeded(line.nodes, row.chain, 'horizontal');
    if (gap < needed) {
      throw new DiagramError(
        'invalid-model',
        path.withField('gap'),
        `a chained row needs a gap of at least ${needed} cells for its arrows, but gap is ${gap}; set gap to ${needed} or more`,
      );
    }
  }

  return { width: line.width + gap * Math.max(0, line.nodes.length - 1), height: line.height, nodes: line.nodes, sizes: line.sizes };
}

function measureColumn(column: ColumnNode, path: FieldPath, context: MeasureContext): ContainerSize {
  const line = measureInLine(column.children, path, 'children', 'vertical', context);
  const gap = columnGap(column);
  if (column.chain !== undefined && column.chain !== false) {
    const needed = chainGapNeeded(line.nodes, column.chain, 'vertical');
    if (gap < needed) {
      throw new DiagramError(
        'invalid-model',
        path.withField('gap'),
        `a chained column needs a gap of at least ${needed} rows for its arrows, but gap is ${gap}; set gap to ${needed} or more`,
      );
    }
  }

  return { width: line.width, height: line.height + gap * Math.max(0, line.nodes.length - 1), nodes: line.nodes, sizes: line.sizes };
}

export function rowGap(row: RowNode): number {
  return row.gap ?? (row.chain ? CHAINED_ROW_GAP : ROW_GAP);
}

export function columnGap(column: ColumnNode): number {
  return column.gap ?? (column.chain ? CHAINED_COLUMN_GAP : COLUMN_GAP);
}

export interface GridTracks {
  readonly columnWidths: readonly number[];
  readonly rowHeights: readonly number[];
  readonly columnGap: number;
  readonly rowGap: number;
}

function gridTracks(grid: GridNode, sizes: readonly Size[]): GridTracks {
  const columns = grid.columns;
  const columnWidths = new Array<number>(columns).fill(0);
  const rowHeights = new Array<number>(Math.ceil(sizes.length / columns)).fill(0);
  for (let index = 0; index < sizes.length; index += 1) {
    const size = sizes[index] as Size;
    const column = index % columns;
    const row = Math.floor(index / columns);
    columnWidths[column] = Math.max(columnWidths[column] ?? 0, size.width);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, size.height);
  }

  return {
    columnWidths,
    rowHeights,
    columnGap: grid.columnGap ?? GRID_COLUMN_GAP,
    rowGap: grid.rowGap ?? GRID_ROW_GAP,
  };
}

function measureGrid(grid: GridNode, path: FieldPath, context: MeasureContext): GridSize {
  const nodes = grid.children;
  const sizes = new Array<Size>(nodes.length);
  for (let index = 0; index < nodes.length; index += 1) {
    sizes[index] = measureChild(nodes[index] as DiagramNode, path, 'children', index, context);
  }
  const tracks = gridTracks(grid, sizes);

  return {
    width: sum(tracks.columnWidths) + tracks.columnGap * Math.max(0, tracks.columnWidths.length - 1),
    height: sum(tracks.rowHeights) + tracks.rowGap * Math.max(0, tracks.rowHeights.length - 1),
    nodes,
    sizes,
    tracks,
  };
}

function measureBox(box: BoxNode, path: FieldPath, context: MeasureContext): ContainerSize {
  const content = measureInLine(box.children, path, 'children', 'vertical', context);
  const frame = boxFrame(box);
  const dividers = box.divided ? Math.max(0, content.nodes.length - 1) : 0;
  const contentHeight = content.height + dividers;
  const titleWidth = box.title === undefined || box.title === '' ? 0 : context.text.line(box.title).width + TITLE_FRAME;

  const naturalWidth = Math.max(content.width + frame.left + frame.right, titleWidth, box.minWidth ?? 0);
  const naturalHeight = Math.max(contentHeight + frame.top + frame.bottom, box.minHeight ?? 0);

  return {
    width: fixedOrNatural(box.width, naturalWidth, path, 'width'),
    height: fixedOrNatural(box.height, naturalHeight, path, 'height'),
    nodes: content.nodes,
    sizes: content.sizes,
  };
}

function fixedOrNatural(fixed: number | undefined, natural: number, path: FieldPath, field: 'width' | 'height'): number {
  if (fixed === undefined) {
    return natural;
  }

  if (fixed < natural) {
    throw new DiagramError(
      'does-not-fit',
      path.withField(field),
      `the box is ${fixed} cells ${field === 'width' ? 'wide' : 'tall'} but its content needs ${natural}; raise it to ${natural} or remove it`,
    );
  }

  return fixed;
}

/** Width of a fan's row of many nodes, gaps included. */
export function fanRowWidth(fan: FanNode, size: FanSize): number {
  let width = 0;
  for (let index = 0; index < size.sizes.length; index += 1) {
    width += (size.sizes[index] as Size).width;
  }

  return withFanGaps(fan, width, size.nodes.length);
}

/** Returns `width`, the nodes of a fan's row laid side by side, plus the gaps between them. */
function withFanGaps(fan: FanNode, width: number, count: number): number {
  return width + (fan.gap ?? FAN_GAP) * Math.max(0, count - 1);
}

function measureFan(fan: FanNode, path: FieldPath, context: MeasureContext): FanSize {
  const row = measureInLine(fan.nodes, path, 'nodes', 'horizontal', context);
  const from = fan.from;
  const fromSize = from === undefined ? undefined : measureChild(from, path, 'from', -1, context);
  const to = fan.to;
  const toSize = to === undefined ? undefined : measureChild(to, path, 'to', -1, context);
  const rowWidth = withFanGaps(fan, row.width, row.nodes.length);

  return {
    width: Math.max(rowWidth, fromSize?.width ?? 0, toSize?.width ?? 0),
    height: linkedHeight(fromSize) + row.height + linkedHeight(toSize),
    nodes: row.nodes,
    sizes: row.sizes,
    from,
    fromSize,
    to,
    toSize,
  };
}

/** Rows a fan's `from` or `to` node takes with its links, or 0 without one. */
function linkedHeight(end: Size | undefined): number {
  return end === undefined ? 0 : end.height + FAN_LINK_ROWS;
}

/** Returns the largest of one dimension of the sizes, or 0 when there are none. */
function largestOf<Dimension extends keyof Size>(sizes: readonly Pick<Size, Dimension>[], dimension: Dimension): number {
  let largest = 0;
  for (const size of sizes) {
    largest = Math.max(largest, size[dimension]);
  }

  return largest;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }

  return total;
}
