/*
 * `continueAfter`: a use-after-free (spec 4.6 T1/T2) is reported, and the run goes on to the end
 * of the workload instead of stopping, as the tracing CLI wants; by default it stops the run.
 */

import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';

/** The first s4 seed (of 1..600) on which the model reaches a use-after-free. */
function seedWithUseAfterFree(): number {
  for (let seed = 1; seed <= 600; seed++) {
    const e = createEngine({ workload: loadWorkload('s4'), seed });
    const r = e.run();
    if (r.findings.some((f) => f.kind === 'use-after-free')) return seed;
  }
  throw new Error('no s4 seed of 1..600 reached a use-after-free');
}

describe('continueAfter', () => {
  it('reports a use-after-free and carries on to the end of the workload', () => {
    const seed = seedWithUseAfterFree();
    const stopped = createEngine({ workload: loadWorkload('s4'), seed });
    const a = stopped.run();
    const going = createEngine({ workload: loadWorkload('s4'), seed, continueAfter: ['use-after-free'] });
    const b = going.run();
    expect(a.findings.map((f) => f.kind)).toEqual(['use-after-free']);
    expect(b.findings[0]!.kind).toBe('use-after-free');
    expect(b.findings[0]!.message).toBe(a.findings[0]!.message);
    expect(b.findings.every((f) => f.kind === 'use-after-free')).toBe(true);
    // The stopped run ended at the finding; the other ran further, to the end of the workload.
    expect(b.steps).toBeGreaterThan(a.steps);
    expect(going.done).toBe(true);
    expect(b.events).toBeGreaterThan(a.events);
  });
});
