import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { checkDiagram } from '../src/check.js';
import {
  DiagramError,
  type DiagramNode,
  bar,
  box,
  column,
  curve,
  fan,
  grid,
  renderDiagram,
  row,
  rule,
  spacer,
  tag,
  text,
  vtext,
} from '../src/index.js';
import type { Rect, Size } from '../src/layout/geometry.js';
import { type GridSize, measureTree } from '../src/layout/measure.js';
import { type PlacedNode, centerX, placeTree } from '../src/layout/place.js';
import { Typesetter } from '../src/text/typeset.js';

/** Creates a typesetter with the default text policy of `renderDiagram`. */
function defaultTypesetter(): Typesetter {
  return new Typesetter({ tabWidth: 8, emoji: 'text', trustedLabels: false });
}

function measured(model: DiagramNode): Size {
  // Only the two dimensions: a text's size is its typeset block, which also lists the lines.
  const { width, height } = measureTree(model, defaultTypesetter());

  return { width, height };
}

function placed(model: DiagramNode): PlacedNode {
  return placeTree(model, measureTree(model, defaultTypesetter()));
}

/** Only the four fields of a placed rectangle, which may be an object with more. */
function rectOf(node: PlacedNode | undefined): Rect | undefined {
  if (node === undefined) {
    return undefined;
  }
  const { x, y, width, height } = node.rect;

  return { x, y, width, height };
}

function childRects(model: DiagramNode): Rect[] {
  return placed(model).children.map((child) => rectOf(child) as Rect);
}

interface SizeCase {
  readonly name: string;
  readonly model: DiagramNode;
  readonly size: Size;
}

