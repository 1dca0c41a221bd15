import { type DiagramErrorCode, joinPath } from '../errors.js';
import type { DiagramNode } from '../model.js';
import type { ValidationProblem } from '../validate.js';
import type { WalkFacts } from '../validate-links.js';
import { describe, describeError, describePath, didYouMean, isArray, isObject, quoteList, safeLength } from './describe.js';
import { NODE_EXAMPLE, NODE_KINDS } from './enums.js';
import { KNOWN_IDS_SHOWN, ModelValue, NO_FIELDS, SpareFields, UNREADABLE } from './fields.js';
import type { Field, FieldRule, FieldValues, Located, TableShape } from './fields.js';
import { FieldPath } from '../model-path.js';
import { KIND_TABLES, type NodeTable } from './rules.js';

/** The walk over a model: an explicit stack, cycles and shared subtrees, ids and the references to them. */

/**
 * Default limit on node nesting, the root being level 1. Measuring, placing,
 * routing and painting recurse once per level, so a much deeper model would
 * overflow the call stack there. The validator itself walks with an explicit
 * stack and stops at the limit.
 */
export const MAX_DEPTH = 200;

/**
 * Highest nesting limit a caller may set. Rendering 950 nested boxes
 * overflowed Node 20's default call stack here, and half that stack held
 * fewer than 500, so this keeps a margin for callers deep in their own stack.
 */
export const MAX_DEPTH_LIMIT = 400;

/**
 * One place of a value in the model, as the walk goes through it: queued on
 * the stack, then, once entered as a node, open while its descendants are
 * walked, then finished. The first one entered for each node object is kept,
 * and represents the object's subtree wherever the object appears again.
 * Its path, inherited from `FieldPath`, is where the object was first seen.
 */
export class Subtree extends FieldPath {
  /** The subtree of the parent node, or undefined for the root. */
  declare readonly parent: Subtree | undefined;
  /** The value at this place, a node object unless the model is invalid here. */
  readonly value: unknown;
  /** Nesting level; the root is 1. */
  readonly depth: number;
  state: 'queued' | 'open' | 'finished' = 'queued';
  /** Levels from this node down to its deepest descendant, itself included. */
  height = 1;
  /** Whether the node is in the validator's map of subtrees, which it joins once it contains a node of a container kind. */
  tracked = false;
  /** The first id in the subtree, in document order. */
  firstId: string | undefined = undefined;
  /** The path of the node with `firstId`. */
  firstIdPath: FieldPath | undefined = undefined;

  /** Creates the place of `value` in field `field` of the node `parent`, at item `index` when the field is a list, or -1. */
  constructor(value: unknown, parent: Subtree | undefined, field: string, index: number) {
    super(parent, field, index, parent === undefined ? '' : undefined);
    this.value = value;
    this.depth = parent === undefined ? 1 : parent.depth + 1;
  }
}

/**
 * Walks the model depth-first with an explicit stack, so deep input cannot
 * overflow the call stack, and collects problems in document order.
 */
export class Validator implements WalkFacts {
  readonly problems: ValidationProblem[] = [];
  readonly maxDepth: number;
  readonly maxLabelLength: number;
  hasLinks = false;
  hasSharedSubtrees = false;
  /** The subtree of the node with each id seen so far. */
  private readonly subtreesById = new Map<string, Subtree>();
  /** Connector and stub ends, to match against the ids once all are known. */
  private readonly references: ModelValue[] = [];
  /**
   * Every node object entered so far that contains a node of a container
   * kind (box, row, column, grid or fan). Those still open are ancestors of
   * the current node. Only such a node can be part of a cycle longer than
   * one node. The others, such as a leaf or a box of text, are checked again
   * at each place they appear. That saves a map entry for most nodes, and a
   * map of thousands of entries costs page faults on every render.
   */
  private readonly subtrees = new Map<object, Subtree>();
  /** Node places checked so far, each node once unless it appears in several places untracked. */
  private checkedPlaces = 0;
  /**
   * Places to enter, and below the children of each open node the node
   * itself, to finish when the children are done.
   */
  private readonly stack: Subtree[] = [];
  /** The node whose fields are being checked; children found meanwhile are pushed on the stack. */
  private current: Subtree | undefined;
  private readonly spareFields = new SpareFields();

