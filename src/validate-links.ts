import { DiagramError, isStackOverflow, joinPath } from './errors.js';
import { describeError } from './validate/describe.js';
import type { BoxNode, ColumnNode, Connector, DiagramNode, FanNode, GridNode, RowNode, Stub } from './model.js';
import type { ValidationProblem } from './validate.js';
import { FieldPath } from './model-path.js';

/**
 * Whether a node draws nothing at all: empty text, a spacer, a rule of no
 * width, a box without a border around nothing, or a container of such nodes.
 * An arrow to such a node would point at empty space.
 */
export function drawsNothing(node: DiagramNode): boolean {
  return drawsNothingIn(node, undefined);
}

/**
 * The result of one check for each node of a subtree already visited. A
 * subtree shared by several parents is one object, so a tower of shared rows
 * would otherwise be visited once per path through it, exponentially many times.
 */
type Answers = Map<DiagramNode, boolean>;

/** The kinds whose `children` decide whether they draw anything. */
type ContainerNode = BoxNode | RowNode | ColumnNode | GridNode;

function remembered(node: DiagramNode, answers: Answers | undefined, work: (answers: Answers) => boolean): boolean {
  const known = answers?.get(node);
  if (known !== undefined) {
    return known;
  }
  const own = answers ?? new Map<DiagramNode, boolean>();
  const answer = work(own);
  own.set(node, answer);

  return answer;
}

function drawsNothingIn(node: DiagramNode, answers: Answers | undefined): boolean {
  switch (node.kind) {
    case 'text':
    case 'vtext':
      return node.text.trim() === '';
    case 'spacer':
      return true;
    case 'rule':
      return node.width === 0;
    case 'box':
      return node.border === 'none' && childrenDrawNothing(node, answers);
    case 'row':
    case 'column':
    case 'grid':
      return childrenDrawNothing(node, answers);
    case 'fan':
      return false;
    default:
      return false;
  }
}

/**
 * Returns whether every child of a container draws nothing. The closures
 * live here, not in `drawsNothingIn`, because V8 (Node 20) allocates the
 * variables that closures capture on every entry to the function that
 * contains them, whichever branch runs. Most calls are for leaves.
 */
function childrenDrawNothing(node: ContainerNode, answers: Answers | undefined): boolean {
  return remembered(node, answers, (own) => node.children.every((child) => drawsNothingIn(child, own)));
}

/**
 * Whether a node's top or bottom row may be a line of its own or a row of
 * scattered marks, which a line meeting it from above or below would cross
 * or end beside: a rule, a bar, a curve, or a container that may start or
 * end with one.
 */
export function endsInLine(node: DiagramNode): boolean {
  return endsInLineIn(node, undefined);
}

function endsInLineIn(node: DiagramNode, answers: Answers | undefined): boolean {
  switch (node.kind) {
    case 'rule':
    case 'bar':
    case 'curve':
      return true;
    case 'column':
    case 'box':
      return (node.kind === 'column' || node.border === 'none') && outerChildEndsInLine(node, answers);
    case 'row':
    case 'grid':
      return anyChildEndsInLine(node, answers);
    default:
      return false;
  }
}

/** Returns whether the first or last child of a column or borderless box may end in a line. It is a function of its own for the reason at `childrenDrawNothing`. */
function outerChildEndsInLine(node: ColumnNode | BoxNode, answers: Answers | undefined): boolean {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];

  return remembered(node, answers, (own) => (first !== undefined && endsInLineIn(first, own)) || (last !== undefined && endsInLineIn(last, own)));
}

/** Returns whether some child of a row or grid may start or end in a line. It is a function of its own for the reason at `childrenDrawNothing`. */
function anyChildEndsInLine(node: RowNode | GridNode, answers: Answers | undefined): boolean {
  return remembered(node, answers, (own) => node.children.some((child) => endsInLineIn(child, own)));
}

function lineProblem(path: string): ValidationProblem {
  return {
    code: 'invalid-model',
    path,
    message: 'this node starts or ends with a rule, bar or curve, which a vertical link would cross or end beside; link a node above or beside it instead',
  };
}

function problem(path: string, what: string): ValidationProblem {
  return {
    code: 'invalid-model',
    path,
    message: `this node draws nothing, so the arrow that ${what} would point at empty space; give it content, or leave it out`,
  };
}

/** Facts that the validator's walk gathers, which spare the link check a walk of its own where they can. */
export interface WalkFacts {
  /** Whether some node is a fan, row, column or grid. Without one, no node is linked. */
  readonly hasLinks: boolean;
  /** Whether some node object appears at more than one place in the model. */
  readonly hasSharedSubtrees: boolean;
  /** Node objects that the walk checked, which without shared subtrees is the number of nodes. */
  readonly nodeCount: number;
  /** Deepest nesting of nodes that the walk accepted, the root being level 1. */
  readonly maxDepth: number;
  /** Returns the node with the given id. */
  nodeWithId(id: string): DiagramNode | undefined;
}

