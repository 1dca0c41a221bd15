import { checkDiagram } from '../index.js';
import { HELP_OPTION, PROGRAM_NAME } from './help.js';
import { formatMebibytes, type Input, MAX_INPUT_BYTES, readInput, STDIN_ARGUMENT } from './input.js';
import { SKIP_MARKER, fencedCodeBlocks, isMarkdown } from './markdown.js';
import { CliError, type CliContext, type CommandHost, type CommandResult, type CommandSpec, ExitCode, type ParsedArguments, UsageError } from './types.js';
import { parseWidthOption } from './width.js';

const HELP_ARGUMENTS = 'check --help';

/** The narrowest `--width` that `check` accepts: any line is wider than zero columns. */
const MIN_CHECK_WIDTH = 1;

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Find broken joints and ragged borders in box-drawing text',
  usage: ['check <file>... [--width N] [--verbose]'],
  description: [
    'Checks box-drawing text for lines that stop short of a joint, joints whose',
    'arms meet no line, and boxes whose right border is out of line. Prints one',
    'problem per line as <file>:<line>:<column>: <message>, where the column',
    'counts terminal columns, so a wide character counts two.',
    '',
    'A file whose name ends in .md or .markdown, or that contains a ``` fence,',
    'is Markdown: only its fenced code blocks, fenced with ``` or ~~~, are',
    'checked, and lines are counted in the whole file. A block is skipped when',
    `the line ${SKIP_MARKER} is right above its fence, alone or`,
    'among other comment lines. Any other file is checked whole. - reads',
    'standard input.',
    '',
    `An input over ${formatMebibytes(MAX_INPUT_BYTES)} is rejected.`,
    '',
    'Exits with 0 when no file has a problem, 1 when one does or cannot be read,',
    'and 2 on wrong usage.',
  ].join('\n'),
  options: [
    {
      name: 'width',
      type: 'string',
      valueName: 'N',
      description: 'Also report lines wider than N terminal columns',
      defaultText: 'no limit',
    },
    { name: 'verbose', type: 'boolean', description: "Print '<file>: ok' for each file without a problem" },
    HELP_OPTION,
  ],
  run: runCheck,
};

/** The outcome of checking one file: problem lines for standard output, or an error line for standard error. */
interface FileReport {
  readonly stdout: string;
  readonly stderr: string;
  readonly failed: boolean;
}

function runCheck({ options, positionals }: ParsedArguments, _context: CliContext, host: CommandHost): CommandResult {
  const paths = readPaths(positionals);
  const width = parseWidthOption(options.width, MIN_CHECK_WIDTH, HELP_ARGUMENTS);
  const verbose = options.verbose === true;
  const reports = paths.map((path) => checkPath(path, host, width, verbose));

  return {
    stdout: reports.map((report) => report.stdout).join(''),
    stderr: reports.map((report) => report.stderr).join(''),
    exitCode: reports.some((report) => report.failed) ? ExitCode.failed : ExitCode.ok,
  };
}

function readPaths(positionals: readonly string[]): readonly string[] {
  if (positionals.length === 0) {
    throw new UsageError(`missing file; pass one or more files, or ${STDIN_ARGUMENT} for standard input`, HELP_ARGUMENTS);
  }

  if (positionals.filter((path) => path === STDIN_ARGUMENT).length > 1) {
    throw new UsageError(`${STDIN_ARGUMENT} is given more than once, but standard input can be read only once; pass it once`, HELP_ARGUMENTS);
  }

  return positionals;
}

/** Checks one file. A file that cannot be read is reported and the other files are still checked. */
function checkPath(path: string, host: CommandHost, width: number | undefined, verbose: boolean): FileReport {
  let input: Input;
  try {
    input = readInput(path, host);
  } catch (error) {
    if (error instanceof CliError) {
      return { stdout: '', stderr: `${PROGRAM_NAME}: ${error.message}\n`, failed: true };
    }

    throw error;
  }

  const problems = findProblems(input.text, input.name, width);
  if (problems.length === 0) {
    return { stdout: verbose ? `${input.name}: ok\n` : '', stderr: '', failed: false };
  }

  const lines = problems.map((problem) => `${input.name}:${problem.line}:${problem.column}: ${problem.message}\n`);

  return { stdout: lines.join(''), stderr: '', failed: true };
}

/** A problem at a 1-based line of the whole file. */
interface FileProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Checks a whole text file, or each fenced code block of a Markdown file, with lines counted in the file. */
export function findProblems(text: string, name: string, width: number | undefined): FileProblem[] {
  const normalized = text.replaceAll('\r\n', '\n');
  const options = width === undefined ? {} : { width };

  if (!isMarkdown(name, normalized)) {
    return checkDiagram(normalized, options);
  }

  return fencedCodeBlocks(normalized).flatMap((block) =>
    checkDiagram(block.text, options).map((problem) => ({ ...problem, line: problem.line + block.firstLine - 1 })),
  );
}
