import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findProblems } from '../src/cli/check.js';
import { MAX_INPUT_BYTES } from '../src/cli/input.js';
import { SKIP_MARKER, fencedCodeBlocks, isMarkdown } from '../src/cli/markdown.js';
import { readmeBlockAfter, runInMemory } from './support/cli-io.js';

const CLEAN_BOX = ['┌────┐', '│ ok │', '└────┘', ''].join('\n');
const RAGGED_BOX = ['┌────┐', '│ wide│', '└────┘', ''].join('\n');
const RAGGED_MESSAGE = "expected the box's right border at column 6, under its top-right corner '┐', but found 'e'";

/** A copy of the course's Markdown page of drawings, with its headings, prose and fences. */
const SEED = readFileSync(fileURLToPath(new URL('../fixtures/check/seed.md', import.meta.url)), 'utf8');

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

function check(args: readonly string[], files: Record<string, string>, stdin?: string) {
  return runInMemory(['check', ...args], { files, stdin });
}

describe('runCli check on text files', () => {
  it('prints nothing and exits 0 for a clean file', () => {
    const result = check(['box.txt'], { 'box.txt': CLEAN_BOX });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('prints ok for a clean file with --verbose', () => {
    const result = check(['box.txt', '--verbose'], { 'box.txt': CLEAN_BOX });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('box.txt: ok\n');
  });

  it('prints FILE:LINE:COLUMN and exits 1 for a problem', () => {
    const result = check(['bad.txt'], { 'bad.txt': RAGGED_BOX });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(`bad.txt:2:6: ${RAGGED_MESSAGE}\n`);
    expect(result.stderr).toBe('');
  });

  it('checks every file and writes stdout once', () => {
    const result = check(['a.txt', 'b.txt', 'c.txt', '--verbose'], { 'a.txt': CLEAN_BOX, 'b.txt': RAGGED_BOX, 'c.txt': CLEAN_BOX });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(`a.txt: ok\nb.txt:2:6: ${RAGGED_MESSAGE}\nc.txt: ok\n`);
    expect(result.stdoutWrites).toBe(1);
  });

  it('reports lines wider than --width', () => {
    const result = check(['box.txt', '--width', '5'], { 'box.txt': CLEAN_BOX });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      [1, 2, 3].map((line) => `box.txt:${line}:6: line is 6 columns wide, over the width of 5\n`).join(''),
    );
  });

  it('passes lines as wide as --width', () => {
    expect(check(['box.txt', '--width=6'], { 'box.txt': CLEAN_BOX }).exitCode).toBe(0);
  });

  it('reads CRLF line endings like LF', () => {
    const result = check(['crlf.txt'], { 'crlf.txt': RAGGED_BOX.replaceAll('\n', '\r\n') });

    expect(result.stdout).toBe(`crlf.txt:2:6: ${RAGGED_MESSAGE}\n`);
  });

  it('reads standard input for -', () => {
    const result = check(['-'], {}, RAGGED_BOX);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(`<stdin>:2:6: ${RAGGED_MESSAGE}\n`);
  });

  it('checks a text file with tilde lines whole', () => {
    const drawing = ['~~~', '┌──┐', '│ab │', '└──┘', '~~~'].join('\n');

    expect(check(['waves.txt'], { 'waves.txt': drawing }).stdout).toMatch(/^waves\.txt:3:4: /mu);
  });
});

describe('runCli check failures', () => {
  it('reports an unreadable file and checks the rest', () => {
    const result = check(['missing.txt', 'bad.txt'], { 'bad.txt': RAGGED_BOX });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("termdiagram: cannot read 'missing.txt': no such file or directory (ENOENT)\n");
    expect(result.stdout).toBe(`bad.txt:2:6: ${RAGGED_MESSAGE}\n`);
  });

  it('exits 1 when only reading fails', () => {
    const result = check(['missing.txt', 'box.txt'], { 'box.txt': CLEAN_BOX });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('rejects a file over the input limit', () => {
    const result = check(['big.txt'], { 'big.txt': 'x'.repeat(MAX_INPUT_BYTES + 1) });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("termdiagram: 'big.txt' is larger than 10 MiB (10485760 bytes), the limit for one input; pass a smaller file\n");
  });

  const usageCases: readonly { argv: string[]; message: string }[] = [
    { argv: ['check'], message: 'missing file; pass one or more files, or - for standard input' },
    { argv: ['check', '-', '-'], message: '- is given more than once, but standard input can be read only once; pass it once' },
    { argv: ['check', 'a.txt', '--width', 'x'], message: "invalid --width value 'x'; pass a whole number of columns, such as --width 80" },
    { argv: ['check', 'a.txt', '--width', '0'], message: '--width 0 is below the minimum of 1 column; pass --width 1 or more' },
    { argv: ['check', 'a.txt', '--color'], message: "unknown option '--color'" },
  ];

  for (const { argv, message } of usageCases) {
    it(`rejects [${argv.join(' ')}]`, () => {
      const result = runInMemory(argv);

      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`termdiagram: ${message}\nRun 'termdiagram check --help' for usage.\n`);
    });
  }
});

describe('runCli check on Markdown', () => {
  const page = [
    '# Drawings',
    '',
    'Prose with a stray │ under nothing and a ┐ is not checked.',
    '',
    '```text',
    '┌────┐',
    '│ wide│',
    '└────┘',
    '```',
    '',
    '~~~',
    '┌────┐',
    '│ ok │',
    '└────┘',
    '~~~',
    '',
  ].join('\n');

  it('checks only fenced blocks and counts lines in the file', () => {
    const result = check(['page.md'], { 'page.md': page });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(`page.md:7:6: ${RAGGED_MESSAGE}\n`);
  });

  it('reads a .txt file with ``` fences as Markdown', () => {
    expect(check(['page.txt'], { 'page.txt': page }).stdout).toBe(`page.txt:7:6: ${RAGGED_MESSAGE}\n`);
  });

  it('reads Markdown from standard input', () => {
    expect(check(['-'], {}, page).stdout).toBe(`<stdin>:7:6: ${RAGGED_MESSAGE}\n`);
  });

  it('reports too-wide lines in blocks only', () => {
    const result = check(['page.md', '--width', '6'], { 'page.md': page });

    expect(result.stdout).toBe(`page.md:7:6: ${RAGGED_MESSAGE}\npage.md:7:7: line is 7 columns wide, over the width of 6\n`);
  });

  it('passes a Markdown file without code blocks', () => {
    const result = check(['notes.md', '--verbose'], { 'notes.md': '# Notes\n\n│ prose only ─┐\n' });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('notes.md: ok\n');
  });
});

describe('runCli check on the course page', () => {
  const result = check(['seed.md'], { 'seed.md': SEED });
  const problems = result.stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [, lineNumber = '0', column = '0', message = ''] = /^seed\.md:(\d+):(\d+): (.*)$/u.exec(line) ?? [];

      return { line: Number(lineNumber), column: Number(column), message };
    });

  /** Returns the problems between two lines of the file, both included. */
  function problemsIn(first: number, last: number) {
    return problems.filter((problem) => problem.line >= first && problem.line <= last);
  }

  it('exits 1 with one problem per line', () => {
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    expect(problems.every((problem) => problem.line > 0 && problem.message !== '')).toBe(true);
  });

  it('reports the ragged Principles box', () => {
    expect(problems).toContainEqual({
      line: 25,
      column: 15,
      message: "expected the box's right border at column 15, under its top-right corner '┐', but found 's'",
    });
  });

  it('reports the connectors under Principles and MLflow', () => {
    for (const column of [10, 32]) {
      expect(problems, `column ${column}`).toContainEqual({ line: 27, column, message: "'│' points up at '─', which has no line back" });
    }
  });

  it('reports the ML pipeline box borders', () => {
    const arrowsIntoBorders = problemsIn(81, 81).map((problem) => problem.column);

    expect(arrowsIntoBorders).toEqual([17, 30, 43, 56, 69]);
    expect(problemsIn(88, 89).map((problem) => `${problem.line}:${problem.column}`)).toEqual(['88:55', '89:55']);
  });

  it('reports the CI/CD block', () => {
    const lines = new Set(problemsIn(182, 205).map((problem) => problem.line));

    expect(problems).toContainEqual({
      line: 187,
      column: 48,
      message: "expected the box's right border at column 48, under its top-right corner '┐', but found 'T'",
    });
    expect([...lines]).toEqual([186, 187, 188, 189, 190, 201]);
  });

  it('reports the training and serving blocks', () => {
    const ragged = problemsIn(213, 237).filter((problem) => problem.message.startsWith("expected the box's right border"));

    expect(ragged.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '215:71',
      '216:66',
      '216:71',
      '217:28',
      '217:66',
      '217:71',
      '218:66',
      '218:71',
      '219:66',
      '220:71',
      '229:71',
      '230:71',
      '231:18',
      '231:71',
      '232:71',
      '233:66',
      '234:71',
    ]);
  });

  it('reports nothing in the clean blocks', () => {
    const cleanBlocks: readonly (readonly [string, number, number])[] = [
      ['The 5 Pillars of MLOps', 47, 68],
      ['Model Lifecycle', 138, 153],
      ['Data Drift Detection', 159, 175],
      ['Progress Tracker', 244, 257],
    ];

    for (const [heading, first, last] of cleanBlocks) {
      expect(problemsIn(first, last), heading).toEqual([]);
    }
  });

  it('reports nothing outside the code blocks', () => {
    const blockLines = new Set(fencedCodeBlocks(SEED).flatMap((block) => block.text.split('\n').map((_, index) => block.firstLine + index)));

    expect(problems.filter((problem) => !blockLines.has(problem.line))).toEqual([]);
  });
});

