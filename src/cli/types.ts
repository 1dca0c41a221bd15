import type { CourseDiagram } from '../course/registry.js';

/**
 * Everything the CLI reads from or writes to its process. `src/cli.ts` wires
 * it to `process`, and tests pass functions that record the output.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal; `--color=auto` colours only then, and only then is `columns` used. */
  readonly isTTY: boolean;
  /** Width of the terminal in columns when standard output is a terminal, else undefined. */
  readonly columns: number | undefined;
  /**
   * Reads a file as UTF-8 text, without a byte order mark. Throws
   * `InputTooLargeError` when the file is over `maxBytes`, and an `Error`
   * whose message is the reason, such as `no such file or directory
   * (ENOENT)`, when it cannot be read.
   */
  readonly readFile: (path: string, maxBytes: number) => string;
  /** Reads standard input to its end, with the same contract as `readFile`. */
  readonly readStdin: (maxBytes: number) => string;
}

/** The part of `CliIo` that a command may use: everything but the output, which it returns in its `CommandResult`. */
export type CommandHost = Omit<CliIo, 'stdout' | 'stderr'>;

/** The data the commands work on, passed in so that tests can substitute their own. */
export interface CliContext {
  /** Version printed by `--version`, such as `0.1.0`. */
  readonly version: string;
  readonly diagrams: readonly CourseDiagram[];
}

/** Exit statuses of the CLI. 70 is `EX_SOFTWARE` from BSD's sysexits.h. */
export const ExitCode = {
  ok: 0,
  /** An input could not be read, parsed or rendered, or `check` found a problem. */
  failed: 1,
  usage: 2,
  internalError: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One command-line option of a command, such as `--ascii`. */
export interface OptionSpec {
  /** Long name without the dashes: `ascii` for `--ascii`. */
  readonly name: string;
  /** One-letter short name without the dash, such as `h` for `-h`. */
  readonly short?: string;
  /**
   * `boolean` options take no value. `string` options take the next argument
   * or `--name=value`. `optional-string` options take a value only as
   * `--name=value`, so `--color ml-pipeline` leaves the name a positional.
   */
  readonly type: 'boolean' | 'string' | 'optional-string';
  /** Placeholder for the value in help text, such as `N` in `--width N`. Only for `string` and `optional-string` options. */
  readonly valueName?: string;
  /** Value that `--no-<name>` stores, such as `never` for `--no-color`. Without it, `--no-<name>` is an unknown option. */
  readonly negatedValue?: string;
  readonly description: string;
  /** Default behaviour when the option is absent, shown in help text. */
  readonly defaultText?: string;
}

/**
 * Option values by long name: `true` for a boolean option, or an
 * `optional-string` option given without a value, and the text for a value.
 * A repeated option keeps its last value, so `--color --no-color` stores the negated value.
 */
export type OptionValues = Readonly<Record<string, string | true | undefined>>;

export interface ParsedArguments {
  readonly options: OptionValues;
  readonly positionals: readonly string[];
}

/** Output of a command: its standard error and standard output, each written in one piece, and its exit status. */
export interface CommandResult {
  readonly stdout: string;
  /** Notes and per-file errors, written before `stdout`. Absent means none. */
  readonly stderr?: string;
  readonly exitCode: ExitCode;
}

export interface CommandSpec {
  readonly name: string;
  /** One line for the command list of `termdiagram --help`. */
  readonly summary: string;
  /** Usage lines without the program name, such as `course <name> [--ascii]`. */
  readonly usage: readonly string[];
  /** A paragraph for `termdiagram <command> --help`. */
  readonly description: string;
  /** Every option the command accepts, `--help` included. */
  readonly options: readonly OptionSpec[];
  readonly run: (args: ParsedArguments, context: CliContext, host: CommandHost) => CommandResult;
}

/**
 * Wrong command-line usage: exit status 2 and the message on standard error.
 * `helpArguments` are the arguments that print the relevant help, such as
 * `course --help`, and the CLI points to them after the message.
 */
export class UsageError extends Error {
  readonly helpArguments: string | undefined;

  constructor(message: string, helpArguments?: string) {
    super(message);
    this.name = 'UsageError';
    this.helpArguments = helpArguments;
  }
}

/** Rendering failure: a `DiagramError` with the name of the diagram or file it came from. Exit status 1. */
export class RenderError extends Error {
  constructor(source: string, cause: Error) {
    super(`failed to render ${source}: ${cause.message}`, { cause });
    this.name = 'RenderError';
  }
}

/** A failure the user can fix, such as an unreadable file or an invalid model: exit status 1 and the message on standard error. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Thrown by `CliIo.readFile` and `CliIo.readStdin` when the input is over the byte limit they were given. */
export class InputTooLargeError extends Error {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`input is over the limit of ${maxBytes} bytes`);
    this.name = 'InputTooLargeError';
    this.maxBytes = maxBytes;
  }
}
