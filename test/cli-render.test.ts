import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../src/cli/input.js';
import { formatJsonError, positionAt } from '../src/cli/json.js';
import { readFileBounded } from '../src/cli/read-bounded.js';
import { InputTooLargeError } from '../src/cli/types.js';
import { box, type DiagramNode, minimumWidth, renderDiagram, renderWithDiagnostics, row, text } from '../src/index.js';
import { courseDiagrams } from '../src/course/index.js';
import { readmeBlockAfter, runInMemory } from './support/cli-io.js';

/** A stack frame line as V8 prints it. */
const STACK_FRAME = /^\s+at /mu;

const MODEL: DiagramNode = row({ chain: true }, [box(text('Raw data')), box(text('Clean data with a longer label')), box(text('Model'))]);
const MODEL_JSON = JSON.stringify(MODEL, null, 2);

function renderFile(args: readonly string[], files: Record<string, string> = { 'model.json': MODEL_JSON }) {
  return runInMemory(['render', ...args], { files });
}

describe('runCli render', () => {
  it('renders a file like the library', () => {
    const result = renderFile(['model.json']);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${renderDiagram(MODEL)}\n`);
    expect(result.stdoutWrites).toBe(1);
  });

  it('reads standard input for -', () => {
    const result = runInMemory(['render', '-'], { stdin: MODEL_JSON });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${renderDiagram(MODEL)}\n`);
  });

  it('draws ASCII with --ascii', () => {
    expect(renderFile(['model.json', '--ascii']).stdout).toBe(`${renderDiagram(MODEL, { charset: 'ascii' })}\n`);
  });

  it('colours with --color=256', () => {
    expect(renderFile(['--color=256', 'model.json']).stdout).toBe(`${renderDiagram(MODEL, { color: 256 })}\n`);
  });

  it('fits --width and lists changes with --verbose', () => {
    const result = renderFile(['model.json', '--width', '40', '--verbose']);
    const { diagnostics } = renderWithDiagnostics(MODEL, { width: 40 });
    const expectedNotes = diagnostics.map((item) => `termdiagram: model.json: ${item.path}: ${item.change}: ${item.message}\n`).join('');

    expect(result.exitCode).toBe(0);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(result.stdout).toBe(`${renderDiagram(MODEL, { width: 40 })}\n`);
    expect(result.stderr).toBe(expectedNotes);
  });

  it('names standard input <stdin> in notes', () => {
    const result = runInMemory(['render', '-', '--width', '40', '--verbose'], { stdin: MODEL_JSON });

    expect(result.stderr).toMatch(/^termdiagram: <stdin>: children\[0\]: /u);
  });

  it('uses the terminal width', () => {
    const result = runInMemory(['render', 'model.json', '--no-color'], { files: { 'model.json': MODEL_JSON }, isTTY: true, columns: 40 });

    expect(result.stdout).toBe(`${renderDiagram(MODEL, { width: 40 })}\n`);
  });

  it('names the file when the diagram cannot fit', () => {
    const wide = courseDiagrams.find((diagram) => diagram.name === 'deployment-architecture')?.model ?? MODEL;
    const minimum = minimumWidth(wide);
    const result = renderFile(['wide.json', '--width', String(minimum - 1)], { 'wide.json': JSON.stringify(wide) });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`termdiagram: wide.json: the diagram needs at least ${minimum} columns, but --width is ${minimum - 1}; pass --width ${minimum} or more\n`);
  });
});

