import type { BoxNode } from '../model.js';
import type { Typesetter } from '../text/typeset.js';
import { type Rect, alignOffset, horizontalAnchor } from './geometry.js';

/** Columns from `start` up to, not including, `end`. */
export interface ColumnSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Returns the columns a box's title takes on its top border, with the space
 * on each side of it. Returns undefined when the box paints no title: it has
 * none, or no border to set it into, or a blank one. A blank title would only
 * cut a gap in the border with open line ends on each side.
 */
export function titleColumns(box: BoxNode, rect: Rect, text: Typesetter): ColumnSpan | undefined {
  const title = box.title;
  if (title === undefined || title.trim() === '' || (box.border ?? 'light') === 'none') {
    return undefined;
  }
  const width = text.line(title).width + 2;
  const start = rect.x + 2 + alignOffset(rect.width - 4, width, horizontalAnchor(box.titleAlign));

  return { start, end: start + width };
}
