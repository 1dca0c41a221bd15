import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { box, renderDiagram, row, text } from '../src/index.js';
import { assertDiagram, compareDiagram, toMatchDiagram } from '../src/testing.js';
import { readmeBlockAfter } from './support/readme.js';
// The example registers its own test here, because the include glob covers only test/.
import '../examples/snapshot.test.js';

expect.extend({ toMatchDiagram });

const directory = mkdtempSync(join(tmpdir(), 'termdiagram-testing-'));

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

let goldenCount = 0;

/** Creates a golden file path in the temporary directory that no other test uses, and writes `content` to it when given. */
function goldenFile(content?: string): string {
  goldenCount += 1;
  const path = join(directory, `golden-${goldenCount}.txt`);
  if (content !== undefined) {
    writeFileSync(path, content);
  }

  return path;
}

const model = row({ chain: true }, [box(text('lint')), box(text('test'))]);
const rendered = renderDiagram(model);

describe('compareDiagram', () => {
  it('passes when the model renders as the golden file', () => {
    const path = goldenFile(`${rendered}\n`);
    expect(compareDiagram(model, path)).toEqual({ pass: true, message: `the diagram matches ${path}` });
  });

  it('passes for rendered text equal to the golden file', () => {
    const path = goldenFile(`${rendered}\n`);
    expect(compareDiagram(rendered, path).pass).toBe(true);
  });

  it('renders with the given render options', () => {
    const path = goldenFile(`${renderDiagram(model, { charset: 'ascii' })}\n`);
    expect(compareDiagram(model, path, { render: { charset: 'ascii' } }).pass).toBe(true);
    expect(compareDiagram(model, path).pass).toBe(false);
  });

  it('reports a differing line with a caret', () => {
    const path = goldenFile('┌──────┐\n│ lent │\n└──────┘\n');
    const result = compareDiagram(box(text('lint')), path);
    expect(result.pass).toBe(false);
    expect(result.message).toBe(
      [`the diagram differs from ${path}:`, 'line 2, column 4:', '  - │ lent │', '  + │ lint │', '       ^'].join('\n'),
    );
  });

  it('shows trailing spaces as middle dots', () => {
    const path = goldenFile('abc  \n');
    const result = compareDiagram('abc', path);
    expect(result.pass).toBe(false);
    expect(result.message).toBe([`the diagram differs from ${path}:`, 'line 1, column 4:', '  - abc··', '  + abc', '       ^'].join('\n'));
  });

  it('puts the caret under the cell after wide characters', () => {
    const path = goldenFile('漢字y\n');
    const lines = compareDiagram('漢字x', path).message.split('\n');
    expect(lines[2]).toBe('  - 漢字y');
    expect(lines[3]).toBe('  + 漢字x');
    // 漢 and 字 take two columns each, so the caret sits under x, four columns in.
    expect(lines[4]).toBe('        ^');
  });

  it('reports lines missing from either side', () => {
    const path = goldenFile('one\ntwo\n');
    expect(compareDiagram('one', path).message).toBe(
      [`the diagram differs from ${path}:`, 'line 2, column 1:', '  - two', '  + (no line)', '    ^'].join('\n'),
    );
    expect(compareDiagram('one\ntwo\nthree', path).message).toBe(
      [`the diagram differs from ${path}:`, 'line 3, column 1:', '  - (no line)', '  + three', '    ^'].join('\n'),
    );
  });

  it('trims nothing but the final newline', () => {
    expect(compareDiagram('abc', goldenFile('abc')).pass).toBe(true);
    expect(compareDiagram('abc', goldenFile('abc\n\n')).pass).toBe(false);
    expect(compareDiagram('abc', goldenFile('abc \n')).pass).toBe(false);
    expect(compareDiagram(' abc', goldenFile('abc\n')).pass).toBe(false);
  });

  it('fails on a missing golden file without writing it', () => {
    const path = goldenFile();
    const result = compareDiagram(model, path);
    expect(result.pass).toBe(false);
    expect(result.message).toBe(`golden file ${path} does not exist; run once with update: true to write it, then review it`);
    expect(existsSync(path)).toBe(false);
  });

  it('writes the golden file with update, then passes', () => {
    const path = join(directory, 'new', 'nested', 'flow.txt');
    expect(compareDiagram(model, path, { update: true })).toEqual({ pass: true, message: `wrote ${path}` });
    expect(readFileSync(path, 'utf8')).toBe(`${rendered}\n`);
    expect(compareDiagram(model, path).pass).toBe(true);
  });

  it('overwrites a differing golden file with update', () => {
    const path = goldenFile('old drawing\n');
    expect(compareDiagram(model, path, { update: true }).pass).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`${rendered}\n`);
  });

  it('fails on an open joint with its location', () => {
    const drawing = '┌──────┐\n│ lint │\n└──┬───┘';
    const result = compareDiagram(drawing, goldenFile(`${drawing}\n`));
    expect(result.pass).toBe(false);
    expect(result.message).toBe(
      [
        'the diagram has 1 problem(s):',
        "  line 3, column 4: the line going down from '┬' ends in empty space instead of at a joint or an arrowhead",
        '',
        '   1 | ┌──────┐',
        '   2 | │ lint │',
        '   3 | └──┬───┘',
      ].join('\n'),
    );
  });

  it('fails on a line with no line back', () => {
    const result = compareDiagram('┌─\n──', goldenFile('┌─\n──\n'));
    expect(result.pass).toBe(false);
    expect(result.message).toContain("  line 1, column 1: '┌' points down at '─', which has no line back");
    expect(result.message).toContain('   1 | ┌─\n   2 | ──');
  });

  it('lists every open joint', () => {
    const drawing = '┌───────┐\n│ build │\n└─┬───┬─┘';
    const result = compareDiagram(drawing, goldenFile(`${drawing}\n`));
    expect(result.message).toMatch(/^the diagram has 2 problem\(s\):\n/);
    expect(result.message).toContain("  line 3, column 3: the line going down from '┬'");
    expect(result.message).toContain("  line 3, column 7: the line going down from '┬'");
  });

  it('fails on an open joint in a rendered model', () => {
    // The joint check runs on the rendering of a model too, not only on text.
    const path = goldenFile(`${rendered}\n`);
    expect(compareDiagram(model, path).pass).toBe(true);
    const broken = rendered.replace('└──────┘', '└──┬───┘');
    expect(broken).not.toBe(rendered);
    expect(compareDiagram(broken, path).message).toContain("the line going down from '┬'");
  });

  it('does not write a golden file for a drawing with open joints', () => {
    const path = goldenFile();
    expect(compareDiagram('└──┬───┘', path, { update: true }).pass).toBe(false);
    expect(existsSync(path)).toBe(false);
  });

  it('fails on a line wider than the width option', () => {
    const path = goldenFile('abcdefgh\n');
    const result = compareDiagram('abcdefgh', path, { width: 5 });
    expect(result.pass).toBe(false);
    expect(result.message).toBe(['the diagram has 1 problem(s):', '  line 1, column 6: line is 8 columns wide, over the width of 5', '', '   1 | abcdefgh'].join('\n'));
    expect(compareDiagram('abcdefgh', path, { width: 8 }).pass).toBe(true);
  });

  it('measures the width in terminal columns', () => {
    // Three code units, six columns.
    const result = compareDiagram('漢字漢', goldenFile('漢字漢\n'), { width: 5 });
    expect(result.pass).toBe(false);
    expect(result.message).toContain('line is 6 columns wide, over the width of 5');
  });

  it('takes the width limit from the render width', () => {
    const path = goldenFile(`${'x'.repeat(41)}\n`);
    const result = compareDiagram('x'.repeat(41), path, { render: { width: 40 } });
    expect(result.pass).toBe(false);
    expect(result.message).toContain('line is 41 columns wide, over the width of 40');
  });
});

