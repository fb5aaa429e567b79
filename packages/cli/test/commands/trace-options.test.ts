/*
 * The trace command reads every option through the one option table: the consumer and the
 * runtime see the same resolved values, whatever notation the command line used.
 */

import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/lib/run-cli.js';

const long = 'x'.repeat(300);
const script = `BEGIN { printf("%s\\n", "${long}"); exit(0); }`;

describe('trace options', () => {
  it('prints the same for -x strsize=1k and -x strsize=1024 (both are 1024 bytes)', async () => {
    const k = await runCli(['-q', '-x', 'strsize=1k', '-n', script]);
    const n = await runCli(['-q', '-x', 'strsize=1024', '-n', script]);
    expect(k.stderr).toBe('');
    expect(k.status).toBe(0);
    expect(k.stdout).toBe(`${long}\n\n`);
    expect(n.stdout).toBe(k.stdout);
  });

  it('reads a size in C notation as dtrace does (0x40 is 64)', async () => {
    const hex = await runCli(['-q', '-x', 'strsize=0x40', '-n', script]);
    const dec = await runCli(['-q', '-x', 'strsize=64', '-n', script]);
    expect(hex.status).toBe(0);
    expect(hex.stdout.length).toBeLessThan(100);
    expect(hex.stdout).toBe(dec.stdout);
  });

  it("refuses a size with dtrace's message and exit status 1", async () => {
    const r = await runCli(['-q', '-x', 'strsize=1kb', '-n', 'BEGIN { exit(0); }']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('zsdtrace: failed to set -x strsize=1kb: Invalid value for specified option\n');
  });

  it('reads --duration with the time parser: a bare number is seconds, fractions allowed', async () => {
    const r = await runCli(['-q', '--fast', '--duration', '0.5', '-n', 'tick-10hz { @ = count(); } END { printa("%@d\\n", @); }']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('5');
  });
});
