import { describe, expect, it } from 'vitest';
import { type DiagramNode, type RenderOptions, arrow, bar, box, column, curve, renderDiagram, row, rule, tag, text, vtext } from '../src/index.js';
import { Typesetter } from '../src/text/typeset.js';
import { displayWidth } from '../src/text/width.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

interface WidthCase {
  readonly name: string;
  readonly label: string;
  /** Columns through the typesetter under `emoji: 'text'`, the default. */
  readonly text: number;
  /** Columns through the typesetter under `emoji: 'emoji'`. */
  readonly emoji: number;
  /**
   * Columns from `displayWidth` on the raw label. It measures printable text
   * only, because string-width counts control characters as zero columns and
   * skips ANSI escape sequences. Labels therefore go through the typesetter first.
   */
  readonly display: number;
  /** The lines the typesetter draws under `emoji: 'text'`. */
  readonly drawn: readonly string[];
}

const WIDTH_CASES: readonly WidthCase[] = [
  { name: 'ASCII', label: 'abc', text: 3, emoji: 3, display: 3, drawn: ['abc'] },
  { name: 'CJK', label: '漢字', text: 4, emoji: 4, display: 4, drawn: ['漢字'] },
  { name: 'emoji', label: '🚀', text: 2, emoji: 2, display: 2, drawn: ['🚀'] },
  { name: 'text-default symbol with U+FE0F', label: '⚠️', text: 1, emoji: 2, display: 2, drawn: ['⚠'] },
  { name: 'text-default symbol alone', label: '⚠', text: 1, emoji: 1, display: 1, drawn: ['⚠'] },
  { name: 'copyright sign with U+FE0F', label: '©️', text: 1, emoji: 2, display: 2, drawn: ['©'] },
  { name: 'ZWJ sequence', label: '👩‍💻', text: 2, emoji: 2, display: 2, drawn: ['👩‍💻'] },
  { name: 'skin tone modifier', label: '👍🏽', text: 2, emoji: 2, display: 2, drawn: ['👍🏽'] },
  { name: 'flag', label: '🇯🇵', text: 2, emoji: 2, display: 2, drawn: ['🇯🇵'] },
  // The text policy draws a keycap as its plain character, which takes one column in every terminal.
  { name: 'keycap', label: '1️⃣', text: 1, emoji: 2, display: 2, drawn: ['1'] },
  { name: 'combining accent', label: 'e\u0301', text: 1, emoji: 1, display: 1, drawn: ['e\u0301'] },
  { name: 'tab at column 0', label: '\tx', text: 9, emoji: 9, display: 1, drawn: [`${' '.repeat(8)}x`] },
  { name: 'tab at column 1', label: 'a\tb', text: 9, emoji: 9, display: 2, drawn: [`a${' '.repeat(7)}b`] },
  { name: 'tab at column 7', label: 'abcdefg\tx', text: 9, emoji: 9, display: 8, drawn: ['abcdefg x'] },
  { name: 'tab at column 8', label: 'abcdefgh\tx', text: 17, emoji: 17, display: 9, drawn: [`abcdefgh${' '.repeat(8)}x`] },
  { name: 'two tabs', label: 'a\t\tb', text: 17, emoji: 17, display: 2, drawn: [`a${' '.repeat(15)}b`] },
  { name: 'tab after a wide character', label: '漢\tx', text: 9, emoji: 9, display: 3, drawn: [`漢${' '.repeat(6)}x`] },
  { name: 'tab after CRLF', label: 'abc\r\n\tx', text: 9, emoji: 9, display: 4, drawn: ['abc', `${' '.repeat(8)}x`] },
  { name: 'CRLF', label: 'a\r\nbcd', text: 3, emoji: 3, display: 4, drawn: ['a', 'bcd'] },
  { name: 'lone CR', label: 'a\rbcd', text: 3, emoji: 3, display: 4, drawn: ['a', 'bcd'] },
  { name: 'zero-width space', label: 'a\u200bb', text: 2, emoji: 2, display: 2, drawn: ['ab'] },
  { name: 'soft hyphen', label: 'a\u00adb', text: 2, emoji: 2, display: 2, drawn: ['ab'] },
  { name: 'right-to-left override', label: 'a\u202eb', text: 2, emoji: 2, display: 2, drawn: ['ab'] },
  { name: 'ESC', label: `a${ESC}b`, text: 3, emoji: 3, display: 2, drawn: ['a␛b'] },
  { name: 'BEL', label: `a${BEL}b`, text: 3, emoji: 3, display: 2, drawn: ['a␇b'] },
  { name: 'backspace', label: 'a\u0008b', text: 3, emoji: 3, display: 2, drawn: ['a␈b'] },
  { name: 'DEL', label: 'a\u007fb', text: 3, emoji: 3, display: 2, drawn: ['a␡b'] },
  { name: 'C1 control NEL', label: 'a\u0085b', text: 3, emoji: 3, display: 2, drawn: ['a\ufffdb'] },
  { name: 'C1 control CSI', label: '\u009b31mx', text: 5, emoji: 5, display: 1, drawn: ['\ufffd31mx'] },
  { name: 'OSC 52 clipboard write', label: `${ESC}]52;c;aGVsbG8=${BEL}`, text: 16, emoji: 16, display: 0, drawn: ['␛]52;c;aGVsbG8=␇'] },
  { name: 'cursor-move CSI', label: `${ESC}[2;5H`, text: 6, emoji: 6, display: 0, drawn: ['␛[2;5H'] },
  { name: 'title-setting OSC', label: `${ESC}]0;pwned${BEL}`, text: 10, emoji: 10, display: 0, drawn: ['␛]0;pwned␇'] },
  { name: 'SGR from an untrusted label', label: `${ESC}[31mred${ESC}[39m`, text: 13, emoji: 13, display: 3, drawn: ['␛[31mred␛[39m'] },
];

