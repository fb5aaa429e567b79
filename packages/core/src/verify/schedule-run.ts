/*
 * One schedule of the exhaustive explorer: an engine built around the explorer's policy, its
 * events through the trace checker and the coverage tracker, and the outcome the explorer folds
 * in. Also the policy that replays a recorded schedule (thread ids chosen at each decision), so
 * `verify --replay FILE` reruns a counterexample exactly.
 *
 * Like run-seed.ts it knows the engine only through a small shape and never prints.
 */

import type { Algorithm } from '../algorithm.js';
import type { SchedulingPolicy } from '../sim/policy.js';
import type { SimThread } from '../sim/thread.js';
import { createCoverageTracker } from './coverage.js';
import type { ExploreHarness, ExplorePolicy, ScheduleOutcome } from './exhaustive.js';
import { findingKind } from './explore-summary.js';
import type { EngineLike } from './run-seed.js';
import { createTraceChecker } from './trace-checker.js';

/** An engine the explorer can drive: it also fingerprints its visible state. */
export interface ExplorableEngine extends EngineLike {
  fingerprint(): number;
  recordFootprints(on: boolean): void;
}

/** Builds a fresh untimed engine that schedules with `policy` and records step footprints. */
export type PolicyEngineFactory = (policy: SchedulingPolicy & Partial<Pick<ExplorePolicy, 'stepped'>>) => ExplorableEngine;

export function scheduleHarness(make: PolicyEngineFactory, algorithm: Algorithm): ExploreHarness {
  return {
    run(policy: ExplorePolicy): ScheduleOutcome {
      const engine = make(policy);
      policy.fingerprint = () => engine.fingerprint();
      policy.recordFootprints = (on) => engine.recordFootprints(on);
      policy.begin();
      const checker = createTraceChecker({ algorithm });
      const coverage = createCoverageTracker({ algorithm });
      let events = 0;
      engine.onEvent((e) => {
        events++;
        checker.onEvent(e);
        coverage.onEvent(e);
      });
      const r = engine.run();
      const findings = r.findings.map((f) => ({ kind: f.kind, message: f.message }));
      const violations = checker.finish({ findings });
      return {
        failures: [
          ...r.findings.map((f) => ({ kind: findingKind(f), message: f.message, report: f.report })),
          ...violations.map((v) => ({ kind: v.property as string, message: v.message, report: v.message })),
        ],
        coverage: coverage.counts(),
        events,
        steps: r.steps,
      };
    },
  };
}

/** Replays `schedule` (a thread id per decision); a mismatch is an error naming the decision. */
export function followSchedule(schedule: readonly number[]): SchedulingPolicy {
  let cursor = 0;
  let last = -1;
  return {
    name: 'replay',
    spawned() {},
    pick(ready: readonly SimThread[]): number {
      const want = schedule[cursor++];
      if (want === undefined) {
        // Past the recorded end (the run went further than the schedule): no preemption.
        const i = ready.findIndex((t) => t.tid === last);
        return i >= 0 ? i : ready.reduce((best, t, j) => (t.tid < ready[best]!.tid ? j : best), 0);
      }
      const i = ready.findIndex((t) => t.tid === want);
      if (i < 0) throw new ScheduleMismatch(cursor, want, ready.map((t) => t.tid));
      last = want;
      return i;
    },
  };
}

export class ScheduleMismatch extends Error {
  readonly code = 'E_SCHEDULE';
  constructor(decision: number, tid: number, ready: readonly number[]) {
    super(`the schedule does not fit this workload: decision ${decision} chooses thread ${tid}, but the ready threads are ${ready.join(', ')}`);
  }
}
