/*
 * A collector that refuses, stalls or answers 503 must never hang the run or lose spans
 * silently: shutdown() resolves (bounded by the export timeout), and every span is accounted
 * for as exported, dropped or failed, with a reason in the printed report.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '@zsdtrace/core';
import { createOtlpExporter, formatOtlpReport } from '../../src/otlp/index.js';
import type { OtlpExporter, OtlpOptions, OtlpReport } from '../../src/otlp/index.js';
import { closedPortUrl, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';
import { EPOCH, manyKeys } from './scenarios.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function exporterFor(url: string, extra: Partial<OtlpOptions> = {}): { exporter: OtlpExporter; diag: string[] } {
  const diag: string[] = [];
  const exporter = createOtlpExporter({
    url,
    protocol: 'protobuf',
    env: {},
    resource: { workload: 'boot-storm', seed: 1, algorithm: 'current' },
    wallEpochNs: EPOCH,
    exportTimeoutMs: 600,
    diag: (m) => diag.push(m),
    ...extra,
  });
  return { exporter, diag };
}

function feed(exporter: OtlpExporter, events: TraceEvent[]): void {
  for (const e of events) exporter.listener(e);
}

function expectAccounted(r: OtlpReport): void {
  expect(r.pending).toBe(0);
  expect(r.exported + r.dropped + r.failed).toBe(r.spans);
}

describe('export to a collector that misbehaves', () => {
  it('counts every span as failed when nothing listens, and says why', async () => {
    const url = await closedPortUrl();
    const { exporter, diag } = exporterFor(url);
    feed(exporter, manyKeys(50));
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 100, exported: 0, dropped: 0, failed: 100 });
    expect(r.reasons.map((x) => x.reason).join('\n')).toContain('ECONNREFUSED');
    const lines = formatOtlpReport(r, url);
    expect(lines[0]).toBe(`zsdtrace: otlp: 0 spans exported to ${url}`);
    expect(lines[1]).toBe('zsdtrace: otlp: 100 spans not delivered (100 failed) of 100');
    expect(diag.some((m) => m.includes('not delivered'))).toBe(true);
  });

  it('gives up on a collector that never answers, within the export timeout', async () => {
    receiver = await startReceiver({ stall: true });
    const { exporter } = exporterFor(receiver.url, { exportTimeoutMs: 400 });
    feed(exporter, manyKeys(30));
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 60, exported: 0, failed: 60 });
    expect(receiver.requests.length).toBeGreaterThan(0);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('keeps accepting events without blocking while the collector stalls', async () => {
    receiver = await startReceiver({ stall: true });
    const { exporter } = exporterFor(receiver.url, { exportTimeoutMs: 400 });
    for (let round = 0; round < 5; round++) {
      feed(exporter, manyKeys(1_100, round * 1_000_000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const live = exporter.stats();
    expect(live.spans).toBe(11_000);
    expect(live.pending + live.exported + live.dropped + live.failed).toBe(live.spans);
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r.exported).toBe(0);
    expect(r.failed).toBe(11_000);
  });

  it('retries 503 as the exporter specification says, and counts the retries', async () => {
    receiver = await startReceiver({ status: 503, headers: { 'retry-after': '0' } });
    const { exporter } = exporterFor(receiver.url, { exportTimeoutMs: 5_000 });
    feed(exporter, manyKeys(10));
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 20, exported: 0, failed: 20 });
    // One batch: the first attempt plus every retry reached the collector.
    expect(r.retries).toBe(receiver.requests.length - 1);
    expect(r.retries).toBeGreaterThan(0);
    expect(r.reasons.map((x) => x.reason).join('\n')).toContain('HTTP 503');
    expect(formatOtlpReport(r, receiver.url)).toContain(`zsdtrace: otlp: ${r.retries} retries after errors from the collector`);
  });

  it('delivers after a transient 503', async () => {
    receiver = await startReceiver({ status: 503, times: 1, headers: { 'retry-after': '0' } });
    const { exporter } = exporterFor(receiver.url, { exportTimeoutMs: 5_000 });
    feed(exporter, manyKeys(10));
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 20, exported: 20, failed: 0, retries: 1 });
    expect(receiver.spans).toHaveLength(20);
    expect(formatOtlpReport(r, receiver.url)).toEqual([
      `zsdtrace: otlp: 20 spans exported to ${receiver.url}`,
      'zsdtrace: otlp: 1 retry after errors from the collector',
    ]);
  });

  it('counts spans beyond the queue bound as dropped', async () => {
    receiver = await startReceiver();
    const { exporter, diag } = exporterFor(receiver.url, { maxQueueSize: 10 });
    feed(exporter, manyKeys(20));
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 40, exported: 10, dropped: 30, failed: 0 });
    expect(receiver.spans).toHaveLength(10);
    expect(formatOtlpReport(r, receiver.url)).toContain('zsdtrace: otlp: 30 spans not delivered (30 dropped) of 40');
    expect(diag.join('\n')).toContain('export queue full (maxQueueSize 10)');
  });

  it('exports in batches while events keep arriving', async () => {
    receiver = await startReceiver();
    const { exporter } = exporterFor(receiver.url, { exportTimeoutMs: 5_000 });
    for (let round = 0; round < 4; round++) {
      feed(exporter, manyKeys(1_500, round * 1_000_000));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const r = await exporter.shutdown();
    expectAccounted(r);
    expect(r).toMatchObject({ spans: 12_000, exported: 12_000 });
    expect(receiver.spans).toHaveLength(12_000);
    expect(receiver.requests.length).toBeGreaterThan(1);
    expect(new Set(receiver.spans.map((s) => s.spanId)).size).toBe(12_000);
  });

  it('is idempotent and ignores events after shutdown', async () => {
    receiver = await startReceiver();
    const { exporter } = exporterFor(receiver.url);
    feed(exporter, manyKeys(2));
    const first = await exporter.shutdown();
    feed(exporter, manyKeys(2));
    const second = await exporter.shutdown();
    expect(second).toBe(first);
    expect(receiver.spans).toHaveLength(4);
  });
});
