/** A fenced code block of a Markdown text: its content and the 1-based line of its first content line. */
export interface CodeBlock {
  readonly firstLine: number;
  readonly text: string;
}

/**
 * An opening code fence as CommonMark defines it: up to three spaces, then
 * three or more backticks or tildes, then an info string of any kind.
 */
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;

/** A closing fence: up to three spaces, a run of the fence character, and only spaces or tabs after it. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u;

/** A line that opens or closes a backtick fence. Tilde fences are left out, since a drawing may use `~~~` as a line. */
const BACKTICK_FENCE = /^ {0,3}```/mu;

const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/**
 * The HTML comment that leaves the next fenced block out of `check`, for
 * blocks that show broken drawings on purpose, such as a diff. Markdown
 * renderers hide it.
 */
export const SKIP_MARKER = '<!-- termdiagram-check-skip -->';

/** A line that is one HTML comment and nothing else, such as the skip marker. */
const COMMENT_LINE = /^ {0,3}<!--.*-->[ \t]*$/u;

/** Checks whether a file is Markdown, whose code blocks alone are checked: a Markdown extension, or any line that is a backtick fence. */
export function isMarkdown(name: string, text: string): boolean {
  const lowerName = name.toLowerCase();

  return MARKDOWN_EXTENSIONS.some((extension) => lowerName.endsWith(extension)) || BACKTICK_FENCE.test(text);
}

/**
 * Lists the fenced code blocks of a Markdown text, fenced with ``` or ~~~
 * and with any info string. A block closes at a fence of the same character
 * that is at least as long as its opening one. A block left open runs to the
 * end of the text, as CommonMark has it. Lines are kept as they are, indent
 * included, so positions in a block map to the file by adding its line.
 * A block is left out when `SKIP_MARKER` is one of the comment lines right
 * above its opening fence.
 * NOTE: fences inside block quotes (`> ````) and list items are not found.
 */
export function fencedCodeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  let index = 0;

  while (index < lines.length) {
    const fence = openingFence(lines[index] ?? '');
    if (fence === undefined) {
      index += 1;
      continue;
    }

    const contentStart = index + 1;
    const closing = findClosingFence(lines, contentStart, fence);
    if (!isSkipped(lines, index)) {
      blocks.push({ firstLine: contentStart + 1, text: lines.slice(contentStart, closing).join('\n') });
    }
    index = closing + 1;
  }

  return blocks;
}

/** Returns the fence run of an opening fence line, or undefined. A backtick fence's info string may not contain a backtick. */
function openingFence(line: string): string | undefined {
  const match = OPENING_FENCE.exec(line);
  if (match === null) {
    return undefined;
  }

  const [, fence = '', info = ''] = match;
  if (fence.startsWith('`') && info.includes('`')) {
    return undefined;
  }

  return fence;
}

/** Returns the index of the line that closes `fence`, or `lines.length` when none does. */
function findClosingFence(lines: readonly string[], start: number, fence: string): number {
  for (let index = start; index < lines.length; index += 1) {
    const match = CLOSING_FENCE.exec(lines[index] ?? '');
    const run = match?.[1];
    if (run !== undefined && run[0] === fence[0] && run.length >= fence.length) {
      return index;
    }
  }

  return lines.length;
}

/** Checks whether the comment lines right above the fence at `fenceIndex` include the skip marker. */
function isSkipped(lines: readonly string[], fenceIndex: number): boolean {
  for (let index = fenceIndex - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (!COMMENT_LINE.test(line)) {
      return false;
    }
    if (line.trim() === SKIP_MARKER) {
      return true;
    }
  }

  return false;
}
