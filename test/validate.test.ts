import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import type { DiagramErrorCode } from '../src/errors.js';
import { DiagramError, type DiagramNode, box, renderDiagram, row, rule, text } from '../src/index.js';
import { MAX_DEPTH, MAX_DEPTH_LIMIT, MAX_LABEL_LENGTH, assertValid, validateDiagram } from '../src/validate.js';
import { QUICK_WALK_LIMIT, QuickWalk } from '../src/validate/quick.js';
import { Validator } from '../src/validate/walker.js';

interface BadModel {
  readonly name: string;
  readonly model: unknown;
  readonly code: DiagramErrorCode;
  /** Path of the first problem. */
  readonly path: string;
  /** A phrase of the fix that the first problem's message must contain. */
  readonly fix: string;
}

const hello = { kind: 'text', text: 'Hello' };

/** Wraps a node in a box, so a bad field of it is reported at `children[0].<field>`. */
function inBox(child: Record<string, unknown>): unknown {
  return { kind: 'box', children: [child] };
}

function withConnector(connector: unknown): unknown {
  return {
    kind: 'row',
    connectors: [connector],
    children: [
      { kind: 'text', id: 'a', text: 'A' },
      { kind: 'text', id: 'b', text: 'B' },
    ],
  };
}

function withStub(stub: unknown): unknown {
  return { kind: 'column', stubs: [stub], children: [{ kind: 'text', id: 'a', text: 'A' }] };
}

function curveWith(fields: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'curve', values: [1, 3, 2], ...fields };
}

function fanWith(fields: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'fan', from: hello, nodes: [hello], ...fields };
}

/** Nests `depth` columns, the innermost holding a text node: `depth + 1` levels in all. */
function nested(depth: number): unknown {
  let node: unknown = { kind: 'text', text: 'bottom' };
  for (let level = 0; level < depth; level += 1) {
    node = { kind: 'column', children: [node] };
  }

  return node;
}

/** Returns the path of the node at `level` in `nested()`, the root being level 1. */
function nestedPath(level: number): string {
  return Array.from({ length: level - 1 }, () => 'children[0]').join('.');
}

const STRUCTURE: readonly BadModel[] = [
  { name: 'null root', model: null, code: 'invalid-model', path: '', fix: 'replace it with a node object' },
  { name: 'array root', model: [hello], code: 'invalid-model', path: '', fix: 'replace it with a node object' },
  { name: 'number root', model: 42, code: 'invalid-model', path: '', fix: 'replace it with a node object' },
  { name: 'string root', model: 'box', code: 'invalid-model', path: '', fix: 'replace it with a node object' },
  { name: 'missing kind', model: { text: 'Hello' }, code: 'invalid-model', path: 'kind', fix: 'set kind to one of "box", "text"' },
  { name: 'unknown kind', model: { kind: 'boxx', children: [] }, code: 'invalid-model', path: 'kind', fix: 'did you mean "box"?' },
  { name: 'kind not a string', model: { kind: 3 }, code: 'invalid-model', path: 'kind', fix: 'set kind to one of' },
  { name: 'misspelt children', model: { kind: 'box', childs: [] }, code: 'invalid-model', path: 'childs', fix: 'did you mean "children"?' },
  { name: 'unknown field lists valid ones', model: inBox({ ...hello, colour: 'red' }), code: 'invalid-model', path: 'children[0].colour', fix: 'Valid fields: kind, $schema, id, role, style, text, align, link' },
  { name: 'child not an object', model: { kind: 'box', children: [42] }, code: 'invalid-model', path: 'children[0]', fix: 'replace it with a node object' },
  { name: 'child is null', model: { kind: 'row', children: [hello, null] }, code: 'invalid-model', path: 'children[1]', fix: 'replace it with a node object' },
  { name: 'children not an array', model: { kind: 'box', children: {} }, code: 'invalid-model', path: 'children', fix: 'set children to an array' },
  { name: 'missing children', model: { kind: 'column' }, code: 'invalid-model', path: 'children', fix: 'add children: [' },
  { name: 'missing text', model: inBox({ kind: 'text' }), code: 'invalid-model', path: 'children[0].text', fix: 'add text: "Hello"' },
];

const STRINGS: readonly BadModel[] = [
  { name: 'text a number', model: { kind: 'text', text: 42 }, code: 'invalid-model', path: 'text', fix: 'set text to a string such as "42"' },
  { name: 'vtext text missing', model: { kind: 'vtext' }, code: 'invalid-model', path: 'text', fix: 'add text:' },
  { name: 'tag text an array', model: { kind: 'tag', text: ['a'] }, code: 'invalid-model', path: 'text', fix: 'set text to a string' },
  { name: 'box title a number', model: { kind: 'box', title: 5, children: [] }, code: 'invalid-model', path: 'title', fix: 'set title to a string such as "5"' },
  { name: 'bar label a boolean', model: { kind: 'bar', value: 1, label: true }, code: 'invalid-model', path: 'label', fix: 'set label to a string such as "true"' },
  { name: 'rule caption null', model: { kind: 'rule', caption: null }, code: 'invalid-model', path: 'caption', fix: 'set caption to a string' },
  { name: 'connector label a number', model: withConnector({ from: 'a', to: 'b', label: 7 }), code: 'invalid-model', path: 'connectors[0].label', fix: 'set label to a string' },
  { name: 'marker label an object', model: curveWith({ markers: [{ at: 0, label: {} }] }), code: 'invalid-model', path: 'markers[0].label', fix: 'set label to a string' },
  { name: 'link with an escape', model: { kind: 'text', text: 'x', link: 'https://a.example/\u001b]0;x' }, code: 'invalid-model', path: 'link', fix: 'percent-encode' },
  { name: 'link with a space', model: { kind: 'tag', text: 'x', link: 'https://a.example/a b' }, code: 'invalid-model', path: 'link', fix: 'a space as %20' },
  { name: 'link empty', model: { kind: 'box', link: '', children: [] }, code: 'invalid-model', path: 'link', fix: 'percent-encode' },
];

