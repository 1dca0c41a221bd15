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
  SpacerNode,
  Stub,
  TagNode,
  TextNode,
  VerticalTextNode,
} from './model.js';

/**
 * Builders: thin typed constructors that return plain model objects, so a
 * diagram's source reads like its picture. Each copies its options and never
 * keeps a reference to the caller's arrays.
 */

type Options<T, Omitted extends keyof T = never> = Omit<T, 'kind' | Omitted>;

export function box(options: Options<BoxNode, 'children'>, children: readonly DiagramNode[] | DiagramNode): BoxNode;
export function box(children: readonly DiagramNode[] | DiagramNode): BoxNode;
export function box(
  first: Options<BoxNode, 'children'> | readonly DiagramNode[] | DiagramNode,
  second?: readonly DiagramNode[] | DiagramNode,
): BoxNode {
  if (second === undefined) {
    return { kind: 'box', children: asList(first as readonly DiagramNode[] | DiagramNode) };
  }

  return { ...(first as Options<BoxNode, 'children'>), kind: 'box', children: asList(second) };
}

export function text(content: string, options: Options<TextNode, 'text'> = {}): TextNode {
  return { ...options, kind: 'text', text: content };
}

export function vtext(content: string, options: Options<VerticalTextNode, 'text'> = {}): VerticalTextNode {
  return { ...options, kind: 'vtext', text: content };
}

export function tag(content: string, options: Options<TagNode, 'text'> = {}): TagNode {
  return { ...options, kind: 'tag', text: content };
}

export function rule(options: Options<RuleNode> = {}): RuleNode {
  return { ...options, kind: 'rule' };
}

export function spacer(options: Options<SpacerNode> = {}): SpacerNode {
  return { ...options, kind: 'spacer' };
}

export function row(options: Options<RowNode, 'children'>, children: readonly DiagramNode[]): RowNode;
export function row(children: readonly DiagramNode[]): RowNode;
export function row(first: Options<RowNode, 'children'> | readonly DiagramNode[], second?: readonly DiagramNode[]): RowNode {
  if (second === undefined) {
    return { kind: 'row', children: [...(first as readonly DiagramNode[])] };
  }

  return { ...(first as Options<RowNode, 'children'>), kind: 'row', children: [...second] };
}

export function column(options: Options<ColumnNode, 'children'>, children: readonly DiagramNode[]): ColumnNode;
export function column(children: readonly DiagramNode[]): ColumnNode;
export function column(
  first: Options<ColumnNode, 'children'> | readonly DiagramNode[],
  second?: readonly DiagramNode[],
): ColumnNode {
  if (second === undefined) {
    return { kind: 'column', children: [...(first as readonly DiagramNode[])] };
  }

  return { ...(first as Options<ColumnNode, 'children'>), kind: 'column', children: [...second] };
}

export function grid(options: Options<GridNode, 'children'>, children: readonly DiagramNode[]): GridNode {
  return { ...options, kind: 'grid', children: [...children] };
}

export function fan(options: Options<FanNode>): FanNode {
  // A missing or malformed `nodes` is passed on as given, so validation names it instead of a TypeError here.
  const nodes = Array.isArray(options.nodes) ? [...options.nodes] : options.nodes;

  return { ...options, kind: 'fan', nodes };
}

export function bar(value: number, options: Options<BarNode, 'value'> = {}): BarNode {
  return { ...options, kind: 'bar', value };
}

export function curve(values: readonly number[], options: Options<CurveNode, 'values'> = {}): CurveNode {
  return { ...options, kind: 'curve', values: [...values] };
}

/** A connector from one node's id to another's. */
export function arrow(from: string, to: string, options: Omit<Connector, 'from' | 'to'> = {}): Connector {
  return { ...options, from, to };
}

/** Connectors that link the ids in order: `chain(['a', 'b', 'c'])` is a→b and b→c. */
export function chain(ids: readonly string[], options: Omit<Connector, 'from' | 'to'> = {}): Connector[] {
  return ids.slice(1).map((to, index) => arrow(ids[index] as string, to, options));
}

/** A short arrow into or out of one side of a node. */
export function stub(id: string, direction: Stub['direction'], side: Stub['side'], length: number, options: Pick<Stub, 'line'> = {}): Stub {
  return { ...options, id, direction, side, length };
}

function asList(children: readonly DiagramNode[] | DiagramNode): DiagramNode[] {
  return Array.isArray(children) ? [...(children as readonly DiagramNode[])] : [children as DiagramNode];
}
