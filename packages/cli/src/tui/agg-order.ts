/*
 * The order in which the dashboard lists an aggregation's entries, and the window of them that
 * is on screen.
 *
 * Orders mirror dtrace's aggregation sorts (d-language 2.4): `value` is the default (value
 * ascending, ties broken by key), `key` is aggsortkey, `reverse` is aggsortrev (the whole order
 * reversed). Keys compare element by element; integers as unsigned values of their size (so
 * negative keys sort after positive ones), strings bytewise.
 *
 * Cost: one linear pass to weigh the entries, then a bounded heap that keeps only the rows on
 * screen (plus the scroll offset), so a refresh never sorts a whole large aggregation.
 */

import type { AggEntry, AggSnapshot, DType, DValue } from './model.js';
import { cellMagnitude } from './agg-values.js';
import { bucketLayout, histogramWeight } from './buckets.js';
import { formatKeyElement } from './agg-values.js';

export const SORT_MODES = ['value', 'key', 'reverse'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export function nextSortMode(mode: SortMode): SortMode {
  return SORT_MODES[(SORT_MODES.indexOf(mode) + 1) % SORT_MODES.length] ?? 'value';
}

export interface Weighed {
  readonly entry: AggEntry;
  readonly weight: number;
}

function keyRank(v: DValue, type: DType | undefined): bigint | string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') {
    const size = type?.kind === 'int' ? type.size : 8;
    return BigInt.asUintN(size * 8, BigInt(v));
  }
  return formatKeyElement(v, type);
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: readonly DValue[], b: readonly DValue[], types: readonly DType[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = keyRank(a[i] as DValue, types[i]);
    const y = keyRank(b[i] as DValue, types[i]);
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      if (x !== y) return x < y ? -1 : 1;
    } else {
      const c = compareBytes(String(x), String(y));
      if (c !== 0) return c;
    }
  }
  return a.length - b.length;
}

/**
 * Weighs every entry once, into a typed array (no object per entry: at 100,000 keys a refresh
 * would otherwise spend its time in the garbage collector). Scalars weigh their value,
 * histograms Σ(bucket value × count).
 */
export function weights(agg: AggSnapshot): Float64Array {
  const n = agg.entries.length;
  const out = new Float64Array(n);
  // count/sum/min/max cells are plain numbers while they are safe integers: no bigint needed.
  const plain = agg.normal === 1 && (agg.fn === 'count' || agg.fn === 'sum' || agg.fn === 'min' || agg.fn === 'max');
  let layout = null;
  for (let i = 0; i < n; i++) {
    const value = (agg.entries[i] as AggEntry).value;
    if (plain && typeof value === 'number') out[i] = value;
    else if (Array.isArray(value)) {
      const buckets = value as readonly number[];
      layout ??= bucketLayout(agg.fn, agg.params, buckets.length);
      out[i] = histogramWeight(layout, buckets);
    } else out[i] = cellMagnitude(agg.fn, value, agg.normal);
  }
  return out;
}

/** Entries with their weights, for callers that walk a whole aggregation (the text fallback). */
export function weigh(agg: AggSnapshot): Weighed[] {
  const w = weights(agg);
  return agg.entries.map((entry, i) => ({ entry, weight: w[i] ?? 0 }));
}

export function comparator(mode: SortMode, types: readonly DType[]): (a: Weighed, b: Weighed) => number {
  const byValue = (a: Weighed, b: Weighed): number =>
    a.weight !== b.weight ? (a.weight < b.weight ? -1 : 1) : compareKeys(a.entry.key, b.entry.key, types);
  if (mode === 'value') return byValue;
  if (mode === 'reverse') return (a, b) => byValue(b, a);
  return (a, b) => compareKeys(a.entry.key, b.entry.key, types) || (a.weight < b.weight ? -1 : a.weight > b.weight ? 1 : 0);
}

/**
 * The sorted slice [start, start + count) of the indexes 0..n-1 under `cmp`, keeping at most
 * start + count of them in a heap when that is small against n.
 */
export function selectIndices(n: number, cmp: (a: number, b: number) => number, start: number, count: number): number[] {
  const need = Math.min(n, start + count);
  if (need <= 0 || start >= n) return [];
  if (need * 4 >= n) return Array.from({ length: n }, (_, i) => i).sort(cmp).slice(start, need);
  // Max-heap of the `need` smallest indexes seen so far.
  const heap: number[] = [];
  const at = (i: number): number => heap[i] as number;
  const swap = (i: number, j: number): void => {
    const t = at(i);
    heap[i] = at(j);
    heap[j] = t;
  };
  for (let item = 0; item < n; item++) {
    if (heap.length < need) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (cmp(at(i), at(p)) <= 0) break;
        swap(i, p);
        i = p;
      }
    } else if (cmp(item, at(0)) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < need && cmp(at(l), at(m)) > 0) m = l;
        if (r < need && cmp(at(r), at(m)) > 0) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(cmp).slice(start, need);
}

/** `selectIndices` over the items of an array. */
export function selectWindow<T>(items: readonly T[], cmp: (a: T, b: T) => number, start: number, count: number): T[] {
  return selectIndices(items.length, (a, b) => cmp(items[a] as T, items[b] as T), start, count).map((i) => items[i] as T);
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
 * The entries on screen. dtrace prints the default order ascending, so the largest values are
 * last: in `value` mode the window is anchored at the tail and `scroll` moves it towards smaller
 * values; in `key` and `reverse` modes it is anchored at the head.
 */
export function entryWindow(agg: AggSnapshot, mode: SortMode, scroll: number, rows: number): EntryWindow {
  const w = weights(agg);
  const entries = agg.entries;
  const types = agg.keyTypes;
  let maxWeight = 0;
  for (let i = 0; i < w.length; i++) maxWeight = Math.max(maxWeight, Math.abs(w[i] as number));
  const total = w.length;
  const n = Math.max(0, Math.min(rows, total));
  const s = Math.max(0, Math.min(scroll, total - n));
  const key = (a: number, b: number): number => compareKeys((entries[a] as AggEntry).key, (entries[b] as AggEntry).key, types);
  const byValue = (a: number, b: number): number => {
    const x = w[a] as number;
    const y = w[b] as number;
    return x !== y ? (x < y ? -1 : 1) : key(a, b);
  };
  const byKey = (a: number, b: number): number => key(a, b) || byValue(a, b);
  const pick = (idx: number[]): Weighed[] => idx.map((i) => ({ entry: entries[i] as AggEntry, weight: w[i] as number }));
  if (mode === 'value') {
    // The tail of the ascending order is the head of the descending one, read backwards.
    const tail = pick(selectIndices(total, (a, b) => byValue(b, a), s, n)).reverse();
    return { rows: tail, total, first: total - s - n, maxWeight };
  }
  const cmp = mode === 'key' ? byKey : (a: number, b: number) => byValue(b, a);
  return { rows: pick(selectIndices(total, cmp, s, n)), total, first: s, maxWeight };
}
