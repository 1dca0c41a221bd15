import { joinPath } from '../errors.js';
import { BAR_MAX } from '../layout/defaults.js';
import type { Chain, Connector, CurveMarker, DiagramNode, NodeKind, Stub } from '../model.js';
import { NAMED_COLORS, ROLES, type Style } from '../style/style.js';
import { displayWidth } from '../text/width.js';
import { describe, didYouMean, isArray, isObject, quoteList, safeLength } from './describe.js';
import {
  BORDER_STYLES,
  BOX_ALIGNS,
  COLUMN_ALIGNS,
  CURVE_SHAPES,
  DIRECTIONS,
  GRID_VALIGNS,
  HEADS,
  HORIZONTAL_ALIGNS,
  LABEL_SIDES,
  LINE_WEIGHTS,
  MARKER_SYMBOLS,
  NODE_EXAMPLE,
  NODE_KINDS,
  ROW_ALIGNS,
  SIDES,
  VERTICAL_ALIGNS,
} from './enums.js';
import { checkWith, oneTimeShape, optional, optionalValue, required, requiredValue, tableShape } from './fields.js';
import type { BaseField, Field, FieldCheck, FieldRule, FieldTest, FieldValues, Limits, NodeRules, Rules, Siblings, TableShape, ValueTest } from './fields.js';
import type { QuickWalk } from './quick.js';
import { checkLimit, isFiniteNumber, isFlag, isOneOf, isPositive, isText, isWhole } from './values.js';
import type { Validator } from './walker.js';

/** The rule table of every node kind, and of the objects nodes hold: padding, styles, chains, connectors, stubs and markers. */

/** Counts and gaps in cells, where 0 is valid. */
export const isCells = isWhole({ min: 0 });
export const checkCells = checkWith(isCells);
export const CELLS = optionalValue(isCells);

/** Checks a label: a string, no longer than the validator's label limit. */
export function checkLabel(field: Field, validator: Validator): void {
  const message = isText(field.value, field.name);
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }
  const length = (field.value as string).length;
  if (length > validator.maxLabelLength) {
    validator.report(
      'limit-exceeded',
      field.path,
      `the label is ${length} characters long, over the limit maxLabelLength (${validator.maxLabelLength}); shorten it or raise limits.maxLabelLength`,
    );
  }
}

export function acceptsLabel(value: unknown, _siblings: Siblings, walk: QuickWalk): boolean {
  return typeof value === 'string' && value.length <= walk.maxLabelLength;
}

export const TEXT = optional(checkLabel, acceptsLabel);
export const FLAG = optionalValue(isFlag);
export const LINE = optionalValue(isOneOf(LINE_WEIGHTS));

export function oneOf(values: readonly string[]): FieldRule {
  return optionalValue(isOneOf(values));
}

export function checkNodeId(field: Field, validator: Validator): void {
  const message = isId(field.value, field.name, 'a name such as "build", or remove it');
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);
  }
}

export function isId(value: unknown, name: string, fix: string): string | undefined {
  if (isIdText(value)) {
    return undefined;
  }

  return `expected a non-empty string, got ${describe(value)}; set ${name} to ${fix}`;
}

/** Checks whether a value can be an id: a non-empty string. */
export function isIdText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Checks a connector or stub end: a non-empty id, matched against node ids after the walk. */
export function checkReference(field: Field, validator: Validator): void {
  const message = isId(field.value, field.name, 'the id of a node');
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  validator.addReference(field);
}

export function acceptsReference(value: unknown, _siblings: Siblings, walk: QuickWalk): boolean {
  if (!isIdText(value)) {
    return false;
  }
  walk.addReference(value);

  return true;
}

export function checkConnectorEnd(field: Field, validator: Validator): void {
  checkReference(field, validator);
  if (typeof field.value === 'string' && field.value === field.sibling('from')) {
    validator.report(
      'invalid-model',
      field.path,
      `the connector starts and ends at ${describe(field.value)}; set ${field.name} to the id of a different node`,
    );
  }
}

