import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';

describe('threads and memory of long runs', () => {
  it('a continuous run keeps only live threads; tids stay unique and keep growing', () => {
    const e = createEngine({ workload: loadWorkload('illumos'), seed: 3, continuous: true });
    let maxTid = 0;
    for (let t = 50e6; t <= 400e6; t += 50e6) {
      e.runUntil(t);
      const threads = e.state().threads;
      // sched, the zones' zsched daemons and this cycle's zoneadmd/modload threads, never the finished ones.
      expect(threads.length).toBeLessThan(40);
      expect(new Set(threads.map((th) => th.tid)).size).toBe(threads.length);
      for (const th of threads) {
        expect(th.state).not.toBe('done');
        maxTid = Math.max(maxTid, th.tid);
      }
    }
    const created = e.stats().threads;
    expect(created).toBeGreaterThan(300);
    expect(maxTid).toBeLessThanOrEqual(created);
    expect(maxTid).toBeGreaterThan(created - 40);
    expect(e.findings()).toEqual([]);
  });

  it('a finite run records its schedule; a continuous run does not', () => {
    const finite = createEngine({ workload: loadWorkload('module-churn'), seed: 1 });
    finite.run();
    expect(finite.schedule().length).toBeGreaterThan(100);
    const endless = createEngine({ workload: loadWorkload('illumos'), seed: 3, continuous: true });
    endless.runUntil(100e6);
    expect(endless.stats().steps).toBeGreaterThan(10_000);
    expect(endless.schedule()).toEqual([]);
  });

  it('a halted run keeps its clock moving with runUntil, and fires no timer', () => {
    const e = createEngine({ workload: loadWorkload('s1'), seed: 1, algorithm: 'legacy' });
    let ticks = 0;
    e.host.every(1e6, () => ticks++);
    e.runUntil(50e6);
    expect(e.findings().map((f) => f.kind)).toEqual(['recursive-enter']);
    expect(e.done).toBe(true);
    const at = ticks;
    expect(at).toBeGreaterThan(0);
    e.runUntil(80e6);
    expect(e.now).toBe(80e6);
    expect(ticks).toBe(at);
  });
});
