import { readFileSync } from 'node:fs';
import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import {
  type Color,
  type DiagramNode,
  type RenderOptions,
  type Theme,
  arrow,
  box,
  column,
  defaultTheme,
  plainTheme,
  renderDiagram,
  row,
  text,
} from '../src/index.js';
import { expectGolden } from './support/golden.js';

const ESC = '\u001b';
const ST = `${ESC}\\`;
const RESET = `${ESC}[0m`;
const LINK_CLOSE = `${ESC}]8;;${ST}`;

/** Every SGR sequence, and every OSC 8 sequence with its target. */
// eslint-disable-next-line no-control-regex -- escape sequences start with ESC
const SGR = /\u001b\[([0-9;:]*)m/gu;
// eslint-disable-next-line no-control-regex -- escape sequences start with ESC
const OSC8 = /\u001b\]8;[^;\u001b]*;([^\u001b]*)\u001b\\/gu;

/** Environment variables that colour libraries read. The library must ignore them all. */
const COLOR_ENVIRONMENT = ['NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'TERM', 'CI'] as const;

function plainGolden(name: string): string {
  const golden = readFileSync(new URL(`../fixtures/course/${name}.txt`, import.meta.url), 'utf8');

  return golden.slice(0, -1);
}

/** Returns the SGR parameters in force at the end of a line: `''` when no style is open. */
function styleOpenAtEnd(line: string): string {
  let open = '';
  for (const match of line.matchAll(SGR)) {
    const params = match[1] ?? '';
    open = params === '' || params === '0' ? '' : params;
  }

  return open;
}

/** Returns the hyperlink target in force at the end of a line: `''` when no link is open. */
function linkOpenAtEnd(line: string): string {
  let open = '';
  for (const match of line.matchAll(OSC8)) {
    open = match[1] ?? '';
  }

  return open;
}

/** Lines that end with a style or a hyperlink still open, with what is open. */
function openAtLineEnds(output: string): string[] {
  return output.split('\n').flatMap((line, index) => {
    const style = styleOpenAtEnd(line);
    const link = linkOpenAtEnd(line);

    return style === '' && link === '' ? [] : [`line ${index}: style '${style}', link '${link}'`];
  });
}

/** Returns the SGR parameters in force just before the first occurrence of `target`. */
function paramsBefore(output: string, target: string): string {
  const index = output.indexOf(target);
  if (index === -1) {
    throw new Error(`${JSON.stringify(target)} is not in ${JSON.stringify(output)}`);
  }

  return styleOpenAtEnd(output.slice(0, index));
}

/** Builds a row of two boxes linked by a labelled connector. */
function linkedBoxes(options: { readonly connectorStyle?: { readonly fg: Color } } = {}): DiagramNode {
  const connector = arrow('a', 'b', { label: 'go', ...(options.connectorStyle && { style: options.connectorStyle }) });

  return row({ gap: 6, connectors: [connector] }, [box({ id: 'a' }, text('A')), box({ id: 'b' }, text('B'))]);
}

describe('course colour golden files', () => {
  for (const diagram of courseDiagrams) {
    it(`${diagram.name} in 256 colours`, () => {
      expectGolden(`color/${diagram.name}.txt`, renderDiagram(diagram.model, { color: 256 }));
    });

    it(`${diagram.name} without escapes is the plain golden`, () => {
      expect(stripAnsi(renderDiagram(diagram.model, { color: 256 }))).toBe(plainGolden(diagram.name));
    });

    it(`${diagram.name} closes every style at line end`, () => {
      expect(openAtLineEnds(renderDiagram(diagram.model, { color: 256 }))).toEqual([]);
    });
  }
});

describe('colour downsampling', () => {
  const cases: readonly { color: Color; level: 16 | 256 | 'truecolor'; fg: string; bg: string }[] = [
    { color: 'red', level: 16, fg: '31', bg: '41' },
    { color: 'red', level: 256, fg: '31', bg: '41' },
    { color: 'red', level: 'truecolor', fg: '31', bg: '41' },
    { color: 'brightRed', level: 16, fg: '91', bg: '101' },
    { color: 'gray', level: 256, fg: '90', bg: '100' },
    { color: 9, level: 16, fg: '91', bg: '101' },
    { color: 208, level: 16, fg: '33', bg: '43' },
    { color: 208, level: 256, fg: '38;5;208', bg: '48;5;208' },
    { color: 208, level: 'truecolor', fg: '38;5;208', bg: '48;5;208' },
    { color: 244, level: 16, fg: '90', bg: '100' },
    { color: '#ff8700', level: 16, fg: '33', bg: '43' },
    { color: '#ff8700', level: 256, fg: '38;5;208', bg: '48;5;208' },
    { color: '#ff8700', level: 'truecolor', fg: '38;2;255;135;0', bg: '48;2;255;135;0' },
    { color: '#808080', level: 16, fg: '90', bg: '100' },
    { color: '#808080', level: 256, fg: '38;5;244', bg: '48;5;244' },
    { color: '#5f87af', level: 256, fg: '38;5;67', bg: '48;5;67' },
    { color: '#000000', level: 16, fg: '30', bg: '40' },
  ];

  for (const { color, level, fg, bg } of cases) {
    it(`${color} at ${level} colours`, () => {
      const output = renderDiagram(text('x', { style: { fg: color, bg: color } }), { color: level, theme: plainTheme });

      expect(output).toBe(`${ESC}[0;${fg};${bg}mx${RESET}`);
    });
  }

  it('treats color true as truecolor', () => {
    const model = text('x', { style: { fg: '#ff8700' } });

    expect(renderDiagram(model, { color: true })).toBe(renderDiagram(model, { color: 'truecolor' }));
  });

  it('writes attributes before colours', () => {
    const output = renderDiagram(text('x', { style: { bold: true, underline: true, fg: 'cyan' } }), { color: 16, theme: plainTheme });

    expect(output).toBe(`${ESC}[0;1;4;36mx${RESET}`);
  });
});

describe('colour and the environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const model = courseDiagrams[0]?.model ?? text('x');

  it('keeps colour when NO_COLOR is set', () => {
    const expected = renderDiagram(model, { color: 256 });
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('TERM', 'dumb');

    expect(renderDiagram(model, { color: 256 })).toBe(expected);
  });

  it('adds no colour when FORCE_COLOR is set', () => {
    const expected = renderDiagram(model);
    vi.stubEnv('FORCE_COLOR', '3');
    vi.stubEnv('COLORTERM', 'truecolor');

    expect(renderDiagram(model)).toBe(expected);
  });

  it('reads no environment variable', () => {
    const read: string[] = [];
    const environment = process.env;
    process.env = new Proxy(environment, {
      get(target, key, receiver) {
        read.push(String(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
      has(target, key) {
        read.push(String(key));
        return Reflect.has(target, key);
      },
    });
    try {
      renderDiagram(model, { color: 256, hyperlinks: true });
    } finally {
      process.env = environment;
    }

    expect(read.filter((key) => (COLOR_ENVIRONMENT as readonly string[]).includes(key))).toEqual([]);
    expect(read).toEqual([]);
  });
});

describe('themes', () => {
  it('draws nothing styled with plainTheme', () => {
    const model = linkedBoxes();

    expect(renderDiagram(model, { color: 256, theme: plainTheme })).toBe(renderDiagram(model));
  });

  it('uses defaultTheme when none is given', () => {
    const model = linkedBoxes();

    expect(renderDiagram(model, { color: 256 })).toBe(renderDiagram(model, { color: 256, theme: defaultTheme }));
  });

  it('draws each role in its custom style', () => {
    const theme: Theme = { border: { fg: 'red' }, arrow: { fg: 'green' }, label: { bold: true } };
    const output = renderDiagram(linkedBoxes(), { color: 16, theme });

    expect(paramsBefore(output, '┌')).toBe('0;31');
    expect(paramsBefore(output, 'A')).toBe('0;1');
    expect(paramsBefore(output, '─────▶')).toBe('0;32');
  });

  it('ignores the theme when colour is off', () => {
    const theme: Theme = { border: { fg: 'red' } };

    expect(renderDiagram(linkedBoxes(), { theme })).toBe(renderDiagram(linkedBoxes()));
  });

  it('draws a title in the title role', () => {
    const output = renderDiagram(box({ title: 'Title' }, text('body')), { color: 16, theme: { title: { italic: true } } });

    expect(paramsBefore(output, 'Title')).toBe('0;3');
    expect(paramsBefore(output, 'body')).toBe('');
  });
});

describe('node and connector styles', () => {
  it('lays a text style over the label role', () => {
    const output = renderDiagram(text('x', { style: { fg: 'magenta' } }), { color: 16, theme: { label: { bold: true, fg: 'red' } } });

    expect(output).toBe(`${ESC}[0;1;35mx${RESET}`);
  });

  it('styles a box border and title but not its children', () => {
    const output = renderDiagram(box({ title: 'T', style: { fg: 'blue' } }, text('inside')), { color: 16, theme: plainTheme });

    expect(paramsBefore(output, '┌')).toBe('0;34');
    expect(paramsBefore(output, 'T')).toBe('0;34');
    expect(paramsBefore(output, 'inside')).toBe('');
  });

  it('styles a connector line, head and label', () => {
    const output = renderDiagram(linkedBoxes({ connectorStyle: { fg: 'magenta' } }), { color: 16 });

    expect(paramsBefore(output, 'go')).toBe('0;35');
    expect(paramsBefore(output, '─────▶')).toBe('0;35');
  });
});

describe('roles', () => {
  it('pass from a box to its descendants', () => {
    const model = box({ role: 'warning' }, [text('outer'), box(text('inner'))]);
    const output = renderDiagram(model, { color: 16 });

    expect(paramsBefore(output, 'outer')).toBe('0;1;33');
    expect(paramsBefore(output, 'inner')).toBe('0;1;33');
    expect(output.split('\n')[2]).toBe(`${ESC}[0;1;33m│${RESET} ${ESC}[0;1;33m┌───────┐${RESET} ${ESC}[0;1;33m│${RESET}`);
  });

  it('give way to a nearer role', () => {
    const model = column({ role: 'warning' }, [text('warned'), text('calm', { role: 'emphasis' })]);
    const output = renderDiagram(model, { color: 16 });

    expect(paramsBefore(output, 'warned')).toBe('0;1;33');
    expect(paramsBefore(output, 'calm')).toBe('0;1;97');
  });
});

describe('OSC 8 hyperlinks', () => {
  const url = 'https://example.com/docs';

  it('wraps a linked text', () => {
    expect(renderDiagram(text('docs', { link: url }), { hyperlinks: true })).toBe(`${ESC}]8;;${url}${ST}docs${LINK_CLOSE}`);
  });

  it('links every text cell of a linked box', () => {
    const output = renderDiagram(box({ link: url }, [text('one'), text('two')]), { hyperlinks: true });

    expect(output.split('\n').slice(1, 3)).toEqual([`│ ${ESC}]8;;${url}${ST}one${LINK_CLOSE} │`, `│ ${ESC}]8;;${url}${ST}two${LINK_CLOSE} │`]);
  });

  it('draws links as plain text without hyperlinks', () => {
    const model = box({ link: url }, text('docs', { link: url }));

    expect(renderDiagram(model)).toBe(renderDiagram(box(text('docs'))));
  });

  it('closes the link at each line end', () => {
    const output = renderDiagram(text('one\ntwo', { link: url }), { hyperlinks: true, color: 256 });

    expect(openAtLineEnds(output)).toEqual([]);
    expect(output.split('\n')).toEqual([`${ESC}]8;;${url}${ST}one${LINK_CLOSE}`, `${ESC}]8;;${url}${ST}two${LINK_CLOSE}`]);
  });

  it('closes style and link together at line end', () => {
    const output = renderDiagram(text('docs', { link: url, style: { fg: 'blue' } }), { hyperlinks: true, color: 16, theme: plainTheme });

    expect(output).toBe(`${ESC}]8;;${url}${ST}${ESC}[0;34mdocs${RESET}${LINK_CLOSE}`);
  });
});

describe('trusted SGR labels', () => {
  const options: RenderOptions = { trustedLabels: true, color: 16, theme: plainTheme };
  const chalkRed = `${ESC}[31mred${ESC}[39m`;

  it('measures the visible width', () => {
    const output = renderDiagram(box(text(chalkRed)), options);

    expect(stripAnsi(output)).toBe(renderDiagram(box(text('red'))));
  });

  it('draws the label in its own colour', () => {
    expect(renderDiagram(text(chalkRed), options)).toBe(`${ESC}[0;31mred${RESET}`);
  });

  it('ends the colour where the label ends it', () => {
    expect(renderDiagram(text(`${chalkRed} plain`), options)).toBe(`${ESC}[0;31mred${RESET} plain`);
  });

  it('lays the label style over the role style', () => {
    const output = renderDiagram(text(chalkRed), { ...options, theme: { label: { bold: true } } });

    expect(output).toBe(`${ESC}[0;1;31mred${RESET}`);
  });

  it('closes a style the label leaves open', () => {
    const output = renderDiagram(box(text(`${ESC}[1m${ESC}[44mopen\nstill`)), options);

    expect(openAtLineEnds(output)).toEqual([]);
    expect(stripAnsi(output)).toBe(renderDiagram(box(text('open\nstill'))));
  });

  it('reads nested chalk styles', () => {
    const nested = `${ESC}[1m${ESC}[32mgo${ESC}[39m!${ESC}[22m`;

    expect(renderDiagram(text(nested), options)).toBe(`${ESC}[0;1;32mgo${ESC}[0;1m!${RESET}`);
  });

  it('reads 256 and truecolor SGR', () => {
    const label = `${ESC}[38;5;208ma${ESC}[38;2;1;2;3mb${ESC}[0m`;

    expect(renderDiagram(text(label), { ...options, color: 'truecolor' })).toBe(`${ESC}[0;38;5;208ma${ESC}[0;38;2;1;2;3mb${RESET}`);
  });
});
