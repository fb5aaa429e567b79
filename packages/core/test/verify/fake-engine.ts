/*
 * A stand-in engine for explorer and command tests: replays the hand-made good trace, and for
 * chosen seeds adds a deadlock finding or breaks a property, so grouping and exit codes can be
 * checked without the simulator.
 */

import type { TraceEvent } from '../../src/trace/events.js';
import type { EngineFactory, EngineLike, FindingRecord } from '../../src/verify/run-seed.js';
import { goodTrace } from './trace-builder.js';

export interface FakePlan {
  /** Seeds that end in a deadlock finding (message names the seed's zone, so shapes group). */
  readonly deadlock?: (seed: number) => boolean;
  /** Seeds whose trace breaks I8 (a bad zone_setspecific). */
  readonly badData?: (seed: number) => boolean;
  /** Seeds with a wait-for-creator. */
  readonly waitCreator?: (seed: number) => boolean;
}

export function fakeFactory(plan: FakePlan = {}): EngineFactory {
  return (seed) => {
    const listeners: ((e: TraceEvent) => void)[] = [];
    const engine: EngineLike = {
      onEvent: (l) => listeners.push(l),
      run() {
        const events: TraceEvent[] = [...goodTrace().events];
        const last = events[events.length - 1]!;
        if (plan.waitCreator?.(seed)) {
          events.push({ kind: 'waitCreator', zone: 0, key: 2, flags: 1, holder: 1, t: last.t + 1, tid: 7 });
          events.push({ kind: 'waitEnd', wait: 'creator', zone: 0, key: 2, since: last.t + 1, t: last.t + 2, tid: 7 });
        }
        if (plan.badData?.(seed)) events.push({ kind: 'setspecific', zone: 40 + seed, key: 1, value: 1, rc: 0, t: last.t + 3, tid: 7 });
        const findings: FindingRecord[] = [];
        if (plan.deadlock?.(seed)) {
          const message = `deadlock: thread ${seed % 7} waits for zone_lock:${seed}`;
          findings.push({ kind: 'deadlock', message, report: `${message}\nwait-for graph:\n  t${seed % 7} -> zone_lock:${seed}` });
          events.push({ kind: 'finding', finding: 'deadlock', message, t: last.t + 4, tid: 7 });
        }
        for (const e of events) for (const l of listeners) l(e);
        return { findings, steps: events.length * 2, virtualNs: last.t };
      },
    };
    return engine;
  };
}
