import { Unicode11Addon } from '@xterm/addon-unicode11';
import { Terminal } from '@xterm/headless';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import { type RenderOptions, box, renderDiagram, row, text } from '../src/index.js';
import { Typesetter } from '../src/text/typeset.js';

/**
 * The terminal emulator used as the oracle: @xterm/headless 6.0.0 with the
 * Unicode 11 width tables of @xterm/addon-unicode11 0.9.0. The graphemes
 * add-on 0.4.0 is not used, because under Node its table loader ignores the
 * byteOffset of the pooled `Buffer` it decodes, so every code point above
 * U+FFFF comes out one column wide, CJK Extension B included.
 */
const UNICODE_VERSION = '11';

/** Wide enough for every rendering below, so no line wraps. */
const COLUMNS = 250;

/** Box Drawing (U+2500–U+257F), the shade border `▓`, and the ASCII charset's `|` and `+`. */
const BORDER = /^[\u2500-\u257f\u2593|+]$/u;

const ESC = '\u001b';
const BEL = '\u0007';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Graphemes on which the emulator and string-width 8.3.0 disagree, found by
 * writing each one followed by `|` and reading where the `|` lands. A label
 * holding one of them shifts the rest of its line in xterm.js.
 */
const KNOWN_DISAGREEMENTS: readonly { readonly grapheme: string; readonly name: string; readonly stringWidth: number; readonly xterm: number }[] = [
  { grapheme: '⚠️', name: 'warning sign + U+FE0F', stringWidth: 2, xterm: 1 },
  { grapheme: '©️', name: 'copyright sign + U+FE0F', stringWidth: 2, xterm: 1 },
  { grapheme: '❤️', name: 'heavy black heart + U+FE0F', stringWidth: 2, xterm: 1 },
  { grapheme: '1️⃣', name: 'keycap 1 with U+FE0F', stringWidth: 2, xterm: 1 },
  { grapheme: '1\u20e3', name: 'keycap 1 without U+FE0F', stringWidth: 2, xterm: 1 },
  { grapheme: '👩‍💻', name: 'woman technologist (ZWJ)', stringWidth: 2, xterm: 4 },
  { grapheme: '👍🏽', name: 'thumbs up + skin tone', stringWidth: 2, xterm: 4 },
  { grapheme: '🏳️‍🌈', name: 'rainbow flag (ZWJ)', stringWidth: 2, xterm: 3 },
  { grapheme: '👨‍👩‍👧', name: 'family (ZWJ)', stringWidth: 2, xterm: 6 },
];

/** Graphemes checked against the emulator; any disagreement among them must be listed above. */
const CANDIDATES: readonly string[] = [
  'a',
  'é',
  'e\u0301',
  '漢',
  '字',
  '🚀',
  '😀',
  '⌚',
  '⚠',
  '©',
  '❤',
  '🇯🇵',
  '␛',
  '␇',
  '␡',
  '\ufffd',
  '─',
  '│',
  '▓',
  '█',
  '░',
  '▶',
  '▼',
  '…',
  ...KNOWN_DISAGREEMENTS.map((entry) => entry.grapheme),
];

/** Labels with hard widths or hostile controls, a subset of those in test/text.test.ts. */
const TRICKY_LABELS: readonly string[] = [
  'abc',
  '漢字',
  '🚀',
  '⚠️',
  '⚠',
  '©️',
  '👩‍💻',
  '👍🏽',
  '🇯🇵',
  '1️⃣',
  'e\u0301',
  'a\tb',
  '漢\tx',
  'a\r\nbcd',
  'a\rbcd',
  'a\u200bb',
  'a\u00adb',
  'a\u202eb',
  `a${ESC}b`,
  `a${BEL}b`,
  'a\u007fb',
  'a\u0085b',
  `${ESC}]52;c;aGVsbG8=${BEL}`,
  `${ESC}[2;5H`,
  `${ESC}]0;pwned${BEL}`,
  `${ESC}[31mred${ESC}[39m`,
];

/** Symbols that are text by default and made emoji by U+FE0F; `emoji: 'text'` exists for these. */
const TEXT_DEFAULT_EMOJI: readonly string[] = ['⚠️', '©️', '❤️', 'ℹ️', '↔️', '☀️', '✔️'];

interface TerminalCell {
  readonly x: number;
  readonly chars: string;
  readonly width: number;
}

function createTerminal(rows: number, unicodeVersion: string): Terminal {
  const terminal = new Terminal({ cols: COLUMNS, rows, allowProposedApi: true, scrollback: 0 });
  terminal.loadAddon(new Unicode11Addon());
  terminal.unicode.activeVersion = unicodeVersion;

  return terminal;
}

/** Writes lines to a fresh terminal, joined by CR LF, and resolves once the emulator has parsed them. */
async function writeToTerminal(lines: readonly string[], unicodeVersion = UNICODE_VERSION): Promise<Terminal> {
  const terminal = createTerminal(lines.length + 1, unicodeVersion);
  await new Promise<void>((resolve) => {
    terminal.write(lines.join('\r\n'), resolve);
  });

  return terminal;
}