const ENUMS: readonly BadModel[] = [
  { name: 'border', model: { kind: 'box', border: 'dotted', children: [] }, code: 'invalid-model', path: 'border', fix: '"light", "heavy", "double", "rounded", "shade", "ascii", "none"' },
  { name: 'box align', model: { kind: 'box', align: 'middle', children: [] }, code: 'invalid-model', path: 'align', fix: 'set align to one of those values' },
  { name: 'box valign', model: { kind: 'box', valign: 'center', children: [] }, code: 'invalid-model', path: 'valign', fix: '"top", "middle", "bottom"' },
  { name: 'titleAlign', model: { kind: 'box', titleAlign: 'stretch', children: [] }, code: 'invalid-model', path: 'titleAlign', fix: '"left", "center", "right"' },
  { name: 'text align', model: { kind: 'text', text: 'x', align: 'centre' }, code: 'invalid-model', path: 'align', fix: 'did you mean "center"?' },
  { name: 'row align', model: { kind: 'row', align: 'left', children: [] }, code: 'invalid-model', path: 'align', fix: '"top", "middle", "bottom", "stretch"' },
  { name: 'column align', model: { kind: 'column', align: 'top', children: [] }, code: 'invalid-model', path: 'align', fix: '"left", "center", "right", "stretch"' },
  { name: 'grid valign', model: { kind: 'grid', columns: 1, valign: 'center', children: [] }, code: 'invalid-model', path: 'valign', fix: '"top", "middle", "bottom", "stretch"' },
  { name: 'rule line none', model: { kind: 'rule', line: 'none' }, code: 'invalid-model', path: 'line', fix: '"light", "heavy", "double"' },
  { name: 'fan line', model: fanWith({ line: 'thin' }), code: 'invalid-model', path: 'line', fix: 'set line to one of those values' },
  { name: 'curve shape', model: curveWith({ shape: 'bars' }), code: 'invalid-model', path: 'shape', fix: '"sparkline", "line"' },
  { name: 'curve style is not shape', model: curveWith({ style: 'line' }), code: 'invalid-model', path: 'style', fix: 'replace it with a style object' },
  { name: 'marker symbol', model: curveWith({ markers: [{ at: 1, symbol: 'star' }] }), code: 'invalid-model', path: 'markers[0].symbol', fix: '"arrow", "bound"' },
  { name: 'connector head', model: withConnector({ from: 'a', to: 'b', head: 'arrow' }), code: 'invalid-model', path: 'connectors[0].head', fix: '"end", "start", "both", "none"' },
  { name: 'connector labelSide', model: withConnector({ from: 'a', to: 'b', labelSide: 'top' }), code: 'invalid-model', path: 'connectors[0].labelSide', fix: '"above", "below", "left", "right"' },
  { name: 'connector line', model: withConnector({ from: 'a', to: 'b', line: 'bold' }), code: 'invalid-model', path: 'connectors[0].line', fix: '"light", "heavy", "double"' },
  { name: 'stub direction', model: withStub({ id: 'a', direction: 'sideways', side: 'left', length: 2 }), code: 'invalid-model', path: 'stubs[0].direction', fix: '"in", "out"' },
  { name: 'stub side', model: withStub({ id: 'a', direction: 'in', side: 'up', length: 2 }), code: 'invalid-model', path: 'stubs[0].side', fix: '"left", "right", "top", "bottom"' },
  { name: 'stub line', model: withStub({ id: 'a', direction: 'in', side: 'left', length: 2, line: 'none' }), code: 'invalid-model', path: 'stubs[0].line', fix: '"light", "heavy", "double"' },
  { name: 'node role', model: { ...hello, role: 'primary' }, code: 'invalid-model', path: 'role', fix: '"border", "title", "label", "arrow"' },
  { name: 'connector role', model: withConnector({ from: 'a', to: 'b', role: 'link' }), code: 'invalid-model', path: 'connectors[0].role', fix: 'set role to one of those values' },
];

const STYLES: readonly BadModel[] = [
  { name: 'style a string', model: { ...hello, style: 'bold' }, code: 'invalid-model', path: 'style', fix: 'replace it with a style object such as' },
  { name: 'unknown colour name', model: { ...hello, style: { fg: 'purple' } }, code: 'invalid-model', path: 'style.fg', fix: '"#ff8800"' },
  { name: 'palette index over 255', model: { ...hello, style: { bg: 256 } }, code: 'invalid-model', path: 'style.bg', fix: 'an index' },
  { name: 'short hex colour', model: { ...hello, style: { fg: '#fff' } }, code: 'invalid-model', path: 'style.fg', fix: '"#rrggbb"' },
  { name: 'style flag not boolean', model: { ...hello, style: { bold: 'yes' } }, code: 'invalid-model', path: 'style.bold', fix: 'set bold to true or false' },
  { name: 'unknown style field', model: { ...hello, style: { blink: true } }, code: 'invalid-model', path: 'style.blink', fix: 'Valid fields: fg, bg, bold' },
  { name: 'connector style', model: withConnector({ from: 'a', to: 'b', style: { fg: 'bluee' } }), code: 'invalid-model', path: 'connectors[0].style.fg', fix: 'did you mean "blue"?' },
];

const FLAGS: readonly BadModel[] = [
  { name: 'divided a string', model: { kind: 'box', divided: 'yes', children: [] }, code: 'invalid-model', path: 'divided', fix: 'set divided to true or false' },
  { name: 'percent a number', model: { kind: 'bar', value: 1, percent: 1 }, code: 'invalid-model', path: 'percent', fix: 'set percent to true or false' },
];

const WHOLE_NUMBERS: readonly BadModel[] = [
  { name: 'box width fractional', model: { kind: 'box', width: 2.5, children: [] }, code: 'invalid-model', path: 'width', fix: 'round width to 2 or 3' },
  { name: 'bordered box width 1', model: { kind: 'box', width: 1, children: [] }, code: 'invalid-model', path: 'width', fix: 'set width to 2 or more' },
  { name: 'bordered box height 0', model: { kind: 'box', border: 'ascii', height: 0, children: [] }, code: 'invalid-model', path: 'height', fix: 'a bordered box needs a cell for each border' },
  { name: 'box height NaN', model: { kind: 'box', height: Number.NaN, children: [] }, code: 'invalid-model', path: 'height', fix: 'set height to a whole number such as 2' },
  { name: 'box minWidth negative', model: { kind: 'box', minWidth: -1, children: [] }, code: 'invalid-model', path: 'minWidth', fix: 'set minWidth to 0 or more' },
  { name: 'box minHeight infinite', model: { kind: 'box', minHeight: Number.POSITIVE_INFINITY, children: [] }, code: 'invalid-model', path: 'minHeight', fix: 'set minHeight to a whole number' },
  { name: 'box width a string', model: { kind: 'box', width: '10', children: [] }, code: 'invalid-model', path: 'width', fix: 'set width to a whole number such as 2' },
  { name: 'row gap negative', model: { kind: 'row', gap: -1, children: [] }, code: 'invalid-model', path: 'gap', fix: 'set gap to 0 or more' },
  { name: 'column gap fractional', model: { kind: 'column', gap: 0.5, children: [] }, code: 'invalid-model', path: 'gap', fix: 'round gap to 0 or 1' },
  { name: 'fan gap NaN', model: fanWith({ gap: Number.NaN }), code: 'invalid-model', path: 'gap', fix: 'set gap to a whole number' },
  { name: 'grid columnGap fractional', model: { kind: 'grid', columns: 2, columnGap: 1.5, children: [] }, code: 'invalid-model', path: 'columnGap', fix: 'round columnGap to 1 or 2' },
  { name: 'grid rowGap negative', model: { kind: 'grid', columns: 2, rowGap: -2, children: [] }, code: 'invalid-model', path: 'rowGap', fix: 'set rowGap to 0 or more' },
  { name: 'grid columns 0', model: { kind: 'grid', columns: 0, children: [] }, code: 'invalid-model', path: 'columns', fix: 'set columns to 1 or more' },
  { name: 'grid columns missing', model: { kind: 'grid', children: [] }, code: 'invalid-model', path: 'columns', fix: 'add columns: 2' },
  { name: 'grid columns fractional', model: { kind: 'grid', columns: 2.5, children: [] }, code: 'invalid-model', path: 'columns', fix: 'round columns to 2 or 3' },
  { name: 'tag padding fractional', model: { kind: 'tag', text: 'x', padding: 0.5 }, code: 'invalid-model', path: 'padding', fix: 'round padding to 0 or 1' },
  { name: 'tag padding object', model: { kind: 'tag', text: 'x', padding: { x: 1 } }, code: 'invalid-model', path: 'padding', fix: 'set padding to a whole number' },
  { name: 'spacer width negative', model: { kind: 'spacer', width: -3 }, code: 'invalid-model', path: 'width', fix: 'set width to 0 or more' },
  { name: 'spacer height fractional', model: { kind: 'spacer', height: 1.5 }, code: 'invalid-model', path: 'height', fix: 'round height to 1 or 2' },
  { name: 'rule width 0', model: { kind: 'rule', width: 0 }, code: 'invalid-model', path: 'width', fix: 'set width to 1 or more' },
  { name: 'rule width a word', model: { kind: 'rule', width: 'half' }, code: 'invalid-model', path: 'width', fix: 'set width to "full" or a number' },
  { name: 'bar width 0', model: { kind: 'bar', value: 1, width: 0 }, code: 'invalid-model', path: 'width', fix: 'set width to 1 or more' },
  { name: 'bar labelWidth negative', model: { kind: 'bar', value: 1, labelWidth: -1 }, code: 'invalid-model', path: 'labelWidth', fix: 'set labelWidth to 0 or more' },
  { name: 'bar labelWidth under label', model: { kind: 'bar', value: 1, label: 'Training', labelWidth: 3 }, code: 'invalid-model', path: 'labelWidth', fix: 'set labelWidth to 8 or more' },
  { name: 'curve height 1', model: curveWith({ shape: 'line', height: 1 }), code: 'invalid-model', path: 'height', fix: 'set height to 2 or more' },
  { name: 'curve margin negative', model: curveWith({ margin: -1 }), code: 'invalid-model', path: 'margin', fix: 'set margin to 0 or more' },
  { name: 'marker past the last value', model: curveWith({ markers: [{ at: 3 }] }), code: 'invalid-model', path: 'markers[0].at', fix: 'set at to 2 or less' },
  { name: 'marker before the first value', model: curveWith({ markers: [{ at: -1 }] }), code: 'invalid-model', path: 'markers[0].at', fix: 'set at to 0' },
  { name: 'marker at fractional', model: curveWith({ markers: [{ at: 1.5 }] }), code: 'invalid-model', path: 'markers[0].at', fix: 'round at to 1 or 2' },
  { name: 'marker without at', model: curveWith({ markers: [{ label: 'x' }] }), code: 'invalid-model', path: 'markers[0].at', fix: 'add at: 0' },
  { name: 'stub length 1', model: withStub({ id: 'a', direction: 'in', side: 'left', length: 1 }), code: 'invalid-model', path: 'stubs[0].length', fix: 'set length to 2 or more' },
  { name: 'stub length missing', model: withStub({ id: 'a', direction: 'in', side: 'left' }), code: 'invalid-model', path: 'stubs[0].length', fix: 'add length: 2' },
];

