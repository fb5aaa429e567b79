/*
 * End-to-end tests of the `zsdtrace` command: flags, exit codes, messages, listing, output
 * destinations and formats, workloads and interrupts, run through the real bundled CLI.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './lib/run-cli.js';

const header = `${'CPU'} ${'ID'.padStart(6)} ${'FUNCTION:NAME'.padStart(32)}\n`;
const tmp = mkdtempSync(join(tmpdir(), 'zsdtrace-cli-'));

describe('zsdtrace command line', () => {
  it('prints the version with -V', async () => {
    const r = await runCli(['-V']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^zsdtrace: Sun D 1\.\d+ \(zsdtrace \d+\.\d+\.\d+\)\n$/);
  });

  it('prints the usage and exits 2 without probes', async () => {
    const r = await runCli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: zsdtrace');
  });

  it('rejects an unknown option with exit status 2', async () => {
    const r = await runCli(['-K']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('zsdtrace: illegal option -- K');
  });

  it('traces BEGIN with the probe line, the record and the final newline, as dtrace does', async () => {
    const r = await runCli(['-n', 'BEGIN { trace("hi"); exit(0); }']);
    expect(r.status).toBe(0);
    const line = `${'0'.padStart(3)} ${'1'.padStart(6)} ${':BEGIN'.padStart(32)} ${'  ' + 'hi'.padEnd(33)}\n`;
    expect(r.stdout).toBe(header + line + '\n');
    expect(r.stderr).toBe("zsdtrace: description 'BEGIN' matched 1 probe\n");
  });

  it('exits with the value given to exit()', async () => {
    const r = await runCli(['-q', '-n', 'BEGIN { exit(3); }']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('\n');
  });

  it('reports a compile error with the line and exits 1', async () => {
    const script = join(tmp, 'bad.d');
    writeFileSync(script, 'BEGIN\n{\n\tx = ;\n}\n');
    const r = await runCli(['-s', script]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^zsdtrace: failed to compile script ${script.replace(/[.]/g, '\\.')}: line 3: syntax error near ";"\n$`));
    const tagged = await runCli(['-xerrtags', '-s', script]);
    expect(tagged.stderr).toContain(': [D_SYNTAX] line 3: ');
  });

  it('says when a script file cannot be opened', async () => {
    const r = await runCli(['-s', 'no-such-script.d']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('zsdtrace: failed to open no-such-script.d: No such file or directory\n');
  });

  it('compiles without tracing with -e', async () => {
    const r = await runCli(['-e', '-n', 'BEGIN { trace(1); }']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('lists the engine probes with dtrace -l widths', async () => {
    const r = await runCli(['-l']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${'ID'.padStart(5)} ${'PROVIDER'.padStart(10)} ${'MODULE'.padStart(17)} ${'FUNCTION'.padStart(33)} NAME`);
    expect(lines[1]).toBe(`${'1'.padStart(5)} ${'dtrace'.padStart(10)} ${''.padStart(17)} ${''.padStart(33)} BEGIN`);
    for (const [fn, name] of [
      ['zone_key_create', 'zsd-create-needed'],
      ['zone_zsd_configure', 'zsd-create-needed'],
      ['zsd_apply_create', 'zsd-create-start'],
      ['zsd_apply_shutdown', 'zsd-shutdown-completed'],
      ['zsd_apply_destroy', 'zsd-destroy-inprogress'],
      ['zsd_wait_for_creator', 'zsd-wait-for-creator'],
      ['zsd_wait_for_inprogress', 'zsd-wait-for-inprogress'],
      ['zone_key_delete', 'zsd-shutdown-needed'],
      ['zone_zsd_callbacks', 'zsd-destroy-needed'],
    ] as const) {
      expect(lines.some((l) => l.endsWith(`${fn.padStart(33)} ${name}`) && l.includes('sdt') && l.includes('genunix'))).toBe(true);
    }
    expect(lines.some((l) => / fbt +genunix +zone_key_create entry$/.test(l))).toBe(true);
    expect(lines.some((l) => / lockstat /.test(l) && l.endsWith('adaptive-block'))).toBe(true);
    expect(lines.some((l) => / zone /.test(l) && l.endsWith('status'))).toBe(true);
    expect(lines.some((l) => l.endsWith('tick-1000'))).toBe(true);
  });

  it('filters the listing with -n and shows argument types with -v', async () => {
    const r = await runCli(['-lv', '-n', 'sdt:::zsd-wait-for-creator']);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => / sdt /.test(l));
    expect(rows).toHaveLength(1);
    expect(r.stdout).toContain('\t\targs[0]: zone_t *\n');
    expect(r.stdout).toContain('\t\targs[1]: struct zsd_entry *\n');
    const p = await runCli(['-l', '-P', 'zone']);
    expect(p.stdout.split('\n').filter((l) => l.trim() !== '')).toHaveLength(2);
  });

  it('runs a finite workload with -c and ends the trace when it completes', async () => {
    const r = await runCli(['-q', '-c', 's3', '-n', 'sdt:::zsd-create-start { @n = count(); } END { printa("starts=%@d\\n", @n); }']);
    expect(r.status).toBe(0);
    const m = /starts=(\d+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
  });

  it('gives the same output for the same seed, and the seed matters', async () => {
    const script = 'sdt:::zsd-*-start, sdt:::zsd-wait-* { printf("%d %s %d\\n", timestamp, probename, tid); }';
    const a = await runCli(['-q', '--seed', '7', '-c', 'module-churn', '-n', script]);
    const b = await runCli(['-q', '--seed', '7', '-c', 'module-churn', '-n', script]);
    const c = await runCli(['-q', '--seed', '8', '-c', 'module-churn', '-n', script]);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('appends to the -o file', async () => {
    const file = join(tmp, 'out.txt');
    writeFileSync(file, 'before\n');
    const r = await runCli(['-q', '-o', file, '-n', 'BEGIN { printf("hello\\n"); exit(0); }']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('before\nhello\n\n');
  });

  it('writes one JSON object per line with --format json', async () => {
    const r = await runCli(['-q', '--format', 'json', '-n', 'BEGIN { printf("x=%d", 42); @a["k"] = count(); exit(0); }']);
    expect(r.status).toBe(0);
    const objs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(objs.some((o) => o.type === 'printf' && JSON.stringify(o).includes('x=42'))).toBe(true);
    expect(objs.some((o) => JSON.stringify(o).includes('"k"'))).toBe(true);
    expect(objs.at(-1)!.type).toBe('exit');
  });

  it('names the field and the reason for a bad workload file', async () => {
    const file = join(tmp, 'bad-workload.json');
    writeFileSync(file, JSON.stringify({ keys: [{ name: 'k', create: { duration: 'soon' } }], zones: 'many' }));
    const r = await runCli(['-q', '-c', file, '-n', 'BEGIN { exit(0); }']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zsdtrace: .*(keys\[0\]|zones).*\n/);
  });

  it('runs END and prints the aggregations on the first interrupt', async () => {
    const r = await runCli(
      ['-q', '-n', 'sdt:::zsd-create-start { @["creates"] = count(); } tick-100ms { printf("tick\\n"); } END { printf("end\\n"); }'],
      { onOutput: { when: /tick\n/, then: (c) => c.kill('SIGINT') }, timeoutMs: 20_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tick\n(tick\n)*end\n\n  creates +\d+\n$/);
  });

  it('stops after --duration', async () => {
    const r = await runCli(['-q', '--duration', '300ms', '-n', 'tick-100ms { @t = count(); }'], { timeoutMs: 15_000 });
    expect(r.status).toBe(0);
    const n = Number(r.stdout.trim());
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(3);
  });

  it('finds the legacy deadlock of scenario s2 and reports it while tracing', async () => {
    const r = await runCli(['-q', '--algorithm', 'legacy', '-c', 's2', '-n', 'BEGIN { }']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/zsdtrace: the simulated kernel stopped: .*(deadlock|recursive)/i);
  });

  it('falls back to periodic text when --tui has no terminal', async () => {
    const r = await runCli(['-q', '--tui', '--duration', '3s', '-x', 'aggrate=4hz', '-n', 'sdt:::zsd-create-start { @["creates"] = count(); }'], {
      timeoutMs: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('zsdtrace: --tui needs a terminal on stdin and stdout; printing the aggregations as text instead');
    const dumps = [...r.stdout.matchAll(/^ {2}creates +(\d+)$/gm)].map((m) => Number(m[1]));
    expect(dumps.length).toBeGreaterThanOrEqual(2);
    // Counts only grow from one dump to the next; the last one is the final print at exit.
    for (let i = 1; i < dumps.length; i++) expect(dumps[i]!).toBeGreaterThanOrEqual(dumps[i - 1]!);
  });

  it('lists the probes a script matches with -l -s', async () => {
    const script = join(tmp, 'waits.d');
    writeFileSync(script, 'sdt:::zsd-wait-for-* { @[probename] = count(); }\nfbt::zone_key_delete:return { }\n');
    const r = await runCli(['-l', '-s', script]);
    expect(r.status).toBe(0);
    // In probe id order: the sdt probes are declared before the fbt ones.
    const names = r.stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/).slice(1).join(' '));
    expect(names).toEqual([
      'sdt genunix zsd_wait_for_creator zsd-wait-for-creator',
      'sdt genunix zsd_wait_for_inprogress zsd-wait-for-inprogress',
      'fbt genunix zone_key_delete return',
    ]);
  });

  it('fails on a bad -x option before compiling, as dtrace does', async () => {
    const bad = await runCli(['-x', 'nosuchoption', '-n', 'BEGIN { exit(0); }']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('zsdtrace: failed to set -x nosuchoption: Invalid option name\n');
    const value = await runCli(['-x', 'bufsize=lots', '-n', 'BEGIN { exit(0); }']);
    expect(value.status).toBe(1);
    expect(value.stderr).toBe('zsdtrace: failed to set -x bufsize=lots: Invalid value for specified option\n');
    const good = await runCli(['-q', '-x', 'bufsize=8k', '-x', 'aggsortrev', '-b', '4m', '-n', 'BEGIN { exit(0); }']);
    expect(good.status).toBe(0);
  });
});
