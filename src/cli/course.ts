import type { CourseDiagram } from '../course/registry.js';
import { type Charset, type ColorLevel, DiagramError, renderDiagram } from '../index.js';
import { resolveColorLevel } from './color.js';
import { formatColumns } from './columns.js';
import { HELP_OPTION } from './help.js';
import { formatSuggestion } from './suggest.js';
import {
  type CliContext,
  type CommandHost,
  type CommandResult,
  type CommandSpec,
  ExitCode,
  type ParsedArguments,
  RenderError,
  UsageError,
} from './types.js';

const HELP_ARGUMENTS = 'course --help';

/** Drawing settings for the diagrams: the charset and the colour level. */
interface DrawingStyle {
  readonly charset: Charset;
  readonly color: ColorLevel;
}

/** Request of `termdiagram course`, read from its options and name after checking that they fit together. */
type CourseRequest =
  | { readonly kind: 'list' }
  | { readonly kind: 'all'; readonly style: DrawingStyle }
  | { readonly kind: 'one'; readonly name: string; readonly style: DrawingStyle };

export const courseCommand: CommandSpec = {
  name: 'course',
  summary: 'Print the diagrams of the MLOps course',
  usage: ['course <name> [--ascii] [--color[=WHEN]]', 'course --all [--ascii] [--color[=WHEN]]', 'course --list'],
  description: [
    'Prints one diagram of the MLOps course, or all of them, to standard output.',
    'Run with --list for the diagram names.',
    '',
    'With --color=auto, the default, diagrams are coloured when standard output',
    'is a terminal, TERM is not dumb and NO_COLOR is unset or empty. FORCE_COLOR',
    'decides whenever it is set: 1, true or empty for 16 colours, 2 for 256,',
    '3 for truecolor, any other value for none. Otherwise the level comes from',
    'COLORTERM=truecolor or 24bit, then a TERM containing 256color, else 16',
    'colours. --color and --no-color override the environment.',
  ].join('\n'),
  options: [
    { name: 'list', type: 'boolean', description: 'Print each diagram name and its title, one per line' },
    { name: 'all', type: 'boolean', description: 'Print every diagram under its title' },
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
    HELP_OPTION,
  ],
  run: runCourse,
};

function runCourse(args: ParsedArguments, context: CliContext, host: CommandHost): CommandResult {
  const request = readCourseRequest(args, host);

  switch (request.kind) {
    case 'list':
      return { stdout: formatList(context.diagrams), exitCode: ExitCode.ok };
    case 'all':
      return { stdout: formatAll(context.diagrams, request.style), exitCode: ExitCode.ok };
    case 'one': {
      const diagram = findDiagram(request.name, context.diagrams);

      return { stdout: `${renderNamed(diagram, request.style)}\n`, exitCode: ExitCode.ok };
    }
  }
}

function readCourseRequest({ options, positionals }: ParsedArguments, host: CommandHost): CourseRequest {
  if (positionals.length > 1) {
    const quoted = positionals.map((name) => `'${name}'`).join(' ');
    throw new UsageError(`expected one diagram name, got ${positionals.length}: ${quoted}`, HELP_ARGUMENTS);
  }

  const name = positionals[0];
  const charset: Charset = options.ascii === true ? 'ascii' : 'unicode';
  const color = resolveColorLevel(options.color, host, HELP_ARGUMENTS);
  const style: DrawingStyle = { charset, color };

  if (options.list === true) {
    rejectWithList(name, options.all === true, options.ascii === true, options.color !== undefined);
    return { kind: 'list' };
  }

  if (options.all === true) {
    if (name !== undefined) {
      throw new UsageError(`pass either a diagram name or --all, not both (got '${name}' and --all)`, HELP_ARGUMENTS);
    }

    return { kind: 'all', style };
  }

  if (name === undefined) {
    throw new UsageError('missing diagram name; pass a name, --all for every diagram, or --list for the names', HELP_ARGUMENTS);
  }

  return { kind: 'one', name, style };
}

/** Rejects what `--list` cannot be combined with, since it prints names and draws nothing. */
function rejectWithList(name: string | undefined, all: boolean, ascii: boolean, color: boolean): void {
  if (name !== undefined) {
    throw new UsageError(`--list takes no diagram name, but got '${name}'; run 'termdiagram course ${name}' to print it`, HELP_ARGUMENTS);
  }

  for (const [given, flag] of [
    [all, '--all'],
    [ascii, '--ascii'],
    [color, '--color or --no-color'],
  ] as const) {
    if (given) {
      throw new UsageError(`--list cannot be combined with ${flag}, because it prints only names`, HELP_ARGUMENTS);
    }
  }
}

function formatList(diagrams: readonly CourseDiagram[]): string {
  return formatColumns(diagrams.map((diagram) => [diagram.name, diagram.title] as const));
}

/** Formats every diagram under its title and a blank line, with a blank line between diagrams. Titles are never coloured. */
function formatAll(diagrams: readonly CourseDiagram[], style: DrawingStyle): string {
  return diagrams.map((diagram) => `${diagram.title}\n\n${renderNamed(diagram, style)}\n`).join('\n');
}

function findDiagram(name: string, diagrams: readonly CourseDiagram[]): CourseDiagram {
  const diagram = diagrams.find((candidate) => candidate.name === name);
  if (diagram !== undefined) {
    return diagram;
  }

  const names = diagrams.map((candidate) => candidate.name);
  throw new UsageError(`unknown diagram '${name}'; valid names: ${names.join(', ')}${formatSuggestion(name, names)}`);
}

/** Renders one diagram, naming it in any `DiagramError`. */
function renderNamed(diagram: CourseDiagram, style: DrawingStyle): string {
  try {
    return renderDiagram(diagram.model, { charset: style.charset, color: style.color });
  } catch (error) {
    if (error instanceof DiagramError) {
      throw new RenderError(`diagram '${diagram.name}'`, error);
    }

    throw error;
  }
}
