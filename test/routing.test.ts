import { describe, expect, it } from 'vitest';
import { arrow, box, checkDiagram, column, grid, renderDiagram, row, text } from '../src/index.js';
import type { Connector, DiagramNode } from '../src/index.js';
import { measureTree } from '../src/layout/measure.js';
import { placeTree } from '../src/layout/place.js';
import { routeAll } from '../src/route/route-all.js';
import { Typesetter } from '../src/text/typeset.js';

function pairIn(sides: Omit<Connector, 'from' | 'to'>): ReturnType<typeof row> {
  return row({ gap: 3, connectors: [arrow('a', 'b', sides)] }, [box({ id: 'a' }, text('a')), box({ id: 'b' }, text('b'))]);
}

describe('routes inside a box', () => {
  it('stay inside the box around both ends', () => {
    const output = renderDiagram(box({ title: 'Title', padding: { x: 1, y: 2 } }, [pairIn({ fromSide: 'top', toSide: 'top' })]));
    const lines = output.split('\n');

    expect(lines[0]).toBe(`┌─ Title ${'─'.repeat((lines[0]?.length ?? 0) - 10)}┐`);
    expect(lines[lines.length - 1]).toMatch(/^└─+┘$/);
    expect(checkDiagram(output)).toEqual([]);
  });

  it('fail with no-route when the box leaves no room', () => {
    const model = box([pairIn({ fromSide: 'left', toSide: 'right' })]);

    expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: 'no-route', path: 'children[0].connectors[0]' }));
  });
});

describe('routes in a huge layout', () => {
  it('huge box hits the cell limit', () => {
    const huge: DiagramNode = { kind: 'box', width: 1_000_000, height: 1_000_000, children: [] };
    const model: DiagramNode = { kind: 'row', chain: true, children: [huge, box(text('b'))] };

    expect(() => renderDiagram(model)).toThrow(expect.objectContaining({ code: 'limit-exceeded' }));
  });

  it('shared row tower hits cell limit', () => {
    let tower: DiagramNode = text('a');
    for (let level = 0; level < 60; level += 1) {
      tower = row([tower, tower]);
    }

    // Sixty levels of one shared child measure 2^60 cells wide; placing them one by one would never end.
    expect(() => renderDiagram(row({ chain: true }, [box(text('b')), tower]))).toThrow(expect.objectContaining({ code: 'limit-exceeded' }));
  });
});

describe('routeAll errors', () => {
  it('undrawable link names nested path', () => {
    const model: DiagramNode = {
      kind: 'column',
      children: [text('top'), { kind: 'row', chain: true, children: [box(text('a')), { kind: 'spacer', width: 2, height: 1 }] }],
    };
    const typesetter = new Typesetter({ tabWidth: 8, emoji: 'text', trustedLabels: false });
    const placed = placeTree(model, measureTree(model, typesetter));

    expect(() => routeAll(placed, typesetter)).toThrow(expect.objectContaining({ code: 'invalid-model', path: 'children[1].children[1]' }));
  });
});

/** Renders a model and returns its rows, so an expected drawing reads as a picture. */
function drawnRows(model: DiagramNode): string[] {
  return renderDiagram(model).split('\n');
}

describe('link ends on blank cells', () => {
  it('chain from grid leaves beside its child', () => {
    const grid: DiagramNode = { kind: 'grid', columns: 2, children: [{ kind: 'tag', text: 'a' }] };
    const model = row({ chain: true, gap: 5 }, [grid, box(text('b'))]);

    // The grid's empty second column is blank, so the line starts at the tag, not past that column.
    expect(drawnRows(model)).toEqual([
      '[a]─────┐ ┌───┐',
      '        └▶│ b │',
      '          └───┘',
    ]);
    expect(checkDiagram(renderDiagram(model))).toEqual([]);
  });

  it('chain into grid ends below its child', () => {
    const grid: DiagramNode = { kind: 'grid', columns: 2, children: [{ kind: 'tag', text: 'a' }] };
    const model = row({ chain: true, gap: 5 }, [box([text('b'), text('b'), text('b')]), grid]);

    expect(drawnRows(model)).toEqual([
      '┌───┐     [a]',
      '│ b │      ▲',
      '│ b ├──────┘',
      '│ b │',
      '└───┘',
    ]);
  });

  it('named sides meet a drawn column', () => {
    const model: DiagramNode = {
      kind: 'column',
      gap: 3,
      connectors: [{ from: 'x', to: 'y', fromSide: 'bottom', toSide: 'top' }],
      children: [{ kind: 'text', text: 'a aa', id: 'x' }, { kind: 'text', text: 'b', id: 'y' }],
    };

    // The middle column of 'a aa' is its space, so the line leaves under the 'a' beside it.
    expect(drawnRows(model)).toEqual(['a aa', '│', '│', '▼', 'b']);
  });

  it('headless chain avoids a blank text row', () => {
    const model = row({ chain: { head: 'none' }, gap: 5 }, [box(text('')), text('a\n')]);

    // The row beside the tee is the text's blank second line, so the line turns up to the 'a'.
    expect(drawnRows(model)).toEqual(['┌──┐    ┌a', '│  ├────┘', '└──┘']);
  });

  it('fan stem starts under an ascii box', () => {
    const model: DiagramNode = { kind: 'fan', from: { kind: 'box', border: 'ascii', children: [text('s')] }, nodes: [text('a')] };

    expect(drawnRows(model).slice(0, 4)).toEqual(['+---+', '| s |', '+---+', '  │']);
  });
});

