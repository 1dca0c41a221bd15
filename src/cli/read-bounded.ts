import { closeSync, openSync, readSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { isErrno, retryWhileBusy } from './fd.js';
import { InputTooLargeError } from './types.js';

/** File descriptor of standard input. */
export const STDIN_FD = 0;

/** Bytes read per call, the size of a pipe buffer on Linux. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads the file at `path` as UTF-8, for `CliIo.readFile`. Throws
 * `InputTooLargeError` past `maxBytes`, after reading at most one chunk more,
 * and an `Error` whose message is the system's reason when it cannot be read.
 */
export function readFileBounded(path: string, maxBytes: number): string {
  const fd = withReason(() => openSync(path, 'r'));

  try {
    return readBounded(fd, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open file descriptor to its end as UTF-8, dropping a byte order
 * mark, with the errors of `readFileBounded`. Works on pipes and terminals
 * too, where the size is not known ahead.
 */
export function readBounded(fd: number, maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;

  for (;;) {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const count = withReason(() => readChunk(fd, chunk));
    if (count === 0) {
      break;
    }

    total += count;
    if (total > maxBytes) {
      throw new InputTooLargeError(maxBytes);
    }

    chunks.push(chunk.subarray(0, count));
  }

  // TextDecoder drops a leading byte order mark and replaces invalid UTF-8 with U+FFFD.
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
}

/** Reads one chunk, waiting while a non-blocking standard input has no data yet. */
function readChunk(fd: number, chunk: Buffer): number {
  return retryWhileBusy(() => readSync(fd, chunk, 0, chunk.length, null));
}

/** Runs `action`, replacing a system error by one whose message is the reason and code, as in `no such file or directory (ENOENT)`. */
function withReason<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!isErrno(error) || error.errno === undefined) {
      throw error;
    }

    const reason = getSystemErrorMap().get(error.errno)?.[1] ?? error.message;
    throw new Error(`${reason} (${error.code})`, { cause: error });
  }
}
