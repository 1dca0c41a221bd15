import type { Point, Route } from './types.js';

/** What a cell already holds from earlier routes, as the search sees it. */
export enum Occupant {
  Free = 0,
  /** A horizontal line: a new route may cross it vertically. */
  Horizontal = 1,
  /** A vertical line: a new route may cross it horizontally. */
  Vertical = 2,
  /** A joint, an arrowhead or a label: no new route may enter. */
  Taken = 3,
}

/** Packs a cell into one number; coordinates stay within ±2^20 of the layout. */
function key(point: Point): number {
  return (point.y + 0x100000) * 0x200000 + (point.x + 0x100000);
}

/**
 * The cells earlier routes use, so later connectors neither run along them
 * nor end on them; crossing a straight line at right angles stays allowed.
 */
export class Occupancy {
  private readonly cells = new Map<number, Occupant>();
  /** Routes added but not yet marked: many diagrams never ask, so marking waits for the first question. */
  private readonly pending: { readonly route: Route; readonly labelWidth: number }[] = [];

  at(point: Point): Occupant {
    if (this.pending.length > 0) {
      for (const { route, labelWidth } of this.pending.splice(0)) {
        this.markRoute(route, labelWidth);
      }
    }

    return this.cells.get(key(point)) ?? Occupant.Free;
  }

  add(route: Route, labelWidth: number): void {
    this.pending.push({ route, labelWidth });
  }

  private markRoute(route: Route, labelWidth: number): void {
    route.cells.forEach((cell, index) => {
      const previous = route.cells[index - 1];
      const next = route.cells[index + 1];
      const neighbours = [previous, next].filter((point): point is Point => point !== undefined);
      const horizontal = neighbours.every((point) => point.y === cell.y);
      const vertical = neighbours.every((point) => point.x === cell.x);
      const occupant = neighbours.length === 2 && horizontal ? Occupant.Horizontal : neighbours.length === 2 && vertical ? Occupant.Vertical : Occupant.Taken;
      this.mark(cell, occupant);
    });
    for (const head of route.heads) {
      this.mark(head.at, Occupant.Taken);
    }
    if (route.label !== undefined) {
      for (let offset = 0; offset < labelWidth; offset += 1) {
        this.mark({ x: route.label.at.x + offset, y: route.label.at.y }, Occupant.Taken);
      }
    }
  }

  private mark(point: Point, occupant: Occupant): void {
    const existing = this.at(point);
    this.cells.set(key(point), existing === Occupant.Free || existing === occupant ? occupant : Occupant.Taken);
  }
}
