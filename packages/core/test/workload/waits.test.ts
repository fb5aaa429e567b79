/*
 * The built-in churn workloads reach both ZSD waits of spec 2.15/2.16 in a good share of seeds
 * (zsd-wait-for-creator needs a teardown meeting an entry whose create has not run yet).
 */

import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';

function waitSeeds(name: string, seeds: number): { creator: number; inprogress: number; findings: number } {
  const w = loadWorkload(name);
  const out = { creator: 0, inprogress: 0, findings: 0 };
  for (let seed = 1; seed <= seeds; seed++) {
    const e = createEngine({ workload: w, seed });
    let c = 0;
    let i = 0;
    e.onEvent((ev) => {
      if (ev.kind === 'waitCreator') c++;
      else if (ev.kind === 'waitInprogress') i++;
    });
    const r = e.run();
    if (c > 0) out.creator++;
    if (i > 0) out.inprogress++;
    if (r.findings.length > 0) out.findings++;
  }
  return out;
}

describe('built-in workloads reach both waits', () => {
  it('module-churn: wait-for-creator in nearly every seed, wait-for-inprogress in most', () => {
    const r = waitSeeds('module-churn', 20);
    expect(r.creator).toBeGreaterThanOrEqual(18);
    expect(r.inprogress).toBeGreaterThanOrEqual(10);
    expect(r.findings).toBe(0);
  });

  it('illumos: both waits in a good share of seeds', () => {
    const r = waitSeeds('illumos', 20);
    expect(r.creator).toBeGreaterThanOrEqual(5);
    expect(r.inprogress).toBeGreaterThanOrEqual(15);
  });

  it('the fewer rounds of module-churn still reach wait-for-creator', () => {
    const w = loadWorkload('module-churn', { rounds: 1 });
    let creator = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const e = createEngine({ workload: w, seed });
      e.onEvent((ev) => {
        if (ev.kind === 'waitCreator') creator++;
      });
      e.run();
    }
    expect(creator).toBeGreaterThan(0);
  });
});
