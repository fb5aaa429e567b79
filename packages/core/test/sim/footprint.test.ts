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

describe('step footprints', () => {
  it('a woken waiter that finds the mutex taken again records the mutex in its step', () => {
    const script = ['A', 'A', 'W', 'W', 'A', 'C', 'C', 'W'];
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
    const k = new Kernel(policy, new TraceLog(), probes, () => {}, { maxSteps: 1000, untimed: true, footprints: true });
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
});
