import { type Rect, bottom, right } from '../layout/geometry.js';
import { type PlacedNode, forEachPart } from '../layout/place.js';

const BUCKET = 32;

/**
 * The rectangles connectors must not cross: every leaf node and every box,
 * bucketed by 32x32 cells so a query looks at nearby rectangles only, which
 * keeps routing linear in the number of connectors.
 */
export class ObstacleIndex {
  private readonly buckets = new Map<number, PlacedNode[]>();
  /** The layout's rectangle. */
  readonly bounds: Rect;

  constructor(root: PlacedNode) {
    this.bounds = root.rect;
    this.addTree(root);
  }

  /** The obstacles that overlap `area`, other than `ignored` and boxes around them. */
  blocking(area: Rect, ignored: readonly PlacedNode[]): PlacedNode[] {
    const found = new Set<PlacedNode>();
    this.forEachBucket(area, (bucket) => {
      for (const placed of bucket) {
        if (overlaps(placed.rect, area) && !ignored.some((node) => node === placed || contains(placed.rect, node.rect))) {
          found.add(placed);
        }
      }
    });

    return [...found];
  }

  /** The boxes that contain every one of `nodes`, other than those nodes: a route between them stays inside each. */
  enclosingBoxes(nodes: readonly PlacedNode[]): PlacedNode[] {
    const first = nodes[0];
    if (first === undefined) {
      return [];
    }
    const found = new Set<PlacedNode>();
    this.forEachBucket(first.rect, (bucket) => {
      for (const placed of bucket) {
        if (placed.node.kind === 'box' && !nodes.includes(placed) && nodes.every((node) => contains(placed.rect, node.rect))) {
          found.add(placed);
        }
      }
    });

    return [...found];
  }

  private addTree(placed: PlacedNode): void {
    const kind = placed.node.kind;
    const isObstacle = kind === 'box' || placed.children.length === 0 && kind !== 'spacer' && kind !== 'row' && kind !== 'column' && kind !== 'grid' && kind !== 'fan';
    if (isObstacle && placed.rect.width > 0 && placed.rect.height > 0) {
      this.forEachBucket(placed.rect, (bucket) => bucket.push(placed), true);
    }

    forEachPart(placed, (part) => this.addTree(part));
  }

  private forEachBucket(area: Rect, visit: (bucket: PlacedNode[]) => void, create = false): void {
    const x0 = Math.floor(area.x / BUCKET);
    const x1 = Math.floor((right(area) - 1) / BUCKET);
    const y0 = Math.floor(area.y / BUCKET);
    const y1 = Math.floor((bottom(area) - 1) / BUCKET);
    for (let by = y0; by <= y1; by += 1) {
      for (let bx = x0; bx <= x1; bx += 1) {
        const key = bucketKey(bx, by);
        let bucket = this.buckets.get(key);
        if (bucket === undefined && create) {
          bucket = [];
          this.buckets.set(key, bucket);
        }
        if (bucket !== undefined) {
          visit(bucket);
        }
      }
    }
  }
}

/** Packs two bucket coordinates, each under 2^20 after the offset, into one number. */
function bucketKey(bx: number, by: number): number {
  return (by + 0x80000) * 0x100000 + (bx + 0x80000);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.x <= inner.x && outer.y <= inner.y && right(inner) <= right(outer) && bottom(inner) <= bottom(outer);
}
