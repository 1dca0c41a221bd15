import {
  type Charset,
  type ColorLevel,
  DiagramError,
  type DiagramNode,
  type LayoutDiagnostic,
  MIN_WIDTH,
  renderWithDiagnostics,
} from '../index.js';
import { resolveColorLevel } from './color.js';
import { PROGRAM_NAME } from './help.js';
import type { CommandHost, OptionSpec, OptionValues } from './types.js';
import { formatTooNarrow, resolveWidthBudget, type WidthBudget } from './width.js';

/** The options that `course` and `render` share: how to draw, how wide, and whether to report fitting. */
export const DRAWING_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'ascii',
    type: 'boolean',
    description: 'Draw with ASCII + - | > < v ^ in the same layout',
    defaultText: 'Unicode box drawing',
  },
  {
    name: 'color',
    type: 'optional-string',
    valueName: 'WHEN',
    negatedValue: 'never',
    description: 'Colour the diagrams: always (the same as --color alone), never, auto, or 16, 256 or truecolor colours',
    defaultText: 'auto',
  },
  {
    name: 'width',
    type: 'string',
    valueName: 'N',
    description: `Fit each diagram in N terminal columns, a whole number of at least ${MIN_WIDTH}`,
    defaultText: "the terminal's width when standard output is a terminal, else no limit",
  },
  {
    name: 'verbose',
    type: 'boolean',
    description: 'Print each change made to fit the width on standard error, one per line',
  },
];

/** The paragraphs of `--help` on colour and width, shared by the commands that draw. */
export const DRAWING_HELP = [
  'With --color=auto, the default, diagrams are coloured when standard output',
  'is a terminal, TERM is not dumb and NO_COLOR is unset or empty. FORCE_COLOR',
  'decides whenever it is set: 1, true or empty for 16 colours, 2 for 256,',
  '3 for truecolor, any other value for none. Otherwise the level comes from',
  'COLORTERM=truecolor or 24bit, then a TERM containing 256color, else 16',
  'colours. --color and --no-color override the environment.',
  '',
  'The width is --width N when given, else the width of the terminal when',
  'standard output is a terminal, else unlimited. A diagram wider than that',
  'is fitted: gaps shrink, text wraps, rows continue on more lines and labels',
  'are shortened, in that order; --verbose lists each change. A diagram that',
  'cannot fit fails with exit status 1 and names the width it needs.',
].join('\n');

/** How to draw: the settings read from the drawing options and the process. */
export interface DrawingSettings {
  readonly charset: Charset;
  readonly color: ColorLevel;
  /** Undefined when the drawing has no width limit. */
  readonly width: WidthBudget | undefined;
  readonly verbose: boolean;
}

/** A rendered diagram and its verbose notes: one line per layout diagnostic, or '' without `--verbose`. */
export interface Drawing {
  readonly text: string;
  readonly notes: string;
}

/** Reads `DRAWING_OPTIONS` and the process. Throws `UsageError` for a bad value and `CliError` for a too-narrow terminal. */
export function readDrawingSettings(options: OptionValues, host: CommandHost, helpArguments: string): DrawingSettings {
  return {
    charset: options.ascii === true ? 'ascii' : 'unicode',
    color: resolveColorLevel(options.color, host, helpArguments),
    width: resolveWidthBudget(options.width, host, helpArguments),
    verbose: options.verbose === true,
  };
}

/**
 * Renders `model` with `settings`; `source` names the diagram or file in the
 * notes. Throws `DiagramError` for an invalid model, and one that names the
 * needed width and where the width came from when the diagram cannot fit.
 */
export function drawModel(model: DiagramNode, settings: DrawingSettings, source: string): Drawing {
  const options = { charset: settings.charset, color: settings.color, width: settings.width?.columns };

  try {
    const result = renderWithDiagnostics(model, options);
    const notes = settings.verbose ? result.diagnostics.map((diagnostic) => formatDiagnostic(source, diagnostic)).join('') : '';

    return { text: result.text, notes };
  } catch (error) {
    if (settings.width !== undefined && isWidthFailure(error) && error.neededWidth !== undefined) {
      // The library names the width that fits as the `width` option; the CLI says it as a flag or a terminal width.
      throw new DiagramError('does-not-fit', '', formatTooNarrow(error.neededWidth, settings.width));
    }

    throw error;
  }
}

function isWidthFailure(error: unknown): error is DiagramError {
  return error instanceof DiagramError && error.code === 'does-not-fit' && error.path === 'options.width';
}

/** Formats one verbose line: `termdiagram: <source>: <path or root>: <change>: <message>`. */
export function formatDiagnostic(source: string, diagnostic: LayoutDiagnostic): string {
  const path = diagnostic.path === '' ? 'root' : diagnostic.path;

  return `${PROGRAM_NAME}: ${source}: ${path}: ${diagnostic.change}: ${diagnostic.message}\n`;
}
