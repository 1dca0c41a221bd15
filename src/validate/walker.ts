import { type DiagramErrorCode, joinPath } from '../errors.js';
import type { NodeKind } from '../model.js';
import type { ValidationProblem } from '../validate.js';
import { describe, describeError, describePath, didYouMean, isArray, quoteList, safeLength } from './describe.js';
import { NODE_EXAMPLE, NODE_KINDS } from './enums.js';
import { FieldView, KNOWN_IDS_SHOWN, ListEntry, UNREADABLE, tableShape } from './fields.js';
import type { Field, ListItem, RuleTable, TableShape } from './fields.js';
import { KIND_FIELD, KIND_RULES } from './rules.js';

/** The walk over a model: an explicit stack, cycles and shared subtrees, ids and the references to them. */

/**
 * Default limit on node nesting, the root being level 1. Measuring, placing,
 * routing and painting recurse once per level, so a much deeper model would
 * overflow the call stack there. The validator itself walks with an explicit
 * stack and stops at the limit.
 */
export const MAX_DEPTH = 200;

/** A node waiting on the walk's stack. */
export interface Visit {
  readonly value: unknown;
  readonly path: string;
  /** Nesting level; the root is 1. */
  readonly depth: number;
  readonly parent: Subtree | undefined;
}

/** Summary of one node object's subtree, reused when the object appears again. */
export interface Subtree {
  /** Path where the object was first seen. */
  readonly path: string;
  /** Levels from this node down to its deepest descendant, itself included. */
  height: number;
  /** The first id in the subtree, in document order, and the path of its node. */
  firstId: { readonly id: string; readonly nodePath: string } | undefined;
}

export type Step = { readonly enter: Visit } | { readonly leave: object; readonly subtree: Subtree; readonly parent: Subtree | undefined };


/**
 * Walks the model depth-first with an explicit stack, so deep input cannot
 * overflow the call stack, and collects problems in document order.
 */
export class Validator {
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
export function mergeInto(parent: Subtree | undefined, height: number, firstId: Subtree['firstId']): void {
  if (parent === undefined) {
    return;
  }

  parent.height = Math.max(parent.height, height + 1);
  parent.firstId ??= firstId;
}
