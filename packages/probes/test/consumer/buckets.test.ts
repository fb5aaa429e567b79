import { describe, expect, it } from 'vitest';
import {
  bucketLayout, llquantizeBucket, lquantizeBucket, QUANTIZE_ZERO, quantizeBucket, quantizeBucketCount,
  quantizeBucketValue,
} from '../../src/consumer/index.js';

describe('quantize buckets', () => {
  it('puts a value in the largest power of two not above it, negatives mirrored', () => {
    expect(QUANTIZE_ZERO).toBe(63);
    expect([0, 1, 2, 3, 4, 7, 8].map(quantizeBucket)).toEqual([63, 64, 65, 65, 66, 66, 67]);
    expect([-1, -2, -3, -4].map(quantizeBucket)).toEqual([62, 61, 61, 60]);
    expect(quantizeBucket(2 ** 40)).toBe(104);
    expect(quantizeBucket(2 ** 40 - 1)).toBe(103);
    expect(quantizeBucket(Number.MAX_SAFE_INTEGER)).toBe(64 + 52);
  });

  it('clamps at ±2^62 with bigint values', () => {
    expect(quantizeBucket(1n << 62n)).toBe(126);
    expect(quantizeBucket((1n << 63n) - 1n)).toBe(126);
    expect(quantizeBucket(-(1n << 63n))).toBe(0);
    expect(quantizeBucket(-(1n << 62n))).toBe(0);
    expect(quantizeBucket(-(1n << 61n))).toBe(1);
  });

  it('maps indices back to their values', () => {
    expect(quantizeBucketValue(63)).toBe(0);
    expect(quantizeBucketValue(62)).toBe(-1);
    expect(quantizeBucketValue(64)).toBe(1);
    expect(quantizeBucketValue(126)).toBe(1n << 62n);
    expect(quantizeBucketValue(0)).toBe(-(1n << 62n));
    expect(quantizeBucketCount()).toBe(127);
  });
});

describe('lquantize buckets', () => {
  it('has levels+2 buckets, underflow first and overflow last', () => {
    const p = { fn: 'lquantize', base: 0, limit: 10, step: 5 } as const;
    expect(quantizeBucketCount(p)).toBe(4);
    expect([-5, 0, 4, 5, 9, 10, 100].map((v) => lquantizeBucket(v, 0, 10, 5))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(bucketLayout(p).map((b) => b.label)).toEqual(['< 0', '0', '5', '>= 10']);
  });

  it('takes the value as a 32-bit integer like the kernel', () => {
    expect(lquantizeBucket((1n << 32n) + 3n, 0, 10, 1)).toBe(4);
  });
});

describe('llquantize buckets', () => {
  const p = { fn: 'llquantize', factor: 10, low: 0, high: 2, nsteps: 10 } as const;

  it('follows the illumos log-linear layout', () => {
    expect(quantizeBucketCount(p)).toBe(29);
    const b = (v: number): number => llquantizeBucket(v, 10, 0, 2, 10);
    expect([0, 1, 9, 10, 15, 99, 100, 999, 1000, 5000].map(b)).toEqual([0, 1, 9, 10, 10, 18, 19, 27, 28, 28]);
    expect(bucketLayout(p).map((x) => x.label).slice(0, 12)).toEqual([
      '< 1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '20',
    ]);
    expect(bucketLayout(p)[28]!.label).toBe('>= 1000');
  });

  it('uses steps of factor^(o+1)/nsteps when nsteps exceeds the factor', () => {
    const q = { fn: 'llquantize', factor: 2, low: 0, high: 3, nsteps: 4 } as const;
    expect(bucketLayout(q).map((x) => x.label)).toEqual(['< 1', '1', '2', '3', '4', '6', '8', '12', '>= 16']);
    const b = (v: number): number => llquantizeBucket(v, 2, 0, 3, 4);
    expect([0, 1, 2, 3, 5, 7, 8, 15, 16].map(b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(llquantizeBucket(7n, 2, 0, 3, 4)).toBe(5);
  });

  it('gives each bucket its value range', () => {
    const layout = bucketLayout(p);
    expect(layout[0]).toMatchObject({ min: null, max: 0n });
    expect(layout[10]).toMatchObject({ label: '10', min: 10n, max: 19n });
    expect(layout[28]).toMatchObject({ min: 1000n, max: null });
    expect(bucketLayout()[64]).toMatchObject({ min: 1n, max: 1n });
    expect(bucketLayout()[66]).toMatchObject({ min: 4n, max: 7n });
    expect(bucketLayout()[61]).toMatchObject({ min: -3n, max: -2n });
  });
});
