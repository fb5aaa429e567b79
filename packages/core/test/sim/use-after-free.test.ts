/*
 * Use after free (spec 4.6): freed memory is checked at every lock acquisition, including one
 * that blocked before the free and completes after it, and each finding names the hazard it is
 * (T1, T2 or other) from what happened, not from where it was noticed.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';
import { Kernel, type KernelProbes } from '../../src/sim/kernel.js';
import { KMutex } from '../../src/sim/mutex.js';
import { createPolicy } from '../../src/sim/policy.js';
import { Prng } from '../../src/sim/prng.js';
import { TraceLog } from '../../src/sim/trace-log.js';

const off = { enabled: false, fire() {} } as unknown as Probe;
const probes: KernelProbes = { acquire: off, block: off, release: off, sleep: off, wakeup: off, onCpu: off, offCpu: off };

describe('use after free at lock acquisition', () => {
  it('reports a mutex_enter that blocked before the free and acquires after it', () => {
    const found: string[] = [];
    const k = new Kernel(createPolicy('round-robin', new Prng(1), {}), new TraceLog(), probes, (kind, msg) => found.push(`${kind}: ${msg}`), {
      maxSteps: 10_000,
    });
    const memory = { freed: false, freedBy: null };
    const m = new KMutex('zone_lock', 'zone_lock:9', 0x1000, memory);
    k.spawn('owner', 'global', -1, function* () {
      yield* k.enter(m);
      yield* k.preempt();
      yield* k.preempt();
      memory.freed = true;
      yield* k.exit(m);
    });
    k.spawn('waiter', 'global', -1, function* () {
      yield* k.enter(m);
      yield* k.exit(m);
    });
    while (k.step()) {
      /* run to the end */
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^use-after-free: waiter\[2\] acquired zone_lock:9, which lives in freed memory/);
  });
});

function uafFindings(workload: string, policy: 'random' | 'pct', seeds: number): { seed: number; hazard: string | undefined; message: string }[] {
  const w = loadWorkload(workload);
  const out: { seed: number; hazard: string | undefined; message: string }[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    for (const f of createEngine({ workload: w, seed, policy }).run().findings) {
      if (f.kind === 'use-after-free') out.push({ seed, hazard: f.hazard, message: f.message });
    }
  }
  return out;
}

describe('use-after-free findings are classified T1/T2 by what happened', () => {
  it('s4 under random: every finding is T2 (key_delete waited from zsd_apply_all_zones, the zone was freed)', () => {
    const f = uafFindings('s4', 'random', 300);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.hazard).toBe('T2');
      expect(x.message).toMatch(/^T2: modload\[\d+\] waited in zsd_wait_for_\w+ on \(zone \d+, key \d+\) from zsd_apply_all_zones/);
      expect(x.message).toMatch(/freed zone \d+ (with its entry for key \d+ )?\(zone_free\)/);
    }
  });

  it('s4 under pct: T1 (a zone_shutdown/zone_destroy waiter, entry freed by zone_key_delete) and T2 both occur', () => {
    const f = uafFindings('s4', 'pct', 120);
    const t1 = f.filter((x) => x.hazard === 'T1');
    expect(t1.length).toBeGreaterThan(0);
    for (const x of t1) {
      expect(x.message).toMatch(/^T1: zoneadmd\[\d+\] waited in zsd_wait_for_inprogress on \(zone \d+, key \d+\) from zsd_apply_all_keys/);
      expect(x.message).toMatch(/zone_key_delete/);
    }
    expect(f.some((x) => x.hazard === 'T2')).toBe(true);
    expect(f.every((x) => x.hazard === 'T1' || x.hazard === 'T2')).toBe(true);
  });
});
