import { formatSuggestion } from './suggest.js';
import { type OptionSpec, type ParsedArguments, UsageError } from './types.js';

/** Ends option parsing: every argument after it is a positional, even one that starts with `-`. */
const END_OF_OPTIONS = '--';

/**
 * Splits command-line arguments into option values and positionals.
 * Options may come before, between or after positionals. Accepted forms:
 * `--name`, `-n`, `--name value`, `--name=value` and `-n value`, and
 * `--no-name` for an option with a `negatedValue`. A lone `-` is a
 * positional. Throws `UsageError` pointing to `helpArguments` for an unknown
 * option or a missing or unexpected value.
 */
export function parseArguments(args: readonly string[], specs: readonly OptionSpec[], helpArguments: string): ParsedArguments {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  let index = 0;

  while (index < args.length) {
    const arg = args[index] as string;

    if (arg === END_OF_OPTIONS) {
      positionals.push(...args.slice(index + 1));
      break;
    }

    if (!isOption(arg)) {
      positionals.push(arg);
      index += 1;
      continue;
    }

    index += readOption(args, index, specs, options, helpArguments);
  }

  return { options, positionals };
}

/** Checks whether `args` request help with `-h` or `--help` before any `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf(END_OF_OPTIONS);
  const optionArgs = end === -1 ? args : args.slice(0, end);

  return optionArgs.some((arg) => arg === '-h' || arg === '--help');
}

export function isOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** Stores the option at `args[index]` in `options` and returns how many arguments it used. */
function readOption(
  args: readonly string[],
  index: number,
  specs: readonly OptionSpec[],
  options: Record<string, string | true>,
  helpArguments: string,
): number {
  const { flag, inlineValue } = splitInlineValue(args[index] as string);
  const negated = findNegatedOption(flag, specs);
  const spec = negated ?? findOption(flag, specs, helpArguments);

  if (negated !== undefined || spec.type === 'boolean') {
    if (inlineValue !== undefined) {
      throw new UsageError(`option '${flag}' takes no value, but got '${args[index]}'`, helpArguments);
    }

    options[spec.name] = negated?.negatedValue ?? true;
    return 1;
  }

  if (inlineValue !== undefined) {
    options[spec.name] = inlineValue;
    return 1;
  }

  if (spec.type === 'optional-string') {
    options[spec.name] = true;
    return 1;
  }

  const nextArg = args[index + 1];
  if (nextArg === undefined) {
    const example = `${flag} ${spec.valueName ?? 'VALUE'}`;
    throw new UsageError(`option '${flag}' requires a value, as in '${example}'`, helpArguments);
  }

  options[spec.name] = nextArg;
  return 2;
}

/** Splits `--name=value` into the flag and its value. Other forms have no inline value. */
function splitInlineValue(arg: string): { flag: string; inlineValue: string | undefined } {
  const equals = arg.indexOf('=');
  if (!arg.startsWith('--') || equals === -1) {
    return { flag: arg, inlineValue: undefined };
  }

  return { flag: arg.slice(0, equals), inlineValue: arg.slice(equals + 1) };
}

function findOption(flag: string, specs: readonly OptionSpec[], helpArguments: string): OptionSpec {
  const spec = specs.find((candidate) => flag === `--${candidate.name}` || isShortFlag(flag, candidate));
  if (spec !== undefined) {
    return spec;
  }

  const longFlags = specs.flatMap((candidate) => [`--${candidate.name}`, ...(candidate.negatedValue === undefined ? [] : [`--no-${candidate.name}`])]);
  throw new UsageError(`unknown option '${flag}'${formatSuggestion(flag, longFlags)}`, helpArguments);
}

/** Finds the option that `--no-<name>` negates, or returns undefined. */
function findNegatedOption(flag: string, specs: readonly OptionSpec[]): OptionSpec | undefined {
  return specs.find((candidate) => candidate.negatedValue !== undefined && flag === `--no-${candidate.name}`);
}

function isShortFlag(flag: string, spec: OptionSpec): boolean {
  return spec.short !== undefined && flag === `-${spec.short}`;
}
