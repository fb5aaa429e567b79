import { describe, expect, it } from 'vitest';
import { compareKeys, entryWindow, nextSortMode, selectWindow } from '../../src/tui/agg-order.js';
import { INT32, STR, countAgg } from './helpers/fake-source.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('selectWindow', () => {
  it('returns the same rows as a full sort, for many sizes and offsets', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = lcg(seed);
      const items = Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * 100));
      const start = Math.floor(rnd() * 20);
      const count = 1 + Math.floor(rnd() * 10);
      const cmp = (a: number, b: number): number => a - b;
      expect(selectWindow(items, cmp, start, count)).toEqual([...items].sort(cmp).slice(start, start + count));
    }
  });
});

describe('compareKeys', () => {
  it('compares integers as unsigned values of their size, so negative keys sort last', () => {
    expect(compareKeys([-1], [5], [INT32])).toBeGreaterThan(0);
    expect(compareKeys([3], [5], [INT32])).toBeLessThan(0);
  });
  it('compares strings bytewise and tuples element by element', () => {
    expect(compareKeys(['B'], ['a'], [STR])).toBeLessThan(0);
    expect(compareKeys(['a', 2], ['a', 1], [STR, INT32])).toBeGreaterThan(0);
  });
});

describe('entryWindow', () => {
  const agg = countAgg(0, 'a', [['x', 5], ['y', 1], ['z', 9], ['w', 1]]);
  it('in value order shows the tail of the ascending order, ties by key', () => {
    const w = entryWindow(agg, 'value', 0, 3);
    expect(w.rows.map((r) => r.entry.key[0])).toEqual(['y', 'x', 'z']);
    expect(w.first).toBe(1);
    expect(w.maxWeight).toBe(9);
    expect(entryWindow(agg, 'value', 1, 3).rows.map((r) => r.entry.key[0])).toEqual(['w', 'y', 'x']);
  });
  it('in key and reverse orders shows the head', () => {
    expect(entryWindow(agg, 'key', 0, 2).rows.map((r) => r.entry.key[0])).toEqual(['w', 'x']);
    expect(entryWindow(agg, 'reverse', 0, 2).rows.map((r) => r.entry.key[0])).toEqual(['z', 'x']);
  });
  it('cycles value, key, reverse', () => {
    expect([nextSortMode('value'), nextSortMode('key'), nextSortMode('reverse')]).toEqual(['key', 'reverse', 'value']);
  });
});
