import { CliError, type CommandHost, InputTooLargeError } from './types.js';

/**
 * The largest input `render` and `check` accept, in bytes: 10 MiB. A diagram
 * model or drawing is a few kilobytes, so a larger input is almost surely the
 * wrong file, and reading stops here instead of filling memory.
 */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** The file argument that means standard input. */
export const STDIN_ARGUMENT = '-';

/** Name of standard input in messages, in place of a file name. */
export const STDIN_NAME = '<stdin>';

/** The text of a file or of standard input, and the name that messages use for it. */
export interface Input {
  readonly name: string;
  readonly text: string;
}

/**
 * Reads the file at `path`, or standard input when it is `-`. Throws
 * `CliError` naming the input when it cannot be read or is over
 * `MAX_INPUT_BYTES`.
 */
export function readInput(path: string, host: CommandHost): Input {
  const fromStdin = path === STDIN_ARGUMENT;
  const described = fromStdin ? 'standard input' : `'${path}'`;

  try {
    const text = fromStdin ? host.readStdin(MAX_INPUT_BYTES) : host.readFile(path, MAX_INPUT_BYTES);

    return { name: fromStdin ? STDIN_NAME : path, text };
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      throw new CliError(`${described} is larger than ${formatMebibytes(error.maxBytes)}, the limit for one input; pass a smaller file`);
    }

    if (error instanceof Error) {
      throw new CliError(`cannot read ${described}: ${error.message}`);
    }

    throw error;
  }
}

/** Formats a byte count as `10 MiB (10485760 bytes)`, or as bytes alone when it is not a whole number of mebibytes. */
export function formatMebibytes(bytes: number): string {
  const mebibyte = 1024 * 1024;

  return bytes % mebibyte === 0 ? `${bytes / mebibyte} MiB (${bytes} bytes)` : `${bytes} bytes`;
}
