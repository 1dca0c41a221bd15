import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mlPipeline } from '../src/course/index.js';
import { renderDiagram } from '../src/index.js';
import { readmeBlockAfter } from './support/readme.js';

describe('README', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the ml-pipeline golden file', () => {
    const golden = readFileSync(new URL('../fixtures/course/ml-pipeline.txt', import.meta.url), 'utf8');
    expect(readmeBlockAfter('golden: ml-pipeline')).toBe(golden.trimEnd());
  });

  for (const width of [80, 50]) {
    it(`shows the ML pipeline at ${width} columns`, () => {
      expect(readmeBlockAfter(`width: ${width}`)).toBe(renderDiagram(mlPipeline, { width }));
    });
  }

  it('shows the quick-start example verbatim', () => {
    const source = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');
    expect(readmeBlockAfter('example: quick-start')).toBe(source.trimEnd());
  });

  it('shows what the quick-start example prints', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((value: unknown) => {
      printed.push(String(value));
    });
    await import('../examples/quick-start.js');
    expect(printed.join('\n')).toBe(readmeBlockAfter('output: quick-start'));
  });
});
