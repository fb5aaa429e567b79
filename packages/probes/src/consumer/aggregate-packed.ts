/*
 * The two compact aggregation displays of dtrace's consumer (dt_consume.c dt_print_datum,
 * dt_print_quantize_packed, dt_print_lquantize_packed, dt_print_packed; dt_aggregate.c
 * dt_aggregate_total and dt_aggregate_minmaxbin):
 *
 * - `aggpack`: each quantize()/lquantize() entry on one line, a character per bucket between
 *   `min :` and `: max`, then `| ` and the sum of the counts. quantize() shows the buckets from
 *   one below the lowest non-empty bucket of any entry of the aggregation to one above the
 *   highest; lquantize() always shows its whole range. One header above the first entry.
 * - `agghist`: count()/sum() (and avg()/stddev()) entries drawn as the rows of one histogram,
 *   each bar scaled by the total of |value| over every entry of the aggregation.
 *
 * Keys take their packed widths: integers `%3d`/`%5d`/`%8d`/`%16lld` by size, everything else
 * 16 columns right-aligned. The entry has no closing blank line: the bar line ends it.
 * Input: one aggregation's snapshot and the display options; output: text. Other aggregating
 * functions are printed the usual way by aggregate-print.ts.
 */

import { countsOf, scalarOf } from './agg-values.js';
import { bucketLayout, QUANTIZE_BUCKETS, QUANTIZE_ZERO, quantizeBucketValue } from './buckets.js';
import { addToTotal, AGGZOOM_MAX, quantizeLine } from './quantize-table.js';
import { formatStack, formatSymbol, formatTraceInt, DEFAULT_STACK_INDENT } from './trace-format.js';
import type { AggEntry, AggSnapshot, DType, DValue } from '../program/value-model.js';

/** The options that choose and draw the compact displays. */
export interface AggDisplayOptions {
  readonly aggpack?: boolean;
  readonly agghist?: boolean;
  readonly aggzoom?: boolean;
  readonly encoding?: 'ascii' | 'utf8';
  readonly stackindent?: number;
}

/** Which compact display an aggregation takes under the options, if any. */
export function packedMode(agg: AggSnapshot, opts: AggDisplayOptions): 'pack' | 'hist' | null {
  if (opts.agghist && ['count', 'sum', 'avg', 'stddev'].includes(agg.fn)) return 'hist';
  if (opts.aggpack && (agg.fn === 'quantize' || agg.fn === 'lquantize')) return 'pack';
  return null;
}

const INT_WIDTH: Readonly<Record<number, number>> = { 1: 3, 2: 5, 4: 8, 8: 16 };
const PACKED_OTHER = 16;

function keyWidth(type: DType | undefined): number {
  return type?.kind === 'int' ? (INT_WIDTH[type.size] ?? PACKED_OTHER) : PACKED_OTHER;
}

/** The header's key column width: each key's packed width plus its separating space. */
function keysWidth(agg: AggSnapshot): number {
  let w = 0;
  for (const t of agg.keyTypes) w += keyWidth(t) + 1;
  return w;
}

function packedKey(value: DValue, type: DType | undefined, opts: AggDisplayOptions): string {
  if (typeof value === 'string') return ' ' + value.padStart(PACKED_OTHER);
  if (typeof value === 'number' || typeof value === 'bigint') {
    return formatTraceInt(value, type?.kind === 'int' ? type.size : 8, false);
  }
  if (value.kind === 'stack') return formatStack(value, opts.stackindent ?? DEFAULT_STACK_INDENT);
  return formatSymbol(value);
}

/** dt_ndigits: the digits of a value with its sign, at least 4 (its loose `>` comparison kept). */
function ndigits(v: bigint): number {
  let n = 1;
  let a = v;
  if (a < 0n) {
    a = -a;
    n++;
  }
  for (let cmp = 10n; a > cmp; cmp *= 10n) n++;
  return Math.max(n, 4);
}

const big = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));

/** The lowest and highest non-empty quantize buckets over all entries (an empty one counts as 0's). */
function quantizeRange(agg: AggSnapshot): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of agg.entries) {
    const c = countsOf(e.value);
    let min = -1;
    let max = -1;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === 0) continue;
      if (min === -1) min = i;
      max = i;
    }
    if (min === -1) min = max = QUANTIZE_ZERO;
    lo = Math.min(lo, min);
    hi = Math.max(hi, max);
  }
  if (lo === Infinity) return [QUANTIZE_ZERO, QUANTIZE_ZERO];
  // One bucket of margin either side, but never below the zero bucket when that is the lowest.
  if (lo !== 0 && lo !== QUANTIZE_ZERO) lo--;
  if (hi < QUANTIZE_BUCKETS - 1) hi++;
  return [lo, hi];
}

/** One bucket's character (dt_print_packed): blank, `_ _ x x x x X X` rising, `v…V` falling. */
function packedChar(count: number, total: number, utf8: boolean): string {
  if (count === 0) return ' ';
  if (count < 0) return 'vvvvVV'[Math.floor(Math.abs(count * 5) / total + 0.5)] ?? 'V';
  const level = Math.floor((count * 7) / total + 0.5);
  if (utf8) return String.fromCodePoint(0x2581 + level);
  return '__xxxxXX'[level] ?? 'X';
}