const PADDING: readonly BadModel[] = [
  { name: 'negative number', model: { kind: 'box', padding: -1, children: [] }, code: 'invalid-model', path: 'padding', fix: 'set padding to 0 or more' },
  { name: 'fractional axis', model: { kind: 'box', padding: { x: 1.5 }, children: [] }, code: 'invalid-model', path: 'padding.x', fix: 'round x to 1 or 2' },
  { name: 'negative side', model: { kind: 'box', padding: { top: -1 }, children: [] }, code: 'invalid-model', path: 'padding.top', fix: 'set top to 0 or more' },
  { name: 'mixed forms', model: { kind: 'box', padding: { x: 1, top: 1 }, children: [] }, code: 'invalid-model', path: 'padding', fix: 'use { x, y } or { top, right, bottom, left }, not both' },
  { name: 'unknown field', model: { kind: 'box', padding: { horizontal: 1 }, children: [] }, code: 'invalid-model', path: 'padding.horizontal', fix: 'Valid fields: x, y, top, right, bottom, left' },
  { name: 'a string', model: { kind: 'box', padding: 'wide', children: [] }, code: 'invalid-model', path: 'padding', fix: 'replace it with a number or a padding object' },
];

const BARS: readonly BadModel[] = [
  { name: 'value above max', model: { kind: 'bar', value: 140 }, code: 'invalid-model', path: 'value', fix: 'set value between 0 and 100' },
  { name: 'value below 0', model: { kind: 'bar', value: -1 }, code: 'invalid-model', path: 'value', fix: 'set value between 0 and 100' },
  { name: 'value above custom max', model: { kind: 'bar', value: 50, max: 40 }, code: 'invalid-model', path: 'value', fix: 'set value between 0 and 40' },
  { name: 'value NaN', model: { kind: 'bar', value: Number.NaN }, code: 'invalid-model', path: 'value', fix: 'set value between 0 and 100' },
  { name: 'value missing', model: { kind: 'bar' }, code: 'invalid-model', path: 'value', fix: 'add value: 40' },
  { name: 'max 0', model: { kind: 'bar', value: 0, max: 0 }, code: 'invalid-model', path: 'max', fix: 'set max to a positive number' },
  { name: 'max infinite', model: { kind: 'bar', value: 0, max: Number.POSITIVE_INFINITY }, code: 'invalid-model', path: 'max', fix: 'set max to a positive number' },
  { name: 'value a string with bad max', model: { kind: 'bar', value: '5', max: -1 }, code: 'invalid-model', path: 'value', fix: 'set value to a finite number' },
];

const CURVES: readonly BadModel[] = [
  { name: 'values empty', model: { kind: 'curve', values: [] }, code: 'invalid-model', path: 'values', fix: 'add values such as [1, 3, 2]' },
  { name: 'values missing', model: { kind: 'curve' }, code: 'invalid-model', path: 'values', fix: 'add values: [1, 3, 2]' },
  { name: 'values a string', model: { kind: 'curve', values: '1,2' }, code: 'invalid-model', path: 'values', fix: 'set values to an array' },
  { name: 'value NaN', model: { kind: 'curve', values: [1, Number.NaN] }, code: 'invalid-model', path: 'values[1]', fix: 'set each value to a finite number' },
  { name: 'value a string', model: { kind: 'curve', values: [1, 2, '3'] }, code: 'invalid-model', path: 'values[2]', fix: 'set each value to a finite number' },
  { name: 'min equals max', model: curveWith({ min: 5, max: 5 }), code: 'invalid-model', path: 'max', fix: 'raise max above 5 or lower min' },
  { name: 'min above max', model: curveWith({ min: 5, max: 1 }), code: 'invalid-model', path: 'max', fix: 'raise max above 5' },
  { name: 'min infinite', model: curveWith({ min: Number.NEGATIVE_INFINITY }), code: 'invalid-model', path: 'min', fix: 'set min to a finite number' },
];

const FANS: readonly BadModel[] = [
  { name: 'nodes empty', model: fanWith({ nodes: [] }), code: 'invalid-model', path: 'nodes', fix: 'add a node such as' },
  { name: 'nodes missing', model: { kind: 'fan', from: hello }, code: 'invalid-model', path: 'nodes', fix: 'add nodes:' },
  { name: 'neither from nor to', model: { kind: 'fan', nodes: [hello] }, code: 'invalid-model', path: '', fix: 'add from:' },
  { name: 'from not a node', model: fanWith({ from: 'a' }), code: 'invalid-model', path: 'from', fix: 'replace it with a node object' },
  { name: 'to not a node', model: fanWith({ to: [hello] }), code: 'invalid-model', path: 'to', fix: 'replace it with a node object' },
  { name: 'bad field inside from', model: fanWith({ from: { kind: 'box', children: [{ kind: 'text', text: 1 }] } }), code: 'invalid-model', path: 'from.children[0].text', fix: 'set text to a string' },
  { name: 'nested fan', model: inBox(fanWith({ nodes: [hello, { kind: 'bar', value: 140 }] })), code: 'invalid-model', path: 'children[0].nodes[1].value', fix: 'set value between 0 and 100' },
];

