/*
 * How dtrace prints one traced value: trace() by size and type (illumos column of d-language.md
 * 2.2), stacks (dt_print_stack), symbols (dt_print_sym / dt_print_mod), addresses (%a) and the
 * raw hex dump used for unprintable data and tracemem() (dt_print_bytes).
 *
 * Input: a DValue with its DType. Output: text. These are also the key columns of aggregation
 * printing, so aggregate-print.ts reuses them. Must not know about probes or records.
 */

import type { StackFrame } from '../provider/host.js';
import { formatString, widthSpec } from './c-format.js';
import type { DInt, DStack, DSymbol, DType, DValue } from '../program/value-model.js';
import { hasRawBytes, stringBytes } from '../program/raw-bytes.js';

/** dtrace's default stack indentation (`_dtrace_stkindent`). */
export const DEFAULT_STACK_INDENT = 14;
/** Left margin of the raw hex dump. */
const DUMP_MARGIN = 5;

export interface TraceFormatOptions {
  readonly quiet: boolean;
  readonly strsize: number;
  readonly rawbytes?: boolean;
  readonly stackindent?: number;
}

/** A D integer as a bigint of the given width, signed or unsigned (two's complement). */
export function intOfSize(v: DInt, bytes: number, signed: boolean): bigint {
  const b = typeof v === 'bigint' ? v : BigInt(v);
  return signed ? BigInt.asIntN(bytes * 8, b) : BigInt.asUintN(bytes * 8, b);
}

/** ``module`func+0xoff``, or ``module`func`` at offset 0 (dt_print_stack, dtrace_addr2str). */
export function frameText(frame: StackFrame, withOffset = true): string {
  // A frame of an interpreted stack (a JavaScript function) carries its whole text in `func`.
  if (frame.module === '') return frame.func;
  if (withOffset && frame.offset > 0) return `${frame.module}\`${frame.func}+0x${frame.offset.toString(16)}`;
  return `${frame.module}\`${frame.func}`;
}

/** An address as %a prints it: symbolic when it resolves, else `0x…`. */
export function addressText(addr: number | bigint, symbol?: (addr: number) => StackFrame | null): string {
  const frame = symbol ? symbol(Number(addr)) : null;
  if (frame) return frameText(frame);
  return `0x${BigInt.asUintN(64, BigInt(addr)).toString(16)}`;
}

/**
 * A stack as dtrace prints it: a newline, then one line per frame indented by `indent`.
 * `fmt` formats each frame's text (printf's %k passes its own width).
 */
export function formatStack(stack: DStack, indent = DEFAULT_STACK_INDENT, fmt?: (s: string) => string): string {
  let out = '\n';
  const pad = ' '.repeat(indent);
  for (const frame of stack.frames) {
    const text = frameText(frame);
    out += pad + (fmt ? fmt(text) : text) + '\n';
  }
  return out;
}

/** The text of sym()/func() (``mod`func``, no offset) or mod() (the module). */
export function symbolText(sym: DSymbol): string {
  const hex = `0x${BigInt.asUintN(64, BigInt(sym.addr)).toString(16)}`;
  if (sym.kind === 'mod') return sym.frame ? sym.frame.module : hex;
  return sym.frame ? frameText(sym.frame, false) : hex;
}

/** sym()/func()/mod() records and keys: `"  %-50s"` in every mode. */
export function formatSymbol(sym: DSymbol): string {
  return '  ' + formatString(symbolText(sym), widthSpec(50, true));
}

/** Whether dtrace would print these bytes as a string (isprint/isspace/\b/\a throughout). */
function printable(s: string): boolean {
  if (hasRawBytes(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (c >= 0x07 && c <= 0x0d) continue; // \a \b \t \n \v \f \r
    return false;
  }
  return true;
}

/** The hex dump of dt_print_bytes: a column header, then 16 bytes per row with their ASCII. */
export function formatRawBytes(bytes: Uint8Array): string {
  const margin = ' '.repeat(DUMP_MARGIN);
  let out = `\n${margin}      `;
  for (let i = 0; i < 16; i++) out += `  ${'0123456789abcdef'[i]}`;
  out += '  0123456789abcdef\n';
  for (let i = 0; i < bytes.length; i += 16) {
    out += margin + i.toString(16).padStart(5, ' ') + ':';
    let j = i;
    for (; j < i + 16 && j < bytes.length; j++) out += ' ' + bytes[j]!.toString(16).padStart(2, '0');
    for (; j % 16 !== 0; j++) out += '   ';
    out += '  ';
    for (j = i; j < i + 16 && j < bytes.length; j++) {
      const c = bytes[j]!;
      out += c < 0x20 || c > 0x7e ? '.' : String.fromCharCode(c);
    }
    out += '\n';
  }
  return out;
}

/** A string's bytes as a strsize-long record (NUL padded), for the raw dump. */
function stringRecord(s: string, strsize: number): Uint8Array {
  const buf = new Uint8Array(Math.max(strsize, 1));
  const enc = stringBytes(s);
  buf.set(enc.subarray(0, buf.length));
  return buf;
}

/**
 * A string as trace() prints it: `"  %-33s"` (not quiet) or `"%s"` (quiet); a string holding
 * unprintable characters, or any string under `rawbytes`, is hex-dumped as its record.
 * (dtrace would also dump the empty string; here it prints as an empty field.)
 */
export function formatTraceString(s: string, opts: TraceFormatOptions, width = 33): string {
  const str = s.length > opts.strsize ? s.slice(0, opts.strsize) : s;
  if (opts.rawbytes || !printable(str)) return formatRawBytes(stringRecord(str, opts.strsize));
  if (opts.quiet) return str;
  return '  ' + formatString(str, widthSpec(width, true));
}

/** Integer widths of the illumos trace() column, by size. */
const TRACE_WIDTH: Readonly<Record<number, number>> = { 8: 16, 4: 8, 2: 5, 1: 3 };

/**
 * An integer as trace() prints it. illumos prints 8- and 4-byte values as signed and 2- and
 * 1-byte values as unsigned, whatever the declared signedness.
 */
export function formatTraceInt(v: DInt, size: number, quiet: boolean): string {
  const text = intOfSize(v, size, size >= 4).toString();
  if (quiet) return text;
  return ' ' + text.padStart(TRACE_WIDTH[size] ?? 16, ' ');
}

/** Any traced value by its type. */
export function formatTraceValue(value: DValue, type: DType, opts: TraceFormatOptions): string {
  if (typeof value === 'string') return formatTraceString(value, opts);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const size = type.kind === 'int' ? type.size : 8;
    return formatTraceInt(value, size, opts.quiet);
  }
  if (value.kind === 'stack') return formatStack(value, opts.stackindent ?? DEFAULT_STACK_INDENT);
  return formatSymbol(value);
}

/** A character with C escapes for %C and %S (dtrace's strchr2esc). */
export function escapeChar(c: string): string {
  switch (c) {
    case '\0': return '\\0';
    case '\x07': return '\\a';
    case '\b': return '\\b';
    case '\f': return '\\f';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    case '\v': return '\\v';
    case '"': return '\\"';
    case '\\': return '\\\\';
    default: {
      const code = c.charCodeAt(0);
      if (code < 0x20 || code === 0x7f) return '\\' + code.toString(8).padStart(3, '0');
      return c;
    }
  }
}

export function escapeString(s: string): string {
  let out = '';
  for (const c of s) out += escapeChar(c);
  return out;
}
