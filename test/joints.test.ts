import { describe, expect, it } from 'vitest';
import { Weight, parseArms } from '../src/canvas/arms.js';
import { Canvas } from '../src/canvas/canvas.js';
import { armsOfGlyph, lineGlyph, normalizeArms } from '../src/canvas/glyphs.js';

/**
 * Arm sets are written as four letters, up, right, down, left, each `-`
 * (none), `l` (light), `h` (heavy) or `d` (double): `-ll-` is `┌`. The
 * expected glyphs come from the Unicode character names, which spell out
 * each glyph's arms.
 */
type JointCase = readonly [arms: string, glyph: string];

function unicodeGlyph(letters: string, rounded = false): string {
  return lineGlyph(parseArms(letters), 'unicode', rounded);
}

function asciiGlyph(letters: string): string {
  return lineGlyph(parseArms(letters), 'ascii', false);
}

const LIGHT: readonly JointCase[] = [
  ['-l-l', '─'],
  ['l-l-', '│'],
  ['-ll-', '┌'],
  ['--ll', '┐'],
  ['ll--', '└'],
  ['l--l', '┘'],
  ['lll-', '├'],
  ['l-ll', '┤'],
  ['-lll', '┬'],
  ['ll-l', '┴'],
  ['llll', '┼'],
];

const DOUBLE: readonly JointCase[] = [
  ['-d-d', '═'],
  ['d-d-', '║'],
  ['-dd-', '╔'],
  ['--dd', '╗'],
  ['dd--', '╚'],
  ['d--d', '╝'],
  ['ddd-', '╠'],
  ['d-dd', '╣'],
  ['-ddd', '╦'],
  ['dd-d', '╩'],
  ['dddd', '╬'],
];

/** One axis single (light), the other double. */
const SINGLE_AND_DOUBLE: readonly JointCase[] = [
  ['-dld', '╤'],
  ['ld-d', '╧'],
  ['ldl-', '╞'],
  ['l-ld', '╡'],
  ['ldld', '╪'],
  ['-ld-', '╓'],
  ['--dl', '╖'],
  ['dl--', '╙'],
  ['d--l', '╜'],
  ['dld-', '╟'],
  ['d-dl', '╢'],
  ['-ldl', '╥'],
  ['dl-l', '╨'],
  ['dldl', '╫'],
  ['-dl-', '╒'],
  ['--ld', '╕'],
  ['ld--', '╘'],
  ['l--d', '╛'],
];

const HEAVY: readonly JointCase[] = [
  ['-h-h', '━'],
  ['h-h-', '┃'],
  ['-hh-', '┏'],
  ['--hh', '┓'],
  ['hh--', '┗'],
  ['h--h', '┛'],
  ['hhh-', '┣'],
  ['h-hh', '┫'],
  ['-hhh', '┳'],
  ['hh-h', '┻'],
  ['hhhh', '╋'],
];

const LIGHT_AND_HEAVY: readonly JointCase[] = [
  ['lhl-', '┝'],
  ['hlh-', '┠'],
  ['l-lh', '┥'],
  ['h-hl', '┨'],
  ['-lhl', '┰'],
  ['-hlh', '┯'],
  ['hl-l', '┸'],
  ['lh-h', '┷'],
  ['hlhl', '╂'],
  ['lhlh', '┿'],
  ['-hl-', '┍'],
  ['-lh-', '┎'],
  ['hll-', '┞'],
  ['hlll', '╀'],
  ['hhlh', '╇'],
  ['lhhh', '╈'],
  ['hlhh', '╉'],
  ['hhhl', '╊'],
  ['-h-l', '╼'],
  ['-l-h', '╾'],
  ['l-h-', '╽'],
  ['h-l-', '╿'],
];

