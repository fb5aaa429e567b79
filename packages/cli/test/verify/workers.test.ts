/*
 * `zsdtrace verify` over worker threads, end to end: the bundled CLI (packages/cli/dist, whose
 * verify-worker.js is the worker entry) runs as a child process. Seeds spread over workers must
 * give the summary an in-process run gives, and the summary must say how many workers ran.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('--exhaustive on 2 workers: shards of the tree, merged, give the in-process findings, bound and coverage', async () => {
    interface ExhaustiveJson {
      workers: number;
      schedules: number;
      bound: number;
      complete: boolean;
      findings: { kind: string; message: string; preemptions: number }[];
      coverage: Record<string, number>;
    }
    const args = ['verify', '--exhaustive', '--workload', 'hazard-t1', '--preemptions', '1', '--json', '--save', mkdtempSync(join(tmpdir(), 'zsd-exh-'))];
    const [pooled, local] = await Promise.all([runCli([...args, '--workers', '2'], { timeoutMs: 60_000 }), runCli([...args, '--workers', '0'], { timeoutMs: 60_000 })]);
    expect(pooled.stderr).not.toMatch(/verify worker (failed|exited)/);
    const a = JSON.parse(pooled.stdout) as ExhaustiveJson;
    const b = JSON.parse(local.stdout) as ExhaustiveJson;
    expect([a.workers, b.workers]).toEqual([2, 0]);
    expect(pooled.status).toBe(local.status);
    expect([a.bound, a.complete]).toEqual([1, true]);
    expect([b.bound, b.complete]).toEqual([1, true]);
    const shapes = (j: ExhaustiveJson) => j.findings.map((f) => `${f.kind} @${f.preemptions}: ${f.message.replace(/\d+/g, '#')}`).sort();
    expect(shapes(a)).toEqual(shapes(b));
    expect(shapes(a).some((f) => f.startsWith('use-after-free T1 @1'))).toBe(true);
    const reached = (j: ExhaustiveJson) => Object.keys(j.coverage).filter((k) => j.coverage[k]! > 0).sort();
    expect(reached(a)).toEqual(reached(b));
    expect(a.schedules).toBeGreaterThanOrEqual(b.schedules);
  });
});
