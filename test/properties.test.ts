import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { checkDiagram } from '../src/check.js';
import { courseDiagrams } from '../src/course/index.js';
import { type DiagramNode, renderDiagram, validateDiagram } from '../src/index.js';
import type {
  BarNode,
  BorderStyle,
  BoxNode,
  Chain,
  ColumnNode,
  CurveMarker,
  CurveNode,
  FanNode,
  GridNode,
  LineWeight,
  Padding,
  RowNode,
  RuleNode,
  SpacerNode,
  TagNode,
  TextNode,
  VerticalTextNode,
} from '../src/model.js';

/*
 * Invariants that every rendering must keep, checked on random valid models.
 *
 * FUZZ_RUNS sets the number of models per property (default 100). A failure
 * prints the seed and path of the shrunk counterexample. To replay exactly
 * that model, run again with FUZZ_SEED=<seed> and FUZZ_PATH=<path>.
 */

const DEFAULT_RUNS = 100;

function readRuns(): number {
  const value = process.env.FUZZ_RUNS;
  if (value === undefined || value === '') {
    return DEFAULT_RUNS;
  }

  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`invalid FUZZ_RUNS '${value}': set it to a whole number of at least 1, such as 100`);
  }

  return runs;
}

/**
 * The seed of the default run, so `npm test` checks the same models every
 * time; `npm run test:fuzz` sets FUZZ_RUNS and leaves the seed random.
 */
const DEFAULT_SEED = 20261204;

function readSeed(): number | undefined {
  const value = process.env.FUZZ_SEED;
  if (value === undefined || value === '') {
    return process.env.FUZZ_RUNS === undefined ? DEFAULT_SEED : undefined;
  }

  const seed = Number(value);
  if (!Number.isInteger(seed)) {
    throw new Error(`invalid FUZZ_SEED '${value}': set it to the whole-number seed that a failed run printed`);
  }

  return seed;
}

function fuzzParameters(): fc.Parameters<[DiagramNode]> {
  const seed = readSeed();
  const path = process.env.FUZZ_PATH;

  return {
    numRuns: readRuns(),
    ...(seed !== undefined && { seed }),
    ...(path !== undefined && path !== '' && { path }),
  };
}

/** Label pieces: ASCII, CJK, emoji (one code point, ZWJ, flag, with U+FE0F) and a combining mark. */
const LABEL_PIECES = ['a', 'Z', '9', 'Data', 'x-y', 'é', 'e\u0301', '漢', '字', '日本', '🎉', '🚀', '👩‍💻', '🇯🇵', '⚠️'];

/** A label with no leading or trailing space, or the empty string. */
const label: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('', ' '), fc.constantFrom(...LABEL_PIECES)), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([separator, piece], index) => (index === 0 ? piece : separator + piece)).join('')),
);

const nonEmptyLabel = label.filter((value) => value !== '');

const lineWeight = fc.constantFrom<LineWeight>('light', 'heavy', 'double');
const horizontalAlign = fc.constantFrom('left', 'center', 'right' as const);
const verticalAlign = fc.constantFrom('top', 'middle', 'bottom' as const);
const small = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });

function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

/** Drops fields set to undefined, so models look like hand-written ones. */
function defined<T extends object>(node: T): T {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined)) as T;
}

const padding: fc.Arbitrary<Padding> = fc.oneof(
  small(2),
  fc.record({ x: small(2), y: small(1) }, { requiredKeys: [] }),
  fc.record({ top: small(1), right: small(2), bottom: small(1), left: small(2) }, { requiredKeys: [] }),
);

const textNode: fc.Arbitrary<TextNode> = fc
  .record({ lines: fc.array(label, { minLength: 1, maxLength: 3 }), align: optional(horizontalAlign) })
  .map(({ lines, align }) => defined({ kind: 'text', text: lines.join('\n'), align }));

const verticalTextNode: fc.Arbitrary<VerticalTextNode> = nonEmptyLabel.map((value) => ({ kind: 'vtext', text: value }));

const tagNode: fc.Arbitrary<TagNode> = fc
  .record({ text: label, padding: optional(small(2)) })
  .map((fields) => defined({ kind: 'tag', ...fields }));

/** A fixed-width rule gets no caption, so the caption always fits. */
const ruleNode: fc.Arbitrary<RuleNode> = fc.oneof(
  fc.record({ line: optional(lineWeight), width: fc.integer({ min: 1, max: 8 }) }).map((fields) => defined({ kind: 'rule' as const, ...fields })),
  fc
    .record({ line: optional(lineWeight), width: optional(fc.constant('full' as const)), caption: optional(nonEmptyLabel) })
    .map((fields) => defined({ kind: 'rule' as const, ...fields })),
);

