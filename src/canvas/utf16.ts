/** Turning UTF-16 code units into a string, the last step of serializing a canvas. */

interface NodeBufferView {
  toString(encoding: 'utf16le', start: number, end: number): string;
}

interface NodeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBufferView;
}

/**
 * Node's Buffer copies UTF-16LE straight into a string, several times faster
 * than building one from single characters. It is used only where the
 * platform stores a Uint16Array little-endian, which is what it decodes.
 */
const nodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Code units passed to one String.fromCharCode call where Buffer is missing, well under the argument limits of JavaScript engines. */
const CHUNK = 8192;

/** The code unit of a space, which a fresh output array is filled with. */
export const SPACE = 0x20;

/** Code units of the array kept between calls. A larger output's array is held only weakly, so a huge drawing does not pin its memory. */
const SCRATCH_UNITS = 1 << 16;

/** One array, and a Buffer over it, reused by every small serialization: allocating them is much of a small drawing's cost. */
let scratch: { readonly codes: Uint16Array; readonly bytes: NodeBufferView | undefined } | undefined;

/**
 * The last array larger than the scratch, held weakly: reused by the next
 * large drawing, and freed by the collector's next full collection. A fresh
 * array of a megabyte costs a page fault per 4 kB page.
 */
let largeScratch: WeakRef<Uint16Array> | undefined;

/**
 * Returns an array of at least `units` code units, all spaces. It is shared,
 * one for small outputs and one for large, so the caller must decode it
 * before asking again.
 */
export function spacesArray(units: number): Uint16Array {
  if (units > SCRATCH_UNITS) {
    let codes = largeScratch?.deref();
    if (codes === undefined || codes.length < units) {
      codes = new Uint16Array(units);
      largeScratch = new WeakRef(codes);
    }

    return codes.fill(SPACE, 0, units);
  }
  if (scratch === undefined) {
    const codes = new Uint16Array(SCRATCH_UNITS);
    scratch = { codes, bytes: nodeBuffer !== undefined && littleEndian ? nodeBuffer.from(codes.buffer, 0, codes.byteLength) : undefined };
  }

  return scratch.codes.fill(SPACE, 0, units);
}

/** Returns the string of the first `length` code units of `codes`, lone surrogates included as they are. */
export function decodeUtf16(codes: Uint16Array, length: number): string {
  if (codes === scratch?.codes && scratch.bytes !== undefined) {
    return scratch.bytes.toString('utf16le', 0, length * 2);
  }
  if (nodeBuffer !== undefined && littleEndian) {
    return nodeBuffer.from(codes.buffer, codes.byteOffset, length * 2).toString('utf16le', 0, length * 2);
  }

  const pieces: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    pieces.push(String.fromCharCode(...codes.subarray(start, Math.min(length, start + CHUNK))));
  }

  return pieces.join('');
}