describe('chains with an empty box', () => {
  const emptyBox: DiagramNode = { kind: 'box', children: [] };

  it('rule arrow points at the corner', () => {
    const model = row({ chain: true, gap: 5 }, [{ kind: 'rule', width: 1 }, emptyBox]);

    // An empty box has no row between its corners, so the straight arrow meets the top corner row.
    expect(drawnRows(model)).toEqual(['─ ───▶┌──┐', '      └──┘']);
    expect(checkDiagram(renderDiagram(model))).toEqual([]);
  });

  it('headless chain joins the corner', () => {
    const model = row({ chain: { head: 'none' }, gap: 5 }, [{ kind: 'rule', width: 1 }, emptyBox]);

    expect(drawnRows(model)).toEqual(['─ ────┬──┐', '      └──┘']);
  });

  it('two empty boxes join at corners', () => {
    const model = row({ chain: { head: 'none' }, gap: 5 }, [emptyBox, emptyBox]);

    expect(drawnRows(model)).toEqual(['┌──┐     ┌──┐', '└──┴─────┴──┘']);
  });
});

/** Renders a model within `width` columns and returns its rows. */
function drawnRowsWithin(model: DiagramNode, width: number): string[] {
  return renderDiagram(model, { width }).split('\n');
}

describe('bending links at a line end', () => {
  it('chain leaves a gap after a rule', () => {
    const model = row({ chain: true, gap: 5 }, [{ kind: 'rule', width: 4 }, box(text('a'))]);

    // Touching would run the rule on into the turn, leaving the rule's left end open.
    expect(drawnRows(model)).toEqual([
      '──── ──┐ ┌───┐',
      '       └▶│ a │',
      '         └───┘',
    ]);
    expect(checkDiagram(renderDiagram(model))).toEqual([]);
  });

  it('headless chain stops before a rule', () => {
    const model = row({ chain: { head: 'none' }, gap: 5 }, [box(text('')), { kind: 'rule', width: 1 }]);

    expect(drawnRows(model)).toEqual([
      '┌──┐  ┌─ ─',
      '│  ├──┘',
      '└──┘',
    ]);
  });

  it('stretched rule is met on its line', () => {
    const model = row({ chain: true, gap: 5, align: 'stretch' }, [{ kind: 'vtext', text: '日本' }, { kind: 'rule', width: 2 }]);

    // The rule is two rows tall but draws only the first, so the arrow points there.
    expect(drawnRows(model)).toEqual(['日 ──▶ ──', '本']);
  });

  it('reflowed chain avoids a rule below', () => {
    const model = row({ chain: true, gap: 5 }, [{ kind: 'column', children: [{ kind: 'rule', width: 1 }] }, { kind: 'bar', value: 0, width: 3 }]);

    // A line down from the column would join its rule as a tee and leave both rule ends open.
    expect(drawnRowsWithin(model, 10)).toEqual([
      '─ ───────┐',
      '         │',
      '         │',
      '         │',
      '[░]   0%◀┘',
    ]);
  });
});

/** Checks a model's drawing row by row, and that the checker finds no problem in it. */
function expectCleanDrawing(model: DiagramNode, rows: readonly string[]): void {
  const drawing = renderDiagram(model);

  expect(drawing.split('\n')).toEqual(rows);
  expect(checkDiagram(drawing)).toEqual([]);
}

