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
function key(x: number, y: number): number {
  return (y + 0x100000) * 0x200000 + (x + 0x100000);
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
    this.markPending();

    return this.cells.get(key(point.x, point.y)) ?? Occupant.Free;
  }

  add(route: Route, labelWidth: number): void {
    this.pending.push({ route, labelWidth });
  }

  private markPending(): void {
    if (this.pending.length > 0) {
      for (const { route, labelWidth } of this.pending.splice(0)) {
        this.markRoute(route, labelWidth);
      }
    }
  }

  private markRoute(route: Route, labelWidth: number): void {
    const cells = route.cells;
    cells.forEach((cell, index) => {
      const previous = cells[index - 1];
      const next = cells[index + 1];
      let occupant = Occupant.Taken;
      if (previous !== undefined && next !== undefined) {
        if (previous.y === cell.y && next.y === cell.y) {
          occupant = Occupant.Horizontal;
        } else if (previous.x === cell.x && next.x === cell.x) {
          occupant = Occupant.Vertical;
        }
      }
      this.mark(cell.x, cell.y, occupant);
    });
    for (const head of route.heads) {
      this.mark(head.at.x, head.at.y, Occupant.Taken);
    }
    if (route.label !== undefined) {
      for (let offset = 0; offset < labelWidth; offset += 1) {
        this.mark(route.label.at.x + offset, route.label.at.y, Occupant.Taken);
      }
    }
  }

  private mark(x: number, y: number, occupant: Occupant): void {
    const cell = key(x, y);
    const existing = this.cells.get(cell) ?? Occupant.Free;
    this.cells.set(cell, existing === Occupant.Free || existing === occupant ? occupant : Occupant.Taken);
  }
}
