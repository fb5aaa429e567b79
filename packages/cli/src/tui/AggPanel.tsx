/*
 * A count/sum/avg/min/max/stddev aggregation as a table: key columns formatted as dtrace
 * formats the key's types, a bar proportional to the largest value, the value as dtrace prints
 * it. Only the rows that fit are computed (agg-order's window), so the cost follows the screen.
 */

import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { AggSnapshot, DType } from './model.js';
import { entryWindow, type SortMode } from './agg-order.js';
import { formatKeyElement, scalarText, scalarValue } from './agg-values.js';
import { PanelTitle } from './PanelTitle.js';
import { bar, padLeft, padRight } from './text.js';
import { useTone } from './theme.js';

export interface PanelProps {
  readonly agg: AggSnapshot;
  readonly width: number;
  /** Lines the panel may use, title included. */
  readonly height: number;
  readonly focused: boolean;
  readonly sort: SortMode;
  readonly scroll: number;
}

/** Lines a table would like: title, column header, one per entry (or the empty note). */
export function tableLines(agg: AggSnapshot): number {
  return 2 + Math.max(1, agg.entries.length);
}

/** Rows a table of `height` lines shows. */
export function tableRows(height: number): number {
  return Math.max(1, height - (height >= 4 ? 2 : 1));
}

function isNumericKey(t: DType | undefined): boolean {
  return t === undefined || t.kind === 'int' || t.kind === 'pointer';
}

export function AggPanel({ agg, width, height, focused, sort, scroll }: PanelProps): ReactElement {
  const tone = useTone();
  const rowsAvail = tableRows(height);
  const win = entryWindow(agg, sort, scroll, rowsAvail);
  const showHeader = height >= 4;
  const range: [number, number] | undefined =
    win.total > win.rows.length && win.rows.length > 0 ? [win.first + 1, win.first + win.rows.length] : undefined;

  const keyCols = agg.keyTypes.length;
  const keyTexts = win.rows.map((r) => r.entry.key.map((k, i) => formatKeyElement(k, agg.keyTypes[i])));
  const valueTexts = win.rows.map((r) => scalarText(scalarValue(agg.fn, r.entry.value, agg.normal) ?? 0n));
  const inner = width - 2;
  const colWidths: number[] = [];
  for (let i = 0; i < keyCols; i++) {
    let w = 3;
    for (const k of keyTexts) w = Math.max(w, (k[i] ?? '').length);
    colWidths.push(w);
  }
  const keyBudget = keyCols === 0 ? 0 : Math.floor(inner * 0.5);
  let keyWidth = colWidths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, keyCols - 1);
  if (keyWidth > keyBudget) {
    // Share the budget: every column keeps its width up to an even share.
    const share = Math.max(3, Math.floor((keyBudget - 2 * (keyCols - 1)) / Math.max(1, keyCols)));
    for (let i = 0; i < keyCols; i++) colWidths[i] = Math.min(colWidths[i] ?? share, share);
    keyWidth = colWidths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, keyCols - 1);
  }
  let valueWidth = 5;
  for (const v of valueTexts) valueWidth = Math.max(valueWidth, v.length);
  const barWidth = Math.min(50, Math.max(0, inner - keyWidth - (keyCols > 0 ? 2 : 0) - valueWidth - 1));
  const drawBar = barWidth >= 5;

  const keyCell = (texts: readonly string[]): string =>
    colWidths
      .map((w, i) => (isNumericKey(agg.keyTypes[i]) ? padLeft(texts[i] ?? '', w) : padRight(texts[i] ?? '', w)))
      .join('  ');

  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <PanelTitle agg={agg} focused={focused} sort={sort} {...(range === undefined ? {} : { range })} />
      {showHeader && (
        <Text color={tone('dim')} wrap="truncate">
          {'  ' + (keyCols > 0 ? padRight('key', keyWidth) + '  ' : '') + (drawBar ? ' '.repeat(barWidth) + ' ' : '') + padLeft('value', valueWidth)}
        </Text>
      )}
      {win.rows.length === 0 && <Text color={tone('dim')}>{'  (no entries)'}</Text>}
      {win.rows.map((r, i) => {
        const cells = win.maxWeight > 0 ? Math.round((Math.abs(r.weight) / win.maxWeight) * barWidth) : 0;
        return (
          <Text key={i} wrap="truncate">
            {'  ' + (keyCols > 0 ? keyCell(keyTexts[i] ?? []) + '  ' : '')}
            {drawBar && <Text color={tone(r.weight < 0 ? 'negative' : 'bar')}>{bar(cells, barWidth, r.weight < 0 ? '-' : '#')}</Text>}
            {(drawBar ? ' ' : '') + padLeft(valueTexts[i] ?? '', valueWidth)}
          </Text>
        );
      })}
    </Box>
  );
}
