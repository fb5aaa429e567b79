/*
 * zsd_apply_all_zones' inline revisit (a zone with nothing to do, taken and released without a
 * coroutine), and zsd_apply_all_keys' skipping of idle entries, must leave the run exactly as
 * the full apply calls do: enabling the probes that turn them off (fbt of the apply and wait
 * functions, lockstat) must change nothing but firings.
 */

import { describe, expect, it } from 'vitest';
import { createEngine, loadWorkload, type Workload } from '../../src/index.js';
import { workload } from '../helpers.js';

const observers = new Set(['zsd_apply_create', 'zsd_apply_shutdown', 'zsd_apply_destroy', 'zsd_wait_for_creator', 'zsd_wait_for_inprogress']);

function run(w: Workload, seed: number, observe: boolean): { hash: string; steps: number; now: number; firings: number } {
  const e = createEngine({ workload: w, seed });
  let firings = 0;
  if (observe) {
    for (const p of e.registry.probes) {
      if ((p.provider === 'fbt' && observers.has(p.func)) || p.provider === 'lockstat') e.registry.enable(p, () => firings++);
    }
  }
  const r = e.run();
  return { hash: r.traceHash, steps: r.steps, now: r.virtualNs, firings };
}

/** A key registered on 40 running zones: 41 creates, each restarting the pass from the head. */
const lateKey = workload({
  keys: [
    { name: 'boot', create: { duration: '1us' }, destroy: true },
    { name: 'late', module: 'm', create: { duration: ['1us', '5us'] }, shutdown: true, destroy: true },
  ],
  modules: [{ name: 'm', keys: ['late'], loadAt: '2ms', unloadAt: '3ms' }],
  zones: [{ name: 'z', count: 40, createAt: '0ms', bootAt: '1ms', haltAt: ['2100us', '2400us'], spacing: '5us' }],
});

describe('zsd_apply_all_zones revisits', () => {
  it.each([
    ['late key on 40 zones', lateKey],
    ['module-churn', loadWorkload('module-churn')],
    ['s4', loadWorkload('s4')],
    ['boot-storm 20x12', loadWorkload('boot-storm', { zones: 20, keys: 12 })],
    ['illumos', loadWorkload('illumos')],
    ['zsd-coverage', loadWorkload('zsd-coverage')],
  ])('%s: the same trace, steps and clock whether or not the apply functions are observed', (_name, w) => {
    for (let seed = 1; seed <= 4; seed++) {
      const quiet = run(w, seed, false);
      const watched = run(w, seed, true);
      expect(watched.firings).toBeGreaterThan(0);
      expect({ ...watched, firings: 0 }).toEqual({ ...quiet, firings: 0 });
    }
  });

  it('revisits cost two steps each: a key on N zones takes about N²/2 revisits', () => {
    const steps = (n: number): number => {
      const w = workload({
        keys: [{ name: 'late', module: 'm', create: { duration: '1us' } }],
        modules: [{ name: 'm', keys: ['late'], loadAt: '1s' }],
        zones: [{ name: 'z', count: n, createAt: '0ms', bootAt: '100ms', spacing: '10us' }],
      });
      const e = createEngine({ workload: w, seed: 1, policy: 'round-robin' });
      e.runUntil(999_999_999);
      const s0 = e.stats().steps;
      e.run();
      return e.stats().steps - s0;
    };
    const [a, b] = [steps(100), steps(200)];
    // (n + 1) zones with the global zone; the k-th create is followed by k revisits of 2 steps.
    expect(b - a).toBeGreaterThan(200 * 201 - 100 * 101);
    expect(b / a).toBeGreaterThan(3.5);
    expect(b / a).toBeLessThan(4.2);
  });
});
