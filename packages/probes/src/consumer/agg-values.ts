/*
 * The printed value of an aggregation cell: avg and stddev reduced to one integer exactly as
 * dtrace computes them (dt_print_datum, dt_stddev), the normalize() division, and the empty
 * value a joined printa() prints for a missing entry.
 *
 * Input: an AggValue with its function. Output: bigints (64-bit exact). Must not format text.
 */

import { quantizeBucketCount } from './buckets.js';
import type { AggFunction, AggParams, AggValue, DInt } from '../program/value-model.js';

export function isDistribution(fn: AggFunction): boolean {
  return fn === 'quantize' || fn === 'lquantize' || fn === 'llquantize';
}

function big(v: DInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Integer square root, rounded down (dt_sqrt_128). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n < 0n ? 0n : n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** avg(): sum / normal / count, truncating; 0 when empty. */
export function averageOf(value: { count: DInt; sum: DInt }, normal = 1): bigint {
  const count = big(value.count);
  if (count === 0n) return 0n;
  return big(value.sum) / BigInt(normal) / count;
}

/**
 * stddev(): sqrt(E[x²] − E[x]²) in integers, as dt_stddev: the mean of the squares divided by
 * normal², minus the square of |sum/normal/count|, then the integer square root.
 */
export function stddevOf(value: { count: DInt; sum: DInt; sumsq: bigint }, normal = 1): bigint {
  const count = big(value.count);
  if (count === 0n) return 0n;
  const n = BigInt(normal);
  const avgOfSquares = value.sumsq / n / n / count;
  let mean = big(value.sum) / n / count;
  if (mean < 0n) mean = -mean;
  const diff = avgOfSquares - mean * mean;
  return isqrt(diff < 0n ? 0n : diff);
}

/** The single integer a count/sum/min/max/avg/stddev cell prints (normalized). */
export function scalarOf(fn: AggFunction, value: AggValue, normal = 1): bigint {
  if (typeof value === 'number' || typeof value === 'bigint') {
    return normal === 1 ? big(value) : big(value) / BigInt(normal);
  }
  if (Array.isArray(value)) return 0n;
  const v = value as { count: DInt; sum: DInt; sumsq?: bigint };
  if (fn === 'stddev' && v.sumsq !== undefined) return stddevOf({ count: v.count, sum: v.sum, sumsq: v.sumsq }, normal);
  return averageOf(v, normal);
}

/**
 * The bucket counts of a quantize-family cell as numbers, for drawing (bars, packed
 * characters): a count past 2^53 is approximate. The printed counts use exactCountsOf.
 */
export function countsOf(value: AggValue): readonly number[] {
  if (!Array.isArray(value)) return [];
  const counts = value as readonly DInt[];
  return counts.every((c) => typeof c === 'number') ? (counts as readonly number[]) : counts.map(Number);
}

/** The bucket counts of a quantize-family cell, exact (64-bit counts past 2^53 are bigints). */
export function exactCountsOf(value: AggValue): readonly DInt[] {
  return Array.isArray(value) ? (value as readonly DInt[]) : [];
}

/** What a joined printa() prints for an aggregation that has no entry for a key. */
export function emptyValue(fn: AggFunction, params?: AggParams): AggValue {
  if (isDistribution(fn)) return new Array<number>(quantizeBucketCount(params)).fill(0);
  if (fn === 'avg') return { count: 0, sum: 0 };
  if (fn === 'stddev') return { count: 0, sum: 0, sumsq: 0n };
  return 0;
}
