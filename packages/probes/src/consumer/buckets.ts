/*
 * Bucket layout of the quantize family: which bucket a value lands in, how many buckets an
 * aggregation has, and what each bucket stands for (its printed label and value range).
 *
 * Input: a D integer (number or bigint) and the aggregation parameters. Output: a dense index.
 * The runtime indexes its count arrays with these functions; the table printer, the sort and the
 * JSON renderer read the layout back through `bucketLayout`, so the three always agree.
 *
 * Layouts (illumos dtrace's, d-language.md 2.5):
 * - quantize: 127 buckets, index 0 = -2^62, …, 61 = -2, 62 = -1, 63 = 0, 64 = 1, 65 = 2, …,
 *   126 = 2^62. A positive value lands in the largest power of two ≤ it; negatives mirror that.
 * - lquantize: levels+2 buckets; 0 is the underflow (`< base`), levels+1 the overflow.
 * - llquantize: underflow, then per order of magnitude low…high the linear steps, then overflow.
 *
 * Must not: format anything, or allocate per call on the quantize/lquantize paths.
 */

import type { AggParams, DInt } from '../program/value-model.js';

export const QUANTIZE_BUCKETS = 127;
/** Index of the bucket holding 0 in the quantize layout. */
export const QUANTIZE_ZERO = 63;

/** Index of the highest set bit of a positive safe integer. */
function highBit(v: number): number {
  if (v < 0x80000000) return 31 - Math.clz32(v);
  let e = Math.floor(Math.log2(v));
  if (2 ** e > v) e--;
  else if (2 ** (e + 1) <= v) e++;
  return e;
}

function highBitBig(v: bigint): number {
  return v.toString(2).length - 1;
}

/** quantize(): the bucket of `v` (dtrace's power-of-two rule, clamped at ±2^62). */
export function quantizeBucket(v: DInt): number {
  if (typeof v === 'number') {
    if (v === 0) return QUANTIZE_ZERO;
    if (v > 0) return QUANTIZE_ZERO + 1 + Math.min(62, highBit(v));
    return QUANTIZE_ZERO - 1 - Math.min(62, highBit(-v));
  }
  if (v === 0n) return QUANTIZE_ZERO;
  if (v > 0n) return QUANTIZE_ZERO + 1 + Math.min(62, highBitBig(v));
  return QUANTIZE_ZERO - 1 - Math.min(62, highBitBig(-v));
}

/** The value a quantize bucket stands for (its printed label). */
export function quantizeBucketValue(index: number): DInt {
  if (index === QUANTIZE_ZERO) return 0;
  const mag = index > QUANTIZE_ZERO ? index - QUANTIZE_ZERO - 1 : QUANTIZE_ZERO - 1 - index;
  const abs: DInt = mag <= 52 ? 2 ** mag : 1n << BigInt(mag);
  if (index > QUANTIZE_ZERO) return abs;
  return typeof abs === 'number' ? -abs : -abs;
}

/** lquantize levels: (limit - base) / step, integer division. */
export function lquantizeLevels(base: number, limit: number, step: number): number {
  return Math.trunc((limit - base) / step);
}

/**
 * lquantize(): the bucket of `v`. Like the kernel (dtrace_aggregate_lquantize), the value is
 * taken as a 32-bit signed integer before it is compared with the range.
 */
export function lquantizeBucket(v: DInt, base: number, limit: number, step: number): number {
  const levels = lquantizeLevels(base, limit, step);
  const val = typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff
    ? v
    : Number(BigInt.asIntN(32, BigInt(v)));
  if (val < base) return 0;
  const level = Math.trunc((val - base) / step);
  return level < levels ? level + 1 : levels + 1;
}

/** llquantize layout: lower bound of each bucket (index 0, the underflow, has none). */
interface LlLayout {
  /** lower[i] for i ≥ 1; lower[0] is unused (-infinity). */
  readonly lower: readonly bigint[];
  /** Same bounds as numbers, for the common case where they are all safe integers. */
  readonly lowerNum: readonly number[] | null;
}

const llCache = new Map<string, LlLayout>();

function llLayout(factor: number, low: number, high: number, nsteps: number): LlLayout {
  const cacheKey = `${factor}/${low}/${high}/${nsteps}`;
  const cached = llCache.get(cacheKey);
  if (cached) return cached;
  // Walks the orders of magnitude as dt_print_llquantize does: from factor^o in steps of
  // factor^(o+1)/nsteps (at least 1) up to factor^(o+1).
  const f = BigInt(factor);
  const n = BigInt(nsteps);
  let value = 1n;
  for (let o = 0; o < low; o++) value *= f;
  const lower: bigint[] = [0n];
  for (let o = low; o <= high; o++) {
    const next = value * f;
    const step = next > n ? next / n : 1n;
    for (; value < next; value += step) lower.push(value);
    value = next;
  }
  lower.push(value);
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER);
  const layout: LlLayout = { lower, lowerNum: safe ? lower.map(Number) : null };
  llCache.set(cacheKey, layout);
  return layout;
}