const SIZE_CASES: readonly SizeCase[] = [
  { name: 'text lines', model: text('ab\nc'), size: { width: 2, height: 2 } },
  { name: 'text CJK', model: text('漢字'), size: { width: 4, height: 1 } },
  { name: 'text empty', model: text(''), size: { width: 0, height: 1 } },
  { name: 'text tab to column 8', model: text('a\tb'), size: { width: 9, height: 1 } },
  { name: 'vtext', model: vtext('ABC'), size: { width: 1, height: 3 } },
  { name: 'vtext wide letter', model: vtext('漢a'), size: { width: 2, height: 2 } },
  { name: 'tag', model: tag('ab'), size: { width: 4, height: 1 } },
  { name: 'tag padding', model: tag('ab', { padding: 2 }), size: { width: 8, height: 1 } },
  { name: 'tag CJK', model: tag('漢'), size: { width: 4, height: 1 } },
  { name: 'rule full', model: rule(), size: { width: 1, height: 1 } },
  { name: 'rule fixed', model: rule({ width: 5 }), size: { width: 5, height: 1 } },
  { name: 'rule caption', model: rule({ caption: 'mid' }), size: { width: 7, height: 1 } },
  { name: 'spacer default', model: spacer(), size: { width: 0, height: 1 } },
  { name: 'spacer sized', model: spacer({ width: 3, height: 2 }), size: { width: 3, height: 2 } },
  { name: 'bar default', model: bar(40), size: { width: 27, height: 1 } },
  { name: 'bar label', model: bar(40, { label: 'CPU', width: 10 }), size: { width: 21, height: 1 } },
  { name: 'bar labelWidth', model: bar(40, { label: 'CPU', labelWidth: 6, width: 10 }), size: { width: 24, height: 1 } },
  { name: 'bar no percent', model: bar(40, { percent: false, width: 10 }), size: { width: 12, height: 1 } },
  { name: 'sparkline', model: curve([1, 2, 3]), size: { width: 3, height: 1 } },
  { name: 'line curve', model: curve([1, 2, 3], { shape: 'line' }), size: { width: 3, height: 3 } },
  { name: 'line curve height and margin', model: curve([1, 2, 3], { shape: 'line', height: 4, margin: 2 }), size: { width: 7, height: 4 } },
  { name: 'curve marker', model: curve([1, 2, 3], { markers: [{ at: 1 }] }), size: { width: 3, height: 2 } },
  { name: 'curve wide marker label', model: curve([1, 2, 3], { markers: [{ at: 1, label: 'a long label' }] }), size: { width: 12, height: 3 } },
  { name: 'row gap 1', model: row([text('ab'), text('c')]), size: { width: 4, height: 1 } },
  { name: 'row gap 0', model: row({ gap: 0 }, [text('ab'), text('c')]), size: { width: 3, height: 1 } },
  { name: 'row chain gap 4', model: row({ chain: true }, [tag('a'), tag('b')]), size: { width: 10, height: 1 } },
  { name: 'row tallest child', model: row([text('a\nb\nc'), text('d')]), size: { width: 3, height: 3 } },
  { name: 'column gap 0', model: column([text('ab'), text('c')]), size: { width: 2, height: 2 } },
  { name: 'column chain gap 2', model: column({ chain: true }, [text('a'), text('b')]), size: { width: 1, height: 4 } },
  { name: 'grid tracks', model: grid({ columns: 2 }, [text('a'), text('bbb'), text('cc'), text('d')]), size: { width: 7, height: 3 } },
  { name: 'box border and padding', model: box(text('ab')), size: { width: 6, height: 3 } },
  { name: 'box padding 0', model: box({ padding: 0 }, text('ab')), size: { width: 4, height: 3 } },
  { name: 'box no border', model: box({ border: 'none' }, text('ab')), size: { width: 4, height: 1 } },
  { name: 'box title', model: box({ title: 'Title' }, text('x')), size: { width: 11, height: 3 } },
  { name: 'box minimum size', model: box({ minWidth: 10, minHeight: 5 }, text('x')), size: { width: 10, height: 5 } },
  { name: 'box fixed size', model: box({ width: 12, height: 4 }, text('x')), size: { width: 12, height: 4 } },
  { name: 'box divided', model: box({ divided: true }, [text('a'), text('bb')]), size: { width: 6, height: 5 } },
  {
    name: 'fan out',
    model: fan({ from: box(text('src')), nodes: [box(text('a')), box(text('b'))] }),
    size: { width: 13, height: 10 },
  },
  {
    name: 'fan out and in',
    model: fan({ from: box(text('s')), nodes: [box(text('a')), box(text('b'))], to: box(text('t')), gap: 1 }),
    size: { width: 11, height: 17 },
  },
  {
    name: 'fan source wider than its nodes',
    model: fan({ from: box(text('a wide source')), nodes: [box(text('a'))] }),
    size: { width: 17, height: 10 },
  },
];

describe('measureTree sizes', () => {
  for (const { name, model, size } of SIZE_CASES) {
    it(name, () => {
      expect(measured(model)).toEqual(size);
    });
  }

  it('grid tracks fit largest cells', () => {
    const model = grid({ columns: 2 }, [text('a\nb'), text('bbb'), text('cc'), text('d')]);
    const tracks = (measureTree(model, defaultTypesetter()) as GridSize).tracks;

    expect(tracks).toEqual({ columnWidths: [2, 3], rowHeights: [2, 1], columnGap: 2, rowGap: 1 });
  });

  it('fixed box width too small is rejected', () => {
    expect(() => renderDiagram(box({ width: 4 }, text('abc')))).toThrow(DiagramError);
  });

  it('chained row gap too small is rejected', () => {
    expect(() => renderDiagram(row({ chain: true, gap: 1 }, [box(text('a')), box(text('b'))]))).toThrow(DiagramError);
  });

  it('size errors name the nested path', () => {
    const tooNarrow = box({ width: 4 }, text('abc'));
    const model = column([text('top'), fan({ from: box(text('x')), nodes: [box(text('y')), tooNarrow] })]);

    expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: 'does-not-fit', path: 'children[1].nodes[1].width' }));
  });

  it('fan end errors name their field', () => {
    const model = column([fan({ nodes: [text('a')], to: box({ width: 4 }, text('abc')) })]);

    expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: 'does-not-fit', path: 'children[0].to.width' }));
  });

  it('rule errors name the nested path', () => {
    const model = box(column([text('a'), rule({ width: 3, caption: 'long caption' })]));

    expect(() => measureTree(model, defaultTypesetter())).toThrow(
      expect.objectContaining({ code: 'does-not-fit', path: 'children[0].children[1].width' }),
    );
  });

  it('gap errors name the nested path', () => {
    const model = box(row({ chain: true, gap: 1 }, [box(text('a')), box(text('b'))]));

    expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: 'invalid-model', path: 'children[0].gap' }));
  });
});

