import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { AggPanel, tableView } from '../../src/tui/AggPanel.js';
import { HistogramPanel, histogramView } from '../../src/tui/HistogramPanel.js';
import type { AggSnapshot } from '@zsdtrace/probes';
import { INT32, INT64, STR, quantizeBuckets } from './helpers/fake-source.js';

afterEach(() => cleanup());

const frame = (el: React.ReactElement): string => render(el).lastFrame() ?? '';
const base = { width: 90, height: 12, sort: 'value' as const, scroll: 0 };
const table = (agg: AggSnapshot, over: { height?: number } = {}): string =>
  frame(<AggPanel view={tableView({ ...base, ...over, agg })} focused={false} />);
const hist = (agg: AggSnapshot, over: { height?: number } = {}): string =>
  frame(<HistogramPanel view={histogramView({ ...base, ...over, agg })} focused={false} />);

describe('AggPanel', () => {
  it('prints avg as the truncated mean and right-aligns integer keys', () => {
    const agg: AggSnapshot = {
      id: 0, name: 'lat', fn: 'avg', keyTypes: [INT32, STR], normal: 1,
      entries: [
        { key: [7, 'zsched'], value: { count: 3, sum: 10 } },
        { key: [12345, 'zoneadmd'], value: { count: 2, sum: 9 } },
      ],
    };
    const f = table(agg);
    expect(f).toContain('@lat[int, string] = avg()');
    expect(f).toMatch(/\n {6}7 {2}zsched {4}/);
    expect(f).toMatch(/\n {2}12345 {2}zoneadmd/);
    expect(f.split('\n').find((l) => l.includes('zsched'))?.trimEnd().endsWith(' 3')).toBe(true);
    expect(f.split('\n').find((l) => l.includes('zoneadmd'))?.trimEnd().endsWith(' 4')).toBe(true);
  });

  it('prints 64-bit sums beyond 2^53 exactly and stddev as dtrace computes it', () => {
    const sum: AggSnapshot = { id: 0, name: 's', fn: 'sum', keyTypes: [], normal: 1, entries: [{ key: [], value: 2n ** 60n + 1n }] };
    expect(table(sum)).toContain('1152921504606846977');
    const sd: AggSnapshot = {
      id: 1, name: 'd', fn: 'stddev', keyTypes: [], normal: 1,
      entries: [{ key: [], value: { count: 2, sum: 6, sumsq: 20n } }],
    };
    // values 2 and 4: sqrt(20/2 - 3²) = 1
    const row = table(sd).split('\n').find((l) => l.includes('#'));
    expect(row?.trimEnd().endsWith(' 1')).toBe(true);
  });

  it('shows the rows that fit and says which', () => {
    const agg: AggSnapshot = {
      id: 0, name: 'n', fn: 'count', keyTypes: [INT64], normal: 1,
      entries: Array.from({ length: 100 }, (_, i) => ({ key: [i], value: i })),
    };
    const f = table(agg, { height: 6 });
    expect(f).toContain('100 entries, 97-100 shown');
    expect(f.split('\n')).toHaveLength(6);
  });
});

describe('HistogramPanel', () => {
  it('draws lquantize with its underflow row first', () => {
    const agg: AggSnapshot = {
      id: 0, name: 'l', fn: 'lquantize', params: { fn: 'lquantize', base: 0, limit: 10, step: 5 },
      keyTypes: [], normal: 1, entries: [{ key: [], value: [1, 0, 0, 0] }],
    };
    const f = hist(agg);
    const rows = f.split('\n').filter((l) => l.includes('|'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^ {13}< 0 \|@+ 1$/);
    expect(rows[1]).toMatch(/^ {15}0 \| + 0$/);
  });

  it('draws one table per key, heaviest last in value order', () => {
    const agg: AggSnapshot = {
      id: 0, name: 'q', fn: 'quantize', keyTypes: [STR], normal: 1,
      entries: [
        { key: ['slow'], value: quantizeBuckets({ 1024: 5 }) },
        { key: ['fast'], value: quantizeBuckets({ 2: 5 }) },
      ],
    };
    const f = hist(agg, { height: 20 });
    expect(f.indexOf('  fast')).toBeGreaterThan(0);
    expect(f.indexOf('  fast')).toBeLessThan(f.indexOf('  slow'));
    expect(f).toMatch(/ {12}1024 \|@+ 5/);
  });

  it('draws a mixed-sign distribution with half bars either side of the axis', () => {
    const b = quantizeBuckets({ 4: 3 });
    b[61] = -1; // bucket -2
    const agg: AggSnapshot = { id: 0, name: 'd', fn: 'quantize', keyTypes: [], normal: 1, entries: [{ key: [], value: b }] };
    const rows = hist(agg).split('\n').filter((l) => l.includes('|'));
    // total |count| 4 over 20-column halves: 5 cells for -1, 15 for 3.
    expect(rows.find((l) => /^ +-2 /.test(l))).toMatch(/^ {14}-2 {16}@{5}\| {20} -1$/);
    expect(rows.find((l) => /^ +4 /.test(l))).toMatch(/^ {15}4 {21}\|@{15} {5} 3$/);
  });
});

describe('AggPanel keys', () => {
  it('lists stack keys on one line each, in dtrace key order', () => {
    const stack = (...funcs: string[]) => ({ kind: 'stack' as const, frames: funcs.map((func) => ({ module: 'genunix', func, offset: 0 })) });
    const agg: AggSnapshot = {
      id: 0, name: 'k', fn: 'count', keyTypes: [{ kind: 'stack' }], normal: 1,
      entries: [{ key: [stack('zsd_apply', 'create')], value: 4 }, { key: [stack('zsd_apply', 'boot')], value: 4 }],
    };
    const lines = table(agg).split('\n');
    const boot = lines.findIndex((l) => l.includes('genunix`zsd_apply < genunix`boot'));
    const create = lines.findIndex((l) => l.includes('genunix`zsd_apply < genunix`create'));
    expect(boot).toBeGreaterThan(0);
    expect(create).toBeGreaterThan(boot);
  });
});
