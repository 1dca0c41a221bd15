import { maxOf } from '../numbers.js';
import { joinPath } from '../errors.js';
import { chainGapNeeded } from '../layout/chain.js';
import { boxFrame } from '../layout/geometry.js';
import { measureTree, rowGap } from '../layout/measure.js';
import type {
  BarNode,
  BoxNode,
  ColumnNode,
  Connector,
  CurveNode,
  DiagramNode,
  FanNode,
  GridNode,
  RowNode,
  RuleNode,
  TagNode,
  TextNode,
} from '../model.js';
import type { Typesetter } from '../text/typeset.js';
import { FitLevel, type LayoutChange, type LayoutDiagnostic } from './diagnostics.js';
import { minContentWidth } from './min-content.js';
import { longestWord, truncateLine, wrapText } from './text-fit.js';
import { BAR_WIDTH, CAPTION_MARGIN, PERCENT_WIDTH, TITLE_FRAME } from '../layout/defaults.js';
import { endsInLine } from '../validate-links.js';

/** State that fitting reads and writes while it walks the model. */
export interface FitContext {
  readonly text: Typesetter;
  readonly level: FitLevel;
  readonly ellipsis: string;
  /** Whether any connector is declared anywhere, so compacted gaps keep room for arrows. */
  readonly hasConnectors: boolean;
  readonly diagnostics: LayoutDiagnostic[];
  /** Natural widths of the nodes measured so far; nodes are never changed, so a width stays true. */
  readonly widths: Map<DiagramNode, number>;
  /**
   * Each node's fitted copies so far, by width and path. A row tries its
   * children at its own width and again at their shares, so without these a
   * row nested in a row nested in a row fitted its innermost node once per
   * path through the attempts, exponentially many times.
   */
  readonly fitted: Map<DiagramNode, FittedCopy[]>;
}

/** A node fitted to `available` columns at `path`, with the diagnostics fitting it added. */
interface FittedCopy {
  readonly available: number;
  readonly path: string;
  readonly node: DiagramNode;
  readonly diagnostics: readonly LayoutDiagnostic[];
}

/** Rows between the lines of a reflowed row or grid whose nodes are linked, so a route can turn between them. */
const LINKED_LINE_GAP = 3;

/** The smallest gap that keeps room for an arrow, `─▶`, and a blank cell. */
const CONNECTOR_GAP = 3;

export function naturalWidth(context: FitContext, node: DiagramNode): number {
  const known = context.widths.get(node);
  if (known !== undefined) {
    return known;
  }
  const width = measureTree(node, context.text).width;
  context.widths.set(node, width);

  return width;
}

function report(context: FitContext, path: string, change: LayoutChange, message: string): void {
  context.diagnostics.push({ path, change, message });
}

/**
 * Returns a model that draws within `available` columns where the current
 * level allows it, and the same node when it already fits. The input is never
 * changed; changed nodes are copies.
 */
export function fitNode(context: FitContext, node: DiagramNode, available: number, path: string): DiagramNode {
  if (naturalWidth(context, node) <= available) {
    return node;
  }

  const copies = context.fitted.get(node);
  const known = copies?.find((copy) => copy.available === available && copy.path === path);
  if (known !== undefined) {
    context.diagnostics.push(...known.diagnostics);

    return known.node;
  }

  const mark = context.diagnostics.length;
  const fitted = fitByKind(context, node, available, path);
  const copy: FittedCopy = { available, path, node: fitted, diagnostics: context.diagnostics.slice(mark) };
  if (copies === undefined) {
    context.fitted.set(node, [copy]);
  } else {
    copies.push(copy);
  }

  return fitted;
}

function fitByKind(context: FitContext, node: DiagramNode, available: number, path: string): DiagramNode {
  switch (node.kind) {
    case 'text':
      return fitText(context, node, available, path);
    case 'tag':
      return fitTag(context, node, available, path);
    case 'rule':
      return fitRule(context, node, available, path);
    case 'spacer':
      return compactSpacer(context, node, available, path);
    case 'bar':
      return fitBar(context, node, available, path);
    case 'curve':
      return fitCurve(context, node, available, path);
    case 'box':
      return fitBox(context, node, available, path);
    case 'column':
      return fitColumn(context, node, available, path);
    case 'row':
      return fitRow(context, node, available, path);
    case 'grid':
      return fitGrid(context, node, available, path);
    case 'fan':
      return fitFan(context, node, available, path);
    case 'vtext':
      return node;
  }
}

