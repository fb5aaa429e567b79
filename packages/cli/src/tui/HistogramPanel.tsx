/*
 * A quantize/lquantize/llquantize aggregation as dtrace's distribution tables (d-language 2.5):
 * the rows dtrace would print (one bucket either side of the non-zero ones), labels as dtrace
 * writes them, `@` bars proportional to the row's share of the total, rounded. The bar is
 * narrower than dtrace's 40 columns when the terminal is.
 *
 * Without keys the panel scrolls over the bucket rows; with keys it shows one table per key in
 * sort order and scrolls over keys. Only the tables on screen are computed.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { AggSnapshot } from './model.js';
import { entryWindow } from './agg-order.js';
import { formatKeyElement } from './agg-values.js';
import { bucketLayout, printedRange } from './buckets.js';
import type { PanelInput } from './AggPanel.js';
import { PanelTitle, titleModel, type TitleModel } from './PanelTitle.js';
import { bar, padLeft, padRight } from './text.js';
import { useTone } from './theme.js';

const LABEL_WIDTH = 16;

/** Lines a histogram panel would like (bounded: keyed panels estimate from the first table). */
export function histogramLines(agg: AggSnapshot): number {
  const first = agg.entries[0];
  if (first === undefined || !Array.isArray(first.value)) return 3;
  const buckets = first.value as readonly number[];
  const [lo, hi] = printedRange(agg.fn, buckets);
  const table = 1 + (hi - lo + 1);
  if (agg.keyTypes.length === 0) return 1 + table;
  return 1 + Math.min(agg.entries.length, 8) * (table + 1);
}

export interface Line {
  readonly kind: 'key' | 'head' | 'row';
  readonly text: string;
  readonly bar?: string;
  readonly negative?: boolean;
  readonly count?: string;
}

function tableLines(agg: AggSnapshot, buckets: readonly number[], barWidth: number): Line[] {
  const layout = bucketLayout(agg.fn, agg.params, buckets.length);
  const [lo, hi] = printedRange(agg.fn, buckets);
  const norm = Math.max(1, Math.trunc(agg.normal));
  let total = 0;
  for (let i = lo; i <= hi; i++) total += Math.abs(Math.trunc((buckets[i] ?? 0) / norm));
  const dist = ' Distribution ';
  const dashes = Math.max(0, barWidth - dist.length);
  const head = '-'.repeat(Math.floor(dashes / 2)) + dist + '-'.repeat(Math.ceil(dashes / 2));
  const out: Line[] = [{ kind: 'head', text: `${padLeft('value', LABEL_WIDTH)}  ${padRight(head, barWidth)} count` }];
  for (let i = lo; i <= hi; i++) {
    const count = Math.trunc((buckets[i] ?? 0) / norm);
    // Rounded, not truncated, like dtrace's dt_print_quantline.
    const cells = total === 0 ? 0 : Math.round((Math.abs(count) * barWidth) / total);
    out.push({
      kind: 'row',
      text: `${padLeft(layout.labels[i] ?? String(i), LABEL_WIDTH)} |`,
      bar: bar(cells, barWidth, '@'),
      negative: count < 0,
      count: ` ${count}`,
    });
  }
  return out;
}

export interface HistogramView {
  readonly kind: 'histogram';
  readonly title: TitleModel;
  readonly height: number;
  readonly empty: boolean;
  readonly lines: readonly Line[];
}

export function histogramView({ agg, width, height, sort, scroll }: PanelInput): HistogramView {
  const barWidth = Math.max(10, Math.min(40, width - LABEL_WIDTH - 14));
  const body = Math.max(1, height - 1);
  const keyed = agg.keyTypes.length > 0;
  let lines: Line[] = [];
  let range: [number, number] | undefined;
  if (!keyed) {
    const value = agg.entries[0]?.value;
    const all = Array.isArray(value) ? tableLines(agg, value as readonly number[], barWidth) : [];
    // Keep the column header; scroll the bucket rows under it.
    const rows = all.slice(1);
    const n = Math.max(0, body - 1);
    const s = Math.max(0, Math.min(scroll, rows.length - n));
    if (all[0] !== undefined) lines = [all[0], ...rows.slice(s, s + n)];
  } else {
    // Each table takes at least a key line, a header and one row.
    const win = entryWindow(agg, sort, scroll, Math.max(1, Math.ceil(body / 3)));
    const groups = win.rows.map((r) => {
      const key = r.entry.key.map((k, i) => formatKeyElement(k, agg.keyTypes[i])).join('  ');
      return [{ kind: 'key', text: `  ${key}` } as Line, ...tableLines(agg, r.entry.value as readonly number[], barWidth)];
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
            {l.text}
            <Text color={tone(l.negative === true ? 'negative' : 'bar')}>{l.bar}</Text>
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
