import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_RANGES, WIDE_RANGES, graphemeWidth } from '../src/text/width.js';

/** Every code point of the shortcut ranges, where `graphemeWidth` answers without string-width. */
function* codePoints(ranges: readonly (readonly [number, number])[]): Generator<number> {
  for (const [low, high] of ranges) {
    for (let codePoint = low; codePoint <= high; codePoint += 1) {
      yield codePoint;
    }
  }
}

describe('graphemeWidth shortcut ranges', () => {
  for (const [name, ranges] of [
    ['narrow', NARROW_RANGES],
    ['wide', WIDE_RANGES],
  ] as const) {
    it(`agree with string-width over the ${name} ranges`, () => {
      const mismatches: string[] = [];
      for (const codePoint of codePoints(ranges)) {
        const character = String.fromCodePoint(codePoint);
        const expected = Math.min(2, stringWidth(character));
        if (graphemeWidth(character) !== expected) {
          mismatches.push(`U+${codePoint.toString(16).toUpperCase()}: ${graphemeWidth(character)}, string-width ${expected}`);
        }
      }

      expect(mismatches).toEqual([]);
    });
  }
});
