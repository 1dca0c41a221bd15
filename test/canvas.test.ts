import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { Weight, parseArms } from '../src/canvas/arms.js';
import { Canvas, CellKind } from '../src/canvas/canvas.js';
import { SymbolCode } from '../src/canvas/glyphs.js';
import { type Glyph, Typesetter } from '../src/text/typeset.js';
import { box, renderDiagram, row, text } from '../src/index.js';
import { SpareArray } from '../src/spare-array.js';

/** The default text policy of `renderDiagram`. */
const typesetter = new Typesetter({ tabWidth: 8, emoji: 'text', trustedLabels: false });

function glyphs(text: string): readonly Glyph[] {
  return typesetter.line(text).glyphs;
}

function kindsOfRow(canvas: Canvas, y: number): CellKind[] {
  const kinds: CellKind[] = [];
  for (let x = canvas.originX; x < canvas.originX + canvas.width; x += 1) {
    kinds.push(canvas.kindAt(x, y));
  }

  return kinds;
}

const { Empty, Line, Symbol: SymbolCell, Text, Continuation } = CellKind;

describe('Canvas wide graphemes', () => {
  it('CJK grapheme takes two cells', () => {
    const canvas = new Canvas(5, 1);
    const end = canvas.writeText(0, 0, glyphs('漢字'));

    expect(end).toBe(4);
    expect(kindsOfRow(canvas, 0)).toEqual([Text, Continuation, Text, Continuation, Empty]);
    expect(canvas.toString('unicode')).toBe('漢字');
  });

  it.each([
    ['emoji', '🎉'],
    ['ZWJ sequence', '👩‍💻'],
    ['flag', '🇯🇵'],
  ])('%s takes two cells', (_name, emoji) => {
    const canvas = new Canvas(4, 1);
    canvas.writeText(0, 0, glyphs(`${emoji}a`));

    expect(kindsOfRow(canvas, 0)).toEqual([Text, Continuation, Text, Empty]);
    expect(canvas.toString('unicode')).toBe(`${emoji}a`);
  });

  it('combining mark stays in one cell', () => {
    const canvas = new Canvas(3, 1);
    canvas.writeText(0, 0, glyphs('e\u0301x'));

    expect(kindsOfRow(canvas, 0)).toEqual([Text, Text, Empty]);
    expect(canvas.toString('unicode')).toBe('e\u0301x');
  });

  it('serialization keeps columns', () => {
    const canvas = new Canvas(6, 3);
    canvas.writeText(0, 0, glyphs('漢字|'));
    canvas.writeText(0, 1, glyphs('🎉ab|'));
    canvas.writeText(0, 2, glyphs('abcd|'));
    const lines = canvas.toString('unicode').split('\n');

    expect(lines).toEqual([
      '漢字|',
      '🎉ab|',
      'abcd|',
    ]);
    expect(lines.map((line) => stringWidth(line))).toEqual([5, 5, 5]);
  });

  it('wide grapheme at last column throws', () => {
    const canvas = new Canvas(3, 1);

    expect(() => canvas.writeText(2, 0, glyphs('漢'))).toThrow(RangeError);
  });
});

describe('Canvas overwriting half a wide grapheme', () => {
  function cjkCanvas(): Canvas {
    const canvas = new Canvas(5, 1);
    canvas.writeText(0, 0, glyphs('漢字'));

    return canvas;
  }

  it('text on right half clears left', () => {
    const canvas = cjkCanvas();
    canvas.writeText(1, 0, glyphs('x'));

    expect(kindsOfRow(canvas, 0)).toEqual([Empty, Text, Text, Continuation, Empty]);
    expect(canvas.toString('unicode')).toBe(' x字');
  });

  it('text on left half clears right', () => {
    const canvas = cjkCanvas();
    canvas.writeText(2, 0, glyphs('x'));

    expect(kindsOfRow(canvas, 0)).toEqual([Text, Continuation, Text, Empty, Empty]);
    expect(canvas.toString('unicode')).toBe('漢x');
  });

  it('wide grapheme over two clears both', () => {
    const canvas = cjkCanvas();
    canvas.writeText(1, 0, glyphs('中'));

    expect(kindsOfRow(canvas, 0)).toEqual([Empty, Text, Continuation, Empty, Empty]);
    expect(canvas.toString('unicode')).toBe(' 中');
  });

  it('line on right half clears left', () => {
    const canvas = cjkCanvas();
    canvas.addArms(1, 0, parseArms('-l-l'));

    expect(kindsOfRow(canvas, 0)).toEqual([Empty, Line, Text, Continuation, Empty]);
    expect(canvas.toString('unicode')).toBe(' ─字');
  });

  it('symbol on left half clears right', () => {
    const canvas = cjkCanvas();
    canvas.setSymbol(2, 0, SymbolCode.ArrowRight);

    expect(kindsOfRow(canvas, 0)).toEqual([Text, Continuation, SymbolCell, Empty, Empty]);
    expect(canvas.toString('unicode')).toBe('漢▶');
  });

  it('serialized width fits the canvas', () => {
    const canvas = cjkCanvas();
    canvas.writeText(1, 0, glyphs('中'));
    canvas.writeText(3, 0, glyphs('ab'));

    expect(canvas.toString('unicode')).toBe(' 中ab');
    expect(stringWidth(canvas.toString('unicode'))).toBe(5);
  });
});

