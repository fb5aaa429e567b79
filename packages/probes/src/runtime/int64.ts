/*
 * 64-bit integer arithmetic on D values (DESIGN.md section 3, "Integers are 64-bit").
 *
 * A value is a JS number while it is a safe integer and a bigint beyond that, always
 * normalised. Every stored value lies in the range of its type, so comparisons can use JS's
 * native operators (which compare number and bigint exactly). Operations compute the exact
 * result (number fast path, bigint when it would leave the safe range) and the generated code
 * then wraps it to the result type with one of s8…u64, as C does on LP64.
 *
 * Must not throw anything but DFault (division by zero).
 */

import { DFault, FaultCode } from './fault.js';

export type DIntValue = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;

export function norm(b: bigint): DIntValue {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

const big = (x: DIntValue): bigint => (typeof x === 'bigint' ? x : BigInt(x));

export function s64(x: DIntValue): DIntValue {
  return typeof x === 'number' ? x : norm(BigInt.asIntN(64, x));
}
export function u64(x: DIntValue): DIntValue {
  if (typeof x === 'number') return x >= 0 ? x : norm(BigInt.asUintN(64, BigInt(x)));
  return norm(BigInt.asUintN(64, x));
}
export function s32(x: DIntValue): number {
  return typeof x === 'number' ? x | 0 : Number(BigInt.asIntN(32, x));
}
export function u32(x: DIntValue): number {
  return typeof x === 'number' ? x >>> 0 : Number(BigInt.asUintN(32, x));
}
export function s16(x: DIntValue): number {
  return (s32(x) << 16) >> 16;
}
export function u16(x: DIntValue): number {
  return s32(x) & 0xffff;
}
export function s8(x: DIntValue): number {
  return (s32(x) << 24) >> 24;
}
export function u8(x: DIntValue): number {
  return s32(x) & 0xff;
}

export function add(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(big(a) + big(b));
}
export function sub(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(big(a) - big(b));
}
export function mul(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r;
  }
  return norm(big(a) * big(b));
}
/** C division: truncates toward zero; a zero divisor is a divide-by-zero fault. */
export function div(a: DIntValue, b: DIntValue): DIntValue {
  if (b === 0) throw new DFault(FaultCode.DIVZERO);
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.trunc(a / b);
    return r === 0 ? 0 : r;
  }
  return norm(big(a) / big(b));
}
export function mod(a: DIntValue, b: DIntValue): DIntValue {
  if (b === 0) throw new DFault(FaultCode.DIVZERO);
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  return norm(big(a) % big(b));
}
export function neg(a: DIntValue): DIntValue {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : norm(-a);
}
/** Shift counts use the low six bits, as the 64-bit registers of DIF do. */
export function shl(a: DIntValue, n: DIntValue): DIntValue {
  const k = Number(big(n) & 63n);
  if (typeof a === 'number') {
    const r = a * 2 ** k;
    if (r <= MAX && r >= -MAX) return r;
  }
  return norm(BigInt.asIntN(64, big(a) << BigInt(k)));
}
/** Right shift of the value as stored: arithmetic for signed, logical for (non-negative) unsigned. */
export function shr(a: DIntValue, n: DIntValue): DIntValue {
  const k = Number(big(n) & 63n);
  if (typeof a === 'number') return Math.floor(a / 2 ** k);
  return norm(a >> BigInt(k));
}
export function band(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return norm(big(a) & big(b));
}
export function bor(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return norm(big(a) | big(b));
}
export function bxor(a: DIntValue, b: DIntValue): DIntValue {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return norm(big(a) ^ big(b));
}
export function bnot(a: DIntValue): DIntValue {
  return typeof a === 'number' ? -a - 1 : norm(~a);
}

/** Converts any probe argument to a D integer (arg0…arg9): objects give their `addr`. */
export function toInt(v: unknown): DIntValue {
  switch (typeof v) {
    case 'number':
      return Number.isSafeInteger(v) ? v : Number.isFinite(v) ? s64(BigInt(Math.trunc(v))) : 0;
    case 'bigint':
      return s64(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'object':
      if (v === null) return 0;
      return toInt((v as { addr?: unknown }).addr ?? 0);
    default:
      return 0;
  }
}
