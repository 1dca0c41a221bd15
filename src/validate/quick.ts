import { isStackOverflow } from '../errors.js';
import { IdIndex } from '../id-index.js';
import type { DiagramNode } from '../model.js';
import { ROOT_PATH } from '../model-path.js';
import { type WalkFacts, drawsNothing } from '../validate-links.js';
import { isObject } from './describe.js';
import { type FieldRule, type ObjectFields, SpareFields, type TableShape } from './fields.js';
import { KIND_TABLES } from './rules.js';

/**
 * Maximum number of node places the quick walk visits before it leaves the
 * model to the full walk. It bounds the work on a node that contains only
 * leaves and is placed many times, which the walk checks at each place.
 */
export const QUICK_WALK_LIMIT = 100_000;

/**
 * The quick walk's verdict on a model. It is invalid when some check fails or
 * a getter or proxy throws. It is undecided when the walk stopped without
 * judging: past `QUICK_WALK_LIMIT`, at a subtree seen before, at a value
 * that a rule leaves to the full walk, or out of call stack.
 */
export type QuickVerdict = 'valid' | 'invalid' | 'undecided';

/**
 * A first pass over a model that only checks whether it is valid, for the
 * common case of plain data that passes. It keeps no paths and builds no
 * messages, so it costs a fraction of the full walk in walker.ts. It runs the
 * same rule tables, through each rule's `accepts`. For any other verdict than
 * valid, the full walk runs and reports the problems.
 *
 * Like the full walk, it keeps a set of the nodes that contain a node of a
 * container kind, and stops undecided when it meets one again. So a subtree
 * placed many times, which the full walk checks once, is not checked at each
 * place here. A node that contains only leaves is checked at each place, as in
 * the full walk.
 */
export class QuickWalk implements WalkFacts {
  readonly maxDepth: number;
  readonly maxLabelLength: number;
  hasLinks = false;
  /**
   * Always false: this walk visits a node at each of its places, and
   * `nodeCount` counts every place, so the link check may do the same.
   */
  readonly hasSharedSubtrees = false;
  /** Node places visited. */
  nodeCount = 0;
  private readonly nodesById = new IdIndex<DiagramNode>();
  /** Connector and stub ends, to match against the ids once all are known. */
  private readonly references: string[] = [];
  /** Node values still to visit, with the nesting level of each in `depths` and the node that contains it in `parents`. */
  private readonly pending: unknown[] = [];
  private readonly depths: number[] = [];
  private readonly parents: (object | undefined)[] = [];
  /** The node whose fields are being tested, and its nesting level, the root being 1. */
  private current: object | undefined = undefined;
  private depth = 0;
  /** Nodes that contain a node of a container kind, made on the first one. */
  private tracked: Set<object> | undefined;
  /** The node added to `tracked` last, which its other children need not add again. */
  private lastTracked: object | undefined;
  /** Set when the walk stopped without judging the model. */
  private undecided = false;
  /** The value a getter or proxy threw during the walk, if one did. */
  thrown: { readonly error: unknown } | undefined;
  /** Set when the model needs the link check: some node needs its walk, as `noteLinks` decides, or a link ends at a node that draws nothing. */
  private needsLinkWalk = false;
  private readonly spareFields = new SpareFields();

  constructor(maxDepth: number, maxLabelLength: number) {
    this.maxDepth = maxDepth;
    this.maxLabelLength = maxLabelLength;
  }

  /** Checks every node and field against its rules, and that every connector and stub end names a node. */
  check(model: unknown): QuickVerdict {
    let passed: boolean;
    try {
      passed = this.acceptsTree(model) && this.acceptsReferences();
    } catch (error) {
      // Called with little stack left, the walk can run out of it. The full walk then decides, without reporting a changing model.
      if (isStackOverflow(error)) {
        return 'undecided';
      }
      // A getter or proxy threw. The full walk reads each field in its own try and reports where.
      this.thrown = { error };

      return 'invalid';
    }
    if (passed) {
      return 'valid';
    }

    return this.undecided ? 'undecided' : 'invalid';
  }

  /** Stops the walk without judging the model, for a value that only the full walk can check. Returns false. */
  leaveToFullWalk(): false {
    this.undecided = true;

    return false;
  }

  nodeWithId(id: string): DiagramNode | undefined {
    return this.nodesById.get(id);
  }

  /** Queues a child node to visit. Returns false once the walk has queued `QUICK_WALK_LIMIT` nodes. */
  queueNode(value: unknown): boolean {
    if (this.nodeCount + this.pending.length >= QUICK_WALK_LIMIT) {
      return this.leaveToFullWalk();
    }
    this.pending.push(value);
    this.depths.push(this.depth + 1);
    this.parents.push(this.current);

    return true;
  }

  /**
   * Queues every item of a list of child nodes, the last first, so the walk
   * meets them in document order and stops at the first problem.
   */
  queueNodes(list: readonly unknown[]): boolean {
    // The length is read once, as the full walk reads it, in case the list is a proxy that changes it.
    const length = list.length;
    for (let index = length - 1; index >= 0; index -= 1) {
      if (!this.queueNode(list[index])) {
        return false;
      }
    }

    return true;
  }

