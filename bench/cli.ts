/*
 * The CLI's start-up cost: wall time from spawning `zsdtrace -n 'BEGIN { exit(0); }'` to its
 * exit (which is after its first and only output), bundled, against a bare `node -e 0` measured
 * the same way in the same process. Goal: at most 150 ms. The first of the runs writes the code
 * cache the others use (src/start.ts); the cost of a start without it is reported too.
 */

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli/bin/zsdtrace.js');

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(args: string[], runs: number, env: Record<string, string> = {}): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
    xs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(xs);
}

export default async function (report: (row: { name: string; value: number; unit: string; note?: string }) => void): Promise<void> {
  const runs = 9;
  const bare = time(['-e', '0'], runs);
  const begin = time([cli, '-q', '-n', 'BEGIN { exit(0); }'], runs);
  const list = time([cli, '-l'], runs);
  const uncached = time([cli, '-q', '-n', 'BEGIN { exit(0); }'], runs, { ZSDTRACE_CODE_CACHE: '0' });
  report({ name: 'node -e 0 (process start floor)', value: bare, unit: 'ms' });
  report({ name: "zsdtrace -q -n 'BEGIN { exit(0); }' start to exit", value: begin, unit: 'ms', note: 'goal <= 150 ms' });
  report({ name: 'zsdtrace -l', value: list, unit: 'ms' });
  report({ name: "the same 'BEGIN { exit(0); }' without the code cache (a first start)", value: uncached, unit: 'ms' });
  report({ name: 'start-up above the node floor', value: begin - bare, unit: 'ms' });
}
