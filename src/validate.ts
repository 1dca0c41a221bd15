import { checkLinkedNodes } from './validate-links.js';
import { type DiagramErrorCode, DiagramError, joinPath } from './errors.js';
import { BAR_MAX } from './layout/defaults.js';
import type {
  BorderStyle,
  BoxNode,
  Chain,
  ColumnNode,
  Connector,
  CurveMarker,
  CurveNode,
  DiagramNode,
  GridNode,
  HorizontalAlign,
  LineWeight,
  NodeKind,
  RowNode,
  Stub,
  VerticalAlign,
} from './model.js';
import { NAMED_COLORS, ROLES, type Style } from './style/style.js';
import { displayWidth } from './text/width.js';

/**
 * Model validation at the boundary. Every field of every node is checked
 * against model.ts before layout, so the later stages can trust their input
 * and errors point at the field to change, not at a failure deep in layout.
 */

/**
 * Default limit on node nesting, the root being level 1. Measuring, placing,
 * routing and painting recurse once per level, so a much deeper model would
 * overflow the call stack there. The validator itself walks with an explicit
 * stack and stops at the limit.
 */
export const MAX_DEPTH = 200;

export interface ValidationProblem {
  readonly code: DiagramErrorCode;
  /** Location of the bad field, as in `children[2].value`. The root is `''`. */
  readonly path: string;
  /** Description of the problem with the value received and the fix, without the path. */
  readonly message: string;
}

/**
 * Default limit on the characters of one label. Labels are measured grapheme
 * by grapheme, so a megabyte label would hold up a render for no drawing a
 * terminal can show.
 */
export const MAX_LABEL_LENGTH = 10_000;

export interface ValidateOptions {
  /** Deepest nesting of nodes accepted, the root being level 1. Default `MAX_DEPTH`. */
  readonly maxDepth?: number;
  /** Most UTF-16 code units in one label (text, title, caption, tag or connector label). Default `MAX_LABEL_LENGTH`. */
  readonly maxLabelLength?: number;
}

/**
 * Lists every problem in a model, in document order, with unknown connector
 * and stub ids last. Returns an empty array for a valid model. Reports thrown
 * getters, cycles and nesting past `maxDepth` as problems instead of throwing.
 */
export function validateDiagram(model: unknown, options: ValidateOptions = {}): ValidationProblem[] {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const depthProblem = checkLimit(maxDepth, 'maxDepth', { min: 1 });
  if (depthProblem !== undefined) {
    return [{ code: 'invalid-option', path: 'options.maxDepth', message: depthProblem }];
  }

  const maxLabelLength = options.maxLabelLength ?? MAX_LABEL_LENGTH;
  const labelProblem = checkLimit(maxLabelLength, 'maxLabelLength', { min: 1 });
  if (labelProblem !== undefined) {
    return [{ code: 'invalid-option', path: 'options.maxLabelLength', message: labelProblem }];
  }

  const validator = new Validator(maxDepth, maxLabelLength);
  validator.walk(model);
  validator.checkReferences();
  if (validator.problems.length > 0) {
    return validator.problems;
  }

  return checkLinkedNodes(model as DiagramNode);
}

/** Throws a `DiagramError` for the first problem `validateDiagram` finds. */
export function assertValid(model: unknown, options: ValidateOptions = {}): asserts model is DiagramNode {
  const first = validateDiagram(model, options)[0];
  if (first !== undefined) {
    throw new DiagramError(first.code, first.path, first.message);
  }
}

/**
 * Lists the members of a string union. The compiler rejects a list that
 * misses a member, so a value added to model.ts fails to build here until
 * the validator accepts it.
 */
function everyValue<T extends string>() {
  return <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): readonly string[] =>
    values;
}

