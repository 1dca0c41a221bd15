import { joinPath } from '../errors.js';
import type { DiagramNode, NodeKind } from '../model.js';
import { FieldPath } from '../model-path.js';
import type { QuickWalk } from './quick.js';
import type { Validator } from './walker.js';

/** How rules see the fields of an object: field views, rule tables and the helpers that build rules. */

/** An object with a path to report problems at, which it joins only when read. */
export interface Located {
  readonly path: string;
}

/** Maximum length of a value shown in a message, in code points. Longer values end in `...`. */
export const VALUE_PREVIEW_LENGTH = 40;

/** Ids listed in an unknown-id message before the list is cut. */
export const KNOWN_IDS_SHOWN = 20;

/** Stands for a field whose getter threw; the problem is reported when it is read. */
export const UNREADABLE = Symbol('unreadable');

/** The other fields of the object under check, as read once by the walk. */
export interface Siblings {
  /**
   * Returns another field of the same object, for rules that compare fields:
   * undefined when it is absent or not in the rule table, `UNREADABLE` when
   * its getter threw.
   */
  sibling(name: string): unknown;
}

/** One present field of an object under check. */
export interface Field extends Siblings {
  readonly name: string;
  /** Never `undefined` or `UNREADABLE`: those are handled before checks run. */
  readonly value: unknown;
  readonly path: string;
  /** Path of the object that has this field. */
  readonly owner: FieldPath;
  /** Returns the path of this field as a record that stays valid after the rule returns, unlike the field itself. */
  fieldPath(): FieldPath;
}

/** The fields of one checked object that its rule table names, read once. */
export interface FieldValues {
  /** Returns the value read for a field: undefined when absent or not in the table, `UNREADABLE` when its getter threw. */
  get(name: string): unknown;
  /** Like `get`, for the field at `index` in the table's names, which spares the name lookup. */
  valueAt(index: number): unknown;
}

/** The fields of an object whose keys could not be listed: none were read. */
export const NO_FIELDS: FieldValues = { get: () => undefined, valueAt: () => undefined };

/** A value read from the model and its path, such as an item of a list field or a reference to an id. */
export class ModelValue extends FieldPath {
  readonly value: unknown;

  constructor(value: unknown, parent: FieldPath, field: string, index: number) {
    super(parent, field, index);
    this.value = value;
  }
}

/**
 * The fields read from one object, which also serves as the `Field` passed
 * to each rule in turn: `checkFields` sets `name` and `value` before each
 * call, so checking an object allocates no object per field. Rules must not
 * keep the field after they return.
 */
export class ObjectFields implements Field, FieldValues {
  name = '';
  value: unknown = undefined;
  /** Bit `1 << index` set for each field read, indexed like `shape.names`. */
  present = 0;
  owner: FieldPath;
  private readonly shape: TableShape;
  /** Indexed like `shape.names`, with undefined for each field not read. */
  private readonly values: unknown[];

  constructor(shape: TableShape, owner: FieldPath) {
    this.shape = shape;
    this.owner = owner;
    this.values = new Array<unknown>(shape.names.length);
  }

  /** Forgets the values read, to read the fields of another object of the same shape at `owner`. */
  reuse(owner: FieldPath): void {
    for (let pending = this.present; pending !== 0; pending &= pending - 1) {
      this.values[31 - Math.clz32(pending & -pending)] = undefined;
    }
    this.present = 0;
    this.name = '';
    this.value = undefined;
    this.owner = owner;
  }

  /** Stores the value read for the field at `index`: possibly undefined, or `UNREADABLE`. */
  store(index: number, value: unknown): void {
    this.values[index] = value;
    this.present |= 1 << index;
  }

  valueAt(index: number): unknown {
    return this.values[index];
  }

  /** Joined only when a rule reads it, since most fields are valid. */
  get path(): string {
    return joinPath(this.owner.path, this.name);
  }

  fieldPath(): FieldPath {
    return new FieldPath(this.owner, this.name, -1);
  }

  get(name: string): unknown {
    const index = this.shape.indexes[name];

    return index === undefined || index < 0 ? undefined : this.valueAt(index);
  }

  sibling(name: string): unknown {
    return this.get(name);
  }
}

/** A rule table prepared for checking: its rules by position, and every field name valid on its objects. */
export interface TableShape {
  /** The table's field names, in the order their rules run and report. */
  readonly names: readonly string[];
  /** The rule of each name in `names`, at the same index. */
  readonly rules: readonly FieldRule[];
  /**
   * Index into `names` of each field with a rule, and -1 for a valid name
   * without one, such as a node's kind. It has no prototype, so a key such as
   * `toString` is absent. On Node 20, a lookup here took less time than `Map.get`.
   */
  readonly indexes: Readonly<Record<string, number | undefined>>;
  /** Bit `1 << index` set for each required field, so checks can skip absent optional fields. */
  readonly requiredMask: number;
  /** Every valid name, extra names first, as listed in unknown-field messages. */
  readonly validNames: readonly string[];
  /**
   * Index of this shape among the shapes built by `tableShape`, under which a
   * validator keeps an `ObjectFields` to reuse, or -1 for a shape built per check.
   */
  readonly slot: number;
}

