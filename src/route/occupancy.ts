import type { Rect } from '../layout/geometry.js';
import { SpareArray } from '../spare-array.js';
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

/** Occupant arrays kept for reuse between renders: up to 65,536 cells strongly, a larger one weakly. */
const spareOccupants = new SpareArray<Uint8Array>((length) => new Uint8Array(length), 1 << 16);

/**
 * The cells earlier routes use, so later connectors neither run along them
 * nor end on them; crossing a straight line at right angles stays allowed.
 */
export class Occupancy {
  /** The layout's rectangle, where nearly every route cell lies. */
  private readonly bounds: Rect;
  /** Occupants of the cells inside `bounds`, row by row, taken on the first mark because most diagrams never need them. */
  private inside: Uint8Array | undefined;
  /** Occupants of cells outside `bounds`, such as a label above the top row, by `key`, made on the first such cell. */
  private outside: Map<number, Occupant> | undefined;
  /**
   * The routes so far, which the router appends to. Marking waits for the
   * first question and then takes the routes added since, as many diagrams
   * never ask.
   */
  private readonly routes: readonly Route[];
  /** How many of `routes` are marked. */
  private marked = 0;
  private readonly labelWidth: (label: string) => number;

  /**
   * Tracks the cells of `routes`, a list the caller appends to, inside and
   * around `bounds`. `labelWidth` measures a route's label.
   */
  constructor(bounds: Rect, routes: readonly Route[], labelWidth: (label: string) => number) {
    this.bounds = bounds;
    this.routes = routes;
    this.labelWidth = labelWidth;
  }

  at(x: number, y: number): Occupant {
    this.markPending();
    const index = this.indexOf(x, y);
    if (index >= 0) {
      return this.inside === undefined ? Occupant.Free : (this.inside[index] as Occupant);
    }

    return this.outside?.get(key(x, y)) ?? Occupant.Free;
  }

  private markPending(): void {
    for (; this.marked < this.routes.length; this.marked += 1) {
      this.markRoute(this.routes[this.marked] as Route);
    }
  }

  private markRoute(route: Route): void {
    const run = route.run;
    if (run !== undefined) {
      // A run's inner cells all lie along its axis, and only its two ends are taken.
      const along = run.dx === 0 ? Occupant.Vertical : Occupant.Horizontal;
      for (let step = 0; step < run.length; step += 1) {
        this.mark(run.x + step * run.dx, run.y + step * run.dy, step === 0 || step === run.length - 1 ? Occupant.Taken : along);
      }
    } else {
      this.markCells(route.cells);
    }
    for (const head of route.heads) {
      this.mark(head.at.x, head.at.y, Occupant.Taken);
    }
    if (route.label !== undefined) {
      const labelWidth = this.labelWidth(route.label.text);
      for (let offset = 0; offset < labelWidth; offset += 1) {
        this.mark(route.label.at.x + offset, route.label.at.y, Occupant.Taken);
      }
    }
  }

  private markCells(cells: readonly Point[]): void {
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
  }

  private mark(x: number, y: number, occupant: Occupant): void {
    const index = this.indexOf(x, y);
    if (index >= 0) {
      this.inside ??= spareOccupants.take(this.bounds.width * this.bounds.height);
      this.inside[index] = merged(this.inside[index] as Occupant, occupant);
    } else {
      const cell = key(x, y);
      this.outside ??= new Map();
      this.outside.set(cell, merged(this.outside.get(cell) ?? Occupant.Free, occupant));
    }
  }

  /** Hands the cell array to the next router. Call it once routing is done. */
  release(): void {
    if (this.inside !== undefined) {
      spareOccupants.give(this.inside);
      this.inside = undefined;
    }
  }

  /** Returns the index of a cell in `inside`, or -1 when it lies outside the bounds. */
  private indexOf(x: number, y: number): number {
    const column = x - this.bounds.x;
    const row = y - this.bounds.y;

    return column >= 0 && row >= 0 && column < this.bounds.width && row < this.bounds.height ? row * this.bounds.width + column : -1;
  }
}

/** Returns what a cell contains once another route passes: taken, unless both run the same way through it. */
function merged(existing: Occupant, occupant: Occupant): Occupant {
  return existing === Occupant.Free || existing === occupant ? occupant : Occupant.Taken;
}
