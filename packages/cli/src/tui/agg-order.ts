/*
 * The order in which the dashboard lists an aggregation's entries, and the window of them that
 * is on screen.
 *
 * The three modes are dtrace's sorts (d-language 2.4), decided by the consumer's comparisons
 * (`compareValues`, `compareKeys`, the rules of `sortEntries`), so a panel lists entries in the
 * order printa() would print them: `value` is the default (value ascending, ties by key), `key`
 * is aggsortkey (key first, value as the tie-break), `reverse` is aggsortrev (the default order
 * reversed). `sortOptions` names the consumer options each mode stands for.
 *
 * Cost: one linear pass reduces every cell to the numbers compareValues would compare (when
 * they are exact), then a bounded heap keeps only the rows on screen plus the scroll offset,
 * so a refresh never sorts a whole large aggregation. Cells whose value has no exact number
 * (64-bit values beyond 2^53) are compared by compareValues itself. The property test in
 * test/tui/agg-order.test.ts holds the two equal. Must not format text.
 */

import {
  averageOf,
  bucketLayout,
  compareKeys,
  compareValues,
  countsOf,
  isDistribution,
  QUANTIZE_ZERO,
  stddevOf,
  type AggEntry,
  type AggSnapshot,
  type AggSortOptions,
  type AggValue,
  type DInt,
} from '@zsdtrace/probes';
import { selectIndices } from './top-n.js';