/**
 * Lists the fanned and chained nodes, and connector ends, that draw nothing.
 * Runs on a model that passed every other check, so it is a tree of known
 * kinds with unique ids, and `facts` come from the walk that checked it.
 */
export function checkLinkedNodes(root: DiagramNode, facts: WalkFacts): ValidationProblem[] {
  if (!facts.hasLinks) {
    return [];
  }

  let check: LinkCheck;
  try {
    check = runLinkCheck(root, facts);
  } catch (error) {
    // The walk recurses once per nesting level. A caller deep in its own stack can make it overflow, which is no fault of the model.
    if (isStackOverflow(error)) {
      throw error;
    }
    // The walk reads only what the validator accepted, so a failure here means a getter gave other values on this second read.
    const found = error instanceof UncheckedNodes ? 'found nodes nested deeper than on the first read' : `failed with ${describeError(error)}`;

    return [changingModelProblem(found)];
  }

  return check.connectorProblems.length === 0 ? check.problems : check.problems.concat(check.connectorProblems);
}

/** Returns the problem of a model that reads differently a second time. `found` describes what the second read found. */
export function changingModelProblem(found: string): ValidationProblem {
  return {
    code: 'invalid-model',
    path: '',
    message: `reading the model a second time ${found}, so a getter returns other values on each read; pass plain data, such as a copy made with structuredClone`,
  };
}

/** Returns the error for a model whose getters gave a later stage other values than they gave validation. */
export function changingModelError(found: string): DiagramError {
  const problem = changingModelProblem(found);

  return new DiagramError(problem.code, problem.path, problem.message);
}

/**
 * Walks the model with a link check bounded by the validator's counts, and
 * again visiting each node object once when that walk meets nodes the
 * validator did not check, as its counts then bound no walk.
 */
function runLinkCheck(root: DiagramNode, facts: WalkFacts): LinkCheck {
  const bounded = new LinkCheck(facts, facts.hasSharedSubtrees);
  try {
    bounded.visit(root);

    return bounded;
  } catch (error) {
    if (!(error instanceof UncheckedNodes)) {
      throw error;
    }
  }

  const once = new LinkCheck(facts, true);
  once.visit(root);

  return once;
}

/**
 * Thrown when the link check meets more nodes, or deeper ones, than the
 * validator's walk checked. Fields hidden from `Object.keys`, such as a
 * fan's `from` defined as not enumerable, or getters that return a new value
 * on each read, can do that, and may even close a cycle.
 */
class UncheckedNodes extends Error {}

/** The paths of the first stub on each side of a node, by a key naming the side and the node id. */
type StubSides = Map<string, FieldPath>;

const FAN_ENDS = ['from', 'to'] as const;

/** One walk of the link check, which keeps the path to the current node as a stack, joined only for a problem. */
class LinkCheck {
  readonly problems: ValidationProblem[] = [];
  /** Problems at connector ends, which are listed after all others. */
  readonly connectorProblems: ValidationProblem[] = [];
  private readonly facts: WalkFacts;
  /**
   * Nodes visited so far, kept only by a walk that visits each node object
   * once, so that a diamond of shared nodes stays linear.
   */
  private readonly visited: Set<DiagramNode> | undefined;
  /** Nodes visited so far when `visited` is not kept. */
  private visits = 0;
  /** Field names from the root to the current node. */
  private readonly fields: string[] = [];
  /** List indexes from the root to the current node, with -1 for a field that is not a list. */
  private readonly indexes: number[] = [];
  private stubSides: StubSides | undefined;

  /**
   * Prepares a walk that visits each node object once when `visitEachOnce`
   * is set. Otherwise it visits every place of a node, and throws
   * `UncheckedNodes` once it meets more nodes, or deeper ones, than `facts`
   * count, which bounds it even if the model changed since it was checked.
   */
  constructor(facts: WalkFacts, visitEachOnce: boolean) {
    this.facts = facts;
    this.visited = visitEachOnce ? new Set() : undefined;
  }

