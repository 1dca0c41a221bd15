import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DiagramProblem, checkDiagram } from './check.js';
import type { DiagramNode } from './model.js';
import type { RenderOptions } from './options.js';
import { DiagramError } from './errors.js';
import { renderDiagram } from './render.js';
import { displayWidth } from './text/width.js';

/** Options of the snapshot helpers. Every field is optional. */
export interface DiagramSnapshotOptions {
  /** Options for rendering when a model is given instead of text. */
  readonly render?: RenderOptions;
  /** Write the golden file from the rendering instead of comparing. Default `false`; a missing golden file fails. */
  readonly update?: boolean;
  /** Also fail when a line is wider than this many columns. Default: `render.width`, or no limit. */
  readonly width?: number;
}

/** The result of a comparison: `pass`, and a message that tells what differs and where. */
export interface DiagramComparison {
  readonly pass: boolean;
  readonly message: string;
}

/**
 * Renders a model (or takes rendered text), checks it with `checkDiagram`,
 * and compares it with a golden file that contains the text and one final newline.
 * Works with any test runner: it returns the result instead of throwing.
 */
export function compareDiagram(subject: DiagramNode | string, goldenPath: string, options: DiagramSnapshotOptions = {}): DiagramComparison {
  let rendered: string;
  try {
    rendered = typeof subject === 'string' ? subject : renderDiagram(subject, options.render);
  } catch (error) {
    if (error instanceof DiagramError) {
      return { pass: false, message: `the model cannot be drawn: ${error.message}` };
    }
    throw error;
  }
  const width = options.width ?? options.render?.width;
  const problems = checkDiagram(rendered, width === undefined ? {} : { width });
  if (problems.length > 0) {
    return { pass: false, message: `the diagram has ${problems.length} problem(s):\n${problems.map(describeProblem).join('\n')}\n\n${numbered(rendered)}` };
  }

  if (options.update === true) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, `${rendered}\n`);

    return { pass: true, message: `wrote ${goldenPath}` };
  }

  if (!existsSync(goldenPath)) {
    return { pass: false, message: `golden file ${goldenPath} does not exist; run once with update: true to write it, then review it` };
  }

  const golden = readFileSync(goldenPath, 'utf8').replace(/\n$/, '');
  if (golden === rendered) {
    return { pass: true, message: `the diagram matches ${goldenPath}` };
  }

  return { pass: false, message: `the diagram differs from ${goldenPath}:\n${lineDiff(golden, rendered)}` };
}

/** Like `compareDiagram`, but throws an `Error` with the message when the comparison fails. */
export function assertDiagram(subject: DiagramNode | string, goldenPath: string, options: DiagramSnapshotOptions = {}): void {
  const result = compareDiagram(subject, goldenPath, options);
  if (!result.pass) {
    throw new Error(result.message);
  }
}

/**
 * A Vitest (or Jest) matcher: `expect.extend({ toMatchDiagram })`, then
 * `expect(model).toMatchDiagram('fixtures/flow.txt')`. The golden file is
 * written instead of compared when `options.update` is true.
 */
export function toMatchDiagram(received: unknown, goldenPath: string, options: DiagramSnapshotOptions = {}): { pass: boolean; message: () => string } {
  if (typeof received !== 'string' && (typeof received !== 'object' || received === null)) {
    return { pass: false, message: () => `expected a diagram model or rendered text, got ${received === null ? 'null' : typeof received}` };
  }
  const result = compareDiagram(received as DiagramNode | string, goldenPath, options);

  return { pass: result.pass, message: () => result.message };
}

function describeProblem(problem: DiagramProblem): string {
  return `  line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** The text with line numbers, so a problem's location can be found by eye. */
function numbered(text: string): string {
  return text
    .split('\n')
    .map((line, index) => `${String(index + 1).padStart(4)} | ${line}`)
    .join('\n');
}

/**
 * Lists the lines that differ, each as the expected and the received line,
 * with a caret under the first differing terminal column and `·` for
 * trailing spaces. Columns count terminal cells, as `checkDiagram` does.
 */
function lineDiff(expected: string, received: string): string {
  const expectedLines = expected.split('\n');
  const receivedLines = received.split('\n');
  const rows: string[] = [];
  for (let index = 0; index < Math.max(expectedLines.length, receivedLines.length); index += 1) {
    const want = expectedLines[index];
    const got = receivedLines[index];
    if (want === got) {
      continue;
    }
    const column = firstDifference(want ?? '', got ?? '');
    const offset = displayWidth(Array.from(got ?? '').slice(0, column).join(''));
    rows.push(`line ${index + 1}, column ${offset + 1}:`);
    rows.push(`  - ${want === undefined ? '(no line)' : visible(want)}`);
    rows.push(`  + ${got === undefined ? '(no line)' : visible(got)}`);
    rows.push(`    ${' '.repeat(offset)}^`);
  }

  return rows.join('\n');
}

function firstDifference(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) {
    index += 1;
  }

  return index;
}

function visible(line: string): string {
  return line.replace(/ +$/, (spaces) => '·'.repeat(spaces.length));
}