/** Reads the cells of one terminal row that start a character. The right half of a wide character is skipped. */
function terminalRow(terminal: Terminal, y: number): TerminalCell[] {
  const line = terminal.buffer.active.getLine(y);
  if (line === undefined) {
    throw new Error(`terminal row ${y} does not exist`);
  }

  const cells: TerminalCell[] = [];
  for (let x = 0; x < terminal.cols; x += 1) {
    const cell = line.getCell(x);
    if (cell !== undefined && cell.getWidth() > 0) {
      cells.push({ x, chars: cell.getChars(), width: cell.getWidth() });
    }
  }

  return cells;
}

/** Columns of border glyphs as the canvas placed them: string-width summed over the graphemes before each one. */
function canvasBorderColumns(line: string): number[] {
  const columns: number[] = [];
  let column = 0;
  for (const { segment } of segmenter.segment(stripAnsi(line))) {
    if (BORDER.test(segment)) {
      columns.push(column);
    }
    column += stringWidth(segment);
  }

  return columns;
}

function terminalBorderColumns(terminal: Terminal, y: number): number[] {
  return terminalRow(terminal, y)
    .filter((cell) => BORDER.test(cell.chars))
    .map((cell) => cell.x);
}

interface Misplaced {
  readonly row: number;
  readonly canvas: readonly number[];
  readonly terminal: readonly number[];
}

/** Renders into the emulator and returns every row whose border columns differ from the canvas's. */
async function misplacedBorders(output: string): Promise<Misplaced[]> {
  const lines = output.split('\n');
  const terminal = await writeToTerminal(lines);
  const misplaced: Misplaced[] = [];
  lines.forEach((line, y) => {
    const canvas = canvasBorderColumns(line);
    const emulated = terminalBorderColumns(terminal, y);
    if (canvas.join(',') !== emulated.join(',')) {
      misplaced.push({ row: y, canvas, terminal: emulated });
    }
  });
  terminal.dispose();

  return misplaced;
}

/** Columns the emulator gives a grapheme: where a `|` written after it lands. */
async function emulatorWidth(grapheme: string, unicodeVersion = UNICODE_VERSION): Promise<number> {
  const terminal = await writeToTerminal([`${grapheme}|`], unicodeVersion);
  const bar = terminalRow(terminal, 0).find((cell) => cell.chars === '|');
  terminal.dispose();
  if (bar === undefined) {
    throw new Error(`the emulator dropped the '|' written after ${JSON.stringify(grapheme)}`);
  }

  return bar.x;
}

/** Computes how far the emulator moves the end of each line of a label from where the typesetter puts it. */
function expectedShifts(label: string): number[] {
  const typeset = new Typesetter({ tabWidth: 8, emoji: 'text', trustedLabels: false });

  return typeset.lines(label).map((line) => {
    let shift = 0;
    for (const glyph of line.glyphs) {
      const known = KNOWN_DISAGREEMENTS.find((entry) => entry.grapheme === glyph.text);
      shift += known === undefined ? 0 : known.xterm - glyph.width;
    }

    return shift;
  });
}

describe('emulator setup', () => {
  it('activates the Unicode 11 tables', () => {
    const terminal = createTerminal(2, UNICODE_VERSION);

    expect(terminal.unicode.activeVersion).toBe('11');
    terminal.dispose();
  });

  it('reads back a wide character as two cells', async () => {
    const terminal = await writeToTerminal(['漢|']);

    expect(terminalRow(terminal, 0).slice(0, 2)).toEqual([
      { x: 0, chars: '漢', width: 2 },
      { x: 2, chars: '|', width: 1 },
    ]);
    terminal.dispose();
  });
});

describe('known disagreements', () => {
  for (const entry of KNOWN_DISAGREEMENTS) {
    it(`${entry.name} is ${entry.stringWidth} in string-width`, () => {
      expect(stringWidth(entry.grapheme)).toBe(entry.stringWidth);
    });

    it(`${entry.name} is ${entry.xterm} in xterm.js`, async () => {
      expect(await emulatorWidth(entry.grapheme)).toBe(entry.xterm);
    });
  }

  it('lists every disagreement among the candidates', async () => {
    const found: string[] = [];
    for (const grapheme of CANDIDATES) {
      if ((await emulatorWidth(grapheme)) !== stringWidth(grapheme)) {
        found.push(grapheme);
      }
    }

    expect(found).toEqual(KNOWN_DISAGREEMENTS.map((entry) => entry.grapheme));
  });

  it('draws ⚠️ in one column with the Unicode 6 and 11 tables', async () => {
    expect(await emulatorWidth('⚠️', '6')).toBe(1);
    expect(await emulatorWidth('⚠️', '11')).toBe(1);
  });
});