describe('bending links at a rule inside a node', () => {
  it('arrow meets a one-cell rule', () => {
    const rules: DiagramNode = { kind: 'row', children: [{ kind: 'rule', width: 1 }, { kind: 'rule', width: 1 }] };
    const model: DiagramNode = { kind: 'row', children: [{ kind: 'row', gap: 5, chain: {}, children: [box(text('a')), rules] }] };

    // The arrowhead is right beside the rule's end, as it is when the rule itself is the chain's neighbour.
    expectCleanDrawing(model, [
      '┌───┐   ┌▶─ ─',
      '│ a ├───┘',
      '└───┘',
    ]);
  });

  it('headless chain stops before a full rule', () => {
    const model: DiagramNode = {
      kind: 'box',
      children: [
        {
          kind: 'row',
          gap: 5,
          align: 'stretch',
          chain: { head: 'none' },
          children: [{ kind: 'box', minHeight: 3, children: [] }, { kind: 'row', children: [{ kind: 'rule' }] }],
        },
      ],
    };

    expectCleanDrawing(model, [
      '┌────────────┐',
      '│ ┌──┐  ┌─ ─ │',
      '│ │  ├──┘    │',
      '│ └──┘       │',
      '└────────────┘',
    ]);
  });

  it('chain leaves a gap after the rule', () => {
    const rules: DiagramNode = { kind: 'row', children: [{ kind: 'rule', width: 1 }, { kind: 'rule', width: 1 }] };
    const model = row({ chain: true, gap: 5 }, [rules, box(text('a'))]);

    expectCleanDrawing(model, [
      '─ ─ ──┐ ┌───┐',
      '      └▶│ a │',
      '        └───┘',
    ]);
  });

  it('route enters the goal from outside', () => {
    const source = box({ padding: 0 }, [text('abc'), text('d')]);
    const target: DiagramNode = { kind: 'row', children: [{ kind: 'rule', width: 1 }, text('é')] };
    const model = box({ padding: 0 }, row({ chain: { head: 'start' }, gap: 3 }, [source, target]));

    // The cheapest path runs up through the goal's lane, two cells left of the rule, and turns back into the goal's
    // cell. The route's end would then draw that lane over the path, so the search takes the path around instead.
    expectCleanDrawing(model, [
      '┌───────────┐',
      '│┌───┐┌─ ─ é│',
      '││abc│└┐    │',
      '││d  │◀┘    │',
      '│└───┘      │',
      '└───────────┘',
    ]);
  });
});

describe('bending links at blank edges', () => {
  it('curve is met at its label', () => {
    const curve: DiagramNode = { kind: 'curve', values: [4, 2, 0, 1, 2], markers: [{ at: 0, label: 'Dataa' }] };
    const model = row({ chain: true, gap: 5 }, [curve, text('a')]);

    // The curve's middle row starts with two blank cells, so the line meets the label below them.
    expect(drawnRowsWithin(model, 10)).toEqual([
      '    █▅▁▃▅',
      '    ↑',
      '┌─Dataa',
      '│',
      '│',
      '│',
      '└▶a',
    ]);
  });

  it('bar with blank label is met at its bracket', () => {
    const model = row({ chain: { head: 'none' }, gap: 5 }, [box([]), { kind: 'bar', value: 0, width: 3, label: '', labelWidth: 1 }]);

    expect(drawnRows(model)).toEqual([
      '┌──┐    ┌──[░░░]   0%',
      '└──┴────┘',
    ]);
  });

  it('vertical text is met at a letter', () => {
    const letters: DiagramNode = { kind: 'column', align: 'stretch', children: [{ kind: 'bar', value: 0, width: 3 }, { kind: 'vtext', text: 'aaa x-y' }] };
    const model = row({ chain: { head: 'start' }, gap: 5 }, [text('a'), letters]);

    // The middle letter is a space, and the letters are centred in the stretched column.
    expect(drawnRowsWithin(model, 12)).toEqual([
      '┌▶a',
      '│',
      '│',
      '│',
      '│ [░░░]   0%',
      '│     a',
      '│     a',
      '└─────a',
      '',
      '      x',
      '      -',
      '      y',
    ]);
  });
});

