/*
 * One aggregation key element or value as the text of a panel cell.
 *
 * These are the consumer's key and value columns (formatKeyColumn, formatValueColumn) without
 * their fixed widths, since a panel sizes its own columns: integers through formatTraceInt at
 * their size (8- and 4-byte signed, 2- and 1-byte unsigned, d-language 2.2), symbols through
 * symbolText, each stack frame through frameText, and the scalar value through
 * formatValueColumn itself (avg and stddev reduced, normalize() applied, stddev unsigned).
 *
 * A cell is one line: a stack key shows its frames on one line, innermost first, separated by
 * ` < ` (dtrace prints one frame per line), and control characters in a string key show as `.`
 * (dtrace would dump such a string in hex over several lines). Must not pad or truncate.
 */

import {
  formatTraceInt,
  formatValueColumn,
  frameText,
  symbolText,
  type AggSnapshot,
  type AggValue,
  type DType,
  type DValue,
} from '@zsdtrace/probes';

const CONTROL = /[\u0000-\u001f\u007f]/g;

export function keyCell(value: DValue, type: DType | undefined): string {
  if (typeof value === 'string') return value.replace(CONTROL, '.');
  if (typeof value === 'number' || typeof value === 'bigint') return formatTraceInt(value, type?.kind === 'int' ? type.size : 8, true);
  if (value.kind === 'stack') return value.frames.map((f) => frameText(f)).join(' < ');
  return symbolText(value);
}

/** The printed value of a count/sum/avg/min/max/stddev cell. */
export function valueCell(agg: AggSnapshot, value: AggValue): string {
  return formatValueColumn(agg.fn, agg.params, value, agg.normal).trimStart();
}

/** Whether a key column reads as a number (right-aligned, as dtrace's `%16lld`). */
export function isNumericKey(type: DType | undefined): boolean {
  return type === undefined || type.kind === 'int' || type.kind === 'pointer';
}
