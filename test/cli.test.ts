import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatColumns } from '../src/cli/columns.js';
import { parseArguments } from '../src/cli/parse.js';
import { closestMatch, editDistance } from '../src/cli/suggest.js';
import { type OptionSpec, UsageError } from '../src/cli/types.js';
import { type CourseDiagram, courseDiagrams } from '../src/course/index.js';
import { box, type ColorLevel, DiagramError, type DiagramNode, MIN_WIDTH, minimumWidth, renderDiagram, renderWithDiagnostics, text } from '../src/index.js';
import { runInMemory, TEST_VERSION } from './support/cli-io.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const NAMES = courseDiagrams.map((diagram) => diagram.name);
const VALID_NAMES_MESSAGE = `valid names: ${NAMES.join(', ')}`;

/** Box Drawing (U+2500–U+257F) and Block Elements (U+2580–U+259F). */
const BOX_DRAWING = /[\u2500-\u259F]/gu;

/** Environment variables that decide the CLI's colour; child processes start without them. */
const COLOR_VARIABLES: readonly string[] = ['NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'TERM'];

/** A stack frame line as V8 prints it. */
const STACK_FRAME = /^\s+at /mu;

/** Runs the CLI in memory; the course tests read no files. */
const run = runInMemory;

function diagramNamed(name: string): CourseDiagram {
  const diagram = courseDiagrams.find((candidate) => candidate.name === name);
  if (diagram === undefined) {
    throw new Error(`course diagram '${name}' is missing from courseDiagrams`);
  }

  return diagram;
}

/** Formats the expected `course --all` output from the library directly. */
function expectedAll(charset: 'unicode' | 'ascii', color: ColorLevel = false): string {
  return courseDiagrams.map((diagram) => `${diagram.title}\n\n${renderDiagram(diagram.model, { charset, color })}\n`).join('\n');
}

/** Creates a diagram whose model getter throws `error`, so rendering it fails with that error. */
function failingDiagram(error: Error): CourseDiagram {
  return {
    name: 'broken',
    title: 'Broken',
    get model(): never {
      throw error;
    },
  };
}

/** Collects every string in a model: the labels, and also the ids and kinds, which are ASCII. */
function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }

  if (typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap(collectStrings);
  }

  return [];
}

/** Returns the box-drawing characters in `output` that no string of `model` contains. */
function boxDrawingOutsideLabels(output: string, model: unknown): string[] {
  const labelChars = new Set(collectStrings(model).flatMap((label) => Array.from(label)));
  const found = output.match(BOX_DRAWING) ?? [];

  return [...new Set(found)].filter((char) => !labelChars.has(char));
}

describe('runCli course --list', () => {
  it('prints one name and title per line', () => {
    const result = run(['course', '--list']);
    const lines = result.stdout.split('\n');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(9);
    expect(lines.map((line) => line.split(/\s+/u)[0])).toEqual(NAMES);
    for (const [index, diagram] of courseDiagrams.entries()) {
      expect(lines[index]?.endsWith(`  ${diagram.title}`)).toBe(true);
    }
  });

  it('aligns the titles in one column', () => {
    const lines = run(['course', '--list']).stdout.trimEnd().split('\n');
    const titleColumns = lines.map((line, index) => line.indexOf(courseDiagrams[index]?.title ?? '\0'));

    expect(new Set(titleColumns).size).toBe(1);
  });
});

describe('runCli course <name>', () => {
  it('renders the diagram with a final newline', () => {
    const diagram = diagramNamed('ml-pipeline');
    const result = run(['course', 'ml-pipeline']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${renderDiagram(diagram.model)}\n`);
  });

  it('writes stdout in one call', () => {
    expect(run(['course', 'ml-pipeline']).stdoutWrites).toBe(1);
  });

  it('renders ASCII with --ascii after the name', () => {
    const diagram = diagramNamed('ml-pipeline');
    const result = run(['course', 'ml-pipeline', '--ascii']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { charset: 'ascii' })}\n`);
  });

  it('accepts --ascii before the name', () => {
    expect(run(['course', '--ascii', 'ml-pipeline']).stdout).toBe(run(['course', 'ml-pipeline', '--ascii']).stdout);
  });

  it('renders every course diagram by name', () => {
    for (const diagram of courseDiagrams) {
      const result = run(['course', diagram.name]);

      expect(result.exitCode, diagram.name).toBe(0);
      expect(result.stdout, diagram.name).toBe(`${renderDiagram(diagram.model)}\n`);
    }
  });
});

describe('runCli course --all', () => {
  it('prints every diagram under its title', () => {
    const result = run(['course', '--all']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expectedAll('unicode'));
    expect(result.stdoutWrites).toBe(1);
  });

  it('starts with a title and a blank line', () => {
    const first = courseDiagrams[0];

    expect(run(['course', '--all']).stdout.startsWith(`${first?.title}\n\n`)).toBe(true);
  });

  it('separates diagrams by one blank line', () => {
    const stdout = run(['course', '--all']).stdout;

    for (const diagram of courseDiagrams.slice(1)) {
      expect(stdout).toContain(`\n\n${diagram.title}\n\n`);
    }

    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.endsWith('\n\n')).toBe(false);
  });

  it('renders ASCII with --ascii', () => {
    const result = run(['course', '--all', '--ascii']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(expectedAll('ascii'));
  });

  it('prints nothing for an empty diagram list', () => {
    const result = run(['course', '--all'], { diagrams: [] });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
  });
});

describe('runCli unknown diagram', () => {
  it('exits 2 and lists the valid names', () => {
    const result = run(['course', 'foo']);

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`termdiagram: unknown diagram 'foo'; ${VALID_NAMES_MESSAGE}\n`);
  });

  it('suggests a name within edit distance 2', () => {
    const result = run(['course', 'ml-pipline']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`termdiagram: unknown diagram 'ml-pipline'; ${VALID_NAMES_MESSAGE}\nDid you mean 'ml-pipeline'?\n`);
  });

  it('treats an argument after -- as a name', () => {
    const result = run(['course', '--', '--all']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown diagram '--all'");
  });
});

