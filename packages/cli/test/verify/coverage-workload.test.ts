/*
 * The zsd-coverage built-in is made so that seeded exploration reaches every coverage item of
 * `zsdtrace verify`: the non-guarantee cases N1-N7 of spec 4.5, the 20 probe sites and the five
 * wait paths. A change to the engine or the workload that loses one of them fails here.
 */

import { describe, expect, it } from 'vitest';
import { verify } from './run-verify.js';


describe('zsdtrace verify --workload zsd-coverage', () => {
  it('reaches N1-N7, every probe site and every wait path in 200 random seeds, with nothing found', async () => {
    const r = await verify(['--workload', 'zsd-coverage', '--seeds', '200', '--workers', '1', '--json', '--require-coverage', 'all']);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as { findings: unknown[]; coverage: Record<string, number> };
    expect(summary.findings).toEqual([]);
    for (const item of ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7']) expect(summary.coverage[item] ?? 0, item).toBeGreaterThan(0);
    for (const path of ['zsd-wait-for-creator from zsd_apply_destroy', 'zsd-wait-for-inprogress from zsd_apply_destroy']) {
      expect(summary.coverage[path] ?? 0, path).toBeGreaterThan(0);
    }
    expect(r.code).toBe(0);
  }, 60_000);

  it('--require-coverage fails the run when too few seeds miss a case', async () => {
    const r = await verify(['--workload', 'zsd-coverage', '--seeds', '2', '--workers', '1', '--require-coverage', 'cases']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/never reached {2}.*N5/);
  }, 60_000);
});