function childPath(path: string, index: number): string {
  return joinPath(joinPath(path, 'children'), index);
}

function fitText(context: FitContext, node: TextNode, available: number, path: string): DiagramNode {
  if (context.level < FitLevel.Wrap || available < 1) {
    return node;
  }

  const wrapped = wrapText(context.text, node.text, available);
  const lines = wrapped.split('\n').length;
  const broke = longestWord(context.text, node.text) > available;
  report(context, path, 'wrapped', `text wrapped to ${lines} lines of at most ${available} columns${broke ? ', breaking words wider than that' : ''}`);

  return { ...node, text: wrapped };
}

function fitTag(context: FitContext, node: TagNode, available: number, path: string): DiagramNode {
  const room = available - 2 - 2 * (node.padding ?? 0);
  if (context.level < FitLevel.Truncate || room < 1) {
    return node;
  }

  report(context, path, 'truncated', `tag shortened to ${room} columns`);

  return { ...node, text: truncateLine(context.text.line(node.text), room, context.ellipsis) };
}

function fitRule(context: FitContext, node: RuleNode, available: number, path: string): DiagramNode {
  let rule = node;
  if (typeof rule.width === 'number' && rule.width > available) {
    report(context, path, 'scaled', `rule shortened from ${rule.width} to ${available} columns`);
    rule = { ...rule, width: available };
  }
  if (rule.caption !== undefined && context.level >= FitLevel.Truncate) {
    const room = available - 2 * CAPTION_MARGIN - 2;
    if (room >= 1 && context.text.line(rule.caption).width > room) {
      report(context, path, 'truncated', `caption shortened to ${room} columns`);
      rule = { ...rule, caption: truncateLine(context.text.line(rule.caption), room, context.ellipsis) };
    }
  }

  return rule;
}

function compactSpacer(context: FitContext, node: DiagramNode & { kind: 'spacer' }, available: number, path: string): DiagramNode {
  report(context, path, 'compacted', `spacer narrowed from ${node.width ?? 0} to ${available} columns`);

  return { ...node, width: Math.max(0, available) };
}

/**
 * Fits a column's children to the width. Bars in the column share one label
 * column and one scale: they are narrowed together, so a full bar never draws
 * shorter than a partly filled one and their brackets stay lined up.
 */
function fitColumn(context: FitContext, node: ColumnNode, available: number, path: string): DiagramNode {
  const shared = context.level >= FitLevel.Wrap ? sharedBarShape(context, node.children, available) : undefined;
  const children = node.children.map((child, index) => {
    const childPath_ = childPath(path, index);
    if (shared === undefined || child.kind !== 'bar' || naturalWidth(context, child) <= available) {
      return fitNode(context, child, available, childPath_);
    }
    const width = child.width ?? BAR_WIDTH;
    const scaled = Math.max(1, Math.floor((width * shared.width) / shared.widest));
    report(context, childPath_, 'scaled', `bar narrowed from ${width} to ${scaled} cells, with the other bars of its column`);

    return { ...child, labelWidth: shared.labelWidth, width: scaled };
  });

  return { ...node, children };
}

/** One label column and the room for the widest bar, for the bars of a column; undefined with fewer than two bars or no room. */
function sharedBarShape(context: FitContext, children: readonly DiagramNode[], available: number): { labelWidth: number; width: number; widest: number } | undefined {
  const bars = children.filter((child): child is BarNode => child.kind === 'bar');
  if (bars.length < 2) {
    return undefined;
  }
  const labelWidth = maxOf(bars.map((bar) => (bar.label === undefined ? 0 : context.text.line(bar.label).width)));
  const percent = bars.some((bar) => bar.percent !== false) ? PERCENT_WIDTH + 1 : 0;
  const room = available - (labelWidth > 0 ? labelWidth + 1 : 0) - 2 - percent;
  const widest = maxOf(bars.map((bar) => bar.width ?? BAR_WIDTH));

  return room >= 1 ? { labelWidth, width: Math.min(room, widest), widest } : undefined;
}