  /** Keeps a connector or stub end, to match against the node ids after the walk. */
  addReference(id: string): void {
    this.references.push(id);
  }

  /**
   * Tests an object's fields against a table shape. Returns the values read,
   * which stay valid until the next test of an object of the same shape, or
   * undefined when a field is unknown, a required one is missing or a rule
   * does not accept its value.
   */
  acceptedFields(target: object, shape: TableShape): ObjectFields | undefined {
    const fields = this.spareFields.take(shape, ROOT_PATH);
    const accepted = this.readFields(target, shape, fields) && this.acceptsValues(shape, fields);
    this.spareFields.give(shape, fields);

    return accepted ? fields : undefined;
  }

  private acceptsTree(model: unknown): boolean {
    this.pending.push(model);
    this.depths.push(1);
    this.parents.push(undefined);
    while (this.pending.length > 0) {
      const value = this.pending.pop();
      this.depth = this.depths.pop() as number;
      if (!this.acceptsNode(value, this.parents.pop())) {
        return false;
      }
    }

    return true;
  }

  private acceptsNode(value: unknown, parent: object | undefined): boolean {
    this.nodeCount += 1;
    if (this.depth > this.maxDepth || !isObject(value)) {
      return false;
    }
    const kind = (value as { readonly kind?: unknown }).kind;
    const table = typeof kind === 'string' ? KIND_TABLES[kind] : undefined;
    if (table === undefined) {
      return false;
    }
    if (table.holdsNodes) {
      // Only a node of a container kind can contain a container, so only such a node can be in the set.
      if (this.tracked?.has(value) === true) {
        return this.leaveToFullWalk();
      }
      // The parent joins the set before any of this node's children is visited, so a cycle through both is found.
      this.track(parent);
    }
    this.current = value;
    const fields = this.acceptedFields(value, table.shape);
    if (fields === undefined) {
      return false;
    }

    const id = fields.valueAt(table.idIndex);
    if (typeof id === 'string') {
      if (!this.nodesById.add(id, value as DiagramNode)) {
        return false;
      }
    }
    if (table.linksNodes) {
      this.hasLinks = true;
      this.noteLinks(value as Record<string, unknown>, table.kind, fields);
    }

    return table.kind !== 'fan' || fields.sibling('from') !== undefined || fields.sibling('to') !== undefined;
  }

  /**
   * Notes whether a row, column, grid or fan needs the link check's walk: a
   * fan, a chain or stubs do, and so does a linking field hidden from
   * `Object.keys`, which this walk did not read but the later stages do.
   * Connectors alone do not, because their ends are checked from the ids.
   */
  private noteLinks(node: Record<string, unknown>, kind: string, fields: ObjectFields): void {
    if (this.needsLinkWalk) {
      return;
    }
    const chain = node.chain;
    const hidden = chain !== fields.sibling('chain') || node.connectors !== fields.sibling('connectors') || node.stubs !== fields.sibling('stubs');
    this.needsLinkWalk = kind === 'fan' || (chain !== undefined && chain !== false) || node.stubs !== undefined || hidden;
  }

  /**
   * Tells whether every connector and stub end names a node. An end at a
   * node that draws nothing is valid here, but the link check reports it, so
   * it calls for that check.
   */
  private acceptsReferences(): boolean {
    const references = this.references;
    for (let index = 0; index < references.length; index += 1) {
      const node = this.nodesById.get(references[index] as string);
      if (node === undefined) {
        return false;
      }
      if (!this.needsLinkWalk && drawsNothing(node)) {
        this.needsLinkWalk = true;
      }
    }

    return true;
  }

  /**
   * Tells whether a valid model needs the link check in validate-links.ts:
   * some node needs its walk, or a connector ends at a node that draws
   * nothing, which the check reports.
   */
  needsLinkCheck(): boolean {
    return this.needsLinkWalk;
  }

  private track(parent: object | undefined): void {
    if (parent !== undefined && parent !== this.lastTracked) {
      this.tracked ??= new Set();
      this.tracked.add(parent);
      this.lastTracked = parent;
    }
  }

  /** Reads every field of the object into `fields`. Returns false for a field not in the shape. */
  private readFields(target: object, shape: TableShape, fields: ObjectFields): boolean {
    const keys = Object.keys(target);
    const indexes = shape.indexes;
    for (let key = 0; key < keys.length; key += 1) {
      const name = keys[key] as string;
      const index = indexes[name];
      if (index === undefined) {
        return false;
      }
      if (index >= 0) {
        const value = (target as Record<string, unknown>)[name];
        // The full walk takes a field set to undefined as absent, unless the field is required.
        if (value !== undefined) {
          fields.store(index, value);
        }
      }
    }

    return true;
  }

  /** Tests each field read against its rule, and that every required field was read. */
  private acceptsValues(shape: TableShape, fields: ObjectFields): boolean {
    if ((shape.requiredMask & ~fields.present) !== 0) {
      return false;
    }
    const rules = shape.rules;
    for (let pending = fields.present; pending !== 0; pending &= pending - 1) {
      const index = 31 - Math.clz32(pending & -pending);
      if (!(rules[index] as FieldRule).accepts(fields.valueAt(index), fields, this)) {
        return false;
      }
    }

    return true;
  }
}
