import { describe, expect, it } from 'vitest';
import {
  formatDistribution, llquantizeBucket, lquantizeBucket, printAggregation, quantizeBucket, type AggParams,
  type AggSnapshot,
} from '../../src/consumer/index.js';

const HEADER = '\n           value  ------------- Distribution ------------- count    \n';
const S = (n: number): string => ' '.repeat(n);
const AT = (n: number): string => '@'.repeat(n);

function counts(n: number, fill: [number, number][]): number[] {
  const c = new Array<number>(n).fill(0);
  for (const [i, v] of fill) c[i] = (c[i] ?? 0) + v;
  return c;
}

function quantize(values: [number, number][]): number[] {
  return counts(127, values.map(([v, w]) => [quantizeBucket(v), w]));
}

function agg(fn: AggSnapshot['fn'], value: number[], params?: AggParams): AggSnapshot {
  return { id: 1, name: '_', fn, params, keyTypes: [], normal: 1, entries: [{ key: [], value }] };
}

const opts = { strsize: 256 };

describe('quantize tables', () => {
  it('prints the d-language.md example byte for byte (@ = quantize(3); @ = quantize(5))', () => {
    const expected =
      '\n           value  ------------- Distribution ------------- count    \n' +
      '               1 |                                         0        \n' +
      '               2 |@@@@@@@@@@@@@@@@@@@@                     1        \n' +
      '               4 |@@@@@@@@@@@@@@@@@@@@                     1        \n' +
      '               8 |                                         0        \n' +
      '\n';
    expect(printAggregation(agg('quantize', quantize([[3, 1], [5, 1]])), opts)).toBe(expected);
  });

  it('rounds bar heights rather than truncating them', () => {
    // 1 and 2 of 3: 13.33 → 13 and 26.67 → 27.
    expect(formatDistribution(quantize([[1, 1], [2, 2]]), undefined)).toBe(
      HEADER +
        `               0 |${S(40)} 0        \n` +
        `               1 |${AT(13)}${S(27)} 1        \n` +
        `               2 |${AT(27)}${S(13)} 2        \n` +
        `               4 |${S(40)} 0        \n`,
    );
  });

  it('prints -1, 0, 1 when every bucket is zero', () => {
    expect(formatDistribution(quantize([]), undefined)).toBe(
      HEADER +
        `              -1 |${S(40)} 0        \n` +
        `               0 |${S(40)} 0        \n` +
        `               1 |${S(40)} 0        \n`,
    );
  });

  it('draws negative-only counts right-aligned before the bar', () => {
    expect(formatDistribution(quantize([[1, -2], [2, -2]]), undefined)).toBe(
      HEADER +
        `               0 ${S(40)}| 0        \n` +
        `               1 ${S(20)}${AT(20)}| -2       \n` +
        `               2 ${S(20)}${AT(20)}| -2       \n` +
        `               4 ${S(40)}| 0        \n`,
    );
  });

  it('draws mixed signs as half-width bars around a centre line', () => {
    // total |3| + |-1| = 4; 3 → 15 of 20, -1 → 5 of 20.
    expect(formatDistribution(quantize([[1, 3], [2, -1]]), undefined)).toBe(
      HEADER +
        `               0 ${S(20)}|${S(20)} 0        \n` +
        `               1 ${S(20)}|${AT(15)}${S(5)} 3        \n` +
        `               2 ${S(15)}${AT(5)}|${S(20)} -1       \n` +
        `               4 ${S(20)}|${S(20)} 0        \n`,
    );
  });

  it('divides counts by the normalize factor but draws bars from the raw counts', () => {
    expect(formatDistribution(quantize([[1, 10]]), undefined, 3)).toBe(
      HEADER +
        `               0 |${S(40)} 0        \n` +
        `               1 |${AT(40)} 3        \n` +
        `               2 |${S(40)} 0        \n`,
    );
  });

  it('handles values at the 2^62 clamp and below -2^62', () => {
    const c = quantize([]);
    c[126] = 1;
    c[0] = 1;
    const text = formatDistribution(c, undefined);
    // 19 digits overflow the 16-column label; dtrace's %16lld does not truncate.
    expect(text.split('\n')[2]).toBe(`-4611686018427387904 |${AT(20)}${S(20)} 1        `);
    expect(text.split('\n').at(-2)).toBe(`4611686018427387904 |${AT(20)}${S(20)} 1        `);
  });
});

