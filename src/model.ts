/**
 * The diagram model: plain, JSON-serializable objects discriminated by `kind`.
 * The builders in `builders.ts` create them, and so can any program or file.
 */

import type { Role, Style } from './style/style.js';

export type { Color, NamedColor, Role, Style, Theme } from './style/style.js';

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

/** Weight of a drawn line. `none` draws nothing and is only valid for box borders. */
export type LineWeight = 'light' | 'heavy' | 'double';

/**
 * Box border styles. `rounded` is light with arc corners, `shade` draws every
 * border cell as `▓`, `ascii` uses `+ - |` in every charset, `none` reserves no cells.
 */
export type BorderStyle = LineWeight | 'rounded' | 'shade' | 'ascii' | 'none';

/** Padding in cells: one number for every side, or per axis, or per side. */
export type Padding =
  | number
  | { readonly x?: number; readonly y?: number }
  | {
      readonly top?: number;
      readonly right?: number;
      readonly bottom?: number;
      readonly left?: number;
    };

/** A link between two nodes, named by their `id`, routed after placement. */
export interface Connector {
  readonly from: string;
  readonly to: string;
  /** Where arrowheads go. Default `end`. */
  readonly head?: 'end' | 'start' | 'both' | 'none';
  readonly label?: string;
  /**
   * Side of the line for the label: `above` or `below` a horizontal line
   * (default `above`), `left` or `right` of a vertical one (default `right`).
   * A route that turns puts its label on its longest run and reads the side
   * across: `above` as `left` and `below` as `right`, and the other way round.
   */
  readonly labelSide?: 'above' | 'below' | 'left' | 'right';
  readonly line?: LineWeight;
  /** The side of the `from` node the line leaves by. Default: the side the router finds best. */
  readonly fromSide?: 'top' | 'right' | 'bottom' | 'left';
  /** The side of the `to` node the line enters by. Default: the side the router finds best. */
  readonly toSide?: 'top' | 'right' | 'bottom' | 'left';
  /** Theme role of the line, arrowheads and label. Default `arrow`. */
  readonly role?: Role;
  /** Drawn over the role's style. */
  readonly style?: Style;
}

/**
 * A short arrow that enters or leaves one node from outside the layout, such
 * as the feed into the first stage of a pipeline.
 */
export interface Stub {
  /** The node the stub touches. */
  readonly id: string;
  /** `in` points at the node, `out` points away from it. */
  readonly direction: 'in' | 'out';
  readonly side: 'left' | 'right' | 'top' | 'bottom';
  /** Length in cells, arrowhead included. At least 2. */
  readonly length: number;
  readonly line?: LineWeight;
}

/** Links a container's children in order with arrows between neighbours. */
export interface Chain {
  readonly head?: 'end' | 'start' | 'both' | 'none';
  readonly line?: LineWeight;
}

interface NodeBase {
  /** The address of the JSON Schema, for editors that check a model file; the renderer ignores it. */
  readonly $schema?: string;
  /** Name for connectors; unique in the diagram. */
  readonly id?: string;
  /**
   * Theme role for everything this node and its descendants draw, in place of
   * the defaults (`border` for borders, `title` for titles, `label` for text).
   */
  readonly role?: Role;
  /** Drawn over the role's style, for this node's own cells only. */
  readonly style?: Style;
}

export interface BoxNode extends NodeBase {
  readonly kind: 'box';
  /** Default `light`. */
  readonly border?: BorderStyle;
  /** Drawn into the top border, inset by one cell. */
  readonly title?: string;
  readonly titleAlign?: HorizontalAlign;
  /** Default `{ x: 1, y: 0 }`. */
  readonly padding?: Padding;
  /** Horizontal alignment of the children inside. Default `left`. */
  readonly align?: HorizontalAlign | 'stretch';
  /** Vertical alignment of the children inside. Default `top`. */
  readonly valign?: VerticalAlign;
  /** Outer width in cells, border included. Fails if the content does not fit. */
  readonly width?: number;
  readonly minWidth?: number;
  /** Outer height in cells, border included. Fails if the content does not fit. */
  readonly height?: number;
  readonly minHeight?: number;
  /** Draw a divider line (`├───┤`) between consecutive children. Default false. */
  readonly divided?: boolean;
  /** Children stacked top to bottom. */
  readonly children: readonly DiagramNode[];
  /** A URL for every text cell inside the box, emitted as an OSC 8 hyperlink when `hyperlinks` is on. */
  readonly link?: string;
}

export interface TextNode extends NodeBase {
  readonly kind: 'text';
  /** Lines split on `\n`. */
  readonly text: string;
  /** Alignment of each line within the node's width. Default `left`. */
  readonly align?: HorizontalAlign;
  /** A URL, emitted as an OSC 8 hyperlink when `hyperlinks` is on. */
  readonly link?: string;
}

/** Text drawn one grapheme per line, top to bottom. */
export interface VerticalTextNode extends NodeBase {
  readonly kind: 'vtext';
  readonly text: string;
}

