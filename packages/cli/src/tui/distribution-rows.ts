/*
 * The rows of a quantize/lquantize/llquantize table as the dashboard draws them: the rows the
 * consumer's formatDistribution prints (d-language 2.5), with its bars drawn at the panel's
 * width instead of 40 columns.
 *
 * - Labels and bucket order come from the consumer's `bucketLayout`, as the printed table's.
 * - Rows: from one bucket before the first non-zero count to one after the last, clipped to the
 *   ends; when every count is zero, quantize shows -1, 0, 1, lquantize its first three buckets
 *   and llquantize its first two (formatDistribution's selection).
 * - Bars (dt_print_quantline): `@` count = |count| × width / total, rounded to nearest, where
 *   total sums |count| over the shown rows. Only positive counts: `|` then a left-aligned bar;
 *   only negative: a right-aligned bar then `|`; both: half-width bars either side of `|`.
 * - Counts are divided by the normalize() factor; bars use the raw counts, as dtrace's do.
 *
 * At a width of 40 a row reads exactly as the consumer's table row (tested). Must not pick
 * colours or know about panels.
 */

import { bucketLayout, QUANTIZE_ZERO, type AggParams } from '@zsdtrace/probes';
import { padLeft } from './text.js';

/** Width of the value column (`%16s`). */
export const LABEL_WIDTH = 16;

export interface DistributionRow {
  /** The bucket label right-aligned to the value column, and the space after it. */
  readonly label: string;
  /** What is left of the `|`: padding and, for negative counts, the bar. */
  readonly left: string;
  /** What is right of the `|`. */
  readonly right: string;
  readonly count: string;
  readonly negative: boolean;
}

/** First and last bucket shown, inclusive, for counts laid out as `params` say. */
export function shownRange(counts: readonly number[], params: AggParams | undefined): [number, number] {
  const n = Math.min(counts.length, bucketLayout(params).length);
  let first = 0;
  while (first < n && counts[first] === 0) first++;
  if (first === n) {
    const [lo, hi] = params === undefined ? [QUANTIZE_ZERO - 1, QUANTIZE_ZERO + 1] : params.fn === 'lquantize' ? [0, 2] : [0, 1];
    return [lo, Math.min(hi, n - 1)];
  }
  let last = n - 1;
  while (last > 0 && counts[last] === 0) last--;
  return [Math.max(0, first - 1), Math.min(n - 1, last + 1)];
}

/** The column header: `value`, the Distribution rule as wide as the bars, `count`. */
export function distributionHeader(barWidth: number): string {
  const title = ' Distribution ';
  const dashes = Math.max(0, barWidth - title.length);
  const rule = '-'.repeat(Math.floor(dashes / 2)) + title + '-'.repeat(Math.ceil(dashes / 2));
  return `${padLeft('value', LABEL_WIDTH)}  ${rule} count`;
}

/** The shown rows of one cell, bars `barWidth` wide (even widths keep the halves equal). */
export function distributionRows(
  counts: readonly number[], params: AggParams | undefined, normal: number, barWidth: number,
): DistributionRow[] {
  const layout = bucketLayout(params);
  const [first, last] = shownRange(counts, params);
  let positives = false;
  let negatives = false;
  let total = 0;
  for (let i = first; i <= last; i++) {
    const c = counts[i] ?? 0;
    if (c > 0) positives = true;
    if (c < 0) negatives = true;
    total += Math.abs(c);
  }
  const depth = (c: number, len: number): number => (total === 0 ? 0 : Math.floor((Math.abs(c) * len) / total + 0.5));
  const half = Math.floor(barWidth / 2);
  const rows: DistributionRow[] = [];
  for (let i = first; i <= last && i < layout.length; i++) {
    const c = counts[i] ?? 0;
    let left: string;
    let right: string;
    if (!negatives) {
      const d = positives ? depth(c, barWidth) : 0;
      [left, right] = ['', '@'.repeat(d) + ' '.repeat(barWidth - d)];
    } else if (!positives) {
      const d = depth(c, barWidth);
      [left, right] = [' '.repeat(barWidth - d) + '@'.repeat(d), ''];
    } else {
      const d = depth(c, half);
      [left, right] =
        c <= 0 ? [' '.repeat(half - d) + '@'.repeat(d), ' '.repeat(half)] : [' '.repeat(half), '@'.repeat(d) + ' '.repeat(half - d)];
    }
    const shown = normal === 1 ? c : Math.trunc(c / normal);
    rows.push({ label: (layout[i]?.label ?? String(i)).padStart(LABEL_WIDTH) + ' ', left, right, count: ` ${shown}`, negative: c < 0 });
  }
  return rows;
}
