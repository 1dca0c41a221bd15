/** Turning UTF-16 code units into a string, the last step of serializing a canvas. */

interface NodeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le'): string };
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

/** Returns the string of the first `length` code units of `codes`, lone surrogates included as they are. */
export function decodeUtf16(codes: Uint16Array, length: number): string {
  if (nodeBuffer !== undefined && littleEndian) {
    return nodeBuffer.from(codes.buffer, codes.byteOffset, length * 2).toString('utf16le');
  }

  const pieces: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    pieces.push(String.fromCharCode(...codes.subarray(start, Math.min(length, start + CHUNK))));
  }

  return pieces.join('');
}
