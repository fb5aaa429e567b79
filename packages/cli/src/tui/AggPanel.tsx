/*
 * A count/sum/avg/min/max/stddev aggregation as a table: key and value cells as the consumer
 * prints them (agg-cells), rows in printa()'s order (agg-order), a bar proportional to the
 * largest |value|. `tableView` computes only the rows that fit (agg-order's window) into a
 * small view model; the component draws that model. Keeping the aggregation itself out of the
 * props matters: React's development build diffs props for its profiler, which on a
 * 100,000-key snapshot costs more than everything else.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { AggSnapshot } from '@zsdtrace/probes';
import { isNumericKey, keyCell, valueCell } from './agg-cells.js';
import { entryWindow, type SortMode } from './agg-order.js';
import { PanelTitle, titleModel, type TitleModel } from './PanelTitle.js';
import { bar, padLeft, padRight } from './text.js';
import { useTone } from './theme.js';

/** What every panel view is computed from. */
export interface PanelInput {
  readonly agg: AggSnapshot;
  readonly width: number;
  /** Lines the panel may use, title included. */
  readonly height: number;
  readonly sort: SortMode;
  readonly scroll: number;
}

export interface TableView {
  readonly kind: 'table';
  readonly title: TitleModel;
  readonly height: number;
  readonly header: string | null;
  readonly rows: readonly { readonly keys: string; readonly bar: string; readonly negative: boolean; readonly value: string }[];
}

/** Lines a table would like: title, column header, one per entry (or the empty note). */
export function tableLines(agg: AggSnapshot): number {
  return 2 + Math.max(1, agg.entries.length);
}

/** Rows a table of `height` lines shows. */
export function tableRows(height: number): number {
  return Math.max(1, height - (height >= 4 ? 2 : 1));
}

export function tableView({ agg, width, height, sort, scroll }: PanelInput): TableView {
  const win = entryWindow(agg, sort, scroll, tableRows(height));
  const range: [number, number] | undefined =
    win.total > win.rows.length && win.rows.length > 0 ? [win.first + 1, win.first + win.rows.length] : undefined;
  const keyCols = agg.keyTypes.length;
  const keyTexts = win.rows.map((r) => r.entry.key.map((k, i) => keyCell(k, agg.keyTypes[i])));
  const valueTexts = win.rows.map((r) => valueCell(agg, r.entry.value));
  const inner = width - 2;
  const colWidths: number[] = [];
  for (let i = 0; i < keyCols; i++) {
    let w = 3;
    for (const k of keyTexts) w = Math.max(w, (k[i] ?? '').length);
    colWidths.push(w);
  }
  const keyBudget = keyCols === 0 ? 0 : Math.floor(inner * 0.5);
  const sumWidths = (): number => colWidths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, keyCols - 1);
  if (sumWidths() > keyBudget) {
    // Share the budget: every column keeps its width up to an even share.
    const share = Math.max(3, Math.floor((keyBudget - 2 * (keyCols - 1)) / Math.max(1, keyCols)));
    for (let i = 0; i < keyCols; i++) colWidths[i] = Math.min(colWidths[i] ?? share, share);
  }
  const keyWidth = sumWidths();
  let valueWidth = 5;
  for (const v of valueTexts) valueWidth = Math.max(valueWidth, v.length);
  const barWidth = Math.min(50, Math.max(0, inner - keyWidth - (keyCols > 0 ? 2 : 0) - valueWidth - 1));
  const drawBar = barWidth >= 5;
  const keyColumns = (texts: readonly string[]): string =>
    colWidths
      .map((w, i) => (isNumericKey(agg.keyTypes[i]) ? padLeft(texts[i] ?? '', w) : padRight(texts[i] ?? '', w)))
      .join('  ');
  const header =
    height >= 4
      ? '  ' + (keyCols > 0 ? padRight('key', keyWidth) + '  ' : '') + (drawBar ? ' '.repeat(barWidth) + ' ' : '') + padLeft('value', valueWidth)
      : null;
  const rows = win.rows.map((r, i) => {
    const cells = win.maxWeight > 0 ? Math.round((Math.abs(r.weight) / win.maxWeight) * barWidth) : 0;
    return {
      keys: '  ' + (keyCols > 0 ? keyColumns(keyTexts[i] ?? []) + '  ' : ''),
      bar: drawBar ? bar(cells, barWidth, r.weight < 0 ? '-' : '#') : '',
      negative: r.weight < 0,
      value: (drawBar ? ' ' : '') + padLeft(valueTexts[i] ?? '', valueWidth),
    };
  });
  return { kind: 'table', title: titleModel(agg, sort, range), height, header, rows };
}

export function AggPanel({ view, focused }: { readonly view: TableView; readonly focused: boolean }): ReactElement {
  const tone = useTone();
  return (
    <Box flexDirection="column" height={view.height} overflow="hidden">
      <PanelTitle title={view.title} focused={focused} />
      {view.header !== null && (
        <Text color={tone('dim')} wrap="truncate">
          {view.header}
        </Text>
      )}
      {view.rows.length === 0 && <Text color={tone('dim')}>{'  (no entries)'}</Text>}
      {view.rows.map((r, i) => (
        <Text key={i} wrap="truncate">
          {r.keys}
          {r.bar !== '' && <Text color={tone(r.negative ? 'negative' : 'bar')}>{r.bar}</Text>}
          {r.value}
        </Text>
      ))}
    </Box>
  );
}
