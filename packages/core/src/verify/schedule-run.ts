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
import type { Token } from './dpor-races.js';
import type { ExploreHarness, ExplorePolicy, ScheduleOutcome } from './exhaustive.js';
import { findingKind } from './explore-summary.js';
import type { EngineLike } from './run-seed.js';
import { createTraceChecker } from './trace-checker.js';

/** An engine the explorer can drive: it also fingerprints its visible state. */
export interface ExplorableEngine extends EngineLike {
  fingerprint(): number;
  recordFootprints(on: boolean): void;
  state(): { readonly threads: readonly { readonly tid: number; readonly state: string }[] };
}

/** Builds a fresh untimed engine that schedules with `policy` and records step footprints. */
export type PolicyEngineFactory = (policy: SchedulingPolicy) => ExplorableEngine;

export function scheduleHarness(make: PolicyEngineFactory, algorithm: Algorithm): ExploreHarness {
  const tokens = new Map<string, NamedToken>();
  return {
    run(policy: ExplorePolicy): ScheduleOutcome {
      const engine = make(stableFootprints(policy, tokens));
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
      // Every finding but a lock-order report stops the kernel (sim/kernel.ts).
      const halted = r.findings.some((f) => f.kind !== 'lock-order');
      return {
        halted,
        pending: halted ? engine.state().threads.filter((t) => t.state !== 'done').map((t) => t.tid) : [],
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

/** A footprint object's name in the model, numbered in the order the harness first met it. */
interface NamedToken extends Token {
  readonly name: string;
}

/**
 * Each run builds a fresh engine, so the objects in its step footprints are new objects every
 * time, while the explorer compares steps of different runs (a sleeping choice was recorded in
 * an earlier run). This policy wrapper names every footprint object by what it is in the model,
 * a token shared by all runs: a mutex or condition variable by its label (`zone_lock:3`), a zone
 * by its id, a key variable by its name, anything else by its class (one token for all objects
 * of a class: a merge that only adds dependencies). Runs are deterministic, so an object created
 * in a common prefix gets the same name in every run; two objects with one name only make steps
 * look dependent, which costs reduction, never soundness.
 */
function stableFootprints(policy: ExplorePolicy, tokens: Map<string, NamedToken>): SchedulingPolicy {
  const token = (name: string): NamedToken => {
    let t = tokens.get(name);
    if (!t) tokens.set(name, (t = { name, id: tokens.size }));
    return t;
  };
  const nameOf = (o: object): string => {
    const x = o as { label?: unknown; zone_id?: unknown; name?: unknown; addr?: unknown };
    if (typeof x.label === 'string') return `lock ${x.label}`;
    if (typeof x.zone_id === 'number') return `zone ${x.zone_id}`;
    if (typeof x.name === 'string' && typeof x.addr === 'number') return `key ${x.name}`;
    return `class ${o.constructor?.name ?? 'Object'}`;
  };
  const seen = new Map<object, NamedToken>();
  const tokenOf = (o: object): NamedToken => {
    let t = seen.get(o);
    if (!t) seen.set(o, (t = token(nameOf(o))));
    return t;
  };
  return {
    name: policy.name,
    spawned: (t) => policy.spawned(t),
    pick: (ready, step) => policy.pick(ready, step),
    stepped(rec) {
      const fp: NamedToken[] = [];
      for (const o of rec.fp) {
        const t = tokenOf(o);
        if (!fp.includes(t)) fp.push(t);
      }
      policy.stepped({ tid: rec.tid, fp, readyAfter: rec.readyAfter });
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
