import { type Rect, bottom, right } from '../layout/geometry.js';
import type { PlacedNode } from '../layout/place.js';

const NO_OBSTACLES: readonly PlacedNode[] = [];

/** Side of a bucket in cells, unless the layout is so large that buckets must grow to stay under MAX_BUCKETS. */
const BUCKET = 32;

/** Most buckets an index keeps, so a layout made very large by a raised `limits.maxCells` still gets an index of bounded size. */
const MAX_BUCKETS = 1 << 20;

/**
 * The rectangles connectors must not cross: every leaf node and every box,
 * bucketed by 32x32 cells or more so a query looks at nearby rectangles only, which
 * keeps routing linear in the number of connectors. Every obstacle lies
 * inside the layout, so buckets cover the layout only and queries outside it
 * find nothing. The buckets are filled on the first query, because chains
 * and fans, whose places are fixed, never query.
 */
export class ObstacleIndex {
  /** Buckets row by row over the layout, once filled, with undefined where no obstacle reaches. */
  private filled: (PlacedNode[] | undefined)[] | undefined;
  private readonly root: PlacedNode;
  private readonly bucketSize: number;
  private readonly columns: number;
  private readonly rows: number;
  /** The layout's rectangle. */
  readonly bounds: Rect;

  constructor(root: PlacedNode) {
    const bounds = root.rect;
    this.root = root;
    this.bounds = bounds;
    let size = BUCKET;
    while (Math.ceil(bounds.width / size) * Math.ceil(bounds.height / size) > MAX_BUCKETS) {
      size *= 2;
    }
    this.bucketSize = size;
    this.columns = Math.max(1, Math.ceil(bounds.width / size));
    this.rows = Math.max(1, Math.ceil(bounds.height / size));
  }

  private get buckets(): (PlacedNode[] | undefined)[] {
    if (this.filled === undefined) {
      const buckets = new Array<PlacedNode[] | undefined>(this.columns * this.rows);
      this.addTree(buckets, this.root);
      this.filled = buckets;
    }

    return this.filled;
  }

  /** Lists the obstacles that overlap `area`, other than `first` and `second` and boxes around them. */
  blocking(area: Rect, first?: PlacedNode, second?: PlacedNode): PlacedNode[] {
    const found = new Set<PlacedNode>();
    for (const bucket of this.bucketsIn(area)) {
      for (const placed of bucket) {
        if (blocks(placed, area, first, second)) {
          found.add(placed);
        }
      }
    }

    return [...found];
  }

  /**
   * Tells whether any obstacle other than `first` and `second` and boxes
   * around both overlaps `area`. A box with a border around only one of them
   * blocks too, because a straight line would meet its border at a cell the
   * route search checks and this does not. Straight connectors ask this once
   * each, so it walks the buckets in place instead of listing them.
   */
  isBlocked(area: Rect, first?: PlacedNode, second?: PlacedNode): boolean {
    const range = this.bucketRange(area);
    for (let row = range.top; row <= range.bottom; row += 1) {
      for (let column = range.left; column <= range.right; column += 1) {
        const bucket = this.buckets[row * this.columns + column] ?? NO_OBSTACLES;
        for (let index = 0; index < bucket.length; index += 1) {
          const placed = bucket[index] as PlacedNode;
          if (!overlaps(placed.rect, area)) {
            continue;
          }
          if (isObstacleTo(placed, first, second) || isCrossedBox(placed, first, second)) {
            return true;
          }
        }
      }
    }

    return false;
  }

  /** The boxes that contain every one of `nodes`, other than those nodes: a route between them stays inside each. */
  enclosingBoxes(nodes: readonly PlacedNode[]): PlacedNode[] {
    const first = nodes[0];
    if (first === undefined) {
      return [];
    }
    const found = new Set<PlacedNode>();
    for (const bucket of this.bucketsIn(first.rect)) {
      for (const placed of bucket) {
        if (placed.node.kind === 'box' && !nodes.includes(placed) && nodes.every((node) => contains(placed.rect, node.rect))) {
          found.add(placed);
        }
      }
    }

    return [...found];
  }

