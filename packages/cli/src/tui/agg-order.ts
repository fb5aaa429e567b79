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

/** Weighs every entry once: scalar value, or Σ(bucket value × count) for histograms. */
export function weigh(agg: AggSnapshot): Weighed[] {
  const out: Weighed[] = new Array<Weighed>(agg.entries.length);
  let layout = null;
  for (let i = 0; i < agg.entries.length; i++) {
    const entry = agg.entries[i] as AggEntry;
    let weight: number;
    if (Array.isArray(entry.value)) {
      const buckets = entry.value as readonly number[];
      layout ??= bucketLayout(agg.fn, agg.params, buckets.length);
      weight = histogramWeight(layout, buckets);
    } else {
      weight = cellMagnitude(agg.fn, entry.value, agg.normal);
    }
    out[i] = { entry, weight };
  }
  return out;
}

export function comparator(mode: SortMode, types: readonly DType[]): (a: Weighed, b: Weighed) => number {
  const byValue = (a: Weighed, b: Weighed): number =>
    a.weight !== b.weight ? (a.weight < b.weight ? -1 : 1) : compareKeys(a.entry.key, b.entry.key, types);
  if (mode === 'value') return byValue;
  if (mode === 'reverse') return (a, b) => byValue(b, a);
  return (a, b) => compareKeys(a.entry.key, b.entry.key, types) || (a.weight < b.weight ? -1 : a.weight > b.weight ? 1 : 0);
}

/** The sorted slice [start, start + count) of `items`, keeping at most start + count in a heap. */
export function selectWindow<T>(items: readonly T[], cmp: (a: T, b: T) => number, start: number, count: number): T[] {
  const need = Math.min(items.length, start + count);
  if (need <= 0 || start >= items.length) return [];
  if (need * 4 >= items.length) return [...items].sort(cmp).slice(start, need);
  // Max-heap of the `need` smallest items seen so far.
  const heap: T[] = [];
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i] as T, heap[p] as T) <= 0) return;
      [heap[i], heap[p]] = [heap[p] as T, heap[i] as T];
      i = p;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l] as T, heap[m] as T) > 0) m = l;
      if (r < heap.length && cmp(heap[r] as T, heap[m] as T) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as T, heap[i] as T];
      i = m;
    }
  };
  for (const item of items) {
    if (heap.length < need) {
      heap.push(item);
      up(heap.length - 1);
    } else if (cmp(item, heap[0] as T) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(cmp).slice(start, need);
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
  const weighed = weigh(agg);
  let maxWeight = 0;
  for (const w of weighed) maxWeight = Math.max(maxWeight, Math.abs(w.weight));
  const total = weighed.length;
  const n = Math.max(0, Math.min(rows, total));
  const s = Math.max(0, Math.min(scroll, total - n));
  const cmp = comparator(mode, agg.keyTypes);
  if (mode === 'value') {
    const tail = selectWindow(weighed, (a, b) => cmp(b, a), s, n).reverse();
    return { rows: tail, total, first: total - s - n, maxWeight };
  }
  return { rows: selectWindow(weighed, cmp, s, n), total, first: s, maxWeight };
}
