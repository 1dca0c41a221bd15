import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Returns the fenced block that follows a `<!-- marker -->` comment in the README. */
export function readmeBlockAfter(marker: string): string {
  const start = readme.indexOf(`<!-- ${marker} -->`);
  expect(start, `README has no <!-- ${marker} --> marker`).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf('\n', readme.indexOf('```', start)) + 1;
  const close = readme.indexOf('\n```', open);

  return readme.slice(open, close);
}