export const SORT_MODES = ['value', 'key', 'reverse'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export function nextSortMode(mode: SortMode): SortMode {
  return SORT_MODES[(SORT_MODES.indexOf(mode) + 1) % SORT_MODES.length] ?? 'value';
}

/** The consumer's sort options that give the order of a mode. */
export function sortOptions(mode: SortMode): AggSortOptions {
  return mode === 'key' ? { aggsortkey: true } : mode === 'reverse' ? { aggsortrev: true } : {};
}

/** An entry on screen and the magnitude its bar is drawn from. */
export interface Weighed {
  readonly entry: AggEntry;
  /**
   * What the entry is ordered by, as a float: a scalar cell's value, a distribution's
   * Σ bucket value × count. Table bars scale to it; it never decides the order on its own.
   */
  readonly weight: number;
}

type AvgCell = { readonly count: DInt; readonly sum: DInt };
type StddevCell = AvgCell & { readonly sumsq: bigint };

/**
 * The number compareValues orders a scalar cell by, or NaN when no float holds it exactly.
 * count/sum/min/max compare their integer; avg the truncating sum/count (with safe integers
 * the float quotient truncates to the same integer: its rounding error stays below 1/count);
 * stddev its integer value (d-language 1.8). The normalize() factor plays no part, as in dtrace.
 */
function rankOf(fn: AggSnapshot['fn'], value: AggValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number.NaN;
  const cell = value as AvgCell;
  let v: bigint;
  if (fn === 'avg') {
    if (typeof cell.count === 'number' && typeof cell.sum === 'number') return cell.count === 0 ? 0 : Math.trunc(cell.sum / cell.count);
    v = averageOf(cell);
  } else {
    v = stddevOf(value as StddevCell);
  }
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** A float for the bar of a cell whose rank is not exact. */
function approximate(fn: AggSnapshot['fn'], value: AggValue): number {
  if (typeof value === 'bigint') return Number(value);
  return fn === 'stddev' ? Number(stddevOf(value as StddevCell)) : Number(averageOf(value as AvgCell));
}

/**
 * Per entry, the numbers compareValues compares, in order: `primary`, then `secondary`.
 * `exact` is false when some cell has no exact float; compareValues is then asked directly.
 */
interface Ranks {
  readonly primary: Float64Array;
  readonly secondary: Float64Array;
  readonly exact: boolean;
  /** Largest |primary|. */
  readonly max: number;
}

/**
 * The quantize family: Σ bucket value × count, then the count in the zero bucket (none for
 * llquantize). compareValues sums exactly; while every term and partial sum is a safe integer
 * the float is that sum, and otherwise the ranks are not exact.
 */
function distributionRanks(agg: AggSnapshot): Ranks {
  const layout = bucketLayout(agg.params);
  const values = layout.map((b) => Number(b.value));
  const zero = agg.fn === 'quantize' ? QUANTIZE_ZERO : agg.fn === 'lquantize' ? layout.findIndex((b) => b.value === 0n) : -1;
  const n = agg.entries.length;
  const primary = new Float64Array(n);
  const secondary = new Float64Array(n);
  let max = 0;
  let exact = true;
  for (let e = 0; e < n; e++) {
    const counts = countsOf((agg.entries[e] as AggEntry).value);
    let total = 0;
    for (let i = 0; i < counts.length && i < values.length; i++) {
      const c = counts[i] as number;
      if (c === 0) continue;
      const term = (values[i] as number) * c;
      total += term;
      if (!Number.isSafeInteger(term) || !Number.isSafeInteger(total)) exact = false;
    }
    primary[e] = total;
    secondary[e] = zero < 0 ? 0 : counts[zero] ?? 0;
    if (!Number.isSafeInteger(secondary[e])) exact = false;
    max = Math.max(max, Math.abs(total));
  }
  return { primary, secondary, exact, max };
}

function scalarRanks(agg: AggSnapshot): Ranks {
  const n = agg.entries.length;
  const primary = new Float64Array(n);
  let exact = true;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const value = (agg.entries[i] as AggEntry).value;
    let w = rankOf(agg.fn, value);
    if (w !== w) {
      exact = false;
      w = approximate(agg.fn, value);
    }
    primary[i] = w;
    const m = w < 0 ? -w : w;
    if (m > max) max = m;
  }
  return { primary, secondary: new Float64Array(n), exact, max };
}

export interface EntryWindow {
  /** The entries on screen, in display order. */
  readonly rows: readonly Weighed[];
  readonly total: number;
  /** Index in the full sorted order of the first row shown. */
  readonly first: number;
  /** Largest |weight| over all entries (bars scale to it). */
  readonly maxWeight: number;
}

/**
 * The `rows` entries on screen, in the order `sortEntries(agg, sortOptions(mode))` lists them.
 * In `value` mode the window is anchored at the tail (the largest values, last as dtrace prints
 * them) and `scroll` moves it towards smaller values; in `key` and `reverse` modes it is
 * anchored at the head.
 */
export function entryWindow(agg: AggSnapshot, mode: SortMode, scroll: number, rows: number): EntryWindow {
  const entries = agg.entries;
  const types = agg.keyTypes;
  const r = isDistribution(agg.fn) ? distributionRanks(agg) : scalarRanks(agg);
  const { primary, secondary } = r;
  const total = entries.length;
  const n = Math.max(0, Math.min(rows, total));
  const s = Math.max(0, Math.min(scroll, total - n));
  const byKey = (a: number, b: number): number => compareKeys((entries[a] as AggEntry).key, (entries[b] as AggEntry).key, types);
  // One comparison shape for every function keeps the heap's call site monomorphic.
  const value = r.exact
    ? (a: number, b: number): number => {
        const x = primary[a] as number;
        const y = primary[b] as number;
        if (x !== y) return x < y ? -1 : 1;
        const u = secondary[a] as number;
        const v = secondary[b] as number;
        return u < v ? -1 : u > v ? 1 : 0;
      }
    : (a: number, b: number): number => compareValues(agg.fn, agg.params, (entries[a] as AggEntry).value, (entries[b] as AggEntry).value);
  const byValue = (a: number, b: number): number => value(a, b) || byKey(a, b);
  const pick = (idx: readonly number[]): Weighed[] => idx.map((i) => ({ entry: entries[i] as AggEntry, weight: primary[i] as number }));
  if (mode === 'value') {
    // The tail of the ascending order is the head of the descending one, read backwards.
    const tail = pick(selectIndices(total, (a, b) => byValue(b, a), s, n)).reverse();
    return { rows: tail, total, first: total - s - n, maxWeight: r.max };
  }
  const cmp = mode === 'key' ? (a: number, b: number) => byKey(a, b) || value(a, b) : (a: number, b: number) => byValue(b, a);
  return { rows: pick(selectIndices(total, cmp, s, n)), total, first: s, maxWeight: r.max };
}