/** Labels that try to reach the terminal: every one must be drawn visibly unless a trusted form is kept. */
const HOSTILE_LABELS: readonly string[] = [
  `a${ESC}b`,
  `a${BEL}b`,
  'a\u0000b',
  'a\u0008b',
  'a\u000bb',
  'a\u000cb',
  'a\u007fb',
  'a\u0085b',
  '\u009b2J',
  '\u009d0;title\u009c',
  `${ESC}]52;c;aGVsbG8=${BEL}`,
  `${ESC}]52;c;aGVsbG8=${ST}`,
  `${ESC}[2;5H`,
  `${ESC}[2J`,
  `${ESC}]0;pwned${BEL}`,
  `${ESC}]0;pwned${ST}`,
  `${ESC}P+q544e${ST}`,
  `${ESC}[31mred${ESC}[39m`,
  `${ESC}]8;;https://example.com${ST}link${ESC}]8;;${ST}`,
];

/** Labels whose width or segmentation is easy to get wrong, for the alignment checks. */
const TRICKY_LABELS: readonly string[] = [...WIDTH_CASES.map((widthCase) => widthCase.label), ...HOSTILE_LABELS];

// eslint-disable-next-line no-control-regex -- this pattern exists to find control characters
const CONTROL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;

/** The SGR and OSC 8 sequences the serializer writes itself: `ESC[0m`, `ESC[0;…m`, and OSC 8 with a printable ASCII URI. */
// eslint-disable-next-line no-control-regex -- escape sequences start with ESC
const OWN_SEQUENCE = /\u001b\[0(?:;[0-9;]+)?m|\u001b\]8;;[\u0021-\u007e]*\u001b\\/gu;

function typesetter(emoji: 'text' | 'emoji', trustedLabels = false): Typesetter {
  return new Typesetter({ tabWidth: 8, emoji, trustedLabels });
}

function typesetLines(typeset: Typesetter, label: string): string[] {
  return typeset.lines(label).map((line) => line.glyphs.map((glyph) => glyph.text).join(''));
}

