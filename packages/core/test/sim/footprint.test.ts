/*
 * Step footprints (sim/footprint.ts) feed the exhaustive explorer's partial-order reduction, which
 * is sound only if every step records every object it reads or writes. A thread woken from a
 * mutex's queue that finds the mutex taken again reads the owner and queues again: that step
 * must name the mutex, or it looks independent of the step that took the mutex.
 */

import type { Probe } from '@zsdtrace/probes/provider';
import { describe, expect, it } from 'vitest';
import { CondVar } from '../../src/sim/condvar.js';
import type { StepRecord } from '../../src/sim/footprint.js';
import { Kernel, type KernelProbes } from '../../src/sim/kernel.js';
import { KMutex } from '../../src/sim/mutex.js';
import type { SchedulingPolicy } from '../../src/sim/policy.js';
import { TraceLog } from '../../src/sim/trace-log.js';

const off = { enabled: false, fire() {} } as unknown as Probe;
const probes: KernelProbes = { acquire: off, block: off, release: off, sleep: off, wakeup: off, onCpu: off, offCpu: off };

/** A kernel that picks the threads named by `script`, one per decision, and records every step with its thread's name. */
function scriptedKernel(script: string[]): { k: Kernel; steps: (StepRecord & { name: string })[] } {
  const steps: (StepRecord & { name: string })[] = [];
  const names = new Map<number, string>();
  const policy: SchedulingPolicy & { stepped(r: StepRecord): void } = {
    name: 'replay',
    spawned(t) {
      names.set(t.tid, t.name);
    },
    pick(ready) {
      const want = script.shift();
      const i = ready.findIndex((t) => t.name === want);
      return i >= 0 ? i : 0;
    },
    stepped(r) {
      steps.push({ ...r, name: names.get(r.tid)! });
    },
  };
  return { k: new Kernel(policy, new TraceLog(), probes, () => {}, { maxSteps: 1000, untimed: true, footprints: true }), steps };
}

describe('step footprints', () => {
  it('a woken waiter that finds the mutex taken again records the mutex in its step', () => {
    const script = ['A', 'A', 'W', 'W', 'A', 'C', 'C', 'W'];
    const { k, steps } = scriptedKernel(script);
    const m = new KMutex('zone_lock', 'zone_lock:1', 0x1000, null);
    const cv = new CondVar('cv', 0);
    const holdAcross = (name: string) =>
      k.spawn(name, 'global', -1, function* () {
        yield* k.enter(m);
        yield* k.broadcast(cv);
        yield* k.exit(m);
      });
    holdAcross('A');
    k.spawn('W', 'global', -1, function* () {
      yield* k.enter(m);
      yield* k.exit(m);
    });
    holdAcross('C');
    while (k.step()) {
      /* run to the end */
    }
    const waiter = steps.filter((s) => s.name === 'W');
    // W: the first attempt, blocking behind A, blocking again behind C, acquiring and releasing,
    // then returning (a step that touches nothing).
    expect(waiter.filter((s) => !s.readyAfter).length).toBeGreaterThanOrEqual(3);
    for (const s of waiter.slice(0, -1)) expect(s.fp.has(m)).toBe(true);
  });

  it('a step that only holds a lock names its data, not its word, and commutes with an attempt that queues', () => {
    // H takes m (and wakes cv in that step), wakes cv2 in a step of its own, then releases m; W
    // tries m and queues in between.
    const script = ['H', 'H', 'W', 'W', 'H', 'H', 'W', 'W'];
    const { k, steps } = scriptedKernel(script);
    const m = new KMutex('zone_lock', 'zone_lock:1', 0x1000, null);
    const cv = new CondVar('cv', 0);
    const cv2 = new CondVar('cv2', 0);
    k.spawn('H', 'global', -1, function* () {
      yield* k.enter(m);
      yield* k.broadcast(cv);
      yield* k.broadcast(cv2);
      yield* k.exit(m);
    });
    k.spawn('W', 'global', -1, function* () {
      yield* k.enter(m);
      yield* k.exit(m);
    });
    while (k.step()) {
      /* run to the end */
    }
    const firstOf = (name: string, pred: (s: StepRecord) => boolean): StepRecord => steps.find((s) => s.name === name && pred(s))!;
    // H's second broadcast holds m without acquiring or releasing it.
    const holding = firstOf('H', (s) => s.fp.has(cv2));
    expect(holding.fp.has(m.guarded)).toBe(true);
    expect(holding.fp.has(m)).toBe(false);
    // W's attempt that finds m taken reads the lock word only.
    const queued = firstOf('W', (s) => !s.readyAfter);
    expect(queued.fp.has(m)).toBe(true);
    expect(queued.fp.has(m.guarded)).toBe(false);
    // Acquiring (in the step that also wakes cv) and releasing name both.
    expect(firstOf('H', (s) => s.fp.has(cv)).fp.has(m)).toBe(true);
    expect(firstOf('H', (s) => s.fp.has(cv)).fp.has(m.guarded)).toBe(true);
    const releasing = steps.filter((s) => s.name === 'H' && s.fp.has(m)).at(-1)!;
    expect(releasing.fp.has(m.guarded)).toBe(true);
  });
});
