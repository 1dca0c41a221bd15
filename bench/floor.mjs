/**
 * The floor: the least work any renderer does for an output of a given size.
 * It writes every cell of a `rows` × `columns` grid of UTF-16 code units once,
 * then turns each row into a string and joins the rows with `\n`.
 */
const decoder = new TextDecoder('utf-16le');

/** First code unit of the Box Drawing block; cells cycle through its 128 glyphs. */
const BOX_DRAWING_START = 0x2500;

export function renderFloor(rows, columns) {
  const cells = new Uint16Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const start = r * columns;
    for (let c = 0; c < columns; c += 1) {
      cells[start + c] = BOX_DRAWING_START + ((r + c) & 0x7f);
    }
  }

  const lines = new Array(rows);
  for (let r = 0; r < rows; r += 1) {
    lines[r] = decoder.decode(cells.subarray(r * columns, (r + 1) * columns));
  }

  return lines.join('\n');
}