export function acceptsConnectorEnd(value: unknown, siblings: Siblings, walk: QuickWalk): boolean {
  return acceptsReference(value, siblings, walk) && value !== siblings.sibling('from');
}

const NODE_LIST_EXAMPLE = `[${NODE_EXAMPLE}]`;

export function nodeList(nonEmpty: boolean): FieldCheck {
  return (field, validator) => {
    const length = validator.readLength(field, NODE_LIST_EXAMPLE);
    if (length === undefined) {
      return;
    }

    if (nonEmpty && length === 0) {
      validator.report('invalid-model', field.path, `expected at least one node, got []; add a node such as ${NODE_EXAMPLE}`);

      return;
    }

    validator.addChildren(field, length);
  };
}

/** Builds the rule of a required list of child nodes, such as a box's children or a fan's nodes. */
export function nodeListRule(nonEmpty: boolean): FieldRule {
  const accepts: FieldTest = (value, _siblings, walk) => isArray(value) && (!nonEmpty || value.length > 0) && walk.queueNodes(value);

  return required(nodeList(nonEmpty), accepts, NODE_LIST_EXAMPLE);
}

export function checkChildNode(field: Field, validator: Validator): void {
  validator.addChild(field.value, field);
}

export const CHILD_NODE = optional(checkChildNode, (value, _siblings, walk) => walk.queueNode(value));

/** Per-side and per-axis padding share one table, so both forms can be checked for mixing. */
export interface PaddingFields {
  readonly x?: number;
  readonly y?: number;
  readonly top?: number;
  readonly right?: number;
  readonly bottom?: number;
  readonly left?: number;
}

export const PADDING_RULES: Rules<PaddingFields> = { x: CELLS, y: CELLS, top: CELLS, right: CELLS, bottom: CELLS, left: CELLS };
export const PADDING_SHAPE = tableShape(PADDING_RULES);
export const AXIS_FIELDS = ['x', 'y'];
export const SIDE_FIELDS = ['top', 'right', 'bottom', 'left'];

/**
 * Checks box padding: a number, `{ x, y }` or `{ top, right, bottom, left }`.
 * Mixing the forms is rejected because layout reads an object with `x` or
 * `y` as per-axis and would drop the per-side fields without a word.
 */
export function checkBoxPadding(field: Field, validator: Validator): void {
  if (typeof field.value === 'number') {
    checkCells(field, validator);

    return;
  }

  const forms = '{ x: 1, y: 0 } or { top: 0, right: 1, bottom: 0, left: 1 }';
  const target = validator.readObject(field.value, field, 'a number or a padding object', forms);
  if (target === undefined) {
    return;
  }

  const fields = validator.checkFields(target, field.fieldPath(), PADDING_SHAPE, 'padding');
  const axes = presentFields(fields, AXIS_FIELDS);
  const sides = presentFields(fields, SIDE_FIELDS);
  if (axes.length > 0 && sides.length > 0) {
    validator.report(
      'invalid-model',
      field.path,
      `padding mixes per-axis fields (${axes.join(', ')}) with per-side fields (${sides.join(', ')}); use { x, y } or { top, right, bottom, left }, not both`,
    );
  }
}

function presentFields(fields: FieldValues, names: readonly string[]): string[] {
  return names.filter((name) => fields.get(name) !== undefined);
}

function acceptsBoxPadding(value: unknown, _siblings: Siblings, walk: QuickWalk): boolean {
  if (typeof value === 'number') {
    return isCells(value, '') === undefined;
  }
  const fields = isObject(value) ? walk.acceptedFields(value, PADDING_SHAPE) : undefined;

  return fields !== undefined && (presentFields(fields, AXIS_FIELDS).length === 0 || presentFields(fields, SIDE_FIELDS).length === 0);
}

export const isBorderedSize = isWhole({ min: 2, reason: 'a bordered box needs a cell for each border' });

/** Tests the outer size of a box. A border takes one cell on each side, so a bordered box needs at least 2. */
function boxSizeTest(siblings: Siblings): ValueTest {
  return siblings.sibling('border') === 'none' ? isCells : isBorderedSize;
}