describe('README render example', () => {
  it('prints what the README shows', () => {
    const result = renderFile(['pipeline.json'], { 'pipeline.json': readmeBlockAfter('cli: pipeline.json') });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${readmeBlockAfter('cli: render pipeline.json')}\n`);
  });
});

describe('runCli render input errors', () => {
  it('reports a missing file', () => {
    const result = renderFile(['missing.json']);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("termdiagram: cannot read 'missing.json': no such file or directory (ENOENT)\n");
  });

  it('reports unreadable standard input', () => {
    const result = runInMemory(['render', '-']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('termdiagram: cannot read standard input: this test gives no standard input\n');
  });

  it('rejects a file over the input limit', () => {
    const result = renderFile(['big.json'], { 'big.json': ' '.repeat(MAX_INPUT_BYTES + 1) });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("termdiagram: 'big.json' is larger than 10 MiB (10485760 bytes), the limit for one input; pass a smaller file\n");
  });

  it('accepts a file at the input limit', () => {
    const padded = MODEL_JSON + ' '.repeat(MAX_INPUT_BYTES - MODEL_JSON.length);
    const result = renderFile(['edge.json'], { 'edge.json': padded });

    expect(result.exitCode).toBe(0);
  });

  it('rejects standard input over the limit', () => {
    const result = runInMemory(['render', '-'], { stdin: ' '.repeat(MAX_INPUT_BYTES + 1) });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^termdiagram: standard input is larger than 10 MiB/u);
  });

  it('rejects an empty input', () => {
    for (const empty of ['', ' \n\t\n']) {
      const result = renderFile(['empty.json'], { 'empty.json': empty });

      expect(result.exitCode, JSON.stringify(empty)).toBe(1);
      expect(result.stderr, JSON.stringify(empty)).toBe('termdiagram: empty.json is empty; write a diagram model in it, such as {"kind": "text", "text": "Hello"}\n');
    }
  });

  it('gives the line and column of malformed JSON', () => {
    const result = renderFile(['bad.json'], { 'bad.json': '{\n  "kind": "box",\n  children: []\n}\n' });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("termdiagram: bad.json:3:3: invalid JSON: Expected double-quoted property name in JSON\n");
  });

  it('places a truncated file at its end', () => {
    const result = renderFile(['cut.json'], { 'cut.json': '{\n  "kind": "box",\n  "children": [' });

    expect(result.stderr).toBe('termdiagram: cut.json:3:16: invalid JSON: Unexpected end of JSON input\n');
  });

  it('reports JSON errors without an offset on one line', () => {
    const result = renderFile(['token.json'], { 'token.json': '{"kind":\n}' });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('termdiagram: token.json: invalid JSON: Unexpected token \'}\', "{"kind":\\n}" is not valid JSON\n');
  });

  it('lists every problem of an invalid model', () => {
    const model = { kind: 'box', border: 'wavy', children: [{ kind: 'circle' }, { kind: 'text' }] };
    const result = renderFile(['invalid.json'], { 'invalid.json': JSON.stringify(model) });
    const lines = result.stderr.trimEnd().split('\n');

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^termdiagram: invalid\.json: border: .*"wavy"/u);
    expect(lines[1]).toMatch(/^termdiagram: invalid\.json: children\[0\]\.kind: .*"circle"/u);
    expect(lines[2]).toMatch(/^termdiagram: invalid\.json: children\[1\]\.text: /u);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('reports a root problem without a path', () => {
    const result = renderFile(['number.json'], { 'number.json': '42' });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^termdiagram: number\.json: expected a node object, got 42; /u);
  });
});

describe('runCli render usage', () => {
  const cases: readonly { argv: string[]; message: string }[] = [
    { argv: ['render'], message: 'missing input file; pass a JSON file, or - for standard input' },
    { argv: ['render', 'a.json', 'b.json'], message: "expected one input file, got 2: 'a.json' 'b.json'; render one file per run" },
    { argv: ['render', 'a.json', '--width', 'wide'], message: "invalid --width value 'wide'; pass a whole number of columns, such as --width 80" },
    { argv: ['render', 'a.json', '--color=sometimes'], message: "invalid --color value 'sometimes'; use always, never, auto, 16, 256, truecolor" },
    { argv: ['render', '--all'], message: "unknown option '--all'" },
  ];

  for (const { argv, message } of cases) {
    it(`rejects [${argv.join(' ')}]`, () => {
      const result = runInMemory(argv);

      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`termdiagram: ${message}\nRun 'termdiagram render --help' for usage.\n`);
    });
  }

  it('checks usage before reading the file', () => {
    const result = renderFile(['missing.json', '--width', '3']);

    expect(result.exitCode).toBe(2);
  });
});

describe('formatJsonError and positionAt', () => {
  it('converts an offset to a line and column', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('counts code points in the column', () => {
    // '😀' is two UTF-16 code units, and JSON.parse offsets count code units.
    expect(positionAt('"😀" x', 5)).toEqual({ line: 1, column: 5 });
  });

  it('matches the offset Node gives', () => {
    const source = '{"a": 1,\n "😀" 2}';
    let message = '';
    try {
      JSON.parse(source);
    } catch (error) {
      message = (error as Error).message;
    }

    expect(formatJsonError(message, source, 'x.json')).toBe('x.json:2:6: invalid JSON: Unexpected number in JSON');
  });

  it('escapes control characters that V8 quotes from the input', () => {
    const message = 'Unexpected token \'\u001b\', "\u001b[31m" is not valid JSON';

    expect(formatJsonError(message, '\u001b[31m', 'x.json')).toBe('x.json: invalid JSON: Unexpected token \'\\u001b\', "\\u001b[31m" is not valid JSON');
  });
});

describe('readFileBounded', () => {
  let directory = '';

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'termdiagram-read-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads UTF-8 text', () => {
    const path = join(directory, 'text.txt');
    writeFileSync(path, '┌名┐\n');

    expect(readFileBounded(path, 100)).toBe('┌名┐\n');
  });

  it('drops a byte order mark', () => {
    const path = join(directory, 'bom.json');
    writeFileSync(path, '\uFEFF{"kind":"text","text":"x"}');

    expect(readFileBounded(path, 100)).toBe('{"kind":"text","text":"x"}');
  });

  it('reads a file of exactly maxBytes', () => {
    const path = join(directory, 'exact.txt');
    writeFileSync(path, 'abcd');

    expect(readFileBounded(path, 4)).toBe('abcd');
  });

  it('throws InputTooLargeError past maxBytes', () => {
    const path = join(directory, 'large.txt');
    writeFileSync(path, 'abcde');

    expect(() => readFileBounded(path, 4)).toThrow(InputTooLargeError);
  });

  it('stops past maxBytes in a file larger than one chunk', () => {
    const path = join(directory, 'chunks.txt');
    writeFileSync(path, 'x'.repeat(200_000));

    expect(() => readFileBounded(path, 100_000)).toThrow(InputTooLargeError);
    expect(readFileBounded(path, 200_000)).toHaveLength(200_000);
  });

  it('gives the system reason for a missing file', () => {
    expect(() => readFileBounded(join(directory, 'none.json'), 100)).toThrow('no such file or directory (ENOENT)');
  });

  it('gives the system reason for a directory', () => {
    expect(() => readFileBounded(directory, 100)).toThrow('illegal operation on a directory (EISDIR)');
  });
});