function fitBar(context: FitContext, node: BarNode, available: number, path: string): DiagramNode {
  let bar = node;
  const ownLabelWidth = bar.label === undefined ? 0 : context.text.line(bar.label).width;
  if (bar.labelWidth !== undefined && bar.labelWidth > ownLabelWidth) {
    report(context, path, 'compacted', `label column narrowed from ${bar.labelWidth} to ${ownLabelWidth}`);
    bar = { ...bar, labelWidth: ownLabelWidth };
  }
  if (context.level < FitLevel.Wrap) {
    return bar;
  }

  const labelWidth = bar.labelWidth ?? ownLabelWidth;
  const fixed = (labelWidth > 0 ? labelWidth + 1 : 0) + 2 + (bar.percent === false ? 0 : PERCENT_WIDTH + 1);
  const width = bar.width ?? BAR_WIDTH;
  const room = Math.max(1, available - fixed);
  if (room < width) {
    report(context, path, 'scaled', `bar narrowed from ${width} to ${room} cells`);
    bar = { ...bar, width: room };
  }
  if (available - fixed < 1 && context.level >= FitLevel.Truncate && bar.label !== undefined) {
    const labelRoom = Math.max(1, available - (fixed - labelWidth) - 1);
    report(context, path, 'truncated', `bar label shortened to ${labelRoom} columns`);
    bar = { ...bar, label: truncateLine(context.text.line(bar.label), labelRoom, context.ellipsis), labelWidth: labelRoom };
  }

  return bar;
}

function fitCurve(context: FitContext, node: CurveNode, available: number, path: string): DiagramNode {
  let curve = node;
  if ((curve.margin ?? 0) > 0) {
    report(context, path, 'compacted', 'curve margin removed');
    curve = { ...curve, margin: 0 };
  }
  if (context.level < FitLevel.Wrap || naturalWidth(context, curve) <= available) {
    return curve;
  }

  const count = Math.max(2, Math.min(curve.values.length, available));
  if (count >= curve.values.length) {
    return curve;
  }
  report(context, path, 'scaled', `curve resampled from ${curve.values.length} to ${count} points`);

  return resampleCurve(curve, count);
}

/** Averages the values into `count` equal buckets and moves markers to the bucket that contains their point. */
export function resampleCurve(curve: CurveNode, count: number): CurveNode {
  const source = curve.values;
  const values: number[] = [];
  for (let bucket = 0; bucket < count; bucket += 1) {
    const start = Math.floor((bucket * source.length) / count);
    const end = Math.max(start + 1, Math.floor(((bucket + 1) * source.length) / count));
    let total = 0;
    for (let index = start; index < end; index += 1) {
      total += source[index] ?? 0;
    }
    values.push(total / (end - start));
  }
  const markers = curve.markers?.map((marker) => ({ ...marker, at: Math.min(count - 1, Math.floor((marker.at * count) / source.length)) }));

  return { ...curve, values, ...(markers && { markers }) };
}

function fitBox(context: FitContext, node: BoxNode, available: number, path: string): DiagramNode {
  let box = node;
  const frame = boxFrame(box);
  if (frame.left + frame.right > 2 && (box.border === 'none' ? frame.left + frame.right > 0 : true)) {
    const border = box.border === 'none' ? 0 : 1;
    if (frame.left > border || frame.right > border) {
      report(context, path, 'compacted', 'horizontal padding removed');
      box = { ...box, padding: { top: frame.top - border, bottom: frame.bottom - border, left: 0, right: 0 } };
    }
  }
  if (box.minWidth !== undefined && box.minWidth > available) {
    report(context, path, 'compacted', `minWidth ${box.minWidth} lowered to ${available} columns`);
    box = { ...box, minWidth: Math.max(0, available) };
  }
  if (box.width !== undefined && box.width > available) {
    report(context, path, 'compacted', `width ${box.width} dropped to fit ${available} columns`);
    const { width: _dropped, ...rest } = box;
    box = rest as BoxNode;
  }

  const fitted = boxFrame(box);
  const inner = available - fitted.left - fitted.right;
  const children = box.children.map((child, index) => fitNode(context, child, inner, childPath(path, index)));
  box = { ...box, children };

  if (box.title !== undefined && context.level >= FitLevel.Truncate) {
    const room = available - TITLE_FRAME;
    if (room >= 1 && context.text.line(box.title).width > room) {
      report(context, path, 'truncated', `title shortened to ${room} columns`);
      box = { ...box, title: truncateLine(context.text.line(box.title), room, context.ellipsis) };
    }
  }

  return box;
}