describe('README check example', () => {
  it('shows lines that check prints', () => {
    const [command = '', ...shown] = readmeBlockAfter('cli: check fixtures/check/seed.md').split('\n');
    const result = check(['fixtures/check/seed.md'], { 'fixtures/check/seed.md': SEED });
    const printed = result.stdout.split('\n');

    expect(command).toBe('$ termdiagram check fixtures/check/seed.md');
    for (const line of shown.filter((entry) => entry !== '...')) {
      expect(printed).toContain(line);
    }
  });
});

describe('fencedCodeBlocks', () => {
  it('finds backtick and tilde blocks with their first line', () => {
    const text = ['intro', '```', 'a', 'b', '```', 'prose', '~~~ text', 'c', '~~~'].join('\n');

    expect(fencedCodeBlocks(text)).toEqual([
      { firstLine: 3, text: 'a\nb' },
      { firstLine: 8, text: 'c' },
    ]);
  });

  it('closes a block only with the same character, at least as long', () => {
    const text = ['````', '```', '~~~', '````', 'after'].join('\n');

    expect(fencedCodeBlocks(text)).toEqual([{ firstLine: 2, text: '```\n~~~' }]);
  });

  it('runs an unclosed block to the end', () => {
    expect(fencedCodeBlocks('```\na\nb')).toEqual([{ firstLine: 2, text: 'a\nb' }]);
  });

  it('accepts up to three spaces before a fence', () => {
    expect(fencedCodeBlocks('   ```\na\n   ```')).toEqual([{ firstLine: 2, text: 'a' }]);
    // The indented line is text, so the last fence opens a block that runs to the end.
    expect(fencedCodeBlocks('    ```\na\n```')).toEqual([{ firstLine: 4, text: '' }]);
  });

  it('rejects a backtick info string with a backtick', () => {
    expect(fencedCodeBlocks('``` a`b\nx\n```')).toEqual([{ firstLine: 4, text: '' }]);
  });

  it('keeps an empty block', () => {
    expect(fencedCodeBlocks('```\n```')).toEqual([{ firstLine: 2, text: '' }]);
  });

  it('skips a block under the skip marker', () => {
    const text = ['intro', SKIP_MARKER, '```', 'a', '```', '```', 'b', '```'].join('\n');

    expect(fencedCodeBlocks(text)).toEqual([{ firstLine: 7, text: 'b' }]);
  });

  it('skips with other comments between', () => {
    const text = [SKIP_MARKER, '<!-- cli: check x.md -->', '  ```text', 'a', '```'].join('\n');

    expect(fencedCodeBlocks(text)).toEqual([]);
  });

  it('keeps a block the marker does not touch', () => {
    const apart = [SKIP_MARKER, '', '```', 'a', '```'].join('\n');
    const inProse = [`see ${SKIP_MARKER}`, '```', 'a', '```'].join('\n');

    expect(fencedCodeBlocks(apart)).toEqual([{ firstLine: 4, text: 'a' }]);
    expect(fencedCodeBlocks(inProse)).toEqual([{ firstLine: 3, text: 'a' }]);
  });

  it('skips a block whose content holds fences', () => {
    const text = [SKIP_MARKER, '````', '```', 'a', '```', '````', '```', 'b', '```'].join('\n');

    expect(fencedCodeBlocks(text)).toEqual([{ firstLine: 8, text: 'b' }]);
  });
});

describe('runCli check on the README', () => {
  it('finds no problem', () => {
    const result = check(['README.md'], { 'README.md': README });

    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('skips only the two broken blocks', () => {
    const skipped = README.split('\n').filter((line) => line.trim() === SKIP_MARKER);

    expect(skipped).toHaveLength(2);
  });
});

describe('isMarkdown', () => {
  it('goes by extension, in any case', () => {
    expect(isMarkdown('README.md', '')).toBe(true);
    expect(isMarkdown('notes.MARKDOWN', '')).toBe(true);
    expect(isMarkdown('notes.txt', 'plain')).toBe(false);
  });

  it('goes by a backtick fence, not a tilde one', () => {
    expect(isMarkdown('notes.txt', 'x\n```\n')).toBe(true);
    expect(isMarkdown('notes.txt', 'x\n~~~\n')).toBe(false);
  });
});

describe('findProblems', () => {
  it('offsets block lines by the block start', () => {
    const problems = findProblems('a\n```\n┌──┐\n│abc│\n└──┘\n```\n', 'x.md', undefined);

    expect(problems.map((problem) => problem.line)).toEqual([4]);
  });
});
