/*
 * The buckets of the quantize family: their labels, their values and which rows dtrace prints.
 *
 * Input: an aggregation's function and parameters and a dense bucket array. Output: a label and
 * a value per bucket, and the printed row range. The layouts follow dtrace (d-language 2.5):
 *   quantize   127 buckets, index 63 is 0, 63+k is 2^(k-1), 63-k is -2^(k-1);
 *   lquantize  `< base`, base, base+step, …, `>= base+levels·step`;
 *   llquantize `< factor^low`, then per order o the values factor^o step factor^(o+1)/nsteps,
 *              then `>= factor^(high+1)`.
 * A bucket array whose length disagrees with the parameters is labelled by index rather than
 * misread. This module computes; it never formats a table.
 */

import type { AggFunction, AggParams } from './model.js';

export interface BucketLayout {
  readonly labels: readonly string[];
  /** The value each bucket stands for (underflow and overflow as just outside the range). */
  readonly values: readonly number[];
}

const QUANTIZE_ZERO = 63;

function quantizeLayout(): BucketLayout {
  const labels: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < 2 * QUANTIZE_ZERO + 1; i++) {
    const k = i - QUANTIZE_ZERO;
    const v = k === 0 ? 0 : Math.sign(k) * 2 ** (Math.abs(k) - 1);
    values.push(v);
    labels.push(k === 0 ? '0' : (k < 0 ? '-' : '') + (2n ** BigInt(Math.abs(k) - 1)).toString());
  }
  return { labels, values };
}

function lquantizeLayout(base: number, limit: number, step: number): BucketLayout {
  const levels = Math.floor((limit - base) / step);
  const labels = [`< ${base}`];
  const values = [base - 1];
  for (let i = 0; i < levels; i++) {
    labels.push(String(base + i * step));
    values.push(base + i * step);
  }
  labels.push(`>= ${base + levels * step}`);
  values.push(base + levels * step);
  return { labels, values };
}

function llquantizeLayout(factor: number, low: number, high: number, nsteps: number): BucketLayout {
  const f = BigInt(factor);
  let order = f ** BigInt(low);
  const labels = [`< ${order}`];
  const values = [Number(order) - 1];
  for (let o = low; o <= high; o++) {
    const next = order * f;
    const step = next > BigInt(nsteps) ? next / BigInt(nsteps) : 1n;
    for (let v = order; v < next; v += step) {
      labels.push(v.toString());
      values.push(Number(v));
    }
    order = next;
  }
  labels.push(`>= ${order}`);
  values.push(Number(order));
  return { labels, values };
}

let quantizeCache: BucketLayout | null = null;
const paramCache = new Map<string, BucketLayout>();

/** The layout for an aggregation's buckets; `length` guards against a mismatched array. */
export function bucketLayout(fn: AggFunction, params: AggParams | undefined, length: number): BucketLayout {
  let layout: BucketLayout | null = null;
  if (fn === 'quantize') {
    layout = quantizeCache ??= quantizeLayout();
  } else if (params !== undefined) {
    const id = JSON.stringify(params);
    layout = paramCache.get(id) ?? null;
    if (layout === null) {
      layout =
        params.fn === 'lquantize'
          ? lquantizeLayout(params.base, params.limit, params.step)
          : llquantizeLayout(params.factor, params.low, params.high, params.nsteps);
      paramCache.set(id, layout);
    }
  }
  if (layout !== null && layout.labels.length === length) return layout;
  const labels = Array.from({ length }, (_, i) => String(i));
  return { labels, values: labels.map(Number) };
}

/**
 * The rows dtrace prints: from one bucket before the first non-zero to one after the last,
 * clipped to the ends; with every bucket zero, quantize prints -1, 0, 1 and the linear forms
 * their first three rows (d-language 2.5). Returns [first, last] inclusive.
 */
export function printedRange(fn: AggFunction, buckets: readonly number[]): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < buckets.length; i++) {
    if ((buckets[i] ?? 0) !== 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const end = buckets.length - 1;
  if (first < 0) {
    const start = fn === 'quantize' && buckets.length > QUANTIZE_ZERO ? QUANTIZE_ZERO - 1 : 0;
    return [start, Math.min(end, start + 2)];
  }
  return [Math.max(0, first - 1), Math.min(end, last + 1)];
}

/** dtrace orders quantize cells by Σ(bucket value × count) (d-language 2.4). */
export function histogramWeight(layout: BucketLayout, buckets: readonly number[]): number {
  let w = 0;
  for (let i = 0; i < buckets.length; i++) {
    const c = buckets[i] ?? 0;
    if (c !== 0) w += (layout.values[i] ?? i) * c;
  }
  return w;
}