/** The smallest gap a row or grid can have: room for its own chain or connectors, or for any connector in the diagram. */
function minimumGap(context: FitContext, children: readonly DiagramNode[], chain: RowNode['chain'], connectors: readonly Connector[] | undefined): number {
  const chained = chain === undefined || chain === false ? 1 : chainGapNeeded(children, chain, 'horizontal');
  const labelled = maxOf((connectors ?? []).map((connector) => (connector.label === undefined ? 0 : context.text.line(connector.label).width + 2)));
  const linked = connectors !== undefined && connectors.length > 0 ? Math.max(CONNECTOR_GAP, labelled) : context.hasConnectors ? CONNECTOR_GAP : 1;

  return Math.max(chained, linked);
}

/**
 * Gives each child a width between its minimum content width and its
 * natural width, sharing what is left in proportion to how much each would
 * like, or returns undefined when even the minimums do not fit.
 */
function shareWidths(minimums: readonly number[], naturals: readonly number[], available: number): number[] | undefined {
  const base = minimums.reduce((total, width) => total + width, 0);
  if (base > available) {
    return undefined;
  }

  const wants = naturals.map((natural, index) => Math.max(0, natural - (minimums[index] ?? 0)));
  const totalWant = wants.reduce((total, want) => total + want, 0);
  const spare = available - base;
  const shares = minimums.map((minimum, index) => minimum + (totalWant === 0 ? 0 : Math.floor(((wants[index] ?? 0) * spare) / totalWant)));

  return shares.map((share, index) => Math.min(share, naturals[index] ?? share));
}

function fitRow(context: FitContext, node: RowNode, available: number, path: string): DiagramNode {
  const gap = Math.min(rowGap(node), minimumGap(context, node.children, node.chain, node.connectors));
  if (node.gap !== undefined && gap < node.gap) {
    report(context, path, 'compacted', `gap narrowed from ${node.gap} to ${gap}`);
  }
  const row = { ...node, gap };

  const gaps = gap * Math.max(0, row.children.length - 1);
  const mark = context.diagnostics.length;
  const alone = row.children.map((child, index) => fitNode(context, child, available, childPath(path, index)));
  const widths = alone.map((child) => naturalWidth(context, child));
  if (sum(widths) + gaps <= available) {
    return { ...row, children: alone };
  }

  // The diagnostics of the children fitted alone are kept only if those children are.
  const aloneDiagnostics = context.diagnostics.splice(mark);
  if (context.level >= FitLevel.Wrap) {
    const shared = fitShared(context, row.children, available - gaps, path, childPath);
    if (shared !== undefined) {
      return { ...row, children: shared };
    }
  }
  context.diagnostics.push(...aloneDiagnostics);

  if (context.level >= FitLevel.Reflow && row.children.length > 1) {
    return reflowRow(context, row, alone, widths, available, path);
  }

  return { ...row, children: alone };
}

/** Fits children side by side in `available` columns by sharing, or returns undefined when their minimums are too wide. */
function fitShared(
  context: FitContext,
  children: readonly DiagramNode[],
  available: number,
  path: string,
  pathOf: (path: string, index: number) => string,
): DiagramNode[] | undefined {
  const minimums = children.map((child) => minContentWidth(context, child));
  const naturals = children.map((child) => naturalWidth(context, child));
  const shares = shareWidths(minimums, naturals, available);
  if (shares === undefined) {
    return undefined;
  }

  const mark = context.diagnostics.length;
  const fitted = children.map((child, index) => fitNode(context, child, shares[index] ?? 0, pathOf(path, index)));
  const total = sum(fitted.map((child) => naturalWidth(context, child)));
  if (total > available) {
    context.diagnostics.length = mark;

    return undefined;
  }

  return fitted;
}

