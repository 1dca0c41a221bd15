import type {
  BorderStyle,
  BoxNode,
  ColumnNode,
  Connector,
  CurveMarker,
  CurveNode,
  GridNode,
  HorizontalAlign,
  LineWeight,
  NodeKind,
  RowNode,
  Stub,
  VerticalAlign,
} from '../model.js';

/** The values each enum field of the model accepts, listed so the compiler checks them against model.ts. */

/**
 * Lists the members of a string union. The compiler rejects a list that
 * misses a member, so a value added to model.ts fails to build here until
 * the validator accepts it.
 */
export function everyValue<T extends string>() {
  return <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): readonly string[] =>
    values;
}

export const NODE_KINDS = everyValue<NodeKind>()([
  'box',
  'text',
  'vtext',
  'tag',
  'rule',
  'spacer',
  'row',
  'column',
  'grid',
  'fan',
  'bar',
  'curve',
]);
export const BORDER_STYLES = everyValue<BorderStyle>()(['light', 'heavy', 'double', 'rounded', 'shade', 'ascii', 'none']);
export const LINE_WEIGHTS = everyValue<LineWeight>()(['light', 'heavy', 'double']);
export const HORIZONTAL_ALIGNS = everyValue<HorizontalAlign>()(['left', 'center', 'right']);
export const VERTICAL_ALIGNS = everyValue<VerticalAlign>()(['top', 'middle', 'bottom']);
export const BOX_ALIGNS = everyValue<NonNullable<BoxNode['align']>>()(['left', 'center', 'right', 'stretch']);
export const ROW_ALIGNS = everyValue<NonNullable<RowNode['align']>>()(['top', 'middle', 'bottom', 'stretch']);
export const COLUMN_ALIGNS = everyValue<NonNullable<ColumnNode['align']>>()(['left', 'center', 'right', 'stretch']);
export const GRID_VALIGNS = everyValue<NonNullable<GridNode['valign']>>()(['top', 'middle', 'bottom', 'stretch']);
export const HEADS = everyValue<NonNullable<Connector['head']>>()(['end', 'start', 'both', 'none']);
export const LABEL_SIDES = everyValue<NonNullable<Connector['labelSide']>>()(['above', 'below', 'left', 'right']);
export const DIRECTIONS = everyValue<Stub['direction']>()(['in', 'out']);
export const SIDES = everyValue<Stub['side']>()(['left', 'right', 'top', 'bottom']);
export const CURVE_SHAPES = everyValue<NonNullable<CurveNode['shape']>>()(['sparkline', 'line']);
export const MARKER_SYMBOLS = everyValue<NonNullable<CurveMarker['symbol']>>()(['arrow', 'bound']);

export const NODE_EXAMPLE = '{ kind: "text", text: "Hello" }';
