/*
 * Real Node.js processes for the live-tracing tests: the example service (examples/node-live)
 * started on a free loopback port, the bundled zsdtrace attached to it or running it, and the
 * example's bounded load.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt, cliPath, root } from './run-cli.js';

export const servicePath = join(root, 'examples/node-live/service.mjs');

/** Resolves when `read()` matches `re` (polled as output arrives), with the match. */
export function waitFor(child: ChildProcess, read: () => string, re: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const m = re.exec(read());
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.stderr?.off('data', check);
        resolve(m);
      }
      return m !== null;
    };
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}: ${read()}`)), timeoutMs);
    if (check()) return;
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', () => setImmediate(() => check() || reject(new Error(`exited before ${re}: ${read()}`))));
  });
}

export interface Running {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  waitOut(re: RegExp): Promise<RegExpExecArray>;
  waitErr(re: RegExp): Promise<RegExpExecArray>;
}

export function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const r: Running = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('close', (status, signal) => resolve({ status, signal }))),
    waitOut: (re) => waitFor(child, () => r.stdout, re),
    waitErr: (re) => waitFor(child, () => r.stderr, re),
  };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (r.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (r.stderr += d));
  return r;
}

export interface Service extends Running {
  readonly pid: number;
  readonly base: string;
  stop(): Promise<void>;
}

export async function startService(env: Record<string, string> = {}): Promise<Service> {
  const r = run(process.execPath, [servicePath, '0'], env);
  const m = await r.waitErr(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return Object.assign(r, {
    pid: r.child.pid!,
    base: m[1]!,
    async stop() {
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
      await r.exited;
    },
  });
}

export function zsdtrace(args: readonly string[], env: Record<string, string> = {}): Running {
  assertBuilt();
  return run(process.execPath, [cliPath, ...args], env);
}

/** Sends requests one after another; returns the statuses. */
export async function requests(base: string, list: readonly (readonly [string, string])[]): Promise<number[]> {
  const out: number[] = [];
  for (const [method, path] of list) {
    const res = await fetch(base + path, { method, body: method === 'POST' ? '{}' : undefined });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

/** The service's own report: the diagnostics channels with subscribers, its active resources. */
export async function health(base: string): Promise<{ subscribed: string[]; resources: string[] }> {
  const res = await fetch(`${base}/healthz`, { headers: { connection: 'close' } });
  return (await res.json()) as { subscribed: string[]; resources: string[] };
}
