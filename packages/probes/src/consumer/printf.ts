/*
 * printf(): formats recorded arguments with a parsed format (d-language.md 2.3).
 *
 * Input: a ParsedFormat (program/printf-format.ts), the recorded values and their D types. Output: the
 * text. As dt_printf.c does, an integer argument is first taken at its own size and signedness
 * — `%d` of a 32-bit -1 is -1, `%u` of it 4294967295, `%x` of a 64-bit -1 sixteen f's — and the
 * `h`/`hh` modifiers then narrow it as C does; `l`, `ll` and `L` change nothing. D computes no
 * floating-point values but holds float and double objects (declared, or read from memory) as
 * their bits: %e/%f/%g, which take only those, print the number the bits encode.
 *
 * Must not throw on a value of an unexpected kind: the compiler checks types, and a mismatch
 * that slips through prints something rather than killing the consumer.
 */

import type { StackFrame } from '../provider/host.js';
import {
  formatFloat, formatInteger, formatString, padField, type FieldSpec,
} from './c-format.js';
import type { Conversion, ParsedFormat } from '../program/printf-format.js';
import { formatTTime, formatYTime } from './time-format.js';
import {
  addressText, DEFAULT_STACK_INDENT, escapeChar, escapeString, formatStack, intOfSize, symbolText,
} from './trace-format.js';
import type { DType, DValue } from '../program/value-model.js';

export { parseFormat, isFormatError, FormatErrorCode, POINTER_WIDTH } from '../program/printf-format.js';
export type {
  ArgKind, Conversion, FormatError, FormatFlags, FormatSegment, LengthModifier, ParsedFormat,
} from '../program/printf-format.js';

export interface FormatContext {
  /** The `strsize` option: strings are cut to this many characters. */
  readonly strsize: number;
  /** Resolves an address for %a/%A. */
  readonly symbol?: (addr: number) => StackFrame | null;
  /** The `stackindent` option, for %k. */
  readonly stackindent?: number;
}

const INT64: DType = { kind: 'int', size: 8, signed: true };

/** Size and signedness of an integer argument of type `t`. */
function intShape(t: DType | undefined): { size: number; signed: boolean } {
  if (t?.kind === 'int') return { size: t.size, signed: t.signed };
  if (t?.kind === 'pointer') return { size: 8, signed: false };
  return { size: 8, signed: true };
}

function asBigInt(v: DValue): bigint {
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string') return 0n;
  return v.kind === 'stack' ? 0n : BigInt(v.addr);
}

const TWO_31 = 2 ** 31;

/** The integer a conversion prints: at the argument's size, then narrowed by h/hh. */
function integerFor(conv: Conversion, v: DValue, t: DType | undefined, signedConv: boolean): bigint | number {
  const shape = intShape(t);
  // Fast path: a number that already fits the argument's type prints as itself (no bigint).
  const plain = conv.length !== 'h' && conv.length !== 'hh';
  if (typeof v === 'number' && plain && shape.size >= 4 && Number.isSafeInteger(v)) {
    if (signedConv ? shape.size === 8 || (v >= -TWO_31 && v < TWO_31) : v >= 0 && (shape.size === 8 || v < TWO_31)) {
      return v;
    }
  }
  let x = intOfSize(asBigInt(v), shape.size, signedConv);
  if (conv.length === 'h') x = signedConv ? BigInt.asIntN(16, x) : BigInt.asUintN(16, x);
  else if (conv.length === 'hh') x = signedConv ? BigInt.asIntN(8, x) : BigInt.asUintN(8, x);
  return x;
}

/** The number a floating conversion prints: a float's or double's bits decoded (pfprint_fp). */
function floatFor(conv: Conversion, v: DValue, t: DType | undefined): number {
  const width = t?.kind === 'int' ? t.float : undefined;
  if (width === undefined) return Number(integerFor(conv, v, t, intShape(t).signed));
  const view = new DataView(new ArrayBuffer(8));
  if (width === 4) {
    view.setInt32(0, Number(BigInt.asIntN(32, asBigInt(v))));
    return view.getFloat32(0);
  }
  view.setBigInt64(0, BigInt.asIntN(64, asBigInt(v)));
  return view.getFloat64(0);
}

