import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '../../src/index.js';

describe('determinism and replay', () => {
  const wl = loadWorkload('module-churn');

  it('the same seed gives the same trace hash and event stream', () => {
    const a = createEngine({ workload: wl, seed: 7 });
    const b = createEngine({ workload: wl, seed: 7 });
    const ea: string[] = [];
    const eb: string[] = [];
    a.onEvent((e) => ea.push(JSON.stringify(e)));
    b.onEvent((e) => eb.push(JSON.stringify(e)));
    expect(a.run().traceHash).toBe(b.run().traceHash);
    expect(ea).toEqual(eb);
    expect(ea.length).toBeGreaterThan(1000);
  });

  it('different seeds and different policies interleave differently', () => {
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) hashes.add(createEngine({ workload: wl, seed }).run().traceHash);
    expect(hashes.size).toBe(10);
    const rr = createEngine({ workload: wl, seed: 1, policy: 'round-robin' }).run().traceHash;
    const pct = createEngine({ workload: wl, seed: 1, policy: 'pct', pctDepth: 3 }).run().traceHash;
    const rnd = createEngine({ workload: wl, seed: 1 }).run().traceHash;
    expect(new Set([rr, pct, rnd]).size).toBe(3);
  });

  it('replaying a recorded schedule reproduces the hash', () => {
    for (const policy of ['random', 'pct', 'round-robin'] as const) {
      const first = createEngine({ workload: wl, seed: 11, policy });
      const r = first.run();
      expect(first.schedule().length).toBeGreaterThan(0);
      const replay = createEngine({ workload: wl, seed: 11, policy: 'replay', schedule: [...first.schedule()] }).run();
      expect(replay.traceHash).toBe(r.traceHash);
    }
  });

  it('runUntil advances virtual time in slices and ends where run() ends', () => {
    const whole = createEngine({ workload: wl, seed: 5 }).run();
    const e = createEngine({ workload: wl, seed: 5 });
    let slices = 0;
    while (!e.done) {
      e.runUntil(e.now + 250_000);
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(e.traceHash()).toBe(whole.traceHash);
  });

  it('a continuous workload keeps cycling until stop()', () => {
    const e = createEngine({ workload: loadWorkload('illumos'), seed: 2, continuous: true });
    e.runUntil(70_000_000);
    expect(e.done).toBe(false);
    const created = e.stats().threads;
    expect(created).toBeGreaterThan(40);
    e.stop();
    e.runUntil(400_000_000);
    expect(e.done).toBe(true);
    expect(e.findings().filter((f) => f.kind !== 'use-after-free')).toEqual([]);
  });

  it('the step limit is a finding, not a hang', () => {
    const r = createEngine({ workload: wl, seed: 1, maxSteps: 500 }).run();
    expect(r.findings.map((f) => f.kind)).toEqual(['step-limit']);
  });
});
