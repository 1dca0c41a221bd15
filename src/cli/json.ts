import { CliError } from './types.js';

/** The offset that V8's `JSON.parse` errors end with in Node 20, as in `... in JSON at position 42`. */
const POSITION_SUFFIX = / at position (\d+)$/u;

/** V8's message for input that ends too early; it gives no position, because the error is at the end. */
const UNEXPECTED_END = 'Unexpected end of JSON input';

/** C0 and C1 control characters, which V8 copies into some messages from the input. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/gu;

/** Escapes for the control characters that JSON text often contains. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A 1-based line and column in a text; the column counts code points. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Parses `text` as JSON. Throws `CliError` for malformed JSON, naming the
 * input and, when the parser gives an offset, the line and column.
 * Some V8 messages, such as `Unexpected token`, carry no offset, so those
 * name only the input.
 */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      throw error;
    }

    throw new CliError(formatJsonError(error.message, text, name));
  }
}

/** Formats `<name>:<line>:<column>: invalid JSON: <reason>`, or `<name>: invalid JSON: <reason>` without an offset. */
export function formatJsonError(message: string, text: string, name: string): string {
  const match = POSITION_SUFFIX.exec(message);
  const reason = escapeControlCharacters(match === null ? message : message.slice(0, match.index));
  const offset = match === null ? offsetWithoutPosition(message, text) : Number(match[1]);

  if (offset === undefined) {
    return `${name}: invalid JSON: ${reason}`;
  }

  const { line, column } = positionAt(text, offset);

  return `${name}:${line}:${column}: invalid JSON: ${reason}`;
}

/** Returns the offset of an error whose message gives none: the end of the text for input that ends too early. */
function offsetWithoutPosition(message: string, text: string): number | undefined {
  return message === UNEXPECTED_END ? text.length : undefined;
}

/**
 * Writes control characters as escapes such as `\n` and `\u001b`. A V8
 * message such as `Unexpected token ']', "..." is not valid JSON` quotes the
 * input around the error, which may hold line breaks or terminal escapes.
 */
function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, (character) => NAMED_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Converts an offset in UTF-16 code units, as `JSON.parse` reports it, to a line and a column. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;

  return { line, column: Array.from(before.slice(lineStart)).length + 1 };
}
