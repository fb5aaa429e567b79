/*
 * Tracing under load: every probe of the engine enabled, with several aggregations and
 * thread-local variables, on boot-storm with 1,000 zones. Memory stays within the configured
 * limits, every drop is counted and reported exactly (what was reported equals what was lost),
 * and the engine's own behaviour is identical with and without tracing.
 */

import { describe, expect, it } from 'vitest';
import { createEngine, engineLibraries, loadWorkload } from '@zsdtrace/core';
import { compile, createRuntime, TextConsumer } from '@zsdtrace/probes';

const SCRIPT = `
:::
{
	@firings[probeprov] = count();
	self->last = timestamp;
	self->seen[probename] = 1;
}

sdt:::zsd-*-start
{
	self->start[args[0]->zone_id, args[1]] = timestamp;
}

sdt:::zsd-shutdown-end, sdt:::zsd-destroy-end
/self->start[args[0]->zone_id, args[1]]/
{
	@lat[probename] = quantize(timestamp - self->start[args[0]->zone_id, args[1]]);
	self->start[args[0]->zone_id, args[1]] = 0;
}

lockstat:::adaptive-block
{
	@blocked[args[0]->lock_name] = sum(arg1);
}

sdt:::zsd-create-start
{
	@printed = count();
	printf("create %d %d\\n", args[0]->zone_id, args[1]);
}
`;

function run(traced: boolean) {
  const engine = createEngine({ workload: loadWorkload('boot-storm', { zones: 1000 }), seed: 11 });
  let out = '';
  let err = '';
  let printedLines = 0;
  let runtime;
  if (traced) {
    const result = compile([{ text: SCRIPT, kind: 'script', name: 'stress.d' }], {
      registry: engine.registry,
      libraries: engineLibraries,
      options: { quiet: true, bufsize: '64k', dynvarsize: '256k' },
    });
    expect(result.diagnostics).toEqual([]);
    const sink = new TextConsumer({
      out: (s) => {
        out += s.length > 0 && out.length < 1_000_000 ? s : '';
        printedLines += s.split('\n').length - 1;
      },
      err: (s) => {
        err += s;
      },
      quiet: true,
      flowindent: false,
      progname: 'zsdtrace',
      droptags: false,
      strsize: 256,
      options: result.program!.options,
    });
    runtime = createRuntime(result.program!, { host: engine.host, registry: engine.registry, sink });
    runtime.start();
    // Consume the principal buffer (and report drops) as often as dtrace's switchrate would.
    engine.host.every(1_000_000, () => runtime!.flushDrops());
  }
  let peakDynvars = 0;
  let peakBuffer = 0;
  if (runtime) engine.host.every(100_000, () => {
    const u = runtime!.usage();
    peakDynvars = Math.max(peakDynvars, u.dynvars.used);
    peakBuffer = Math.max(peakBuffer, u.buffer.used);
  });
  const result = engine.run();
  if (runtime) {
    runtime.stop();
    runtime.flushDrops();
  }
  return { engine, result, out, err, printedLines, runtime, peakDynvars, peakBuffer };
}

describe('stress: every probe on boot-storm with 1,000 zones', () => {
  it('stays within its limits, reports every drop exactly, and does not change the engine', () => {
    const plain = run(false);
    const traced = run(true);
    expect(traced.result.findings).toEqual([]);
    // The traced system behaved identically.
    expect(traced.result.traceHash).toBe(plain.result.traceHash);
    expect(traced.result.events).toBe(plain.result.events);

    const rt = traced.runtime!;
    const usage = rt.usage();
    const counters = rt.counters();
    expect(counters.firings).toBeGreaterThan(100_000);

    // Memory: the limits were reached, and never exceeded.
    expect(counters.drops.dynamic).toBeGreaterThan(0);
    expect(traced.peakDynvars).toBeLessThanOrEqual(usage.dynvars.max);
    expect(traced.peakBuffer).toBeLessThanOrEqual(usage.buffer.max);
    expect(counters.drops.principal).toBeGreaterThan(0);

    // Drops: the printf records that were printed plus those reported dropped equal the firings
    // of that clause, which the aggregation counted (aggregations are not subject to bufsize).
    const printed = Number(rt.snapshot().find((a) => a.name === 'printed')!.entries[0]!.value);
    const createLines = traced.printedLines;
    const reported = [...traced.err.matchAll(/^zsdtrace: (\d+) drops on CPU \d+$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const reportedDyn = [...traced.err.matchAll(/^zsdtrace: (\d+) dynamic variable drops$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(reported).toBe(counters.drops.principal);
    expect(reportedDyn).toBe(counters.drops.dynamic);
    expect(createLines + reported).toBe(printed);
  }, 240_000);
});
