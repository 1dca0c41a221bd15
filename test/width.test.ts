import { describe, expect, it } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import {
  DiagramError,
  MIN_WIDTH,
  bar,
  box,
  checkDiagram,
  column,
  minimumWidth,
  renderDiagram,
  renderWithDiagnostics,
  row,
  text,
} from '../src/index.js';
import type { DiagramNode } from '../src/index.js';
import { displayWidth } from '../src/text/width.js';
import { expectGolden } from './support/golden.js';

const WIDTHS = [120, 100, 80, 72, 60, 40] as const;

function widestLine(rendered: string): number {
  return Math.max(...rendered.split('\n').map((line) => displayWidth(line)));
}

/** Every word of every text label in a model, for checking that fitting lost none. */
function labelWords(node: DiagramNode): string[] {
  // Vertical text reads down the page, so its letters are not a word on any line.
  const own = node.kind === 'text' || node.kind === 'tag' ? node.text.replace(/\ufe0f/g, '').split(/\s+/) : [];
  const nested: DiagramNode[] = [
    ...('children' in node ? node.children : []),
    ...(node.kind === 'fan' ? [...node.nodes, ...(node.from ? [node.from] : []), ...(node.to ? [node.to] : [])] : []),
  ];

  return [...own.filter((word) => word !== ''), ...nested.flatMap(labelWords)];
}

/** The rendering with line breaks and box borders removed, so a wrapped word reads whole again. */
function flattened(rendered: string): string {
  return rendered.replace(/[\s│║┃|]+/g, ' ');
}

describe('course diagrams in a width budget', () => {
  for (const diagram of courseDiagrams) {
    const minimum = minimumWidth(diagram.model);
    for (const width of [...WIDTHS, minimum]) {
      it(`${diagram.name} at ${width} columns`, () => {
        const rendered = renderDiagram(diagram.model, { width });

        expect(widestLine(rendered)).toBeLessThanOrEqual(width);
        expect(checkDiagram(rendered)).toEqual([]);
        if (width >= 40) {
          const words = flattened(rendered);
          for (const word of labelWords(diagram.model)) {
            expect(words, `the word '${word}' is missing at ${width} columns`).toContain(word);
          }
        }
      });
    }

    it(`${diagram.name} below its minimum`, () => {
      if (minimum <= MIN_WIDTH) {
        expect(() => renderDiagram(diagram.model, { width: MIN_WIDTH - 1 })).toThrow(DiagramError);

        return;
      }
      const attempt = (): string => renderDiagram(diagram.model, { width: minimum - 1 });
      expect(attempt).toThrow(DiagramError);
      expect(attempt).toThrow(expect.objectContaining({ code: 'does-not-fit', neededWidth: expect.any(Number) }));
    });
  }
});

describe('course golden files at 60 columns', () => {
  for (const diagram of courseDiagrams) {
    it(diagram.name, () => {
      expectGolden(`width-60/${diagram.name}.txt`, renderDiagram(diagram.model, { width: 60 }));
    });
  }
});

describe('fitting steps', () => {
  const wide = row({ gap: 6 }, [box(text('alpha beta gamma delta')), box(text('epsilon zeta eta theta'))]);

  it('leaves a diagram that fits alone', () => {
    const result = renderWithDiagnostics(wide, { width: 200 });
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(renderDiagram(wide));
  });

  it('compacts gaps before wrapping', () => {
    const natural = widestLine(renderDiagram(wide));
    const result = renderWithDiagnostics(wide, { width: natural - 4 });
    expect(result.diagnostics.map((item) => item.change)).toContain('compacted');
    expect(result.diagnostics.map((item) => item.change)).not.toContain('wrapped');
  });

  it('wraps text on word boundaries before reflowing', () => {
    const result = renderWithDiagnostics(wide, { width: 40 });
    const changes = result.diagnostics.map((item) => item.change);
    expect(changes).toContain('wrapped');
    expect(changes).not.toContain('reflowed');
    expect(result.text).toContain('alpha');
    expect(widestLine(result.text)).toBeLessThanOrEqual(40);
  });

  it('lists only the changes it kept', () => {
    // Fitted alone, each bar narrows to 33 cells; the row then shares its width and narrows both to 12.
    const bars = row([bar(50, { width: 60 }), bar(70, { width: 60 })]);
    const result = renderWithDiagnostics(bars, { width: 40 });

    expect(result.diagnostics.map((item) => [item.path, item.message])).toEqual([
      ['children[0]', 'bar narrowed from 60 to 12 cells'],
      ['children[1]', 'bar narrowed from 60 to 12 cells'],
    ]);
  });

  it('fits nested chained rows', () => {
    // Each row tries its children alone and again at their shares; without reuse, 25 levels exhausted memory.
    let nested: DiagramNode = text('x');
    for (let level = 1; level < 40; level += 1) {
      nested = row({ chain: true }, [nested, text('y')]);
    }
    const result = renderWithDiagnostics(nested, { width: 60 });

    expect(widestLine(result.text)).toBeLessThanOrEqual(60);
    expect(checkDiagram(result.text)).toEqual([]);
  });

  it('reflows a row whose nodes cannot shrink', () => {
    const boxes = row({ chain: true }, ['Ingest', 'Validate', 'Transform', 'Train', 'Evaluate'].map((label) => box({ id: label }, text(label))));
    const result = renderWithDiagnostics(boxes, { width: 30 });
    expect(result.diagnostics.map((item) => item.change)).toContain('reflowed');
    expect(widestLine(result.text)).toBeLessThanOrEqual(30);
    expect(checkDiagram(result.text)).toEqual([]);
    for (const label of ['Ingest', 'Validate', 'Transform', 'Train', 'Evaluate']) {
      expect(result.text).toContain(label);
    }
  });

  it('shortens a tag with an ellipsis as the last step', () => {
    const model = column([text('short'), { kind: 'tag', text: 'a-very-long-unbreakable-tag-label' }]);
    const result = renderWithDiagnostics(model, { width: 12 });
    expect(result.text).toContain('…');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ change: 'truncated', path: 'children[1]' }));
  });

  it('uses a one-column ellipsis in ASCII', () => {
    const model = { kind: 'tag', text: 'a-very-long-unbreakable-tag-label' } as const;
    const unicode = renderDiagram(model, { width: 12 });
    const ascii = renderDiagram(model, { width: 12, charset: 'ascii' });
    expect(ascii).toBe(unicode.replace('…', '~'));
  });

  it('rejects a width under the floor', () => {
    expect(() => renderDiagram(wide, { width: MIN_WIDTH - 1 })).toThrow(`at least ${MIN_WIDTH}`);
    expect(() => renderDiagram(wide, { width: 40.5 })).toThrow('whole number');
  });
});