describe('runCli usage errors', () => {
  const cases: readonly { argv: string[]; message: string; help: string }[] = [
    { argv: [], message: 'missing command; valid commands: render, check, course', help: '--help' },
    { argv: ['draw'], message: "unknown command 'draw'; valid commands: render, check, course", help: '--help' },
    { argv: ['cours'], message: "unknown command 'cours'; valid commands: render, check, course\nDid you mean 'course'?", help: '--help' },
    { argv: ['--bogus'], message: "unknown option '--bogus'", help: '--help' },
    { argv: ['course'], message: 'missing diagram name; pass a name, --all for every diagram, or --list for the names', help: 'course --help' },
    { argv: ['course', '--bogus'], message: "unknown option '--bogus'", help: 'course --help' },
    { argv: ['course', '--asci', 'ml-pipeline'], message: "unknown option '--asci'\nDid you mean '--ascii'?", help: 'course --help' },
    { argv: ['course', '-x'], message: "unknown option '-x'", help: 'course --help' },
    {
      argv: ['course', 'ml-pipeline', '--all'],
      message: "pass either a diagram name or --all, not both (got 'ml-pipeline' and --all)",
      help: 'course --help',
    },
    { argv: ['course', 'a', 'b'], message: "expected one diagram name, got 2: 'a' 'b'", help: 'course --help' },
    {
      argv: ['course', '--list', 'ml-pipeline'],
      message: "--list takes no diagram name, but got 'ml-pipeline'; run 'termdiagram course ml-pipeline' to print it",
      help: 'course --help',
    },
    { argv: ['course', '--list', '--all'], message: '--list cannot be combined with --all, because it prints only names', help: 'course --help' },
    { argv: ['course', '--list', '--ascii'], message: '--list cannot be combined with --ascii, because it prints only names', help: 'course --help' },
    { argv: ['course', '--ascii=yes', 'ml-pipeline'], message: "option '--ascii' takes no value, but got '--ascii=yes'", help: 'course --help' },
    { argv: ['course', '--version'], message: "unknown option '--version'", help: 'course --help' },
    {
      argv: ['course', '--color=bogus', 'ml-pipeline'],
      message: "invalid --color value 'bogus'; use always, never, auto, 16, 256, truecolor",
      help: 'course --help',
    },
    { argv: ['course', '--color=', 'ml-pipeline'], message: "invalid --color value ''; use always, never, auto, 16, 256, truecolor", help: 'course --help' },
    { argv: ['course', '--no-color=yes', 'ml-pipeline'], message: "option '--no-color' takes no value, but got '--no-color=yes'", help: 'course --help' },
    { argv: ['course', '--colr', 'ml-pipeline'], message: "unknown option '--colr'\nDid you mean '--color'?", help: 'course --help' },
    { argv: ['course', '--no-colour', 'ml-pipeline'], message: "unknown option '--no-colour'\nDid you mean '--no-color'?", help: 'course --help' },
    {
      argv: ['course', '--list', '--color'],
      message: '--list cannot be combined with --color or --no-color, because it prints only names',
      help: 'course --help',
    },
    {
      argv: ['course', '--list', '--no-color'],
      message: '--list cannot be combined with --color or --no-color, because it prints only names',
      help: 'course --help',
    },
    { argv: ['course', '--list', '--width', '50'], message: '--list cannot be combined with --width, because it prints only names', help: 'course --help' },
    { argv: ['course', '--list', '--verbose'], message: '--list cannot be combined with --verbose, because it prints only names', help: 'course --help' },
    { argv: ['course', '--verbose=yes', 'ml-pipeline'], message: "option '--verbose' takes no value, but got '--verbose=yes'", help: 'course --help' },
    { argv: ['render', '--bogus'], message: "unknown option '--bogus'", help: 'render --help' },
    { argv: ['check', '--ascii'], message: "unknown option '--ascii'", help: 'check --help' },
  ];

  for (const { argv, message, help } of cases) {
    it(`rejects [${argv.join(' ')}]`, () => {
      const result = run(argv);

      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`termdiagram: ${message}\nRun 'termdiagram ${help}' for usage.\n`);
    });
  }
});

