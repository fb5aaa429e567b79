/*
 * The final aggregations of a run with several targets (several -p, or a -c command that
 * starts more Node.js processes): each target ran the same program, so the same aggregation
 * ids; entries with equal keys combine as the aggregating function combines them, as dtrace
 * combines its per-CPU buffers, and the result is sorted as dtrace sorts.
 */

import { sortEntries, type AggEntry, type AggSnapshot, type AggValue } from '@zsdtrace/probes';

type Sorting = Parameters<typeof sortEntries>[1];

function add(a: number | bigint, b: number | bigint): number | bigint {
  const s = BigInt(a) + BigInt(b);
  return s >= BigInt(Number.MIN_SAFE_INTEGER) && s <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : s;
}

function combine(fn: AggSnapshot['fn'], x: AggValue, y: AggValue): AggValue {
  if (Array.isArray(x) && Array.isArray(y)) return (x as readonly (number | bigint)[]).map((v, i) => add(v, (y as readonly (number | bigint)[])[i] ?? 0));
  if (typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
    type Avg = { readonly count: number | bigint; readonly sum: number | bigint; readonly sumsq?: bigint };
    const [p, q] = [x as Avg, y as Avg];
    const sum = { count: add(p.count, q.count), sum: add(p.sum, q.sum) };
    return p.sumsq !== undefined && q.sumsq !== undefined ? { ...sum, sumsq: p.sumsq + q.sumsq } : sum;
  }
  const a = x as number | bigint;
  const b = y as number | bigint;
  if (fn === 'min') return a < b ? a : b;
  if (fn === 'max') return a > b ? a : b;
  return add(a, b);
}

/** One list of aggregations from the lists of all targets. */
export function mergeAggregations(lists: readonly (readonly AggSnapshot[])[], sorting?: Sorting): AggSnapshot[] {
  if (lists.length === 1) return [...lists[0]!];
  const byId = new Map<number, { agg: AggSnapshot; entries: Map<string, AggEntry> }>();
  for (const list of lists) {
    for (const agg of list) {
      let m = byId.get(agg.id);
      if (!m) byId.set(agg.id, (m = { agg, entries: new Map() }));
      for (const e of agg.entries) {
        const k = JSON.stringify(e.key, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
        const had = m.entries.get(k);
        m.entries.set(k, had ? { key: e.key, value: combine(agg.fn, had.value, e.value) } : e);
      }
    }
  }
  return [...byId.values()]
    .sort((a, b) => a.agg.id - b.agg.id)
    .map(({ agg, entries }) => {
      const merged = { ...agg, entries: [...entries.values()] };
      return { ...merged, entries: sortEntries(merged, sorting) };
    });
}