const spacerNode: fc.Arbitrary<SpacerNode> = fc
  .record({ width: optional(small(3)), height: optional(small(2)) })
  .map((fields) => defined({ kind: 'spacer', ...fields }));

/** The value stays within 0..max and labelWidth, when set, fits the label. */
const barNode: fc.Arbitrary<BarNode> = fc
  .record({
    max: optional(fc.integer({ min: 1, max: 200 })),
    share: fc.integer({ min: 0, max: 100 }),
    label: optional(label),
    extraLabelWidth: optional(small(3)),
    width: optional(fc.integer({ min: 1, max: 12 })),
    percent: optional(fc.boolean()),
  })
  .map(({ max, share, label: barLabel, extraLabelWidth, width, percent }) =>
    defined({
      kind: 'bar',
      value: Math.floor(((max ?? 100) * share) / 100),
      max,
      label: barLabel,
      labelWidth: barLabel === undefined || extraLabelWidth === undefined ? undefined : stringWidth(barLabel) + extraLabelWidth,
      width,
      percent,
    }),
  );

function markers(count: number): fc.Arbitrary<CurveMarker[]> {
  const marker = fc
    .record({ at: fc.integer({ min: 0, max: count - 1 }), symbol: optional(fc.constantFrom('arrow', 'bound' as const)), label: optional(nonEmptyLabel) })
    .map((fields) => defined(fields));

  return fc.array(marker, { maxLength: 3 });
}

const curveNode: fc.Arbitrary<CurveNode> = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }).chain((values) =>
  fc
    .record({
      shape: optional(fc.constantFrom('sparkline', 'line' as const)),
      height: optional(fc.integer({ min: 2, max: 4 })),
      margin: optional(small(2)),
      markers: optional(markers(values.length)),
    })
    .map((fields) => defined({ kind: 'curve', values, ...fields })),
);

const leaf: fc.Arbitrary<DiagramNode> = fc.oneof(
  { withCrossShrink: true },
  textNode, verticalTextNode, tagNode, ruleNode, spacerNode, barNode, curveNode);

const chain: fc.Arbitrary<boolean | Chain | undefined> = optional(
  fc.oneof(
    fc.boolean(),
    fc.record({ head: optional(fc.constantFrom('end', 'start', 'both', 'none' as const)), line: optional(lineWeight) }).map((fields) => defined(fields)),
  ),
);

/** Gaps that fit any chain: two arrowheads, a line cell and a blank cell beside each end. */
const CHAINED_ROW_GAP = 5;
const CHAINED_COLUMN_GAP = 3;

function isChained(value: boolean | Chain | undefined): boolean {
  return value !== undefined && value !== false;
}