const CHAINS: readonly BadModel[] = [
  { name: 'a string', model: { kind: 'row', chain: 'yes', children: [] }, code: 'invalid-model', path: 'chain', fix: 'replace it with true, false or a chain object' },
  { name: 'bad head', model: { kind: 'row', chain: { head: 'arrow' }, children: [] }, code: 'invalid-model', path: 'chain.head', fix: '"end", "start", "both", "none"' },
  { name: 'line none', model: { kind: 'column', chain: { line: 'none' }, children: [] }, code: 'invalid-model', path: 'chain.line', fix: '"light", "heavy", "double"' },
  { name: 'unknown field', model: { kind: 'column', chain: { weight: 'heavy' }, children: [] }, code: 'invalid-model', path: 'chain.weight', fix: 'Valid fields: head, line' },
];

const IDS: readonly BadModel[] = [
  { name: 'empty id', model: inBox({ ...hello, id: '' }), code: 'invalid-model', path: 'children[0].id', fix: 'set id to a name such as "build"' },
  { name: 'numeric id', model: inBox({ ...hello, id: 5 }), code: 'invalid-model', path: 'children[0].id', fix: 'set id to a name' },
  {
    name: 'duplicate id',
    model: { kind: 'row', children: [{ ...hello, id: 'a' }, { ...hello, id: 'a' }] },
    code: 'duplicate-id',
    path: 'children[1].id',
    fix: 'already used at children[0]; give each node its own id',
  },
  {
    name: 'duplicate of the root id',
    model: { kind: 'row', id: 'a', children: [{ ...hello, id: 'a' }] },
    code: 'duplicate-id',
    path: 'children[0].id',
    fix: 'already used at the root',
  },
];

const CONNECTORS: readonly BadModel[] = [
  { name: 'unknown to', model: withConnector({ from: 'a', to: 'c' }), code: 'unknown-id', path: 'connectors[0].to', fix: 'known ids: "a", "b"' },
  { name: 'id in the wrong case', model: withConnector({ from: 'B', to: 'a' }), code: 'unknown-id', path: 'connectors[0].from', fix: 'did you mean "b"?' },
  { name: 'from equals to', model: withConnector({ from: 'a', to: 'a' }), code: 'invalid-model', path: 'connectors[0].to', fix: 'set to to the id of a different node' },
  { name: 'missing from', model: withConnector({ to: 'a' }), code: 'invalid-model', path: 'connectors[0].from', fix: 'add from: "a"' },
  { name: 'empty to', model: withConnector({ from: 'a', to: '' }), code: 'invalid-model', path: 'connectors[0].to', fix: 'set to to the id of a node' },
  { name: 'not an object', model: withConnector('a->b'), code: 'invalid-model', path: 'connectors[0]', fix: 'replace it with a connector such as' },
  { name: 'misspelt label', model: withConnector({ from: 'a', to: 'b', lable: 'x' }), code: 'invalid-model', path: 'connectors[0].lable', fix: 'did you mean "label"?' },
  { name: 'not an array', model: { kind: 'row', connectors: { from: 'a', to: 'b' }, children: [] }, code: 'invalid-model', path: 'connectors', fix: 'set connectors to an array' },
  {
    name: 'id anywhere in the diagram',
    model: { kind: 'column', connectors: [{ from: 'a', to: 'z' }], children: [{ kind: 'row', children: [{ ...hello, id: 'a' }] }] },
    code: 'unknown-id',
    path: 'connectors[0].to',
    fix: 'add id: "z" to a node',
  },
];

const STUBS: readonly BadModel[] = [
  { name: 'unknown id', model: withStub({ id: 'x', direction: 'in', side: 'left', length: 2 }), code: 'unknown-id', path: 'stubs[0].id', fix: 'known ids: "a"' },
  { name: 'missing id', model: withStub({ direction: 'in', side: 'left', length: 2 }), code: 'invalid-model', path: 'stubs[0].id', fix: 'add id: "input"' },
  { name: 'missing side', model: withStub({ id: 'a', direction: 'in', length: 2 }), code: 'invalid-model', path: 'stubs[0].side', fix: 'add side: "left"' },
  { name: 'not an object', model: withStub(null), code: 'invalid-model', path: 'stubs[0]', fix: 'replace it with a stub such as' },
  { name: 'on a grid', model: { kind: 'grid', columns: 1, stubs: [{ id: 'b', direction: 'out', side: 'right', length: 3 }], children: [{ ...hello, id: 'a' }] }, code: 'unknown-id', path: 'stubs[0].id', fix: 'known ids: "a"' },
  {
    name: 'at a spacer',
    model: { kind: 'row', stubs: [{ id: 's', direction: 'in', side: 'right', length: 3 }], children: [hello, { kind: 'spacer', id: 's', width: 1, height: 0 }] },
    code: 'invalid-model',
    path: 'stubs[0].id',
    fix: 'the stub draws at \'s\' would point at empty space',
  },
];

const TABLES: Readonly<Record<string, readonly BadModel[]>> = {
  structure: STRUCTURE,
  strings: STRINGS,
  enums: ENUMS,
  styles: STYLES,
  flags: FLAGS,
  'whole numbers': WHOLE_NUMBERS,
  padding: PADDING,
  bars: BARS,
  curves: CURVES,
  fans: FANS,
  chains: CHAINS,
  ids: IDS,
  connectors: CONNECTORS,
  stubs: STUBS,
};

for (const [table, cases] of Object.entries(TABLES)) {
  describe(`validateDiagram rejects bad ${table}`, () => {
    it.each(cases)('$name', ({ model, code, path, fix }) => {
      const [first] = validateDiagram(model);

      expect(first, 'expected at least one problem').toBeDefined();
      expect(first?.code).toBe(code);
      expect(first?.path).toBe(path);
      expect(first?.message).toContain(fix);
      expect(first?.message.startsWith(`${path}:`), 'the message repeats the path').toBe(false);
    });
  });
}

describe('validateDiagram accepts valid models', () => {
  it.each(courseDiagrams.map((diagram) => ({ name: diagram.name, model: diagram.model })))('course diagram $name', ({ model }) => {
    expect(validateDiagram(model)).toEqual([]);
  });

  const edgeCases: readonly { readonly name: string; readonly model: unknown }[] = [
    { name: 'borderless box of width 0', model: { kind: 'box', border: 'none', width: 0, height: 0, children: [] } },
    { name: 'bordered box of width 2', model: { kind: 'box', width: 2, height: 2, children: [] } },
    { name: 'rule of full width', model: { kind: 'rule', width: 'full', caption: 'Phase 1' } },
    { name: 'chain true', model: { kind: 'row', chain: true, children: [hello, hello] } },
    { name: 'chain object', model: { kind: 'column', chain: { head: 'both', line: 'heavy' }, children: [hello] } },
    { name: 'padding per axis', model: { kind: 'box', padding: { x: 2 }, children: [] } },
    { name: 'padding per side', model: { kind: 'box', padding: { top: 1, left: 0 }, children: [] } },
    { name: 'bar at max', model: { kind: 'bar', value: 8, max: 8, label: 'Done', labelWidth: 4 } },
    { name: 'bar at 0', model: { kind: 'bar', value: 0 } },
    { name: 'curve with markers at both ends', model: curveWith({ shape: 'line', height: 2, markers: [{ at: 0 }, { at: 2, symbol: 'bound' }] }) },
    { name: 'fan into one node', model: { kind: 'fan', nodes: [hello], to: hello } },
    { name: 'styles and roles', model: { ...hello, role: 'emphasis', style: { fg: '#FF8800', bg: 236, bold: true } } },
    { name: 'link', model: { kind: 'text', text: 'docs', link: 'https://example.com/a%20b?q=1#top' } },
    { name: 'shared subtree without ids', model: { kind: 'row', children: [hello, hello, hello] } },
  ];

  it.each(edgeCases)('$name', ({ model }) => {
    expect(validateDiagram(model)).toEqual([]);
  });
});

