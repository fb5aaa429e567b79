/*
 * A panel's title line: the aggregation as written in D (`@name = fn()`), how many entries it
 * holds, which of them are on screen, and the sort. The focused panel is marked with `>` (and
 * inverse video when colour is on) so focus is visible on any terminal.
 */

import { Text } from 'ink';
import type { ReactElement } from 'react';
import type { AggSnapshot } from '@zsdtrace/probes';
import type { SortMode } from './agg-order.js';
import { groupDigits } from './text.js';
import { useTone } from './theme.js';

/** What a title shows, computed from the aggregation before rendering (props stay small). */
export interface TitleModel {
  readonly signature: string;
  readonly entries: number;
  readonly sort: SortMode;
  /** 1-based first and last entry (or row) on screen, when not everything is. */
  readonly range?: readonly [number, number];
}

export function titleModel(agg: AggSnapshot, sort: SortMode, range?: readonly [number, number]): TitleModel {
  return { signature: aggSignature(agg), entries: agg.entries.length, sort, ...(range === undefined ? {} : { range }) };
}

export interface PanelTitleProps {
  readonly title: TitleModel;
  readonly focused: boolean;
}

export function aggSignature(agg: AggSnapshot): string {
  const p = agg.params;
  const args =
    p === undefined ? '' : p.fn === 'lquantize' ? `, ${p.base}, ${p.limit}, ${p.step}` : `, ${p.factor}, ${p.low}, ${p.high}, ${p.nsteps}`;
  const keys = agg.keyTypes.length > 0 ? `[${agg.keyTypes.map((t) => t.kind).join(', ')}]` : '';
  const norm = agg.normal !== 1 ? `  normalized /${agg.normal}` : '';
  return `@${agg.name}${keys} = ${agg.fn}(${p === undefined ? '' : '…'}${args})${norm}`;
}

export function PanelTitle({ title, focused }: PanelTitleProps): ReactElement {
  const tone = useTone();
  const { entries: n, range, sort } = title;
  const shown = range === undefined ? '' : `, ${range[0]}-${range[1]} shown`;
  return (
    <Text wrap="truncate">
      <Text color={focused ? tone('focus') : undefined} inverse={focused && tone('focus') !== undefined} bold>
        {`${focused ? '>' : ' '} ${title.signature}`}
      </Text>
      <Text color={tone('dim')}>{`  ${groupDigits(n)} ${n === 1 ? 'entry' : 'entries'}${shown}  sort ${sort}`}</Text>
    </Text>
  );
}
