/*
 * The dashboard's stand-in without a terminal: the text the CLI writes every aggrate interval.
 * One call prints the log lines gathered since the previous poll, then every aggregation of the
 * snapshot in dtrace's default format (d-language 2.4, 2.5): a blank line, then one sorted walk
 * in aggregation order, key columns (`  %-50s` strings, ` %16lld`/` %8d`/` %5d`/` %3d` integers),
 * a ` %16lld` value column, distributions as tables followed by a blank line.
 *
 * It formats and writes; it never decides when to print (the CLI's timer does).
 */

import type { AggSnapshot, DType, DValue } from './model.js';
import { comparator, weigh } from './agg-order.js';
import { formatKeyElement, scalarText, scalarValue, stackLines } from './agg-values.js';
import { bucketLayout, printedRange } from './buckets.js';
import type { DashboardSnapshot } from './source.js';

export interface TextSink {
  write(text: string): unknown;
}

const INT_WIDTH: Record<number, number> = { 1: 3, 2: 5, 4: 8, 8: 16 };
const BAR = 40;

function keyColumn(v: DValue, t: DType | undefined): string {
  const stack = stackLines(v);
  if (stack !== null) return '\n' + stack.map((l) => ' '.repeat(14) + l).join('\n') + '\n';
  const text = formatKeyElement(v, t);
  if (typeof v === 'string') return '  ' + text.padEnd(50);
  const width = t?.kind === 'int' ? (INT_WIDTH[t.size] ?? 16) : 16;
  return ' ' + text.padStart(width);
}

/** dtrace's distribution table for one cell (positive counts; negative ones drawn leftwards). */
export function distributionText(agg: AggSnapshot, buckets: readonly number[]): string {
  const layout = bucketLayout(agg.fn, agg.params, buckets.length);
  const [lo, hi] = printedRange(agg.fn, buckets);
  const norm = Math.max(1, Math.trunc(agg.normal));
  let total = 0;
  for (let i = lo; i <= hi; i++) total += Math.abs(Math.trunc((buckets[i] ?? 0) / norm));
  let out = `\n${'value'.padStart(16)} ${'------------- Distribution -------------'.padStart(41)} ${'count'.padEnd(9)}\n`;
  for (let i = lo; i <= hi; i++) {
    const count = Math.trunc((buckets[i] ?? 0) / norm);
    const d = total === 0 ? 0 : Math.round((Math.abs(count) * BAR) / total);
    const drawn = count < 0 ? `${' '.repeat(BAR - d)}${'@'.repeat(d)}|` : `|${'@'.repeat(d)}${' '.repeat(BAR - d)}`;
    out += `${(layout.labels[i] ?? String(i)).padStart(16)} ${drawn} ${String(count).padEnd(9)}\n`;
  }
  return out + '\n';
}

/** Every aggregation of `aggs` in dtrace's default format, as printed at exit. */
export function aggregationsText(aggs: readonly AggSnapshot[]): string {
  let out = '';
  for (const agg of [...aggs].sort((a, b) => a.id - b.id)) {
    const cmp = comparator('value', agg.keyTypes);
    for (const { entry } of weigh(agg).sort(cmp)) {
      for (let i = 0; i < entry.key.length; i++) out += keyColumn(entry.key[i] as DValue, agg.keyTypes[i]);
      if (Array.isArray(entry.value)) out += distributionText(agg, entry.value as readonly number[]);
      else out += ' ' + scalarText(scalarValue(agg.fn, entry.value, agg.normal) ?? 0n).padStart(16) + '\n';
    }
  }
  return out;
}

/**
 * Writes one interval's text: the log lines of the snapshot, then its aggregations after
 * dtrace's blank line. Aggregations with no entries print nothing, as in dtrace.
 */
export function printFallback(out: TextSink, snapshot: DashboardSnapshot): void {
  if (snapshot.log.length > 0) out.write(snapshot.log.join('\n') + '\n');
  const text = aggregationsText(snapshot.aggs);
  if (text !== '') out.write('\n' + text);
}
