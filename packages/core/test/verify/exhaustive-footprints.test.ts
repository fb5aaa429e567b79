/*
 * The explorer records step footprints only after the last replayed decision of each run (the
 * earlier ones are known from the runs before). Against a harness that keeps recording every
 * step, the search must be the same: same schedules, same pruning, same states and findings.
 */

import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { createEngine, exploreExhaustive, loadWorkload, scheduleHarness, type ExhaustiveResult } from '../../src/index.js';

function explore(name: string, algorithm: 'current' | 'legacy', bound: number, recordAll: boolean): ExhaustiveResult {
  const registry = new ProbeRegistry();
  const w = loadWorkload(name);
  const h = scheduleHarness((policy) => {
    const e = createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: policy, registry });
    // The reference keeps every footprint: requests to stop recording are ignored.
    return recordAll ? Object.assign(Object.create(e) as typeof e, { recordFootprints: () => {} }) : e;
  }, algorithm);
  return exploreExhaustive(h, { maxPreemptions: bound, maxSchedules: 1_000_000, maxMs: 600_000, por: true, now: () => performance.now() });
}

describe('exhaustive exploration: footprints recorded only where needed', () => {
  for (const [name, algorithm, bound] of [
    ['s1', 'current', 1],
    ['s2', 'legacy', 1],
    ['hazard-t1', 'current', 1],
  ] as const) {
    it(`${name} ${algorithm} to bound ${bound}: the same search as recording every step`, () => {
      const a = explore(name, algorithm, bound, false);
      const b = explore(name, algorithm, bound, true);
      expect(a.schedules).toBeGreaterThan(10);
      expect({ schedules: a.schedules, pruned: a.pruned, states: a.states, steps: a.steps, passes: a.passes }).toEqual({
        schedules: b.schedules,
        pruned: b.pruned,
        states: b.states,
        steps: b.steps,
        passes: b.passes,
      });
      expect([...a.finalStates].sort()).toEqual([...b.finalStates].sort());
      expect(a.findings.map((f) => [f.kind, f.preemptions, f.schedule])).toEqual(b.findings.map((f) => [f.kind, f.preemptions, f.schedule]));
    });
  }
});