describe('links into a nested node', () => {
  const hello = (padding: number): DiagramNode => ({ kind: 'box', padding: { x: padding }, children: [{ kind: 'text', id: 't', text: 'hello' }] });

  it('connector crosses the box border', () => {
    const model = row({ gap: 3, connectors: [arrow('b', 't')] }, [hello(2), box({ id: 'b' }, text('x'))]);

    expect(drawnRows(model)).toEqual([
      '┌─────────┐   ┌───┐',
      '│  hello◀─┼───┤ x │',
      '└─────────┘   └───┘',
    ]);
  });

  it('arrowhead just inside the crossing', () => {
    const model = row({ connectors: [arrow('b', 't')] }, [hello(1), box({ id: 'b' }, text('x'))]);

    expect(drawnRows(model)).toEqual([
      '┌───────┐ ┌───┐',
      '│ hello◀┼─┤ x │',
      '└───────┘ └───┘',
    ]);
  });

  it('stub crosses the box border', () => {
    const model: DiagramNode = { kind: 'row', stubs: [{ id: 't', direction: 'out', side: 'right', length: 4 }], children: [hello(2)] };

    expect(drawnRows(model)).toEqual([
      '┌─────────┐',
      '│  hello ─┼─▶',
      '└─────────┘',
    ]);
  });

  it('stub ending on the border fails', () => {
    const model: DiagramNode = { kind: 'row', stubs: [{ id: 't', direction: 'in', side: 'right', length: 2 }], children: [hello(1)] };

    expect(() => renderDiagram(model)).toThrow(
      "stubs[0].id: the stub on 't' would end on the border of the box at children[0] instead of crossing it with a line; give that box more padding, or put the stub on that box",
    );
  });
});

describe('links at a line of a node', () => {
  it('headless end on a rule top fails', () => {
    const model: DiagramNode = {
      kind: 'row',
      connectors: [{ from: 'r', to: 'b', fromSide: 'bottom' }],
      children: [{ kind: 'rule', id: 'r', width: 3 }, box({ id: 'b' }, text('box'))],
    };

    expect(() => renderDiagram(model)).toThrow(
      "connectors[0].fromSide: the connector meets the bottom of 'r', a rule, without an arrowhead, so its line would join the rule's line as a tee and leave both of its ends open; name the left or right side, or set head to 'start' or 'both'",
    );
  });

  it('arrow into a double rule bottom', () => {
    const model: DiagramNode = {
      kind: 'row',
      connectors: [{ from: 'r', to: 'b', fromSide: 'bottom', head: 'both' }],
      children: [{ kind: 'rule', id: 'r', width: 'full', line: 'double' }, box({ id: 'b' }, text('box'))],
    };

    expect(drawnRows(model)).toEqual([
      '═ ┌─────┐',
      '▲ │ box │',
      '│ └─────┘',
      '│    ▲',
      '└────┘',
    ]);
  });

  it('stub leaves a line curve bottom', () => {
    const model: DiagramNode = {
      kind: 'row',
      stubs: [{ id: 'c', direction: 'out', side: 'bottom', length: 3 }],
      children: [{ kind: 'curve', id: 'c', shape: 'line', height: 3, values: [1, 3, 2, 5] }],
    };

    // Joining the baseline would leave it ending in the open, so the stub starts a blank row below.
    expect(drawnRows(model)).toEqual(['   ─', ' ─╱', '╱───', '', ' │', ' │', ' ▼']);
  });

  it('stub leaves a line curve top', () => {
    const model: DiagramNode = {
      kind: 'row',
      stubs: [{ id: 'c', direction: 'out', side: 'top', length: 3 }],
      children: [{ kind: 'curve', id: 'c', shape: 'line', height: 3, values: [1, 5, 2, 1] }],
    };

    expect(drawnRows(model)).toEqual([' ▲', ' │', ' │', '', ' ─', '╱ ╲', '╱──╲']);
  });
});

describe('fan stems from blank space', () => {
  it('stem starts under a wide tag', () => {
    const source: DiagramNode = { kind: 'box', border: 'none', padding: { right: 1 }, align: 'stretch', minWidth: 9, children: [{ kind: 'tag', text: '' }] };
    const model: DiagramNode = { kind: 'fan', from: source, nodes: [box(text('a'))] };

    // The tag is stretched to the box's width but drawn from its left edge.
    expect(drawnRows(model).slice(0, 3)).toEqual(['[]', ' │', ' └──┐']);
  });

  it('stem starts under stretched vertical text', () => {
    const letters: DiagramNode = { kind: 'row', align: 'stretch', children: [{ kind: 'vtext', text: 'a' }, { kind: 'vtext', text: 'aa' }] };
    const model: DiagramNode = { kind: 'fan', nodes: [letters], to: { kind: 'tag', text: 'a' } };

    // The first letter is one row tall in a row two rows tall, so its stem starts right under it.
    expect(drawnRows(model)).toEqual(['a a', '│ a', '│', '└┐', ' │', ' ▼', '[a]']);
  });
});

