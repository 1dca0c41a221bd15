import { joinPath } from '../errors.js';
import type { DiagramNode, NodeKind } from '../model.js';
import type { Validator } from './walker.js';

/** How rules see the fields of an object: field views, rule tables and the helpers that build rules. */

export interface ListItem {
  readonly value: unknown;
  readonly path: string;
}

/** Maximum length of a value shown in a message, in code points. Longer values end in `...`. */
export const VALUE_PREVIEW_LENGTH = 40;

/** Ids listed in an unknown-id message before the list is cut. */
export const KNOWN_IDS_SHOWN = 20;

/** Stands for a field whose getter threw; the problem is reported when it is read. */
export const UNREADABLE = Symbol('unreadable');

/** One present field of an object under check. */
export interface Field {
  readonly name: string;
  /** Never `undefined` or `UNREADABLE`: those are handled before checks run. */
  readonly value: unknown;
  readonly path: string;
  /** Every field of the same object, for rules that compare fields. */
  readonly siblings: ReadonlyMap<string, unknown>;
}

/** An item of a list field; like a field, its path is joined only when asked for. */
export class ListEntry implements ListItem {
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
export class FieldView implements Field {
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
export interface TableShape {
  readonly names: readonly string[];
  readonly entries: readonly (readonly [string, FieldRule])[];
  readonly valid: ReadonlySet<string>;
}

export const SHAPES = new WeakMap<RuleTable, TableShape>();

export function tableShape(rules: RuleTable, extraNames: readonly string[]): TableShape {
  let shape = SHAPES.get(rules);
  if (shape === undefined) {
    const names = Object.keys(rules);
    shape = { names, entries: Object.entries(rules), valid: new Set([...extraNames, ...names]) };
    SHAPES.set(rules, shape);
  }

  return shape;
}

export type FieldCheck = (field: Field, validator: Validator) => void;

export interface FieldRule {
  readonly check: FieldCheck;
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

export function optional(check: FieldCheck): FieldRule {
  return { check };
}

export function required(check: FieldCheck, example: string): FieldRule {
  return { check, example };
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
