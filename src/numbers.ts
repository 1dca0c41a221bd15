/**
 * The largest of the values, or 0 for none. A loop rather than
 * `Math.max(...values)`, which overflows the call stack past about a hundred
 * thousand arguments, and diagrams can have that many nodes.
 */
export function maxOf(values: readonly number[]): number {
  let largest = values.length === 0 ? 0 : -Infinity;
  for (const value of values) {
    if (value > largest) {
      largest = value;
    }
  }

  return largest;
}

/** The smallest of the values, or 0 for none; a loop for the reason `maxOf` gives. */
export function minOf(values: readonly number[]): number {
  let smallest = values.length === 0 ? 0 : Infinity;
  for (const value of values) {
    if (value < smallest) {
      smallest = value;
    }
  }

  return smallest;
}