describe('placeTree', () => {
  it('column stretch widens every child', () => {
    const rects = childRects(column({ align: 'stretch' }, [text('abc'), box(text('a'))]));

    expect(rects).toEqual([
      { x: 0, y: 0, width: 5, height: 1 },
      { x: 0, y: 1, width: 5, height: 3 },
    ]);
  });

  it.each([
    ['left', 0],
    ['center', 2],
    ['right', 4],
  ] as const)('column %s puts a narrow child at x %i', (align, x) => {
    const rects = childRects(column({ align }, [text('abcde'), text('a')]));

    expect(rects[1]).toEqual({ x, y: 1, width: 1, height: 1 });
  });

  it('column full rule spans the column', () => {
    const rects = childRects(column([text('abcdef'), rule()]));

    expect(rects[1]).toEqual({ x: 0, y: 1, width: 6, height: 1 });
  });

  it.each([
    ['top', 0, 1],
    ['middle', 1, 1],
    ['bottom', 3, 1],
    ['stretch', 0, 4],
  ] as const)('row %s puts a short child at y %i', (align, y, height) => {
    const rects = childRects(row({ align }, [box(text('a\nb')), text('m')]));

    expect(rects[1]).toEqual({ x: 6, y, width: 1, height });
  });

  it('row gap separates children', () => {
    const rects = childRects(row({ gap: 3 }, [text('ab'), text('c')]));

    expect(rects.map((rect) => rect.x)).toEqual([0, 5]);
  });

  it('grid places cells on its tracks', () => {
    const rects = childRects(grid({ columns: 2 }, [text('a\nb'), text('bbb'), text('cc'), text('d')]));

    expect(rects).toEqual([
      { x: 0, y: 0, width: 1, height: 2 },
      { x: 4, y: 0, width: 3, height: 1 },
      { x: 0, y: 3, width: 2, height: 1 },
      { x: 5, y: 3, width: 1, height: 1 },
    ]);
  });

  it('grid stretch fills the track', () => {
    const rects = childRects(grid({ columns: 2, align: 'stretch', valign: 'stretch' }, [text('a\nb'), text('bbb'), text('cc')]));

    expect(rects).toEqual([
      { x: 0, y: 0, width: 2, height: 2 },
      { x: 4, y: 0, width: 3, height: 2 },
      { x: 0, y: 3, width: 2, height: 1 },
    ]);
  });

  it('box content inside border and padding', () => {
    const rects = childRects(box({ padding: { x: 2, y: 1 } }, text('ab')));

    expect(rects).toEqual([{ x: 3, y: 2, width: 2, height: 1 }]);
  });

  it('fan centres source over nodes', () => {
    const fanned = placed(fan({ from: box(text('s')), nodes: [box(text('a')), box(text('wide label'))] }));
    const first = fanned.children[0];
    const last = fanned.children[1];

    expect(rectOf(first)).toEqual({ x: 0, y: 7, width: 5, height: 3 });
    expect(rectOf(last)).toEqual({ x: 8, y: 7, width: 14, height: 3 });
    expect(rectOf(fanned.source)).toEqual({ x: 6, y: 0, width: 5, height: 3 });
    expect(centerX(fanned.source?.rect ?? fanned.rect)).toBe(Math.floor((2 + 14) / 2));
  });

  it('fan centres nodes under wide source', () => {
    const fanned = placed(fan({ from: box(text('a wide source')), nodes: [box(text('a'))] }));

    expect(rectOf(fanned.children[0])).toEqual({ x: 6, y: 7, width: 5, height: 3 });
    expect(centerX(fanned.source?.rect ?? fanned.rect)).toBe(8);
  });

  it('fan centres sink under nodes', () => {
    const fanned = placed(fan({ nodes: [box(text('a')), box(text('b')), box(text('c'))], to: box(text('t')) }));

    expect(rectOf(fanned.sink)).toEqual({ x: 8, y: 7, width: 5, height: 3 });
  });
});

