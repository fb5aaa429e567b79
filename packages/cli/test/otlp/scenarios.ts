/*
 * Hand-built engine event sequences (packages/core/src/trace/events.ts) for the export tests,
 * shaped like the engine's: zsched (tid 20) runs a new zone's create while zone_create
 * (zoneadmd, tid 10) waits for READY (spec 3.2), and a concurrent zone_key_delete (tid 30)
 * waits for that create in zsd_wait_for_inprogress (spec 2.13, 2.16) before running the
 * shutdown and destroy callbacks itself.
 */

import type { TraceEvent } from '@zsdtrace/core';
import type { OtlpNames } from '../../src/otlp/index.js';

export const EPOCH = 1_700_000_000_123_456_789n;

export const NAMES: OtlpNames = {
  zone: (id) => (id === 0 ? 'global' : `z${id}`),
  thread: (tid) => ({ 10: 'zoneadmd', 20: 'zsched', 30: 'modunload' })[tid],
  key: (k) => (k === 1 ? 'netstack' : undefined),
};

export function keyDeleteDuringCreate(): TraceEvent[] {
  return [
    { kind: 'opBegin', t: 0, tid: 10, op: 'zone_create', opId: 1, zone: 1 },
    { kind: 'status', t: 100, tid: 20, zone: 1, from: 0, to: 1 },
    { kind: 'needed', t: 110, tid: 20, phase: 'create', zone: 1, key: 1, src: 'configure' },
    { kind: 'inprogress', t: 190, tid: 20, phase: 'create', zone: 1, key: 1 },
    { kind: 'start', t: 200, tid: 20, phase: 'create', zone: 1, key: 1 },
    { kind: 'opBegin', t: 250, tid: 30, op: 'zone_key_delete', opId: 2, key: 1 },
    { kind: 'waitInprogress', t: 300, tid: 30, zone: 1, key: 1, flags: 2, holder: 20 },
    { kind: 'lockAcquire', t: 320, tid: 20, lock: 'netstack_g_lock', blockedNs: 0 },
    { kind: 'waitInprogress', t: 600, tid: 30, zone: 1, key: 1, flags: 2, holder: 20 },
    { kind: 'end', t: 900, tid: 20, phase: 'create', zone: 1, key: 1, result: 77 },
    { kind: 'completed', t: 910, tid: 20, phase: 'create', zone: 1, key: 1 },
    { kind: 'waitEnd', t: 950, tid: 30, wait: 'inprogress', zone: 1, key: 1, since: 300 },
    { kind: 'start', t: 1000, tid: 30, phase: 'shutdown', zone: 1, key: 1 },
    { kind: 'end', t: 1100, tid: 30, phase: 'shutdown', zone: 1, key: 1 },
    { kind: 'start', t: 1200, tid: 30, phase: 'destroy', zone: 1, key: 1 },
    { kind: 'end', t: 1300, tid: 30, phase: 'destroy', zone: 1, key: 1 },
    { kind: 'lockAcquire', t: 1350, tid: 30, lock: 'zonehash_lock', blockedNs: 40 },
    { kind: 'opEnd', t: 1400, tid: 30, op: 'zone_key_delete', opId: 2, key: 1, rc: 0 },
    { kind: 'status', t: 1500, tid: 20, zone: 1, from: 1, to: 2 },
    { kind: 'opEnd', t: 1600, tid: 10, op: 'zone_create', opId: 1, zone: 1 },
  ];
}

/** A creator wait: CN set, nobody running the create yet (holder -1), woken by its completion. */
export function creatorWait(): TraceEvent[] {
  return [
    { kind: 'opBegin', t: 0, tid: 40, op: 'zone_key_create', opId: 7, key: 3 },
    { kind: 'opBegin', t: 10, tid: 41, op: 'zone_shutdown', opId: 8, zone: 2 },
    { kind: 'waitCreator', t: 20, tid: 41, zone: 2, key: 3, flags: 1, holder: -1 },
    { kind: 'start', t: 30, tid: 40, phase: 'create', zone: 2, key: 3 },
    { kind: 'end', t: 80, tid: 40, phase: 'create', zone: 2, key: 3, result: 5 },
    { kind: 'waitEnd', t: 90, tid: 41, wait: 'creator', zone: 2, key: 3, since: 20 },
    { kind: 'opEnd', t: 100, tid: 40, op: 'zone_key_create', opId: 7, key: 3 },
    { kind: 'opEnd', t: 120, tid: 41, op: 'zone_shutdown', opId: 8, zone: 2, rc: 0 },
  ];
}

/** Two operations that never return, and the scheduler's deadlock finding (legacy S1). */
export function deadlock(): TraceEvent[] {
  return [
    { kind: 'opBegin', t: 0, tid: 50, op: 'zone_key_create', opId: 1, key: 4 },
    { kind: 'start', t: 10, tid: 50, phase: 'create', zone: 0, key: 4 },
    { kind: 'opBegin', t: 20, tid: 51, op: 'zone_create', opId: 2, zone: 3 },
    { kind: 'finding', t: 500, tid: -1, finding: 'deadlock', message: 'every live thread is blocked' },
  ];
}

/** `n` independent key creations with one callback each: 2n spans. */
export function manyKeys(n: number, t0 = 0): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = 0; i < n; i++) {
    const t = t0 + i * 100;
    out.push(
      { kind: 'opBegin', t, tid: 60, op: 'zone_key_create', opId: 1000 + i, key: 100 + i },
      { kind: 'start', t: t + 10, tid: 60, phase: 'create', zone: 0, key: 100 + i },
      { kind: 'end', t: t + 50, tid: 60, phase: 'create', zone: 0, key: 100 + i, result: i + 1 },
      { kind: 'opEnd', t: t + 60, tid: 60, op: 'zone_key_create', opId: 1000 + i, key: 100 + i },
    );
  }
  return out;
}
