import { formatColumns } from './columns.js';
import type { CommandSpec, OptionSpec } from './types.js';

export const PROGRAM_NAME = 'termdiagram';

export const HELP_OPTION: OptionSpec = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  description: 'Print this help and exit',
};

export const VERSION_OPTION: OptionSpec = {
  name: 'version',
  short: 'V',
  type: 'boolean',
  description: 'Print the version and exit',
};

/** Options accepted before the command name. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [HELP_OPTION, VERSION_OPTION];

const EXIT_STATUS_ROWS: readonly (readonly [string, string])[] = [
  ['0', 'Success, and for check, no problem found'],
  ['1', 'An input could not be read or rendered, or check found a problem'],
  ['2', 'Wrong usage, such as an unknown option, diagram name or --width value'],
  ['70', 'Internal error in termdiagram'],
];

const ENVIRONMENT_ROWS: readonly (readonly [string, string])[] = [
  ['NO_COLOR', 'When set and not empty, turn off colour unless --color or FORCE_COLOR asks for it'],
  ['FORCE_COLOR', 'Colour without a terminal: 1, true or empty for 16 colours, 2 for 256, 3 for truecolor, other values for none'],
  ['COLORTERM', 'truecolor or 24bit selects truecolor'],
  ['TERM', 'A name containing 256color selects 256 colours; dumb turns colour off'],
  ['TERMDIAGRAM_DEBUG=1', 'Print the stack trace of an internal error'],
];

/** Formats the help of `termdiagram --help`. */
export function formatGlobalHelp(commands: readonly CommandSpec[]): string {
  const commandRows = commands.map((command) => [command.name, command.summary] as const);

  return [
    `Usage: ${PROGRAM_NAME} <command> [options]\n       ${PROGRAM_NAME} --help | --version\n`,
    'Renders diagram models as box-drawing text for terminals.\n',
    `Commands:\n${formatColumns(commandRows, '  ')}`,
    `Options:\n${formatOptions(GLOBAL_OPTIONS)}`,
    `Environment:\n${formatColumns(ENVIRONMENT_ROWS, '  ')}`,
    `Exit status:\n${formatColumns(EXIT_STATUS_ROWS, '  ')}`,
    `Run '${PROGRAM_NAME} <command> --help' for the options of a command.\n`,
  ].join('\n');
}

/** Formats the help of `termdiagram <command> --help`. */
export function formatCommandHelp(command: CommandSpec): string {
  const usageLines = command.usage.map((usage, index) => `${index === 0 ? 'Usage: ' : '       '}${PROGRAM_NAME} ${usage}\n`);

  return [usageLines.join(''), `${command.description}\n`, `Options:\n${formatOptions(command.options)}`].join('\n');
}

/** Formats one row per option, and a `--no-<name>` row after each option that has one. */
function formatOptions(options: readonly OptionSpec[]): string {
  const rows = options.flatMap((option) => {
    const row = [formatOptionLabel(option), formatOptionDescription(option)] as const;
    if (option.negatedValue === undefined) {
      return [row];
    }

    return [row, [`    --no-${option.name}`, `The same as --${option.name}=${option.negatedValue}`] as const];
  });

  return formatColumns(rows, '  ');
}

/** Formats `-h, --help`, `    --width N` or `    --color[=WHEN]`, indenting long-only options so the long names line up. */
function formatOptionLabel(option: OptionSpec): string {
  const shortPart = option.short === undefined ? '    ' : `-${option.short}, `;

  return `${shortPart}--${option.name}${formatValuePart(option)}`;
}

function formatValuePart(option: OptionSpec): string {
  const valueName = option.valueName ?? 'VALUE';
  switch (option.type) {
    case 'boolean':
      return '';
    case 'string':
      return ` ${valueName}`;
    case 'optional-string':
      return `[=${valueName}]`;
  }
}

function formatOptionDescription(option: OptionSpec): string {
  return option.defaultText === undefined ? option.description : `${option.description} (default: ${option.defaultText})`;
}
