/*
 * A short, fixed-seed run of the fuzzer (a few thousand inputs): no input may crash the
 * compiler or the CLI, make a compiling program print differently on two runs of s3, or grow
 * the process past the memory limit. `pnpm fuzz` runs the same loop for as long as asked.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../lib/run-cli.js';
import { fuzz } from './fuzz.js';

describe('fuzzer, short fixed-seed run', () => {
  it('finds no crash, nondeterminism or memory breach in 2,000 inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsdtrace-fuzz-'));
    const stats = await fuzz({ root, dir, seed: 20261202, runs: 2000, maxFindings: 1 });
    expect(stats.findings.map((f) => ({ input: f.input, outcome: f.outcome }))).toEqual([]);
    expect(stats.inputs).toBe(2000);
    // The inputs reach many different refusals, not one repeated error.
    expect(stats.messages.size).toBeGreaterThan(50);
  }, 300_000);
});
