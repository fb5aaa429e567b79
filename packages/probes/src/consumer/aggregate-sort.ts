/*
 * The order in which dtrace prints aggregation entries (d-language.md 2.4; dt_aggregate.c's
 * varvalcmp / varkeycmp / bundlevalcmp and their value and key comparisons).
 *
 * - Default: by aggregation variable id, then by value ascending, ties broken by the keys.
 * - aggsortkey: by key first, value as the tie-break. aggsortkeypos=n: key comparison starts at
 *   tuple element n and wraps. aggsortrev: every comparison reversed (variable order too, as
 *   dtrace's DT_LESSTHAN flips). aggsortpos=n: in a joined printa, aggregation n's value is
 *   compared first, then the others in order.
 * - Values: count/sum/min/max as signed integers; avg by sum/count; stddev by its value; the
 *   quantize family by Σ bucket value × count, ties by the count at the zero bucket.
 * - Keys: integers as unsigned values of their size (negative keys sort after positive ones),
 *   strings by character code (bytewise for ASCII; a shorter prefix sorts first), stacks frame by
 *   frame, symbols by address.
 *
 * Input: snapshots; output: new sorted arrays. Must not mutate the snapshots.
 */

import { averageOf, emptyValue, isDistribution, stddevOf } from './agg-values.js';
import { bucketLayout, QUANTIZE_ZERO } from './buckets.js';
import type { AggEntry, AggFunction, AggParams, AggSnapshot, AggValue, DInt, DType, DValue } from '../program/value-model.js';

export interface AggSortOptions {
  readonly aggsortkey?: boolean;
  readonly aggsortkeypos?: number;
  readonly aggsortpos?: number;
  readonly aggsortrev?: boolean;
}

function sign(a: bigint | number, b: bigint | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function big(v: DInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** One key element; `t` decides how integers compare. */
export function compareKeyValue(a: DValue, b: DValue, t: DType | undefined): number {
  if (typeof a === 'string' || typeof b === 'string') {
    const sa = String(typeof a === 'string' ? a : ''), sb = String(typeof b === 'string' ? b : '');
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0) return sign(a, b);
    const bytes = t?.kind === 'int' ? t.size : 8;
    return sign(BigInt.asUintN(bytes * 8, big(a)), BigInt.asUintN(bytes * 8, big(b)));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    if (a.kind === 'stack' && b.kind === 'stack') {
      const n = Math.max(a.frames.length, b.frames.length);
      for (let i = 0; i < n; i++) {
        const fa = a.frames[i], fb = b.frames[i];
        if (!fa || !fb) return fa ? 1 : -1;
        const c = fa.module < fb.module ? -1 : fa.module > fb.module ? 1
          : fa.func < fb.func ? -1 : fa.func > fb.func ? 1 : sign(fa.offset, fb.offset);
        if (c !== 0) return c;
      }
      return 0;
    }
    if (a.kind !== 'stack' && b.kind !== 'stack') {
      return sign(BigInt.asUintN(64, BigInt(a.addr)), BigInt.asUintN(64, BigInt(b.addr)));
    }
  }
  return 0;
}

/** Key tuples, starting at element `keypos` and wrapping around. */
export function compareKeys(a: readonly DValue[], b: readonly DValue[], types: readonly DType[], keypos = 0): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return sign(a.length, b.length);
  const start = ((keypos % n) + n) % n;
  for (let j = 0; j < n; j++) {
    const i = (start + j) % n;
    const c = compareKeyValue(a[i]!, b[i]!, types[i]);
    if (c !== 0) return c;
  }
  return sign(a.length, b.length);
}

/** The zero-bucket count used as the tie-break of quantize and lquantize. */
function zeroCount(counts: readonly DInt[], fn: AggFunction, params?: AggParams): DInt {
  if (fn === 'quantize') return counts[QUANTIZE_ZERO] ?? 0;
  if (fn === 'llquantize') return 0;
  const layout = bucketLayout(params);
  const i = layout.findIndex((b) => b.value === 0n);
  return i < 0 ? 0 : counts[i] ?? 0;
}

/**
 * dt_aggregate_quantizedsum: the counts weighted by their buckets' values. dtrace sums in long
 * double; the sum is exact here, as a bigint once a term leaves the safe integers.
 */
function weightedSum(counts: readonly DInt[], params?: AggParams): DInt {
  const layout = bucketLayout(params);
  let total = 0;
  let exact: bigint | null = null;
  for (let i = 0; i < counts.length && i < layout.length; i++) {
    const c = counts[i]!;
    if (!c) continue;
    const term = typeof c === 'number' ? Number(layout[i]!.value) * c : NaN;
    if (exact === null && Number.isSafeInteger(term) && Number.isSafeInteger(total + term)) total += term;
    else exact = (exact ?? BigInt(total)) + layout[i]!.value * BigInt(c);
  }
  return exact ?? total;
}

