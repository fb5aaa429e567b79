/*
 * A quantize/lquantize/llquantize aggregation as dtrace's distribution tables (d-language 2.5):
 * the rows, labels, counts and bar rules of the consumer's table (distribution-rows), with bars
 * as wide as the panel allows, up to dtrace's 40 columns.
 *
 * Without keys the panel scrolls over the bucket rows; with keys it shows one table per key in
 * printa()'s order (agg-order) and scrolls over keys. Only the tables on screen are computed.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { countsOf, type AggSnapshot } from '@zsdtrace/probes';
import { keyCell } from './agg-cells.js';
import { entryWindow } from './agg-order.js';
import type { PanelInput } from './AggPanel.js';
import { distributionHeader, distributionRows, LABEL_WIDTH, shownRange, type DistributionRow } from './distribution-rows.js';
import { PanelTitle, titleModel, type TitleModel } from './PanelTitle.js';
import { useTone } from './theme.js';

/** dtrace's bar width; narrower panels get narrower bars, never under 10 columns. */
const MAX_BAR = 40;

/** Lines a histogram panel would like (bounded: keyed panels estimate from the first table). */
export function histogramLines(agg: AggSnapshot): number {
  const first = agg.entries[0];
  if (first === undefined || !Array.isArray(first.value)) return 3;
  const [lo, hi] = shownRange(countsOf(first.value), agg.params);
  const table = 1 + (hi - lo + 1);
  if (agg.keyTypes.length === 0) return 1 + table;
  return 1 + Math.min(agg.entries.length, 8) * (table + 1);
}

export type Line =
  | { readonly kind: 'key' | 'head'; readonly text: string }
  | ({ readonly kind: 'row' } & DistributionRow);

function tableLines(agg: AggSnapshot, counts: readonly number[], barWidth: number): Line[] {
  const rows = distributionRows(counts, agg.params, agg.normal, barWidth);
  return [{ kind: 'head', text: distributionHeader(barWidth) }, ...rows.map((r): Line => ({ kind: 'row', ...r }))];
}

export interface HistogramView {
  readonly kind: 'histogram';
  readonly title: TitleModel;
  readonly height: number;
  readonly empty: boolean;
  readonly lines: readonly Line[];
}

export function histogramView({ agg, width, height, sort, scroll }: PanelInput): HistogramView {
  // Label, space, `|`, bar, count: keep the bar even so mixed-sign halves are equal.
  const barWidth = 2 * Math.floor(Math.max(10, Math.min(MAX_BAR, width - LABEL_WIDTH - 14)) / 2);
  const body = Math.max(1, height - 1);
  const keyed = agg.keyTypes.length > 0;
  let lines: Line[] = [];
  let range: [number, number] | undefined;
  if (!keyed) {
    const value = agg.entries[0]?.value;
    const all = Array.isArray(value) ? tableLines(agg, countsOf(value), barWidth) : [];
    // Keep the column header; scroll the bucket rows under it.
    const rows = all.slice(1);
    const n = Math.max(0, body - 1);
    const s = Math.max(0, Math.min(scroll, rows.length - n));
    if (all[0] !== undefined) lines = [all[0], ...rows.slice(s, s + n)];
  } else {
    // Each table takes at least a key line, a header and one row.
    const win = entryWindow(agg, sort, scroll, Math.max(1, Math.ceil(body / 3)));
    const groups = win.rows.map((r) => {
      const key = r.entry.key.map((k, i) => keyCell(k, agg.keyTypes[i])).join('  ');
      return [{ kind: 'key', text: `  ${key}` } as Line, ...tableLines(agg, countsOf(r.entry.value), barWidth)];
    });
    // In value order the heaviest tables come last (as dtrace prints them): keep the tail.
    lines = groups.flat();
    lines = sort === 'value' ? lines.slice(Math.max(0, lines.length - body)) : lines.slice(0, body);
    if (win.total > win.rows.length && win.rows.length > 0) range = [win.first + 1, win.first + win.rows.length];
  }
  return { kind: 'histogram', title: titleModel(agg, sort, range), height, empty: agg.entries.length === 0, lines };
}

/** Draws a histogram view; see `histogramView` for what it holds. */
export function HistogramPanel({ view, focused }: { readonly view: HistogramView; readonly focused: boolean }): ReactElement {
  const tone = useTone();
  return (
    <Box flexDirection="column" height={view.height} overflow="hidden">
      <PanelTitle title={view.title} focused={focused} />
      {view.empty && <Text color={tone('dim')}>{'  (no entries)'}</Text>}
      {view.lines.map((l, i) =>
        l.kind === 'row' ? (
          <Text key={i} wrap="truncate">
            {l.label}
            <Text color={tone(l.negative ? 'negative' : 'bar')}>{l.left}</Text>
            {'|'}
            <Text color={tone(l.negative ? 'negative' : 'bar')}>{l.right}</Text>
            {l.count}
          </Text>
        ) : (
          <Text key={i} wrap="truncate" color={l.kind === 'head' ? tone('dim') : undefined} bold={l.kind === 'key'}>
            {l.text}
          </Text>
        ),
      )}
    </Box>
  );
}