/** Returns whether the quick walk accepts a model, under the default limits. */
function quickAccepts(model: unknown, maxDepth = MAX_DEPTH): boolean {
  return new QuickWalk(maxDepth, MAX_LABEL_LENGTH).check(model) === 'valid';
}

/** Returns whether the full walk finds no problem, before the link check that both walks share. */
function fullAccepts(model: unknown, maxDepth = MAX_DEPTH): boolean {
  const validator = new Validator(maxDepth, MAX_LABEL_LENGTH);
  validator.walk(model);
  validator.checkReferences();

  return validator.problems.length === 0;
}

/** Lists every object and array in a model, the model included, each once even where values are shared or cyclic. */
function containersIn(value: unknown, found = new Set<object>()): object[] {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const field of Object.values(value)) {
      containersIn(field, found);
    }
  }

  return [...found];
}

/** Field names of every table, and some that no table has. */
const FIELD_NAMES = [
  'kind', 'id', 'role', 'style', '$schema', 'text', 'children', 'border', 'title', 'padding', 'width', 'height', 'minWidth', 'divided',
  'link', 'chain', 'connectors', 'stubs', 'from', 'to', 'nodes', 'head', 'label', 'labelSide', 'fromSide', 'toSide', 'line', 'columns',
  'value', 'max', 'min', 'labelWidth', 'values', 'markers', 'at', 'symbol', 'caption', 'x', 'y', 'top', 'left', 'fg', 'bold', 'direction',
  'side', 'length', 'gap', 'align', 'valign', 'shape', 'margin', 'percent', 'size', 'color', 'toString', 'constructor',
];

/** Values near the edges of the rules: each is valid for some field and invalid for others. */
const FIELD_VALUES = fc.oneof(
  fc.constantFrom(
    undefined, null, true, false, 0, 1, 2, 3, -1, 2.5, 1e7, Number.NaN, Infinity, '', ' ', 'a', 'b', 'build', 'none', 'full', 'end',
    'heavy', 'left', 'in', 'line', 'red', '#ff8800', '#ff88', 'box', 'text', 'row', 'https://x.y/z', 'a b', 'x'.repeat(MAX_LABEL_LENGTH + 1),
    [], [1, 2], [Number.NaN], {}, { x: 1 }, { x: 1, top: 0 }, { fg: 'red' }, { head: 'end' }, { from: 'a', to: 'b' },
    { kind: 'text', text: 'T' }, { kind: 'text', id: 'a', text: 'dup' }, [{ kind: 'text', text: 'T' }], [{ kind: 'spacer' }],
    [{ from: 'a', to: 'a' }], [{ id: 'a', direction: 'in', side: 'left', length: 2 }], [{ at: 0, label: 'long label' }, { at: 1, label: 'x' }],
  ),
  fc.anything({ maxDepth: 2 }),
);

