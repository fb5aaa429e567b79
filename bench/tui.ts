/*
 * The dashboard's CPU cost. The real dashboard (runDashboard, Ink, React) renders into an
 * in-memory terminal of 160x50 from large snapshots: a count aggregation with 100,000 keys, a
 * keyed quantize with 2,000 keys, an lquantize, an engine with 64 zones and 200 threads, and for
 * the "1M firings/s" case 250,000 printf lines per refresh (a million a second at 4 Hz). Each
 * poll alternates between two snapshots so every frame differs.
 *
 * Reported: CPU milliseconds per refresh (process.cpuUsage over the run, divided by the polls,
 * so GC and loader threads count too; and the main thread's event-loop utilisation, the rendering),
 * and that cost as a share of one core at the default aggrate of 4 refreshes a second.
 * Goal: under 15 % of one core at 1M firings/s.
 *
 * React is measured as it ships: the bundle defines NODE_ENV=production, which selects React's
 * production build, so this file sets it (unless already set) before loading the dashboard.
 * React picks its build once per process, at first load; no other bench loads it.
 */

import { performance } from 'node:perf_hooks';
import type { EngineState } from '@zsdtrace/core';
import type { AggSnapshot } from '@zsdtrace/probes';
import type { DashboardSnapshot, DashboardSource } from '../packages/cli/src/tui/source.js';
import { FakeStdin, FakeStdout } from './lib/fake-terminal.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const STR = { kind: 'string' } as const;
const INT = { kind: 'int', size: 8, signed: true } as const;

function aggs(bump: number): AggSnapshot[] {
  const counts: AggSnapshot = {
    id: 0, name: 'calls', fn: 'count', keyTypes: [STR, INT], normal: 1,
    entries: Array.from({ length: 100_000 }, (_, i) => ({ key: [`fn_${i % 977}`, i], value: (i * 7919 + bump) % 100_003 })),
  };
  const lat: AggSnapshot = {
    id: 1, name: 'lat', fn: 'quantize', keyTypes: [STR], normal: 1,
    entries: Array.from({ length: 2_000 }, (_, i) => {
      const b = new Array<number>(127).fill(0);
      for (let k = 0; k < 12; k++) b[64 + ((i + k) % 30)] = (i * 31 + k * 17 + bump) % 1000;
      return { key: [`cb_${i}`], value: b };
    }),
  };
  const lq: AggSnapshot = {
    id: 2, name: 'depth', fn: 'lquantize', params: { fn: 'lquantize', base: 0, limit: 100, step: 10 },
    keyTypes: [], normal: 1,
    entries: [{ key: [], value: Array.from({ length: 12 }, (_, i) => (i * 13 + bump) % 50) }],
  };
  return [counts, lat, lq];
}

const engine: EngineState = {
  zones: Array.from({ length: 64 }, (_, i) => ({ id: i, name: `z${i}`, status: i % 6, statusName: `status${i % 6}` })),
  keys: Array.from({ length: 40 }, (_, i) => ({ key: i, name: `key${i}`, create: true, shutdown: i % 2 === 0, destroy: true })),
  threads: Array.from({ length: 200 }, (_, i) => ({
    tid: i, name: `t${i}`, state: i % 5 === 0 ? 'blocked' : 'run', blockedOn: 'zone_lock', holds: ['zsd_lock'],
  })),
  waits: Array.from({ length: 20 }, (_, i) => ({ tid: i, zone: i, key: i, kind: 'creator', since: 0 })),
};

type RunDashboard = (typeof import('../packages/cli/src/tui/run-dashboard.js'))['runDashboard'];

async function measure(
  runDashboard: RunDashboard, logLinesPerPoll: number, seconds: number, hz: number,
): Promise<{ msPerRefresh: number; mainMsPerRefresh: number; polls: number; bytes: number }> {
  const snaps = [aggs(0), aggs(1)];
  const log = Array.from({ length: logLinesPerPoll }, (_, i) => `zsd-create-start zone ${i % 64} key ${i % 40}`);
  let polls = 0;
  const source: DashboardSource = {
    info: { script: 'bench.d', workload: 'illumos', seed: 1, algorithm: 'current' },
    poll(): DashboardSnapshot {
      polls++;
      return {
        aggs: snaps[polls % 2]!, log, wallMs: polls * 250, virtualNs: polls * 250e6, probesMatched: 120,
        firings: polls * 250_000, firingsPerSec: 1_000_000, drops: 0, errors: 0, engine, paused: false, done: false,
      };
    },
    pause() {}, clear() {}, quit() {}, abort() {},
  };
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  // The snapshots are the CLI's to build; only the dashboard's own work is measured.
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const done = runDashboard(source, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    aggrateHz: hz,
    color: true,
  });
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) await new Promise((r) => setTimeout(r, 50));
  stdin.send('q');
  await done;
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  return {
    msPerRefresh: (cpu.user + cpu.system) / 1000 / polls,
    mainMsPerRefresh: elu.active / polls,
    polls,
    bytes: stdout.bytes,
  };
}

export default async function (report: Report): Promise<void> {
  process.env['NODE_ENV'] ??= 'production';
  const react = process.env['NODE_ENV'] === 'production' ? 'React production build' : 'React development build';
  const { runDashboard } = await import('../packages/cli/src/tui/run-dashboard.js');
  // Warm-up: JIT and module initialisation are not a refresh's cost.
  await measure(runDashboard, 0, 1, 10);
  for (const [name, lines] of [['large snapshots, no printf', 0], ['large snapshots, 1M printf lines/s', 250_000]] as const) {
    const r = await measure(runDashboard, lines, 4, 10);
    report({ name: `tui: CPU per refresh, ${name}`, value: r.msPerRefresh, unit: 'ms', note: `${r.polls} refreshes, ${react}` });
    report({
      name: `tui: share of one core at 4 refreshes/s, ${name}`,
      value: (r.msPerRefresh * 4) / 10,
      unit: '%',
      note: 'goal < 15 %; whole-process CPU, GC and loader threads included',
    });
    report({
      name: `tui: main-thread share at 4 refreshes/s, ${name}`,
      value: (r.mainMsPerRefresh * 4) / 10,
      unit: '%',
      note: 'event-loop utilisation: the rendering itself',
    });
  }
}