/** Lists the lines of a rendering whose display width differs from the first line's. */
function ragged(output: string): string[] {
  const lines = output.split('\n');
  const width = stringWidth(lines[0] ?? '');

  return lines.filter((line) => stringWidth(line) !== width);
}

const WIDE_LABELS: readonly string[] = [
  '漢字',
  '日本語のテキスト',
  'mixed 漢字 text',
  '🎉 party',
  'party 🎉',
  '👩‍💻 dev',
  '🇯🇵 flag',
  '⚠️ warning',
  'café\u0301',
];

describe('wide labels', () => {
  it('wide label grows the box', () => {
    const output = renderDiagram(box({ minWidth: 5 }, text('a long label')));

    expect(output).toBe(
      [
        '┌──────────────┐',
        '│ a long label │',
        '└──────────────┘',
      ].join('\n'),
    );
  });

  it('wide title grows the box', () => {
    const output = renderDiagram(box({ minWidth: 5, title: 'a long title' }, []));

    expect(output).toBe(
      [
        '┌─ a long title ─┐',
        '└────────────────┘',
      ].join('\n'),
    );
  });

  for (const label of WIDE_LABELS) {
    it(`text ${label} keeps borders aligned`, () => {
      const output = renderDiagram(box(text(label)));

      expect(ragged(output), output).toEqual([]);
      expect(checkDiagram(output), output).toEqual([]);
    });
  }

  for (const label of WIDE_LABELS) {
    it(`title ${label} keeps borders aligned`, () => {
      const output = renderDiagram(box({ title: label }, text('x')));

      expect(ragged(output), output).toEqual([]);
      expect(checkDiagram(output), output).toEqual([]);
    });
  }

  it('emoji option widens U+FE0F emoji', () => {
    const output = renderDiagram(box(text('⚠️ warning')), { emoji: 'emoji' });

    expect(output.split('\n')[1]).toBe('│ ⚠️ warning │');
    expect(ragged(output), output).toEqual([]);
  });

  it('stacked wide labels share one width', () => {
    const model = column({ align: 'stretch', chain: true }, [box(text('漢字')), box(text('🎉🎉🎉')), box(text('ascii'))]);
    const output = renderDiagram(model);

    expect(output).toBe(
      [
        '┌────────┐',
        '│ 漢字   │',
        '└───┬────┘',
        '    │',
        '    ▼',
        '┌────────┐',
        '│ 🎉🎉🎉 │',
        '└───┬────┘',
        '    │',
        '    ▼',
        '┌────────┐',
        '│ ascii  │',
        '└────────┘',
      ].join('\n'),
    );
    expect(checkDiagram(output), output).toEqual([]);
  });

  it('chained CJK boxes line up', () => {
    const output = renderDiagram(row({ chain: true }, [box(text('漢字')), tag('日本'), box({ border: 'double' }, text('🚀'))]));

    expect(ragged(output), output).toEqual([]);
    expect(checkDiagram(output), output).toEqual([]);
  });
});
