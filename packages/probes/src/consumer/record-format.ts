/*
 * One data record of a firing as dtrace's consumer prints it (dt_consume_cpu's record loop):
 * trace() values, printf(), printa(), stack(), sym()/func()/mod(), tracemem() and print().
 *
 * Input: a DataRecord and the display options. Output: its text, with nothing before or after
 * (the probe line and the clause's closing newline belong to text-consumer.ts). Parsed printf
 * formats are cached per format string, since one clause prints the same format many times.
 */

import type { StackFrame } from '../provider/host.js';
import { printa } from './aggregate-print.js';
import type { AggSortOptions } from './aggregate-sort.js';
import { formatPrintf } from './printf.js';
import { isFormatError, parseFormat, type ParsedFormat } from './printf-parse.js';
import {
  DEFAULT_STACK_INDENT, formatRawBytes, formatStack, formatSymbol, formatTraceValue, symbolText,
} from './trace-format.js';
import type { DataRecord, DType, DValue } from './value-model.js';

/** The consumer options that change how records look (dtrace's dynamic options). */
export interface DisplayOptions extends AggSortOptions {
  readonly quiet: boolean;
  readonly strsize: number;
  readonly stackindent?: number;
  readonly rawbytes?: boolean;
  readonly symbol?: (addr: number) => StackFrame | null;
}

const formatCache = new Map<string, ParsedFormat | null>();

/** A format string parsed once; null when it does not parse (the compiler reports that). */
export function cachedFormat(fmt: string): ParsedFormat | null {
  let parsed = formatCache.get(fmt);
  if (parsed === undefined) {
    const p = parseFormat(fmt);
    parsed = isFormatError(p) ? null : p;
    if (formatCache.size > 4096) formatCache.clear();
    formatCache.set(fmt, parsed);
  }
  return parsed;
}

/** print(): the value after its type name; integers in hex as illumos prints scalars. */
function formatPrint(value: DValue, type: DType, typeName: string): string {
  if (typeof value === 'string') return `${typeName} "${value}"`;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const size = type.kind === 'int' ? type.size : 8;
    return `${typeName} 0x${BigInt.asUintN(size * 8, BigInt(value)).toString(16)}`;
  }
  if (value.kind === 'stack') return `${typeName}${formatStack(value)}`;
  return `${typeName} ${symbolText(value)}`;
}

export function formatRecord(rec: DataRecord, opts: DisplayOptions): string {
  switch (rec.kind) {
    case 'trace':
      return formatTraceValue(rec.value, rec.type, opts);
    case 'printf': {
      const parsed = cachedFormat(rec.format);
      return parsed ? formatPrintf(parsed, rec.args, rec.types, opts) : '';
    }
    case 'printa':
      return printa(rec.format, rec.aggs, opts);
    case 'stack':
      return formatStack(rec.value, opts.stackindent ?? DEFAULT_STACK_INDENT);
    case 'sym':
      return formatSymbol(rec.value);
    case 'tracemem':
      return formatRawBytes(rec.bytes);
    case 'print':
      return formatPrint(rec.value, rec.type, rec.typeName);
  }
}
