#!/usr/bin/env node
/**
 * Generates schema.json, the JSON Schema of a diagram model, from the
 * `DiagramNode` type in src/model.ts with ts-json-schema-generator, so the
 * schema cannot drift from the types. `npm run schema` writes the file, and
 * test/schema.test.ts fails when the committed file differs from a fresh
 * generation.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AnnotatedType,
  DEFAULT_CONFIG,
  LiteralType,
  SchemaGenerator,
  StringType,
  UnionType,
  UnionTypeFormatter,
  createFormatter,
  createParser,
  createProgram,
  getTypeByKey,
} from 'ts-json-schema-generator';
import ts from 'typescript';

const root = new URL('../', import.meta.url);

/** Path of schema.json, the file that `npm run schema` writes. */
export const SCHEMA_PATH = fileURLToPath(new URL('schema.json', root));

/** The property whose string literal distinguishes the node types of a union. */
const DISCRIMINATOR = 'kind';

const ROOT_TYPE = 'DiagramNode';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Matches a template literal type whose placeholders are all `string`, such
 * as `#${string}` in `Color`, and emits a string with a `pattern`. The
 * generator's own parser (2.4.0) turns such a type into a plain string.
 */
class StringTemplatePatternParser {
  supportsNode(node) {
    return (
      node.kind === ts.SyntaxKind.TemplateLiteralType &&
      node.templateSpans.every((span) => span.type.kind === ts.SyntaxKind.StringKeyword)
    );
  }

  createType(node) {
    const parts = [escapeRegExp(node.head.text)];
    for (const span of node.templateSpans) {
      parts.push('.*', escapeRegExp(span.literal.text));
    }

    return new AnnotatedType(new StringType(), { pattern: `^${parts.join('')}$` }, false);
  }
}

/**
 * Formats a union of object types that each have a distinct string literal
 * `kind` as the generator formats a union tagged `@discriminator kind`: an
 * `enum` of the kinds, then one `if`/`then` per kind. A validator then checks
 * a node against the one type its `kind` names and reports only that type's
 * errors.
 */
class KindUnionFormatter {
  constructor(childTypeFormatter) {
    this.unionFormatter = new UnionTypeFormatter(childTypeFormatter, 'json-schema');
  }

  supportsType(type) {
    if (!(type instanceof UnionType) || type.getDiscriminator() !== undefined) {
      return false;
    }

    const kinds = type.getTypes().map((member) => getTypeByKey(member, new LiteralType(DISCRIMINATOR)));
    if (!kinds.every((kind) => kind instanceof LiteralType && typeof kind.getValue() === 'string')) {
      return false;
    }

    return new Set(kinds.map((kind) => kind.getValue())).size === kinds.length;
  }

  getDefinition(type) {
    // A copy, so the parsed type that other formatters see stays untagged.
    const tagged = new UnionType(type.getTypes());
    tagged.setDiscriminator(DISCRIMINATOR);

    return this.unionFormatter.getDefinition(tagged);
  }

  getChildren(type) {
    return this.unionFormatter.getChildren(type);
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the schema object from the current source of src/model.ts. */
export function generateSchema() {
  const config = {
    ...DEFAULT_CONFIG,
    path: fileURLToPath(new URL('src/model.ts', root)),
    tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
    type: ROOT_TYPE,
    additionalProperties: false,
  };
  const program = createProgram(config);
  const parser = createParser(program, config, (chain) => {
    chain.addNodeParser(new StringTemplatePatternParser());
  });
  const formatter = createFormatter(config, (chain, circularFormatter) => {
    chain.addTypeFormatter(new KindUnionFormatter(circularFormatter));
  });
  const generated = new SchemaGenerator(program, parser, formatter, config).createSchema(ROOT_TYPE);
  const { $schema: _draft07, definitions, ...rest } = toDraft2020(generated);

  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

  return {
    $schema: DRAFT_2020_12,
    // NOTE: this URL resolves only once this version is published to npm.
    $id: `https://unpkg.com/termdiagram@${version}/schema.json`,
    title: 'termdiagram diagram model',
    description:
      'A diagram model for termdiagram: a tree of nodes distinguished by `kind`. ' +
      'The schema checks structure and types. validateDiagram also checks ranges, ' +
      'colour codes, unique ids and connector targets.',
    ...rest,
    $defs: definitions,
  };
}

/**
 * Rewrites the generator's draft-07 references (`#/definitions/Name`) to the
 * `$defs` of draft 2020-12. The other keywords in the schema of these types
 * mean the same in both drafts. A tuple type would not, because draft-07
 * writes it as an `items` array, which the draft 2020-12 meta-schema check in
 * test/schema.test.ts rejects. Draft 2020-12 also applies the keywords beside
 * a `$ref`, such as `$id` and `title` at the root, which draft-07 ignores.
 */
function toDraft2020(value) {
  if (Array.isArray(value)) {
    return value.map(toDraft2020);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }

  const converted = {};
  for (const [key, field] of Object.entries(value)) {
    const isDefinitionRef = key === '$ref' && typeof field === 'string' && field.startsWith('#/definitions/');
    converted[key] = isDefinitionRef ? field.replace('#/definitions/', '#/$defs/') : toDraft2020(field);
  }

  return converted;
}

/** Formats the schema as the text of schema.json: two-space-indented JSON and a final newline. */
export function formatSchema(schema) {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, formatSchema(generateSchema()));
  console.log(`wrote ${SCHEMA_PATH}`);
}
