/*
 * Runs the real, bundled `zsdtrace` as a child process and collects what it printed.
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(root, 'packages/cli/bin/zsdtrace.js');
export const bundlePath = join(root, 'packages/cli/dist/zsdtrace.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  input?: string;
  /** Called once stdout has produced text matching `when`; may signal the child. */
  onOutput?: { when: RegExp; then: (child: import('node:child_process').ChildProcess) => void };
}

export function assertBuilt(): void {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: run 'node packages/cli/build.mjs' first (the test command does)`);
  }
}

export function runCli(args: readonly string[], opts: CliRunOptions = {}): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let fired = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (opts.onOutput && !fired && opts.onOutput.when.test(stdout)) {
        fired = true;
        opts.onOutput.then(child);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, signal });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}