describe('text met where it is painted', () => {
  it('emoji with a variation selector', () => {
    // With the default emoji setting ⚠️ is drawn as ⚠, one column wide, so the link meets column 0, not 1.
    const model: DiagramNode = {
      kind: 'column',
      gap: 3,
      chain: { head: 'none' },
      children: [{ kind: 'text', text: '日本\n⚠️' }, { kind: 'box', children: [] }],
    };

    expect(drawnRows(model)).toEqual(['日本', '⚠', '│', '│', '└┐', '┌┴─┐', '└──┘']);
  });
});

describe('links the layout cannot draw', () => {
  it('stub over a neighbour fails', () => {
    const model: DiagramNode = {
      kind: 'row',
      stubs: [{ id: 'a', direction: 'out', side: 'right', length: 2 }],
      children: [{ kind: 'text', id: 'a', text: 'hello' }, text('x'), text('b')],
    };

    expect(() => renderDiagram(model)).toThrow("stubs[0]: the stub would run over another node beside 'a'");
  });

  it('top stub over a neighbour fails', () => {
    const model: DiagramNode = {
      kind: 'column',
      gap: 1,
      stubs: [{ id: 'y', direction: 'out', side: 'top', length: 2 }],
      children: [text('xxxxx'), { kind: 'text', id: 'y', text: 'yyyyyy' }],
    };

    expect(() => renderDiagram(model)).toThrow("stubs[0]: the stub would run over another node beside 'y'");
  });

  it('connector to a node inside fails', () => {
    const model: DiagramNode = { kind: 'row', id: 'r', connectors: [{ from: 'r', to: 'b' }], children: [box({ id: 'b' }, text('hello'))] };

    expect(() => renderDiagram(model)).toThrow("connectors[0].to: the connector links 'r' with 'b', which is inside it");
  });
});

describe('box titles', () => {
  it('blank title keeps the border whole', () => {
    const drawing = renderDiagram(box({ title: ' ' }, text('abc')));

    expect(drawing.split('\n')).toEqual(['┌─────┐', '│ abc │', '└─────┘']);
    expect(checkDiagram(drawing)).toEqual([]);
  });
});

describe('vertical text met at a letter', () => {
  it('top letter narrower than the node', () => {
    // "a" is one column wide and centred over "日" and "本", so the link bends to meet it.
    const model: DiagramNode = {
      kind: 'column',
      gap: 3,
      chain: { head: 'none' },
      children: [{ kind: 'box', children: [] }, { kind: 'vtext', text: 'a日本' }],
    };

    expect(renderDiagram(model, { width: 10 }).split('\n')).toEqual(['┌──┐', '└┬─┘', ' │', ' │', '┌┘', 'a', '日', '本']);
  });
});

describe('routes inside a borderless box', () => {
  it('may use its blank edge', () => {
    // The box has no border, so its edge column is blank space the chain's bend may pass through.
    const model: DiagramNode = {
      kind: 'box',
      border: 'none',
      padding: { top: 1, right: 1 },
      children: [{ kind: 'column', gap: 3, align: 'right', chain: {}, children: [{ kind: 'vtext', text: 'a' }, { kind: 'text', text: 'a\naa\n' }] }],
    };

    expect(drawnRows(model)).toEqual(['', ' a', ' │', '┌┘', '▼', 'a', 'aa']);
  });
});

describe('links between neighbours', () => {
  it('grid neighbours straight, others bend', () => {
    const cells = ['a', 'b', 'c', 'd'].map((id, index) => box({ id }, text(id.repeat(index + 1))));
    const model = grid({ columns: 2, valign: 'bottom', rowGap: 2, connectors: [arrow('a', 'b'), arrow('d', 'b'), arrow('b', 'c')] }, cells);

    expectCleanDrawing(model, [
      '┌─────────────┐',
      '│             │',
      '│  ┌───┐    ┌─┴──┐',
      '│  │ a ├───▶│ bb │',
      '│  └───┘    └────┘',
      '│             ▲',
      '│             │',
      '│ ┌─────┐  ┌──┴───┐',
      '└▶│ ccc │  │ dddd │',
      '  └─────┘  └──────┘',
    ]);
  });

  it('second link bends around first', () => {
    const model = column({ gap: 2, connectors: [arrow('a', 'b'), arrow('b', 'a')] }, [box({ id: 'a' }, text('a')), box({ id: 'b' }, text('b'))]);

    expectCleanDrawing(model, ['  ┌───┐', '┌▶│ a │', '│ └─┬─┘', '│   │', '│   ▼', '│ ┌───┐', '└─┤ b │', '  └───┘']);
  });
});
