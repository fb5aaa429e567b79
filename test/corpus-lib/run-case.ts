/*
 * Runs one corpus case through the real CLI as a child process, the way dtrace's test harness
 * runs dtrace(1): `node <bin> --seed 1 [options] [-xerrtags] -s <file> [operands]`, cwd = the
 * script's folder (so messages name the script as the corpus files do), TZ=UTC.
 *
 * Output: the exact stdout, stderr and exit status, or a timeout marker. A run that exceeds its
 * budget is killed (its whole process group) so no process outlives the suite.
 * It must not judge the result: check-case.ts does that.
 */

import { spawn } from 'node:child_process';
import type { CorpusCase } from './discover.js';

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status; null when killed by a signal or by the timeout. */
  readonly exit: number | null;
  readonly timedOut: boolean;
}

export interface RunOptions {
  /** Absolute path of `packages/cli/bin/zsdtrace.js`. */
  readonly bin: string;
  readonly timeoutMs: number;
  readonly seed?: number;
}

/** The argv after `node`, exactly as the corpus convention defines it. */
export function argvFor(c: CorpusCase, opts: RunOptions): string[] {
  const argv = [opts.bin, '--seed', String(opts.seed ?? 1), ...c.options];
  if (c.kind === 'err') argv.push('-xerrtags');
  argv.push('-s', c.file, ...c.operands);
  return argv;
}

export function runCase(c: CorpusCase, opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argvFor(c, opts), {
      cwd: c.dir,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exit: timedOut ? null : code,
        timedOut,
      });
    });
  });
}

/** A counting semaphore: at most `limit` tasks run at once (the machine has 2 cores). */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    active--;
    const next = waiting.shift();
    if (next !== undefined) next();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