describe('assertDiagram', () => {
  it('returns when the diagram matches', () => {
    expect(assertDiagram(model, goldenFile(`${rendered}\n`))).toBeUndefined();
  });

  it('throws the comparison message', () => {
    const path = goldenFile('different\n');
    expect(() => assertDiagram(model, path)).toThrow(new Error(compareDiagram(model, path).message));
  });

  it('throws for a missing golden file without writing it', () => {
    const path = goldenFile();
    expect(() => assertDiagram(model, path)).toThrow(/does not exist; run once with update: true/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('toMatchDiagram', () => {
  it('returns the comparison result and message', () => {
    const path = goldenFile(`${rendered}\n`);
    const result = toMatchDiagram(model, path);
    expect(result.pass).toBe(true);
    expect(result.message()).toBe(`the diagram matches ${path}`);
  });

  it.each([
    ['a number', 42, 'number'],
    ['undefined', undefined, 'undefined'],
    ['a boolean', true, 'boolean'],
    ['a function', () => model, 'function'],
  ])('rejects %s', (_name, received, typeName) => {
    const path = goldenFile(`${rendered}\n`);
    const result = toMatchDiagram(received, path);
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(`expected a diagram model or rendered text, got ${typeName}`);
  });

  it('rejects null', () => {
    const result = toMatchDiagram(null, goldenFile(`${rendered}\n`));
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/^expected a diagram model or rendered text, got /);
  });

  it('passes through expect.extend', () => {
    expect(model).toMatchDiagram(goldenFile(`${rendered}\n`));
    expect(rendered).toMatchDiagram(goldenFile(`${rendered}\n`));
  });

  it('fails through expect.extend with the comparison message', () => {
    const path = goldenFile('different\n');
    expect(() => expect(model).toMatchDiagram(path)).toThrow(`the diagram differs from ${path}:\nline 1, column 1:`);
  });

  it('supports .not', () => {
    expect(model).not.toMatchDiagram(goldenFile('different\n'));
    const path = goldenFile(`${rendered}\n`);
    expect(() => expect(model).not.toMatchDiagram(path)).toThrow(`the diagram matches ${path}`);
  });

  it('fails through expect.extend for non-diagram input', () => {
    expect(() => expect(42).toMatchDiagram(goldenFile(`${rendered}\n`))).toThrow('expected a diagram model or rendered text, got number');
  });

  it('fails through expect.extend for an invalid model', () => {
    const path = goldenFile(`${rendered}\n`);
    expect(() => expect({ kind: 'box' }).toMatchDiagram(path)).toThrow('children: missing children, which a box node requires');
    expect(() => expect({ shape: 'box' }).toMatchDiagram(path)).toThrow('kind: missing kind');
  });

  it('writes through expect.extend with update', () => {
    const path = goldenFile();
    expect(model).toMatchDiagram(path, { update: true });
    expect(readFileSync(path, 'utf8')).toBe(`${rendered}\n`);
  });
});

describe('README snapshot section', () => {
  it('shows the snapshot example verbatim', () => {
    const source = readFileSync(new URL('../examples/snapshot.test.ts', import.meta.url), 'utf8');
    expect(readmeBlockAfter('example: snapshot')).toBe(source.trimEnd());
  });

  it('shows the matcher typing verbatim', () => {
    const source = readFileSync(new URL('../examples/vitest-matchers.ts', import.meta.url), 'utf8');
    expect(readmeBlockAfter('example: vitest-matchers')).toBe(source.trimEnd());
  });

  it('shows the node:test example verbatim', () => {
    const source = readFileSync(new URL('../examples/node-test.ts', import.meta.url), 'utf8');
    expect(readmeBlockAfter('example: node-test')).toBe(source.trimEnd());
  });

  it('shows the snapshot golden file', () => {
    const golden = readFileSync(new URL('../examples/snapshot.golden.txt', import.meta.url), 'utf8');
    expect(readmeBlockAfter('golden: snapshot')).toBe(golden.trimEnd());
  });

  it('shows a real failure message', () => {
    const drawing = readFileSync(new URL('../examples/snapshot.golden.txt', import.meta.url), 'utf8').replace(/\n$/, '');
    const readmeMessage = readmeBlockAfter('failure: snapshot');
    const readmePath = /^the diagram differs from (.+):$/m.exec(readmeMessage)?.[1];
    expect(readmePath, 'the README failure block names no golden file').toBeDefined();

    // The README's golden file has one arrow a cell shorter than the drawing.
    const path = goldenFile(`${drawing.replace('├───▶│', '├──▶│')}\n`);
    const message = compareDiagram(drawing, path).message;
    expect(readmeMessage).toBe(message.replace(path, readmePath ?? ''));
  });
});
