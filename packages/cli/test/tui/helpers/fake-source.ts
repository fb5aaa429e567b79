/*
 * A DashboardSource for tests: it serves a snapshot built from mutable fields, records every
 * command it receives, and applies pause and clear to its own state the way the CLI would.
 */

import type { AggSnapshot, DType } from '@zsdtrace/probes';
import type { DashboardSnapshot, DashboardSource, EngineState } from '../../../src/tui/source.js';

export const STR: DType = { kind: 'string' };
export const INT64: DType = { kind: 'int', size: 8, signed: true };
export const INT32: DType = { kind: 'int', size: 4, signed: true };

export function countAgg(id: number, name: string, rows: readonly (readonly [string, number])[]): AggSnapshot {
  return {
    id,
    name,
    fn: 'count',
    keyTypes: [STR],
    normal: 1,
    entries: rows.map(([k, v]) => ({ key: [k], value: v })),
  };
}

/** A quantize cell with `counts` placed at powers of two: {1: 3} puts 3 in the bucket of 1. */
export function quantizeBuckets(counts: Readonly<Record<number, number>>): number[] {
  const b = new Array<number>(127).fill(0);
  for (const [v, c] of Object.entries(counts)) {
    const n = Number(v);
    const idx = n === 0 ? 63 : 63 + Math.sign(n) * (Math.floor(Math.log2(Math.abs(n))) + 1);
    b[idx] = c;
  }
  return b;
}

export interface FakeSource extends DashboardSource {
  snapshot: Omit<DashboardSnapshot, 'log'>;
  /** Lines handed out by the next poll. */
  pending: string[];
  readonly calls: string[];
  polls: number;
}

export function fakeSource(aggs: AggSnapshot[] = [], engine: EngineState | null = null): FakeSource {
  const src: FakeSource = {
    info: { script: 'lat.d', workload: 'illumos', seed: 42, algorithm: 'current' },
    snapshot: {
      aggs,
      wallMs: 12_300,
      virtualNs: 12_301_000_000,
      probesMatched: 34,
      firings: 1_234_567,
      firingsPerSec: 102_345,
      drops: 0,
      errors: 0,
      engine,
      paused: false,
      done: false,
    },
    pending: [],
    calls: [],
    polls: 0,
    poll() {
      src.polls++;
      const log = src.pending;
      src.pending = [];
      return { ...src.snapshot, log };
    },
    pause(p) {
      src.calls.push(`pause:${p}`);
      src.snapshot = { ...src.snapshot, paused: p };
    },
    clear() {
      src.calls.push('clear');
      src.snapshot = { ...src.snapshot, aggs: src.snapshot.aggs.map((a) => ({ ...a, entries: [] })) };
    },
    quit() {
      src.calls.push('quit');
    },
    abort() {
      src.calls.push('abort');
    },
  };
  return src;
}
