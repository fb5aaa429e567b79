/*
 * Duration literals of the workload format: "250ns", "10us", "5ms", "2s", a bare number of
 * nanoseconds, or a two-element [min, max] range of those. Parsing returns null on anything
 * else; the validator turns that into a WorkloadError naming the field.
 */

import type { Prng } from '../sim/prng.js';
import type { Duration } from './types.js';

const UNITS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

export function parseDurationLiteral(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s)$/.exec(v.trim());
  if (!m) return null;
  const ns = Math.round(Number(m[1]) * UNITS[m[2]!]!);
  return Number.isSafeInteger(ns) ? ns : null;
}

export function parseDuration(v: unknown): Duration | null {
  if (Array.isArray(v)) {
    if (v.length !== 2) return null;
    const lo = parseDurationLiteral(v[0]);
    const hi = parseDurationLiteral(v[1]);
    if (lo === null || hi === null || hi < lo) return null;
    return lo === hi ? lo : [lo, hi];
  }
  return parseDurationLiteral(v);
}

export function drawDuration(d: Duration, prng: Prng): number {
  return typeof d === 'number' ? d : prng.between(d[0], d[1]);
}

export function formatNs(ns: number): string {
  if (ns % 1e9 === 0 && ns > 0) return `${ns / 1e9}s`;
  if (ns % 1e6 === 0 && ns > 0) return `${ns / 1e6}ms`;
  if (ns % 1e3 === 0 && ns > 0) return `${ns / 1e3}us`;
  return `${ns}ns`;
}
