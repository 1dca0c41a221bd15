import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDiagram, type DiagramProblem } from '../src/index.js';

/** Joins picture rows, one source line per drawn row. */
function picture(...rows: string[]): string {
  return rows.join('\n');
}

/** Lists the kind and position of each problem, for comparing without the messages. */
function positions(problems: readonly DiagramProblem[]): string[] {
  return problems.map((problem) => `${problem.kind} ${problem.line}:${problem.column}`);
}

describe('checkDiagram open joints', () => {
  it('passes a closed box', () => {
    const drawing = picture(
      '┌──────┐',
      '│ box  │',
      '└──────┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('reports a line under a plain border', () => {
    const drawing = picture(
      '┌──────┐',
      '│ box  │',
      '└──────┘',
      '   │',
    );

    expect(checkDiagram(drawing)).toEqual([
      { kind: 'open-joint', line: 4, column: 4, message: "'│' points up at '─', which has no line back" },
    ]);
  });

  it('reports corners with no edge between them', () => {
    const drawing = picture(
      '┌───┐',
      '│ a',
      '└───┘',
    );

    expect(checkDiagram(drawing)).toEqual([
      { kind: 'open-joint', line: 1, column: 5, message: "the line going down from '┐' ends in empty space instead of at a joint or an arrowhead" },
      { kind: 'ragged-border', line: 2, column: 5, message: "expected the box's right border at column 5, under its top-right corner '┐', but found a space" },
      { kind: 'open-joint', line: 3, column: 5, message: "the line going up from '┘' ends in empty space instead of at a joint or an arrowhead" },
    ]);
  });

  it('reports a lone corner', () => {
    expect(checkDiagram('──┐')).toEqual([
      { kind: 'open-joint', line: 1, column: 1, message: "the line going left from '─' ends in empty space instead of at a joint or an arrowhead" },
      { kind: 'open-joint', line: 1, column: 3, message: "the line going down from '┐' ends in empty space instead of at a joint or an arrowhead" },
    ]);
  });

  it('reports a connector stopping short of a border', () => {
    const drawing = picture(
      '┌───┐   ┌───┐',
      '│ a ├─  │ b │',
      '└───┘   └───┘',
    );

    expect(checkDiagram(drawing)).toEqual([
      { kind: 'open-joint', line: 2, column: 6, message: "the line going right from '─' ends in empty space instead of at a joint or an arrowhead" },
    ]);
  });

  it('passes a connector that ends at an arrowhead', () => {
    const drawing = picture(
      '┌───┐  ┌───┐',
      '│ a ├─▶│ b │',
      '└───┘  └───┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('passes a title gap in a border', () => {
    const drawing = picture(
      '┌─ Title ─┐',
      '│ body    │',
      '└─────────┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('ignores colour escape sequences', () => {
    const drawing = picture(
      '\u001b[90m┌──┐\u001b[0m',
      '\u001b[90m│\u001b[0mab\u001b[90m│\u001b[0m',
      '\u001b[90m└──┘\u001b[0m',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });
});

describe('checkDiagram ragged borders', () => {
  it('reports a row wider than its box', () => {
    const drawing = picture(
      '┌─────────┐',
      '│ 1.2     │',
      '│Principles│',
      '└─────────┘',
    );

    expect(checkDiagram(drawing)).toEqual([
      {
        kind: 'ragged-border',
        line: 3,
        column: 11,
        message: "expected the box's right border at column 11, under its top-right corner '┐', but found 's'",
      },
    ]);
  });

  it('reports a row narrower than its box', () => {
    const drawing = picture(
      '╭─────╮',
      '│ ab │',
      '╰─────╯',
    );

    expect(positions(checkDiagram(drawing))).toEqual([
      'open-joint 1:7',
      'open-joint 2:6',
      'open-joint 2:6',
      'ragged-border 2:7',
      'open-joint 3:7',
    ]);
    expect(checkDiagram(drawing)[3]?.message).toBe("expected the box's right border at column 7, under its top-right corner '╮', but found a space");
  });

  it('reports every ragged row of double and heavy boxes', () => {
    const double = picture(
      '╔════╗',
      '║ ab  ║',
      '║ cd  ║',
      '╚════╝',
    );
    const heavy = picture(
      '┏━━━━┓',
      '┃ ab ┃',
      '┃ cd  ┃',
      '┗━━━━┛',
    );

    expect(positions(checkDiagram(double))).toEqual(['open-joint 1:6', 'ragged-border 2:6', 'ragged-border 3:6', 'open-joint 4:6']);
    expect(positions(checkDiagram(heavy))).toEqual(['open-joint 2:6', 'ragged-border 3:6', 'open-joint 4:6']);
  });

  it('finds the box across a title in its top border', () => {
    const drawing = picture(
      '┌─ Title ─┐',
      '│ body     │',
      '└─────────┘',
    );

    expect(positions(checkDiagram(drawing))).toEqual(['open-joint 1:11', 'ragged-border 2:11', 'open-joint 3:11']);
  });

  it('accepts tees on the right border', () => {
    const drawing = picture(
      '┌─────┐',
      '│ a   ├──▶',
      '├─────┤',
      '│ b   │',
      '└─────┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('checks nested boxes each on its own', () => {
    const drawing = picture(
      '┌────────────┐',
      '│ ┌──────┐   │',
      '│ │ inner │  │',
      '│ └──────┘   │',
      '└────────────┘',
    );

    expect(positions(checkDiagram(drawing))).toEqual(['open-joint 2:10', 'ragged-border 3:10', 'open-joint 4:10']);
  });

  it('takes no connector around a box for a box', () => {
    const drawing = picture(
      ' ┌─────┐',
      ' │     ▼',
      '┌┴──┐ ┌───┐',
      '│ a │ │ b │',
      '└───┘ └───┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('skips a shape whose bottom edge ends elsewhere', () => {
    const drawing = picture(
      '┌────┐',
      '│ ab │',
      '└──┘',
    );

    expect(checkDiagram(drawing).map((problem) => problem.kind)).not.toContain('ragged-border');
  });
});

describe('checkDiagram wide characters', () => {
  it('counts a wide character as two columns', () => {
    const drawing = picture(
      '┌────┐',
      '│名前│',
      '└────┘',
    );

    expect(checkDiagram(drawing)).toEqual([]);
  });

  it('reports a box sized by string length', () => {
    const drawing = picture(
      '┌──┐',
      '│名前│',
      '└──┘',
    );

    expect(checkDiagram(drawing)).toEqual([
      {
        kind: 'ragged-border',
        line: 2,
        column: 4,
        message: "expected the box's right border at column 4, under its top-right corner '┐', but found '前'",
      },
    ]);
  });

  it('names the second column of a wide character', () => {
    const drawing = picture(
      '┌───┐',
      '│ab名│',
      '└───┘',
    );

    expect(checkDiagram(drawing)).toEqual([
      {
        kind: 'ragged-border',
        line: 2,
        column: 5,
        message: "expected the box's right border at column 5, under its top-right corner '┐', but found the second column of '名'",
      },
    ]);
  });

  it('places problems after a wide character in terminal columns', () => {
    const drawing = picture(
      '名 ┌──┐',
      '名 │ab │',
      '名 └──┘',
    );

    expect(positions(checkDiagram(drawing))).toEqual(['open-joint 1:7', 'ragged-border 2:7', 'open-joint 3:7']);
  });

  it('names a control character by its code point', () => {
    const drawing = picture(
      '┌──┐',
      '│ab\u0007│',
      '└──┘',
    );

    expect(checkDiagram(drawing)[0]?.message).toBe("expected the box's right border at column 4, under its top-right corner '┐', but found U+0007");
  });
});

describe('checkDiagram width', () => {
  it('reports a line wider than the width', () => {
    const drawing = picture(
      '┌────────┐',
      '│ twelve │',
      '└────────┘',
    );

    expect(checkDiagram(drawing, { width: 9 })).toEqual([
      { kind: 'too-wide', line: 1, column: 10, message: 'line is 10 columns wide, over the width of 9' },
      { kind: 'too-wide', line: 2, column: 10, message: 'line is 10 columns wide, over the width of 9' },
      { kind: 'too-wide', line: 3, column: 10, message: 'line is 10 columns wide, over the width of 9' },
    ]);
  });

  it('passes a line exactly as wide as the width', () => {
    expect(checkDiagram('┌──┐\n└──┘', { width: 4 })).toEqual([]);
  });

  it('measures wide characters as two columns', () => {
    expect(positions(checkDiagram('名前', { width: 3 }))).toEqual(['too-wide 1:4']);
  });
});

describe('checkDiagram order', () => {
  it('sorts problems by line, then column', () => {
    // The open-joint rule runs over every row before the ragged-border rule, so this order comes from sorting.
    const drawing = picture(
      '┌───┐',
      '│ a  │',
      '└───┘',
      '  │',
    );
    const found = positions(checkDiagram(drawing));

    expect(found).toEqual(['open-joint 1:5', 'ragged-border 2:5', 'open-joint 3:5', 'open-joint 4:3']);
  });
});

describe('checkDiagram on golden files', () => {
  const folders = ['course', 'width-60', 'color'];

  for (const folder of folders) {
    const directory = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
    const names = readdirSync(directory).filter((name) => name.endsWith('.txt') && !name.endsWith('.ascii.txt'));

    for (const name of names) {
      it(`${folder}/${name} checks clean`, () => {
        const drawing = readFileSync(`${directory}${name}`, 'utf8');

        expect(checkDiagram(drawing), drawing).toEqual([]);
      });
    }
  }
});
