import { weightOf } from '../canvas/arms.js';
import { DiagramError } from '../errors.js';
import { IdIndex } from '../id-index.js';
import { resolveChain } from '../layout/chain.js';
import type { PlacedNode } from '../layout/place.js';
import type { FieldPath } from '../model-path.js';
import type { Chain, Connector } from '../model.js';
import { type LinkSpec, clearStraightRoute, connectNeighbours, routeArea } from './connect.js';
import { searchRoute } from './search.js';
import { fanRoutes } from './fan.js';
import { ObstacleIndex, contains } from './obstacles.js';
import { Occupancy } from './occupancy.js';
import { SIDE_NAMES } from './stub.js';
import { stubRoute } from './stub.js';
import type { Typesetter } from '../text/typeset.js';
import type { Route } from './types.js';

/**
 * Routes every line that is not a node's own border: chains, fans, connectors
 * and stubs. Chains and fans come first because their place is fixed by the
 * layout; connectors then find their way around what is there.
 */
export function routeAll(root: PlacedNode, text: Typesetter): Route[] {
  const found = new FoundNodes();
  found.collect(root);
  // Only connectors and stubs name nodes by id, so a diagram without them never builds the index.
  let byIdIndex: IdIndex<PlacedNode> | undefined;
  const byId = (): IdIndex<PlacedNode> => (byIdIndex ??= indexById(found.withIds));
  const obstacles = new ObstacleIndex(root);
  const routes: Route[] = [];
  const occupancy = new Occupancy(root.rect, routes, (label) => text.line(label).width);
  const links: Link[] = [];
  const add = (route: Route): void => {
    routes.push(route);
  };

  for (const placed of found.linking) {
    const node = placed.node;
    if ((node.kind === 'row' || node.kind === 'column') && node.chain !== undefined && node.chain !== false) {
      for (const route of chainRoutes(placed, node.chain, obstacles, occupancy, text)) {
        routes.push(route);
      }
    }
    if (node.kind === 'fan') {
      placed.parts.forEach((part) => assertDrawable(part));
      fanRoutes(placed, weightOf(node.line ?? 'light'), text, routes);
    }
    if (node.kind === 'row' || node.kind === 'column' || node.kind === 'grid') {
      node.connectors?.forEach((connector, index) => {
        links.push(resolveConnector(connector, placed.path.child('connectors', index), byId(), text));
      });
      node.stubs?.forEach((stub, index) => {
        const path = placed.path.child('stubs', index);
        const target = lookup(byId(), stub.id, path, 'id');
        const route = stubRoute(target, stub, path.path, obstacles.enclosingBoxes([target]));
        // A stub runs straight out for its whole length, so it fails rather than run over a neighbour.
        if (obstacles.isBlocked(routeArea(route), target)) {
          throw new DiagramError(
            'no-route',
            path.path,
            `the stub would run over another node beside '${stub.id}'; put it on another side, leave room beside the node, or shorten its length`,
          );
        }
        add(route);
      });
    }
  }

  // Straight connectors go first, so the ones that must bend go around them instead of taking their cells.
  const bending: Link[] = [];
  for (const link of links) {
    const route = clearStraightRoute(link.from, link.to, link.spec, obstacles, occupancy, text);
    if (route === undefined) {
      bending.push(link);
    } else {
      add(route);
    }
  }
  for (const link of bending) {
    add(searchRoute(link.from, link.to, link.spec, obstacles, occupancy, text));
  }
  occupancy.release();

  return routes;
}

/**
 * Rejects a link to a node that takes no cells, which would leave its line
 * ending nowhere. The error names field `field` of the link at `link`, or
 * the node's own path when no link is given.
 */
function assertDrawable(placed: PlacedNode, link?: FieldPath, field?: string): void {
  const rect = placed.rect;
  const isSpacer = placed.node.kind === 'spacer';
  if (!isSpacer && rect.width > 0 && rect.height > 0) {
    return;
  }

  const path = link === undefined || field === undefined ? placed.path.path : link.withField(field);
  if (isSpacer) {
    throw new DiagramError('invalid-model', path, 'this spacer is linked by an arrow, but a spacer draws nothing for the arrow to point at; link a node that draws something');
  }
  throw new DiagramError('invalid-model', path, `this node is linked by an arrow but takes no cells (${rect.width}x${rect.height}); give it content or remove the link`);
}

/**
 * The placed nodes that routing reads, found in one walk over the tree, in
 * drawing order: nodes that may link others, and nodes with ids.
 */
class FoundNodes {
  /** Rows, columns, grids and fans, whose chains, fans, connectors and stubs are routed. */
  readonly linking: PlacedNode[] = [];
  readonly withIds: PlacedNode[] = [];