/** llquantize(): the bucket of `v` (illumos layout: underflow first, overflow last). */
export function llquantizeBucket(
  v: DInt, factor: number, low: number, high: number, nsteps: number,
): number {
  const { lower, lowerNum } = llLayout(factor, low, high, nsteps);
  let lo = 0;
  let hi = lower.length - 1;
  if (lowerNum && typeof v === 'number') {
    if (v < lowerNum[1]!) return 0;
    // Largest i with lower[i] ≤ v.
    lo = 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lowerNum[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  const b = BigInt(v);
  if (b < lower[1]!) return 0;
  lo = 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lower[mid]! <= b) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of buckets of a quantize-family aggregation (quantize when `params` is absent). */
export function quantizeBucketCount(params?: AggParams): number {
  if (!params) return QUANTIZE_BUCKETS;
  if (params.fn === 'lquantize') return lquantizeLevels(params.base, params.limit, params.step) + 2;
  return llLayout(params.factor, params.low, params.high, params.nsteps).lower.length;
}

/** What one bucket stands for: its table label and the inclusive range of values it holds. */
export interface BucketInfo {
  /** Text of the row label: a number, `< 0`, `>= 100`. */
  readonly label: string;
  /** Whether the label is a number (printed `%16lld`) or text (`%16s`); same column either way. */
  readonly numeric: boolean;
  /** The value the bucket stands for in dtrace's sort weight (its label value). */
  readonly value: bigint;
  /** Smallest value in the bucket; null for an open underflow bucket. */
  readonly min: bigint | null;
  /** Largest value in the bucket; null for an open overflow bucket. */
  readonly max: bigint | null;
}


const layoutCache = new Map<string, readonly BucketInfo[]>();

function paramsKey(params?: AggParams): string {
  if (!params) return 'q';
  if (params.fn === 'lquantize') return `l/${params.base}/${params.limit}/${params.step}`;
  return `ll/${params.factor}/${params.low}/${params.high}/${params.nsteps}`;
}

/** The full layout of an aggregation's buckets, in index order (computed once per parameters). */
export function bucketLayout(params?: AggParams): readonly BucketInfo[] {
  const key = paramsKey(params);
  let layout = layoutCache.get(key);
  if (!layout) {
    layout = computeLayout(params);
    layoutCache.set(key, layout);
  }
  return layout;
}

function computeLayout(params?: AggParams): readonly BucketInfo[] {
  const out: BucketInfo[] = [];
  if (!params) {
    for (let i = 0; i < QUANTIZE_BUCKETS; i++) {
      const v = BigInt(quantizeBucketValue(i));
      // The outermost buckets also hold everything beyond them: open-ended, as the underflow
      // and overflow buckets of lquantize (docs/json-output.md: null where open-ended).
      let min: bigint | null;
      let max: bigint | null;
      if (i === QUANTIZE_ZERO) [min, max] = [0n, 0n];
      else if (i > QUANTIZE_ZERO) [min, max] = [v, i === QUANTIZE_BUCKETS - 1 ? null : v * 2n - 1n];
      else [min, max] = [i === 0 ? null : v * 2n + 1n, v];
      out.push({ label: v.toString(), numeric: true, value: v, min, max });
    }
    return out;
  }
  if (params.fn === 'lquantize') {
    const { base, step } = params;
    const levels = lquantizeLevels(base, params.limit, step);
    const top = BigInt(base + levels * step);
    out.push({ label: `< ${base}`, numeric: false, value: BigInt(base - 1), min: null, max: BigInt(base) - 1n });
    for (let i = 0; i < levels; i++) {
      const v = BigInt(base + i * step);
      out.push({ label: v.toString(), numeric: true, value: v, min: v, max: v + BigInt(step) - 1n });
    }
    out.push({ label: `>= ${top}`, numeric: false, value: top + 1n, min: top, max: null });
    return out;
  }
  const { lower } = llLayout(params.factor, params.low, params.high, params.nsteps);
  const first = lower[1]!;
  const last = lower[lower.length - 1]!;
  out.push({ label: `< ${first}`, numeric: false, value: first - 1n, min: null, max: first - 1n });
  for (let i = 1; i < lower.length - 1; i++) {
    const v = lower[i]!;
    out.push({ label: v.toString(), numeric: true, value: v, min: v, max: lower[i + 1]! - 1n });
  }
  out.push({ label: `>= ${last}`, numeric: false, value: last, min: last, max: null });
  return out;
}
