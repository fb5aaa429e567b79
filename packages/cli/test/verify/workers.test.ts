/*
 * `zsdtrace verify` over worker threads, end to end: the bundled CLI (packages/cli/dist, whose
 * verify-worker.js is the worker entry) runs as a child process. Seeds spread over workers must
 * give the summary an in-process run gives, and the summary must say how many workers ran.
 */

import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/lib/run-cli.js';

interface SummaryJson {
  seedsRun: number;
  workers: number;
  events: number;
  callbacks: number;
  steps: number;
  failingSeeds: number;
  waits: Record<string, number>;
}

describe('zsdtrace verify --workers (bundled CLI)', () => {
  it('runs 40 seeds of s3 on 2 workers, finds nothing, exits 0 and says 2 workers ran', async () => {
    const r = await runCli(['verify', '--workload', 's3', '--seeds', '40', '--workers', '2'], { timeoutMs: 60_000 });
    expect(r.stderr).not.toMatch(/verify worker (failed|exited)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}seeds {10}40 \(1\.\.40\) in [\d.]+ s, 2 workers$/m);
    expect(r.stdout).toContain('found          nothing: no engine finding, no property violation');
  });

  it('gives the same summary on 2 workers as in process', async () => {
    const args = ['verify', '--workload', 's3', '--seeds', '40', '--json'];
    const [pooled, local] = await Promise.all([
      runCli([...args, '--workers', '2'], { timeoutMs: 60_000 }),
      runCli([...args, '--workers', '0'], { timeoutMs: 60_000 }),
    ]);
    expect(pooled.status).toBe(0);
    expect(local.status).toBe(0);
    const a = JSON.parse(pooled.stdout) as SummaryJson;
    const b = JSON.parse(local.stdout) as SummaryJson;
    expect(a.workers).toBe(2);
    expect(b.workers).toBe(0);
    expect(a.seedsRun).toBe(40);
    expect(a.failingSeeds).toBe(0);
    expect(a.events).toBeGreaterThan(0);
    expect({ ...a, workers: 0, elapsedMs: 0 }).toEqual({ ...b, elapsedMs: 0 });
  });
});
