/*
 * The distribution tables of quantize(), lquantize() and llquantize() (d-language.md 2.5;
 * dtrace's dt_print_quantize / dt_print_lquantize / dt_print_llquantize and dt_print_quantline).
 *
 * Input: a dense bucket-count array (layout of buckets.ts), the parameters and the normalize
 * factor. Output: the table text: a newline, the header, one row per selected bucket. The caller
 * adds the entry's closing newline, which is what leaves the blank line after each table.
 *
 * Rows: from one bucket before the first non-zero to one after the last (clipped to the ends);
 * when every bucket is zero, quantize prints -1, 0, 1, lquantize its first three buckets and
 * llquantize its first two. Bars are 40 characters, `@` count rounded to nearest from
 * |count|×40/total, where total sums |count| over the printed rows. With `aggzoom` the total is
 * instead the largest |count| over 0.95, so the tallest bar fills 95% of the width. With
 * `encoding=utf8`, all-positive bars are drawn in block elements with eighth-width steps.
 */

import { bucketLayout, QUANTIZE_ZERO } from './buckets.js';
import type { AggParams, DInt } from '../program/value-model.js';

const BAR = 40;
/** Height of the tallest bar under aggzoom (DTRACE_AGGZOOM_MAX). */
export const AGGZOOM_MAX = 0.95;
/** U+2588 FULL BLOCK; U+258F is the one-eighth block, the partial blocks run down to it. */
const FULL_BLOCK = 0x2588;
const EIGHTH_BLOCK = 0x258f;

/** How bars are scaled and drawn (the aggzoom and encoding options). */
export interface BarStyle {
  readonly zoom?: boolean;
  readonly utf8?: boolean;
}

/** Adds one row's |count| to a table's total: a sum, or under aggzoom the zoomed maximum. */
export function addToTotal(total: number, count: number, zoom: boolean | undefined): number {
  const v = Math.abs(count);
  if (!zoom) return total + v;
  const z = v * (1 / AGGZOOM_MAX);
  return total < z ? z : total;
}
const HEADER = `\n${'value'.padStart(16)} ${'------------- Distribution -------------'.padStart(41)} ${'count'.padEnd(9)}\n`;

/** `%-9lld` of the (normalized) count. */
function countColumn(count: DInt, normal: number): string {
  const shown = normal === 1 ? count : typeof count === 'bigint' ? count / BigInt(normal) : Math.trunc(count / normal);
  return String(shown).padEnd(9);
}

/**
 * One bar and count (dt_print_quantline). Only positive counts: `|` then a left-aligned bar.
 * Only negative: a right-aligned bar then `|`. Both: half-width bars either side of `|`.
 */
export function quantizeLine(
  exact: DInt, normal: number, total: number, positives: boolean, negatives: boolean, utf8 = false,
): string {
  const count = Number(exact);
  if (utf8 && positives && !negatives) return utf8Line(exact, normal, total);
  const depthOf = (len: number): number => (total === 0 ? 0 : Math.floor((Math.abs(count) * len) / total + 0.5));
  if (!negatives) {
    const d = positives ? depthOf(BAR) : 0;
    return `|${'@'.repeat(d)}${' '.repeat(BAR - d)} ${countColumn(exact, normal)}\n`;
  }
  if (!positives) {
    const d = depthOf(BAR);
    return `${' '.repeat(BAR - d)}${'@'.repeat(d)}| ${countColumn(exact, normal)}\n`;
  }
  const half = BAR / 2;
  const d = depthOf(half);
  if (count <= 0) {
    return `${' '.repeat(half - d)}${'@'.repeat(d)}|${' '.repeat(half)} ${countColumn(exact, normal)}\n`;
  }
  return `${' '.repeat(half)}|${'@'.repeat(d)}${' '.repeat(half - d)} ${countColumn(exact, normal)}\n`;
}

/** An all-positive bar in block elements: whole blocks, then one partial block in eighths. */
function utf8Line(exact: DInt, normal: number, total: number): string {
  const count = Number(exact);
  const f = (Math.abs(count) * BAR) / total;
  const whole = Math.floor(f);
  const partial = Math.floor((f - whole) * 8);
  let bar = String.fromCodePoint(FULL_BLOCK).repeat(whole);
  let used = whole;
  if (partial !== 0) {
    bar += String.fromCodePoint(EIGHTH_BLOCK - (partial - 1));
    used++;
  }
  return `|${bar}${' '.repeat(Math.max(0, BAR - used))} ${countColumn(exact, normal)}\n`;
}

/** The first and last rows to print, by the ±1 neighbour rule, or the all-zero fallback. */
export function selectRows(counts: readonly DInt[], emptyFirst: number, emptyLast: number): [number, number] {
  let first = 0;
  while (first < counts.length && !counts[first]) first++;
  if (first === counts.length) return [emptyFirst, Math.min(emptyLast, counts.length - 1)];
  let last = counts.length - 1;
  while (last > 0 && !counts[last]) last--;
  return [Math.max(0, first - 1), Math.min(counts.length - 1, last + 1)];
}

/** The table for a quantize-family value; `params` absent means quantize(). */
export function formatDistribution(
  counts: readonly DInt[], params: AggParams | undefined, normal = 1, style: BarStyle = {},
): string {
  const layout = bucketLayout(params);
  const n = Math.min(counts.length, layout.length);
  const data = counts.length === n ? counts : counts.slice(0, n);
  const [first, last] = !params
    ? selectRows(data, QUANTIZE_ZERO - 1, QUANTIZE_ZERO + 1)
    : params.fn === 'lquantize'
      ? selectRows(data, 0, 2)
      : selectRows(data, 0, 1);
  let positives = false;
  let negatives = false;
  let total = 0;
  for (let i = first; i <= last; i++) {
    const c = data[i] ?? 0;
    if (c > 0) positives = true;
    if (c < 0) negatives = true;
    total = addToTotal(total, Number(c), style.zoom);
  }
  let out = HEADER;
  for (let i = first; i <= last; i++) {
    out += layout[i]!.label.padStart(16) + ' ';
    out += quantizeLine(data[i] ?? 0, normal, total, positives, negatives, style.utf8);
  }
  return out;
}
