/*
 * What tracing a live Node.js service costs it (zsdtrace -p PID, examples/node-live/service.mjs),
 * measured side by side in one run: two copies of the service, A never traced and B in turn
 * untraced (the control: how far apart two identical services measure), attached with no probe
 * enabled, with `node*:::http-server-request { @[args[0]->method] = count(); }`, with
 * `profile-997 { @[jstack()] = count(); }`, and after detaching.
 *
 * One measurement loads A and B alternately (A B B A …, the same bounded loopback mix of
 * keep-alive GETs, a few at a time) and gives two ratios: throughput (B/A requests per second)
 * and the target's own CPU time per request (B/A, from /proc/PID/task/{tid}/schedstat, in ns, all
 * threads). Throughput also moves with everything else the machine runs; CPU per request is the
 * overhead itself. The states take turns in every round, their order rotated from round to
 * round; each figure is the median over the rounds, with the interquartile range beside it.
 * A traced state is measured after B has served WARMUP requests since the attach (as both
 * services are warmed before anything is measured); what those first requests cost B is
 * reported on its own line.
 * Goals: idle ≥ 0.99, after detach 1.00, http-server-request ≥ 0.95, profile-997 ≥ 0.9. Then
 * the time from `zsdtrace -p PID` to the first BEGIN output, with the inspector closed
 * beforehand (the usual case).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const service = join(root, 'examples/node-live/service.mjs');
const cli = join(root, 'packages/cli/bin/zsdtrace.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
/** A-then-B blocks per measurement (the order flips every block). */
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 4);
/** Requests B serves after each attach before a traced state is measured. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);
const CONCURRENCY = 8;
const PATHS = ['/users/1', '/users/2', '/missing', '/users/3'];

interface Svc {
  child: ChildProcess;
  pid: number;
  port: number;
}

function startService(): Promise<Svc> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [service, '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const m = /service (\d+) listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve({ child, pid: Number(m[1]), port: Number(m[2]) });
    });
    child.once('exit', () => reject(new Error(`service exited: ${err}`)));
  });
}

/** CPU time the process has run so far, in ns, over all its threads. */
function cpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return total;
}

interface Load {
  /** Requests per second. */
  rate: number;
  /** The service's CPU time per request, ns. */
  cpu: number;
}

/** `REQUESTS` GETs, CONCURRENCY at a time, on keep-alive connections. */
async function load(svc: Svc, requests = REQUESTS): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const one = (path: string): Promise<void> =>
    new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: svc.port, path, agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
  const worker = async (): Promise<void> => {
    while (next < requests) await one(PATHS[next++ % PATHS.length]!);
  };
  const c0 = cpuNs(svc.pid);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const s = (performance.now() - t0) / 1000;
  const cpu = (cpuNs(svc.pid) - c0) / requests;
  agent.destroy();
  return { rate: requests / s, cpu };
}

interface Ratio {
  throughput: number;
  cpu: number;
  /** B's CPU per request, ns. */
  cpuB: number;
}

/** A and B in alternating blocks: B/A throughput (over summed times) and CPU per request. */
async function measure(a: Svc, b: Svc): Promise<Ratio> {
  const sum = { a: { t: 0, c: 0 }, b: { t: 0, c: 0 } };
  for (let i = 0; i < BLOCKS; i++) {
    for (const which of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const l = await load(which === 'a' ? a : b);
      sum[which].t += 1 / l.rate;
      sum[which].c += l.cpu;
    }
  }
  return { throughput: sum.a.t / sum.b.t, cpu: sum.b.c / sum.a.c, cpuB: sum.b.c / BLOCKS };
}

interface Trace {
  child: ChildProcess;
  out: string;
  ready: Promise<number>;
  done: Promise<void>;
}

/** Starts zsdtrace on `pid`; `ready` resolves (ms since spawn) once BEGIN has printed. */
function trace(pid: number, script: string): Trace {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, '-q', '-n', `BEGIN { printf("ready\\n"); } ${script}`, '-p', String(pid)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const t: Trace = {
    child,
    out: '',
    ready: new Promise((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        t.out += d;
        if (t.out.includes('ready\n')) resolve(performance.now() - t0);
      });
      child.once('exit', () => reject(new Error(`zsdtrace ended before BEGIN: ${t.out}`)));
    }),
    done: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  child.stderr!.resume();
  return t;
}

async function detach(t: Trace): Promise<void> {
  t.child.kill('SIGINT');
  await t.done;
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((x, y) => x - y);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

const TRACED = {
  'attached, no probe enabled': 'END { }',
  'http-server-request counted by method': 'node*:::http-server-request { @[args[0]->method] = count(); }',
  'profile-997 counting jstack()': 'profile-997 { @[jstack()] = count(); }',
} as const;

export default async function bench(report: Report): Promise<void> {
  const a = await startService();
  const b = await startService();
  try {
    // Warm both (JIT) before measuring.
    await load(a);
    await load(b);
    const results = new Map<string, Ratio[]>();
    const push = (k: string, v: Ratio): void => void (results.get(k) ?? results.set(k, []).get(k)!).push(v);
    const starts: number[] = [];
    const warm: number[] = [];
    const names = Object.keys(TRACED) as (keyof typeof TRACED)[];
    for (let r = 0; r < ROUNDS; r++) {
      push('B untraced (control)', await measure(a, b));
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + r) % names.length]!;
        const t = trace(b.pid, TRACED[name]);
        starts.push(await t.ready);
        // The first requests after attaching pay for the agent's arrival (its compile's
        // garbage, V8 optimizing the new code and re-optimizing what the new subscriber
        // changed): a figure of its own, then the state is measured warm, as the services are.
        const first = await load(b, WARMUP);
        const m = await measure(a, b);
        push(name, m);
        warm.push(first.cpu / (m.cpuB / m.cpu));
        await detach(t);
      }
      push('after detaching', await measure(a, b));
    }
    const spread = (xs: number[]): string => `IQR ${quantile(xs, 0.25).toFixed(3)}–${quantile(xs, 0.75).toFixed(3)}`;
    for (const [name, rs] of results) {
      const tp = rs.map((x) => x.throughput);
      report({ name: `B/A throughput, ${name}`, value: quantile(tp, 0.5), unit: '×', note: `${spread(tp)}, ${rs.length} rounds × ${BLOCKS} blocks × ${REQUESTS} GETs` });
    }
    for (const [name, rs] of results) {
      const cpu = rs.map((x) => x.cpu);
      const us = quantile(rs.map((x) => x.cpuB), 0.5) / 1000;
      report({ name: `B/A target CPU per request, ${name}`, value: quantile(cpu, 0.5), unit: '×', note: `${spread(cpu)}; B ${us.toFixed(1)} µs/request` });
    }
    report({ name: `B/A target CPU per request, first ${WARMUP} requests after attaching`, value: quantile(warm, 0.5), unit: '×', note: `${spread(warm)}, every traced state` });
    report({ name: 'zsdtrace -p PID to the first BEGIN output (median)', value: quantile(starts, 0.5), unit: 'ms', note: `max ${Math.round(Math.max(...starts))} ms` });
  } finally {
    a.child.kill();
    b.child.kill();
  }
}
