/**
 * Ids an index keeps in two arrays, searched in order, before it moves them
 * to a map. Validation and routing each index a diagram's ids on every
 * render, and for a handful of ids, comparing strings costs less than a map
 * hashing them into a table it grows twice on the way to ten entries.
 */
export const SMALL_INDEX = 16;

/**
 * Values by id, each id at most once. It keeps the first value given for an
 * id and rejects the others, so a caller can report a duplicate.
 */
export class IdIndex<T> {
  /** The ids and their values while there are at most `SMALL_INDEX`, emptied when they move to `map`. */
  private readonly ids: string[] = [];
  private readonly values: T[] = [];
  /** The entries by id, once there are more than `SMALL_INDEX`. */
  private map: Map<string, T> | undefined;
  /**
   * The position in `ids` where the last search ended. Links tend to name
   * nodes near the one named before, as along a pipeline, so the next
   * search starts there and wraps around.
   */
  private lastFound = 0;

  /** Adds `value` under `id`. Returns false, keeping the value already there, when the index has the id. */
  add(id: string, value: T): boolean {
    const map = this.map;
    if (map !== undefined) {
      if (map.has(id)) {
        return false;
      }
      map.set(id, value);

      return true;
    }
    if (this.ids.includes(id)) {
      return false;
    }
    this.ids.push(id);
    this.values.push(value);
    if (this.ids.length > SMALL_INDEX) {
      this.map = new Map(this.ids.map((known, index) => [known, this.values[index] as T]));
      this.ids.length = 0;
      this.values.length = 0;
    }

    return true;
  }

  /** Returns the value under `id`, or undefined when the index does not have the id. */
  get(id: string): T | undefined {
    if (this.map !== undefined) {
      return this.map.get(id);
    }
    const ids = this.ids;
    const start = this.lastFound;
    let index = ids.indexOf(id, start);
    if (index < 0 && start > 0) {
      index = ids.lastIndexOf(id, start - 1);
    }
    if (index < 0) {
      return undefined;
    }
    this.lastFound = index;

    return this.values[index];
  }

  /** Returns the ids in the order they were added. */
  keys(): readonly string[] {
    return this.map === undefined ? this.ids : [...this.map.keys()];
  }
}
