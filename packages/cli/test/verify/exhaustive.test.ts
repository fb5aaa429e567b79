/*
 * `zsdtrace verify --exhaustive` through the command, on the real engine: the summary's exact last
 * line, the saved counterexample and `--replay FILE`, `--json`, and `--require-coverage`.
 */

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verify } from './run-verify.js';


describe('zsdtrace verify --exhaustive', () => {
  it('S1 legacy: finds the recursive enter, saves it, ends with the exact summary line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsd-exh-'));
    const r = await verify(['--exhaustive', '--workload', 's1', '--algorithm', 'legacy', '--preemptions', '1', '--save', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^exhaustive: s1 legacy: \d+ schedules, bound 1, complete, 2 findings$/);
    expect(r.stdout).toContain('[1] recursive-enter — 0 preemptions');
    const file = join(dir, 's1-legacy-1.json');
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toContain(`replay: zsdtrace verify --replay ${file}`);
    const again = await verify(['--replay', file]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('engine finding: recursive-enter: recursive mutex_enter: modload[3] already owns zonehash_lock');
  });

  it('--json carries schedules, bound, findings and coverage; --require-coverage fails on a case never reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsd-exh-'));
    const r = await verify(['--exhaustive', '--workload', 's1', '--preemptions', '0', '--json', '--save', dir, '--require-coverage', 'N2,zsd-create-start@zsd_apply_create']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { mode: string; schedules: number; bound: number; complete: boolean; findings: unknown[]; coverage: Record<string, number>; seeds: number };
    expect(j.mode).toBe('exhaustive');
    expect(j.bound).toBe(0);
    expect(j.complete).toBe(true);
    expect(j.schedules).toBeGreaterThan(0);
    expect(j.findings).toEqual([]);
    expect(j.coverage['zsd-create-start@zsd_apply_create']).toBeGreaterThan(0);
    expect(r.stderr).toBe('zsdtrace: verify: coverage not reached: N2\n');
  });

  it('--replay FILE refuses a file that is not a saved schedule, and one that does not fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsd-exh-'));
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    const a = await verify(['--replay', junk]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`zsdtrace: verify: ${junk} is not a schedule saved by zsdtrace verify --exhaustive\n`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'zsdtrace-schedule', version: 1, workload: 's1', params: {}, paramArgs: [], algorithm: 'current', publishKeyAfterCreate: false, preemptions: 0, finding: { kind: 'x', message: 'y' }, schedule: [99] }));
    const b = await verify(['--replay', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^zsdtrace: verify: .*bad\.json: the schedule does not fit this workload: decision 1 chooses thread 99/);
    expect(readFileSync(bad, 'utf8')).toContain('zsdtrace-schedule');
  });
});
