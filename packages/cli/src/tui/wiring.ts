/*
 * `--tui`: feeds the Ink dashboard from the run. The dashboard polls snapshots on the aggrate
 * timer (never per probe firing) while the engine is driven as usual; `q` or an interrupt ends
 * the run like an interrupt does without the dashboard. Without a terminal it says so and prints
 * the aggregations as text every aggrate interval instead.
 */

import { performance } from 'node:perf_hooks';
import type { Engine } from '@zsdtrace/core';
import { printAggregations, type TraceHandle } from '@zsdtrace/probes';
import type { CliArgs } from '../args.js';
import type { RunState } from '../commands/trace/run-loop.js';
import type { Io } from '../io.js';
import type { OtlpHandle } from '../otlp/wiring.js';
import type { OutputStream } from '../output.js';
import type { LogBuffer } from './log-buffer.js';
import { runDashboard, type DashboardSource, type DashboardSnapshot } from './index.js';

export interface DashboardRun {
  args: CliArgs;
  io: Io;
  engine: Engine;
  handle: TraceHandle;
  state: RunState;
  log: LogBuffer;
  out: OutputStream;
  workloadName: string;
  startWall: number;
  otlp: OtlpHandle | null;
  live: boolean;
  drive(): Promise<void>;
}

/** Refreshes per second when aggrate is not set. */
const DEFAULT_HZ = 4;

/** The refresh rate in Hz: the aggrate option (a time or rate, option table) when set, clamped. */
export function refreshHz(handle: TraceHandle): number {
  const program = handle.program;
  if (!program || !program.explicitOptions.includes('aggrate')) return DEFAULT_HZ;
  const ns = handle.options.aggrate;
  if (ns <= 0) return DEFAULT_HZ;
  return Math.min(60, Math.max(0.1, 1e9 / ns));
}

export async function runDashboardSession(r: DashboardRun): Promise<void> {
  const hz = refreshHz(r.handle);
  if (!r.live) {
    r.io.stderr.write('zsdtrace: --tui needs a terminal on stdin and stdout; printing the aggregations as text instead\n');
    const timer = setInterval(() => {
      const text = printAggregations(r.handle.snapshot(), r.handle.options);
      if (text !== '') r.out.write(`\n${text}`);
    }, Math.round(1000 / hz));
    try {
      await r.drive();
    } finally {
      clearInterval(timer);
    }
    return;
  }

  // The trace is over once the engine is no longer driven (exit(), the end of a -c workload,
  // --duration, a finding); the dashboard then says so and waits for `q`.
  let tracing = true;
  let lastFirings = 0;
  let lastPoll = performance.now();
  const matched = (r.handle.program?.units ?? []).reduce((n, u) => n + u.matched, 0);
  const source: DashboardSource = {
    info: {
      script: r.args.programs.map((p) => (p.kind === 's' ? p.value : `-${p.kind} ${p.value}`)).join(' '),
      workload: r.workloadName,
      seed: r.args.seed,
      algorithm: r.args.algorithm,
    },
    poll(): DashboardSnapshot {
      const now = performance.now();
      const c = r.handle.counters();
      const drops = Object.values(c.drops).reduce((a, b) => a + b, 0);
      const rate = ((c.firings - lastFirings) * 1000) / Math.max(1, now - lastPoll);
      lastFirings = c.firings;
      lastPoll = now;
      const spans = r.otlp?.stats();
      return {
        aggs: r.handle.snapshot(),
        log: r.log.drain(),
        wallMs: now - r.startWall,
        virtualNs: r.engine.now,
        probesMatched: matched,
        firings: c.firings,
        firingsPerSec: rate,
        drops,
        errors: c.errors,
        ...(spans ? { spans: { exported: spans.exported, dropped: spans.dropped, failed: spans.failed } } : {}),
        engine: r.engine.state(),
        paused: r.state.paused,
        done: !tracing || r.handle.exited,
      };
    },
    pause(p) {
      r.state.paused = p;
      r.engine.pause(p);
    },
    clear() {
      r.handle.clear();
    },
    quit() {
      r.state.interrupted = true;
    },
    abort() {
      r.state.aborted = true;
    },
  };
  const color = !('NO_COLOR' in r.io.env) && r.io.env.TERM !== 'dumb';
  const ui = runDashboard(source, {
    stdout: r.io.stdout as NodeJS.WriteStream,
    stdin: r.io.stdin as NodeJS.ReadStream,
    aggrateHz: hz,
    color,
  });
  // The run ends when the dashboard quits; the dashboard stays up after exit() or the end of a
  // -c workload so the final numbers can be read, until the user quits.
  await Promise.all([
    ui,
    r.drive().then(() => {
      tracing = false;
    }),
  ]);
}
