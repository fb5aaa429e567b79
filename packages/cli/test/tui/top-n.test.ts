import { describe, expect, it } from 'vitest';
import { selectIndices } from '../../src/tui/top-n.js';
import { lcg } from './helpers/random-aggs.js';

describe('selectIndices', () => {
  it('returns the same window as a full sort, for many sizes and offsets', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = lcg(seed);
      const items = Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * 100));
      const start = Math.floor(rnd() * 20);
      const count = 1 + Math.floor(rnd() * 10);
      // Ties broken by index: a total order, as the dashboard's comparisons are.
      const cmp = (a: number, b: number): number => (items[a] as number) - (items[b] as number) || a - b;
      const all = items.map((_, i) => i).sort(cmp);
      expect(selectIndices(items.length, cmp, start, count)).toEqual(all.slice(start, start + count));
    }
  });

  it('is empty past the end', () => {
    expect(selectIndices(5, (a, b) => a - b, 5, 3)).toEqual([]);
    expect(selectIndices(0, (a, b) => a - b, 0, 3)).toEqual([]);
  });
});
