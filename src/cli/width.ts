import { MIN_WIDTH } from '../index.js';
import { type CommandHost, CliError, UsageError } from './types.js';

/** The width budget of a drawing, in terminal columns, and where it came from, for error messages. */
export interface WidthBudget {
  readonly columns: number;
  readonly source: 'option' | 'terminal';
}

/** Matches a whole number written in decimal digits, without a sign. */
const WHOLE_NUMBER = /^\d+$/u;

/**
 * Parses the value of `--width` as a whole number of columns, at least
 * `minimum`. Returns undefined when the option is absent. Throws
 * `UsageError` for anything else, naming the value and the fix.
 */
export function parseWidthOption(value: string | true | undefined, minimum: number, helpArguments: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }

  const text = value === true ? '' : value;
  const columns = WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(columns)) {
    throw new UsageError(`invalid --width value '${text}'; pass a whole number of columns, such as --width 80`, helpArguments);
  }

  if (columns < minimum) {
    const unit = minimum === 1 ? 'column' : 'columns';
    throw new UsageError(`--width ${columns} is below the minimum of ${minimum} ${unit}; pass --width ${minimum} or more`, helpArguments);
  }

  return columns;
}

/**
 * Decides the width budget of a rendering: `--width` when given, else the
 * terminal's width when standard output is a terminal, else none. Throws
 * `CliError` for a terminal narrower than the library's `MIN_WIDTH`.
 */
export function resolveWidthBudget(option: string | true | undefined, host: CommandHost, helpArguments: string): WidthBudget | undefined {
  const columns = parseWidthOption(option, MIN_WIDTH, helpArguments);
  if (columns !== undefined) {
    return { columns, source: 'option' };
  }

  if (!host.isTTY || host.columns === undefined || host.columns <= 0) {
    return undefined;
  }

  if (host.columns < MIN_WIDTH) {
    throw new CliError(`the terminal is ${host.columns} columns wide, below the minimum of ${MIN_WIDTH}; widen it, or pass --width ${MIN_WIDTH} or more`);
  }

  return { columns: host.columns, source: 'terminal' };
}

/** Formats the error for a diagram that needs `minimum` columns, the narrowest above the budget that fits, but was given fewer. */
export function formatTooNarrow(minimum: number, budget: WidthBudget): string {
  const actual = budget.source === 'option' ? `--width is ${budget.columns}` : `the terminal is ${budget.columns} columns wide`;
  const fix = budget.source === 'option' ? `pass --width ${minimum} or more` : `widen the terminal to ${minimum} columns, or pass --width ${minimum} or more`;

  return `the diagram needs at least ${minimum} columns, but ${actual}; ${fix}`;
}