export function checkBoxSize(field: Field, validator: Validator): void {
  checkWith(boxSizeTest(field))(field, validator);
}

const BOX_SIZE = optional(checkBoxSize, (value, siblings) => boxSizeTest(siblings)(value, '') === undefined);

export function isRuleWidth(value: unknown, name: string): string | undefined {
  if (value === 'full') {
    return undefined;
  }

  if (typeof value === 'string') {
    return `expected "full" or a whole number of cells, got ${describe(value)}; set ${name} to "full" or a number such as 10`;
  }

  return checkLimit(value, name, { min: 1 });
}

/** `#rrggbb`, the form that `parseHex` in style/sgr.ts reads. */
export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Checks a colour in the forms that `Color` in style.ts allows: a name, a 256-colour palette index or `#rrggbb`. */
export function isColor(value: unknown, name: string): string | undefined {
  const names: readonly string[] = NAMED_COLORS;
  if (typeof value === 'string' && (names.includes(value) || HEX_COLOR.test(value))) {
    return undefined;
  }

  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255) {
    return undefined;
  }

  const hint = typeof value === 'string' ? didYouMean(value, names) : '';

  return `expected a colour name, a palette index from 0 to 255 or "#rrggbb", got ${describe(value)}; set ${name} to one of ${quoteList(NAMED_COLORS)}, an index or a code such as "#ff8800"${hint}`;
}

export const COLOR = optionalValue(isColor);
export const STYLE_RULES: Rules<Style> = {
  fg: COLOR,
  bg: COLOR,
  bold: FLAG,
  dim: FLAG,
  italic: FLAG,
  underline: FLAG,
  inverse: FLAG,
  strikethrough: FLAG,
};
export const STYLE_SHAPE = tableShape(STYLE_RULES);

export function checkStyle(field: Field, validator: Validator): void {
  const target = validator.readObject(field.value, field, 'a style object', '{ fg: "cyan", bold: true }');
  if (target !== undefined) {
    validator.checkFields(target, field.fieldPath(), STYLE_SHAPE, 'a style');
  }
}

/** Builds the field test of a nested object checked against `shape`, such as a style. */
export function acceptsObjectOf(shape: TableShape): FieldTest {
  return (value, _siblings, walk) => isObject(value) && walk.acceptedFields(value, shape) !== undefined;
}

export const ROLE = oneOf(ROLES);
export const STYLE = optional(checkStyle, acceptsObjectOf(STYLE_SHAPE));

/** Visible ASCII: RFC 3986 URIs carry every other character percent-encoded. */
export const URI_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Checks a hyperlink target. Serialization writes it unescaped into an OSC 8
 * sequence, so a control character such as ESC or BEL would end the sequence
 * early and reach the terminal as a command.
 */
export function isLink(value: unknown, name: string): string | undefined {
  if (typeof value !== 'string') {
    return isText(value, name);
  }

  if (URI_CHARACTERS.test(value)) {
    return undefined;
  }

  return `expected a URL of visible ASCII characters, got ${describe(value)}; percent-encode spaces, control and non-ASCII characters in ${name}, a space as %20`;
}

export const LINK = optionalValue(isLink);

export const CHAIN_RULES: Rules<Chain> = { head: oneOf(HEADS), line: LINE };
export const CHAIN_SHAPE = tableShape(CHAIN_RULES);

export function checkChain(field: Field, validator: Validator): void {
  if (typeof field.value === 'boolean') {
    return;
  }

  const target = validator.readObject(field.value, field, 'true, false or a chain object', '{ head: "end", line: "light" }');
  if (target !== undefined) {
    validator.checkFields(target, field.fieldPath(), CHAIN_SHAPE, 'a chain');
  }
}

const acceptsChainObject = acceptsObjectOf(CHAIN_SHAPE);
const CHAIN = optional(checkChain, (value, siblings, walk) => typeof value === 'boolean' || acceptsChainObject(value, siblings, walk));

