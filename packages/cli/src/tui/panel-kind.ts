/*
 * What differs between the two kinds of aggregation panel, for the parts of the dashboard that
 * plan the screen and clamp scrolling without rendering: how many lines a panel would like and
 * how far it can scroll at a given height.
 */

import { countsOf, isDistribution, type AggSnapshot } from '@zsdtrace/probes';
import { tableLines, tableRows } from './AggPanel.js';
import { shownRange } from './distribution-rows.js';
import { histogramLines } from './HistogramPanel.js';

export function isHistogram(agg: AggSnapshot): boolean {
  return isDistribution(agg.fn);
}

export function desiredLines(agg: AggSnapshot): number {
  return isHistogram(agg) ? histogramLines(agg) : tableLines(agg);
}

/** The largest useful scroll offset of a panel `height` lines tall. */
export function maxScroll(agg: AggSnapshot, height: number): number {
  if (!isHistogram(agg)) return Math.max(0, agg.entries.length - tableRows(height));
  if (agg.keyTypes.length > 0) return Math.max(0, agg.entries.length - 1);
  const value = agg.entries[0]?.value;
  if (!Array.isArray(value)) return 0;
  const [lo, hi] = shownRange(countsOf(value), agg.params);
  return Math.max(0, hi - lo + 1 - Math.max(0, height - 2));
}
