/*
 * Verifier costs, measured in one process on the `module-churn` workload under `current`:
 *   1. seeds per second of a plain engine run (no listener) and of a checked run (every event
 *      through the TraceChecker and the coverage tracker), and their ratio — the checker's overhead;
 *   2. events per second through the checker alone, on events recorded from one run;
 *   3. the exhaustive explorer's schedules per second (s1 under legacy and hazard-t1 under
 *      current, bound 1, with partial-order reduction), each schedule a fresh untimed engine run
 *      through the checker and the coverage tracker.
 * Seeds are interleaved (plain, checked, plain, …) so machine noise hits both alike.
 */

import { performance } from 'node:perf_hooks';
import { createEngine, loadWorkload } from '../packages/core/src/index.js';
import type { TraceEvent } from '../packages/core/src/trace/events.js';
import { createTraceChecker } from '../packages/core/src/verify/trace-checker.js';
import { runSeed } from '../packages/core/src/verify/run-seed.js';
import { exploreExhaustive } from '../packages/core/src/verify/exhaustive.js';
import { scheduleHarness } from '../packages/core/src/verify/schedule-run.js';
import { ProbeRegistry } from '@zsdtrace/probes/provider';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const SEEDS = 200;

export default async function (report: Report): Promise<void> {
  const workload = loadWorkload('module-churn');
  const make = (seed: number) => createEngine({ workload, seed, algorithm: 'current', publishKeyAfterCreate: false, policy: 'random' });

  // Warm up both paths.
  for (let s = 1; s <= 20; s++) {
    make(s).run();
    runSeed(make, s, { algorithm: 'current' });
  }

  let plainMs = 0;
  let checkedMs = 0;
  let events = 0;
  for (let s = 1; s <= SEEDS; s++) {
    let t0 = performance.now();
    make(s).run();
    plainMs += performance.now() - t0;
    t0 = performance.now();
    events += runSeed(make, s, { algorithm: 'current' }).events;
    checkedMs += performance.now() - t0;
  }
  report({ name: 'engine run, no listener', value: (SEEDS * 1000) / plainMs, unit: 'seeds/s', note: 'module-churn, current' });
  report({ name: 'engine run + trace checker', value: (SEEDS * 1000) / checkedMs, unit: 'seeds/s', note: `${Math.round(events / SEEDS)} events/seed` });
  report({ name: 'checked / plain time', value: checkedMs / plainMs, unit: 'x' });

  const recorded: TraceEvent[] = [];
  const engine = make(1);
  engine.onEvent((e: TraceEvent) => recorded.push(e));
  engine.run();
  const rounds = Math.max(1, Math.ceil(2_000_000 / Math.max(1, recorded.length)));
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const c = createTraceChecker();
    for (const e of recorded) c.onEvent(e);
    c.finish();
  }
  const ms = performance.now() - t0;
  report({ name: 'trace checker alone', value: (rounds * recorded.length * 1000) / ms, unit: 'events/s' });

  for (const [name, algorithm] of [['s1', 'legacy'], ['hazard-t1', 'current']] as const) {
    const w = loadWorkload(name);
    const registry = new ProbeRegistry();
    const h = scheduleHarness((policy) => createEngine({ workload: w, seed: 1, algorithm, untimed: true, schedulePolicy: policy, registry }), algorithm);
    const r = exploreExhaustive(h, { maxPreemptions: 1, maxSchedules: 1e6, maxMs: 120_000, por: true, now: () => performance.now() });
    report({
      name: `exhaustive ${name} ${algorithm}, bound 1`,
      value: (r.schedules * 1000) / r.elapsedMs,
      unit: 'schedules/s',
      note: `${r.schedules} schedules, ${Math.round(r.steps / r.schedules)} steps each, ${r.states} states`,
    });
  }
}
