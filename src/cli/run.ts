import { DiagramError } from '../index.js';
import { checkCommand } from './check.js';
import { courseCommand } from './course.js';
import { formatCommandHelp, formatGlobalHelp, GLOBAL_OPTIONS, PROGRAM_NAME } from './help.js';
import { asksForHelp, isOption, parseArguments } from './parse.js';
import { renderCommand } from './render.js';
import { formatSuggestion } from './suggest.js';
import {
  type CliContext,
  CliError,
  type CliIo,
  type CommandHost,
  type CommandResult,
  type CommandSpec,
  ExitCode,
  RenderError,
  UsageError,
} from './types.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [renderCommand, checkCommand, courseCommand];

/**
 * Runs the CLI on `argv` (the arguments after the program name) and returns
 * the exit status. Writes a command's notes with one `io.stderr` call, then
 * its standard output with one `io.stdout` call, and reports every error on
 * `io.stderr` instead of throwing, unless `io.stderr` itself throws.
 */
export function runCli(argv: readonly string[], io: CliIo, context: CliContext): ExitCode {
  try {
    const result = dispatch(argv, context, io);
    if (result.stderr !== undefined && result.stderr !== '') {
      io.stderr(result.stderr);
    }

    if (result.stdout !== '') {
      io.stdout(result.stdout);
    }

    return result.exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function dispatch(argv: readonly string[], context: CliContext, host: CommandHost): CommandResult {
  const commandIndex = argv.findIndex((arg) => !isOption(arg));
  const globalArgs = commandIndex === -1 ? argv : argv.slice(0, commandIndex);

  if (asksForHelp(globalArgs)) {
    return printed(formatGlobalHelp(COMMANDS));
  }

  const globals = parseArguments(globalArgs, GLOBAL_OPTIONS, '--help');
  if (globals.options.version === true) {
    return printed(`${PROGRAM_NAME} ${context.version}\n`);
  }

  const commandName = argv[commandIndex];
  if (commandName === undefined) {
    throw new UsageError(`missing command; valid commands: ${commandNames().join(', ')}`, '--help');
  }

  const command = findCommand(commandName);

  return runCommand(command, argv.slice(commandIndex + 1), context, host);
}

function runCommand(command: CommandSpec, args: readonly string[], context: CliContext, host: CommandHost): CommandResult {
  if (asksForHelp(args)) {
    return printed(formatCommandHelp(command));
  }

  const parsed = parseArguments(args, command.options, `${command.name} --help`);

  return command.run(parsed, context, host);
}

function findCommand(name: string): CommandSpec {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command !== undefined) {
    return command;
  }

  const names = commandNames();
  throw new UsageError(`unknown command '${name}'; valid commands: ${names.join(', ')}${formatSuggestion(name, names)}`, '--help');
}

function commandNames(): string[] {
  return COMMANDS.map((command) => command.name);
}

function printed(stdout: string): CommandResult {
  return { stdout, exitCode: ExitCode.ok };
}

function reportError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof UsageError) {
    io.stderr(formatUsageError(error));
    return ExitCode.usage;
  }

  if (error instanceof CliError || error instanceof RenderError || error instanceof DiagramError) {
    io.stderr(`${PROGRAM_NAME}: ${error.message}\n`);
    return ExitCode.failed;
  }

  io.stderr(formatInternalError(error, io.env.TERMDIAGRAM_DEBUG === '1'));
  return ExitCode.internalError;
}

function formatUsageError(error: UsageError): string {
  const pointer = error.helpArguments === undefined ? '' : `Run '${PROGRAM_NAME} ${error.helpArguments}' for usage.\n`;

  return `${PROGRAM_NAME}: ${error.message}\n${pointer}`;
}

/** Formats an unexpected error: its message, and its stack trace only in debug mode. */
function formatInternalError(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const headline = `${PROGRAM_NAME}: internal error: ${message}\n`;

  if (!debug) {
    return `${headline}Set TERMDIAGRAM_DEBUG=1 to print the stack trace.\n`;
  }

  const stack = error instanceof Error && error.stack !== undefined ? error.stack : String(error);

  return `${headline}${stack}\n`;
}