describe('course diagrams in the emulator', () => {
  const renderings: readonly { name: string; options: RenderOptions }[] = [
    { name: 'unicode', options: {} },
    { name: 'ascii', options: { charset: 'ascii' } },
    { name: 'unicode in 256 colours', options: { color: 256 } },
    { name: 'ascii in 256 colours', options: { charset: 'ascii', color: 256 } },
  ];

  for (const diagram of courseDiagrams) {
    for (const { name, options } of renderings) {
      it(`${diagram.name} ${name} keeps borders in place`, async () => {
        const output = renderDiagram(diagram.model, options);
        const widest = Math.max(...stripAnsi(output).split('\n').map((line) => stringWidth(line)));

        expect(widest).toBeLessThan(COLUMNS);
        expect(await misplacedBorders(output)).toEqual([]);
      });
    }
  }
});

describe('East Asian Ambiguous glyphs', () => {
  /** Collects every string in a model, to separate label characters from drawn glyphs. */
  function modelStrings(value: unknown): string[] {
    if (typeof value === 'string') {
      return [value];
    }

    return typeof value === 'object' && value !== null ? Object.values(value).flatMap(modelStrings) : [];
  }

  /** Characters that a terminal drawing ambiguous characters wide would draw two columns wide, unlike string-width's default. */
  function ambiguousCharacters(output: string): string[] {
    return [...new Set(Array.from(output))].filter((character) => stringWidth(character, { ambiguousIsNarrow: false }) !== stringWidth(character));
  }

  for (const diagram of courseDiagrams) {
    it(`${diagram.name} ascii draws none outside labels`, () => {
      const labelCharacters = new Set(modelStrings(diagram.model).flatMap((label) => Array.from(label)));
      const drawn = ambiguousCharacters(renderDiagram(diagram.model, { charset: 'ascii' }));

      expect(drawn.filter((character) => !labelCharacters.has(character))).toEqual([]);
    });

    it(`${diagram.name} ascii keeps the unicode line widths`, () => {
      const unicode = renderDiagram(diagram.model).split('\n');
      const ascii = renderDiagram(diagram.model, { charset: 'ascii' }).split('\n');

      expect(ascii.map((line) => stringWidth(line))).toEqual(unicode.map((line) => stringWidth(line)));
    });
  }

  it('include the box-drawing glyphs', () => {
    expect(ambiguousCharacters('─│┌┐└┘═║┃▶▼█▓')).toEqual(Array.from('─│┌┐└┘═║┃▶▼█▓'));
  });
});

describe('tricky labels in the emulator', () => {
  for (const label of TRICKY_LABELS) {
    const shifts = expectedShifts(label);
    const shifted = shifts.some((shift) => shift !== 0);
    const title = shifted ? `shifts the right border by ${shifts.join(', ')}` : 'keeps borders in place';

    it(`${JSON.stringify(label)} ${title}`, async () => {
      const lines = renderDiagram(box(text(label))).split('\n');
      const terminal = await writeToTerminal(lines);

      shifts.forEach((shift, index) => {
        const y = index + 1;
        const canvas = canvasBorderColumns(lines[y] ?? '');
        const emulated = terminalBorderColumns(terminal, y);

        expect(emulated[0], `left border, row ${y}`).toBe(canvas[0]);
        expect(emulated.at(-1), `right border, row ${y}`).toBe((canvas.at(-1) ?? 0) + shift);
      });
      terminal.dispose();
    });
  }

  it('keeps a row of the aligned labels in place', async () => {
    const aligned = TRICKY_LABELS.filter((label) => expectedShifts(label).every((shift) => shift === 0));
    const output = renderDiagram(row({ align: 'stretch' }, aligned.map((label) => box(text(label)))));

    expect(await misplacedBorders(output)).toEqual([]);
  });

  it('keeps trusted SGR labels in place in colour', async () => {
    const label = `${ESC}[1m${ESC}[31mbold red${ESC}[39m${ESC}[22m 漢`;
    const output = renderDiagram(box({ title: label }, text(label)), { trustedLabels: true, color: 256 });

    expect(await misplacedBorders(output)).toEqual([]);
  });
});

describe('emoji option in the emulator', () => {
  for (const symbol of TEXT_DEFAULT_EMOJI) {
    it(`${symbol} keeps borders in place under emoji text`, async () => {
      expect(await misplacedBorders(renderDiagram(box(text(`${symbol} ok`))))).toEqual([]);
    });

    it(`${symbol} moves the right border under emoji emoji`, async () => {
      const misplaced = await misplacedBorders(renderDiagram(box(text(`${symbol} ok`)), { emoji: 'emoji' }));

      expect(misplaced.map((entry) => entry.row)).toEqual([1]);
    });
  }

  it('keeps a keycap in place under emoji text', async () => {
    expect(await misplacedBorders(renderDiagram(box(text('1️⃣ ok'))))).toEqual([]);
  });
});