function packedBars(counts: readonly number[], from: number, to: number, opts: AggDisplayOptions): { bars: string; sum: number } {
  let total = 0;
  let sum = 0;
  for (let i = from; i <= to; i++) {
    total = addToTotal(total, counts[i] ?? 0, opts.aggzoom);
    sum += counts[i] ?? 0;
  }
  // With no encoding given dtrace draws packed bars in UTF-8 unless the terminal is known not to
  // take it; zsdtrace has no terminal to ask, so only encoding=ascii draws them in ASCII.
  const utf8 = opts.encoding !== 'ascii';
  let bars = '';
  for (let i = from; i <= to; i++) bars += packedChar(counts[i] ?? 0, total, utf8);
  return { bars, sum };
}

function packHeader(agg: AggSnapshot, width: number, range: [number, number]): string {
  let minWidth: number;
  let maxWidth: number;
  let dashes: number;
  if (agg.fn === 'quantize') {
    minWidth = ndigits(big(quantizeBucketValue(range[0])));
    maxWidth = ndigits(big(quantizeBucketValue(range[1])));
    dashes = range[1] - range[0] + 1;
  } else {
    maxWidth = 8;
    minWidth = 7;
    dashes = bucketLayout(agg.params).length;
  }
  const key = width > 0 ? 'key'.padStart(width) : '';
  return `\n${key} ${'min'.padStart(minWidth)} .${'-'.repeat(dashes)}. ${'max'.padEnd(maxWidth)} | count\n`;
}

function packValue(agg: AggSnapshot, entry: AggEntry, range: [number, number], opts: AggDisplayOptions): string {
  const counts = countsOf(entry.value);
  if (agg.fn === 'quantize') {
    const minVal = big(quantizeBucketValue(range[0]));
    const maxVal = big(quantizeBucketValue(range[1]));
    const { bars, sum } = packedBars(counts, range[0], range[1], opts);
    return ` ${minVal.toString().padStart(ndigits(minVal))} :${bars}: ${maxVal.toString().padEnd(ndigits(maxVal))} | ${sum}\n`;
  }
  const p = agg.params;
  const base = p?.fn === 'lquantize' ? p.base : 0;
  const levels = p?.fn === 'lquantize' ? Math.trunc((p.limit - p.base) / p.step) : 0;
  const top = p?.fn === 'lquantize' ? base + levels * p.step : 0;
  const { bars, sum } = packedBars(counts, 0, levels + 1, opts);
  return `${`< ${base}`.padStart(8)} :${bars}: ${`>= ${top}`.padEnd(8)} | ${sum}\n`;
}

/** The value agghist draws for an entry: the sum or count (dtrace reads avg/stddev's first word). */
function histValue(agg: AggSnapshot, entry: AggEntry): number {
  const v = entry.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(BigInt.asIntN(64, v));
  if (Array.isArray(v)) return 0;
  return Number((v as { count: number | bigint }).count);
}

/** What the histogram's bars are scaled by, over every entry of the aggregation (dt_aggregate_total). */
function histScale(agg: AggSnapshot, zoom: boolean | undefined): { total: number; positives: boolean; negatives: boolean } {
  let total = 0;
  let positives = false;
  let negatives = false;
  for (const e of agg.entries) {
    let v = Number(scalarOf(agg.fn, e.value));
    if (v > 0) positives = true;
    if (v < 0) {
      negatives = true;
      v = -v;
    }
    if (zoom) total = Math.max(total, Math.trunc(v * (1 / AGGZOOM_MAX)));
    else total += v;
  }
  return { total, positives, negatives };
}

const HIST_RULE = '------------- Distribution -------------';

/**
 * Prints entries of aggregations in walk order, each in its compact display. `lastHeader` is the
 * walk's state: the id of the aggregation whose header was printed last (a header is printed
 * whenever the walk moves to another aggregation).
 */
export class PackedPrinter {
  private lastHeader = -1;
  private readonly ranges = new Map<number, [number, number]>();
  private readonly scales = new Map<number, ReturnType<typeof histScale>>();

  constructor(private readonly opts: AggDisplayOptions) {}

  entry(agg: AggSnapshot, entry: AggEntry, mode: 'pack' | 'hist'): string {
    let out = '';
    const width = keysWidth(agg);
    let range = this.ranges.get(agg.id);
    if (mode === 'pack' && !range) {
      range = quantizeRange(agg);
      this.ranges.set(agg.id, range);
    }
    if (this.lastHeader !== agg.id) {
      this.lastHeader = agg.id;
      out += mode === 'hist'
        ? `\n${(width > 0 ? 'key' : 'value').padStart(width || 16)} ${HIST_RULE.padStart(41)} ${'count'.padEnd(9)}\n`
        : packHeader(agg, width, range!);
    }
    for (let i = 0; i < entry.key.length; i++) out += packedKey(entry.key[i]!, agg.keyTypes[i], this.opts);
    if (mode === 'pack') return out + packValue(agg, entry, range!, this.opts);
    let scale = this.scales.get(agg.id);
    if (!scale) {
      scale = histScale(agg, this.opts.aggzoom);
      this.scales.set(agg.id, scale);
    }
    return out + ' ' + quantizeLine(histValue(agg, entry), agg.normal, scale.total, scale.positives, scale.negatives, this.opts.encoding === 'utf8');
  }
}
