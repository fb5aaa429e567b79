/*
 * Partial-order reduction of the exhaustive explorer, checked against the same search without it
 * (docs/verify.md): on small workloads of both algorithms, with findings and without, the
 * reduced search must reach the same final states and the same findings with the same fewest
 * preemptions, at the same bound. Also the property the reduction rests on across runs: the
 * footprints of two runs of one schedule name the same objects.
 */

import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { createEngine, exploreExhaustive, loadWorkload, scheduleHarness, type ExhaustiveResult, type ExplorePolicy } from '../../src/index.js';
import type { StepRecord } from '../../src/verify/exhaustive.js';

function explore(name: string, algorithm: 'current' | 'legacy', bound: number, por: boolean): ExhaustiveResult {
  const w = loadWorkload(name);
  const registry = new ProbeRegistry();
  const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: policy, registry }), algorithm);
  return exploreExhaustive(h, { maxPreemptions: bound, maxSchedules: 1_000_000, maxMs: 600_000, por, now: () => performance.now() });
}

/** Findings as kind, fewest preemptions and message with the numbers blanked. */
const shapes = (r: ExhaustiveResult): string[] => r.findings.map((f) => `${f.kind} @${f.preemptions}: ${f.message.replace(/\d+/g, '#')}`).sort();

describe('exhaustive exploration: reduction against the full search', () => {
  for (const [name, algorithm, bound] of [
    ['s1', 'legacy', 2],
    ['s1', 'current', 1],
    ['s2', 'legacy', 1],
    ['hazard-t1', 'current', 1],
    ['hazard-t2', 'current', 1],
    ['hazard-t2-create', 'current', 1],
  ] as const) {
    it(`${name} ${algorithm}, bound ${bound}: same final states and findings, no more schedules`, () => {
      const reduced = explore(name, algorithm, bound, true);
      const full = explore(name, algorithm, bound, false);
      expect(reduced.complete && full.complete).toBe(true);
      expect([...reduced.finalStates].sort()).toEqual([...full.finalStates].sort());
      expect(shapes(reduced)).toEqual(shapes(full));
      expect(reduced.schedules + reduced.pruned).toBeLessThanOrEqual(full.schedules);
      for (const h of reduced.stateHashes) expect(full.stateHashes.has(h)).toBe(true);
    });
  }

  it('the footprints of two runs of one schedule name the same objects', () => {
    const w = loadWorkload('hazard-t1');
    const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm: 'current', untimed: true, schedulePolicy: policy }), 'current');
    const record = (): StepRecord[] => {
      const steps: StepRecord[] = [];
      const policy: ExplorePolicy = {
        name: 'replay',
        fingerprint: null,
        recordFootprints: null,
        begin() {},
        spawned() {},
        stepped: (r) => steps.push(r),
        pick: () => 0,
      };
      h.run(policy);
      return steps;
    };
    const a = record();
    const b = record();
    expect(a.length).toBeGreaterThan(20);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) {
      expect(b[i]!.tid).toBe(a[i]!.tid);
      expect([...b[i]!.fp]).toEqual([...a[i]!.fp]);
      for (const o of a[i]!.fp) expect(b[i]!.fp.includes(o)).toBe(true);
    }
  });
});