export const CONNECTOR_RULES: Rules<Connector> = {
  from: required(checkReference, acceptsReference, '"a"'),
  to: required(checkConnectorEnd, acceptsConnectorEnd, '"b"'),
  head: oneOf(HEADS),
  label: TEXT,
  labelSide: oneOf(LABEL_SIDES),
  fromSide: oneOf(SIDES),
  toSide: oneOf(SIDES),
  line: LINE,
  role: ROLE,
  style: STYLE,
};
export const CONNECTOR_SHAPE = tableShape(CONNECTOR_RULES);

export const STUB_RULES: Rules<Stub> = {
  id: required(checkReference, acceptsReference, '"input"'),
  direction: requiredValue(isOneOf(DIRECTIONS), '"in"'),
  side: requiredValue(isOneOf(SIDES), '"left"'),
  length: requiredValue(isWhole({ min: 2, reason: 'a line cell and an arrowhead' }), '2'),
  line: LINE,
};
export const STUB_SHAPE = tableShape(STUB_RULES);

export function objectList(shapeFor: (siblings: Siblings) => TableShape, itemName: string, example: string): FieldCheck {
  // Built once here rather than on each check, which would join the string for every list, valid or not.
  const listExample = `[${example}]`;

  return (field, validator) => {
    const list = validator.readList(field, listExample);
    const shape = shapeFor(field);
    for (const item of list?.items ?? []) {
      const target = validator.readObject(item.value, item, itemName, example);
      if (target !== undefined) {
        validator.checkFields(target, item, shape, itemName);
      }
    }
  };
}

/** Builds the field test of a list of objects, each checked against the shape that `shapeFor` returns. */
export function acceptsObjectList(shapeFor: (siblings: Siblings) => TableShape): FieldTest {
  return (value, siblings, walk) => {
    if (!isArray(value)) {
      return false;
    }
    const shape = shapeFor(siblings);
    // The length is read once, as the full walk reads it, in case the list is a proxy that changes it.
    const length = value.length;
    for (let index = 0; index < length; index += 1) {
      const item = value[index];
      if (!isObject(item) || walk.acceptedFields(item, shape) === undefined) {
        return false;
      }
    }

    return true;
  };
}

const connectorShape = (): TableShape => CONNECTOR_SHAPE;
const stubShape = (): TableShape => STUB_SHAPE;
export const CONNECTORS = optional(objectList(connectorShape, 'a connector', '{ from: "a", to: "b" }'), acceptsObjectList(connectorShape));
export const STUBS = optional(objectList(stubShape, 'a stub', '{ id: "a", direction: "in", side: "left", length: 2 }'), acceptsObjectList(stubShape));

/** Builds the marker rules for a curve with `count` values, because `at` is an index into them. */
export function markerRules(count: number | undefined): Rules<CurveMarker> {
  const limits: Limits =
    count === undefined || count === 0 ? { min: 0 } : { min: 0, max: count - 1, reason: 'an index into values' };

  return { at: requiredValue(isWhole(limits), '0'), symbol: oneOf(MARKER_SYMBOLS), label: TEXT };
}

const markerShape = (siblings: Siblings): TableShape => oneTimeShape(markerRules(safeLength(siblings.sibling('values'))));
export const checkMarkers = objectList(markerShape, 'a marker', '{ at: 0 }');
const acceptsMarkers = acceptsObjectList(markerShape);

/** Checks the markers, then that no two labels, each centered under its marker, overlap or touch. */
export function checkMarkerList(field: Field, validator: Validator): void {
  const before = validator.problems.length;
  checkMarkers(field, validator);
  if (validator.problems.length > before || !isArray(field.value)) {
    return;
  }

  for (const { index, previous, distance } of labelOverlaps(field.value as CurveMarker[])) {
    validator.report(
      'invalid-model',
      joinPath(joinPath(field.path, index), 'label'),
      `the label would overlap the label of markers[${previous}]; move the markers at least ${distance} points apart or shorten a label`,
    );
  }
}

/** A marker label that overlaps or touches the one before it: the markers' indexes, and how far apart the markers must move. */
interface LabelOverlap {
  readonly index: number;
  readonly previous: number;
  readonly distance: number;
}