type AvgCell = { count: DInt; sum: DInt };
type StddevCell = { count: DInt; sum: DInt; sumsq: bigint };

/** Two values of one aggregation, by dtrace's value rule for its function. */
export function compareValues(fn: AggFunction, params: AggParams | undefined, a: AggValue, b: AggValue): number {
  if (isDistribution(fn)) {
    const ca = a as readonly DInt[], cb = b as readonly DInt[];
    const c = sign(weightedSum(ca, params), weightedSum(cb, params));
    return c !== 0 ? c : sign(zeroCount(ca, fn, params), zeroCount(cb, fn, params));
  }
  if (fn === 'avg') return sign(averageOf(a as AvgCell), averageOf(b as AvgCell));
  if (fn === 'stddev') return sign(stddevOf(a as StddevCell), stddevOf(b as StddevCell));
  const x = a as DInt, y = b as DInt;
  return typeof x === 'number' && typeof y === 'number' ? sign(x, y) : sign(big(x), big(y));
}

/** One entry of the sorted walk, with the aggregation it belongs to. */
export interface SortedEntry {
  readonly agg: AggSnapshot;
  readonly entry: AggEntry;
}

/** Sorts the entries of one aggregation. */
export function sortEntries(agg: AggSnapshot, opts: AggSortOptions = {}): AggEntry[] {
  return sortAll([agg], opts).map((e) => e.entry);
}

/** One sorted walk over all entries of all the given aggregations (dtrace_aggregate_walk_sorted). */
export function sortAll(aggs: readonly AggSnapshot[], opts: AggSortOptions = {}): SortedEntry[] {
  const rows: SortedEntry[] = [];
  for (const agg of aggs) for (const entry of agg.entries) rows.push({ agg, entry });
  const keypos = opts.aggsortkeypos ?? 0;
  const dir = opts.aggsortrev ? -1 : 1;
  rows.sort((l, r) => {
    let c = sign(l.agg.id, r.agg.id);
    if (c === 0) {
      const byVal = (): number => compareValues(l.agg.fn, l.agg.params, l.entry.value, r.entry.value);
      const byKey = (): number => compareKeys(l.entry.key, r.entry.key, l.agg.keyTypes, keypos);
      c = opts.aggsortkey ? byKey() || byVal() : byVal() || byKey();
    }
    return c * dir;
  });
  return rows;
}

/** One row of a joined printa(): the key and each aggregation's value (empty when missing). */
export interface JoinedRow {
  readonly key: readonly DValue[];
  readonly values: readonly AggValue[];
}

/** A string identifying a key tuple, for joining (printing only; never on the probe path). */
function keyId(key: readonly DValue[]): string {
  return key
    .map((v) => {
      if (typeof v === 'string') return `s${JSON.stringify(v)}`;
      if (typeof v === 'number' || typeof v === 'bigint') return `i${v}`;
      if (v.kind === 'stack') return `k${v.frames.map((f) => `${f.module}\`${f.func}+${f.offset}`).join(',')}`;
      return `a${v.addr}`;
    })
    .join('\u0000');
}

/** Joins several aggregations on their keys and sorts the rows (dt_aggregate_walk_joined). */
export function joinAggregations(aggs: readonly AggSnapshot[], opts: AggSortOptions = {}): JoinedRow[] {
  const first = aggs[0];
  if (!first) return [];
  const types = first.keyTypes;
  const rows: { key: readonly DValue[]; values: AggValue[] }[] = [];
  const byKey = new Map<string, { key: readonly DValue[]; values: AggValue[] }>();
  for (let a = 0; a < aggs.length; a++) {
    const agg = aggs[a]!;
    for (const entry of agg.entries) {
      const id = keyId(entry.key);
      let row = byKey.get(id);
      if (!row) {
        row = { key: entry.key, values: aggs.map((g) => emptyValue(g.fn, g.params)) };
        byKey.set(id, row);
        rows.push(row);
      }
      row.values[a] = entry.value;
    }
  }
  const pos = Math.min(Math.max(opts.aggsortpos ?? 0, 0), aggs.length - 1);
  const order = [pos, ...aggs.map((_, i) => i).filter((i) => i !== pos)];
  const keypos = opts.aggsortkeypos ?? 0;
  const dir = opts.aggsortrev ? -1 : 1;
  rows.sort((l, r) => {
    const byKey = (): number => compareKeys(l.key, r.key, types, keypos);
    const byVal = (): number => {
      for (const i of order) {
        const g = aggs[i]!;
        const c = compareValues(g.fn, g.params, l.values[i]!, r.values[i]!);
        if (c !== 0) return c;
      }
      return 0;
    };
    return (opts.aggsortkey ? byKey() || byVal() : byVal() || byKey()) * dir;
  });
  return rows;
}
