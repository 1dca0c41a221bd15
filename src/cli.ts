import { createRequire } from 'node:module';
import { fstatSync } from 'node:fs';
import { isErrno, writeAll } from './cli/fd.js';
import { readBounded, readFileBounded, STDIN_FD } from './cli/read-bounded.js';
import { runCli } from './cli/run.js';
import type { CliContext, CliIo } from './cli/types.js';
import { courseDiagrams } from './course/index.js';

/** `EX_IOERR` from BSD's sysexits.h: standard output or standard error failed for a reason other than a closed reader. */
const EXIT_WRITE_FAILED = 74;

/**
 * Reads the version from package.json. The path is relative to this module,
 * and both src/cli.ts and the built dist/cli.cjs sit one directory below the
 * package root, so it works from any working directory.
 */
function readVersion(): string {
  const packageJson: unknown = createRequire(import.meta.url)('../package.json');
  const version = (packageJson as { version?: unknown }).version;

  if (typeof version !== 'string') {
    throw new Error(`invalid package.json above ${import.meta.url}: "version" is missing or not a string; reinstall termdiagram`);
  }

  return version;
}

const STDOUT_FD = 1;
const STDERR_FD = 2;

/**
 * Writes CLI output straight to a file descriptor. EPIPE means the reader
 * closed early, as `termdiagram course --all | head -1` does, so the rest of
 * the output is dropped quietly. Any other failure is reported once on
 * `errors`, when given, and makes the exit code `EXIT_WRITE_FAILED`.
 */
class OutputChannel {
  private readonly fd: number;
  private readonly name: string;
  private readonly errors: OutputChannel | undefined;
  private closed = false;
  failed = false;

  constructor(fd: number, name: string, errors?: OutputChannel) {
    this.fd = fd;
    this.name = name;
    this.errors = errors;
  }

  write(text: string): void {
    if (this.closed) {
      return;
    }

    try {
      writeAll(this.fd, text);
    } catch (error) {
      this.closed = true;
      if (isErrno(error) && error.code === 'EPIPE') {
        return;
      }

      this.failed = true;
      this.errors?.write(`termdiagram: failed to write to ${this.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

/**
 * Tells whether `fd` is a terminal. Only a character device can be one, and
 * checking that first spares pipes and files from loading node:tty, which
 * takes about 1.6 ms of a short run (Node 20.20).
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) {
      return false;
    }
  } catch {
    return false;
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');

  return tty.isatty(fd);
}

function main(): void {
  const stderr = new OutputChannel(STDERR_FD, 'standard error');
  const stdout = new OutputChannel(STDOUT_FD, 'standard output', stderr);
  const isTTY = isTerminal(STDOUT_FD);

  const io: CliIo = {
    stdout: (text) => stdout.write(text),
    stderr: (text) => stderr.write(text),
    env: process.env,
    isTTY,
    // Node reads the size from the terminal itself; the COLUMNS variable plays no part.
    // process.stdout is opened only here, on a terminal, where its size is needed.
    columns: isTTY ? process.stdout.columns : undefined,
    readFile: readFileBounded,
    readStdin: (maxBytes) => readBounded(STDIN_FD, maxBytes),
  };

  const context: CliContext = {
    // Read only for --version, because loading package.json takes about a millisecond.
    get version() {
      return readVersion();
    },
    diagrams: courseDiagrams,
  };

  const exitCode = runCli(process.argv.slice(2), io, context);
  process.exitCode = stdout.failed || stderr.failed ? EXIT_WRITE_FAILED : exitCode;
}

main();