/**
 * Breaks a row into lines that each fit, stacked in a column. A chain keeps
 * linking the last node of one line to the first of the next, through ids
 * given to nodes that have none.
 */
function reflowRow(context: FitContext, row: RowNode, children: readonly DiagramNode[], widths: readonly number[], available: number, path: string): DiagramNode {
  const lines = packLines(widths, row.gap ?? 1, available).map((line) => line.map((index) => children[index] as DiagramNode));
  report(context, path, 'reflowed', `${children.length} nodes moved onto ${lines.length} lines to fit ${available} columns`);

  const chained = row.chain !== undefined && row.chain !== false;
  const linked = chained || (row.connectors?.length ?? 0) > 0 || context.hasConnectors;
  const crossLinks: Connector[] = [];
  const withIds = chained ? lines.map((line, lineIndex) => line.map((child, index) => ensureId(child, `${path}/line${lineIndex}/${index}`))) : lines;
  if (chained) {
    const options = typeof row.chain === 'object' ? row.chain : {};
    for (let index = 1; index < withIds.length; index += 1) {
      const last = withIds[index - 1]?.at(-1);
      const first = withIds[index]?.[0];
      if (last?.id !== undefined && first?.id !== undefined) {
        // The chain turns down between lines: out of the bottom of one node and into the top of the next,
        // except where either node may end in a line of its own (a rule, bar or curve, or a container
        // with one), which the router then avoids.
        const sides = endsInLine(last) || endsInLine(first) ? {} : ({ fromSide: 'bottom', toSide: 'top' } as const);
        crossLinks.push({ from: last.id, to: first.id, ...sides, ...(options.head && { head: options.head }), ...(options.line && { line: options.line }) });
      }
    }
  }

  const { children: _children, connectors, stubs, id, ...rowOptions } = row;

  return {
    kind: 'column',
    gap: linked ? LINKED_LINE_GAP : 1,
    ...(id !== undefined && { id }),
    connectors: [...(connectors ?? []), ...crossLinks],
    ...(stubs && { stubs }),
    children: withIds.map((line) => ({ ...rowOptions, kind: 'row' as const, children: line })),
  };
}

/**
 * Packs items of the given widths into lines, in order and `gap` apart,
 * starting a new line when the next item would pass `available`. Returns the
 * items' indices line by line; an item wider than `available` gets a line.
 */
function packLines(widths: readonly number[], gap: number, available: number): number[][] {
  const lines: number[][] = [[]];
  let used = 0;
  widths.forEach((width, index) => {
    const line = lines[lines.length - 1] ?? [];
    if (line.length > 0 && used + gap + width > available) {
      lines.push([index]);
      used = width;
    } else {
      line.push(index);
      used += (line.length > 1 ? gap : 0) + width;
    }
  });

  return lines;
}

/** Reserved id prefix for nodes that fitting links; a NUL cannot appear in an id a person types. */
const FIT_ID_PREFIX = '\u0000fit:';

function ensureId(node: DiagramNode, key: string): DiagramNode {
  return node.id === undefined ? { ...node, id: `${FIT_ID_PREFIX}${key}` } : node;
}

function fitGrid(context: FitContext, node: GridNode, available: number, path: string): DiagramNode {
  let grid = node;
  const gap = Math.min(grid.columnGap ?? 2, minimumGap(context, [], undefined, grid.connectors));
  if (gap < (grid.columnGap ?? 2)) {
    report(context, path, 'compacted', `column gap narrowed from ${grid.columnGap ?? 2} to ${gap}`);
    grid = { ...grid, columnGap: gap };
  }

  const columns = grid.columns;
  const gaps = (grid.columnGap ?? 2) * Math.max(0, columns - 1);
  const mark = context.diagnostics.length;
  const alone = grid.children.map((child, index) => fitNode(context, child, available, childPath(path, index)));
  const columnWidths = trackWidths(context, alone, columns);
  if (sum(columnWidths) + gaps <= available) {
    return { ...grid, children: alone };
  }

  // As in a row, the diagnostics of the children fitted alone are kept only if those children are.
  const aloneDiagnostics = context.diagnostics.splice(mark);
  if (context.level >= FitLevel.Wrap) {
    const minimums = trackMinimums(context, grid.children, columns);
    const naturals = trackWidths(context, grid.children, columns);
    const shares = shareWidths(minimums, naturals, available - gaps);
    if (shares !== undefined) {
      const fitted = grid.children.map((child, index) => fitNode(context, child, shares[index % columns] ?? 0, childPath(path, index)));
      if (sum(trackWidths(context, fitted, columns)) + gaps <= available) {
        return { ...grid, children: fitted };
      }
      context.diagnostics.length = mark;
    }
  }
  context.diagnostics.push(...aloneDiagnostics);

  if (context.level >= FitLevel.Reflow && columns > 1) {
    return splitGrid(context, grid, alone, columnWidths, available, path);
  }

  return { ...grid, children: alone };
}

