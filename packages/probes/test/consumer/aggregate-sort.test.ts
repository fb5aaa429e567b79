import { describe, expect, it } from 'vitest';
import {
  compareValues, quantizeBucket, sortEntries, type AggEntry, type AggSnapshot, type DType,
} from '../../src/consumer/index.js';

const STR: DType = { kind: 'string' };
const I32: DType = { kind: 'int', size: 4, signed: true };

function keys(fn: AggSnapshot['fn'], entries: AggEntry[], keyTypes: DType[], o = {}): unknown[] {
  const agg: AggSnapshot = { id: 1, name: 'a', fn, keyTypes, normal: 1, entries };
  return sortEntries(agg, o).map((e) => (e.key.length === 1 ? e.key[0] : e.key));
}

const abc: AggEntry[] = [
  { key: ['b'], value: 1 },
  { key: ['a'], value: 1 },
  { key: ['c'], value: 0 },
];

describe('aggregation sort order', () => {
  it('sorts by value ascending, ties broken by key', () => {
    expect(keys('count', abc, [STR])).toEqual(['c', 'a', 'b']);
  });

  it('aggsortkey sorts by key, aggsortrev reverses', () => {
    expect(keys('count', abc, [STR], { aggsortkey: true })).toEqual(['a', 'b', 'c']);
    expect(keys('count', abc, [STR], { aggsortrev: true })).toEqual(['b', 'a', 'c']);
    expect(keys('count', abc, [STR], { aggsortkey: true, aggsortrev: true })).toEqual(['c', 'b', 'a']);
  });

  it('compares integer keys as unsigned values of their size', () => {
    const e: AggEntry[] = [{ key: [-1], value: 1 }, { key: [2], value: 1 }, { key: [1], value: 1 }];
    expect(keys('count', e, [I32])).toEqual([1, 2, -1]);
  });

  it('compares strings bytewise, a prefix first', () => {
    const e: AggEntry[] = [{ key: ['abc'], value: 1 }, { key: ['a'], value: 1 }, { key: ['B'], value: 1 }, { key: ['ab'], value: 1 }];
    expect(keys('count', e, [STR])).toEqual(['B', 'a', 'ab', 'abc']);
  });

  it('aggsortkeypos starts the key comparison at that tuple element', () => {
    const e: AggEntry[] = [{ key: ['x', 2], value: 1 }, { key: ['y', 1], value: 1 }];
    expect(keys('count', e, [STR, I32], { aggsortkey: true })).toEqual([['x', 2], ['y', 1]]);
    expect(keys('count', e, [STR, I32], { aggsortkey: true, aggsortkeypos: 1 })).toEqual([['y', 1], ['x', 2]]);
  });

  it('sorts signed values as signed, bigints included', () => {
    const e: AggEntry[] = [{ key: ['p'], value: 5 }, { key: ['n'], value: -(1n << 62n) }, { key: ['z'], value: 0 }];
    expect(keys('sum', e, [STR])).toEqual(['n', 'z', 'p']);
  });

  it('sorts avg by its quotient and stddev by its value', () => {
    const avg: AggEntry[] = [{ key: ['hi'], value: { count: 1, sum: 9 } }, { key: ['lo'], value: { count: 10, sum: 20 } }];
    expect(keys('avg', avg, [STR])).toEqual(['lo', 'hi']);
    const sd: AggEntry[] = [
      { key: ['wide'], value: { count: 2, sum: 0, sumsq: 200n } },
      { key: ['flat'], value: { count: 2, sum: 20, sumsq: 200n } },
    ];
    expect(keys('stddev', sd, [STR])).toEqual(['flat', 'wide']);
  });

  it('sorts quantize values by their weighted sum, then by the zero bucket', () => {
    const q = (pairs: [number, number][]): number[] => {
      const c = new Array<number>(127).fill(0);
      for (const [v, n] of pairs) c[quantizeBucket(v)] = (c[quantizeBucket(v)] ?? 0) + n;
      return c;
    };
    const e: AggEntry[] = [
      { key: ['big'], value: q([[1024, 1]]) },
      { key: ['small'], value: q([[2, 3]]) },
      { key: ['zeros'], value: q([[2, 3], [0, 5]]) },
    ];
    expect(keys('quantize', e, [STR])).toEqual(['small', 'zeros', 'big']);
    expect(compareValues('quantize', undefined, q([[0, 1]]), q([[0, 2]]))).toBe(-1);
  });

  it('sorts lquantize values with underflow weighted as base-1', () => {
    const p = { fn: 'lquantize', base: 10, limit: 20, step: 5 } as const;
    // under: 1 × 9; mid: 1 × 15
    expect(compareValues('lquantize', p, [1, 0, 0, 0], [0, 0, 1, 0])).toBe(-1);
    expect(compareValues('lquantize', p, [0, 0, 0, 1], [0, 0, 1, 0])).toBe(1);
  });
});
