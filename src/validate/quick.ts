import type { DiagramNode } from '../model.js';
import { ROOT_PATH } from '../model-path.js';
import type { WalkFacts } from '../validate-links.js';
import { isArray } from './describe.js';
import { type FieldRule, type ObjectFields, SpareFields, type TableShape } from './fields.js';
import { KIND_TABLES } from './rules.js';

/**
 * Maximum number of node places the quick walk visits before it leaves the
 * model to the full walk. Without a map of the objects seen, it visits a shared subtree at each
 * of its places, and a subtree shared at every level is visited exponentially
 * often. Past this count the full walk, which checks each object once, is
 * cheaper.
 */
export const QUICK_WALK_LIMIT = 100_000;

/**
 * A first pass over a model that only checks whether it is valid, for the
 * common case of plain data that passes. It keeps no paths and builds no
 * messages, so it costs a fraction of the full walk in walker.ts. It runs the
 * same rule tables, through each rule's `accepts`. It returns false for any
 * problem and for anything it does not judge, such as a getter that throws,
 * a repeated id or a model past `QUICK_WALK_LIMIT`, and the full walk then
 * finds and reports the problems.
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
  private readonly nodesById = new Map<string, DiagramNode>();
  /** Connector and stub ends, to match against the ids once all are known. */
  private readonly references: string[] = [];
  /** Node values still to visit, with the nesting level of each in `depths`. */
  private readonly pending: unknown[] = [];
  private readonly depths: number[] = [];
  /** Nesting level of the node whose fields are being tested, the root being 1. */
  private depth = 0;
  private readonly spareFields = new SpareFields();

  constructor(maxDepth: number, maxLabelLength: number) {
    this.maxDepth = maxDepth;
    this.maxLabelLength = maxLabelLength;
  }

  /** Returns whether every node and field passes its rules and every connector and stub end names a node. */
  accepts(model: unknown): boolean {
    try {
      return this.acceptsTree(model) && this.references.every((id) => this.nodesById.has(id));
    } catch {
      // A getter or proxy threw. The full walk reads each field in its own try and reports it.
      return false;
    }
  }

  nodeWithId(id: string): DiagramNode | undefined {
    return this.nodesById.get(id);
  }

  /** Queues a child node to visit. Returns false once the walk has queued `QUICK_WALK_LIMIT` nodes. */
  queueNode(value: unknown): boolean {
    if (this.nodeCount + this.pending.length >= QUICK_WALK_LIMIT) {
      return false;
    }
    this.pending.push(value);
    this.depths.push(this.depth + 1);

    return true;
  }

  /** Queues every item of a list of child nodes. */
  queueNodes(list: readonly unknown[]): boolean {
    for (let index = 0; index < list.length; index += 1) {
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
    while (this.pending.length > 0) {
      const value = this.pending.pop();
      this.depth = this.depths.pop() as number;
      if (!this.acceptsNode(value)) {
        return false;
      }
    }

    return true;
  }

  private acceptsNode(value: unknown): boolean {
    this.nodeCount += 1;
    if (this.depth > this.maxDepth || typeof value !== 'object' || value === null || isArray(value)) {
      return false;
    }
    const kind = (value as { readonly kind?: unknown }).kind;
    const table = typeof kind === 'string' ? KIND_TABLES[kind] : undefined;
    if (table === undefined) {
      return false;
    }
    const fields = this.acceptedFields(value, table.shape);
    if (fields === undefined) {
      return false;
    }

    const id = fields.valueAt(table.idIndex);
    if (typeof id === 'string') {
      if (this.nodesById.has(id)) {
        return false;
      }
      this.nodesById.set(id, value as DiagramNode);
    }
    if (table.linksNodes) {
      this.hasLinks = true;
    }

    return table.kind !== 'fan' || fields.sibling('from') !== undefined || fields.sibling('to') !== undefined;
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
