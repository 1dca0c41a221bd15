import { DiagramError } from '../errors.js';
import { changingModelProblem } from '../validate-links.js';
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
 * Natural sizes of every node, computed bottom-up once and read by
 * placement. A text node's size is its label's block, and the shared
 * typesetter caches blocks by label. So a text whose label the typesetter
 * already has, as in a repeated render, takes no entry here. Any other text
 * is typeset once and kept here for the render, which also covers labels the
 * typesetter drops when its cache passes its limit.
 */
export class Sizes {
  private readonly byNode = new Map<DiagramNode, Size>();
  private readonly text: Typesetter;
  /**
   * The node last asked for and its size. Placing a box reads its child's
   * size twice in a row, and in a large drawing each read of a map misses
   * the processor's caches.
   */
  private lastNode: DiagramNode | undefined = undefined;
  private lastSize: Size | undefined = undefined;

  constructor(text: Typesetter) {
    this.text = text;
  }

  get(node: DiagramNode): Size | undefined {
    if (node === this.lastNode) {
      return this.lastSize;
    }
    const size = node.kind === 'text' ? (this.text.cachedBlock(node.text) ?? this.byNode.get(node) ?? this.keepBlock(node.text, node)) : this.byNode.get(node);
    this.lastNode = node;
    this.lastSize = size;

    return size;
  }

  private keepBlock(label: string, node: DiagramNode): Size {
    const block = this.text.block(label);
    this.byNode.set(node, block);

    return block;
  }

  set(node: DiagramNode, size: Size): void {
    if (node.kind !== 'text') {
      this.byNode.set(node, size);
    }
    this.lastNode = node;
    this.lastSize = size;
  }
}

export function measureTree(root: DiagramNode, text: Typesetter): Sizes {
  const sizes = new Sizes(text);
  measure(root, ROOT_PATH, { sizes, text });

  return sizes;
}

/** What measuring reads: sizes found so far and the typesetter for labels. */
interface MeasureContext {
  readonly sizes: Sizes;
  readonly text: Typesetter;
}

export function sizeOf(sizes: Sizes, node: DiagramNode): Size {
  const size = sizes.get(node);
  if (size === undefined) {
    // Measuring visited every node, so a node it never saw came from a getter that returned a new one on a later read.
    const problem = changingModelProblem(`found a node of kind '${String(node.kind)}' that measuring did not see`);
    throw new DiagramError(problem.code, problem.path, problem.message);
  }

  return size;
}

function measure(node: DiagramNode, path: FieldPath, context: MeasureContext): Size {
  const cached = context.sizes.get(node);
  if (cached !== undefined) {
    return cached;
  }

  const size = measureNode(node, path, context);
  context.sizes.set(node, size);

  return size;
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

  const cached = context.sizes.get(node);
  if (cached !== undefined) {
    return cached;
  }

  const size = measureLeaf(node, context.text);
  context.sizes.set(node, size);

  return size;
}

/** Leaves whose measuring reports no error, so they need no path. */
type QuietLeaf = Exclude<DiagramNode, RuleNode | RowNode | ColumnNode | GridNode | BoxNode | FanNode>;

