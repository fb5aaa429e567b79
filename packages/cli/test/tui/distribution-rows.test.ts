import { describe, expect, it } from 'vitest';
import { formatDistribution, type AggParams } from '@zsdtrace/probes';
import { distributionHeader, distributionRows, shownRange } from '../../src/tui/distribution-rows.js';
import { lcg } from './helpers/random-aggs.js';

const LQ: AggParams = { fn: 'lquantize', base: 0, limit: 100, step: 10 };
const LLQ: AggParams = { fn: 'llquantize', factor: 10, low: 0, high: 3, nsteps: 10 };
const LAYOUTS: readonly [AggParams | undefined, number][] = [[undefined, 127], [LQ, 12], [LLQ, 38]];

/** The panel's table at dtrace's width, as text lines without trailing spaces. */
function panelTable(counts: readonly number[], params: AggParams | undefined, normal: number): string[] {
  const rows = distributionRows(counts, params, normal, 40).map((r) => `${r.label}${r.left}|${r.right}${r.count}`);
  return [distributionHeader(40), ...rows].map((l) => l.trimEnd());
}

function consumerTable(counts: readonly number[], params: AggParams | undefined, normal: number): string[] {
  return formatDistribution(counts, params, normal).split('\n').slice(1, -1).map((l) => l.trimEnd());
}

describe('distributionRows', () => {
  it('at 40 columns reads exactly as the consumer prints the table, for random counts of every layout', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = lcg(seed);
      const [params, n] = LAYOUTS[seed % LAYOUTS.length] as [AggParams | undefined, number];
      const counts = new Array<number>(n).fill(0);
      // Some all-zero cells, some one-signed, some mixed-sign (a sum of negative values).
      const signs = seed % 4;
      for (let k = Math.floor(rnd() * 5); k > 0; k--) {
        const c = 1 + Math.floor(rnd() * 50);
        counts[Math.floor(rnd() * n)] = signs === 0 ? -c : signs === 1 && rnd() < 0.5 ? -c : c;
      }
      const normal = 1 + (seed % 3);
      expect(panelTable(counts, params, normal)).toEqual(consumerTable(counts, params, normal));
    }
  });

  it('draws mixed-sign rows as half bars either side of the axis', () => {
    const counts = new Array<number>(127).fill(0);
    counts[62] = -2; // bucket -1
    counts[64] = 2; // bucket 1
    const rows = distributionRows(counts, undefined, 1, 20);
    const line = (label: string): string => {
      const r = rows.find((x) => x.label.trim() === label);
      return r === undefined ? '' : `${r.left}|${r.right}`;
    };
    expect(line('-1')).toBe(`     @@@@@|${' '.repeat(10)}`);
    expect(line('1')).toBe(`${' '.repeat(10)}|@@@@@     `);
    expect(rows.find((x) => x.label.trim() === '-1')?.negative).toBe(true);
  });

  it('scales bars to the width it is given', () => {
    const counts = new Array<number>(12).fill(0);
    counts[1] = 3;
    counts[2] = 1;
    const rows = distributionRows(counts, LQ, 1, 12);
    // 3 and 1 of 4: 9 and 3 of 12 columns; the neighbour rows either side stay empty.
    expect(rows.map((r) => r.right)).toEqual(['            ', '@@@@@@@@@   ', '@@@         ', '            ']);
    expect(rows.map((r) => r.label.trim())).toEqual(['< 0', '0', '10', '20']);
  });

  it('shows -1, 0, 1 for an empty quantize, three lquantize rows and two llquantize rows', () => {
    expect(shownRange(new Array<number>(127).fill(0), undefined)).toEqual([62, 64]);
    expect(shownRange(new Array<number>(12).fill(0), LQ)).toEqual([0, 2]);
    expect(shownRange(new Array<number>(38).fill(0), LLQ)).toEqual([0, 1]);
  });

  it('labels lquantize and llquantize with their open-ended rows', () => {
    const lq = new Array<number>(12).fill(0);
    lq[0] = 1;
    lq[11] = 1;
    const labels = distributionRows(lq, LQ, 1, 40).map((r) => r.label.trim());
    expect([labels[0], labels[labels.length - 1]]).toEqual(['< 0', '>= 100']);
  });
});