/** Random models up to `depth` levels deep; depth 1 is a leaf. */
const diagram = fc.memo<DiagramNode>((depth) => {
  if (depth <= 1) {
    return leaf;
  }

  const child = diagram(depth - 1);
  const children = (maxLength: number): fc.Arbitrary<DiagramNode[]> => fc.array(child, { maxLength });

  const boxNode: fc.Arbitrary<BoxNode> = fc
    .record({
      border: optional(fc.constantFrom<BorderStyle>('light', 'heavy', 'double', 'rounded', 'shade', 'ascii', 'none')),
      title: optional(label),
      titleAlign: optional(horizontalAlign),
      padding: optional(padding),
      align: optional(fc.constantFrom('left', 'center', 'right', 'stretch' as const)),
      valign: optional(verticalAlign),
      minWidth: optional(small(12)),
      minHeight: optional(small(6)),
      divided: optional(fc.boolean()),
      children: children(3),
    })
    // A box with no border has no top line to hold a title, which the validator rejects.
    .map((fields) => defined({ kind: 'box', ...fields, title: fields.border === 'none' ? undefined : fields.title }));

  const rowNode: fc.Arbitrary<RowNode> = fc
    .record({
      gap: optional(small(2)),
      align: optional(fc.constantFrom('top', 'middle', 'bottom', 'stretch' as const)),
      chain,
      children: children(3),
    })
    .map((fields) => defined({ kind: 'row', ...fields, gap: isChained(fields.chain) ? CHAINED_ROW_GAP : fields.gap }));

  const columnNode: fc.Arbitrary<ColumnNode> = fc
    .record({
      gap: optional(small(2)),
      align: optional(fc.constantFrom('left', 'center', 'right', 'stretch' as const)),
      chain,
      children: children(3),
    })
    .map((fields) => defined({ kind: 'column', ...fields, gap: isChained(fields.chain) ? CHAINED_COLUMN_GAP : fields.gap }));

  const gridNode: fc.Arbitrary<GridNode> = fc
    .record({
      columns: fc.integer({ min: 1, max: 3 }),
      columnGap: optional(small(2)),
      rowGap: optional(small(1)),
      align: optional(fc.constantFrom('left', 'center', 'right', 'stretch' as const)),
      valign: optional(fc.constantFrom('top', 'middle', 'bottom', 'stretch' as const)),
      children: children(5),
    })
    .map((fields) => defined({ kind: 'grid', ...fields }));

  const fanNode: fc.Arbitrary<FanNode> = fc
    .record({
      ends: fc.constantFrom('from', 'to', 'both'),
      from: child,
      nodes: fc.array(child, { minLength: 1, maxLength: 3 }),
      to: child,
      gap: optional(fc.integer({ min: 1, max: 4 })),
      line: optional(lineWeight),
    })
    .map(({ ends, from, to, ...fields }) =>
      defined({
        kind: 'fan',
        ...fields,
        from: ends === 'to' ? undefined : from,
        to: ends === 'from' ? undefined : to,
      }),
    );

  return fc.oneof({ withCrossShrink: true }, { arbitrary: leaf, weight: 2 }, boxNode, rowNode, columnNode, gridNode, fanNode);
});

const MAX_DEPTH = 4;
const models = diagram(MAX_DEPTH);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Lists every label a model draws, one line each, without empty or blank ones. */
function labelsOf(node: DiagramNode): string[] {
  const own: string[] = [];
  switch (node.kind) {
    case 'text':
      own.push(...node.text.split('\n'));
      break;
    case 'vtext':
      own.push(...Array.from(segmenter.segment(node.text), (part) => part.segment));
      break;
    case 'tag':
      own.push(node.text);
      break;
    case 'rule':
      own.push(node.caption ?? '');
      break;
    case 'box':
      own.push(node.title ?? '');
      break;
    case 'bar':
      own.push(node.label ?? '');
      break;
    case 'curve':
      own.push(...(node.markers ?? []).map((marker) => marker.label ?? ''));
      break;
    default:
      break;
  }

  if (node.kind === 'row' || node.kind === 'column' || node.kind === 'grid') {
    own.push(...(node.connectors ?? []).map((connector) => connector.label ?? ''));
  }

  const nested = childrenOf(node).flatMap(labelsOf);

  return [...own.filter((value) => value.trim() !== ''), ...nested];
}

function childrenOf(node: DiagramNode): DiagramNode[] {
  switch (node.kind) {
    case 'box':
    case 'row':
    case 'column':
    case 'grid':
      return [...node.children];
    case 'fan':
      return [...(node.from === undefined ? [] : [node.from]), ...node.nodes, ...(node.to === undefined ? [] : [node.to])];
    default:
      return [];
  }
}

/** U+FE0F after a text-default symbol is dropped by the default `emoji: 'text'` option. */
function withoutVariationSelector(value: string): string {
  return value.replaceAll('\ufe0f', '');
}

function missingLabels(model: DiagramNode, output: string): string[] {
  const lines = output.split('\n').map(withoutVariationSelector);

  return labelsOf(model).filter((value) => !lines.some((line) => line.includes(withoutVariationSelector(value))));
}

function renderOrUndefined(model: DiagramNode): string | undefined {
  try {
    return renderDiagram(model);
  } catch {
    return undefined;
  }
}

/** Lists the lines where the ASCII rendering's display width differs from the Unicode one. */
function widthMismatches(unicode: string, ascii: string): string[] {
  const unicodeLines = unicode.split('\n');
  const asciiLines = ascii.split('\n');

  return unicodeLines.flatMap((line, index) => {
    const asciiLine = asciiLines[index] ?? '';

    return stringWidth(line) === stringWidth(asciiLine) ? [] : [`line ${index + 1}: '${line}' and '${asciiLine}'`];
  });
}

