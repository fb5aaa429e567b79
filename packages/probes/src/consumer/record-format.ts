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
import type { AggDisplayOptions } from './aggregate-packed.js';
import type { AggSortOptions } from './aggregate-sort.js';
import { formatPrintf } from './printf.js';
import { formatOf, isFormatError, type ParsedFormat } from '../program/printf-format.js';
import {
  DEFAULT_STACK_INDENT, formatRawBytes, formatStack, formatSymbol, formatTraceValue, symbolText,
} from './trace-format.js';
import type { DataRecord, DType, DValue } from '../program/value-model.js';

/** The consumer options that change how records look (dtrace's dynamic options). */
export interface DisplayOptions extends AggSortOptions, AggDisplayOptions {
  readonly quiet: boolean;
  readonly strsize: number;
  readonly stackindent?: number;
  readonly rawbytes?: boolean;
  readonly symbol?: (addr: number) => StackFrame | null;
}

/** A record's format, parsed (once, by the compiler); null when it does not parse (the compiler reports that). */
export function cachedFormat(fmt: string): ParsedFormat | null {
  const p = formatOf(fmt);
  return isFormatError(p) ? null : p;
}

/** An integer as illumos print() shows it: `%#llx` of the value at its size (0 stays `0`). */
function printHex(v: DValue, type: DType): string {
  const size = type.kind === 'int' ? type.size : 8;
  const n = BigInt.asUintN(size * 8, typeof v === 'bigint' ? v : BigInt(typeof v === 'number' ? v : 0));
  return n === 0n ? '0' : `0x${n.toString(16)}`;
}

/** One member's value in print(): strings as illumos prints a nested char array, `[ "text" ]`. */
function printValue(value: DValue, type: DType): string {
  if (typeof value === 'string') return `[ "${value}" ]`;
  if (typeof value === 'number' || typeof value === 'bigint') return printHex(value, type);
  if (value.kind === 'stack') return formatStack(value).trimEnd();
  return symbolText(value);
}

/**
 * print() as illumos dt_print.c lays it out: `<type> <value>` for a scalar (`int 0x510`), and
 * for a struct the type name, ` {`, one `<type> <member> = <value>` line per member indented by
 * four spaces, and `}`. Every print() ends its output with a newline.
 */
function formatPrint(rec: Extract<DataRecord, { kind: 'print' }>): string {
  if (rec.text !== undefined) return rec.text;
  if (rec.members) {
    let out = `${rec.typeName} {\n`;
    for (const m of rec.members) out += `    ${m.typeName} ${m.name} = ${printValue(m.value, m.type)}\n`;
    return `${out}}\n`;
  }
  // dt_print.c leaves the brackets off a string printed on its own: `string "text"`.
  const shown = typeof rec.value === 'string' ? `"${rec.value}"` : printValue(rec.value, rec.type);
  return `${rec.typeName} ${shown}\n`;
}

/** The file name a freopen() record asks for (its printf-formatted text). */
export function freopenPath(rec: Extract<DataRecord, { kind: 'freopen' }>, opts: DisplayOptions): string {
  const parsed = cachedFormat(rec.format);
  return parsed ? formatPrintf(parsed, rec.args, rec.types, opts) : rec.format;
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
      return formatPrint(rec);
    case 'freopen':
    case 'setopt':
      // The text consumer switches its output or options; the record itself prints nothing.
      return '';
  }
}