  visit(node: DiagramNode): void {
    if (this.visited !== undefined) {
      if (this.visited.has(node)) {
        return;
      }
      this.visited.add(node);
    } else {
      this.visits += 1;
      if (this.visits > this.facts.nodeCount) {
        throw new UncheckedNodes();
      }
    }
    // Validated nodes lie no deeper than the limit, wherever they are placed, so a deeper one was not there on the first read.
    if (this.fields.length >= this.facts.maxDepth) {
      throw new UncheckedNodes();
    }
    const { kind } = node;
    if (kind === 'fan') {
      this.visitFan(node);

      return;
    }
    // Only kinds whose children the walk checked are followed, because an object of another kind may hide a `children` field from it.
    if (kind !== 'box' && kind !== 'row' && kind !== 'column' && kind !== 'grid') {
      return;
    }
    const chained = (kind === 'row' || kind === 'column') && node.chain !== undefined && node.chain !== false;
    const children = node.children;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as DiagramNode;
      if (chained && drawsNothing(child)) {
        this.problems.push(problem(this.pathTo('children', index), 'chains it to its neighbours'));
      }
      if (chained && kind === 'column' && endsInLine(child)) {
        this.problems.push(lineProblem(this.pathTo('children', index)));
      }
      this.visitChild(child, 'children', index);
    }
    if (kind !== 'box') {
      this.checkConnectors(node.connectors);
      this.checkStubs(node.stubs);
    }
  }

  private visitFan(node: FanNode): void {
    for (const end of FAN_ENDS) {
      const part = node[end];
      if (part !== undefined && endsInLine(part)) {
        this.problems.push(lineProblem(this.pathTo(end)));
      }
    }
    const nodes = node.nodes;
    for (let index = 0; index < nodes.length; index += 1) {
      const child = nodes[index] as DiagramNode;
      if (drawsNothing(child)) {
        this.problems.push(problem(this.pathTo('nodes', index), 'links it to the fan'));
      }
      if (endsInLine(child)) {
        this.problems.push(lineProblem(this.pathTo('nodes', index)));
      }
      this.visitChild(child, 'nodes', index);
    }
    for (const end of FAN_ENDS) {
      const part = node[end];
      if (part !== undefined) {
        if (drawsNothing(part)) {
          this.problems.push(problem(this.pathTo(end), 'links it to the fan'));
        }
        this.visitChild(part, end);
      }
    }
  }

  private visitChild(child: DiagramNode, field: string, index = -1): void {
    this.fields.push(field);
    this.indexes.push(index);
    this.visit(child);
    this.fields.pop();
    this.indexes.pop();
  }

  private checkConnectors(connectors: readonly Connector[] | undefined): void {
    if (connectors === undefined) {
      return;
    }
    for (let index = 0; index < connectors.length; index += 1) {
      const connector = connectors[index] as Connector;
      const from = connector.from;
      const to = connector.to;
      this.checkConnectorEnd(index, 'from', from);
      this.checkConnectorEnd(index, 'to', to);
    }
  }

  private checkConnectorEnd(index: number, end: 'from' | 'to', id: string): void {
    const node = this.facts.nodeWithId(id);
    if (node !== undefined && drawsNothing(node)) {
      const path = joinPath(this.pathTo('connectors', index), end);
      this.connectorProblems.push(problem(path, `the connector draws to '${id}'`));
    }
  }

  /**
   * Reports a stub at a node that draws nothing, and a stub on a side of a
   * node that an earlier stub already uses, because the two would be drawn
   * over each other.
   */
  private checkStubs(stubs: readonly Stub[] | undefined): void {
    if (stubs === undefined) {
      return;
    }
    this.stubSides ??= new Map();
    for (let index = 0; index < stubs.length; index += 1) {
      const stub = stubs[index] as Stub;
      const node = this.facts.nodeWithId(stub.id);
      if (node !== undefined && drawsNothing(node)) {
        const path = joinPath(this.pathTo('stubs', index), 'id');
        this.connectorProblems.push(problem(path, `the stub draws at '${stub.id}'`));
      }
      const side = `${stub.side} side of '${stub.id}'`;
      const earlier = this.stubSides.get(side);
      if (earlier !== undefined) {
        const path = joinPath(this.pathTo('stubs', index), 'side');
        this.problems.push({ code: 'invalid-model', path, message: `the stub at ${earlier.path} already uses the ${side}; put this stub on another side` });
      } else {
        this.stubSides.set(side, this.fieldPath('stubs', index));
      }
    }
  }

  /** Returns the path of item `index` of `field` of the current node, or of the field itself when `index` is -1. */
  private fieldPath(field: string, index = -1): FieldPath {
    let path = FieldPath.fromText('');
    for (let level = 0; level < this.fields.length; level += 1) {
      path = new FieldPath(path, this.fields[level] as string, this.indexes[level] as number);
    }

    return new FieldPath(path, field, index);
  }

  private pathTo(field: string, index = -1): string {
    return this.fieldPath(field, index).path;
  }
}
