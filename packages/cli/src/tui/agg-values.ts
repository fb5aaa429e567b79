/*
 * Aggregation keys and values as text and as numbers, for the dashboard and the text fallback.
 *
 * Input: AggSnapshot cells (the runtime's value model). Output: dtrace's textual value of a cell
 * (exact, through bigint where 64-bit arithmetic matters) and a float used only for bars and
 * ordering. Keys are formatted as dtrace formats their types (d-language 2.2, 2.4): 8-byte
 * integers as signed 64-bit, smaller ones at their size, stacks as `module`func+0xoff`.
 *
 * This is the one module the dashboard uses for value formatting, so that it can switch to the
 * consumer's formatting functions without touching the panels. It must not sort or lay out.
 */

import type { AggFunction, AggValue, DType, DValue } from './model.js';

const TWO64 = 1n << 64n;

/** Wraps an integer to the width and signedness dtrace prints it with (d-language 2.2). */
export function wrapInt(v: number | bigint, type: DType | undefined): bigint {
  const size = type?.kind === 'int' ? type.size : 8;
  const bits = BigInt(size * 8);
  // illumos prints 8-byte values signed and 1/2-byte values unsigned (d-language 2.2).
  const signed = size === 8 || size === 4 ? true : type?.kind === 'int' ? type.signed : true;
  return signed ? BigInt.asIntN(Number(bits), BigInt(v)) : BigInt.asUintN(Number(bits), BigInt(v));
}

export function formatKeyElement(v: DValue, type: DType | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') {
    return type === undefined || type.kind === 'int' ? wrapInt(v, type).toString() : formatAddr(v);
  }
  if (v.kind === 'stack') {
    const top = v.frames[0];
    return top === undefined ? '' : formatFrame(top.module, top.func, top.offset);
  }
  if (v.frame === null) return formatAddr(v.addr);
  if (v.kind === 'mod') return v.frame.module;
  if (v.kind === 'func') return `${v.frame.module}\`${v.frame.func}`;
  return formatFrame(v.frame.module, v.frame.func, v.frame.offset);
}

/** All frames of a stack key, one per line, as dtrace prints a stack() key. */
export function stackLines(v: DValue): string[] | null {
  if (typeof v !== 'object' || v.kind !== 'stack') return null;
  return v.frames.map((f) => formatFrame(f.module, f.func, f.offset));
}

function formatFrame(module: string, func: string, offset: number): string {
  return offset === 0 ? `${module}\`${func}` : `${module}\`${func}+0x${offset.toString(16)}`;
}

function formatAddr(v: number | bigint): string {
  return `0x${BigInt.asUintN(64, BigInt(v)).toString(16)}`;
}

const big = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));

/** Integer square root (floor) of a non-negative bigint. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/**
 * The printed value of a scalar cell (count/sum/min/max/avg/stddev), divided by the normalize()
 * factor: avg is the truncating sum/count, stddev the population deviation sqrt(E[x²] - E[x]²)
 * (d-language 1.8). Null for the quantize family.
 */
export function scalarValue(fn: AggFunction, value: AggValue, normal: number): bigint | null {
  const n = BigInt(Math.max(1, Math.trunc(normal)));
  if (typeof value === 'number' || typeof value === 'bigint') return big(value) / n;
  if (Array.isArray(value)) return null;
  const cell = value as { count: number | bigint; sum: number | bigint; sumsq?: bigint };
  const count = big(cell.count);
  if (count === 0n) return 0n;
  const sum = big(cell.sum);
  if (fn !== 'stddev' || cell.sumsq === undefined) return sum / n / count;
  // dt_stddev: the mean of the squares over normal², minus the square of |sum/normal/count|.
  const avgOfSquares = cell.sumsq / n / n / count;
  let mean = sum / n / count;
  if (mean < 0n) mean = -mean;
  const variance = avgOfSquares - mean * mean;
  return isqrt(variance < 0n ? 0n : variance);
}

/** The float used to order and scale a scalar cell; 0 for the quantize family. */
export function cellMagnitude(fn: AggFunction, value: AggValue, normal: number): number {
  const v = scalarValue(fn, value, normal);
  return v === null ? 0 : Number(v);
}

/** The printed text of a scalar value: 64-bit two's complement, like `%lld`. */
export function scalarText(v: bigint): string {
  return BigInt.asIntN(64, ((v % TWO64) + TWO64) % TWO64).toString();
}
