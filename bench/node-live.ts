/*
 * What tracing a live Node.js service costs it (zsdtrace -p, examples/node-live/service.mjs),
 * measured side by side in one run: two copies of the service, A never traced and B traced in
 * turn (not yet attached, attached with no probe enabled, after detaching, with
 * `node*:::http-server-request { @[args[0]->method] = count(); }`, with
 * `profile-997 { @[jstack()] = count(); }`). Each round loads A and B alternately with the same
 * bounded loopback mix (keep-alive, a few at a time); the figure is B/A per state, median of
 * the rounds, so drift of the machine's load cancels. Goals: idle ≥ 0.99, after detach 1.00,
 * http-server-request ≥ 0.95, profile-997 ≥ 0.9. Then the time from `zsdtrace -p PID` to the
 * first BEGIN output, with the inspector closed beforehand (the usual case).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const service = join(root, 'examples/node-live/service.mjs');
const cli = join(root, 'packages/cli/bin/zsdtrace.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
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

/** Requests per second over `REQUESTS` GETs, CONCURRENCY at a time, on keep-alive connections. */
async function throughput(port: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const one = (path: string): Promise<void> =>
    new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
  const worker = async (): Promise<void> => {
    while (next < REQUESTS) await one(PATHS[next++ % PATHS.length]!);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const s = (performance.now() - t0) / 1000;
  agent.destroy();
  return REQUESTS / s;
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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const STATES = {
  'not yet attached': null,
  'attached, no probe enabled': 'END { }',
  'http-server-request counted by method': 'node*:::http-server-request { @[args[0]->method] = count(); }',
  'profile-997 counting jstack()': 'profile-997 { @[jstack()] = count(); }',
} as const;

export default async function bench(report: Report): Promise<void> {
  const a = await startService();
  const b = await startService();
  try {
    // Warm both (JIT) before measuring.
    await throughput(a.port);
    await throughput(b.port);
    const ratios = new Map<string, number[]>();
    const push = (k: string, v: number): void => void (ratios.get(k) ?? ratios.set(k, []).get(k)!).push(v);
    const pair = async (): Promise<number> => {
      const ta = await throughput(a.port);
      const tb = await throughput(b.port);
      const tb2 = await throughput(b.port);
      const ta2 = await throughput(a.port);
      return (tb + tb2) / (ta + ta2);
    };
    const starts: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, script] of Object.entries(STATES)) {
        if (script === null) {
          if (r === 0) push(name, await pair());
          continue;
        }
        const t = trace(b.pid, script);
        starts.push(await t.ready);
        push(name, await pair());
        await detach(t);
        push('after detaching', await pair());
      }
    }
    for (const [name, xs] of ratios) report({ name: `B/A throughput, ${name}`, value: median(xs), unit: '×', note: `${xs.length} rounds of ${REQUESTS} GETs` });
    report({ name: 'zsdtrace -p PID to the first BEGIN output (median)', value: median(starts), unit: 'ms', note: `max ${Math.round(Math.max(...starts))} ms` });
  } finally {
    a.child.kill();
    b.child.kill();
  }
}
