/*
 * Random aggregation snapshots for property tests: every aggregating function, key tuples of
 * mixed types (strings, integers of each size with negative values, stacks, symbols), values
 * drawn from a small range so ties between values are common, and 64-bit values beyond 2^53.
 * Keys within one snapshot are distinct, as a real aggregation's are.
 */

import type { AggEntry, AggFunction, AggParams, AggSnapshot, AggValue, DType, DValue } from '@zsdtrace/probes';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export const FUNCTIONS: readonly AggFunction[] = ['count', 'sum', 'min', 'max', 'avg', 'stddev', 'quantize', 'lquantize', 'llquantize'];

const KEY_TYPES: readonly DType[] = [
  { kind: 'string' },
  { kind: 'int', size: 4, signed: true },
  { kind: 'int', size: 8, signed: true },
  { kind: 'int', size: 2, signed: false },
  { kind: 'stack' },
  { kind: 'sym' },
];

const LQ: AggParams = { fn: 'lquantize', base: -10, limit: 40, step: 10 };
const LLQ: AggParams = { fn: 'llquantize', factor: 10, low: 0, high: 2, nsteps: 10 };

function bucketCount(fn: AggFunction): number {
  return fn === 'quantize' ? 127 : fn === 'lquantize' ? 7 : 29;
}

export function randomSnapshot(rnd: () => number, fn: AggFunction, size: number): AggSnapshot {
  const int = (n: number): number => Math.floor(rnd() * n);
  const keyTypes = Array.from({ length: int(3) }, () => KEY_TYPES[int(KEY_TYPES.length)] as DType);
  const keyOf = (): DValue[] =>
    keyTypes.map((t): DValue => {
      if (t.kind === 'string') return ['zsched', 'Zsched', 'zoneadmd', 'z', ''][int(5)] + String(int(4));
      if (t.kind === 'stack') {
        return { kind: 'stack', frames: Array.from({ length: 1 + int(3) }, () => ({ module: 'genunix', func: ['a', 'b'][int(2)] as string, offset: int(3) * 4 })) };
      }
      if (t.kind === 'sym') {
        const addr = 4096 + int(8);
        return { kind: 'sym', addr, frame: { module: 'genunix', func: `f${addr}`, offset: 0 } };
      }
      return int(4) === 0 ? -1 - int(5) : int(20);
    });
  const scalar = (): number | bigint => (int(10) === 0 ? 2n ** 60n + BigInt(int(5)) * (int(2) === 0 ? 1n : -1n) : int(12) - 3);
  const valueOf = (): AggValue => {
    if (fn === 'avg') return { count: 1 + int(4), sum: scalar() };
    if (fn === 'stddev') return { count: 1 + int(4), sum: int(20) - 5, sumsq: BigInt(int(400)) };
    if (fn === 'quantize' || fn === 'lquantize' || fn === 'llquantize') {
      const b = new Array<number>(bucketCount(fn)).fill(0);
      for (let k = int(3); k > 0; k--) b[int(b.length)] = int(5) - 1;
      return b;
    }
    return scalar();
  };
  const seen = new Set<string>();
  const entries: AggEntry[] = [];
  for (let tries = 0; entries.length < size && tries < size * 20; tries++) {
    const key = keyOf();
    const id = JSON.stringify(key, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ key, value: valueOf() });
  }
  const params = fn === 'lquantize' ? LQ : fn === 'llquantize' ? LLQ : undefined;
  return { id: 0, name: 'a', fn, keyTypes, normal: 1 + int(2), entries, ...(params === undefined ? {} : { params }) };
}