describe('runCli help and version', () => {
  it('prints global help for --help and -h', () => {
    for (const flag of ['--help', '-h']) {
      const result = run([flag]);

      expect(result.exitCode, flag).toBe(0);
      expect(result.stderr, flag).toBe('');
      expect(result.stdout, flag).toContain('Usage: termdiagram <command> [options]');
    }
  });

  it('lists commands, options and exit statuses in global help', () => {
    const stdout = run(['--help']).stdout;

    expect(stdout).toMatch(/^ {2}course +Print the diagrams of the MLOps course$/mu);
    expect(stdout).toMatch(/^ {2}-h, --help +Print this help and exit$/mu);
    expect(stdout).toMatch(/^ {2}-V, --version +Print the version and exit$/mu);
    expect(stdout).toMatch(/^ {2}TERMDIAGRAM_DEBUG=1 /mu);
    expect(stdout).toMatch(/^ {2}70 +Internal error/mu);
  });

  it('prints course help for course --help and -h', () => {
    for (const flag of ['--help', '-h']) {
      const result = run(['course', flag]);

      expect(result.exitCode, flag).toBe(0);
      expect(result.stdout, flag).toContain('Usage: termdiagram course <name> [--ascii]');
    }
  });

  it('lists every course option with its default', () => {
    const stdout = run(['course', '--help']).stdout;

    expect(stdout).toMatch(/^ {6}--list +\S/mu);
    expect(stdout).toMatch(/^ {6}--all +\S/mu);
    expect(stdout).toMatch(/^ {6}--ascii +.*\(default: Unicode box drawing\)$/mu);
    expect(stdout).toMatch(/^ {2}-h, --help +\S/mu);
  });

  it('lists --color and --no-color in course help', () => {
    const stdout = run(['course', '--help']).stdout;

    expect(stdout).toContain('Usage: termdiagram course <name> [--ascii] [--color[=WHEN]]');
    expect(stdout).toMatch(/^ {6}--color\[=WHEN\] +Colour the diagrams: always .*\(default: auto\)$/mu);
    expect(stdout).toMatch(/^ {6}--no-color +The same as --color=never$/mu);
    expect(stdout).toContain('NO_COLOR is unset or empty');
  });

  it('lists the colour variables in global help', () => {
    const stdout = run(['--help']).stdout;

    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'TERM']) {
      expect(stdout, name).toMatch(new RegExp(`^ {2}${name} +\\S`, 'mu'));
    }
  });

  it('lists render and check in global help', () => {
    const stdout = run(['--help']).stdout;

    expect(stdout).toMatch(/^ {2}render +Render a diagram model from a JSON file or standard input$/mu);
    expect(stdout).toMatch(/^ {2}check +Find broken joints and ragged borders in box-drawing text$/mu);
  });

  it('describes exit statuses 0, 1 and 2', () => {
    const stdout = run(['--help']).stdout;

    expect(stdout).toMatch(/^ {2}0 +Success, and for check, no problem found$/mu);
    expect(stdout).toMatch(/^ {2}1 +An input could not be read or rendered, or check found a problem$/mu);
    expect(stdout).toMatch(/^ {2}2 +Wrong usage, such as an unknown option, diagram name or --width value$/mu);
  });

  it('lists --width and --verbose for course and render', () => {
    for (const command of ['course', 'render']) {
      const stdout = run([command, '--help']).stdout;

      expect(stdout, command).toMatch(/^ {6}--width N +Fit each diagram in N terminal columns, a whole number of at least 10 \(default: the terminal's width when standard output is a terminal, else no limit\)$/mu);
      expect(stdout, command).toMatch(/^ {6}--verbose +Print each change made to fit the width on standard error, one per line$/mu);
      expect(stdout, command).toMatch(/^ {6}--ascii +\S/mu);
      expect(stdout, command).toMatch(/^ {6}--color\[=WHEN\] +\S/mu);
      expect(stdout, command).toContain('The width is --width N when given, else the width of the terminal');
    }
  });

  it('prints render help', () => {
    const result = run(['render', '--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: termdiagram render <file> [--ascii] [--color[=WHEN]] [--width N] [--verbose]\n');
    expect(result.stdout).toContain('       termdiagram render - [--ascii]');
    expect(result.stdout).toContain('An input over 10 MiB (10485760 bytes) is rejected.');
  });

  it('prints check help', () => {
    const result = run(['check', '-h']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: termdiagram check <file>... [--width N] [--verbose]\n');
    expect(result.stdout).toMatch(/^ {6}--width N +Also report lines wider than N terminal columns \(default: no limit\)$/mu);
    expect(result.stdout).toMatch(/^ {6}--verbose +Print '<file>: ok' for each file without a problem$/mu);
    expect(result.stdout).toContain('<file>:<line>:<column>: <message>');
  });

  it('prints help even after an unknown option', () => {
    const result = run(['course', '--bogus', '--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: termdiagram course');
  });

  it('ignores --help after --', () => {
    const result = run(['course', '--', '--help']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown diagram '--help'");
  });

  it('prints the version for --version and -V', () => {
    for (const flag of ['--version', '-V']) {
      const result = run([flag]);

      expect(result.exitCode, flag).toBe(0);
      expect(result.stdout, flag).toBe(`termdiagram ${TEST_VERSION}\n`);
    }
  });
});

describe('runCli course colour', () => {
  const cases: readonly { name: string; args: string[]; env: Record<string, string>; isTTY: boolean; color: ColorLevel }[] = [
    { name: 'plain when stdout is not a terminal', args: [], env: {}, isTTY: false, color: false },
    { name: '16 colours on a terminal', args: [], env: {}, isTTY: true, color: 16 },
    { name: '256 colours for a 256color TERM', args: [], env: { TERM: 'xterm-256color' }, isTTY: true, color: 256 },
    { name: 'truecolor for COLORTERM=truecolor', args: [], env: { COLORTERM: 'truecolor' }, isTTY: true, color: 'truecolor' },
    { name: 'truecolor for COLORTERM=24bit', args: [], env: { COLORTERM: '24bit' }, isTTY: true, color: 'truecolor' },
    { name: 'COLORTERM before TERM', args: [], env: { COLORTERM: 'truecolor', TERM: 'xterm-256color' }, isTTY: true, color: 'truecolor' },
    { name: '16 colours for another COLORTERM', args: [], env: { COLORTERM: 'yes' }, isTTY: true, color: 16 },
    { name: 'plain for NO_COLOR', args: [], env: { NO_COLOR: '1' }, isTTY: true, color: false },
    { name: 'colour for an empty NO_COLOR', args: [], env: { NO_COLOR: '' }, isTTY: true, color: 16 },
    { name: 'plain for TERM=dumb', args: [], env: { TERM: 'dumb' }, isTTY: true, color: false },
    { name: '16 colours for FORCE_COLOR=1', args: [], env: { FORCE_COLOR: '1' }, isTTY: false, color: 16 },
    { name: '256 colours for FORCE_COLOR=2', args: [], env: { FORCE_COLOR: '2' }, isTTY: false, color: 256 },
    { name: 'truecolor for FORCE_COLOR=3', args: [], env: { FORCE_COLOR: '3' }, isTTY: false, color: 'truecolor' },
    { name: '16 colours for FORCE_COLOR=true', args: [], env: { FORCE_COLOR: 'true' }, isTTY: false, color: 16 },
    { name: '16 colours for an empty FORCE_COLOR', args: [], env: { FORCE_COLOR: '' }, isTTY: false, color: 16 },
    { name: 'plain for FORCE_COLOR=0', args: [], env: { FORCE_COLOR: '0' }, isTTY: true, color: false },
    { name: 'plain for FORCE_COLOR=false', args: [], env: { FORCE_COLOR: 'false' }, isTTY: true, color: false },
    { name: 'FORCE_COLOR over NO_COLOR', args: [], env: { FORCE_COLOR: '2', NO_COLOR: '1' }, isTTY: false, color: 256 },
    { name: 'FORCE_COLOR over TERM', args: [], env: { FORCE_COLOR: '1', TERM: 'xterm-256color' }, isTTY: true, color: 16 },
    { name: 'FORCE_COLOR over TERM=dumb', args: [], env: { FORCE_COLOR: '1', TERM: 'dumb' }, isTTY: true, color: 16 },
    { name: '--color alone without a terminal', args: ['--color'], env: {}, isTTY: false, color: 16 },
    { name: '--color alone with a 256color TERM', args: ['--color'], env: { TERM: 'screen-256color' }, isTTY: false, color: 256 },
    { name: '--color=always over NO_COLOR', args: ['--color=always'], env: { NO_COLOR: '1' }, isTTY: false, color: 16 },
    { name: '--color=always over TERM=dumb', args: ['--color=always'], env: { TERM: 'dumb' }, isTTY: false, color: 16 },
    { name: '--color=always with FORCE_COLOR=2', args: ['--color=always'], env: { FORCE_COLOR: '2' }, isTTY: false, color: 256 },
    {
      name: '--color=always over FORCE_COLOR=0',
      args: ['--color=always'],
      env: { FORCE_COLOR: '0', COLORTERM: 'truecolor' },
      isTTY: false,
      color: 'truecolor',
    },
    { name: '--color=never on a terminal', args: ['--color=never'], env: { FORCE_COLOR: '3' }, isTTY: true, color: false },
    { name: '--no-color on a terminal', args: ['--no-color'], env: { FORCE_COLOR: '3' }, isTTY: true, color: false },
    { name: '--color=auto on a terminal', args: ['--color=auto'], env: {}, isTTY: true, color: 16 },
    { name: '--color=auto without a terminal', args: ['--color=auto'], env: {}, isTTY: false, color: false },
    { name: '--color=16', args: ['--color=16'], env: { COLORTERM: 'truecolor' }, isTTY: false, color: 16 },
    { name: '--color=256 over NO_COLOR', args: ['--color=256'], env: { NO_COLOR: '1' }, isTTY: false, color: 256 },
    { name: '--color=truecolor over FORCE_COLOR=0', args: ['--color=truecolor'], env: { FORCE_COLOR: '0' }, isTTY: false, color: 'truecolor' },
    { name: 'the last of --color and --no-color', args: ['--color', '--no-color'], env: {}, isTTY: false, color: false },
    { name: 'the last of --no-color and --color', args: ['--no-color', '--color'], env: {}, isTTY: false, color: 16 },
  ];

  const diagram = diagramNamed('ml-pipeline');

  for (const { name, args, env, isTTY, color } of cases) {
    it(name, () => {
      const result = run(['course', ...args, 'ml-pipeline'], { env, isTTY });

      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`${renderDiagram(diagram.model, { color })}\n`);
    });
  }

  it('reads the name after a bare --color', () => {
    expect(run(['course', '--color', 'ml-pipeline']).stdout).toBe(`${renderDiagram(diagram.model, { color: 16 })}\n`);
  });

  it('colours --ascii drawings', () => {
    const result = run(['course', 'ml-pipeline', '--ascii', '--color=256']);

    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { charset: 'ascii', color: 256 })}\n`);
  });

  it('colours --all but not the titles', () => {
    const result = run(['course', '--all'], { isTTY: true, env: { TERM: 'xterm-256color' } });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(expectedAll('unicode', 256));
    for (const title of courseDiagrams.map((entry) => entry.title)) {
      expect(result.stdout.split('\n'), title).toContain(title);
    }
  });

  it('never colours --list', () => {
    const result = run(['course', '--list'], { isTTY: true, env: { FORCE_COLOR: '3' } });

    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('runCli render failures', () => {
  const diagramError = new DiagramError('invalid-model', 'children[0]', "kind 'circle' is not a node kind; use 'box'");

  it('exits 1 with the DiagramError message', () => {
    const result = run(['course', 'broken'], { diagrams: [failingDiagram(diagramError)] });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`termdiagram: failed to render diagram 'broken': ${diagramError.message}\n`);
  });

  it('prints nothing on stdout when one diagram of --all fails', () => {
    const diagrams = [...courseDiagrams, failingDiagram(diagramError)];
    const result = run(['course', '--all'], { diagrams });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('exits 70 for any other error without a stack', () => {
    const result = run(['course', 'broken'], { diagrams: [failingDiagram(new TypeError('model is not iterable'))] });

    expect(result.exitCode).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('termdiagram: internal error: model is not iterable\nSet TERMDIAGRAM_DEBUG=1 to print the stack trace.\n');
  });

  it('prints the stack with TERMDIAGRAM_DEBUG=1', () => {
    const setup = { diagrams: [failingDiagram(new TypeError('model is not iterable'))], env: { TERMDIAGRAM_DEBUG: '1' } };
    const result = run(['course', 'broken'], setup);

    expect(result.exitCode).toBe(70);
    expect(result.stderr.startsWith('termdiagram: internal error: model is not iterable\nTypeError: model is not iterable\n')).toBe(true);
    expect(result.stderr).toMatch(STACK_FRAME);
  });

  it('hides the stack when TERMDIAGRAM_DEBUG is not 1', () => {
    const setup = { diagrams: [failingDiagram(new TypeError('boom'))], env: { TERMDIAGRAM_DEBUG: 'yes' } };

    expect(run(['course', 'broken'], setup).stderr).not.toMatch(STACK_FRAME);
  });

  it('reports a thrown non-Error value', () => {
    const diagram: CourseDiagram = {
      name: 'broken',
      title: 'Broken',
      get model(): never {
        throw 'not an Error object';
      },
    };
    const result = run(['course', 'broken'], { diagrams: [diagram] });

    expect(result.exitCode).toBe(70);
    expect(result.stderr).toContain('termdiagram: internal error: not an Error object\n');
  });
});

describe('runCli course --width', () => {
  const diagram = diagramNamed('ml-pipeline');

  it('fits the diagram in N columns', () => {
    const result = run(['course', 'ml-pipeline', '--width', '50']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { width: 50 })}\n`);
  });

  it('accepts --width=N', () => {
    expect(run(['course', 'ml-pipeline', '--width=50']).stdout).toBe(run(['course', 'ml-pipeline', '--width', '50']).stdout);
  });

  it('uses the terminal width on a terminal', () => {
    const result = run(['course', 'ml-pipeline', '--no-color'], { isTTY: true, columns: 60 });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { width: 60 })}\n`);
  });

  it('ignores columns when stdout is not a terminal', () => {
    const result = run(['course', 'ml-pipeline'], { isTTY: false, columns: 40 });

    expect(result.stdout).toBe(`${renderDiagram(diagram.model)}\n`);
  });

  it('draws at natural width on a terminal of unknown width', () => {
    for (const columns of [undefined, 0]) {
      const result = run(['course', 'ml-pipeline', '--no-color'], { isTTY: true, columns });

      expect(result.exitCode, String(columns)).toBe(0);
      expect(result.stdout, String(columns)).toBe(`${renderDiagram(diagram.model)}\n`);
    }
  });

  it('prefers --width over the terminal', () => {
    const result = run(['course', 'ml-pipeline', '--no-color', '--width', '70'], { isTTY: true, columns: 40 });

    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { width: 70 })}\n`);
  });

  it('fits every diagram of --all', () => {
    const result = run(['course', '--all', '--width', '50']);
    const expected = courseDiagrams.map((entry) => `${entry.title}\n\n${renderDiagram(entry.model, { width: 50 })}\n`).join('\n');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('rejects a terminal narrower than 10 columns', () => {
    const result = run(['course', 'ml-pipeline'], { isTTY: true, columns: 8 });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('termdiagram: the terminal is 8 columns wide, below the minimum of 10; widen it, or pass --width 10 or more\n');
  });

  it('accepts --width on a narrow terminal', () => {
    const result = run(['course', 'ml-pipeline', '--no-color', '--width', '80'], { isTTY: true, columns: 8 });

    expect(result.exitCode).toBe(0);
  });

  const badValues: readonly string[] = ['abc', '', '10.5', '-3', '+40', '1e3', ' 40', '0x40', '99999999999999999999'];

  for (const value of badValues) {
    it(`rejects --width='${value}'`, () => {
      const result = run(['course', 'ml-pipeline', `--width=${value}`]);

      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `termdiagram: invalid --width value '${value}'; pass a whole number of columns, such as --width 80\nRun 'termdiagram course --help' for usage.\n`,
      );
    });
  }

  it('rejects a width below the minimum', () => {
    for (const value of ['0', '9']) {
      const result = run(['course', 'ml-pipeline', '--width', value]);

      expect(result.exitCode, value).toBe(2);
      expect(result.stderr, value).toBe(
        `termdiagram: --width ${value} is below the minimum of ${MIN_WIDTH} columns; pass --width ${MIN_WIDTH} or more\nRun 'termdiagram course --help' for usage.\n`,
      );
    }
  });

  it('rejects --width without a value', () => {
    const result = run(['course', 'ml-pipeline', '--width']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("option '--width' requires a value, as in '--width N'");
  });
});