describe('quick walk agrees with the full walk', () => {
  it.each(courseDiagrams.map((diagram) => ({ name: diagram.name, model: diagram.model })))('accepts course diagram $name', ({ model }) => {
    expect(quickAccepts(model)).toBe(true);
  });

  for (const [table, cases] of Object.entries(TABLES)) {
    // A few of these pass both walks and fail only the link check that follows.
    it.each(cases)(`same answer on bad ${table}: $name`, ({ model }) => {
      expect(quickAccepts(model)).toBe(fullAccepts(model));
    });
  }

  it('same answer on mutated models', () => {
    const fieldsOfEveryKind = {
      kind: 'column',
      stubs: [{ id: 'r', direction: 'out', side: 'right', length: 2 }],
      connectors: [{ from: 'b', to: 'r', head: 'both', label: 'go', labelSide: 'left', fromSide: 'top', toSide: 'bottom', line: 'heavy' }],
      children: [
        { kind: 'box', id: 'b', border: 'rounded', title: 'T', padding: { top: 1 }, width: 9, height: 4, divided: true, children: [hello] },
        { kind: 'rule', id: 'r', width: 9, caption: 'phase' },
        { kind: 'bar', value: 3, max: 8, label: 'Done', labelWidth: 4, width: 10, percent: true },
        { kind: 'curve', values: [1, 3, 2], shape: 'line', height: 3, min: 0, max: 4, markers: [{ at: 0, label: 'a' }, { at: 2, symbol: 'bound' }] },
        { kind: 'fan', from: hello, nodes: [{ kind: 'tag', text: 'x', padding: 1 }], to: { kind: 'vtext', text: 'v' } },
        { kind: 'grid', columns: 2, columnGap: 1, rowGap: 0, children: [hello, { kind: 'spacer', width: 1, height: 1 }] },
        { kind: 'row', chain: { head: 'end' }, style: { fg: 'red', bold: true }, role: 'emphasis', children: [hello, hello] },
      ],
    };
    expect(validateDiagram(fieldsOfEveryKind)).toEqual([]);
    expect(quickAccepts(fieldsOfEveryKind)).toBe(true);
    const models = [...courseDiagrams.map((diagram) => diagram.model), fieldsOfEveryKind].map((model) => JSON.stringify(model));
    fc.assert(
      fc.property(
        fc.nat(models.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FIELD_NAMES), FIELD_VALUES, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (modelIndex, changes) => {
          const model: unknown = JSON.parse(models[modelIndex] as string);
          for (const [target, name, value, remove] of changes) {
            const containers = containersIn(model);
            const container = containers[target % containers.length];
            if (Array.isArray(container)) {
              container.splice(target % (container.length + 1), remove ? 1 : 0, ...(remove ? [] : [value]));
            } else if (remove) {
              delete (container as Record<string, unknown>)[name];
            } else {
              (container as Record<string, unknown>)[name] = value;
            }
          }

          expect(quickAccepts(model)).toBe(fullAccepts(model));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('same answer at the depth limit', () => {
    for (const depth of [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1]) {
      expect(quickAccepts(nested(depth))).toBe(fullAccepts(nested(depth)));
    }
  });

  it('leaves cycles to the full walk', () => {
    const row: { kind: string; children: unknown[] } = { kind: 'row', children: [] };
    row.children.push(row, row);

    expect(quickAccepts(row)).toBe(false);
  });

  it('leaves models past its limit to the full walk', () => {
    const model = { kind: 'row', children: Array.from({ length: QUICK_WALK_LIMIT }, () => hello) };

    expect(quickAccepts(model)).toBe(false);
    expect(fullAccepts(model)).toBe(true);
  });

  it('stops at a shared container of containers', () => {
    let tower: unknown = hello;
    for (let level = 0; level < 60; level += 1) {
      tower = { kind: 'column', children: [tower, tower] };
    }

    expect(new QuickWalk(MAX_DEPTH, MAX_LABEL_LENGTH).check(tower)).toBe('undecided');
    expect(validateDiagram(tower)).toEqual([]);
  });

  it('reports a shared chain once', () => {
    const shared = { kind: 'row', chain: true, children: [hello, { kind: 'spacer' }, { kind: 'box', children: [hello] }] };
    const problems = validateDiagram({ kind: 'column', children: [shared, shared] });

    expect(problems.map((problem) => problem.path)).toEqual(['children[0].children[1]']);
  });

  it('reports a getter that changes its value', () => {
    let reads = 0;
    const model = {
      kind: 'text',
      get text(): unknown {
        reads += 1;

        return reads === 1 ? 42 : 'ok';
      },
    };
    const [problem] = validateDiagram(model);

    expect(problem?.path).toBe('');
    expect(problem?.message).toContain('a getter returns other values on each read');
  });

  it('reports a getter that throws once', () => {
    let reads = 0;
    const model = {
      kind: 'text',
      get text(): string {
        reads += 1;
        if (reads === 1) {
          throw new Error('not yet');
        }

        return 'ok';
      },
    };

    const message = validateDiagram(model)[0]?.message;

    expect(message).toContain('where the first read failed with "Error: not yet"');
    expect(message).toContain('a getter returns other values on each read');
  });

  it('reports children that change between reads', () => {
    let reads = 0;
    const model = {
      kind: 'row',
      connectors: [{ from: 'a', to: 'b' }],
      get children(): unknown[] {
        reads += 1;

        return [
          { kind: 'text', id: 'a', text: 'A' },
          { kind: 'box', id: 'b', children: [{ kind: 'text', text: `read ${reads}` }] },
        ];
      },
    };

    expect(() => renderDiagram(model as DiagramNode)).toThrow(/a getter returns other values on each read/);
  });

  it('new list of same nodes draws', () => {
    const left = text('L');
    const right = box(text('R'));
    const model = {
      kind: 'row',
      get children(): DiagramNode[] {
        return [left, right];
      },
    };

    expect(renderDiagram(model as DiagramNode)).toBe(renderDiagram(row([left, right])));
  });

  it('new leaves on each read rejected', () => {
    let reads = 0;
    const model = {
      kind: 'row',
      get children(): unknown[] {
        reads += 1;

        return [{ kind: 'text', text: `read ${reads}` }];
      },
    };

    expect(() => renderDiagram(model as DiagramNode)).toThrow(/found other nodes in a list than measuring read/);
  });

  it('reports a new fan source on each read', () => {
    const model = {
      kind: 'fan',
      nodes: [{ kind: 'text', text: 'n' }],
      get from(): unknown {
        return { kind: 'text', text: 'source' };
      },
    };

    expect(() => renderDiagram(model as DiagramNode)).toThrow(/a fan's from or to node other than the one measuring read/);
  });

  it('reads a list length once', () => {
    let reads = 0;
    const list = new Proxy([hello, 7], {
      get(target, key, receiver) {
        if (key === 'length') {
          reads += 1;

          return reads === 1 ? 2 : 0;
        }

        return Reflect.get(target, key, receiver) as unknown;
      },
    });

    expect(new QuickWalk(MAX_DEPTH, MAX_LABEL_LENGTH).check({ kind: 'column', children: list })).toBe('invalid');
    expect(reads).toBe(1);
  });

  it('skips the link walk for connectors alone', () => {
    const model = withConnector({ from: 'a', to: 'b' });
    const walk = new QuickWalk(MAX_DEPTH, MAX_LABEL_LENGTH);

    expect(walk.check(model)).toBe('valid');
    expect(walk.needsLinkCheck()).toBe(false);
  });

  it('checks a connector to a blank node', () => {
    const model = { kind: 'row', connectors: [{ from: 'a', to: 'b' }], children: [{ kind: 'text', id: 'a', text: 'A' }, { kind: 'text', id: 'b', text: ' ' }] };

    expect(validateDiagram(model).map((problem) => problem.path)).toEqual(['connectors[0].to']);
  });

  it('walks links for a hidden chain', () => {
    const model = { kind: 'row', children: [hello, { kind: 'spacer' }] };
    Object.defineProperty(model, 'chain', { value: true, enumerable: false });
    const walk = new QuickWalk(MAX_DEPTH, MAX_LABEL_LENGTH);

    expect(walk.check(model)).toBe('valid');
    expect(walk.needsLinkCheck()).toBe(true);
    expect(validateDiagram(model).map((problem) => problem.path)).toEqual(['children[1]']);
  });

  it('visits shared subtrees at each place', () => {
    const shared = { kind: 'column', children: [hello, hello] };
    const model = { kind: 'row', chain: true, children: [shared, shared] };
    const walk = new QuickWalk(MAX_DEPTH, MAX_LABEL_LENGTH);

    expect(walk.check(model)).toBe('valid');
    expect(walk.nodeCount).toBe(7);
  });
});

describe('DiagramError instanceof', () => {
  it('accepts its own errors', () => {
    expect(new DiagramError('invalid-model', '', 'm') instanceof DiagramError).toBe(true);
  });

  it('rejects other values', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();

    expect(new Error('plain') instanceof DiagramError).toBe(false);
    expect(proxy instanceof DiagramError).toBe(false);
    expect(DiagramError.name).toBe('DiagramError');
  });
});

describe('validateDiagram messages', () => {
  it('bar message exact text', () => {
    const model = { kind: 'box', children: [hello, hello, { kind: 'bar', value: 140 }] };

    expect(validateDiagram(model)).toEqual([
      {
        code: 'invalid-model',
        path: 'children[2].value',
        message: 'expected a finite number from 0 to max (100), got 140; set value between 0 and 100',
      },
    ]);
  });

  it('long values are cut', () => {
    const [problem] = validateDiagram({ kind: 'text', text: 'x'.repeat(500), align: 'a'.repeat(500) });

    expect(problem?.path).toBe('align');
    expect(problem?.message).toContain(`got "${'a'.repeat(36)}...`);
    expect(problem?.message.length).toBeLessThan(200);
  });

  it('cut keeps emoji whole', () => {
    const [problem] = validateDiagram({ kind: 'text', text: 'x', align: '\u{1F600}'.repeat(50) });

    // The opening quote is the first of the 37 code points kept before `...`.
    expect(problem?.message).toContain(`got "${'\u{1F600}'.repeat(36)}...;`);
  });

  it('objects are shown one level deep', () => {
    const [problem] = validateDiagram({ kind: 'box', children: [[{ kind: 'text', text: 'a' }]] });

    expect(problem?.message).toContain('got [{...}]');
  });

  it('lists every problem in order', () => {
    const model = { kind: 'row', gap: -1, children: [{ kind: 'bar', value: 140 }, { kind: 'text' }] };

    expect(validateDiagram(model).map((problem) => problem.path)).toEqual(['gap', 'children[0].value', 'children[1].text']);
  });
});

describe('validateDiagram linked nodes', () => {
  it('lists link problems in order', () => {
    const model = {
      kind: 'column',
      stubs: [
        { id: 'a', direction: 'in', side: 'left', length: 2 },
        { id: 'a', direction: 'out', side: 'left', length: 2 },
      ],
      connectors: [{ from: 'a', to: 'gap' }],
      children: [
        { kind: 'fan', from: { kind: 'rule' }, nodes: [{ kind: 'text', id: 'a', text: 'A' }, { kind: 'spacer' }], to: { kind: 'text', text: ' ' } },
        { kind: 'column', chain: true, children: [hello, { kind: 'bar', value: 1 }, { kind: 'text', id: 'gap', text: '' }] },
      ],
    };
    const problems = validateDiagram(model);

    // Problems follow the nodes in document order, a fan's nodes before its ends, a container's stubs after its children, and connectors last.
    expect(problems.map((problem) => problem.path)).toEqual([
      'children[0].from',
      'children[0].nodes[1]',
      'children[0].to',
      'children[1].children[1]',
      'children[1].children[2]',
      'stubs[1].side',
      'connectors[0].to',
    ]);
    expect(problems.every((problem) => problem.code === 'invalid-model')).toBe(true);
    expect(problems[0]?.message).toContain('a vertical link would cross or end beside');
    expect(problems[1]?.message).toContain('the arrow that links it to the fan would point at empty space');
    expect(problems[4]?.message).toContain('the arrow that chains it to its neighbours');
    expect(problems[5]?.message).toBe("the stub at stubs[0] already uses the left side of 'a'; put this stub on another side");
    expect(problems[6]?.message).toContain("the arrow that the connector draws to 'gap'");
  });

  it('fan end hidden from the walk', () => {
    const fan = { kind: 'fan', nodes: [hello], to: hello };
    Object.defineProperty(fan, 'from', { value: { kind: 'rule' }, enumerable: false });
    const problems = validateDiagram(fan);

    // Object.keys does not list `from`, so only the link check reads it, as layout does.
    expect(problems.map((problem) => problem.path)).toEqual(['from']);
    expect(problems[0]?.message).toContain('a vertical link would cross or end beside');
  });

  it('hidden fan end closing a cycle', () => {
    const fan = { kind: 'fan', nodes: [hello], to: hello };
    Object.defineProperty(fan, 'from', { value: fan, enumerable: false });

    expect(validateDiagram(fan)).toEqual([]);
  });

  it('shared node reported at each link', () => {
    const empty = { kind: 'text', text: '' };
    const problems = validateDiagram({ kind: 'row', chain: true, children: [hello, empty, { kind: 'row', chain: true, children: [hello, empty] }] });

    expect(problems.map((problem) => problem.path)).toEqual(['children[1]', 'children[2].children[1]']);
  });
});

describe('validateDiagram hostile input', () => {
  it('cycle closes at the repeated node', () => {
    const children: unknown[] = [];
    const root = { kind: 'column', children: [{ kind: 'box', children }] };
    children.push(root);

    const problems = validateDiagram(root);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('invalid-model');
    expect(problems[0]?.path).toBe('children[0].children[0]');
    expect(problems[0]?.message).toContain('same object as its ancestor at the root');
    expect(problems[0]?.message).toContain('models must be trees');
  });

  it('node that holds itself', () => {
    const node: { kind: string; children: unknown[] } = { kind: 'box', children: [] };
    node.children.push(hello, node);

    expect(validateDiagram(node).map((problem) => problem.path)).toEqual(['children[1]']);
  });

  it('shared subtree with an id is a duplicate', () => {
    const shared = { kind: 'box', children: [{ kind: 'text', id: 'inner', text: 'x' }] };
    const problems = validateDiagram({ kind: 'row', children: [shared, shared] });

    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('duplicate-id');
    expect(problems[0]?.path).toBe('children[1].children[0].id');
    expect(problems[0]?.message).toContain('already used at children[0].children[0]');
    expect(problems[0]?.message).toContain('the same object placed twice');
  });

  it('shared row with an inner id', () => {
    const shared = { kind: 'row', children: [{ kind: 'box', id: 'inner', children: [{ kind: 'text', text: 'x' }] }] };
    const problems = validateDiagram({ kind: 'column', children: [shared, shared] });

    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['duplicate-id', 'children[1].children[0].id']]);
    expect(problems[0]?.message).toContain('same object as the one at children[0]');
  });

  it('shared node with its own id', () => {
    const shared = { kind: 'text', id: 'a', text: 'x' };
    const problems = validateDiagram({ kind: 'fan', from: shared, nodes: [hello], to: shared });

    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['duplicate-id', 'to.id']]);
  });

  it('kind that changes between reads', () => {
    let reads = 0;
    const shifty = {
      get kind(): string {
        reads += 1;

        return reads === 1 ? 'text' : 'box';
      },
      text: 'a',
    };
    const problems = validateDiagram({ kind: 'row', chain: true, children: [shifty, { kind: 'text', text: 'b' }] });

    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['invalid-model', '']]);
    expect(problems[0]?.message).toContain('a getter returns other values on each read');
  });

  it('children that deepen on a later read', () => {
    let reads = 0;
    const deep = (levels: number): unknown => (levels === 0 ? { kind: 'text', text: 'x' } : { kind: 'row', children: [deep(levels - 1)] });
    const growing = {
      kind: 'row',
      get children(): unknown[] {
        reads += 1;

        return reads === 1 ? [{ kind: 'text', text: 'a' }] : [deep(300)];
      },
    };
    const problems = validateDiagram({ kind: 'row', chain: true, children: [growing, { kind: 'text', text: 'b' }] });

    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['invalid-model', '']]);
    expect(problems[0]?.message).toContain('nodes nested deeper than on the first read');
  });

  it('hidden self-reference in a render', () => {
    const fan = { kind: 'fan', nodes: [{ kind: 'text', text: 'a' }], to: { kind: 'text', text: 'z' } };
    Object.defineProperty(fan, 'from', { value: fan, enumerable: false });

    expect(() => renderDiagram(fan as DiagramNode)).toThrow(DiagramError);
    expect(() => renderDiagram(fan as DiagramNode)).toThrow(/overflowed the call stack/);
  });

  it('shared leaf checked at each place', () => {
    const shared = { kind: 'text', text: 5 };
    const problems = validateDiagram({ kind: 'row', children: [shared, { kind: 'box', children: [shared] }] });

    expect(problems.map((problem) => problem.path)).toEqual(['children[0].text', 'children[1].children[0].text']);
  });

  it('shared diamonds stay linear', () => {
    let node: unknown = hello;
    for (let level = 0; level < 60; level += 1) {
      node = { kind: 'row', children: [node, node] };
    }

    // Visiting every path would take 2^60 steps; the walk checks each object once.
    expect(validateDiagram(node)).toEqual([]);
  });

  it('shared chained diamonds stay linear', () => {
    let node: unknown = hello;
    for (let level = 0; level < 60; level += 1) {
      node = { kind: 'row', chain: true, children: [node, node] };
    }

    // The check of chained neighbours must also visit each shared object once.
    expect(validateDiagram(node)).toEqual([]);
  });

  it('blank shared diamonds stay linear', () => {
    let blank: unknown = { kind: 'spacer', width: 1, height: 1 };
    for (let level = 0; level < 60; level += 1) {
      blank = { kind: 'row', children: [blank, blank] };
    }

    // Whether the diamond draws anything must be worked out once per object, not once per path.
    const problems = validateDiagram({ kind: 'column', chain: true, children: [hello, blank] });

    expect(problems.map((problem) => problem.path)).toEqual(['children[1]']);
  });

  it('text diamonds in columns stay linear', () => {
    let texts: unknown = hello;
    for (let level = 0; level < 60; level += 1) {
      texts = { kind: 'row', children: [texts, texts] };
    }

    // Whether the diamond ends in a rule, bar or curve must be worked out once per object too.
    expect(validateDiagram({ kind: 'column', chain: true, children: [hello, texts] })).toEqual([]);
  });

  it('children hidden on a text node', () => {
    const hidden = { kind: 'text', text: 'a' };
    Object.defineProperty(hidden, 'children', { value: 1, enumerable: false });

    // The field is not enumerable, so the walk does not check it and the link check must not follow it.
    expect(validateDiagram({ kind: 'row', chain: true, children: [hidden, hello] })).toEqual([]);
  });

  it('wide model with many ids', () => {
    const count = 20_000;
    const children = Array.from({ length: count }, (_, index) => ({ kind: 'text', id: `n${index}`, text: 'x' }));
    const connectors = children.slice(1).map((child, index) => ({ from: `n${index}`, to: child.id }));
    const unknown = Array.from({ length: 100 }, (_, index) => ({ from: 'n0', to: `missing${index}` }));

    const problems = validateDiagram({ kind: 'row', connectors: [...connectors, ...unknown], children });

    expect(problems).toHaveLength(unknown.length);
    expect(problems.every((problem) => problem.code === 'unknown-id')).toBe(true);
  });

  it('getter that throws', () => {
    const child = {
      kind: 'text',
      get text(): string {
        throw new Error('boom');
      },
    };
    const problems = validateDiagram(inBox(child));

    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('children[0].text');
    expect(problems[0]?.message).toContain('Error: boom');
  });

  it('array item getter that throws', () => {
    const children = [hello];
    Object.defineProperty(children, 1, {
      enumerable: true,
      get() {
        throw new TypeError('no');
      },
    });

    expect(validateDiagram({ kind: 'box', children }).map((problem) => problem.path)).toEqual(['children[1]']);
  });

  it('revoked proxy node', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();

    const problems = validateDiagram(inBox(proxy));

    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.path).toBe('children[0].kind');
  });

  it('revoked proxy as curve values', () => {
    const { proxy, revoke } = Proxy.revocable([1, 2, 3], {});
    revoke();

    const problems = validateDiagram({ kind: 'curve', values: proxy });

    expect(problems.map((problem) => problem.path)).toEqual(['values']);
  });

  it('proxy whose keys throw', () => {
    const node = new Proxy(
      { kind: 'text', text: 'x' },
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );

    expect(validateDiagram(node).map((problem) => problem.path)).toEqual(['']);
  });

  it('thrown value that is not an Error', () => {
    const node = {
      kind: 'bar',
      get value(): number {
        throw Object.defineProperty({}, 'message', {
          get() {
            throw new Error('nested');
          },
        });
      },
    };

    expect(() => validateDiagram(node)).not.toThrow();
    expect(validateDiagram(node)[0]?.path).toBe('value');
  });

  it('arbitrary values never throw', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (value) => {
        validateDiagram(value);
        validateDiagram({ kind: 'box', children: [value] });
      }),
    );
  });
});