  /**
   * Lists the boxes with a border around one of `first` and `second` but not the
   * other: a route between the two crosses each of those borders.
   */
  crossedBoxes(first: PlacedNode, second: PlacedNode): PlacedNode[] {
    const found = new Set<PlacedNode>();
    for (const end of [first, second]) {
      for (const bucket of this.bucketsIn(end.rect)) {
        for (const placed of bucket) {
          if (isCrossedBox(placed, first, second)) {
            found.add(placed);
          }
        }
      }
    }

    return [...found];
  }

  private addTree(buckets: (PlacedNode[] | undefined)[], placed: PlacedNode): void {
    if (isObstacle(placed)) {
      this.addToBuckets(buckets, placed);
    }
    const parts = placed.parts;
    for (let index = 0; index < parts.length; index += 1) {
      this.addTree(buckets, parts[index] as PlacedNode);
    }
  }

  private addToBuckets(buckets: (PlacedNode[] | undefined)[], placed: PlacedNode): void {
    const range = this.bucketRange(placed.rect);
    for (let row = range.top; row <= range.bottom; row += 1) {
      for (let column = range.left; column <= range.right; column += 1) {
        const index = row * this.columns + column;
        const bucket = buckets[index];
        if (bucket === undefined) {
          buckets[index] = [placed];
        } else {
          bucket.push(placed);
        }
      }
    }
  }

  /** Lists the non-empty buckets that `area` touches. */
  private bucketsIn(area: Rect): PlacedNode[][] {
    const range = this.bucketRange(area);
    const found: PlacedNode[][] = [];
    for (let row = range.top; row <= range.bottom; row += 1) {
      for (let column = range.left; column <= range.right; column += 1) {
        const bucket = this.buckets[row * this.columns + column];
        if (bucket !== undefined) {
          found.push(bucket);
        }
      }
    }

    return found;
  }

  /** Returns the bucket columns and rows that `area` touches, clipped to the layout. The range is empty when the area lies outside. */
  private bucketRange(area: Rect): { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number } {
    const x = area.x - this.bounds.x;
    const y = area.y - this.bounds.y;

    return {
      left: Math.max(0, Math.floor(x / this.bucketSize)),
      right: Math.min(this.columns - 1, Math.floor((x + area.width - 1) / this.bucketSize)),
      top: Math.max(0, Math.floor(y / this.bucketSize)),
      bottom: Math.min(this.rows - 1, Math.floor((y + area.height - 1) / this.bucketSize)),
    };
  }
}

/**
 * Tells whether connectors must go around a placed node: a box, or a leaf
 * other than a spacer, that takes cells. Containers other than boxes draw
 * nothing of their own.
 */
function isObstacle(placed: PlacedNode): boolean {
  const kind = placed.node.kind;
  const drawn = kind === 'box' || (placed.children.length === 0 && kind !== 'spacer' && kind !== 'row' && kind !== 'column' && kind !== 'grid' && kind !== 'fan');

  return drawn && placed.rect.width > 0 && placed.rect.height > 0;
}

/** Tells whether `placed` overlaps `area` and is neither an ignored node nor a box around one. */
function blocks(placed: PlacedNode, area: Rect, first: PlacedNode | undefined, second: PlacedNode | undefined): boolean {
  return overlaps(placed.rect, area) && isObstacleTo(placed, first, second);
}

/** Tells whether `placed` is neither of two ignored nodes nor a box around one of them. */
function isObstacleTo(placed: PlacedNode, first: PlacedNode | undefined, second: PlacedNode | undefined): boolean {
  return !isIgnored(placed, first) && !isIgnored(placed, second);
}

function isIgnored(placed: PlacedNode, ignored: PlacedNode | undefined): boolean {
  return ignored !== undefined && (ignored === placed || contains(placed.rect, ignored.rect));
}

/** Tells whether `placed` is a box with a border around exactly one of `first` and `second`, and is neither. */
function isCrossedBox(placed: PlacedNode, first: PlacedNode | undefined, second: PlacedNode | undefined): boolean {
  const node = placed.node;
  if (node.kind !== 'box' || node.border === 'none' || first === undefined || second === undefined || placed === first || placed === second) {
    return false;
  }

  return contains(placed.rect, first.rect) !== contains(placed.rect, second.rect);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.x <= inner.x && outer.y <= inner.y && right(inner) <= right(outer) && bottom(inner) <= bottom(outer);
}
