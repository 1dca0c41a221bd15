import { describe, expect, it } from 'vitest';
import { IdIndex, SMALL_INDEX } from '../src/id-index.js';

describe('IdIndex', () => {
  for (const count of [3, SMALL_INDEX, SMALL_INDEX + 1, 5 * SMALL_INDEX]) {
    it(`finds each of ${count} ids and rejects a repeat`, () => {
      const index = new IdIndex<number>();
      // Ids built at run time, as a model's are, so equal ids are different strings.
      const ids = Array.from({ length: count }, (_, at) => ['node', String(at)].join('-'));
      ids.forEach((id, at) => {
        expect(index.add(id, at)).toBe(true);
      });

      ids.forEach((id, at) => {
        expect(index.get(['node', String(at)].join('-'))).toBe(at);
        expect(index.add(id, -1)).toBe(false);
        expect(index.get(id)).toBe(at);
      });
      // Backward and scattered, since a search starts where the one before ended.
      for (let at = count - 1; at >= 0; at -= 1) {
        expect(index.get(ids[at] as string)).toBe(at);
      }
      for (let at = 0; at < count; at += 1) {
        const scattered = (at * 7) % count;
        expect(index.get(ids[scattered] as string)).toBe(scattered);
      }
      expect(index.get('missing')).toBeUndefined();
      expect(index.keys()).toEqual(ids);
    });
  }
});