describe('lineGlyph joint table', () => {
  it.each(LIGHT)('light %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(DOUBLE)('double %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(SINGLE_AND_DOUBLE)('single and double %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(HEAVY)('heavy %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(LIGHT_AND_HEAVY)('light and heavy %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });
});

/** Arm sets Unicode has no glyph for, and the glyph drawn in their place. */
const HEAVY_BESIDE_DOUBLE: readonly JointCase[] = [
  ['hd-d', '╧'],
  ['-dhd', '╤'],
  ['dh--', '╙'],
  ['hd--', '╘'],
  ['-hd-', '╓'],
  ['hdhd', '╪'],
  ['dhdh', '╫'],
];

const DOUBLE_AXIS: readonly JointCase[] = [
  ['dll-', '╟'],
  ['lld-', '╟'],
  ['l-dl', '╢'],
  ['-dll', '╤'],
  ['ll-d', '╧'],
  ['lldl', '╫'],
  ['ldll', '╪'],
  ['lddl', '╬'],
  ['-d-l', '═'],
  ['l-d-', '║'],
  ['h-d-', '║'],
];

const LONE_ARM: readonly JointCase[] = [
  ['l---', '│'],
  ['--l-', '│'],
  ['-l--', '─'],
  ['---l', '─'],
  ['h---', '┃'],
  ['-h--', '━'],
  ['d---', '║'],
  ['---d', '═'],
];

describe('lineGlyph fallback rules', () => {
  it.each(HEAVY_BESIDE_DOUBLE)('heavy beside double %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(DOUBLE_AXIS)('double axis %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });

  it.each(LONE_ARM)('lone arm %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms)).toBe(glyph);
  });
});

const ROUNDED: readonly JointCase[] = [
  ['-ll-', '╭'],
  ['--ll', '╮'],
  ['ll--', '╰'],
  ['l--l', '╯'],
];

/** Cells marked rounded that are not light corners keep their square glyph. */
const ROUNDED_IGNORED: readonly JointCase[] = [
  ['lll-', '├'],
  ['-l-l', '─'],
  ['-hh-', '┏'],
  ['-dd-', '╔'],
  ['-lh-', '┎'],
];

describe('lineGlyph rounded corners', () => {
  it.each(ROUNDED)('rounded %s draws %s', (arms, glyph) => {
    expect(unicodeGlyph(arms, true)).toBe(glyph);
  });

  it.each(ROUNDED_IGNORED)('rounded %s stays %s', (arms, glyph) => {
    expect(unicodeGlyph(arms, true)).toBe(glyph);
  });

  it.each(ROUNDED)('rounded %s in ascii is +', (arms) => {
    expect(lineGlyph(parseArms(arms), 'ascii', true)).toBe('+');
  });
});

const ARM_LETTERS = ['-', 'l', 'h', 'd'] as const;

/** Lists the 255 arm sets with at least one arm, as letters. */
function everyArmSet(): string[] {
  const sets: string[] = [];
  for (const up of ARM_LETTERS) {
    for (const rightArm of ARM_LETTERS) {
      for (const down of ARM_LETTERS) {
        for (const left of ARM_LETTERS) {
          sets.push(`${up}${rightArm}${down}${left}`);
        }
      }
    }
  }

  return sets.filter((letters) => letters !== '----');
}

/** Computes the ASCII glyph: `+` for a joint of both axes, `|` for vertical, `-` for light horizontal, `=` for heavy or double. */
function expectedAscii(letters: string): string {
  const vertical = letters[0] !== '-' || letters[2] !== '-';
  const horizontal = letters[1] !== '-' || letters[3] !== '-';
  if (vertical && horizontal) {
    return '+';
  }

  if (vertical) {
    return '|';
  }

  const bold = ['h', 'd'].includes(letters[1] ?? '-') || ['h', 'd'].includes(letters[3] ?? '-');

  return bold ? '=' : '-';
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describe('lineGlyph every arm set', () => {
  const armSets = everyArmSet();

  it('arm set count is 255', () => {
    expect(armSets).toHaveLength(255);
  });

  it('unicode glyph reads back normalized', () => {
    const failures: string[] = [];
    for (const letters of armSets) {
      try {
        const glyph = unicodeGlyph(letters);
        const expected = normalizeArms(parseArms(letters));
        if (armsOfGlyph(glyph) !== expected) {
          failures.push(`${letters} drew '${glyph}'`);
        }
      } catch (error) {
        failures.push(`${letters} threw: ${describeError(error)}`);
      }
    }

    expect(failures).toEqual([]);
  });

  it('light and heavy sets keep arms', () => {
    const mixable = armSets.filter((letters) => !letters.includes('d') && letters.replaceAll('-', '').length >= 2);
    const changed = mixable.filter((letters) => normalizeArms(parseArms(letters)) !== parseArms(letters));

    expect(mixable).toHaveLength(72);
    expect(changed).toEqual([]);
  });

  it('ascii draws + - = or |', () => {
    const failures: string[] = [];
    for (const letters of armSets) {
      try {
        const glyph = asciiGlyph(letters);
        if (glyph !== expectedAscii(letters)) {
          failures.push(`${letters} drew '${glyph}', expected '${expectedAscii(letters)}'`);
        }
      } catch (error) {
        failures.push(`${letters} threw: ${describeError(error)}`);
      }
    }

    expect(failures).toEqual([]);
  });
});

/** Draws a box border the way the painter does: two horizontal and two vertical lines that merge at the corners. */
function drawBorder(canvas: Canvas, x: number, y: number, width: number, height: number, weight: Weight): void {
  const lastX = x + width - 1;
  const lastY = y + height - 1;
  canvas.horizontalLine(x, lastX, y, weight);
  canvas.horizontalLine(x, lastX, lastY, weight);
  canvas.verticalLine(x, y, lastY, weight);
  canvas.verticalLine(lastX, y, lastY, weight);
}

function glyphAt(canvas: Canvas, x: number, y: number): string {
  return lineGlyph(canvas.armsAt(x, y), 'unicode', false);
}

describe('Canvas line merging', () => {
  it('branch below light border: ┬', () => {
    const canvas = new Canvas(5, 5);
    drawBorder(canvas, 0, 0, 5, 3, Weight.Light);
    canvas.verticalLine(2, 2, 4, Weight.Light);

    expect(canvas.toString('unicode')).toBe(
      [
        '┌───┐',
        '│   │',
        '└─┬─┘',
        '  │',
        '  │',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 2, 2)).toBe('┬');
  });

  it('branch right of light border: ├', () => {
    const canvas = new Canvas(8, 3);
    drawBorder(canvas, 0, 0, 5, 3, Weight.Light);
    canvas.horizontalLine(4, 7, 1, Weight.Light);

    expect(canvas.toString('unicode')).toBe(
      [
        '┌───┐',
        '│   ├───',
        '└───┘',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 4, 1)).toBe('├');
  });

  it('light branch below double border: ╤', () => {
    const canvas = new Canvas(5, 4);
    drawBorder(canvas, 0, 0, 5, 3, Weight.Double);
    canvas.verticalLine(2, 2, 3, Weight.Light);

    expect(canvas.toString('unicode')).toBe(
      [
        '╔═══╗',
        '║   ║',
        '╚═╤═╝',
        '  │',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 2, 2)).toBe('╤');
  });

  it('heavy branch below light border: ┰', () => {
    const canvas = new Canvas(5, 4);
    drawBorder(canvas, 0, 0, 5, 3, Weight.Light);
    canvas.verticalLine(2, 2, 3, Weight.Heavy);

    expect(canvas.toString('unicode')).toBe(
      [
        '┌───┐',
        '│   │',
        '└─┰─┘',
        '  ┃',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 2, 2)).toBe('┰');
  });

  it('light divider in double box: ╟ ╢', () => {
    const canvas = new Canvas(5, 5);
    drawBorder(canvas, 0, 0, 5, 5, Weight.Double);
    canvas.horizontalLine(0, 4, 2, Weight.Light);

    expect(canvas.toString('unicode')).toBe(
      [
        '╔═══╗',
        '║   ║',
        '╟───╢',
        '║   ║',
        '╚═══╝',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 0, 2)).toBe('╟');
    expect(glyphAt(canvas, 4, 2)).toBe('╢');
  });

  it('crossing lines: ┼', () => {
    const canvas = new Canvas(5, 5);
    canvas.horizontalLine(0, 4, 2, Weight.Light);
    canvas.verticalLine(2, 0, 4, Weight.Light);

    expect(canvas.toString('unicode')).toBe(
      [
        '  │',
        '  │',
        '──┼──',
        '  │',
        '  │',
      ].join('\n'),
    );
    expect(glyphAt(canvas, 2, 2)).toBe('┼');
  });

  it('merged joints in ascii: +', () => {
    const canvas = new Canvas(5, 5);
    drawBorder(canvas, 0, 0, 5, 3, Weight.Double);
    canvas.verticalLine(2, 2, 4, Weight.Light);

    expect(canvas.toString('ascii')).toBe(
      [
        '+===+',
        '|   |',
        '+=+=+',
        '  |',
        '  |',
      ].join('\n'),
    );
  });
});