  collect(placed: PlacedNode): void {
    const node = placed.node;
    const kind = node.kind;
    if (kind === 'row' || kind === 'column' || kind === 'grid' || kind === 'fan') {
      this.linking.push(placed);
    }
    if (node.id !== undefined) {
      this.withIds.push(placed);
    }
    const parts = placed.parts;
    for (let index = 0; index < parts.length; index += 1) {
      this.collect(parts[index] as PlacedNode);
    }
  }
}

function indexById(withIds: readonly PlacedNode[]): IdIndex<PlacedNode> {
  const byId = new IdIndex<PlacedNode>();
  for (const placed of withIds) {
    const id = placed.node.id as string;
    if (!byId.add(id, placed)) {
      const existing = byId.get(id) as PlacedNode;
      throw new DiagramError(
        'duplicate-id',
        placed.path.withField('id'),
        `the id '${id}' is already used at ${existing.path.parent === undefined ? 'the root' : existing.path.path}; give each node its own id`,
      );
    }
  }

  return byId;
}

/** Returns the node with `id`, which field `field` of the object at `owner` names. */
function lookup(byId: IdIndex<PlacedNode>, id: string, owner: FieldPath, field: string): PlacedNode {
  const placed = byId.get(id);
  if (placed === undefined) {
    const known = byId.keys().slice(0, 20).join(', ');
    throw new DiagramError('unknown-id', owner.withField(field), `no node has the id '${id}'; known ids: ${known === '' ? 'none' : known}`);
  }

  return placed;
}

/**
 * Builds a link spec with every field present, undefined where unused, so
 * every spec has one object shape. Spreading only the fields present gave
 * each connector's spec a shape of its own.
 */
function linkSpec(
  head: Required<Chain>['head'],
  line: Required<Chain>['line'],
  modelPath: FieldPath,
  extras: Pick<LinkSpec, 'label' | 'labelWidth' | 'labelSide' | 'role' | 'style' | 'exitSides' | 'entrySides'> = {},
): LinkSpec {
  return {
    startHead: head === 'start' || head === 'both',
    endHead: head === 'end' || head === 'both',
    weight: weightOf(line),
    label: extras.label,
    labelWidth: extras.labelWidth,
    labelSide: extras.labelSide,
    modelPath,
    role: extras.role,
    style: extras.style,
    exitSides: extras.exitSides,
    entrySides: extras.entrySides,
  };
}

/**
 * Routes each two neighbours of a chained row or column.
 * NOTE: the routes join the router's list once the chain is done, so a
 * neighbour routed around an obstacle does not avoid the chain's earlier links.
 */
function chainRoutes(container: PlacedNode, chain: boolean | Chain, obstacles: ObstacleIndex, occupancy: Occupancy, text: Typesetter): Route[] {
  const options = resolveChain(chain);
  const spec = linkSpec(options.head, options.line, container.path.child('chain'));
  const children = container.children;
  // Sized up front: a list grown one push at a time copies itself as it grows, and a chain may have thousands of links.
  const routes = new Array<Route>(Math.max(0, children.length - 1));
  for (let index = 1; index < children.length; index += 1) {
    const from = children[index - 1] as PlacedNode;
    const to = children[index] as PlacedNode;
    assertDrawable(from);
    assertDrawable(to);
    routes[index - 1] = connectNeighbours(from, to, spec, obstacles, occupancy, text);
  }

  return routes;
}

/** A connector with its ends found and its options resolved. */
interface Link {
  readonly from: PlacedNode;
  readonly to: PlacedNode;
  readonly spec: LinkSpec;
}

function resolveConnector(connector: Connector, modelPath: FieldPath, byId: IdIndex<PlacedNode>, text: Typesetter): Link {
  const from = lookup(byId, connector.from, modelPath, 'from');
  const to = lookup(byId, connector.to, modelPath, 'to');
  assertDrawable(from, modelPath, 'from');
  assertDrawable(to, modelPath, 'to');
  if (from === to) {
    throw new DiagramError('invalid-model', modelPath.withField('to'), `the connector starts and ends at '${connector.from}'; connect two different nodes`);
  }
  // Placed nodes overlap only when one contains the other, and a line between them would start or end inside a node.
  if (contains(from.rect, to.rect) || contains(to.rect, from.rect)) {
    const [outer, inner] = contains(from.rect, to.rect) ? [connector.from, connector.to] : [connector.to, connector.from];
    throw new DiagramError(
      'invalid-model',
      modelPath.withField('to'),
      `the connector links '${outer}' with '${inner}', which is inside it; connect two nodes that do not contain each other`,
    );
  }

  const spec = linkSpec(connector.head ?? 'end', connector.line ?? 'light', modelPath, {
    label: connector.label,
    labelWidth: connector.label === undefined ? undefined : text.line(connector.label).width,
    labelSide: connector.labelSide,
    role: connector.role,
    style: connector.style,
    exitSides: connector.fromSide === undefined ? undefined : [SIDE_NAMES[connector.fromSide]],
    entrySides: connector.toSide === undefined ? undefined : [SIDE_NAMES[connector.toSide]],
  });

  return { from, to, spec };
}