/** A bracketed label such as `[Notebook]`. */
export interface TagNode extends NodeBase {
  readonly kind: 'tag';
  readonly text: string;
  /** Spaces inside the brackets on each side. Default 0. */
  readonly padding?: number;
  /** A URL, emitted as an OSC 8 hyperlink when `hyperlinks` is on. */
  readonly link?: string;
}

export interface RuleNode extends NodeBase {
  readonly kind: 'rule';
  /** Default `light`. */
  readonly line?: LineWeight;
  /** A number of cells, or `full` to span the enclosing column or box. Default `full`. */
  readonly width?: number | 'full';
  /** Centred on the rule with one space either side. */
  readonly caption?: string;
}

export interface SpacerNode extends NodeBase {
  readonly kind: 'spacer';
  /** Default 0. */
  readonly width?: number;
  /** Default 1. */
  readonly height?: number;
}

export interface RowNode extends NodeBase {
  readonly kind: 'row';
  /** Cells between children. Default 1, or 4 with a chain. */
  readonly gap?: number;
  /** Vertical alignment of children. Default `top`. */
  readonly align?: VerticalAlign | 'stretch';
  readonly chain?: boolean | Chain;
  readonly connectors?: readonly Connector[];
  readonly stubs?: readonly Stub[];
  readonly children: readonly DiagramNode[];
}

export interface ColumnNode extends NodeBase {
  readonly kind: 'column';
  /** Rows between children. Default 0, or 2 with a chain. */
  readonly gap?: number;
  /** Horizontal alignment of children. Default `left`. */
  readonly align?: HorizontalAlign | 'stretch';
  readonly chain?: boolean | Chain;
  readonly connectors?: readonly Connector[];
  readonly stubs?: readonly Stub[];
  readonly children: readonly DiagramNode[];
}

export interface GridNode extends NodeBase {
  readonly kind: 'grid';
  /** Number of columns; children fill the grid row by row. */
  readonly columns: number;
  /** Cells between columns. Default 2. */
  readonly columnGap?: number;
  /** Rows between grid rows. Default 1. */
  readonly rowGap?: number;
  /** Alignment of each child in its cell. Default `center`. */
  readonly align?: HorizontalAlign | 'stretch';
  /** Default `top`. */
  readonly valign?: VerticalAlign | 'stretch';
  readonly connectors?: readonly Connector[];
  readonly stubs?: readonly Stub[];
  readonly children: readonly DiagramNode[];
}

/**
 * One node linked to many (`from` with `nodes`), many to one (`nodes` with
 * `to`), or both, through bus lines with joints. Flows top to bottom.
 */
export interface FanNode extends NodeBase {
  readonly kind: 'fan';
  readonly from?: DiagramNode;
  readonly nodes: readonly DiagramNode[];
  readonly to?: DiagramNode;
  /** Cells between the fanned nodes. Default 3. */
  readonly gap?: number;
  readonly line?: LineWeight;
}

/** A progress bar: `label [████░░░░]  40%`. */
export interface BarNode extends NodeBase {
  readonly kind: 'bar';
  readonly value: number;
  /** Default 100. */
  readonly max?: number;
  readonly label?: string;
  /** Width reserved for the label, so bars in a column line up. Default: the label's width. */
  readonly labelWidth?: number;
  /** Cells inside the brackets. Default 20. */
  readonly width?: number;
  /** Show the percentage after the bar. Default true. */
  readonly percent?: boolean;
}

/** A point of interest under a curve's baseline, such as `↑ center`. */
export interface CurveMarker {
  /** Index into `values`. */
  readonly at: number;
  /** Drawn under the baseline. Default `↑`. */
  readonly symbol?: 'arrow' | 'bound';
  readonly label?: string;
}

/** A series of numbers drawn as a sparkline or as a line with slopes. */
export interface CurveNode extends NodeBase {
  readonly kind: 'curve';
  readonly values: readonly number[];
  /** Default `sparkline`. */
  readonly shape?: 'sparkline' | 'line';
  /** Rows above the baseline for `line`. Default 3. */
  readonly height?: number;
  /** Lower bound of the scale; smaller values draw at it. Default: the smallest value, or 0 if that is positive. */
  readonly min?: number;
  /** Upper bound of the scale; larger values draw at it. Default: the largest value. */
  readonly max?: number;
  /** Extra baseline cells drawn on each side of a `line` curve. Default 0. */
  readonly margin?: number;
  readonly markers?: readonly CurveMarker[];
}

export type ContainerNode = RowNode | ColumnNode | GridNode | FanNode | BoxNode;

export type DiagramNode =
  | BoxNode
  | TextNode
  | VerticalTextNode
  | TagNode
  | RuleNode
  | SpacerNode
  | RowNode
  | ColumnNode
  | GridNode
  | FanNode
  | BarNode
  | CurveNode;

export type NodeKind = DiagramNode['kind'];
