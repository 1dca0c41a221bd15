import { DiagramError, type DiagramNode, validateDiagram } from '../index.js';
import { DRAWING_HELP, DRAWING_OPTIONS, type Drawing, type DrawingSettings, drawModel, readDrawingSettings } from './drawing.js';
import { HELP_OPTION, PROGRAM_NAME } from './help.js';
import { formatMebibytes, MAX_INPUT_BYTES, readInput, STDIN_ARGUMENT } from './input.js';
import { parseJson } from './json.js';
import { CliError, type CliContext, type CommandHost, type CommandResult, type CommandSpec, ExitCode, type ParsedArguments, UsageError } from './types.js';

const HELP_ARGUMENTS = 'render --help';

export const renderCommand: CommandSpec = {
  name: 'render',
  summary: 'Render a diagram model from a JSON file or standard input',
  usage: ['render <file> [--ascii] [--color[=WHEN]] [--width N] [--verbose]', 'render - [--ascii] [--color[=WHEN]] [--width N] [--verbose]'],
  description: [
    'Reads one diagram model, a JSON object whose kind is box, row, column,',
    'grid or another node kind, from <file>, or from standard input for -, and',
    'prints it to standard output. Every problem of an invalid model is printed,',
    'one per line, as <file>: <path>: <message>.',
    '',
    `An input over ${formatMebibytes(MAX_INPUT_BYTES)} is rejected.`,
    '',
    DRAWING_HELP,
  ].join('\n'),
  options: [...DRAWING_OPTIONS, HELP_OPTION],
  run: runRender,
};

function runRender({ options, positionals }: ParsedArguments, _context: CliContext, host: CommandHost): CommandResult {
  const path = readOnePath(positionals);
  const settings = readDrawingSettings(options, host, HELP_ARGUMENTS);
  const input = readInput(path, host);
  if (input.text.trim() === '') {
    throw new CliError(`${input.name} is empty; write a diagram model in it, such as {"kind": "text", "text": "Hello"}`);
  }

  const model = parseJson(input.text, input.name);

  const problems = formatModelProblems(model, input.name);
  if (problems !== '') {
    return { stdout: '', stderr: problems, exitCode: ExitCode.failed };
  }

  const drawing = drawFile(model as DiagramNode, settings, input.name);

  return { stdout: `${drawing.text}\n`, stderr: drawing.notes, exitCode: ExitCode.ok };
}

function readOnePath(positionals: readonly string[]): string {
  const [path, ...extra] = positionals;

  if (path === undefined) {
    throw new UsageError(`missing input file; pass a JSON file, or ${STDIN_ARGUMENT} for standard input`, HELP_ARGUMENTS);
  }

  if (extra.length > 0) {
    const quoted = positionals.map((name) => `'${name}'`).join(' ');
    throw new UsageError(`expected one input file, got ${positionals.length}: ${quoted}; render one file per run`, HELP_ARGUMENTS);
  }

  return path;
}

/** Formats every problem of an invalid model as `termdiagram: <name>: <path>: <message>`, one per line, or returns ''. */
function formatModelProblems(model: unknown, name: string): string {
  return validateDiagram(model)
    .map((problem) => {
      const location = problem.path === '' ? name : `${name}: ${problem.path}`;

      return `${PROGRAM_NAME}: ${location}: ${problem.message}\n`;
    })
    .join('');
}

/** Renders a validated model, naming the input in any `DiagramError`. */
function drawFile(model: DiagramNode, settings: DrawingSettings, name: string): Drawing {
  try {
    return drawModel(model, settings, name);
  } catch (error) {
    if (error instanceof DiagramError) {
      throw new CliError(`${name}: ${error.message}`);
    }

    throw error;
  }
}
