#!/usr/bin/env node
import { createRequire } from 'node:module';
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

/**
 * Handles write errors on `stream`. EPIPE means the reader closed early, as
 * `termdiagram course --all | head -1` does, so the rest of the output is
 * dropped quietly. Without a listener, Node would crash with an unhandled
 * 'error' event.
 */
function handleWriteErrors(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      return;
    }

    process.exitCode = EXIT_WRITE_FAILED;
    if (stream !== process.stderr) {
      process.stderr.write(`termdiagram: failed to write to ${name}: ${error.message}\n`);
    }
  });
}

function main(): void {
  handleWriteErrors(process.stdout, 'standard output');
  handleWriteErrors(process.stderr, 'standard error');

  const io: CliIo = {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    // Node reads the size from the terminal itself; the COLUMNS variable plays no part.
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
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

  // Setting exitCode instead of calling process.exit() lets Node finish writing piped output first.
  process.exitCode = runCli(process.argv.slice(2), io, context);
}

main();
