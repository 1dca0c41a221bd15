import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, formatSchema, generateSchema } from '../scripts/schema.mjs';
import { courseDiagrams } from '../src/course/index.js';
import { validateDiagram } from '../src/index.js';

const committedText = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(committedText) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

/**
 * Returns the location of an Ajv error in validateDiagram's notation, such as
 * `children[0].value`. A missing or unknown property is located at the
 * property itself, not at the object that lacks or contains it.
 */
function locationOf(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'additionalProperties') {
    segments.push(String(error.params.additionalProperty));
  }
  if (error.keyword === 'required') {
    segments.push(String(error.params.missingProperty));
  }

  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      path += `[${segment}]`;
    } else {
      path += path === '' ? segment : `.${segment}`;
    }
  }

  return path;
}

/** Validates a model against schema.json and returns the location of each error, or `[]` for a valid model. */
function schemaErrorLocations(model: unknown): string[] {
  if (validateSchema(model)) {
    return [];
  }

  return (validateSchema.errors ?? []).map(locationOf);
}

describe('schema.json', () => {
  it('matches a fresh generation from src/model.ts', () => {
    const generated = formatSchema(generateSchema());
    expect(committedText, 'schema.json is out of date with src/model.ts: run `npm run schema` and commit schema.json').toBe(generated);
  });

  it('is a valid draft 2020-12 schema', () => {
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
  });

  it('has an id, a title and doc comment descriptions', () => {
    expect(schema.$id).toMatch(/^https:\/\/.+\/schema\.json$/);
    expect(schema.title).toBe('termdiagram diagram model');
    expect(committedText).toContain('"description": "Children stacked top to bottom."');
  });

  it('allows no undeclared properties on any object', () => {
    const open: string[] = [];
    const visit = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null) {
        return;
      }
      const record = node as Record<string, unknown>;
      if (record.type === 'object' && record.additionalProperties !== false && record.properties !== undefined) {
        open.push(pointer);
      }
      for (const [key, value] of Object.entries(record)) {
        visit(value, `${pointer}/${key}`);
      }
    };
    visit(schema.$defs, '#/$defs');
    // DiagramNode only selects a node type by kind, and each node type is closed.
    expect(open).toEqual(['#/$defs/DiagramNode']);
  });

  it('selects the node type by kind', () => {
    interface KindBranch {
      readonly if: { readonly properties: { readonly kind: { readonly const: string } } };
      readonly then: { readonly $ref: string };
    }
    interface NodeType {
      readonly properties: { readonly kind: { readonly const?: string; readonly enum?: string[] } };
      readonly allOf?: readonly KindBranch[];
    }
    const definitions = schema.$defs as Record<string, NodeType>;
    const diagramNode = definitions.DiagramNode;
    const branches = diagramNode?.allOf ?? [];
    expect(branches.length).toBeGreaterThan(0);
    expect(diagramNode?.properties.kind.enum).toEqual(branches.map((branch) => branch.if.properties.kind.const));
    expect(diagramNode?.properties.kind.enum).toContain('box');

    for (const branch of branches) {
      const name = branch.then.$ref.replace('#/$defs/', '');
      expect(definitions[name]?.properties.kind.const, `kind of ${name}`).toBe(branch.if.properties.kind.const);
    }
  });
});

describe('schema.json on the course diagrams', () => {
  it.each(courseDiagrams.map((diagram) => [diagram.name, diagram] as const))('accepts %s', (_name, diagram) => {
    const model: unknown = JSON.parse(JSON.stringify(diagram.model));
    expect(schemaErrorLocations(model)).toEqual([]);
    expect(validateDiagram(model)).toEqual([]);
  });
});

interface InvalidModel {
  readonly name: string;
  readonly model: unknown;
  /** Where both the schema and validateDiagram report a problem, in validateDiagram's notation. */
  readonly path: string;
}

const hello = { kind: 'text', text: 'Hello' };

const invalidModels: readonly InvalidModel[] = [
  { name: 'unknown kind', model: { kind: 'circle', text: 'Hello' }, path: 'kind' },
  { name: 'missing kind', model: { text: 'Hello' }, path: 'kind' },
  { name: 'kind of the wrong type', model: { kind: 3, text: 'Hello' }, path: 'kind' },
  { name: 'model that is a string', model: 'Hello', path: '' },
  { name: 'model that is null', model: null, path: '' },
  { name: 'model that is an array', model: [hello], path: '' },
  { name: 'box without children', model: { kind: 'box', title: 'Empty' }, path: 'children' },
  { name: 'row without children', model: { kind: 'row', gap: 2 }, path: 'children' },
  { name: 'fan without nodes', model: { kind: 'fan', from: hello }, path: 'nodes' },
  { name: 'text without text', model: { kind: 'text' }, path: 'text' },
  { name: 'children as one node', model: { kind: 'column', children: hello }, path: 'children' },
  { name: 'text as a number', model: { kind: 'text', text: 42 }, path: 'text' },
  { name: 'bar value as a string', model: { kind: 'box', children: [{ kind: 'bar', value: '40' }] }, path: 'children[0].value' },
  { name: 'gap as a string', model: { kind: 'row', gap: '2', children: [hello] }, path: 'gap' },
  { name: 'divided as a string', model: { kind: 'box', divided: 'yes', children: [hello] }, path: 'divided' },
  { name: 'curve values with a string', model: { kind: 'curve', values: [1, '2', 3] }, path: 'values[1]' },
  { name: 'unknown border style', model: { kind: 'box', border: 'dotted', children: [hello] }, path: 'border' },
  { name: 'unknown role', model: { kind: 'text', text: 'Hello', role: 'accent' }, path: 'role' },
  { name: 'colour without #', model: { kind: 'text', text: 'Hello', style: { fg: 'ff8800' } }, path: 'style.fg' },
  { name: 'unknown field on a node', model: { kind: 'text', text: 'Hello', colour: 'red' }, path: 'colour' },
  { name: 'field of another kind', model: { kind: 'text', text: 'Hello', children: [] }, path: 'children' },
  { name: 'unknown field in a style', model: { kind: 'text', text: 'Hello', style: { color: 'red' } }, path: 'style.color' },
  { name: 'unknown field in padding', model: { kind: 'box', padding: { x: 1, z: 2 }, children: [hello] }, path: 'padding.z' },
  {
    name: 'unknown field in a nested node',
    model: { kind: 'box', children: [{ kind: 'tag', text: 'x', label: 'y' }] },
    path: 'children[0].label',
  },
  {
    name: 'connector without to',
    model: { kind: 'row', connectors: [{ from: 'a' }], children: [{ ...hello, id: 'a' }] },
    path: 'connectors[0].to',
  },
  {
    name: 'stub with an unknown direction',
    model: { kind: 'column', stubs: [{ id: 'a', direction: 'up', side: 'top', length: 2 }], children: [{ ...hello, id: 'a' }] },
    path: 'stubs[0].direction',
  },
];

describe('schema.json and validateDiagram on invalid models', () => {
  it.each(invalidModels.map((entry) => [entry.name, entry] as const))('both reject %s', (_name, entry) => {
    const model: unknown = JSON.parse(JSON.stringify(entry.model));
    expect(schemaErrorLocations(model), 'schema errors').toContain(entry.path);
    expect(
      validateDiagram(model).map((problem) => problem.path),
      'validateDiagram problems',
    ).toContain(entry.path);
  });
});