describe('validateDiagram depth limit', () => {
  it('100,000 levels deep', () => {
    const problems = validateDiagram(nested(100_000));

    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('invalid-model');
    expect(problems[0]?.path).toBe(nestedPath(MAX_DEPTH + 1));
    expect(problems[0]?.message).toContain(`MAX_DEPTH (${MAX_DEPTH})`);
    expect(problems[0]?.message).toContain('flatten the diagram');
  });

  it('exactly MAX_DEPTH levels', () => {
    expect(validateDiagram(nested(MAX_DEPTH - 1))).toEqual([]);
  });

  it('one level over MAX_DEPTH', () => {
    expect(validateDiagram(nested(MAX_DEPTH)).map((problem) => problem.path)).toEqual([nestedPath(MAX_DEPTH + 1)]);
  });

  it('maxDepth option', () => {
    const problems = validateDiagram(nested(3), { maxDepth: 3 });

    expect(problems.map((problem) => problem.path)).toEqual([nestedPath(4)]);
    expect(problems[0]?.message).toContain('maxDepth (3)');
  });

  it('invalid maxDepth option', () => {
    expect(validateDiagram(hello, { maxDepth: 0 })).toEqual([
      expect.objectContaining({ code: 'invalid-option', path: 'options.maxDepth' }),
    ]);
  });

  it('maxDepth option over its limit', () => {
    const problems = validateDiagram(hello, { maxDepth: 401 });

    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['invalid-option', 'options.maxDepth']]);
    expect(problems[0]?.message).toContain('from 1 to 400');
  });

  it('maxDepth limit renders', () => {
    let node: DiagramNode = text('x');
    for (let level = 1; level < MAX_DEPTH_LIMIT; level += 1) {
      node = box(node);
    }

    expect(() => renderDiagram(node, { limits: { maxDepth: MAX_DEPTH_LIMIT } })).not.toThrow();
    expect(() => renderDiagram(node, { limits: { maxDepth: MAX_DEPTH_LIMIT + 1 } })).toThrow(/at most 400/);
  });

  it('shared subtree counted at each place', () => {
    // Three levels, first placed at level 2 (reaching 4), then at level 3 (reaching 5).
    const shared = nested(2);
    const model = { kind: 'row', children: [shared, { kind: 'column', children: [shared] }] };
    const problems = validateDiagram(model, { maxDepth: 4 });

    expect(validateDiagram(model, { maxDepth: 5 })).toEqual([]);
    expect(problems.map((problem) => problem.path)).toEqual(['children[1].children[0]']);
    expect(problems[0]?.message).toContain('nested 5 levels deep');
  });
});