describe('runCli course diagram too wide', () => {
  const diagram = diagramNamed('deployment-architecture');
  const minimum = minimumWidth(diagram.model);

  it('names the minimum and --width', () => {
    const result = run(['course', diagram.name, '--width', String(minimum - 1)]);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `termdiagram: failed to render diagram '${diagram.name}': the diagram needs at least ${minimum} columns, but --width is ${minimum - 1}; pass --width ${minimum} or more\n`,
    );
  });

  it('names the terminal when its width is used', () => {
    const result = run(['course', diagram.name, '--no-color'], { isTTY: true, columns: minimum - 1 });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `termdiagram: failed to render diagram '${diagram.name}': the diagram needs at least ${minimum} columns, ` +
        `but the terminal is ${minimum - 1} columns wide; widen the terminal to ${minimum} columns, or pass --width ${minimum} or more\n`,
    );
  });

  it('prints no stack trace', () => {
    expect(run(['course', diagram.name, '--width', '10']).stderr).not.toMatch(STACK_FRAME);
  });
});

describe('runCli course --verbose', () => {
  /** Formats the verbose lines expected for one diagram at `width`, from the library directly. */
  function expectedNotes(entry: CourseDiagram, width: number): string {
    return renderWithDiagnostics(entry.model, { width })
      .diagnostics.map((item) => `termdiagram: ${entry.name}: ${item.path === '' ? 'root' : item.path}: ${item.change}: ${item.message}\n`)
      .join('');
  }

  it('prints each layout diagnostic on stderr', () => {
    const diagram = diagramNamed('ml-pipeline');
    const result = run(['course', 'ml-pipeline', '--width', '50', '--verbose']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toBe('');
    expect(result.stderr).toBe(expectedNotes(diagram, 50));
    expect(result.stdout).toBe(`${renderDiagram(diagram.model, { width: 50 })}\n`);
  });

  it('writes one line per diagnostic', () => {
    const diagram = diagramNamed('ml-pipeline');
    const lines = run(['course', 'ml-pipeline', '--width', '50', '--verbose']).stderr.trimEnd().split('\n');

    expect(lines).toHaveLength(renderWithDiagnostics(diagram.model, { width: 50 }).diagnostics.length);
    for (const line of lines) {
      expect(line).toMatch(/^termdiagram: ml-pipeline: \S+: (compacted|wrapped|scaled|reflowed|truncated): \S/u);
    }
  });

  it('names the root node root', () => {
    const stderr = run(['course', 'five-pillars', '--width', '50', '--verbose']).stderr;

    expect(stderr).toContain('termdiagram: five-pillars: root: compacted: ');
  });

  it('covers every diagram of --all', () => {
    const result = run(['course', '--all', '--width', '50', '--verbose']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(courseDiagrams.map((entry) => expectedNotes(entry, 50)).join(''));
    expect(result.stderrWrites).toBe(1);
    expect(result.stdoutWrites).toBe(1);
  });

  it('prints nothing for a diagram that fits', () => {
    const result = run(['course', 'ml-pipeline', '--verbose']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints nothing without --verbose', () => {
    expect(run(['course', 'ml-pipeline', '--width', '50']).stderr).toBe('');
  });
});

describe('parseArguments', () => {
  const specs: readonly OptionSpec[] = [
    { name: 'width', short: 'w', type: 'string', valueName: 'N', description: 'Width in columns' },
    { name: 'verbose', type: 'boolean', description: 'Print more' },
  ];

  it('reads string values in every form', () => {
    for (const args of [['--width', '40'], ['--width=40'], ['-w', '40']]) {
      expect(parseArguments(args, specs, 'x --help').options, args.join(' ')).toEqual({ width: '40' });
    }
  });

  it('keeps an empty inline value', () => {
    expect(parseArguments(['--width='], specs, 'x --help').options).toEqual({ width: '' });
  });

  it('rejects a string option without a value', () => {
    expect(() => parseArguments(['--width'], specs, 'x --help')).toThrow("option '--width' requires a value, as in '--width N'");
  });

  it('points errors to the given help arguments', () => {
    try {
      parseArguments(['--height'], specs, 'render --help');
      expect.unreachable('parseArguments accepted --height');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).helpArguments).toBe('render --help');
    }
  });

  it('keeps positionals in order around options', () => {
    const parsed = parseArguments(['a', '--verbose', 'b', '-', '--', '-w', '--verbose'], specs, 'x --help');

    expect(parsed.positionals).toEqual(['a', 'b', '-', '-w', '--verbose']);
    expect(parsed.options).toEqual({ verbose: true });
  });

  it('lets a repeated option keep its last value', () => {
    expect(parseArguments(['-w', '1', '--width', '2'], specs, 'x --help').options).toEqual({ width: '2' });
  });

  describe('optional values and negation', () => {
    const colorSpecs: readonly OptionSpec[] = [
      { name: 'color', type: 'optional-string', valueName: 'WHEN', negatedValue: 'never', description: 'Colour' },
      { name: 'verbose', type: 'boolean', description: 'Print more' },
    ];

    it('stores true for a bare optional-value option', () => {
      expect(parseArguments(['--color'], colorSpecs, 'x --help').options).toEqual({ color: true });
    });

    it('stores an inline value', () => {
      expect(parseArguments(['--color=256'], colorSpecs, 'x --help').options).toEqual({ color: '256' });
    });

    it('leaves the next argument a positional', () => {
      const parsed = parseArguments(['--color', 'always'], colorSpecs, 'x --help');

      expect(parsed.options).toEqual({ color: true });
      expect(parsed.positionals).toEqual(['always']);
    });

    it('stores the negated value for --no-<name>', () => {
      expect(parseArguments(['--no-color'], colorSpecs, 'x --help').options).toEqual({ color: 'never' });
    });

    it('rejects --no-<name> without a negated value', () => {
      expect(() => parseArguments(['--no-verbose'], colorSpecs, 'x --help')).toThrow("unknown option '--no-verbose'");
    });
  });
});

describe('editDistance and closestMatch', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('ml-pipline', 'ml-pipeline')).toBe(1);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(editDistance('😀a', '😃a')).toBe(1);
  });

  it('returns the unique closest candidate', () => {
    expect(closestMatch('data-drfit', NAMES)).toBe('data-drift');
  });

  it('returns undefined when nothing is within 2', () => {
    expect(closestMatch('pipeline', NAMES)).toBeUndefined();
  });

  it('returns undefined for a tie', () => {
    expect(closestMatch('ab', ['aa', 'bb'])).toBeUndefined();
  });
});

