import { describe, it } from 'vitest';
import { courseDiagrams } from '../src/course/index.js';
import { renderDiagram } from '../src/index.js';
import { expectGolden } from './support/golden.js';


const CHARSETS = [
  { charset: 'unicode', suffix: '.txt' },
  { charset: 'ascii', suffix: '.ascii.txt' },
] as const;

describe('course golden files', () => {
  for (const diagram of courseDiagrams) {
    for (const { charset, suffix } of CHARSETS) {
      it(`${diagram.name} in ${charset}`, () => {
        expectGolden(`course/${diagram.name}${suffix}`, renderDiagram(diagram.model, { charset }));
      });
    }
  }
});