/** Draws a label in every place a label can go: box title, text, tag, rule caption, bar, curve marker, connector and vtext. */
function labelEverywhere(label: string): DiagramNode {
  return column({ gap: 1 }, [
    box({ title: label }, [text(label), tag(label)]),
    rule({ caption: label }),
    bar(40, { label }),
    curve([1, 3, 2], { markers: [{ at: 1, label }] }),
    row({ gap: 40, connectors: [arrow('from', 'to', { label })] }, [box({ id: 'from' }, text('a')), box({ id: 'to' }, text('b'))]),
    vtext(label),
  ]);
}

/** Returns the first control character left after removing the serializer's own escape sequences, or undefined. */
function strayControl(output: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(output.replace(OWN_SEQUENCE, '').replaceAll('\n', ' '));

  return match?.[0];
}

function codePointOf(character: string | undefined): string {
  return character === undefined ? 'none' : `U+${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

function lineWidths(output: string): number[] {
  return output.split('\n').map((line) => displayWidth(line));
}

describe('Typesetter width', () => {
  for (const widthCase of WIDTH_CASES) {
    it(`${widthCase.name} under emoji text`, () => {
      expect(typesetter('text').width(widthCase.label)).toBe(widthCase.text);
    });

    it(`${widthCase.name} under emoji emoji`, () => {
      expect(typesetter('emoji').width(widthCase.label)).toBe(widthCase.emoji);
    });

    it(`${widthCase.name} draws its lines`, () => {
      expect(typesetLines(typesetter('text'), widthCase.label)).toEqual(widthCase.drawn);
    });
  }

  it('keeps U+FE0F under emoji emoji', () => {
    expect(typesetLines(typesetter('emoji'), '⚠️')).toEqual(['⚠️']);
  });

  it('keeps the ZWJ inside an emoji sequence', () => {
    expect(typesetLines(typesetter('text'), 'a👩‍💻b')).toEqual(['a👩‍💻b']);
  });

  it('counts tab stops from the start of each line', () => {
    expect(typesetter('text').lines('ab\n\tx').map((line) => line.width)).toEqual([2, 9]);
  });

  it('honours another tab width', () => {
    const typeset = new Typesetter({ tabWidth: 4, emoji: 'text', trustedLabels: false });

    expect(typesetLines(typeset, 'a\tb\tc')).toEqual(['a   b   c']);
  });
});

describe('displayWidth', () => {
  for (const widthCase of WIDTH_CASES) {
    it(`${widthCase.name} on the raw label`, () => {
      expect(displayWidth(widthCase.label)).toBe(widthCase.display);
    });

    it(`${widthCase.name} agrees with the typesetter`, () => {
      const typeset = typesetter('text');
      const measured = typesetLines(typeset, widthCase.label).map((line) => displayWidth(line));

      expect(measured).toEqual(typeset.lines(widthCase.label).map((line) => line.width));
    });
  }
});

describe('untrusted labels', () => {
  const renderings: readonly { name: string; options: RenderOptions }[] = [
    { name: 'plain', options: {} },
    { name: 'ascii', options: { charset: 'ascii' } },
    { name: 'colour and links', options: { color: 'truecolor', hyperlinks: true } },
  ];

  for (const label of HOSTILE_LABELS) {
    for (const { name, options } of renderings) {
      it(`${JSON.stringify(label)} emits no control, ${name}`, () => {
        const output = renderDiagram(labelEverywhere(label), options);

        expect(codePointOf(strayControl(output))).toBe('none');
      });
    }
  }

  it('emits no escape at all without colour or links', () => {
    for (const label of HOSTILE_LABELS) {
      const output = renderDiagram(labelEverywhere(label));

      expect(output.includes(ESC), JSON.stringify(label)).toBe(false);
    }
  });
});

describe('trusted labels', () => {
  const red = `${ESC}[31mred${ESC}[39m`;
  const link = `${ESC}]8;;https://example.com${ST}link${ESC}]8;;${ST}`;

  it('drops SGR when colour is off', () => {
    expect(renderDiagram(box(text(red)), { trustedLabels: true })).toBe(renderDiagram(box(text('red'))));
  });

  it('keeps SGR when colour is on', () => {
    expect(renderDiagram(box(text(red)), { trustedLabels: true, color: 16 })).toContain(`${ESC}[0;31mred${ESC}[0m`);
  });

  it('drops OSC 8 when hyperlinks are off', () => {
    expect(renderDiagram(box(text(link)), { trustedLabels: true, color: 256 })).not.toContain(`${ESC}]8;`);
  });

  it('keeps OSC 8 when hyperlinks are on', () => {
    const output = renderDiagram(box(text(link)), { trustedLabels: true, hyperlinks: true });

    expect(output).toContain(`${ESC}]8;;https://example.com${ST}link${ESC}]8;;${ST}`);
  });

  for (const label of HOSTILE_LABELS) {
    it(`${JSON.stringify(label)} emits no other control`, () => {
      const output = renderDiagram(labelEverywhere(label), { trustedLabels: true, color: 'truecolor', hyperlinks: true });

      expect(codePointOf(strayControl(output))).toBe('none');
    });
  }

  it('draws other escapes visibly', () => {
    const output = renderDiagram(text(`${ESC}]52;c;aGk=${BEL} ${ESC}[2;5H ${ESC}]0;t${BEL}`), { trustedLabels: true, color: 256, hyperlinks: true });

    expect(output).toBe('␛]52;c;aGk=␇ ␛[2;5H ␛]0;t␇');
  });

  it('keeps no control inside a kept link target', () => {
    const label = `${ESC}]8;;https://example.com/\u009c\u009d0;pwned${BEL}x${ESC}]8;;${BEL}`;
    const output = renderDiagram(text(label), { trustedLabels: true, hyperlinks: true });

    expect(codePointOf(strayControl(output))).toBe('none');
  });
});