/** One conversion with its value, width and precision already resolved. */
export function formatConversion(
  conv: Conversion, value: DValue | undefined, type: DType | undefined, spec: FieldSpec, ctx: FormatContext,
): string {
  if (value === undefined) return '';
  switch (conv.letter) {
    case 'd': {
      // dt_printf.c pfcheck_dint: %d of an unsigned argument prints as %u.
      const signed = intShape(type).signed;
      return formatInteger(integerFor(conv, value, type, signed), signed ? 'd' : 'u', spec, signed);
    }
    case 'i':
      // dt_printf.c prints %i signed at the argument's size whatever its type: a uint16_t
      // 0xffff is -1.
      return formatInteger(integerFor(conv, value, type, true), 'd', spec, true);
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      return formatInteger(integerFor(conv, value, type, false), conv.letter, spec, false);
    case 'p':
      return formatInteger(integerFor(conv, value, { kind: 'pointer' }, false), 'x', spec, false);
    case 'c': {
      const ch = typeof value === 'string' ? value.slice(0, 1) : String.fromCharCode(Number(BigInt.asUintN(8, asBigInt(value))));
      return padField('', ch, spec, false);
    }
    case 'C': {
      const ch = typeof value === 'string' ? value.slice(0, 1) : String.fromCharCode(Number(BigInt.asUintN(8, asBigInt(value))));
      return formatString(escapeChar(ch), spec);
    }
    case 's':
      return formatString(stringOf(value, ctx), spec);
    case 'S':
      return formatString(escapeString(stringOf(value, ctx)), spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      return formatFloat(floatFor(conv, value, type), conv.letter, spec);
    case 'a':
    case 'A':
      if (typeof value === 'object' && value.kind !== 'stack') {
        return formatString(value.frame ? symbolTextWithOffset(value.frame) : addressText(value.addr, ctx.symbol), spec);
      }
      return formatString(addressText(integerFor(conv, value, { kind: 'pointer' }, false), ctx.symbol), spec);
    case 'k':
      if (typeof value === 'object' && value.kind === 'stack') {
        return formatStack(value, ctx.stackindent ?? DEFAULT_STACK_INDENT, (s) => formatString(s, spec));
      }
      return '';
    case 'Y':
      return formatString(formatYTime(BigInt(integerFor(conv, value, INT64, true))), spec);
    case 'T':
      return formatString(formatTTime(BigInt(integerFor(conv, value, INT64, true))), spec);
    default:
      return '';
  }
}

function symbolTextWithOffset(frame: StackFrame): string {
  return frame.offset > 0 ? `${frame.module}\`${frame.func}+0x${frame.offset.toString(16)}` : `${frame.module}\`${frame.func}`;
}

function stringOf(v: DValue, ctx: FormatContext): string {
  if (typeof v === 'string') return v.length > ctx.strsize ? v.slice(0, ctx.strsize) : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v.kind === 'stack') return formatStack(v, ctx.stackindent ?? DEFAULT_STACK_INDENT);
  return symbolText(v);
}

/**
 * A `*` width or precision from its argument: a negative width means `-` (C's rule). As
 * dt_printf.c builds the C format, a precision of 0 or less is left out altogether, so `%.0s`
 * prints the whole string.
 */
export function resolveSpec(
  conv: Conversion, star: () => DValue | undefined,
): FieldSpec {
  let width = conv.width === '*' ? undefined : conv.width;
  let precision = conv.precision === '*' || conv.precision === 0 ? undefined : conv.precision;
  let flags = conv.flags;
  if (conv.width === '*') {
    const w = Number(asBigInt(star() ?? 0));
    if (w < 0) {
      flags = { ...flags, minus: true };
      width = -w;
    } else width = w;
  }
  if (conv.precision === '*') {
    const p = Number(asBigInt(star() ?? 0));
    precision = p <= 0 ? undefined : p;
  }
  return { flags, width, precision };
}

/** printf(fmt, args…): every non-`@` conversion takes its `*` arguments, then its value. */
export function formatPrintf(
  fmt: ParsedFormat, args: readonly DValue[], types: readonly DType[], ctx: FormatContext,
): string {
  let out = '';
  let next = 0;
  for (const seg of fmt.segments) {
    if (seg.kind === 'text') {
      out += seg.text;
      continue;
    }
    const conv = seg.conv;
    const spec = resolveSpec(conv, () => args[next++]);
    if (conv.isAggValue) continue;
    const i = next++;
    out += formatConversion(conv, args[i], types[i], spec, ctx);
  }
  return out;
}
