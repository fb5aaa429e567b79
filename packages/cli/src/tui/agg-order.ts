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
 * Cost: one linear pass reduces every scalar cell to the number compareValues would compare
 * (when that number is exact), then a bounded heap keeps only the rows on screen plus the
 * scroll offset, so a refresh never sorts a whole large aggregation. Cells whose value has no
 * exact number (64-bit values beyond 2^53, the quantize family) are compared by compareValues
 * itself. Must not format text.
 */

import {
  averageOf,
  compareKeys,
  compareValues,
  isDistribution,
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
  /** The cell's value as a float (0 for the quantize family): for bars, never for ordering. */
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

interface ValueOrder {
  /** compareValues over entry indexes. */
  readonly compare: (a: number, b: number) => number;
  /** Bar magnitude per entry. */
  readonly weights: Float64Array;
  /** Largest |weight|. */
  readonly maxWeight: number;
}

/** One pass over the entries: their weights, and the value comparison the heap will use. */
function valueOrder(agg: AggSnapshot): ValueOrder {
  const entries = agg.entries;
  const n = entries.length;
  const weights = new Float64Array(n);
  const byConsumer = (a: number, b: number): number =>
    compareValues(agg.fn, agg.params, (entries[a] as AggEntry).value, (entries[b] as AggEntry).value);
  if (isDistribution(agg.fn)) return { compare: byConsumer, weights, maxWeight: 0 };
  let exact = true;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const value = (entries[i] as AggEntry).value;
    let w = rankOf(agg.fn, value);
    if (w !== w) {
      exact = false;
      w = approximate(agg.fn, value);
    }
    weights[i] = w;
    const m = w < 0 ? -w : w;
    if (m > maxWeight) maxWeight = m;
  }
  const byRank = (a: number, b: number): number => {
    const x = weights[a] as number;
    const y = weights[b] as number;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return { compare: exact ? byRank : byConsumer, weights, maxWeight };
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
  const { compare, weights, maxWeight } = valueOrder(agg);
  const total = entries.length;
  const n = Math.max(0, Math.min(rows, total));
  const s = Math.max(0, Math.min(scroll, total - n));
  const byKey = (a: number, b: number): number => compareKeys((entries[a] as AggEntry).key, (entries[b] as AggEntry).key, types);
  const byValue = (a: number, b: number): number => compare(a, b) || byKey(a, b);
  const pick = (idx: readonly number[]): Weighed[] => idx.map((i) => ({ entry: entries[i] as AggEntry, weight: weights[i] as number }));
  if (mode === 'value') {
    // The tail of the ascending order is the head of the descending one, read backwards.
    const tail = pick(selectIndices(total, (a, b) => byValue(b, a), s, n)).reverse();
    return { rows: tail, total, first: total - s - n, maxWeight };
  }
  const cmp = mode === 'key' ? (a: number, b: number) => byKey(a, b) || compare(a, b) : (a: number, b: number) => byValue(b, a);
  return { rows: pick(selectIndices(total, cmp, s, n)), total, first: s, maxWeight };
}