describe('Canvas cell kinds', () => {
  it('line over text replaces the text', () => {
    const canvas = new Canvas(3, 1);
    canvas.writeText(0, 0, glyphs('abc'));
    canvas.horizontalLine(1, 2, 0, Weight.Light);

    expect(canvas.toString('unicode')).toBe('a──');
  });

  it('text over a line replaces the line', () => {
    const canvas = new Canvas(3, 1);
    canvas.horizontalLine(0, 2, 0, Weight.Light);
    canvas.writeText(1, 0, glyphs('x'));

    expect(kindsOfRow(canvas, 0)).toEqual([Line, Text, Line]);
    expect(canvas.toString('unicode')).toBe('─x─');
  });
});

describe('Canvas serialization', () => {
  it('empty canvas is the empty string', () => {
    expect(new Canvas(4, 3).toString('unicode')).toBe('');
  });

  it('trailing spaces are trimmed', () => {
    const canvas = new Canvas(6, 2);
    canvas.writeText(0, 0, glyphs('a  '));
    canvas.writeText(0, 1, glyphs('  b'));

    expect(canvas.toString('unicode')).toBe(
      [
        'a',
        '  b',
      ].join('\n'),
    );
  });

  it('row of spaces becomes an empty line', () => {
    const canvas = new Canvas(3, 3);
    canvas.writeText(0, 0, glyphs('a'));
    canvas.writeText(0, 1, glyphs('   '));
    canvas.writeText(0, 2, glyphs('b'));

    expect(canvas.toString('unicode')).toBe(
      [
        'a',
        '',
        'b',
      ].join('\n'),
    );
  });

  it('trailing blank rows are dropped', () => {
    const canvas = new Canvas(3, 5);
    canvas.writeText(0, 0, glyphs('a'));
    canvas.writeText(0, 2, glyphs('b'));

    expect(canvas.toString('unicode')).toBe(
      [
        'a',
        '',
        'b',
      ].join('\n'),
    );
  });

  it('leading blank rows are kept', () => {
    const canvas = new Canvas(3, 3);
    canvas.writeText(0, 1, glyphs('b'));

    expect(canvas.toString('unicode')).toBe(
      [
        '',
        'b',
      ].join('\n'),
    );
  });

  it('output has no final newline', () => {
    const canvas = new Canvas(3, 2);
    canvas.writeText(0, 0, glyphs('a'));
    canvas.writeText(0, 1, glyphs('b'));
    const output = canvas.toString('unicode');

    expect(output).toBe('a\nb');
    expect(output.endsWith('\n')).toBe(false);
  });
});

describe('Canvas origin', () => {
  it('origin offsets every coordinate', () => {
    const canvas = new Canvas(4, 2, -2, -1);
    canvas.writeText(-2, -1, glyphs('a'));
    canvas.writeText(1, 0, glyphs('z'));

    expect(canvas.kindAt(-2, -1)).toBe(Text);
    expect(canvas.kindAt(1, 0)).toBe(Text);
    expect(canvas.toString('unicode')).toBe(
      [
        'a',
        '   z',
      ].join('\n'),
    );
  });

  it('origin offset clears wide partner', () => {
    const canvas = new Canvas(4, 1, 3, 0);
    canvas.writeText(3, 0, glyphs('漢'));
    canvas.writeText(4, 0, glyphs('x'));

    expect(kindsOfRow(canvas, 0)).toEqual([Empty, Text, Empty, Empty]);
    expect(canvas.toString('unicode')).toBe(' x');
  });

  it.each([
    ['left', -3, 0],
    ['right', 2, 0],
    ['above', 0, -2],
    ['below', 0, 1],
  ])('cell %s of the canvas throws', (_side, x, y) => {
    const canvas = new Canvas(4, 2, -2, -1);

    expect(() => canvas.kindAt(x, y)).toThrow(RangeError);
    expect(() => canvas.writeText(x, y, glyphs('x'))).toThrow(RangeError);
  });
});

