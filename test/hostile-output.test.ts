/*
 * Output through the real bundled CLI under hostile conditions: raw bytes from string escapes,
 * a reader that goes away (EPIPE), a full disk, and a --fast run whose workload is too heavy
 * for its --duration of virtual time to pass soon.
 */

import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, root, runCli } from './lib/run-cli.js';

function runBytes(args: readonly string[]): { stdout: Buffer; stderr: string; status: number | null } {
  assertBuilt();
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), status: r.status };
}

describe('string escapes are bytes', () => {
  it('traces "\\xff" as the one byte ff, dumped as dtrace dumps a string it cannot print', () => {
    const r = runBytes(['-q', '-x', 'strsize=16', '-n', 'BEGIN { trace("\\xff"); exit(0); }']);
    expect(r.stderr).toBe('');
    expect(r.stdout.toString('latin1')).toContain(`\n         0: ff ${'00 '.repeat(15)} ................\n`);
  });

  it('prints raw bytes with printf %s, and "\\303\\251" as the two bytes of é', () => {
    const r = runBytes(['-q', '-n', 'BEGIN { printf("|%s|%d|%s\\n", "\\377A", strlen("\\xff\\x80"), "\\303\\251é"); exit(0); }']);
    expect(r.stderr).toBe('');
    expect([...r.stdout]).toEqual([...Buffer.from('|'), 0xff, 0x41, ...Buffer.from('|2|éé\n\n')]);
  });
});

describe('write errors on stdout', () => {
  it('reports a reader that went away (EPIPE) with a message and status 1', async () => {
    assertBuilt();
    const child = spawn(process.execPath, [cliPath, '-n', 'tick-1ms { trace(1); }', '--fast', '--duration', '100s'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Like `| head -1`: read a little, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toContain('zsdtrace: failed to write to standard output: Broken pipe');
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(status).toBe(1);
  }, 60_000);

  it('reports a full disk (ENOSPC) on stdout with a message and status 1', () => {
    assertBuilt();
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [cliPath, '-n', 'tick-1ms { trace(1); }', '--fast', '--duration', '1s'], { cwd: root, stdio: ['ignore', full, 'pipe'] });
    expect(r.stderr.toString()).toContain('zsdtrace: failed to write to standard output: No space left on device');
    expect(r.status).toBe(1);
  });
});

describe('--fast --duration', () => {
  it('ends a workload too heavy for its virtual time to pass after that much wall time (at least 10 s), saying so', async () => {
    // A million ZSD entries: one second of virtual time takes minutes of wall time here.
    const r = await runCli(
      ['-q', '--workload', 'boot-storm', '--param', 'zones=1000', '--param', 'keys=1000', '--fast', '--duration', '1s', '-n', 'BEGIN { s = timestamp; } END { printf("%d ms\\n", (timestamp - s) / 1000000); }'],
      { timeoutMs: 60_000 },
    );
    expect(r.stderr).toMatch(/^zsdtrace: --duration: 1\d\.\d s of wall time passed at \d+\.\d{3} ms of virtual time; stopping the --fast run there\n$/);
    expect(r.status).toBe(0);
    const virtualMs = Number(/^(\d+) ms$/m.exec(r.stdout)?.[1]);
    expect(virtualMs).toBeLessThan(1000);
  }, 90_000);
});