/** Maximum number of fields in one rule table, because `checkFields` keeps the fields present as bits of a 32-bit integer. */
export const MAX_TABLE_FIELDS = 32;

/** Shapes built so far by `tableShape`. */
let reusableShapes = 0;

/**
 * Prepares a rule table for `Validator.checkFields`. `extraNames` are valid
 * on the objects but checked elsewhere. Each validator keeps one
 * `ObjectFields` per shape built here, so build shapes once, at module load.
 */
export function tableShape(table: RuleTable, extraNames: readonly string[] = []): TableShape {
  const slot = reusableShapes;
  reusableShapes += 1;

  return buildShape(table, extraNames, slot);
}

/**
 * Prepares a rule table built for one check, such as the marker rules of one
 * curve. Its `ObjectFields` are not kept for reuse.
 */
export function oneTimeShape(table: RuleTable): TableShape {
  return buildShape(table, [], -1);
}

function buildShape(table: RuleTable, extraNames: readonly string[], slot: number): TableShape {
  const names = Object.keys(table);
  if (names.length > MAX_TABLE_FIELDS) {
    throw new RangeError(`a rule table has ${names.length} fields, over the limit of ${MAX_TABLE_FIELDS}; split it`);
  }

  const rules = Object.values(table);
  const indexes = Object.create(null) as Record<string, number>;
  for (const name of extraNames) {
    indexes[name] = -1;
  }
  let requiredMask = 0;
  names.forEach((name, index) => {
    indexes[name] = index;
    if (rules[index]?.example !== undefined) {
      requiredMask |= 1 << index;
    }
  });

  return { names, rules, indexes, requiredMask, validNames: [...new Set([...extraNames, ...names])], slot };
}

export type FieldCheck = (field: Field, validator: Validator) => void;

/**
 * Tells the quick walk whether a field's value passes its rule, without a
 * message. It returns false both for a value that fails and for one the test
 * cannot judge, so it may be stricter than the rule's check but never more
 * lenient. A false result sends the model to the full walk, which reports.
 */
export type FieldTest = (value: unknown, siblings: Siblings, walk: QuickWalk) => boolean;

export interface FieldRule {
  readonly check: FieldCheck;
  /** The same rule for the quick walk in quick.ts. */
  readonly accepts: FieldTest;
  /** Set only on required fields: a value to suggest when the field is missing. */
  readonly example?: string;
}

/** One rule per field of `T`. The compiler rejects a table that misses a field. */
export type Rules<T, Skipped extends keyof T = never> = { readonly [F in Exclude<keyof T, Skipped>]-?: FieldRule };
export type RuleTable = Readonly<Record<string, FieldRule>>;
/** Fields every node kind has, checked by BASE_RULES. */
export type BaseField = 'kind' | '$schema' | 'id' | 'role' | 'style';
export type NodeRules = { readonly [K in NodeKind]: Rules<Extract<DiagramNode, { kind: K }>, BaseField> };

/** A test of one value: returns the problem message, or undefined when the value is valid. */
export type ValueTest = (value: unknown, name: string) => string | undefined;

export interface Limits {
  readonly min: number;
  readonly max?: number;
  /** Reason for the bounds, shown in the message. */
  readonly reason?: string;
}

export function optional(check: FieldCheck, accepts: FieldTest): FieldRule {
  return { check, accepts };
}

export function required(check: FieldCheck, accepts: FieldTest, example: string): FieldRule {
  return { check, accepts, example };
}

/** Builds the rule of an optional field checked by a test of its value alone. */
export function optionalValue(valueTest: ValueTest): FieldRule {
  return optional(checkWith(valueTest), passes(valueTest));
}

/** Builds the rule of a required field checked by a test of its value alone. */
export function requiredValue(valueTest: ValueTest, example: string): FieldRule {
  return required(checkWith(valueTest), passes(valueTest), example);
}

/** Turns a value test into a field check that reports `invalid-model`. */
export function checkWith(valueTest: ValueTest): FieldCheck {
  return (field, validator) => {
    const message = valueTest(field.value, field.name);
    if (message !== undefined) {
      validator.report('invalid-model', field.path, message);
    }
  };
}

/** Turns a value test into a field test for the quick walk. A value test builds its message only for a value that fails. */
export function passes(valueTest: ValueTest): FieldTest {
  return (value) => valueTest(value, '') === undefined;
}

/**
 * One `ObjectFields` per reusable table shape, by `TableShape.slot`, that no
 * check is using, so checking an object allocates none.
 */
export class SpareFields {
  private readonly spares: (ObjectFields | undefined)[] = [];

  /**
   * Returns the spare of the shape, cleared for the object at `owner`, or a
   * new one. A spare is taken out while in use, so a check nested in another
   * of the same shape gets its own.
   */
  take(shape: TableShape, owner: FieldPath): ObjectFields {
    const spare = shape.slot >= 0 ? this.spares[shape.slot] : undefined;
    if (spare === undefined) {
      return new ObjectFields(shape, owner);
    }

    this.spares[shape.slot] = undefined;
    spare.reuse(owner);

    return spare;
  }

  /** Keeps fields taken for the shape for the next check. Their values stay readable until then. */
  give(shape: TableShape, fields: ObjectFields): void {
    if (shape.slot >= 0) {
      this.spares[shape.slot] = fields;
    }
  }
}
