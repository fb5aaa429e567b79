/*
 * --tui on live targets: the dashboard reads the targets' aggregations, which the agents send
 * when asked (on the aggrate timer, never per firing), combined over the targets; printf and
 * trace output go to its log panel. `q` and Ctrl-C stop the targets as an interrupt does.
 * Without a terminal the aggregations are printed as text on the same timer.
 */

import { performance } from 'node:perf_hooks';
import { printAggregations, resolveOptions } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';
import type { OutputStream } from '../../../output.js';
import type { Io } from '../../../io.js';
import type { LogBuffer } from '../../../tui/log-buffer.js';
import { runDashboard, type DashboardSource } from '../../../tui/index.js';
import type { LiveSnapshots } from './snapshots.js';
import type { LiveTargets } from './targets.js';

export interface LiveDashboardRun {
  readonly args: CliArgs;
  readonly io: Io;
  readonly targets: LiveTargets;
  readonly snapshots: LiveSnapshots;
  readonly log: LogBuffer;
  readonly out: OutputStream;
  readonly live: boolean;
  readonly what: string;
  readonly matched: () => number;
  readonly spans?: () => { exported: number; dropped: number; failed: number } | undefined;
}

export async function runLiveDashboard(r: LiveDashboardRun): Promise<void> {
  // aggrate when set (a time or a rate), else four refreshes a second, as for the simulated kernel.
  const ns = r.args.options.aggrate !== undefined ? resolveOptions(r.args.options).aggrate : 0;
  const hz = ns > 0 ? Math.min(60, Math.max(0.1, 1e9 / ns)) : 4;
  const period = Math.round(1000 / hz);
  const ask = setInterval(() => r.targets.requestSnapshots(), period);
  r.targets.requestSnapshots();
  try {
    if (!r.live) {
      r.io.stderr.write('zsdtrace: --tui needs a terminal on stdin and stdout; printing the aggregations as text instead\n');
      const timer = setInterval(() => {
        const text = printAggregations(r.snapshots.merged(), r.args.options);
        if (text !== '') r.out.write(`\n${text}`);
      }, period);
      try {
        await r.targets.done;
      } finally {
        clearInterval(timer);
      }
      return;
    }
    let tracing = true;
    let lastFirings = 0;
    const start = performance.now();
    let lastPoll = start;
    const source: DashboardSource = {
      info: { script: r.args.programs.map((p) => (p.kind === 's' ? p.value : `-${p.kind} ${p.value}`)).join(' '), workload: r.what, seed: 0, algorithm: '' },
      poll() {
        const now = performance.now();
        const c = r.snapshots.totals();
        const rate = ((c.firings - lastFirings) * 1000) / Math.max(1, now - lastPoll);
        lastFirings = c.firings;
        lastPoll = now;
        const spans = r.spans?.();
        return {
          aggs: r.snapshots.merged(),
          log: r.log.drain(),
          wallMs: now - start,
          virtualNs: Math.round((now - start) * 1e6),
          probesMatched: r.matched(),
          firings: c.firings,
          firingsPerSec: rate,
          drops: c.drops,
          errors: c.errors,
          ...(spans ? { spans } : {}),
          engine: null,
          paused: false,
          done: !tracing,
        };
      },
      pause() {},
      clear() {},
      quit: () => r.targets.stopAll(),
      abort: () => r.targets.abort(),
    };
    const color = !('NO_COLOR' in r.io.env) && r.io.env.TERM !== 'dumb';
    const ui = runDashboard(source, { stdout: r.io.stdout as NodeJS.WriteStream, stdin: r.io.stdin as NodeJS.ReadStream, aggrateHz: hz, color });
    await Promise.all([ui, r.targets.done.then(() => void (tracing = false))]);
  } finally {
    clearInterval(ask);
  }
}
