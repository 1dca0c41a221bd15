import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import { renderDiagram } from '../src/index.js';

/** Set by `npm run fixtures:update`; a plain test run never writes a golden file. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

const CHARSETS = [
  { charset: 'unicode', suffix: '.txt' },
  { charset: 'ascii', suffix: '.ascii.txt' },
] as const;

function goldenPath(name: string, suffix: string): string {
  return fileURLToPath(new URL(`../fixtures/course/${name}${suffix}`, import.meta.url));
}

describe('course golden files', () => {
  for (const diagram of courseDiagrams) {
    for (const { charset, suffix } of CHARSETS) {
      it(`${diagram.name} in ${charset}`, () => {
        const rendered = renderDiagram(diagram.model, { charset });
        const path = goldenPath(diagram.name, suffix);
        if (UPDATE) {
          writeFileSync(path, `${rendered}\n`);
        }

        expect(existsSync(path), `missing golden file ${path}; run npm run fixtures:update and review it`).toBe(true);
        const golden = readFileSync(path, 'utf8');
        expect(golden.endsWith('\n'), 'a golden file ends with one newline').toBe(true);
        expect(rendered).toBe(golden.slice(0, -1));
      });
    }
  }
});
