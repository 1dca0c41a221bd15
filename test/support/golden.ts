import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compareDiagram } from '../../src/testing.js';

/** Set by `npm run fixtures:update`; a plain test run never writes a golden file. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Compares rendered text with a golden file under `fixtures/`, through the package's own snapshot helper. */
export function expectGolden(relativePath: string, rendered: string): void {
  const path = fileURLToPath(new URL(`../../fixtures/${relativePath}`, import.meta.url));
  const result = compareDiagram(rendered, path, { update: UPDATE });
  expect(result.pass, result.message).toBe(true);
}
