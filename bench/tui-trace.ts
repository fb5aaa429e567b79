/*
 * The trace's throughput with and without the dashboard: the real `zsdtrace` (its main(), in
 * this process) traces 10 s of virtual time of the default workload on virtual time (--fast) with
 * a D script counting every sdt probe, once plainly and once with --tui drawing into an
 * in-memory 160x50 terminal at the default 4 refreshes a second. The same seed simulates the same
 * work, so the ratio of wall times is the dashboard's cost to the trace.
 */

import { FakeStdin, FakeStdout } from './lib/fake-terminal.js';
import { performance } from 'node:perf_hooks';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const SCRIPT = 'sdt:::zsd-* { @n = count(); @[probename] = count(); }';

async function once(tui: boolean): Promise<{ ms: number; cpuMs: number; firings: number }> {
  const { main } = await import('../packages/cli/src/main.js');
  const stdout = new FakeStdout(160, 50, true);
  const stdin = new FakeStdin();
  const stderr = new FakeStdout(160, 50, true);
  // The dashboard stays up after the trace ends until `q`: press it once it says so.
  const watcher = setInterval(() => {
    if (tui && stdout.text.includes('DONE')) stdin.send('q');
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const status = await main(['-q', '--fast', '--duration', '10s', '--seed', '5', ...(tui ? ['--tui'] : []), '-n', SCRIPT], {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    env: { ...process.env, CI: '0' },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(watcher);
  if (status !== 0) throw new Error(`zsdtrace exited ${status}: ${stderr.text}`);
  const m = /^\s+(\d+)\s*$/m.exec(stdout.text.split('\n').filter((l) => /^\s+\d+\s*$/.test(l)).pop() ?? '');
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, firings: Number(m?.[1] ?? 0) };
}

export default async function (report: Report): Promise<void> {
  process.env['NODE_ENV'] ??= 'production';
  await once(false);
  const plain: number[] = [];
  const withTui: number[] = [];
  const plainCpu: number[] = [];
  const withTuiCpu: number[] = [];
  let firings = 0;
  for (let i = 0; i < 3; i++) {
    const a = await once(false);
    const b = await once(true);
    plain.push(a.ms);
    withTui.push(b.ms);
    plainCpu.push(a.cpuMs);
    withTuiCpu.push(b.cpuMs);
    firings = a.firings;
  }
  const med = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const p = med(plain);
  const t = med(withTui);
  report({ name: 'trace without --tui: probe firings per second', value: (firings * 1000) / p, unit: 'firings/s', note: `${firings} firings in ${p.toFixed(0)} ms` });
  report({ name: 'trace with --tui: probe firings per second', value: (firings * 1000) / t, unit: 'firings/s', note: `${t.toFixed(0)} ms` });
  report({
    name: 'trace with --tui / without: wall time',
    value: t / p,
    unit: 'x',
    note: 'includes up to one refresh (250 ms) before the dashboard shows DONE and q is pressed',
  });
  report({ name: 'trace with --tui / without: CPU time', value: med(withTuiCpu) / med(plainCpu), unit: 'x' });
}