describe('lquantize tables', () => {
  const p: AggParams = { fn: 'lquantize', base: 0, limit: 10, step: 5 };
  const lq = (values: [number, number][]): number[] =>
    counts(4, values.map(([v, w]) => [lquantizeBucket(v, 0, 10, 5), w]));

  it('prints the d-language.md underflow example byte for byte', () => {
    const expected =
      '\n           value  ------------- Distribution ------------- count    \n' +
      '             < 0 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n' +
      '               0 |                                         0        \n' +
      '\n';
    expect(printAggregation(agg('lquantize', lq([[-5, 1]]), p), opts)).toBe(expected);
  });

  it('labels the overflow row with the rounded-down limit', () => {
    expect(formatDistribution(lq([[100, 1]]), p)).toBe(
      HEADER + `               5 |${S(40)} 0        \n` + `           >= 10 |${AT(40)} 1        \n`,
    );
    const odd: AggParams = { fn: 'lquantize', base: 0, limit: 11, step: 5 };
    expect(formatDistribution([0, 0, 0, 2], odd)).toContain('           >= 10 |');
  });

  it('prints the first three rows when every bucket is zero', () => {
    expect(formatDistribution(lq([]), p)).toBe(
      HEADER + `             < 0 |${S(40)} 0        \n` + `               0 |${S(40)} 0        \n` +
        `               5 |${S(40)} 0        \n`,
    );
  });

  it('prints the rows between the first and last non-zero buckets', () => {
    const q: AggParams = { fn: 'lquantize', base: 0, limit: 100, step: 10 };
    const c = counts(12, [[lquantizeBucket(15, 0, 100, 10), 1], [lquantizeBucket(45, 0, 100, 10), 3]]);
    expect(formatDistribution(c, q)).toBe(
      HEADER +
        `               0 |${S(40)} 0        \n` +
        `              10 |${AT(10)}${S(30)} 1        \n` +
        `              20 |${S(40)} 0        \n` +
        `              30 |${S(40)} 0        \n` +
        `              40 |${AT(30)}${S(10)} 3        \n` +
        `              50 |${S(40)} 0        \n`,
    );
  });
});

describe('llquantize tables', () => {
  const p: AggParams = { fn: 'llquantize', factor: 10, low: 0, high: 2, nsteps: 10 };
  const llq = (values: [number, number][]): number[] =>
    counts(29, values.map(([v, w]) => [llquantizeBucket(v, 10, 0, 2, 10), w]));

  it('labels rows by order of magnitude and step', () => {
    expect(formatDistribution(llq([[15, 1], [25, 1]]), p)).toBe(
      HEADER +
        `               9 |${S(40)} 0        \n` +
        `              10 |${AT(20)}${S(20)} 1        \n` +
        `              20 |${AT(20)}${S(20)} 1        \n` +
        `              30 |${S(40)} 0        \n`,
    );
  });

  it('prints underflow and overflow rows', () => {
    expect(formatDistribution(llq([[0, 1]]), p)).toBe(
      HEADER + `             < 1 |${AT(40)} 1        \n` + `               1 |${S(40)} 0        \n`,
    );
    expect(formatDistribution(llq([[5000, 2]]), p)).toBe(
      HEADER + `             900 |${S(40)} 0        \n` + `         >= 1000 |${AT(40)} 2        \n`,
    );
  });

  it('prints the first two rows when every bucket is zero', () => {
    expect(formatDistribution(llq([]), p)).toBe(
      HEADER + `             < 1 |${S(40)} 0        \n` + `               1 |${S(40)} 0        \n`,
    );
  });
});