describe('Canvas plain text decoding', () => {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';

  function drawing(): Canvas {
    const canvas = new Canvas(8, 2);
    canvas.writeText(0, 0, [{ text: family, width: 2 }, { text: 'e\u0301', width: 1 }]);
    canvas.horizontalLine(0, 7, 1, Weight.Light);

    return canvas;
  }

  it('keeps graphemes of several code units', () => {
    const expected = `${family}e\u0301\n────────`;

    expect(drawing().toString('unicode')).toBe(expected);
  });

  it('decodes the same without Buffer', async () => {
    vi.resetModules();
    vi.stubGlobal('Buffer', undefined);
    try {
      const fresh = await import('../src/canvas/canvas.js');
      const canvas = new fresh.Canvas(8, 2);
      canvas.writeText(0, 0, [{ text: family, width: 2 }, { text: 'e\u0301', width: 1 }]);
      canvas.horizontalLine(0, 7, 1, Weight.Light);

      expect(canvas.toString('unicode')).toBe(drawing().toString('unicode'));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('Canvas plain text after a longer drawing', () => {
  it('leaves nothing of the earlier drawing', () => {
    const long = new Canvas(40, 3);
    long.horizontalLine(0, 39, 0, Weight.Light);
    long.horizontalLine(0, 39, 1, Weight.Light);
    long.horizontalLine(0, 39, 2, Weight.Light);
    long.toString('unicode');

    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const short = new Canvas(6, 2);
    short.writeText(0, 0, [{ text: family, width: 2 }, { text: family, width: 2 }]);
    short.writeText(0, 1, [{ text: 'a', width: 1 }]);
    short.writeText(5, 1, [{ text: 'b', width: 1 }]);

    expect(short.toString('unicode')).toBe(`${family}${family}\na    b`);
  });
});

describe('Canvas cell array reuse', () => {
  it('reused array starts blank', () => {
    const first = new Canvas(8, 3);
    first.writeText(0, 0, glyphs('abcdefgh'));
    first.horizontalLine(0, 7, 2, Weight.Heavy);
    first.release();

    const second = new Canvas(6, 2);

    expect(second.toString('unicode')).toBe('');
    expect(kindsOfRow(second, 0)).toEqual([Empty, Empty, Empty, Empty, Empty, Empty]);
  });

  it('live canvases never share cells', () => {
    const spare = new Canvas(8, 2);
    spare.release();
    const outer = new Canvas(4, 1);
    const inner = new Canvas(4, 1);
    outer.writeText(0, 0, glyphs('out'));
    inner.writeText(0, 0, glyphs('in'));

    expect(outer.toString('unicode')).toBe('out');
    expect(inner.toString('unicode')).toBe('in');
  });

  it('released canvas reads as empty', () => {
    const canvas = new Canvas(3, 1);
    canvas.writeText(0, 0, glyphs('abc'));
    canvas.release();
    const next = new Canvas(3, 1);
    next.writeText(0, 0, glyphs('xyz'));

    expect(canvas.toString('unicode')).toBe('');
    expect(next.toString('unicode')).toBe('xyz');
  });
});

describe('Canvas reuse across nested renders', () => {
  it('render inside a getter keeps both outputs', () => {
    const inner = row({ chain: true, gap: 5 }, [box(text('x')), box(text('y'))]);
    const plain = box({ title: 'T' }, text('outer label'));
    const nested = {
      kind: 'box' as const,
      children: [text('outer label')],
      get title(): string {
        renderDiagram(inner);

        return 'T';
      },
    };

    expect(renderDiagram(nested)).toBe(renderDiagram(plain));
  });
});

describe('SpareArray', () => {
  it('taken spare is zeroed to length', () => {
    const spares = new SpareArray<Uint8Array>((length) => new Uint8Array(length), 16);
    const first = spares.take(8);
    first.fill(7);
    spares.give(first);
    const again = spares.take(5);

    expect(again).toBe(first);
    expect([...again.subarray(0, 5)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('second take while the spare is out allocates', () => {
    const spares = new SpareArray<Uint8Array>((length) => new Uint8Array(length), 16);
    spares.give(new Uint8Array(8));
    const first = spares.take(4);
    const second = spares.take(4);

    expect(second).not.toBe(first);
  });

  it('array over the limit serves large takes only', () => {
    const spares = new SpareArray<Uint8Array>((length) => new Uint8Array(length), 16);
    const large = new Uint8Array(32);
    spares.give(large);

    expect(spares.take(8)).not.toBe(large);
    large.fill(7);
    const again = spares.take(20);
    expect(again).toBe(large);
    expect(again.subarray(0, 20).every((value) => value === 0)).toBe(true);
    expect(spares.take(20)).not.toBe(large);
  });

  it('too short spare is left alone', () => {
    const spares = new SpareArray<Uint8Array>((length) => new Uint8Array(length), 16);
    const short = new Uint8Array(4);
    spares.give(short);

    expect(spares.take(8).length).toBe(8);
    expect(spares.take(4)).toBe(short);
  });
});
