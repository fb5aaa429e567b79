/*
 * Printing aggregations as dtrace does (d-language.md 2.4, 2.5; dt_print_aggs, dt_print_datum,
 * dt_printa): the default per-entry line, printa() with and without a format, joined printa of
 * several aggregations, and the automatic print at exit.
 *
 * Default entry: the key columns by type (string `"  %-50s"`, integers `" %16lld"`/`" %8d"`/
 * `" %5d"`/`" %3d"` by size, stacks and symbols as trace() prints them), then one value column
 * per aggregation (`" %16lld"`; stddev `" %16llu"`; the quantize family a table), then `"\n"`.
 * Values are divided by the normalize() factor.
 *
 * Input: snapshots and options; output: text. Which aggregations were already printed is the
 * runtime's knowledge, not this module's.
 */

import { exactCountsOf, isDistribution, scalarOf } from './agg-values.js';
import { joinAggregations, sortAll, type AggSortOptions } from './aggregate-sort.js';
import { formatConversion, resolveSpec, type FormatContext } from './printf.js';
import { formatOf, isFormatError, type ParsedFormat } from '../program/printf-format.js';
import { formatDistribution, type BarStyle } from './quantize-table.js';
import { packedMode, PackedPrinter, type AggDisplayOptions } from './aggregate-packed.js';
import {
  DEFAULT_STACK_INDENT, formatStack, formatSymbol, formatTraceInt, formatTraceString,
} from './trace-format.js';
import type { AggEntry, AggFunction, AggParams, AggSnapshot, AggValue, DType, DValue } from '../program/value-model.js';

export interface AggPrintOptions extends AggSortOptions, FormatContext, AggDisplayOptions {
  readonly rawbytes?: boolean;
}

const INT64: DType = { kind: 'int', size: 8, signed: true };
const UINT64: DType = { kind: 'int', size: 8, signed: false };

/** One key column of the default format. */
export function formatKeyColumn(value: DValue, type: DType | undefined, opts: AggPrintOptions): string {
  if (typeof value === 'string') {
    return formatTraceString(value, { quiet: false, strsize: opts.strsize, rawbytes: opts.rawbytes }, 50);
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return formatTraceInt(value, type?.kind === 'int' ? type.size : 8, false);
  }
  if (value.kind === 'stack') return formatStack(value, opts.stackindent ?? DEFAULT_STACK_INDENT);
  return formatSymbol(value);
}

/** One value column of the default format (a quantize-family value is its table). */
export function formatValueColumn(
  fn: AggFunction, params: AggParams | undefined, value: AggValue, normal: number, style: BarStyle = {},
): string {
  if (isDistribution(fn)) return formatDistribution(exactCountsOf(value), params, normal, style);
  const v = scalarOf(fn, value, normal);
  // stddev is printed `%16llu`; the others `%16lld` (64-bit two's complement either way).
  const shown = fn === 'stddev' ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v);
  return ' ' + shown.toString().padStart(16);
}

/** The bar options of the distribution tables. */
function barStyle(opts: AggDisplayOptions): BarStyle {
  return { zoom: opts.aggzoom, utf8: opts.encoding === 'utf8' };
}

/** A whole default-format entry: keys, value columns, newline. */
function formatRow(
  key: readonly DValue[], types: readonly DType[], aggs: readonly AggSnapshot[], values: readonly AggValue[],
  opts: AggPrintOptions,
): string {
  let out = '';
  for (let i = 0; i < key.length; i++) out += formatKeyColumn(key[i]!, types[i], opts);
  for (let a = 0; a < aggs.length; a++) {
    const agg = aggs[a]!;
    out += formatValueColumn(agg.fn, agg.params, values[a]!, agg.normal, barStyle(opts));
  }
  return out + '\n';
}

export function formatEntry(agg: AggSnapshot, entry: AggEntry, opts: AggPrintOptions): string {
  return formatRow(entry.key, agg.keyTypes, [agg], [entry.value], opts);
}

/** All entries of one aggregation in the default format and sorted order (no leading newline). */
export function printAggregation(agg: AggSnapshot, opts: AggPrintOptions): string {
  return printUnprinted([agg], opts);
}

/**
 * The print at exit: one sorted walk over every entry of every given aggregation, no separator
 * between aggregations. The caller prints dtrace's post-loop newline before it.
 */
export function printUnprinted(aggs: readonly AggSnapshot[], opts: AggPrintOptions): string {
  let out = '';
  // aggpack/agghist print some aggregations compactly, with one header per aggregation.
  const packed = new PackedPrinter(opts);
  for (const { agg, entry } of sortAll(aggs, opts)) {
    const mode = packedMode(agg, opts);
    out += mode ? packed.entry(agg, entry, mode) : formatEntry(agg, entry, opts);
  }
  return out;
}

/** A `%@` conversion: the aggregation value (avg/stddev reduced, a table for distributions). */
function formatAggConversion(
  fmt: ParsedFormat['conversions'][number], agg: AggSnapshot, value: AggValue, spec: ReturnType<typeof resolveSpec>,
  ctx: FormatContext & AggDisplayOptions,
): string {
  if (isDistribution(agg.fn)) return formatDistribution(exactCountsOf(value), agg.params, agg.normal, barStyle(ctx));
  const v = scalarOf(agg.fn, value, agg.normal);
  return formatConversion(fmt, v, agg.fn === 'stddev' ? UINT64 : INT64, spec, ctx);
}

/**
 * printa(fmt, @a, @b…) for each joined row: non-`@` conversions take the key elements in order
 * (and `*` takes one too); successive `%@` take successive aggregations, extra ones repeat the
 * last; conversions past the end of the key print nothing.
 */
export function printaFormatted(fmt: ParsedFormat, aggs: readonly AggSnapshot[], opts: AggPrintOptions): string {
  const first = aggs[0];
  if (!first) return '';
  const types = first.keyTypes;
  let out = '';
  for (const row of joinAggregations(aggs, opts)) {
    let k = 0;
    let a = 0;
    for (const seg of fmt.segments) {
      if (seg.kind === 'text') {
        out += seg.text;
        continue;
      }
      const conv = seg.conv;
      const spec = resolveSpec(conv, () => row.key[k++]);
      if (conv.isAggValue) {
        const i = Math.min(a++, aggs.length - 1);
        out += formatAggConversion(conv, aggs[i]!, row.values[i]!, spec, opts);
      } else {
        const i = k++;
        out += formatConversion(conv, row.key[i], types[i], spec, opts);
      }
    }
  }
  return out;
}

/**
 * A printa() record. Without a format: a newline, then the entries in the default format (one
 * value column per aggregation when several are joined). With one: the formatted rows only.
 */
export function printa(format: string | undefined, aggs: readonly AggSnapshot[], opts: AggPrintOptions): string {
  if (format !== undefined) {
    const parsed = formatOf(format);
    if (isFormatError(parsed)) return '';
    return printaFormatted(parsed, aggs, opts);
  }
  if (aggs.length === 1) return '\n' + printAggregation(aggs[0]!, opts);
  let out = '\n';
  const types = aggs[0]?.keyTypes ?? [];
  for (const row of joinAggregations(aggs, opts)) out += formatRow(row.key, types, aggs, row.values, opts);
  return out;
}
