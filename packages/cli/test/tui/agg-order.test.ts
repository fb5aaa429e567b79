import { describe, expect, it } from 'vitest';
import { sortEntries, type AggSnapshot } from '@zsdtrace/probes';
import { entryWindow, nextSortMode, sortOptions, SORT_MODES } from '../../src/tui/agg-order.js';
import { countAgg } from './helpers/fake-source.js';
import { FUNCTIONS, lcg, randomSnapshot } from './helpers/random-aggs.js';

/** Positions in `agg.entries` of the entries a window shows. */
const positions = (agg: AggSnapshot, rows: readonly { entry: unknown }[]): number[] =>
  rows.map((r) => agg.entries.indexOf(r.entry as AggSnapshot['entries'][number]));

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

  it('orders avg by the mean before normalize(), as dtrace does, not by the printed value', () => {
    // Normalized by 10 all three print 2; dtrace still orders them by sum/count: c, a, b.
    const avg: AggSnapshot = {
      id: 0, name: 'm', fn: 'avg', keyTypes: [{ kind: 'string' }], normal: 10,
      entries: [{ key: ['b'], value: { count: 1, sum: 29 } }, { key: ['a'], value: { count: 1, sum: 25 } }, { key: ['c'], value: { count: 1, sum: 21 } }],
    };
    expect(entryWindow(avg, 'value', 0, 3).rows.map((r) => r.entry.key[0])).toEqual(['c', 'a', 'b']);
  });

  it('orders stack keys frame by frame, not by their top frame', () => {
    const stack = (...funcs: string[]) => ({ kind: 'stack' as const, frames: funcs.map((func) => ({ module: 'genunix', func, offset: 0 })) });
    const agg2: AggSnapshot = {
      id: 0, name: 's', fn: 'count', keyTypes: [{ kind: 'stack' }], normal: 1,
      entries: [{ key: [stack('f', 'z')], value: 1 }, { key: [stack('f', 'a')], value: 1 }],
    };
    const shown = entryWindow(agg2, 'key', 0, 2).rows.map((r) => (r.entry.key[0] as ReturnType<typeof stack>).frames[1]?.func);
    expect(shown).toEqual(['a', 'z']);
  });

  it('cycles value, key, reverse', () => {
    expect([nextSortMode('value'), nextSortMode('key'), nextSortMode('reverse')]).toEqual(['key', 'reverse', 'value']);
  });

  it('shows, for random snapshots of every function, the entries sortEntries lists at those places', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = lcg(seed);
      for (const fn of FUNCTIONS) {
        // Sizes past 4x the window take the heap; small ones take the plain sort.
        const agg = randomSnapshot(rnd, fn, 1 + Math.floor(rnd() * 300));
        for (const mode of SORT_MODES) {
          const sorted = sortEntries(agg, sortOptions(mode));
          const rows = 1 + Math.floor(rnd() * 12);
          const scroll = Math.floor(rnd() * 15);
          const w = entryWindow(agg, mode, scroll, rows);
          const n = Math.min(rows, sorted.length);
          const s = Math.max(0, Math.min(scroll, sorted.length - n));
          const start = mode === 'value' ? sorted.length - s - n : s;
          expect(w.first).toBe(start);
          expect(positions(agg, w.rows)).toEqual(positions(agg, sorted.slice(start, start + n).map((entry) => ({ entry }))));
          checked++;
        }
      }
    }
    expect(checked).toBe(60 * FUNCTIONS.length * SORT_MODES.length);
  });
});