function needsPath(node: DiagramNode): node is Exclude<DiagramNode, QuietLeaf> {
  switch (node.kind) {
    case 'rule':
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
 * them sets the size across it. A loop, not `map`, so a container with one
 * child allocates neither a callback nor an array of sizes.
 */
function measureInLine(
  nodes: readonly DiagramNode[],
  path: FieldPath,
  field: string,
  axis: Axis,
  context: MeasureContext,
): Size {
  let along = 0;
  let across = 0;
  // An index loop, not for-of, which allocates an iterator result per item
  // until V8 optimizes the function.
  for (let index = 0; index < nodes.length; index += 1) {
    const size = measureChild(nodes[index] as DiagramNode, path, field, index, context);
    along += axis === 'horizontal' ? size.width : size.height;
    across = Math.max(across, axis === 'horizontal' ? size.height : size.width);
  }

  return axis === 'horizontal' ? { width: along, height: across } : { width: across, height: along };
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

function measureRow(row: RowNode, path: FieldPath, context: MeasureContext): Size {
  const line = measureInLine(row.children, path, 'children', 'horizontal', context);
  const gap = rowGap(row);
  if (row.chain !== undefined && row.chain !== false) {
    const needed = chainGapNeeded(row.children, row.chain, 'horizontal');
    if (gap < needed) {
      throw new DiagramError(
        'invalid-model',
        path.withField('gap'),
        `a chained row needs a gap of at least ${needed} cells for its arrows, but gap is ${gap}; set gap to ${needed} or more`,
      );
    }
  }

  return { width: line.width + gap * Math.max(0, row.children.length - 1), height: line.height };
}

function measureColumn(column: ColumnNode, path: FieldPath, context: MeasureContext): Size {
  const line = measureInLine(column.children, path, 'children', 'vertical', context);
  const gap = columnGap(column);
  if (column.chain !== undefined && column.chain !== false) {
    const needed = chainGapNeeded(column.children, column.chain, 'vertical');
    if (gap < needed) {
      throw new DiagramError(
        'invalid-model',
        path.withField('gap'),
        `a chained column needs a gap of at least ${needed} rows for its arrows, but gap is ${gap}; set gap to ${needed} or more`,
      );
    }
  }

  return { width: line.width, height: line.height + gap * Math.max(0, column.children.length - 1) };
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

/** A grid's size, with the tracks it was measured from, which placing reads again. */
interface GridSize extends Size {
  readonly tracks: GridTracks;
}

/** Returns the tracks of a measured grid. */
export function gridTracksOf(grid: GridNode, sizes: Sizes): GridTracks {
  return (sizeOf(sizes, grid) as GridSize).tracks;
}

function gridTracks(grid: GridNode, sizes: Sizes): GridTracks {
  const columnWidths = new Array<number>(grid.columns).fill(0);
  const rowHeights = new Array<number>(Math.ceil(grid.children.length / grid.columns)).fill(0);
  for (let index = 0; index < grid.children.length; index += 1) {
    const size = sizeOf(sizes, grid.children[index] as DiagramNode);
    const column = index % grid.columns;
    const row = Math.floor(index / grid.columns);
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
  for (let index = 0; index < grid.children.length; index += 1) {
    measureChild(grid.children[index] as DiagramNode, path, 'children', index, context);
  }
  const tracks = gridTracks(grid, context.sizes);

  return {
    width: sum(tracks.columnWidths) + tracks.columnGap * Math.max(0, tracks.columnWidths.length - 1),
    height: sum(tracks.rowHeights) + tracks.rowGap * Math.max(0, tracks.rowHeights.length - 1),
    tracks,
  };
}

function measureBox(box: BoxNode, path: FieldPath, context: MeasureContext): Size {
  const content = measureInLine(box.children, path, 'children', 'vertical', context);
  const frame = boxFrame(box);
  const dividers = box.divided ? Math.max(0, box.children.length - 1) : 0;
  const contentHeight = content.height + dividers;
  const titleWidth = box.title === undefined || box.title === '' ? 0 : context.text.line(box.title).width + TITLE_FRAME;

  const naturalWidth = Math.max(content.width + frame.left + frame.right, titleWidth, box.minWidth ?? 0);
  const naturalHeight = Math.max(contentHeight + frame.top + frame.bottom, box.minHeight ?? 0);

  return {
    width: fixedOrNatural(box.width, naturalWidth, path, 'width'),
    height: fixedOrNatural(box.height, naturalHeight, path, 'height'),
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
export function fanRowWidth(fan: FanNode, sizes: Sizes): number {
  let width = 0;
  // An index loop for the reason measureInLine gives: this runs once per fan, often unoptimized.
  for (let index = 0; index < fan.nodes.length; index += 1) {
    width += sizeOf(sizes, fan.nodes[index] as DiagramNode).width;
  }

  return withFanGaps(fan, width);
}

/** Returns `width`, the nodes of a fan's row laid side by side, plus the gaps between them. */
function withFanGaps(fan: FanNode, width: number): number {
  return width + (fan.gap ?? FAN_GAP) * Math.max(0, fan.nodes.length - 1);
}

function measureFan(fan: FanNode, path: FieldPath, context: MeasureContext): Size {
  const nodes = measureInLine(fan.nodes, path, 'nodes', 'horizontal', context);
  const from = fan.from === undefined ? undefined : measureChild(fan.from, path, 'from', -1, context);
  const to = fan.to === undefined ? undefined : measureChild(fan.to, path, 'to', -1, context);
  const rowWidth = withFanGaps(fan, nodes.width);

  return {
    width: Math.max(rowWidth, from?.width ?? 0, to?.width ?? 0),
    height: linkedHeight(from) + nodes.height + linkedHeight(to),
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