/** Lists the marker labels, each centered under its marker, that overlap or touch the label before them. */
function labelOverlaps(markers: readonly CurveMarker[]): LabelOverlap[] {
  const spans = markers.flatMap((marker, index) => {
    if (marker.label === undefined) {
      return [];
    }
    const width = displayWidth(marker.label);
    const start = marker.at - Math.floor((width - 1) / 2);

    return [{ index, start, end: start + width }];
  });
  spans.sort((a, b) => a.start - b.start);
  const overlaps: LabelOverlap[] = [];
  for (let index = 1; index < spans.length; index += 1) {
    const previous = spans[index - 1];
    const current = spans[index];
    if (previous !== undefined && current !== undefined && current.start <= previous.end) {
      overlaps.push({ index: current.index, previous: previous.index, distance: previous.end - current.start + 1 });
    }
  }

  return overlaps;
}

const MARKERS = optional(
  checkMarkerList,
  (value, siblings, walk) => acceptsMarkers(value, siblings, walk) && labelOverlaps(value as CurveMarker[]).length === 0,
);

export function checkCurveValues(field: Field, validator: Validator): void {
  const values = field.value;
  if (isPlainNumberArray(values)) {
    // The common case, checked in one pass without an item per value: a curve may hold many thousands.
    if (values.length === 0) {
      validator.report('invalid-model', field.path, 'expected at least one value, got []; add values such as [1, 3, 2]');
    }

    return;
  }

  const list = validator.readList(field, '[1, 3, 2]');
  if (list === undefined) {
    return;
  }

  if (list.length === 0) {
    validator.report('invalid-model', field.path, 'expected at least one value, got []; add values such as [1, 3, 2]');
  }

  for (const item of list.items) {
    const message = isFiniteNumber(item.value, 'each value');
    if (message !== undefined) {
      validator.report('invalid-model', item.path, message);
    }
  }
}

/** Accepts a plain array of finite numbers, and leaves any other list, such as a proxy, to the full walk. */
function acceptsCurveValues(value: unknown, _siblings: Siblings, walk: QuickWalk): boolean {
  if (!isPlainNumberArray(value)) {
    return walk.leaveToFullWalk();
  }

  return value.length > 0;
}

/** Whether a value is a real array, not a proxy, whose every element is a finite number. */
export function isPlainNumberArray(value: unknown): value is readonly number[] {
  // A proxy can throw from Array.isArray (when revoked) and from getPrototypeOf, so both checks sit inside the try.
  try {
    if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) {
      return false;
    }
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item !== 'number' || !Number.isFinite(item)) {
        return false;
      }
    }
  } catch {
    return false;
  }

  return true;
}

export function checkCurveMax(field: Field, validator: Validator): void {
  const message = isFiniteNumber(field.value, field.name);
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  const min = field.sibling('min');
  if (!isAboveMin(field.value as number, min)) {
    validator.report(
      'invalid-model',
      field.path,
      `expected max greater than min (${min as number}), got ${describe(field.value)}; raise max above ${min as number} or lower min`,
    );
  }
}

/** Checks whether a curve's max lies above its min, when the min is valid. An invalid min is reported on its own field. */
function isAboveMin(max: number, min: unknown): boolean {
  return typeof min !== 'number' || !Number.isFinite(min) || max > min;
}

function acceptsCurveMax(value: unknown, siblings: Siblings): boolean {
  return isFiniteNumber(value, '') === undefined && isAboveMin(value as number, siblings.sibling('min'));
}

/**
 * Checks a bar's value against its scale. A value outside 0..max fails
 * instead of being clamped, so bad data shows up here and not as a full or
 * empty bar that looks plausible.
 */
export function checkBarValue(field: Field, validator: Validator): void {
  const max = field.sibling('max') ?? BAR_MAX;
  if (isPositive(max, 'max') !== undefined) {
    // The max problem is reported on its own field; the value can only be checked for finiteness.
    checkWith(isFiniteNumber)(field, validator);

    return;
  }

  const value = field.value;
  if (isWithinBar(value, max as number)) {
    return;
  }

  validator.report(
    'invalid-model',
    field.path,
    `expected a finite number from 0 to max (${max as number}), got ${describe(value)}; set ${field.name} between 0 and ${max as number}`,
  );
}

