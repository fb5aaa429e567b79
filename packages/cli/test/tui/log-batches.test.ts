/*
 * Log lines gathered across polls come out as trimLog would cut them in one batch: a note of how
 * many lines were not shown, then the newest lines, never more than the screen's share.
 */

import { describe, expect, it } from 'vitest';
import { gather, takeBatch, trimLog } from '../../src/tui/use-snapshots.js';

const lines = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => `line ${from + i}`);

describe('gathering log lines between batches', () => {
  it('equals trimLog over everything polled, for any split into polls', () => {
    for (const sizes of [[3], [3, 4], [10, 0, 2], [250, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [0], [7, 3]]) {
      for (const max of [1, 2, 5, 8]) {
        const p = { tail: [] as string[], skipped: 0 };
        const all: string[] = [];
        let next = 0;
        for (const n of sizes) {
          const poll = lines(next, n);
          next += n;
          all.push(...poll);
          gather(p, poll, max);
        }
        const batch = all.length === 0 ? [] : takeBatch(p);
        expect(batch).toEqual(all.length === 0 ? [] : trimLog(all, max));
        expect(p.tail).toEqual([]);
        expect(p.skipped).toBe(0);
      }
    }
  });
});
