/** Types for schema.mjs, so TypeScript tests can import it. */

/** Path of schema.json, the file that `npm run schema` writes. */
export declare const SCHEMA_PATH: string;

/** Builds the schema object from the current source of src/model.ts. */
export declare function generateSchema(): Record<string, unknown>;

/** Formats the schema as the text of schema.json: two-space-indented JSON and a final newline. */
export declare function formatSchema(schema: Record<string, unknown>): string;
