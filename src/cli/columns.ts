import { displayWidth } from '../text/width.js';

/** Spaces between the first column and the second. */
const COLUMN_GAP = 2;

/**
 * Formats two-column rows as lines, padding the first column to its widest
 * cell in terminal columns, so wide characters line up too. Every line ends
 * with `\n`.
 */
export function formatColumns(rows: readonly (readonly [string, string])[], indent = ''): string {
  const firstWidth = Math.max(0, ...rows.map(([first]) => displayWidth(first)));

  return rows
    .map(([first, second]) => {
      const padding = ' '.repeat(firstWidth - displayWidth(first) + COLUMN_GAP);

      return `${indent}${first}${padding}${second}`.trimEnd() + '\n';
    })
    .join('');
}
