import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mlPipeline } from '../src/course/index.js';
import { renderDiagram } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The fenced block that follows a `<!-- marker -->` comment in the README. */
function blockAfter(marker: string): string {
  const start = readme.indexOf(`<!-- ${marker} -->`);
  expect(start, `README has no <!-- ${marker} --> marker`).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf('\n', readme.indexOf('```', start)) + 1;
  const close = readme.indexOf('\n```', open);

  return readme.slice(open, close);
}

describe('README', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the ml-pipeline golden file', () => {
    const golden = readFileSync(new URL('../fixtures/course/ml-pipeline.txt', import.meta.url), 'utf8');
    expect(blockAfter('golden: ml-pipeline')).toBe(golden.trimEnd());
  });

  for (const width of [80, 50]) {
    it(`shows the ML pipeline at ${width} columns`, () => {
      expect(blockAfter(`width: ${width}`)).toBe(renderDiagram(mlPipeline, { width }));
    });
  }

  it('shows the quick-start example verbatim', () => {
    const source = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');
    expect(blockAfter('example: quick-start')).toBe(source.trimEnd());
  });

  it('shows what the quick-start example prints', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((value: unknown) => {
      printed.push(String(value));
    });
    await import('../examples/quick-start.js');
    expect(printed.join('\n')).toBe(blockAfter('output: quick-start'));
  });
});