function isWithinBar(value: unknown, max: number): boolean {
  return typeof value === 'number' && value >= 0 && value <= max;
}

/** Accepts a bar's value within a valid max, and leaves a value beside an invalid max to the full walk. */
function acceptsBarValue(value: unknown, siblings: Siblings): boolean {
  const max = siblings.sibling('max') ?? BAR_MAX;

  return isPositive(max, '') === undefined && isWithinBar(value, max as number);
}

/** Checks `labelWidth`. A label wider than it would be overdrawn by the bar, so that fails here. */
export function checkLabelWidth(field: Field, validator: Validator): void {
  const message = checkLimit(field.value, field.name, { min: 0 });
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  const needed = labelRoom(field.sibling('label'));
  if ((field.value as number) < needed) {
    validator.report(
      'invalid-model',
      field.path,
      `expected at least the width of the label (${needed} cells), got ${describe(field.value)}; set ${field.name} to ${needed} or more, or remove it`,
    );
  }
}

/** Returns the cells a bar's label takes, which its `labelWidth` must reach. */
function labelRoom(label: unknown): number {
  return typeof label === 'string' ? displayWidth(label) : 0;
}

function acceptsLabelWidth(value: unknown, siblings: Siblings): boolean {
  return checkLimit(value, '', { min: 0 }) === undefined && (value as number) >= labelRoom(siblings.sibling('label'));
}

/** Checks a rule's width: a whole number of cells or 'full', wide enough for the caption. */
export function checkRuleWidth(field: Field, validator: Validator): void {
  const message = isRuleWidth(field.value, field.name);
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }
  const needed = captionRoom(field.sibling('caption'));
  if (typeof field.value === 'number' && field.value < needed) {
    validator.report('invalid-model', field.path, `expected at least ${needed} cells for the caption and its spacing, got ${field.value}; set ${field.name} to ${needed} or more, or to 'full'`);
  }
}

/** Returns the cells a rule needs for its caption: the caption with a space and two line cells on each side. */
function captionRoom(caption: unknown): number {
  return typeof caption === 'string' ? displayWidth(caption) + 4 : 0;
}

function acceptsRuleWidth(value: unknown, siblings: Siblings): boolean {
  return isRuleWidth(value, '') === undefined && (typeof value !== 'number' || value >= captionRoom(siblings.sibling('caption')));
}

/** Checks a box title: a label, on a box that has a top border to set it into. */
export function checkBoxTitle(field: Field, validator: Validator): void {
  checkLabel(field, validator);
  if (field.sibling('border') === 'none') {
    validator.report(
      'invalid-model',
      field.path,
      `a box with border 'none' has no top border to hold the title ${describe(field.value)}; give the box a border, or put the title in a text node`,
    );
  }
}

function acceptsBoxTitle(value: unknown, siblings: Siblings, walk: QuickWalk): boolean {
  return acceptsLabel(value, siblings, walk) && siblings.sibling('border') !== 'none';
}

const REQUIRED_LABEL = required(checkLabel, acceptsLabel, '"Hello"');
const CHILDREN = nodeListRule(false);

