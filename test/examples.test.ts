/*
 * Every example script compiles and runs to its own exit() against the default workload on
 * virtual time, and prints something.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './lib/run-cli.js';

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.d')).sort();

describe('examples', () => {
  it('has at least twelve scripts', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.concurrent.each(examples)('%s runs and prints', async (file) => {
    const r = await runCli(['--fast', '-s', join('examples', file)], { timeoutMs: 60_000 });
    expect(r.stderr).not.toMatch(/failed to compile|error on enabled probe|internal error/);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  });
});
