/*
 * Coverage from traces: each case N1–N7 recognised from the events that make it, probe sites and
 * wait paths counted, legacy runs covering no probe site, and real runs reaching what they should.
 */

import { describe, expect, it } from 'vitest';
import { createCoverageTracker, createEngine, expandCoverageNames, loadWorkload, runSeed, type TraceEvent } from '../../src/index.js';

let t = 0;
const ev = (e: Record<string, unknown>): TraceEvent => ({ t: t++, tid: 1, ...e }) as unknown as TraceEvent;
const phase = (kind: string, p: string, zone: number, key: number, extra: Record<string, unknown> = {}) => ev({ kind, phase: p, zone, key, ...extra });

function cover(events: readonly TraceEvent[], algorithm: 'current' | 'legacy' = 'current'): Record<string, number> {
  const c = createCoverageTracker({ algorithm });
  for (const e of events) c.onEvent(e);
  return c.counts();
}

const created = (zone: number, key: number, callbacks = 'CSD') => [
  ev({ kind: 'alloc', zone, key, src: 'configure', callbacks }),
  phase('needed', 'create', zone, key, { src: 'configure' }),
  phase('inprogress', 'create', zone, key),
  phase('start', 'create', zone, key),
  phase('end', 'create', zone, key, { result: 1 }),
  phase('completed', 'create', zone, key),
];

describe('coverage tracker', () => {
  it('N1: destroy of a created entry whose shutdown never ran; not when the key has no shutdown', () => {
    const destroy = [phase('needed', 'destroy', 1, 1, { src: 'zoneDestroy' }), phase('inprogress', 'destroy', 1, 1)];
    expect(cover([...created(1, 1), ...destroy]).N1).toBe(1);
    expect(cover([...created(1, 1, 'C-D'), ...destroy]).N1).toBeUndefined();
  });

  it('N2 and N3: shutdown after destroy; destroy while shutdown is still NEEDED', () => {
    const c = cover([
      ...created(1, 1),
      phase('needed', 'destroy', 1, 1, { src: 'zoneDestroy' }),
      phase('needed', 'shutdown', 1, 1, { src: 'keyDelete' }),
      phase('inprogress', 'destroy', 1, 1),
      phase('completed', 'destroy', 1, 1),
      phase('inprogress', 'shutdown', 1, 1),
      phase('start', 'shutdown', 1, 1),
    ]);
    expect(c.N3).toBe(1);
    expect(c.N2).toBe(1);
    expect(c['zsd-shutdown-needed@zone_key_delete']).toBe(1);
  });

  it('N4, N5, N6, N7', () => {
    const c = cover([
      ev({ kind: 'alloc', zone: 2, key: 3, src: 'keyCreate', callbacks: 'C--' }),
      phase('needed', 'create', 2, 3, { src: 'keyCreate' }),
      ev({ kind: 'status', zone: 2, from: 1, to: 2 }),
      ev({ kind: 'status', zone: 2, from: 6, to: 7 }),
      phase('start', 'create', 2, 3),
      ev({ kind: 'setspecific', zone: 2, key: 9, value: 5, rc: -1 }),
      phase('start', 'destroy', 0, 3),
    ]);
    expect([c.N4, c.N5, c.N6, c.N7]).toEqual([1, 1, 1, 1]);
  });

  it('wait paths count each wait once, by the apply function that waited', () => {
    const c = cover([
      ev({ kind: 'waitInprogress', zone: 1, key: 1, flags: 2, holder: 3, phase: 'destroy' }),
      ev({ kind: 'waitInprogress', zone: 1, key: 1, flags: 2, holder: 3, phase: 'destroy' }),
      ev({ kind: 'waitEnd', wait: 'inprogress', zone: 1, key: 1, since: 0 }),
      ev({ kind: 'waitCreator', zone: 1, key: 1, flags: 1, holder: -1, phase: 'shutdown' }),
    ]);
    expect(c['zsd-wait-for-inprogress@zsd_wait_for_inprogress']).toBe(2);
    expect(c['zsd-wait-for-inprogress from zsd_apply_destroy']).toBe(1);
    expect(c['zsd-wait-for-creator from zsd_apply_shutdown']).toBe(1);
  });

  it('legacy runs pass no SDT probe site (the design had none)', () => {
    const c = cover(created(1, 1), 'legacy');
    expect(Object.keys(c).filter((k) => k.startsWith('zsd-'))).toEqual([]);
  });

  it('--require-coverage names expand and unknown ones are refused', () => {
    expect(expandCoverageNames(['cases'])).toEqual({ items: ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7'] });
    expect('error' in expandCoverageNames(['N8'])).toBe(true);
  });
});

describe('coverage of real runs', () => {
  it('module-churn seeds reach the global-zone case, both waits and most probe sites', () => {
    const w = loadWorkload('module-churn');
    const total: Record<string, number> = {};
    for (let seed = 1; seed <= 20; seed++) {
      const r = runSeed((s) => createEngine({ workload: w, seed: s }), seed, { algorithm: 'current' });
      for (const [k, n] of Object.entries(r.coverage)) total[k] = (total[k] ?? 0) + n;
    }
    expect(total.N7).toBeGreaterThan(0);
    expect(total['zsd-wait-for-creator from zsd_apply_shutdown']).toBeGreaterThan(0);
    expect(total['zsd-create-needed@zone_zsd_configure']).toBeGreaterThan(0);
    expect(total['zsd-destroy-needed@zone_key_delete']).toBeGreaterThan(0);
  });
});