/** Lists the characters above U+007E in the ASCII rendering that no label contains. */
function foreignCharacters(model: DiagramNode, ascii: string): string[] {
  const fromLabels = new Set(labelsOf(model).flatMap((value) => Array.from(value)));

  return Array.from(new Set(Array.from(ascii).filter((character) => (character.codePointAt(0) ?? 0) > 0x7e && !fromLabels.has(character))));
}

function linesEndingInSpace(output: string): number[] {
  return output
    .split('\n')
    .flatMap((line, index) => (line.endsWith(' ') ? [index + 1] : []));
}

/**
 * Runs a property over random models, skipping any model whose rendering
 * throws. The render property reports such a crash, so it fails that test only.
 */
function forEveryModel(check: (model: DiagramNode, output: string) => void): void {
  fc.assert(
    fc.property(models, (model) => {
      const output = renderOrUndefined(model);
      fc.pre(output !== undefined);
      check(model, output);
    }),
    fuzzParameters(),
  );
}

describe('random models', () => {
  it('render without throwing when valid', () => {
    fc.assert(
      fc.property(models, (model) => {
        if (validateDiagram(model).length > 0) {
          return;
        }
        renderDiagram(model);
        renderDiagram(model, { charset: 'ascii' });
      }),
      fuzzParameters(),
    );
  });

  it('throw the first validation problem when invalid', () => {
    fc.assert(
      fc.property(models, (model) => {
        const first = validateDiagram(model)[0];
        if (first === undefined) {
          return;
        }
        expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: first.code, path: first.path }));
      }),
      fuzzParameters(),
    );
  });

  it('have no open joints', () => {
    forEveryModel((_model, output) => {
      expect(checkDiagram(output), output).toEqual([]);
    });
  });

  it('render the same text twice', () => {
    forEveryModel((model, output) => {
      const before = JSON.stringify(model);

      expect(renderDiagram(model)).toBe(output);
      expect(JSON.stringify(model)).toBe(before);
    });
  });

  it('end no line in a space or newline', () => {
    forEveryModel((_model, output) => {
      expect(linesEndingInSpace(output), output).toEqual([]);
      expect(output).not.toContain('\r');
      expect(output.endsWith('\n')).toBe(false);
    });
  });

  it('show every label', () => {
    forEveryModel((model, output) => {
      expect(missingLabels(model, output), output).toEqual([]);
    });
  });

  it('keep the geometry in ascii', () => {
    forEveryModel((model, output) => {
      const ascii = renderDiagram(model, { charset: 'ascii' });

      expect(ascii.split('\n')).toHaveLength(output.split('\n').length);
      expect(widthMismatches(output, ascii), `${output}\n\n${ascii}`).toEqual([]);
      expect(foreignCharacters(model, ascii), ascii).toEqual([]);
    });
  });
});

describe('course diagrams', () => {
  for (const { name, model } of courseDiagrams) {
    it(`${name} keeps the invariants`, () => {
      const output = renderDiagram(model);
      const ascii = renderDiagram(model, { charset: 'ascii' });

      expect(checkDiagram(output), output).toEqual([]);
      expect(renderDiagram(model)).toBe(output);
      expect(linesEndingInSpace(output)).toEqual([]);
      expect(output).not.toContain('\r');
      expect(output.endsWith('\n')).toBe(false);
      expect(missingLabels(model, output)).toEqual([]);
      expect(ascii.split('\n')).toHaveLength(output.split('\n').length);
      expect(widthMismatches(output, ascii)).toEqual([]);
      expect(foreignCharacters(model, ascii)).toEqual([]);
    });
  }
});

/** Widths from the floor of the width option up to past most random models' natural width. */
const widths = fc.integer({ min: 10, max: 120 });

describe('random models in a width budget', () => {
  it('fit or reject the width', () => {
    fc.assert(
      fc.property(models, widths, (model, width) => {
        if (validateDiagram(model).length > 0) {
          return;
        }
        let output: string;
        try {
          output = renderDiagram(model, { width });
        } catch (error) {
          // A diagram may need more columns than it is given; it must say so with this code.
          expect(error).toMatchObject({ code: 'does-not-fit' });

          return;
        }
        const widest = Math.max(...output.split('\n').map((line) => stringWidth(line)));
        expect(widest, output).toBeLessThanOrEqual(width);
        expect(checkDiagram(output), output).toEqual([]);
        expect(renderDiagram(model, { width }), 'deterministic').toBe(output);
      }),
      { ...fuzzParameters(), numRuns: Math.max(20, Math.floor(readRuns() / 2)) } as fc.Parameters<[DiagramNode, number]>,
    );
  });
});