describe('assertValid', () => {
  it('throws the first problem', () => {
    const model = { kind: 'box', children: [hello, hello, { kind: 'bar', value: 140 }] };

    let caught: unknown;
    try {
      assertValid(model);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DiagramError);
    expect((caught as DiagramError).code).toBe('invalid-model');
    expect((caught as DiagramError).path).toBe('children[2].value');
    expect((caught as DiagramError).message).toBe(
      'children[2].value: expected a finite number from 0 to max (100), got 140; set value between 0 and 100',
    );
  });

  it('passes a valid model', () => {
    expect(() => assertValid(box([text('a'), rule()]))).not.toThrow();
  });
});

describe('renderDiagram validates first', () => {
  const cases: readonly { readonly name: string; readonly model: unknown; readonly code: DiagramErrorCode; readonly path: string }[] = [
    { name: 'bar over max', model: inBox({ kind: 'bar', value: 140 }), code: 'invalid-model', path: 'children[0].value' },
    { name: 'duplicate id', model: { kind: 'row', children: [{ ...hello, id: 'a' }, { ...hello, id: 'a' }] }, code: 'duplicate-id', path: 'children[1].id' },
    { name: 'unknown connector id', model: withConnector({ from: 'a', to: 'c' }), code: 'unknown-id', path: 'connectors[0].to' },
    { name: 'typo in a field', model: { kind: 'box', childs: [] }, code: 'invalid-model', path: 'childs' },
    { name: 'deep nesting', model: nested(100_000), code: 'invalid-model', path: nestedPath(MAX_DEPTH + 1) },
  ];

  it.each(cases)('$name', ({ model, code, path }) => {
    let caught: unknown;
    try {
      renderDiagram(model as DiagramNode);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DiagramError);
    expect((caught as DiagramError).code).toBe(code);
    expect((caught as DiagramError).path).toBe(path);
  });
});