describe('wide graphemes in boxes', () => {
  for (const label of TRICKY_LABELS) {
    it(`${JSON.stringify(label)} keeps every box line one width`, () => {
      const widths = lineWidths(renderDiagram(box({ title: label }, text(label))));

      expect(new Set(widths).size, `line widths ${widths.join(', ')}`).toBe(1);
    });
  }

  it('keeps a row of tricky boxes aligned', () => {
    const boxes = TRICKY_LABELS.map((label) => box(text(label)));
    const widths = lineWidths(renderDiagram(row({ align: 'stretch' }, boxes)));

    expect(new Set(widths).size, `line widths ${widths.join(', ')}`).toBe(1);
  });

  it('keeps boxes aligned under emoji emoji', () => {
    for (const label of TRICKY_LABELS) {
      const widths = lineWidths(renderDiagram(box(text(label)), { emoji: 'emoji' }));

      expect(new Set(widths).size, JSON.stringify(label)).toBe(1);
    }
  });

  it('draws a wide grapheme whole between two borders', () => {
    const lines = renderDiagram(row({ gap: 0 }, [box(text('漢')), box(text('🚀')), box(text('a'))])).split('\n');

    expect(lines).toEqual(['┌────┐┌────┐┌───┐', '│ 漢 ││ 🚀 ││ a │', '└────┘└────┘└───┘']);
  });

  it('expands a tab in a tag from the label start', () => {
    expect(renderDiagram(tag('abcdefg\tx'))).toBe('[abcdefg x]');
  });

  it('expands a tab in a box title', () => {
    const widths = lineWidths(renderDiagram(box({ title: 'abcdefg\tx' }, text('a'))));

    expect(new Set(widths).size, `line widths ${widths.join(', ')}`).toBe(1);
  });

  it('expands a tab in a rule caption', () => {
    const output = renderDiagram(column([rule({ caption: 'abcdefg\tx' }), text('a'.repeat(20))]));

    expect(output.split('\n')[0]).toBe('──── abcdefg x ─────');
  });

  it('draws vtext one whole grapheme a line', () => {
    expect(renderDiagram(vtext('漢👩‍💻a')).split('\n')).toEqual(['漢', '👩‍💻', 'a']);
  });
});