export const NODE_RULES: NodeRules = {
  box: {
    border: oneOf(BORDER_STYLES),
    title: optional(checkBoxTitle, acceptsBoxTitle),
    titleAlign: oneOf(HORIZONTAL_ALIGNS),
    padding: optional(checkBoxPadding, acceptsBoxPadding),
    align: oneOf(BOX_ALIGNS),
    valign: oneOf(VERTICAL_ALIGNS),
    width: BOX_SIZE,
    minWidth: CELLS,
    height: BOX_SIZE,
    minHeight: CELLS,
    divided: FLAG,
    children: CHILDREN,
    link: LINK,
  },
  text: { text: REQUIRED_LABEL, align: oneOf(HORIZONTAL_ALIGNS), link: LINK },
  vtext: { text: REQUIRED_LABEL },
  tag: { text: required(checkLabel, acceptsLabel, '"Notebook"'), padding: CELLS, link: LINK },
  rule: { line: LINE, width: optional(checkRuleWidth, acceptsRuleWidth), caption: TEXT },
  spacer: { width: CELLS, height: CELLS },
  row: {
    gap: CELLS,
    align: oneOf(ROW_ALIGNS),
    chain: CHAIN,
    connectors: CONNECTORS,
    stubs: STUBS,
    children: CHILDREN,
  },
  column: {
    gap: CELLS,
    align: oneOf(COLUMN_ALIGNS),
    chain: CHAIN,
    connectors: CONNECTORS,
    stubs: STUBS,
    children: CHILDREN,
  },
  grid: {
    columns: requiredValue(isWhole({ min: 1 }), '2'),
    columnGap: CELLS,
    rowGap: CELLS,
    align: oneOf(BOX_ALIGNS),
    valign: oneOf(GRID_VALIGNS),
    connectors: CONNECTORS,
    stubs: STUBS,
    children: CHILDREN,
  },
  fan: {
    from: CHILD_NODE,
    nodes: nodeListRule(true),
    to: CHILD_NODE,
    gap: CELLS,
    line: LINE,
  },
  bar: {
    value: required(checkBarValue, acceptsBarValue, '40'),
    max: optionalValue(isPositive),
    label: TEXT,
    labelWidth: optional(checkLabelWidth, acceptsLabelWidth),
    width: optionalValue(isWhole({ min: 1 })),
    percent: FLAG,
  },
  curve: {
    values: required(checkCurveValues, acceptsCurveValues, '[1, 3, 2]'),
    shape: oneOf(CURVE_SHAPES),
    height: optionalValue(isWhole({ min: 2, reason: 'a line curve needs a row above its baseline' })),
    min: optionalValue(isFiniteNumber),
    max: optional(checkCurveMax, acceptsCurveMax),
    margin: CELLS,
    markers: MARKERS,
  },
};


export const BASE_RULES: Rules<Pick<DiagramNode, Exclude<BaseField, 'kind'>>> = {
  $schema: TEXT,
  id: optional(checkNodeId, isIdText),
  role: ROLE,
  style: STYLE,
};

/** The rules of one node kind, base rules included, and the kind's name in messages. */
export interface NodeTable {
  readonly kind: NodeKind;
  readonly shape: TableShape;
  /** Index of `id` in the shape's names. */
  readonly idIndex: number;
  /**
   * Whether `checkLinkedNodes` checks nodes of this kind: fans, and rows,
   * columns and grids for their chain, connectors and stubs. It reads those
   * fields even where `Object.keys` does not list them, so whether they are
   * set does not decide it.
   */
  readonly linksNodes: boolean;
  /** Whether nodes of this kind can hold other nodes, and so be part of a cycle or hold a shared subtree. */
  readonly holdsNodes: boolean;
  /** Such as `a box node`. */
  readonly objectName: string;
}

const LINKING_KINDS: readonly NodeKind[] = ['fan', 'row', 'column', 'grid'];
const HOLDING_KINDS: readonly NodeKind[] = [...LINKING_KINDS, 'box'];

/**
 * The table of each kind, built once. A node's `kind` is valid on every kind
 * and checked before its table is chosen. The record has no prototype, so a
 * kind such as `toString` is absent.
 */
export const KIND_TABLES: Readonly<Record<string, NodeTable | undefined>> = Object.assign(
  Object.create(null) as Record<string, NodeTable>,
  Object.fromEntries(
    NODE_KINDS.map((kind) => {
      const shape = tableShape({ ...BASE_RULES, ...NODE_RULES[kind as NodeKind] }, ['kind']);
      const linksNodes = LINKING_KINDS.includes(kind as NodeKind);
      const holdsNodes = HOLDING_KINDS.includes(kind as NodeKind);
      const table: NodeTable = { kind: kind as NodeKind, shape, idIndex: shape.names.indexOf('id'), linksNodes, holdsNodes, objectName: `a ${kind} node` };

      return [kind, table];
    }),
  ),
);