describe('formatColumns', () => {
  it('aligns by terminal width, not string length', () => {
    expect(formatColumns([['名前', 'wide'], ['abc', 'narrow']])).toBe('名前  wide\nabc   narrow\n');
  });

  it('drops trailing spaces of an empty second column', () => {
    expect(formatColumns([['long-name', ''], ['x', 'y']], '  ')).toBe('  long-name\n  x          y\n');
  });
});

describe('built CLI', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 180_000 });
  }, 200_000);

  /** Runs the built CLI with the colour variables of this process removed, then `env` added. */
  function runBuilt(args: readonly string[], cwd = REPO_ROOT, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !COLOR_VARIABLES.includes(name)));
    const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...inherited, ...env } });

    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('small stack is no changing model', () => {
    // A chain needs the link check, which recurses once per level, so a small stack overflows there. That is no changing model.
    const script = [
      "const library = await import('./dist/index.js');",
      'let tower = library.text("x");',
      'for (let level = 1; level < 300; level += 1) tower = library.row([tower]);',
      'const model = library.row({ chain: true }, [tower, library.box(library.text("y"))]);',
      'const outcome = (run) => { try { return JSON.stringify(run()); } catch (error) { return `${error.name}: ${error.message}`; } };',
      'console.log(outcome(() => library.validateDiagram(model, { maxDepth: 400 })));',
      'console.log(outcome(() => library.renderDiagram(model, { limits: { maxDepth: 400 } }).length > 0));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--stack-size=200', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    const [validated = '', rendered = ''] = result.stdout.trim().split('\n');

    expect(result.stderr).toBe('');
    expect(validated).not.toContain('a getter returns other values');
    expect(rendered).not.toContain('a getter returns other values');
    expect([validated, rendered]).toEqual([expect.stringMatching(/^(\[\]|RangeError: )/), expect.stringMatching(/^(true|DiagramError: drawing the model overflowed the call stack)/)]);
  });

  it('DiagramError matches across import and require', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const esm = await import('./dist/index.js');",
      "const cjs = createRequire(import.meta.url)('./dist/index.cjs');",
      'const caught = (library) => { try { library.renderDiagram({ kind: "nope" }); } catch (error) { return error; } };',
      'class Special extends esm.DiagramError {}',
      'console.log(JSON.stringify([',
      '  esm.DiagramError === cjs.DiagramError,',
      '  caught(esm) instanceof cjs.DiagramError,',
      '  caught(cjs) instanceof esm.DiagramError,',
      '  new Error("plain") instanceof esm.DiagramError,',
      '  caught(esm) instanceof Special,',
      "  new Special('invalid-model', '', 'm') instanceof cjs.DiagramError,",
      '  esm.DiagramError.name,',
      '  cjs.DiagramError.name,',
      ']));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([false, true, true, false, false, true, 'DiagramError', 'DiagramError']);
  });

  it('lists nine names', () => {
    const result = runBuilt(['course', '--list']);
    const names = result.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/u)[0]);

    expect(result.status).toBe(0);
    expect(names).toHaveLength(9);
    expect(names).toEqual(NAMES);
  });

  it('colours a pipe only when FORCE_COLOR asks', () => {
    const model = diagramNamed('ml-pipeline').model;
    const forced = runBuilt(['course', 'ml-pipeline'], REPO_ROOT, { FORCE_COLOR: '2' });
    const plain = runBuilt(['course', 'ml-pipeline'], REPO_ROOT, { TERM: 'xterm-256color', COLORTERM: 'truecolor' });

    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(`${renderDiagram(model, { color: 256 })}\n`);
    expect(plain.stdout).toBe(`${renderDiagram(model)}\n`);
  });

  it('renders ml-pipeline like the library', () => {
    const result = runBuilt(['course', 'ml-pipeline']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${renderDiagram(diagramNamed('ml-pipeline').model)}\n`);
  });

  it('draws no box-drawing characters with --ascii', () => {
    const diagram = diagramNamed('ml-pipeline');
    const stdout = runBuilt(['course', 'ml-pipeline', '--ascii']).stdout;

    expect(stdout.match(BOX_DRAWING)).toBeNull();
    expect(stdout).toBe(`${renderDiagram(diagram.model, { charset: 'ascii' })}\n`);
  });

  it('keeps box-drawing characters only in labels with --ascii', () => {
    for (const diagram of courseDiagrams) {
      const result = runBuilt(['course', diagram.name, '--ascii']);

      expect(result.status, diagram.name).toBe(0);
      expect(boxDrawingOutsideLabels(result.stdout, diagram.model), diagram.name).toEqual([]);
    }
  });

  it('renders --all --ascii like the library', () => {
    const result = runBuilt(['course', '--all', '--ascii']);

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expectedAll('ascii'));
  });

  it('exits 2 with the names for an unknown diagram', () => {
    const result = runBuilt(['course', 'foo']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`termdiagram: unknown diagram 'foo'; ${VALID_NAMES_MESSAGE}\n`);
  });

  it('prints the package version from another directory', () => {
    const result = runBuilt(['--version'], tmpdir());

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`termdiagram ${PACKAGE_VERSION}\n`);
  });

  it('prints help with exit 0', () => {
    const result = runBuilt(['--help']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('course');
    expect(result.stderr).toBe('');
  });

  it('exits 2 on wrong usage', () => {
    const result = runBuilt(['course', '--bogus']);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe("termdiagram: unknown option '--bogus'\nRun 'termdiagram course --help' for usage.\n");
  });

  it('renders a JSON file and standard input', () => {
    const directory = mkdtempSync(join(tmpdir(), 'termdiagram-cli-'));
    const model = { kind: 'row', chain: true, children: [box(text('Train')), box(text('Serve'))] };
    const path = join(directory, 'model.json');
    writeFileSync(path, JSON.stringify(model, null, 2));

    try {
      const fromFile = runBuilt(['render', path, '--width', '16', '--verbose']);
      const fromStdin = spawnSync(process.execPath, [BUILT_CLI, 'render', '-'], { input: JSON.stringify(model), encoding: 'utf8', timeout: 30_000 });

      expect(fromFile.status).toBe(0);
      expect(fromFile.stdout).toBe(`${renderDiagram(model as DiagramNode, { width: 16 })}\n`);
      expect(fromFile.stderr).toContain(`termdiagram: ${path}: `);
      expect(fromStdin.status).toBe(0);
      expect(fromStdin.stdout).toBe(`${renderDiagram(model as DiagramNode)}\n`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('reports a missing file with the system reason', () => {
    const result = runBuilt(['render', 'no-such-model.json']);

    expect(result.status).toBe(1);
    expect(result.stderr).toBe("termdiagram: cannot read 'no-such-model.json': no such file or directory (ENOENT)\n");
  });

  it('checks the golden files clean', () => {
    const result = runBuilt(['check', '--verbose', 'fixtures/course/ml-pipeline.txt', 'fixtures/width-60/ci-cd-pipeline.txt']);

    expect(result.status).toBe(0);
    expect(result.stdout).toBe('fixtures/course/ml-pipeline.txt: ok\nfixtures/width-60/ci-cd-pipeline.txt: ok\n');
  });

  it('exits 1 for a problem found by check', () => {
    const result = spawnSync(process.execPath, [BUILT_CLI, 'check', '-'], { input: '┌──┐\n│abc│\n└──┘\n', encoding: 'utf8', timeout: 30_000 });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe("<stdin>:2:4: expected the box's right border at column 4, under its top-right corner '┐', but found 'c'\n");
  });

  // /dev/full takes no data: every write fails with ENOSPC.
  it.runIf(existsSync('/dev/full'))('exits 74 when standard output fails', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BUILT_CLI, 'course', 'progress-tracker'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 30_000 });

      expect(result.status).toBe(74);
      expect(result.stderr).toMatch(/^termdiagram: failed to write to standard output: ENOSPC/);
    } finally {
      closeSync(full);
    }
  });

  /** Spawns `course --all`, lets `closeReader` close the pipe, and collects the exit status and stderr. */
  function runWithClosedReader(closeReader: (stdout: NodeJS.ReadableStream & { destroy(): void }) => void) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BUILT_CLI, 'course', '--all'], { cwd: REPO_ROOT });
      let stderr = '';

      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
      });
      closeReader(child.stdout);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        resolve({ code, signal, stderr });
      });
    });
  }

  it('survives a reader that closes after one chunk', async () => {
    // NOTE: `course --all` (about 20 KB) fits the 64 KiB Linux pipe buffer, so its one write can finish
    // before the reader closes and no EPIPE happens. The next test closes the pipe first to force one.
    const result = await runWithClosedReader((stdout) => {
      stdout.once('data', () => {
        stdout.destroy();
      });
    });

    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  it('survives a reader closed before the write', async () => {
    // Node's startup takes far longer than destroy(), so the pipe is closed before the CLI writes and its write fails with EPIPE.
    const result = await runWithClosedReader((stdout) => {
      stdout.destroy();
    });

    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  describe('code cache', () => {
    /** Runs `course --all` with TMPDIR set to `temporary`, so the cache lands there. */
    function runCourse(temporary: string, env: Record<string, string> = {}): string {
      return runBuilt(['course', '--all'], REPO_ROOT, { TMPDIR: temporary, ...env }).stdout;
    }

    function cacheFiles(temporary: string): string[] {
      const directory = join(temporary, `termdiagram-cache-${process.getuid?.() ?? ''}`);

      return existsSync(directory) ? readdirSync(directory) : [];
    }

    const expected = expectedAll('unicode');

    /** Calls `test` with a new temporary directory, removed afterwards. */
    function inTemporaryDirectory(test: (temporary: string) => void): void {
      const temporary = mkdtempSync(join(tmpdir(), 'termdiagram-cache-test-'));
      try {
        test(temporary);
      } finally {
        rmSync(temporary, { recursive: true, force: true });
      }
    }

    /** Copies the built launcher and bundle into `temporary`, changing the bundle with `edit`, and returns the launcher's path. */
    function copyBuiltCli(temporary: string, edit: (main: string) => string): string {
      const copy = join(temporary, 'dist');
      mkdirSync(copy);
      writeFileSync(join(copy, 'cli.cjs'), readFileSync(BUILT_CLI));
      writeFileSync(join(copy, 'cli-main.cjs'), edit(readFileSync(join(dirname(BUILT_CLI), 'cli-main.cjs'), 'utf8')));

      return join(copy, 'cli.cjs');
    }

    it.skipIf(process.getuid === undefined)('first run writes one private cache file', () => {
      inTemporaryDirectory((temporary) => {
        const output = runCourse(temporary);
        const directory = join(temporary, `termdiagram-cache-${process.getuid?.()}`);

        expect(output).toBe(runBuilt(['course', '--all'], REPO_ROOT, { NODE_DISABLE_COMPILE_CACHE: '1' }).stdout);
        expect(cacheFiles(temporary)).toHaveLength(1);
        expect(statSync(directory).mode & 0o777).toBe(0o700);
        expect(statSync(join(directory, cacheFiles(temporary)[0] ?? '')).mode & 0o777).toBe(0o600);
      });
    });

    it.skipIf(process.getuid === undefined)('second run reuses the cache', () => {
      inTemporaryDirectory((temporary) => {
        const first = runCourse(temporary);
        const file = join(temporary, `termdiagram-cache-${process.getuid?.()}`, cacheFiles(temporary)[0] ?? '');
        const written = statSync(file).mtimeMs;
        const second = runCourse(temporary);

        expect(second).toBe(first);
        expect(statSync(file).mtimeMs).toBe(written);
      });
    });

    it.skipIf(process.getuid === undefined)('corrupt cache is replaced', () => {
      inTemporaryDirectory((temporary) => {
        const first = runCourse(temporary);
        const file = join(temporary, `termdiagram-cache-${process.getuid?.()}`, cacheFiles(temporary)[0] ?? '');
        writeFileSync(file, 'not a code cache');

        expect(runCourse(temporary)).toBe(first);
        expect(readFileSync(file).length).toBeGreaterThan(1000);
      });
    });

    it.skipIf(process.getuid === undefined)('directory others can write is not used', () => {
      inTemporaryDirectory((temporary) => {
        const directory = join(temporary, `termdiagram-cache-${process.getuid?.()}`);
        mkdirSync(directory);
        chmodSync(directory, 0o777);

        expect(runCourse(temporary)).toBe(expected);
        expect(readdirSync(directory)).toEqual([]);
      });
    });

    it('disabled by NODE_DISABLE_COMPILE_CACHE', () => {
      inTemporaryDirectory((temporary) => {
        expect(runCourse(temporary, { NODE_DISABLE_COMPILE_CACHE: '1' })).toBe(expected);
        expect(readdirSync(temporary)).toEqual([]);
      });
    });

    it.skipIf(process.getuid === undefined)('damaged cache leaves output unchanged', () => {
      inTemporaryDirectory((temporary) => {
        runCourse(temporary);
        const file = join(temporary, `termdiagram-cache-${process.getuid?.()}`, cacheFiles(temporary)[0] ?? '');
        const good = readFileSync(file);
        // Node 20's V8 takes a cache with one flipped bit at some offsets and then crashes or draws wrongly.
        for (let step = 1; step <= 8; step += 1) {
          const damaged = Buffer.from(good);
          const offset = Math.floor((step * damaged.length) / 9);
          damaged[offset] = (damaged[offset] ?? 0) ^ 1;
          writeFileSync(file, damaged);
          const result = runBuilt(['course', '--all'], REPO_ROOT, { TMPDIR: temporary });

          expect(result.status, `exit status with byte ${offset} flipped`).toBe(0);
          expect(result.stdout, `output with byte ${offset} flipped`).toBe(expected);
        }
      });
    });

    it.skipIf(process.getuid === undefined)('edited bundle of the same size gets its own cache', () => {
      inTemporaryDirectory((temporary) => {
        // A change of the same length, as a one-character fix would be, and npm's fixed file time.
        const copy = copyBuiltCli(temporary, (main) => main.replace('Print the diagrams of the MLOps course', 'PRINT THE DIAGRAMS OF THE MLOPS COURSE'));
        const packed = new Date('1985-10-26T08:15:00Z');
        utimesSync(join(dirname(copy), 'cli-main.cjs'), packed, packed);
        utimesSync(join(dirname(BUILT_CLI), 'cli-main.cjs'), packed, packed);
        runBuilt(['--help'], REPO_ROOT, { TMPDIR: temporary });
        const edited = spawnSync(process.execPath, [copy, '--help'], { encoding: 'utf8', env: { ...process.env, TMPDIR: temporary } });

        expect(edited.stdout).toContain('PRINT THE DIAGRAMS OF THE MLOPS COURSE');
        expect(cacheFiles(temporary)).toHaveLength(2);
      });
    });

    it.skipIf(process.getuid === undefined)('cache that is not a regular file is not read', () => {
      inTemporaryDirectory((temporary) => {
        runCourse(temporary);
        const file = join(temporary, `termdiagram-cache-${process.getuid?.()}`, cacheFiles(temporary)[0] ?? '');
        rmSync(file);
        execFileSync('mkfifo', [file]);
        const result = spawnSync(process.execPath, [BUILT_CLI, 'course', '--all'], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, TMPDIR: temporary } });

        expect(result.status).toBe(0);
        expect(result.stdout).toBe(expected);
      });
    });

    it('launcher reached through a link finds the bundle', () => {
      inTemporaryDirectory((temporary) => {
        const link = join(temporary, 'termdiagram');
        symlinkSync(BUILT_CLI, link);
        const result = spawnSync(process.execPath, ['--preserve-symlinks-main', link, 'course', '--all'], { encoding: 'utf8', env: { ...process.env, TMPDIR: temporary } });

        expect(result.status).toBe(0);
        expect(result.stdout).toBe(expected);
      });
    });

    it.skipIf(process.getuid === undefined)('keeps three caches of other builds', () => {
      inTemporaryDirectory((temporary) => {
        const directory = join(temporary, `termdiagram-cache-${process.getuid?.()}`);
        mkdirSync(directory, { mode: 0o700 });
        for (let index = 0; index < 5; index += 1) {
          const old = join(directory, `cli-v0.0.${index}-x64-1-00000000.bin`);
          writeFileSync(old, 'old');
          utimesSync(old, new Date(2020, 0, 1 + index), new Date(2020, 0, 1 + index));
        }
        runCourse(temporary);

        expect(cacheFiles(temporary).sort()).toEqual(
          ['cli-v0.0.2-x64-1-00000000.bin', 'cli-v0.0.3-x64-1-00000000.bin', 'cli-v0.0.4-x64-1-00000000.bin', ...cacheFiles(temporary).filter((name) => !name.startsWith('cli-v0.0.'))].sort(),
        );
        expect(cacheFiles(temporary)).toHaveLength(4);
      });
    });

    it('missing temporary directory still runs', () => {
      const result = runBuilt(['course', '--all'], REPO_ROOT, { TMPDIR: '/nonexistent/termdiagram-test' });

      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
      expect(result.stderr).toBe('');
    });
  });
});