function trackWidths(context: FitContext, children: readonly DiagramNode[], columns: number): number[] {
  const widths = new Array<number>(columns).fill(0);
  children.forEach((child, index) => {
    widths[index % columns] = Math.max(widths[index % columns] ?? 0, naturalWidth(context, child));
  });

  return widths;
}

function trackMinimums(context: FitContext, children: readonly DiagramNode[], columns: number): number[] {
  const widths = new Array<number>(columns).fill(0);
  children.forEach((child, index) => {
    widths[index % columns] = Math.max(widths[index % columns] ?? 0, minContentWidth(context, child));
  });

  return widths;
}

/** Splits a grid's columns into bands that each fit and stacks the bands, so each node keeps the nodes above and below it. */
function splitGrid(context: FitContext, grid: GridNode, children: readonly DiagramNode[], widths: readonly number[], available: number, path: string): DiagramNode {
  const bands = packLines(widths, grid.columnGap ?? 2, available);
  report(context, path, 'reflowed', `${grid.columns} columns split into ${bands.length} bands to fit ${available} columns`);

  const { children: _children, connectors, stubs, id, columns, ...gridOptions } = grid;
  const rows = Math.ceil(children.length / columns);
  const linked = (connectors?.length ?? 0) > 0 || context.hasConnectors;

  return {
    kind: 'column',
    gap: linked ? LINKED_LINE_GAP : (grid.rowGap ?? 1),
    ...(id !== undefined && { id }),
    ...(connectors && { connectors }),
    ...(stubs && { stubs }),
    children: bands.map((band) => ({
      ...gridOptions,
      kind: 'grid' as const,
      columns: band.length,
      children: Array.from({ length: rows }, (_, row) => band.map((column) => children[row * columns + column])).flat().filter((child): child is DiagramNode => child !== undefined),
    })),
  };
}

function fitFan(context: FitContext, node: FanNode, available: number, path: string): DiagramNode {
  let fan = node;
  if ((fan.gap ?? 3) > 1) {
    report(context, path, 'compacted', `gap narrowed from ${fan.gap ?? 3} to 1`);
    fan = { ...fan, gap: 1 };
  }
  const gaps = (fan.gap ?? 1) * Math.max(0, fan.nodes.length - 1);
  const nodePath = (base: string, index: number): string => joinPath(joinPath(base, 'nodes'), index);
  const mark = context.diagnostics.length;
  let nodes = fan.nodes.map((child, index) => fitNode(context, child, available, nodePath(path, index)));
  if (sum(nodes.map((child) => naturalWidth(context, child))) + gaps > available && context.level >= FitLevel.Wrap) {
    // As in a row, the diagnostics of the nodes fitted alone are kept only if those nodes are.
    const aloneDiagnostics = context.diagnostics.splice(mark);
    const shared = fitShared(context, fan.nodes, available - gaps, path, nodePath);
    if (shared === undefined) {
      context.diagnostics.push(...aloneDiagnostics);
    } else {
      nodes = shared;
    }
  }

  return {
    ...fan,
    nodes,
    ...(fan.from && { from: fitNode(context, fan.from, available, joinPath(path, 'from')) }),
    ...(fan.to && { to: fitNode(context, fan.to, available, joinPath(path, 'to')) }),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
