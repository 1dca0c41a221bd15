import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_RANGES, WIDE_RANGES, displayWidth, graphemeWidth, segmentGraphemes } from '../src/text/width.js';

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

/** Every code point that `segmentGraphemes` splits without Intl.Segmenter: printable ASCII and the shortcut ranges. */
const OWN_GRAPHEME_RANGES: readonly (readonly [number, number])[] = [[0x20, 0x7e], ...NARROW_RANGES, ...WIDE_RANGES];

/** Marks that the split without Intl.Segmenter attaches to the code point before them. */
const TRAILING_MARKS = ['\ufe0e', '\ufe0f', '\u20e3'] as const;

/**
 * Characters that join their neighbours by other grapheme rules, and so must
 * go to Intl.Segmenter: combining marks, ZWJ and emoji, regional indicators,
 * Hangul jamo, CR and LF, a spacing mark, a prepended mark and a virama.
 */
const JOINING = ['\u0300', '\u0301', '\u200d', '👩', '💻', '🇯', '🇵', '\u1100', '\u1161', '\u11a8', '\r', '\n', '\u0903', '\u0600', '\u094d', '\u0915'] as const;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function segmentedByIntl(text: string): string[] {
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

/** A deterministic pseudo-random generator (mulberry32), so a failing string can be reproduced from its seed. */
function randomGenerator(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;

    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('segmentGraphemes without Intl.Segmenter', () => {
  it('matches Intl.Segmenter per code point', () => {
    const mismatches: string[] = [];
    for (const codePoint of codePoints(OWN_GRAPHEME_RANGES)) {
      const character = String.fromCodePoint(codePoint);
      // Checks the breaks around the character, before and after each trailing mark, and between two of it.
      const sample = `a${character}\ufe0f\u20e3${character}\ufe0e${character}${character}a`;
      const expected = ['a', `${character}\ufe0f\u20e3`, `${character}\ufe0e`, character, character, 'a'];
      const intl = segmentedByIntl(sample);
      const own = [...segmentGraphemes(sample)];
      if (JSON.stringify(intl) !== JSON.stringify(expected) || JSON.stringify(own) !== JSON.stringify(expected)) {
        mismatches.push(`U+${codePoint.toString(16).toUpperCase()}: Intl.Segmenter ${JSON.stringify(intl)}, segmentGraphemes ${JSON.stringify(own)}`);
      }
    }

    expect(mismatches).toEqual([]);
  });

  it('matches Intl.Segmenter and string-width randomly', () => {
    const all = [...codePoints(OWN_GRAPHEME_RANGES)];
    const random = randomGenerator(6);
    for (let round = 0; round < 2000; round += 1) {
      let sample = '';
      const length = 1 + Math.floor(random() * 12);
      for (let index = 0; index < length; index += 1) {
        const pick = random();
        if (pick < 0.2) {
          sample += TRAILING_MARKS[Math.floor(random() * TRAILING_MARKS.length)];
        } else if (pick < 0.25) {
          sample += JOINING[Math.floor(random() * JOINING.length)];
        } else {
          sample += String.fromCodePoint(all[Math.floor(random() * all.length)] ?? 0x20);
        }
      }

      expect([...segmentGraphemes(sample)], JSON.stringify(sample)).toEqual(segmentedByIntl(sample));
      expect(displayWidth(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
    }
  });

  it('leaves joining text to Intl.Segmenter', () => {
    for (const sample of ['e\u0301', 'a\r\nb', '\u1100\u1161\u11a8', '🇯🇵', '👩‍💻', '\u0915\u094d\u0937', '\ufe0fa', 'ab\u0300c']) {
      expect([...segmentGraphemes(sample)], JSON.stringify(sample)).toEqual(segmentedByIntl(sample));
      expect(displayWidth(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
    }
  });
});