const NODE_KINDS = everyValue<NodeKind>()([
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
const BORDER_STYLES = everyValue<BorderStyle>()(['light', 'heavy', 'double', 'rounded', 'shade', 'ascii', 'none']);
const LINE_WEIGHTS = everyValue<LineWeight>()(['light', 'heavy', 'double']);
const HORIZONTAL_ALIGNS = everyValue<HorizontalAlign>()(['left', 'center', 'right']);
const VERTICAL_ALIGNS = everyValue<VerticalAlign>()(['top', 'middle', 'bottom']);
const BOX_ALIGNS = everyValue<NonNullable<BoxNode['align']>>()(['left', 'center', 'right', 'stretch']);
const ROW_ALIGNS = everyValue<NonNullable<RowNode['align']>>()(['top', 'middle', 'bottom', 'stretch']);
const COLUMN_ALIGNS = everyValue<NonNullable<ColumnNode['align']>>()(['left', 'center', 'right', 'stretch']);
const GRID_VALIGNS = everyValue<NonNullable<GridNode['valign']>>()(['top', 'middle', 'bottom', 'stretch']);
const HEADS = everyValue<NonNullable<Connector['head']>>()(['end', 'start', 'both', 'none']);
const LABEL_SIDES = everyValue<NonNullable<Connector['labelSide']>>()(['above', 'below', 'left', 'right']);
const DIRECTIONS = everyValue<Stub['direction']>()(['in', 'out']);
const SIDES = everyValue<Stub['side']>()(['left', 'right', 'top', 'bottom']);
const CURVE_SHAPES = everyValue<NonNullable<CurveNode['shape']>>()(['sparkline', 'line']);
const MARKER_SYMBOLS = everyValue<NonNullable<CurveMarker['symbol']>>()(['arrow', 'bound']);

const NODE_EXAMPLE = '{ kind: "text", text: "Hello" }';

/** Maximum length of a value shown in a message, in code points. Longer values end in `...`. */
const VALUE_PREVIEW_LENGTH = 40;

/** Ids listed in an unknown-id message before the list is cut. */
const KNOWN_IDS_SHOWN = 20;

/** Stands for a field whose getter threw; the problem is reported when it is read. */
const UNREADABLE = Symbol('unreadable');

/** One present field of an object under check. */
interface Field {
  readonly name: string;
  /** Never `undefined` or `UNREADABLE`: those are handled before checks run. */
  readonly value: unknown;
  readonly path: string;
  /** Every field of the same object, for rules that compare fields. */
  readonly siblings: ReadonlyMap<string, unknown>;
}

/** An item of a list field; like a field, its path is joined only when asked for. */
class ListEntry implements ListItem {
  readonly value: unknown;
  private readonly parentPath: string;
  private readonly index: number;

  constructor(value: unknown, parentPath: string, index: number) {
    this.value = value;
    this.parentPath = parentPath;
    this.index = index;
  }

  get path(): string {
    return joinPath(this.parentPath, this.index);
  }
}

/** A field as rules see it; its path is joined only when a rule asks for it, since most fields are valid. */
class FieldView implements Field {
  readonly name: string;
  readonly value: unknown;
  readonly siblings: ReadonlyMap<string, unknown>;
  private readonly parentPath: string;

  constructor(name: string, value: unknown, parentPath: string, siblings: ReadonlyMap<string, unknown>) {
    this.name = name;
    this.value = value;
    this.parentPath = parentPath;
    this.siblings = siblings;
  }

  get path(): string {
    return joinPath(this.parentPath, this.name);
  }
}

/** The field names of a rule table and every name valid on its objects, worked out once per table. */
interface TableShape {
  readonly names: readonly string[];
  readonly entries: readonly (readonly [string, FieldRule])[];
  readonly valid: ReadonlySet<string>;
}

const SHAPES = new WeakMap<RuleTable, TableShape>();

function tableShape(rules: RuleTable, extraNames: readonly string[]): TableShape {
  let shape = SHAPES.get(rules);
  if (shape === undefined) {
    const names = Object.keys(rules);
    shape = { names, entries: Object.entries(rules), valid: new Set([...extraNames, ...names]) };
    SHAPES.set(rules, shape);
  }

  return shape;
}

type FieldCheck = (field: Field, validator: Validator) => void;

interface FieldRule {
  readonly check: FieldCheck;
  /** Set only on required fields: a value to suggest when the field is missing. */
  readonly example?: string;
}

/** One rule per field of `T`. The compiler rejects a table that misses a field. */
type Rules<T, Skipped extends keyof T = never> = { readonly [F in Exclude<keyof T, Skipped>]-?: FieldRule };
type RuleTable = Readonly<Record<string, FieldRule>>;
/** Fields every node kind has, checked by BASE_RULES. */
type BaseField = 'kind' | '$schema' | 'id' | 'role' | 'style';
type NodeRules = { readonly [K in NodeKind]: Rules<Extract<DiagramNode, { kind: K }>, BaseField> };

/** A test of one value: returns the problem message, or undefined when the value is valid. */
type ValueTest = (value: unknown, name: string) => string | undefined;

interface Limits {
  readonly min: number;
  readonly max?: number;
  /** Reason for the bounds, shown in the message. */
  readonly reason?: string;
}

function optional(check: FieldCheck): FieldRule {
  return { check };
}

function required(check: FieldCheck, example: string): FieldRule {
  return { check, example };
}

/** Turns a value test into a field check that reports `invalid-model`. */
function checkWith(valueTest: ValueTest): FieldCheck {
  return (field, validator) => {
    const message = valueTest(field.value, field.name);
    if (message !== undefined) {
      validator.report('invalid-model', field.path, message);
    }
  };
}

function isText(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') {
    return undefined;
  }

  const quoted = typeof value === 'number' || typeof value === 'boolean' ? ` such as "${String(value)}"` : '';

  return `expected a string, got ${describe(value)}; set ${name} to a string${quoted}`;
}

function isFlag(value: unknown, name: string): string | undefined {
  return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}; set ${name} to true or false`;
}

function isFiniteNumber(value: unknown, name: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return undefined;
  }

  return `expected a finite number, got ${describe(value)}; set ${name} to a finite number`;
}

function isPositive(value: unknown, name: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return undefined;
  }

  return `expected a finite number greater than 0, got ${describe(value)}; set ${name} to a positive number such as 100`;
}

function isOneOf(values: readonly string[]): ValueTest {
  return (value, name) => {
    if (typeof value === 'string' && values.includes(value)) {
      return undefined;
    }

    const hint = typeof value === 'string' ? didYouMean(value, values) : '';

    return `expected one of ${quoteList(values)}, got ${describe(value)}; set ${name} to one of those values${hint}`;
  };
}

function isWhole(limits: Limits): ValueTest {
  return (value, name) => checkLimit(value, name, limits);
}

/**
 * Checks a count, size or index: a whole number within `limits`. The fix
 * names the nearest valid value, so `2.5` suggests rounding to 2 or 3.
 */
/**
 * The largest count or size in cells any field may hold, unless its own
 * limit is lower. A larger one could only exhaust memory in measuring and
 * routing before the cell limit of the drawing is checked.
 */
export const MAX_FIELD_SIZE = 1_000_000;

function checkLimit(value: unknown, name: string, given: Limits): string | undefined {
  const limits: Limits = given.max === undefined ? { ...given, max: MAX_FIELD_SIZE } : given;
  const { min, max } = limits;
  const within = (candidate: number): boolean => candidate >= min && (max === undefined || candidate <= max);
  if (typeof value === 'number' && Number.isInteger(value) && within(value)) {
    return undefined;
  }

  const range = `from ${min} to ${max}`;
  const reason = limits.reason === undefined ? '' : ` (${limits.reason})`;
  const problem = `expected a whole number ${range}${reason}, got ${describe(value)}`;

  return `${problem}; ${fixForLimit(value, name, limits, within)}`;
}

function fixForLimit(value: unknown, name: string, limits: Limits, within: (candidate: number) => boolean): string {
  // Every caller passes limits with a maximum.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `set ${name} to a whole number such as ${limits.min}`;
  }

  if (!Number.isInteger(value)) {
    const candidates = [Math.floor(value), Math.ceil(value)].filter(within);
    if (candidates.length > 0) {
      return `round ${name} to ${candidates.join(' or ')}`;
    }
  }

  if (value < limits.min) {
    return `set ${name} to ${limits.min}${limits.max === MAX_FIELD_SIZE ? ' or more' : ''}`;
  }

  return `set ${name} to ${limits.max ?? limits.min} or less`;
}

/** Counts and gaps in cells, where 0 is valid. */
const CELLS = optional(checkWith(isWhole({ min: 0 })));
const TEXT = optional(checkLabel);

/** Checks a label: a string, no longer than the validator's label limit. */
function checkLabel(field: Field, validator: Validator): void {
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
const FLAG = optional(checkWith(isFlag));
const LINE = optional(checkWith(isOneOf(LINE_WEIGHTS)));

function oneOf(values: readonly string[]): FieldRule {
  return optional(checkWith(isOneOf(values)));
}

function checkNodeId(field: Field, validator: Validator): void {
  const message = isId(field.value, field.name, 'a name such as "build", or remove it');
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);
  }
}

function isId(value: unknown, name: string, fix: string): string | undefined {
  if (typeof value === 'string' && value !== '') {
    return undefined;
  }

  return `expected a non-empty string, got ${describe(value)}; set ${name} to ${fix}`;
}

/** Checks a connector or stub end: a non-empty id, matched against node ids after the walk. */
function checkReference(field: Field, validator: Validator): void {
  const message = isId(field.value, field.name, 'the id of a node');
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  validator.addReference(field.value as string, field.path);
}

function checkConnectorEnd(field: Field, validator: Validator): void {
  checkReference(field, validator);
  if (typeof field.value === 'string' && field.value === field.siblings.get('from')) {
    validator.report(
      'invalid-model',
      field.path,
      `the connector starts and ends at ${describe(field.value)}; set ${field.name} to the id of a different node`,
    );
  }
}

function nodeList(nonEmpty: boolean): FieldCheck {
  return (field, validator) => {
    const list = validator.readList(field, `[${NODE_EXAMPLE}]`);
    if (list === undefined) {
      return;
    }

    if (nonEmpty && list.length === 0) {
      validator.report('invalid-model', field.path, `expected at least one node, got []; add a node such as ${NODE_EXAMPLE}`);

      return;
    }

    for (const item of list.items) {
      validator.addChild(item.value, item.path);
    }
  };
}

function checkChildNode(field: Field, validator: Validator): void {
  validator.addChild(field.value, field.path);
}

/** Per-side and per-axis padding share one table, so both forms can be checked for mixing. */
interface PaddingFields {
  readonly x?: number;
  readonly y?: number;
  readonly top?: number;
  readonly right?: number;
  readonly bottom?: number;
  readonly left?: number;
}

const PADDING_RULES: Rules<PaddingFields> = { x: CELLS, y: CELLS, top: CELLS, right: CELLS, bottom: CELLS, left: CELLS };
const AXIS_FIELDS = ['x', 'y'];
const SIDE_FIELDS = ['top', 'right', 'bottom', 'left'];

/**
 * Checks box padding: a number, `{ x, y }` or `{ top, right, bottom, left }`.
 * Mixing the forms is rejected because layout reads an object with `x` or
 * `y` as per-axis and would drop the per-side fields without a word.
 */
function checkBoxPadding(field: Field, validator: Validator): void {
  if (typeof field.value === 'number') {
    checkWith(isWhole({ min: 0 }))(field, validator);

    return;
  }

  const forms = '{ x: 1, y: 0 } or { top: 0, right: 1, bottom: 0, left: 1 }';
  const target = validator.readObject(field.value, field.path, 'a number or a padding object', forms);
  if (target === undefined) {
    return;
  }

  const fields = validator.checkFields(target, field.path, PADDING_RULES, 'padding');
  const axes = AXIS_FIELDS.filter((name) => fields.get(name) !== undefined);
  const sides = SIDE_FIELDS.filter((name) => fields.get(name) !== undefined);
  if (axes.length > 0 && sides.length > 0) {
    validator.report(
      'invalid-model',
      field.path,
      `padding mixes per-axis fields (${axes.join(', ')}) with per-side fields (${sides.join(', ')}); use { x, y } or { top, right, bottom, left }, not both`,
    );
  }
}

/** Checks the outer size of a box. A border takes one cell on each side, so a bordered box needs at least 2. */
function checkBoxSize(field: Field, validator: Validator): void {
  const limits: Limits =
    field.siblings.get('border') === 'none' ? { min: 0 } : { min: 2, reason: 'a bordered box needs a cell for each border' };
  checkWith(isWhole(limits))(field, validator);
}

function isRuleWidth(value: unknown, name: string): string | undefined {
  if (value === 'full') {
    return undefined;
  }

  if (typeof value === 'string') {
    return `expected "full" or a whole number of cells, got ${describe(value)}; set ${name} to "full" or a number such as 10`;
  }

  return checkLimit(value, name, { min: 1 });
}

/** `#rrggbb`, the form that `parseHex` in style/sgr.ts reads. */
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Checks a colour in the forms that `Color` in style.ts allows: a name, a 256-colour palette index or `#rrggbb`. */
function isColor(value: unknown, name: string): string | undefined {
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

const COLOR = optional(checkWith(isColor));
const STYLE_RULES: Rules<Style> = {
  fg: COLOR,
  bg: COLOR,
  bold: FLAG,
  dim: FLAG,
  italic: FLAG,
  underline: FLAG,
  inverse: FLAG,
  strikethrough: FLAG,
};

function checkStyle(field: Field, validator: Validator): void {
  const target = validator.readObject(field.value, field.path, 'a style object', '{ fg: "cyan", bold: true }');
  if (target !== undefined) {
    validator.checkFields(target, field.path, STYLE_RULES, 'a style');
  }
}

const ROLE = oneOf(ROLES);
const STYLE = optional(checkStyle);

/** Visible ASCII: RFC 3986 URIs carry every other character percent-encoded. */
const URI_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Checks a hyperlink target. Serialization writes it unescaped into an OSC 8
 * sequence, so a control character such as ESC or BEL would end the sequence
 * early and reach the terminal as a command.
 */
function isLink(value: unknown, name: string): string | undefined {
  if (typeof value !== 'string') {
    return isText(value, name);
  }

  if (URI_CHARACTERS.test(value)) {
    return undefined;
  }

  return `expected a URL of visible ASCII characters, got ${describe(value)}; percent-encode spaces, control and non-ASCII characters in ${name}, a space as %20`;
}

const LINK = optional(checkWith(isLink));

const CHAIN_RULES: Rules<Chain> = { head: oneOf(HEADS), line: LINE };

function checkChain(field: Field, validator: Validator): void {
  if (typeof field.value === 'boolean') {
    return;
  }

  const target = validator.readObject(field.value, field.path, 'true, false or a chain object', '{ head: "end", line: "light" }');
  if (target !== undefined) {
    validator.checkFields(target, field.path, CHAIN_RULES, 'a chain');
  }
}

const CONNECTOR_RULES: Rules<Connector> = {
  from: required(checkReference, '"a"'),
  to: required(checkConnectorEnd, '"b"'),
  head: oneOf(HEADS),
  label: TEXT,
  labelSide: oneOf(LABEL_SIDES),
  fromSide: oneOf(SIDES),
  toSide: oneOf(SIDES),
  line: LINE,
  role: ROLE,
  style: STYLE,
};

const STUB_RULES: Rules<Stub> = {
  id: required(checkReference, '"input"'),
  direction: required(checkWith(isOneOf(DIRECTIONS)), '"in"'),
  side: required(checkWith(isOneOf(SIDES)), '"left"'),
  length: required(checkWith(isWhole({ min: 2, reason: 'a line cell and an arrowhead' })), '2'),
  line: LINE,
};

function objectList(rules: (field: Field) => RuleTable, itemName: string, example: string): FieldCheck {
  return (field, validator) => {
    const list = validator.readList(field, `[${example}]`);
    const table = rules(field);
    for (const item of list?.items ?? []) {
      const target = validator.readObject(item.value, item.path, itemName, example);
      if (target !== undefined) {
        validator.checkFields(target, item.path, table, itemName);
      }
    }
  };
}

const checkConnectors = objectList(() => CONNECTOR_RULES, 'a connector', '{ from: "a", to: "b" }');
const checkStubs = objectList(() => STUB_RULES, 'a stub', '{ id: "a", direction: "in", side: "left", length: 2 }');

/** Builds the marker rules for a curve with `count` values, because `at` is an index into them. */
function markerRules(count: number | undefined): Rules<CurveMarker> {
  const limits: Limits =
    count === undefined || count === 0 ? { min: 0 } : { min: 0, max: count - 1, reason: 'an index into values' };

  return { at: required(checkWith(isWhole(limits)), '0'), symbol: oneOf(MARKER_SYMBOLS), label: TEXT };
}

const checkMarkers = objectList((field) => markerRules(safeLength(field.siblings.get('values'))), 'a marker', '{ at: 0 }');

/** Checks the markers, then that no two labels, each centered under its marker, overlap or touch. */
function checkMarkerList(field: Field, validator: Validator): void {
  const before = validator.problems.length;
  checkMarkers(field, validator);
  if (validator.problems.length > before || !Array.isArray(field.value)) {
    return;
  }

  const spans = (field.value as CurveMarker[]).flatMap((marker, index) => {
    if (marker.label === undefined) {
      return [];
    }
    const width = displayWidth(marker.label);
    const start = marker.at - Math.floor((width - 1) / 2);

    return [{ index, start, end: start + width }];
  });
  spans.sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index += 1) {
    const previous = spans[index - 1];
    const current = spans[index];
    if (previous !== undefined && current !== undefined && current.start <= previous.end) {
      validator.report(
        'invalid-model',
        joinPath(joinPath(field.path, current.index), 'label'),
        `the label would overlap the label of markers[${previous.index}]; move the markers at least ${previous.end - current.start + 1} points apart or shorten a label`,
      );
    }
  }
}

function checkCurveValues(field: Field, validator: Validator): void {
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

/** Whether a value is a real array, not a proxy, whose every element is a finite number. */
function isPlainNumberArray(value: unknown): value is readonly number[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) {
    return false;
  }
  try {
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

function checkCurveMax(field: Field, validator: Validator): void {
  const message = isFiniteNumber(field.value, field.name);
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  const min = field.siblings.get('min');
  if (typeof min === 'number' && Number.isFinite(min) && (field.value as number) <= min) {
    validator.report(
      'invalid-model',
      field.path,
      `expected max greater than min (${min}), got ${describe(field.value)}; raise max above ${min} or lower min`,
    );
  }
}

/**
 * Checks a bar's value against its scale. A value outside 0..max fails
 * instead of being clamped, so bad data shows up here and not as a full or
 * empty bar that looks plausible.
 */
function checkBarValue(field: Field, validator: Validator): void {
  const max = field.siblings.get('max') ?? BAR_MAX;
  if (isPositive(max, 'max') !== undefined) {
    // The max problem is reported on its own field; the value can only be checked for finiteness.
    checkWith(isFiniteNumber)(field, validator);

    return;
  }

  const value = field.value;
  if (typeof value === 'number' && value >= 0 && value <= (max as number)) {
    return;
  }

  validator.report(
    'invalid-model',
    field.path,
    `expected a finite number from 0 to max (${max as number}), got ${describe(value)}; set ${field.name} between 0 and ${max as number}`,
  );
}

/** Checks `labelWidth`. A label wider than it would be overdrawn by the bar, so that fails here. */
function checkLabelWidth(field: Field, validator: Validator): void {
  const message = checkLimit(field.value, field.name, { min: 0 });
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }

  const label = field.siblings.get('label');
  const needed = typeof label === 'string' ? displayWidth(label) : 0;
  if ((field.value as number) < needed) {
    validator.report(
      'invalid-model',
      field.path,
      `expected at least the width of the label (${needed} cells), got ${describe(field.value)}; set ${field.name} to ${needed} or more, or remove it`,
    );
  }
}

/** Checks a rule's width: a whole number of cells or 'full', wide enough for the caption. */
function checkRuleWidth(field: Field, validator: Validator): void {
  const message = isRuleWidth(field.value, field.name);
  if (message !== undefined) {
    validator.report('invalid-model', field.path, message);

    return;
  }
  const caption = field.siblings.get('caption');
  const needed = typeof caption === 'string' ? displayWidth(caption) + 4 : 0;
  if (typeof field.value === 'number' && field.value < needed) {
    validator.report('invalid-model', field.path, `expected at least ${needed} cells for the caption and its spacing, got ${field.value}; set ${field.name} to ${needed} or more, or to 'full'`);
  }
}

/** Checks a box title: a label, on a box that has a top border to set it into. */
function checkBoxTitle(field: Field, validator: Validator): void {
  checkLabel(field, validator);
  if (field.siblings.get('border') === 'none') {
    validator.report(
      'invalid-model',
      field.path,
      `a box with border 'none' has no top border to hold the title ${describe(field.value)}; give the box a border, or put the title in a text node`,
    );
  }
}

const NODE_RULES: NodeRules = {
  box: {
    border: oneOf(BORDER_STYLES),
    title: optional(checkBoxTitle),
    titleAlign: oneOf(HORIZONTAL_ALIGNS),
    padding: optional(checkBoxPadding),
    align: oneOf(BOX_ALIGNS),
    valign: oneOf(VERTICAL_ALIGNS),
    width: optional(checkBoxSize),
    minWidth: CELLS,
    height: optional(checkBoxSize),
    minHeight: CELLS,
    divided: FLAG,
    children: required(nodeList(false), `[${NODE_EXAMPLE}]`),
    link: LINK,
  },
  text: { text: required(checkLabel, '"Hello"'), align: oneOf(HORIZONTAL_ALIGNS), link: LINK },
  vtext: { text: required(checkLabel, '"Hello"') },
  tag: { text: required(checkLabel, '"Notebook"'), padding: CELLS, link: LINK },
  rule: { line: LINE, width: optional(checkRuleWidth), caption: TEXT },
  spacer: { width: CELLS, height: CELLS },
  row: {
    gap: CELLS,
    align: oneOf(ROW_ALIGNS),
    chain: optional(checkChain),
    connectors: optional(checkConnectors),
    stubs: optional(checkStubs),
    children: required(nodeList(false), `[${NODE_EXAMPLE}]`),
  },
  column: {
    gap: CELLS,
    align: oneOf(COLUMN_ALIGNS),
    chain: optional(checkChain),
    connectors: optional(checkConnectors),
    stubs: optional(checkStubs),
    children: required(nodeList(false), `[${NODE_EXAMPLE}]`),
  },
  grid: {
    columns: required(checkWith(isWhole({ min: 1 })), '2'),
    columnGap: CELLS,
    rowGap: CELLS,
    align: oneOf(BOX_ALIGNS),
    valign: oneOf(GRID_VALIGNS),
    connectors: optional(checkConnectors),
    stubs: optional(checkStubs),
    children: required(nodeList(false), `[${NODE_EXAMPLE}]`),
  },
  fan: {
    from: optional(checkChildNode),
    nodes: required(nodeList(true), `[${NODE_EXAMPLE}]`),
    to: optional(checkChildNode),
    gap: CELLS,
    line: LINE,
  },
  bar: {
    value: required(checkBarValue, '40'),
    max: optional(checkWith(isPositive)),
    label: TEXT,
    labelWidth: optional(checkLabelWidth),
    width: optional(checkWith(isWhole({ min: 1 }))),
    percent: FLAG,
  },
  curve: {
    values: required(checkCurveValues, '[1, 3, 2]'),
    shape: oneOf(CURVE_SHAPES),
    height: optional(checkWith(isWhole({ min: 2, reason: 'a line curve needs a row above its baseline' }))),
    min: optional(checkWith(isFiniteNumber)),
    max: optional(checkCurveMax),
    margin: CELLS,
    markers: optional(checkMarkerList),
  },
};


const BASE_RULES: Rules<Pick<DiagramNode, Exclude<BaseField, 'kind'>>> = { $schema: TEXT, id: optional(checkNodeId), role: ROLE, style: STYLE };

/** The full rule table of each kind, base rules included, built once. */
const KIND_RULES = Object.fromEntries(
  NODE_KINDS.map((kind) => [kind, { ...BASE_RULES, ...NODE_RULES[kind as NodeKind] }]),
) as unknown as Readonly<Record<NodeKind, RuleTable>>;

const KIND_FIELD = ['kind'] as const;

/** A node waiting on the walk's stack. */
interface Visit {
  readonly value: unknown;
  readonly path: string;
  /** Nesting level; the root is 1. */
  readonly depth: number;
  readonly parent: Subtree | undefined;
}

/** Summary of one node object's subtree, reused when the object appears again. */
interface Subtree {
  /** Path where the object was first seen. */
  readonly path: string;
  /** Levels from this node down to its deepest descendant, itself included. */
  height: number;
  /** The first id in the subtree, in document order, and the path of its node. */
  firstId: { readonly id: string; readonly nodePath: string } | undefined;
}

type Step = { readonly enter: Visit } | { readonly leave: object; readonly subtree: Subtree; readonly parent: Subtree | undefined };

interface ListItem {
  readonly value: unknown;
  readonly path: string;
}

/**
 * Walks the model depth-first with an explicit stack, so deep input cannot
 * overflow the call stack, and collects problems in document order.
 */
class Validator {
  readonly problems: ValidationProblem[] = [];
  private readonly maxDepth: number;
  readonly maxLabelLength: number;
  /** Node path of each id seen so far. */
  private readonly idPaths = new Map<string, string>();
  private readonly references: ListItem[] = [];
  /** Nodes entered but not yet left, with their paths: the ancestors of the current node. */
  private readonly ancestors = new Map<object, string>();
  private readonly finished = new Map<object, Subtree>();
  private readonly stack: Step[] = [];
  /** Children found while checking the current node's fields, visited after it. */
  private children: Visit[] = [];
  private current: { readonly depth: number; readonly subtree: Subtree } | undefined;

  constructor(maxDepth: number, maxLabelLength: number) {
    this.maxDepth = maxDepth;
    this.maxLabelLength = maxLabelLength;
  }

  report(code: DiagramErrorCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }

  walk(model: unknown): void {
    this.stack.push({ enter: { value: model, path: '', depth: 1, parent: undefined } });
    for (let step = this.stack.pop(); step !== undefined; step = this.stack.pop()) {
      if ('enter' in step) {
        this.enter(step.enter);
      } else {
        this.leave(step.leave, step.subtree, step.parent);
      }
    }
  }

  /**
   * Reports connector and stub ends that name no node, once every id is known.
   * Only the first few get a spelling hint, because each hint compares the id
   * with every known id.
   */
  checkReferences(): void {
    const known = [...this.idPaths.keys()];
    const knownList = known.length === 0 ? 'none' : quoteList(known.slice(0, KNOWN_IDS_SHOWN));
    let hinted = 0;
    for (const reference of this.references) {
      const id = reference.value as string;
      if (this.idPaths.has(id)) {
        continue;
      }

      hinted += 1;
      const hint = hinted <= KNOWN_IDS_SHOWN ? didYouMean(id, known) : '';
      this.report(
        'unknown-id',
        reference.path,
        `no node has the id ${describe(id)}; known ids: ${knownList}; use one of them or add id: ${describe(id)} to a node${hint}`,
      );
    }
  }

  addChild(value: unknown, path: string): void {
    if (this.current !== undefined) {
      this.children.push({ value, path, depth: this.current.depth + 1, parent: this.current.subtree });
    }
  }

  addReference(id: string, path: string): void {
    this.references.push({ value: id, path });
  }

  /** Returns the value as an object, or reports it and returns undefined when it is not a non-array object. */
  readObject(value: unknown, path: string, expected: string, example: string): object | undefined {
    if (typeof value === 'object' && value !== null && !isArray(value)) {
      return value;
    }

    this.report('invalid-model', path, `expected ${expected}, got ${describe(value)}; replace it with ${expected} such as ${example}`);

    return undefined;
  }

  /** Reads an array field item by item, reporting items whose getters throw. */
  readList(field: Field, example: string): { readonly length: number; readonly items: ListItem[] } | undefined {
    const length = isArray(field.value) ? safeLength(field.value) : undefined;
    if (length === undefined) {
      this.report('invalid-model', field.path, `expected an array, got ${describe(field.value)}; set ${field.name} to an array such as ${example}`);

      return undefined;
    }

    // NOTE: time and memory grow with `length`, so a sparse array with a huge length is slow to reject.
    const items: ListItem[] = [];
    const parentPath = field.path;
    for (let index = 0; index < length; index += 1) {
      const value = this.read(field.value as object, index, parentPath);
      if (value !== UNREADABLE) {
        items.push(new ListEntry(value, parentPath, index));
      }
    }

    return { length, items };
  }

  /**
   * Checks an object against its rules: unknown fields first, then each rule
   * in table order, reporting missing required fields. Returns the values read,
   * with `UNREADABLE` for getters that threw.
   */
  checkFields(target: object, path: string, rules: RuleTable, objectName: string, extraNames: readonly string[] = []): ReadonlyMap<string, unknown> {
    const shape = tableShape(rules, extraNames);
    const keys = this.listKeys(target, path);
    if (keys === undefined) {
      return new Map();
    }

    // Only the fields present are read: a node sets a few of the many fields its kind allows.
    const values = new Map<string, unknown>();
    for (const key of keys) {
      if (!shape.valid.has(key)) {
        this.reportUnknownField(key, path, shape, objectName);
      } else if (Object.hasOwn(rules, key)) {
        values.set(key, this.read(target, key, path));
      }
    }

    for (const [name, rule] of shape.entries) {
      const value = values.get(name);
      if (value === UNREADABLE) {
        continue;
      }
      if (value === undefined) {
        if (rule.example !== undefined) {
          this.report('invalid-model', joinPath(path, name), `missing ${name}, which ${objectName} requires; add ${name}: ${rule.example}`);
        }
        continue;
      }
      rule.check(new FieldView(name, value, path, values), this);
    }

    return values;
  }

  private enter(visit: Visit): void {
    const node = this.readObject(visit.value, visit.path, 'a node object', NODE_EXAMPLE);
    if (node === undefined) {
      return;
    }

    const ancestorPath = this.ancestors.get(node);
    if (ancestorPath !== undefined) {
      this.reportCycle(visit.path, ancestorPath);

      return;
    }

    const seen = this.finished.get(node);
    if (seen !== undefined) {
      this.revisit(visit, seen);

      return;
    }

    if (visit.depth > this.maxDepth) {
      this.reportDepth(visit.path, visit.depth);

      return;
    }

    this.checkNodeAndQueueChildren(node, visit);
  }

  private checkNodeAndQueueChildren(node: object, visit: Visit): void {
    const subtree: Subtree = { path: visit.path, height: 1, firstId: undefined };
    this.ancestors.set(node, visit.path);
    this.children = [];
    this.current = { depth: visit.depth, subtree };
    this.checkNode(node, visit.path, subtree);
    this.current = undefined;

    this.stack.push({ leave: node, subtree, parent: visit.parent });
    for (const child of this.children.reverse()) {
      this.stack.push({ enter: child });
    }
  }

  private leave(node: object, subtree: Subtree, parent: Subtree | undefined): void {
    this.ancestors.delete(node);
    this.finished.set(node, subtree);
    mergeInto(parent, subtree.height, subtree.firstId);
  }

  private checkNode(node: object, path: string, subtree: Subtree): void {
    const kind = this.checkKind(node, path);
    if (kind === undefined) {
      return;
    }

    const fields = this.checkFields(node, path, KIND_RULES[kind], `a ${kind} node`, KIND_FIELD);
    const id = fields.get('id');
    if (typeof id === 'string' && id !== '') {
      this.registerId(id, path, subtree);
    }

    if (kind === 'fan' && fields.get('from') === undefined && fields.get('to') === undefined) {
      this.report('invalid-model', path, `a fan needs from, to or both; add from: ${NODE_EXAMPLE} to fan out from one node, or to: ${NODE_EXAMPLE} to fan in`);
    }
  }

  private checkKind(node: object, path: string): NodeKind | undefined {
    const kind = this.read(node, 'kind', path);
    if (typeof kind === 'string' && NODE_KINDS.includes(kind)) {
      return kind as NodeKind;
    }

    if (kind !== UNREADABLE) {
      const problem = kind === undefined ? 'missing kind' : `unknown kind ${describe(kind)}`;
      const hint = typeof kind === 'string' ? didYouMean(kind, NODE_KINDS) : '';
      this.report('invalid-model', joinPath(path, 'kind'), `${problem}; set kind to one of ${quoteList(NODE_KINDS)}${hint}`);
    }

    return undefined;
  }

  private registerId(id: string, path: string, subtree: Subtree): void {
    subtree.firstId = { id, nodePath: path };
    const firstPath = this.idPaths.get(id);
    if (firstPath === undefined) {
      this.idPaths.set(id, path);

      return;
    }

    this.report('duplicate-id', joinPath(path, 'id'), `the id ${describe(id)} is already used at ${describePath(firstPath)}; give each node its own id`);
  }

  /**
   * Handles a node object already checked elsewhere in the model. A shared
   * subtree is valid without ids, but it is placed twice, so any id in it is
   * a duplicate, and its depth counts again from here. Only the first id in
   * it is reported, and its fields are not checked again, so sharing cannot
   * make the walk exponential.
   */
  private revisit(visit: Visit, seen: Subtree): void {
    const relocate = (path: string): string => visit.path + path.slice(seen.path.length);
    const original = seen.firstId;
    const firstId = original === undefined ? undefined : { id: original.id, nodePath: relocate(original.nodePath) };
    if (original !== undefined && firstId !== undefined) {
      this.report(
        'duplicate-id',
        joinPath(firstId.nodePath, 'id'),
        `the id ${describe(original.id)} is already used at ${describePath(original.nodePath)}, because this subtree is the same object as the one at ${describePath(seen.path)}; copy the subtree and give each copy its own ids`,
      );
    }

    const deepest = visit.depth + seen.height - 1;
    if (deepest > this.maxDepth) {
      this.reportDepth(visit.path, deepest);
    }

    mergeInto(visit.parent, seen.height, firstId);
  }

  private reportCycle(path: string, ancestorPath: string): void {
    this.report(
      'invalid-model',
      path,
      `this node contains itself: it is the same object as its ancestor at ${describePath(ancestorPath)}; models must be trees, so put a copy here instead`,
    );
  }

  private reportDepth(path: string, depth: number): void {
    const limit = this.maxDepth === MAX_DEPTH ? `MAX_DEPTH (${MAX_DEPTH})` : `maxDepth (${this.maxDepth})`;
    this.report(
      'invalid-model',
      path,
      `nodes are nested ${depth} levels deep here, over the limit of ${limit}; flatten the diagram, for example by placing siblings in one row, column or grid`,
    );
  }

  /** Lists an object's own field names, reporting a proxy whose listing throws. */
  private listKeys(target: object, path: string): string[] | undefined {
    try {
      return Object.keys(target);
    } catch (error) {
      this.report('invalid-model', path, `listing the fields failed with ${describeError(error)}; pass plain data objects`);

      return undefined;
    }
  }

  private reportUnknownField(key: string, path: string, shape: TableShape, objectName: string): void {
    const validNames = [...shape.valid];
    this.report(
      'invalid-model',
      joinPath(path, key),
      `unknown field ${describe(key)} on ${objectName}; remove or rename it${didYouMean(key, validNames)}. Valid fields: ${validNames.join(', ')}`,
    );
  }

  /** Reads one field, reporting a getter that throws and returning `UNREADABLE` for it. */
  private read(target: object, name: string | number, path: string): unknown {
    try {
      return (target as Record<string | number, unknown>)[name];
    } catch (error) {
      this.report('invalid-model', joinPath(path, name), `reading the field failed with ${describeError(error)}; pass plain data instead of a getter that throws`);

      return UNREADABLE;
    }
  }
}

/** Adds a finished child's height and first id to its parent. */
function mergeInto(parent: Subtree | undefined, height: number, firstId: Subtree['firstId']): void {
  if (parent === undefined) {
    return;
  }

  parent.height = Math.max(parent.height, height + 1);
  parent.firstId ??= firstId;
}

/** `Array.isArray` that returns false instead of throwing for a revoked proxy. */
function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function safeLength(value: unknown): number | undefined {
  try {
    return isArray(value) ? value.length : undefined;
  } catch {
    return undefined;
  }
}

function describePath(path: string): string {
  return path === '' ? 'the root' : path;
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Shows a value in a message: JSON-like, one level deep, cut to
 * VALUE_PREVIEW_LENGTH code points. Never throws, whatever getters do.
 */
function describe(value: unknown): string {
  let text: string;
  try {
    text = preview(value, true);
  } catch {
    text = 'an unreadable value';
  }

  const characters = Array.from(text);

  // Cutting by code points keeps a surrogate pair, such as an emoji, whole.
  return characters.length > VALUE_PREVIEW_LENGTH ? `${characters.slice(0, VALUE_PREVIEW_LENGTH - 3).join('')}...` : text;
}

/** Items or fields shown for an array or object before `...`. */
const PREVIEW_ITEMS = 4;

function preview(value: unknown, expand: boolean): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(previewHead(value));
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    case 'object':
      return value === null ? 'null' : previewObject(value, expand);
    default:
      return String(value);
  }
}

/**
 * Returns the first VALUE_PREVIEW_LENGTH + 1 code points of a string. The extra
 * code point lets `describe` detect that the value was cut. Slicing UTF-16
 * units first keeps the cost small for a huge string.
 */
function previewHead(value: string): string {
  const units = value.slice(0, 2 * (VALUE_PREVIEW_LENGTH + 1));

  return Array.from(units).slice(0, VALUE_PREVIEW_LENGTH + 1).join('');
}

function previewObject(value: object, expand: boolean): string {
  if (isArray(value)) {
    if (!expand) {
      return '[...]';
    }

    const items = value.slice(0, PREVIEW_ITEMS).map((item) => preview(item, false));

    return `[${items.join(', ')}${value.length > PREVIEW_ITEMS ? ', ...' : ''}]`;
  }

  if (!expand) {
    return '{...}';
  }

  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  const entries = keys.slice(0, PREVIEW_ITEMS).map((key) => `${key}: ${preview(record[key], false)}`);

  return `{ ${entries.join(', ')}${keys.length > PREVIEW_ITEMS ? ', ...' : ''} }`;
}

function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      return describe(`${error.name}: ${error.message}`);
    }
  } catch {
    // A hostile error object falls through to the generic preview.
  }

  return describe(error);
}

/** Edits allowed per character of the longer name for a "did you mean" hint. */
const HINT_EDIT_RATIO = 0.4;

/**
 * Returns ` (did you mean "x"?)` for the closest valid name, or ''. A name
 * counts as close within edits for 40% of its length, enough for `childs`
 * to match `children` (3 edits) but not for unrelated short words.
 */
function didYouMean(input: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const allowed = Math.floor(Math.max(input.length, candidate.length) * HINT_EDIT_RATIO);
    // The distance is at least the difference in length, so most candidates skip the quadratic step.
    if (Math.abs(input.length - candidate.length) > allowed) {
      continue;
    }

    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }

  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

/** Maximum length of a name compared for a hint. Inputs come from the model, so this bounds the quadratic cost. */
const HINT_MAX_LENGTH = 64;

/** Returns the Levenshtein distance, or infinity for names longer than HINT_MAX_LENGTH. */
function editDistance(a: string, b: string): number {
  if (a.length > HINT_MAX_LENGTH || b.length > HINT_MAX_LENGTH) {
    return Number.POSITIVE_INFINITY;
  }

  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }

  return previous[b.length] ?? 0;
}
