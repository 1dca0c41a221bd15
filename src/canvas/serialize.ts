import { type ColorLevel, SGR_RESET, sgrSequence } from '../style/sgr.js';
import type { Style } from '../style/style.js';

export interface SerializeOptions {
  readonly color: ColorLevel;
  readonly hyperlinks: boolean;
}

/** What serialization reads from a canvas, cell by cell, by row-major index. */
export interface CellSource {
  readonly width: number;
  readonly height: number;
  cellText(index: number): string;
  /** Empty, or a space from text: trailing blanks are trimmed. */
  isBlank(index: number): boolean;
  styleAt(index: number): Style | undefined;
  /** The URL of the cell's hyperlink, or `''`. */
  linkAt(index: number): string;
}

const OSC8_CLOSE = '\u001b]8;;\u001b\\';

function osc8Open(uri: string): string {
  return `\u001b]8;;${uri}\u001b\\`;
}

/**
 * Turns cells into lines: trailing blank cells are dropped, then trailing
 * blank lines, and lines are joined by `\n` with no final newline. With colour,
 * one SGR sequence is written where the style changes and a reset ends every
 * styled line, so a line printed alone never leaks its style; hyperlinks
 * likewise close at the end of each line. Removing the escape sequences gives
 * back exactly the plain rendering.
 */
export function serializeRows(source: CellSource, options: SerializeOptions): string {
  const lines: string[] = [];
  const sequences = new Map<Style, string>();
  for (let y = 0; y < source.height; y += 1) {
    const start = y * source.width;
    let end = start + source.width;
    while (end > start && source.isBlank(end - 1)) {
      end -= 1;
    }
    lines.push(options.color === false && !options.hyperlinks ? plainRow(source, start, end) : styledRow(source, start, end, options, sequences));
  }

  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }

  return lines.join('\n');
}

function plainRow(source: CellSource, start: number, end: number): string {
  let row = '';
  for (let index = start; index < end; index += 1) {
    row += source.cellText(index);
  }

  return row;
}

/** Writes one row with escape sequences; `sequences` caches the SGR sequence of each style. */
function styledRow(source: CellSource, start: number, end: number, options: SerializeOptions, sequences: Map<Style, string>): string {
  let row = '';
  let sequence = '';
  let link = '';
  for (let index = start; index < end; index += 1) {
    const text = source.cellText(index);
    if (text === '') {
      continue;
    }

    const nextLink = options.hyperlinks ? source.linkAt(index) : '';
    if (nextLink !== link) {
      row += link === '' ? '' : OSC8_CLOSE;
      row += nextLink === '' ? '' : osc8Open(nextLink);
      link = nextLink;
    }

    if (options.color !== false) {
      const style = source.styleAt(index);
      let nextSequence = '';
      if (style !== undefined) {
        nextSequence = sequences.get(style) ?? sgrSequence(style, options.color);
        sequences.set(style, nextSequence);
      }
      if (nextSequence !== sequence) {
        row += nextSequence === '' ? SGR_RESET : nextSequence;
        sequence = nextSequence;
      }
    }
    row += text;
  }

  return row + (sequence === '' ? '' : SGR_RESET) + (link === '' ? '' : OSC8_CLOSE);
}
