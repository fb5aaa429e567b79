/*
 * OpenTelemetry export costs, measured in one process:
 *   1. spans per second from trace events to a loopback OTLP/HTTP receiver (protobuf and JSON),
 *      end to end: events in, spans built, batched, serialised, sent, acknowledged;
 *   2. the slowdown of an engine run on the `boot-storm` workload with the exporter attached
 *      (run plus flush at shutdown) against the same run without it. Goal: within 3x, with zero
 *      spans dropped or failed.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TraceEvent } from '../packages/core/src/trace/events.js';
import { createOtlpExporter } from '../packages/cli/src/otlp/index.js';
import type { OtlpProtocol, OtlpReport } from '../packages/cli/src/otlp/index.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

/** A receiver that reads each request fully and acknowledges it, decoding nothing. */
async function sink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => res.writeHead(200, { 'content-type': req.headers['content-type'] ?? '' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** zone_key_create operations with one create callback each, on 8 zones: 9 spans per key. */
function keyCreates(keys: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  let t = 0;
  for (let k = 1; k <= keys; k++) {
    out.push({ kind: 'opBegin', t: t++, tid: 2, op: 'zone_key_create', opId: k, key: k });
    for (let z = 0; z < 8; z++) {
      out.push({ kind: 'start', t: (t += 10), tid: 2, phase: 'create', zone: z, key: k });
      out.push({ kind: 'end', t: (t += 100), tid: 2, phase: 'create', zone: z, key: k, result: k });
    }
    out.push({ kind: 'opEnd', t: t++, tid: 2, op: 'zone_key_create', opId: k, key: k });
  }
  return out;
}

function exporterTo(url: string, protocol: OtlpProtocol) {
  return createOtlpExporter({
    url,
    protocol,
    env: {},
    resource: { workload: 'bench', seed: 1, algorithm: 'current' },
    wallEpochNs: BigInt(Date.now()) * 1_000_000n,
    exportTimeoutMs: 30_000,
    diag: (m) => process.stderr.write(`otlp bench: ${m}\n`),
  });
}

const lost = (r: OtlpReport): number => r.dropped + r.failed;

async function throughput(report: Report, protocol: OtlpProtocol): Promise<void> {
  const s = await sink();
  const events = keyCreates(20_000);
  const exporter = exporterTo(s.url, protocol);
  const t0 = performance.now();
  // Feed in slices, yielding as the CLI's run loop does, so export overlaps span creation.
  for (let i = 0; i < events.length; i += 5_000) {
    for (let j = i; j < Math.min(i + 5_000, events.length); j++) exporter.listener(events[j]!);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const r = await exporter.shutdown();
  const ms = performance.now() - t0;
  await s.close();
  report({ name: `spans/s exported to loopback (${protocol})`, value: (r.exported / ms) * 1000, unit: 'spans/s', note: `${r.exported} spans, ${lost(r)} lost` });
}

interface EngineLike {
  onEvent(fn: (e: TraceEvent) => void): unknown;
  run(): unknown;
}

async function engineSlowdown(report: Report): Promise<void> {
  let core: { createEngine(o: { workload: unknown; seed: number }): EngineLike; loadWorkload(name: string): unknown };
  try {
    core = (await import('../packages/core/src/index.js' as string)) as unknown as typeof core;
    if (typeof core.createEngine !== 'function') throw new Error('createEngine is not exported yet');
  } catch (err) {
    report({ name: 'boot-storm slowdown with --otlp', value: Number.NaN, unit: 'x', note: `engine unavailable: ${String(err)}` });
    return;
  }
  const runOnce = async (withExporter: boolean, url: string): Promise<{ ms: number; r?: OtlpReport; events: number }> => {
    const engine = core.createEngine({ workload: core.loadWorkload('boot-storm'), seed: 1 });
    let events = 0;
    engine.onEvent(() => {
      events++;
    });
    const exporter = withExporter ? exporterTo(url, 'protobuf') : undefined;
    if (exporter) engine.onEvent(exporter.listener);
    const t0 = performance.now();
    await engine.run();
    const r = exporter ? await exporter.shutdown() : undefined;
    return { ms: performance.now() - t0, events, ...(r ? { r } : {}) };
  };
  const s = await sink();
  await runOnce(false, s.url);
  await runOnce(true, s.url);
  const base: number[] = [];
  const withOtlp: number[] = [];
  let last: OtlpReport | undefined;
  let events = 0;
  for (let i = 0; i < 5; i++) {
    const a = await runOnce(false, s.url);
    base.push(a.ms);
    events = a.events;
    const b = await runOnce(true, s.url);
    withOtlp.push(b.ms);
    last = b.r;
  }
  await s.close();
  const median = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const b = median(base);
  const w = median(withOtlp);
  report({ name: 'boot-storm run without exporter', value: b, unit: 'ms', note: `${events} trace events` });
  report({ name: 'boot-storm run + flush with exporter (protobuf)', value: w, unit: 'ms', note: `${last?.exported ?? 0} spans` });
  report({ name: 'boot-storm slowdown with --otlp', value: w / b, unit: 'x', note: 'goal <= 3x' });
  report({ name: 'boot-storm spans dropped or failed', value: last ? lost(last) : Number.NaN, unit: 'spans', note: 'goal 0' });
}

export default async function (report: Report): Promise<void> {
  await throughput(report, 'protobuf');
  await throughput(report, 'json');
  await engineSlowdown(report);
}
