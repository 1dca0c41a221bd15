import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/run.js';
import { type CliIo, InputTooLargeError } from '../../src/cli/types.js';
import { type CourseDiagram, courseDiagrams } from '../../src/course/index.js';

export const TEST_VERSION = '9.8.7';

/** What `runCli` returned and wrote, with the number of writes to each stream. */
export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutWrites: number;
  readonly stderrWrites: number;
}

/** Process state for a test run. Files and standard input are in memory, and a path not in `files` is missing. */
export interface RunSetup {
  readonly diagrams?: readonly CourseDiagram[];
  readonly env?: Record<string, string>;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly files?: Readonly<Record<string, string>>;
  readonly stdin?: string;
}

/** Runs the CLI in memory on `argv` and collects what it wrote. */
export function runInMemory(argv: readonly string[], setup: RunSetup = {}): RunResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    stdout: (chunk) => {
      stdout.push(chunk);
    },
    stderr: (chunk) => {
      stderr.push(chunk);
    },
    env: setup.env ?? {},
    isTTY: setup.isTTY ?? false,
    columns: setup.columns,
    readFile: (path, maxBytes) => {
      const text = setup.files?.[path];
      if (text === undefined) {
        throw new Error('no such file or directory (ENOENT)');
      }

      return withinLimit(text, maxBytes);
    },
    readStdin: (maxBytes) => {
      if (setup.stdin === undefined) {
        throw new Error('this test gives no standard input');
      }

      return withinLimit(setup.stdin, maxBytes);
    },
  };
  const exitCode = runCli(argv, io, { version: TEST_VERSION, diagrams: setup.diagrams ?? courseDiagrams });

  return { exitCode, stdout: stdout.join(''), stderr: stderr.join(''), stdoutWrites: stdout.length, stderrWrites: stderr.length };
}

function withinLimit(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new InputTooLargeError(maxBytes);
  }

  return text;
}

/** Returns the fenced block that follows `<!-- marker -->` in the README, without its fences. */
export function readmeBlockAfter(marker: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`<!-- ${marker} -->`);
  if (start === -1) {
    throw new Error(`README.md has no <!-- ${marker} --> marker; add it before the block to test`);
  }

  const open = readme.indexOf('\n', readme.indexOf('```', start)) + 1;
  const close = readme.indexOf('\n```', open);

  return readme.slice(open, close);
}
