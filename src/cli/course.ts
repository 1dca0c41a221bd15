import type { CourseDiagram } from '../course/registry.js';
import { DiagramError } from '../index.js';
import { formatColumns } from './columns.js';
import { DRAWING_HELP, DRAWING_OPTIONS, type Drawing, type DrawingSettings, drawModel, readDrawingSettings } from './drawing.js';
import { HELP_OPTION } from './help.js';
import { formatSuggestion } from './suggest.js';
import {
  type CliContext,
  type CommandHost,
  type CommandResult,
  type CommandSpec,
  ExitCode,
  type OptionValues,
  type ParsedArguments,
  RenderError,
  UsageError,
} from './types.js';

const HELP_ARGUMENTS = 'course --help';

/** Request of `termdiagram course`, read from its options and name after checking that they fit together. */
type CourseRequest =
  | { readonly kind: 'list' }
  | { readonly kind: 'all'; readonly settings: DrawingSettings }
  | { readonly kind: 'one'; readonly name: string; readonly settings: DrawingSettings };

/** Output of `course` before it becomes a `CommandResult`: the text for standard output and the verbose notes. */
interface CourseOutput {
  readonly stdout: string;
  readonly notes: string;
}

export const courseCommand: CommandSpec = {
  name: 'course',
  summary: 'Print the diagrams of the MLOps course',
  usage: [
    'course <name> [--ascii] [--color[=WHEN]] [--width N] [--verbose]',
    'course --all [--ascii] [--color[=WHEN]] [--width N] [--verbose]',
    'course --list',
  ],
  description: [
    'Prints one diagram of the MLOps course, or all of them, to standard output.',
    'Run with --list for the diagram names.',
    '',
    DRAWING_HELP,
  ].join('\n'),
  options: [
    { name: 'list', type: 'boolean', description: 'Print each diagram name and its title, one per line' },
    { name: 'all', type: 'boolean', description: 'Print every diagram under its title' },
    ...DRAWING_OPTIONS,
    HELP_OPTION,
  ],
  run: runCourse,
};

function runCourse(args: ParsedArguments, context: CliContext, host: CommandHost): CommandResult {
  const output = printCourse(readCourseRequest(args, host), context.diagrams);

  return { stdout: output.stdout, stderr: output.notes, exitCode: ExitCode.ok };
}

function printCourse(request: CourseRequest, diagrams: readonly CourseDiagram[]): CourseOutput {
  switch (request.kind) {
    case 'list':
      return { stdout: formatList(diagrams), notes: '' };
    case 'all':
      return formatAll(diagrams, request.settings);
    case 'one': {
      const drawing = drawNamed(findDiagram(request.name, diagrams), request.settings);

      return { stdout: `${drawing.text}\n`, notes: drawing.notes };
    }
  }
}

function readCourseRequest({ options, positionals }: ParsedArguments, host: CommandHost): CourseRequest {
  if (positionals.length > 1) {
    const quoted = positionals.map((name) => `'${name}'`).join(' ');
    throw new UsageError(`expected one diagram name, got ${positionals.length}: ${quoted}`, HELP_ARGUMENTS);
  }

  const name = positionals[0];

  if (options.list === true) {
    rejectWithList(name, options);
    return { kind: 'list' };
  }

  const settings = readDrawingSettings(options, host, HELP_ARGUMENTS);

  if (options.all === true) {
    if (name !== undefined) {
      throw new UsageError(`pass either a diagram name or --all, not both (got '${name}' and --all)`, HELP_ARGUMENTS);
    }

    return { kind: 'all', settings };
  }

  if (name === undefined) {
    throw new UsageError('missing diagram name; pass a name, --all for every diagram, or --list for the names', HELP_ARGUMENTS);
  }

  return { kind: 'one', name, settings };
}

/** Rejects what `--list` cannot be combined with, since it prints names and draws nothing. */
function rejectWithList(name: string | undefined, options: OptionValues): void {
  if (name !== undefined) {
    throw new UsageError(`--list takes no diagram name, but got '${name}'; run 'termdiagram course ${name}' to print it`, HELP_ARGUMENTS);
  }

  for (const [option, flag] of [
    ['all', '--all'],
    ['ascii', '--ascii'],
    ['color', '--color or --no-color'],
    ['width', '--width'],
    ['verbose', '--verbose'],
  ] as const) {
    if (options[option] !== undefined) {
      throw new UsageError(`--list cannot be combined with ${flag}, because it prints only names`, HELP_ARGUMENTS);
    }
  }
}

function formatList(diagrams: readonly CourseDiagram[]): string {
  return formatColumns(diagrams.map((diagram) => [diagram.name, diagram.title] as const));
}

/** Formats every diagram under its title and a blank line, with a blank line between diagrams. Titles are never coloured. */
function formatAll(diagrams: readonly CourseDiagram[], settings: DrawingSettings): CourseOutput {
  const drawings = diagrams.map((diagram) => drawNamed(diagram, settings));

  return {
    stdout: drawings.map((drawing, index) => `${diagrams[index]?.title}\n\n${drawing.text}\n`).join('\n'),
    notes: drawings.map((drawing) => drawing.notes).join(''),
  };
}

function findDiagram(name: string, diagrams: readonly CourseDiagram[]): CourseDiagram {
  const diagram = diagrams.find((candidate) => candidate.name === name);
  if (diagram !== undefined) {
    return diagram;
  }

  const names = diagrams.map((candidate) => candidate.name);
  throw new UsageError(`unknown diagram '${name}'; valid names: ${names.join(', ')}${formatSuggestion(name, names)}`);
}

/** Renders one diagram, naming it in its verbose notes and in any `DiagramError`. */
function drawNamed(diagram: CourseDiagram, settings: DrawingSettings): Drawing {
  try {
    return drawModel(diagram.model, settings, diagram.name);
  } catch (error) {
    if (error instanceof DiagramError) {
      throw new RenderError(`diagram '${diagram.name}'`, error);
    }

    throw error;
  }
}