  constructor(maxDepth: number, maxLabelLength: number) {
    this.maxDepth = maxDepth;
    this.maxLabelLength = maxLabelLength;
  }

  report(code: DiagramErrorCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }

  walk(model: unknown): void {
    this.stack.push(new Subtree(model, undefined, '', -1));
    for (let place = this.stack.pop(); place !== undefined; place = this.stack.pop()) {
      if (place.state === 'queued') {
        this.enter(place);
      } else {
        this.leave(place);
      }
    }
  }

  /**
   * Reports connector and stub ends that name no node, once every id is known.
   * Only the first few get a spelling hint, because each hint compares the id
   * with every known id.
   */
  checkReferences(): void {
    // The known ids are listed only once a reference misses, as most models have none that do.
    let known: string[] | undefined;
    let knownList = '';
    let hinted = 0;
    for (const reference of this.references) {
      const id = reference.value as string;
      if (this.subtreesById.has(id)) {
        continue;
      }

      if (known === undefined) {
        known = [...this.subtreesById.keys()];
        knownList = known.length === 0 ? 'none' : quoteList(known.slice(0, KNOWN_IDS_SHOWN));
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

  /**
   * Queues a child of the node being checked, the value of `field` or item
   * `index` of it, to be visited after the node, in the order added.
   */
  addChild(value: unknown, field: Field, index = -1): void {
    if (this.current !== undefined) {
      this.stack.push(new Subtree(value, this.current, field.name, index));
    }
  }

  /** Keeps a connector or stub end, whose value is an id, to match against the node ids after the walk. */
  addReference(field: Field): void {
    this.references.push(new ModelValue(field.value, field.owner, field.name, -1));
  }

  get nodeCount(): number {
    return this.checkedPlaces;
  }

  /** Returns the node with the given id, once the walk is done. */
  nodeWithId(id: string): DiagramNode | undefined {
    return this.subtreesById.get(id)?.value as DiagramNode | undefined;
  }

  /** Returns the value as an object, or reports it at `place` and returns undefined when it is not a non-array object. */
  readObject(value: unknown, place: Located, expected: string, example: string): object | undefined {
    if (isObject(value)) {
      return value;
    }

    this.report('invalid-model', place.path, `expected ${expected}, got ${describe(value)}; replace it with ${expected} such as ${example}`);

    return undefined;
  }

  /** Reads an array field item by item, reporting items whose getters throw. */
  readList(field: Field, example: string): { readonly length: number; readonly items: ModelValue[] } | undefined {
    const length = this.readLength(field, example);
    if (length === undefined) {
      return undefined;
    }

    // NOTE: time and memory grow with `length`, so a sparse array with a huge length is slow to reject.
    const items: ModelValue[] = [];
    for (let index = 0; index < length; index += 1) {
      const value = this.read(field.value as object, index, field);
      if (value !== UNREADABLE) {
        items.push(new ModelValue(value, field.owner, field.name, index));
      }
    }

    return { length, items };
  }

  /** Returns the length of an array field, or reports the field and returns undefined when it is not an array. */
  readLength(field: Field, example: string): number | undefined {
    const length = isArray(field.value) ? safeLength(field.value) : undefined;
    if (length === undefined) {
      this.report('invalid-model', field.path, `expected an array, got ${describe(field.value)}; set ${field.name} to an array such as ${example}`);
    }

    return length;
  }

  /**
   * Reads the items of an array field, whose length `readLength` returned,
   * and queues each readable one as a child node. Reports items whose getters
   * throw.
   */
  addChildren(field: Field, length: number): void {
    const list = field.value as object;
    for (let index = 0; index < length; index += 1) {
      const value = this.read(list, index, field);
      if (value !== UNREADABLE) {
        this.addChild(value, field, index);
      }
    }
  }

  /**
   * Checks an object against its rules: unknown fields first, then each rule
   * in table order, reporting missing required fields. Returns the values read,
   * with `UNREADABLE` for getters that threw, which stay valid until the next
   * check of an object of the same shape.
   */
  checkFields(target: object, owner: FieldPath, shape: TableShape, objectName: string): FieldValues {
    const keys = this.listKeys(target, owner);
    if (keys === undefined) {
      return NO_FIELDS;
    }

    // Only the fields present are read: a node sets a few of the many fields its kind allows.
    const fields = this.spareFields.take(shape, owner);
    const { names, rules, indexes } = shape;
    for (const key of keys) {
      const index = indexes[key];
      if (index === undefined) {
        this.reportUnknownField(key, owner, shape, objectName);
      } else if (index >= 0) {
        fields.store(index, this.read(target, key, owner));
      }
    }

    // Visits the set bits from the lowest up, so the rules run in table order.
    for (let pending = fields.present | shape.requiredMask; pending !== 0; pending &= pending - 1) {
      const index = 31 - Math.clz32(pending & -pending);
      const value = fields.valueAt(index);
      if (value === UNREADABLE) {
        continue;
      }
      const name = names[index] as string;
      const rule = rules[index] as FieldRule;
      if (value === undefined) {
        if (rule.example !== undefined) {
          this.report('invalid-model', joinPath(owner.path, name), `missing ${name}, which ${objectName} requires; add ${name}: ${rule.example}`);
        }
        continue;
      }
      fields.name = name;
      fields.value = value;
      rule.check(fields, this);
    }

    this.spareFields.give(shape, fields);

    return fields;
  }

  private enter(visit: Subtree): void {
    const node = this.readObject(visit.value, visit, 'a node object', NODE_EXAMPLE);
    if (node === undefined) {
      return;
    }

    const seen = this.subtrees.get(node);
    if (seen !== undefined) {
      if (seen.state === 'open') {
        this.reportCycle(visit.path, seen.path);
      } else {
        this.hasSharedSubtrees = true;
        this.revisit(visit, seen);
      }

      return;
    }

    // A node that contains itself is not in the map yet when it contains no other container.
    // It joins the map now, so its other places are not checked again.
    const parent = visit.parent;
    if (parent !== undefined && parent.value === node) {
      this.track(parent);
      this.reportCycle(visit.path, parent.path);

      return;
    }

    if (visit.depth > this.maxDepth) {
      this.reportDepth(visit.path, visit.depth);

      return;
    }

    this.checkNodeAndQueueChildren(node, visit);
  }

  private checkNodeAndQueueChildren(node: object, subtree: Subtree): void {
    subtree.state = 'open';
    this.stack.push(subtree);
    const firstChild = this.stack.length;
    this.current = subtree;
    this.checkedPlaces += 1;
    // The parent joins the map before any of this node's children is entered, so a cycle through both is found.
    if (this.checkNode(node, subtree)) {
      this.track(subtree.parent);
    }
    this.current = undefined;

    // The children were pushed in document order; reversing them makes the stack pop the first one first.
    reverseFrom(this.stack, firstChild);
  }

  /** Adds a node to the map of subtrees, if it is not there yet. */
  private track(subtree: Subtree | undefined): void {
    if (subtree !== undefined && !subtree.tracked) {
      subtree.tracked = true;
      this.subtrees.set(subtree.value as object, subtree);
    }
  }

  private leave(subtree: Subtree): void {
    subtree.state = 'finished';
    mergeInto(subtree.parent, subtree.height, subtree.firstId, subtree.firstIdPath);
  }

  /** Checks a node's fields and queues its children. Returns whether its kind can hold nodes. */
  private checkNode(node: object, subtree: Subtree): boolean {
    const table = this.checkKind(node, subtree);
    if (table === undefined) {
      return false;
    }

    const fields = this.checkFields(node, subtree, table.shape, table.objectName);
    const id = fields.valueAt(table.idIndex);
    if (typeof id === 'string' && id !== '') {
      this.registerId(id, subtree);
    }

    if (table.linksNodes) {
      this.hasLinks = true;
    }

    if (table.kind === 'fan' && fields.get('from') === undefined && fields.get('to') === undefined) {
      this.report('invalid-model', subtree.path, `a fan needs from, to or both; add from: ${NODE_EXAMPLE} to fan out from one node, or to: ${NODE_EXAMPLE} to fan in`);
    }

    return table.holdsNodes;
  }

  /** Returns the table of the node's kind, or reports a missing or unknown kind and returns undefined. */
  private checkKind(node: object, place: FieldPath): NodeTable | undefined {
    const kind = this.read(node, 'kind', place);
    const table = typeof kind === 'string' ? KIND_TABLES[kind] : undefined;
    if (table !== undefined) {
      return table;
    }

    if (kind !== UNREADABLE) {
      const problem = kind === undefined ? 'missing kind' : `unknown kind ${describe(kind)}`;
      const hint = typeof kind === 'string' ? didYouMean(kind, NODE_KINDS) : '';
      this.report('invalid-model', joinPath(place.path, 'kind'), `${problem}; set kind to one of ${quoteList(NODE_KINDS)}${hint}`);
    }

    return undefined;
  }

  private registerId(id: string, subtree: Subtree): void {
    subtree.firstId = id;
    subtree.firstIdPath = subtree;
    const first = this.subtreesById.get(id);
    if (first === undefined) {
      this.subtreesById.set(id, subtree);

      return;
    }

    // A node checked at each of its places, as a box of text placed twice is, meets its own id again.
    const fix = first.value === subtree.value ? 'it is the same object placed twice; copy it and give each copy its own id' : 'give each node its own id';
    this.report('duplicate-id', joinPath(subtree.path, 'id'), `the id ${describe(id)} is already used at ${describePath(first.path)}; ${fix}`);
  }

  /**
   * Handles a node object already checked elsewhere in the model. A shared
   * subtree is valid without ids, but it is placed twice, so any id in it is
   * a duplicate, and its depth counts again from here. Only the first id in
   * it is reported, and its fields are not checked again, so sharing cannot
   * make the walk exponential.
   */
  private revisit(visit: Subtree, seen: Subtree): void {
    const id = seen.firstId;
    let idPath: FieldPath | undefined;
    if (id !== undefined && seen.firstIdPath !== undefined) {
      const originalPath = seen.firstIdPath.path;
      idPath = FieldPath.fromText(visit.path + originalPath.slice(seen.path.length));
      this.report(
        'duplicate-id',
        joinPath(idPath.path, 'id'),
        `the id ${describe(id)} is already used at ${describePath(originalPath)}, because this subtree is the same object as the one at ${describePath(seen.path)}; copy the subtree and give each copy its own ids`,
      );
    }

    const deepest = visit.depth + seen.height - 1;
    if (deepest > this.maxDepth) {
      this.reportDepth(visit.path, deepest);
    }

    mergeInto(visit.parent, seen.height, id, idPath);
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
  private listKeys(target: object, place: Located): string[] | undefined {
    try {
      return Object.keys(target);
    } catch (error) {
      this.report('invalid-model', place.path, `listing the fields failed with ${describeError(error)}; pass plain data objects`);

      return undefined;
    }
  }

  private reportUnknownField(key: string, place: Located, shape: TableShape, objectName: string): void {
    const validNames = shape.validNames;
    this.report(
      'invalid-model',
      joinPath(place.path, key),
      `unknown field ${describe(key)} on ${objectName}; remove or rename it${didYouMean(key, validNames)}. Valid fields: ${validNames.join(', ')}`,
    );
  }

  /** Reads field or item `name` of the object at `place`, reporting a getter that throws and returning `UNREADABLE` for it. */
  private read(target: object, name: string | number, place: Located): unknown {
    try {
      return (target as Record<string | number, unknown>)[name];
    } catch (error) {
      this.report('invalid-model', joinPath(place.path, name), `reading the field failed with ${describeError(error)}; pass plain data instead of a getter that throws`);

      return UNREADABLE;
    }
  }
}

/** Reverses the items of `list` from index `start` to the end, in place. */
export function reverseFrom(list: unknown[], start: number): void {
  for (let low = start, high = list.length - 1; low < high; low += 1, high -= 1) {
    const item = list[low];
    list[low] = list[high];
    list[high] = item;
  }
}

/** Adds a finished child's height and first id, with the path of its node, to its parent. */
export function mergeInto(parent: Subtree | undefined, height: number, firstId: string | undefined, firstIdPath: FieldPath | undefined): void {
  if (parent === undefined) {
    return;
  }

  parent.height = Math.max(parent.height, height + 1);
  if (parent.firstId === undefined) {
    parent.firstId = firstId;
    parent.firstIdPath = firstIdPath;
  }
}
