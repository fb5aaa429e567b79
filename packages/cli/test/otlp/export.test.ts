/*
 * The span model as a collector receives it, in both OTLP/HTTP encodings: names, parent/child
 * structure, links from waits, attributes, resource, exact timestamps (wallEpoch + virtual t),
 * lock and finding events, the filter, and the accounting invariant.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '@zsdtrace/core';
import { createOtlpExporter } from '../../src/otlp/index.js';
import type { OtlpOptions, OtlpProtocol, OtlpReport } from '../../src/otlp/index.js';
import { startReceiver } from './receiver.js';
import type { Receiver, WireSpan } from './receiver.js';
import { creatorWait, deadlock, EPOCH, keyDeleteDuringCreate, NAMES } from './scenarios.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function exportEvents(
  protocol: OtlpProtocol,
  events: TraceEvent[],
  extra: Partial<OtlpOptions> = {},
): Promise<{ spans: WireSpan[]; report: OtlpReport; r: Receiver }> {
  receiver = await startReceiver();
  const exporter = createOtlpExporter({
    url: receiver.url,
    protocol,
    env: {},
    resource: { workload: 's1', seed: 42, algorithm: 'current' },
    wallEpochNs: EPOCH,
    names: NAMES,
    exportTimeoutMs: 5_000,
    ...extra,
  });
  for (const e of events) exporter.listener(e);
  const report = await exporter.shutdown();
  return { spans: receiver.spans, report, r: receiver };
}

const byName = (spans: WireSpan[], name: string): WireSpan => {
  const s = spans.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no span ${name} in ${spans.map((x) => x.name).join(',')}`);
  return s;
};

describe.each(['json', 'protobuf'] as const)('OTLP/HTTP %s export', (protocol) => {
  it('sends the content type of its encoding', async () => {
    const { r } = await exportEvents(protocol, keyDeleteDuringCreate());
    expect(r.requests.length).toBeGreaterThan(0);
    expect(r.requests[0]?.contentType).toBe(protocol === 'json' ? 'application/json' : 'application/x-protobuf');
  });

  it('builds a trace per operation with callback and wait children', async () => {
    const { spans, report } = await exportEvents(protocol, keyDeleteDuringCreate());
    expect(spans.map((s) => s.name).sort()).toEqual(
      ['zone_create', 'zone_key_delete', 'zsd.create', 'zsd.destroy', 'zsd.shutdown', 'zsd.wait_for_inprogress'].sort(),
    );
    const zc = byName(spans, 'zone_create');
    const kd = byName(spans, 'zone_key_delete');
    expect(zc.parentSpanId).toBe('');
    expect(kd.parentSpanId).toBe('');
    expect(zc.traceId).not.toBe(kd.traceId);
    // zsched has no operation of its own: its create belongs to the zone's zone_create.
    const create = byName(spans, 'zsd.create');
    expect(create.parentSpanId).toBe(zc.spanId);
    expect(create.traceId).toBe(zc.traceId);
    for (const name of ['zsd.shutdown', 'zsd.destroy', 'zsd.wait_for_inprogress']) {
      const s = byName(spans, name);
      expect(s.parentSpanId).toBe(kd.spanId);
      expect(s.traceId).toBe(kd.traceId);
    }
    expect(report).toMatchObject({ spans: 6, exported: 6, dropped: 0, failed: 0, pending: 0, unfinished: 0 });
  });

  it('gives every span well-formed, distinct ids', async () => {
    const { spans } = await exportEvents(protocol, [...keyDeleteDuringCreate(), ...creatorWait()]);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.traceId).not.toBe('0'.repeat(32));
    }
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
    expect(new Set(spans.filter((s) => s.parentSpanId === '').map((s) => s.traceId)).size).toBe(4);
  });

  it('links a wait to the span of the callback it waited for', async () => {
    const { spans } = await exportEvents(protocol, keyDeleteDuringCreate());
    const wait = byName(spans, 'zsd.wait_for_inprogress');
    const create = byName(spans, 'zsd.create');
    expect(wait.links).toHaveLength(1);
    expect(wait.links[0]).toMatchObject({ traceId: create.traceId, spanId: create.spanId });
    expect(wait.attributes['zsd.wait.iterations']).toBe(2);
  });

  it('links a creator wait to the create that ran after it began', async () => {
    const { spans } = await exportEvents(protocol, creatorWait());
    const wait = byName(spans, 'zsd.wait_for_creator');
    const create = byName(spans, 'zsd.create');
    expect(wait.parentSpanId).toBe(byName(spans, 'zone_shutdown').spanId);
    expect(create.parentSpanId).toBe(byName(spans, 'zone_key_create').spanId);
    expect(wait.links.map((l) => l.spanId)).toEqual([create.spanId]);
  });

  it('stamps wallEpoch + virtual t exactly, in nanoseconds', async () => {
    const { spans } = await exportEvents(protocol, keyDeleteDuringCreate());
    expect(byName(spans, 'zone_create')).toMatchObject({ start: EPOCH, end: EPOCH + 1600n });
    expect(byName(spans, 'zsd.create')).toMatchObject({ start: EPOCH + 200n, end: EPOCH + 900n });
    expect(byName(spans, 'zsd.wait_for_inprogress')).toMatchObject({ start: EPOCH + 300n, end: EPOCH + 950n });
    expect(byName(spans, 'zsd.destroy')).toMatchObject({ start: EPOCH + 1200n, end: EPOCH + 1300n });
  });

  it('carries zone, key and thread attributes', async () => {
    const { spans } = await exportEvents(protocol, keyDeleteDuringCreate());
    expect(byName(spans, 'zsd.create').attributes).toMatchObject({
      'zone.id': 1,
      'zone.name': 'z1',
      'zsd.key': 1,
      'zsd.key.name': 'netstack',
      'thread.id': 20,
      'thread.name': 'zsched',
      'zsd.phase': 'create',
      'zsd.result': 77,
    });
    expect(byName(spans, 'zone_key_delete').attributes).toMatchObject({ 'zsd.operation': 'zone_key_delete', 'zsd.rc': 0, 'thread.name': 'modunload' });
  });

  it('records blocked lock acquisitions and zone status changes as span events', async () => {
    const { spans } = await exportEvents(protocol, keyDeleteDuringCreate());
    const kd = byName(spans, 'zone_key_delete');
    // blockedNs 0 (no block) is not an event; 40 ns at t=1350 began at 1310.
    expect(kd.events).toEqual([
      { name: 'zsd.lock_blocked', time: EPOCH + 1310n, attributes: { 'zsd.lock': 'zonehash_lock', 'zsd.lock.blocked_ns': 40 } },
    ]);
    expect(byName(spans, 'zsd.create').events).toEqual([]);
    const zc = byName(spans, 'zone_create');
    expect(zc.events.map((e) => [e.name, e.attributes['zone.status.to']])).toEqual([
      ['zone.status', 'initialized'],
      ['zone.status', 'ready'],
    ]);
  });

  it('exports the resource: service name, OTEL_RESOURCE_ATTRIBUTES and the run', async () => {
    const { spans } = await exportEvents(protocol, keyDeleteDuringCreate(), {
      env: { OTEL_SERVICE_NAME: 'zsd-lab', OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test,team=kernel%20zones' },
    });
    expect(spans[0]?.resource).toMatchObject({
      'service.name': 'zsd-lab',
      'deployment.environment': 'test',
      team: 'kernel zones',
      'zsd.workload': 's1',
      'zsd.seed': 42,
      'zsd.algorithm': 'current',
    });
  });

  it('sends OTEL_EXPORTER_OTLP_HEADERS and explicit headers', async () => {
    const { r } = await exportEvents(protocol, keyDeleteDuringCreate(), {
      env: { OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=zones,authorization=Bearer%20abc' },
      headers: { 'x-tenant': 'override' },
    });
    expect(r.requests[0]?.headers).toMatchObject({ 'x-tenant': 'override', authorization: 'Bearer abc' });
  });

  it('marks findings as ERROR and ends spans still open at shutdown', async () => {
    const { spans, report } = await exportEvents(protocol, deadlock());
    expect(spans.map((s) => s.name).sort()).toEqual(['zone_create', 'zone_key_create', 'zsd.create']);
    for (const s of spans) {
      expect(s.attributes['zsd.unfinished']).toBe(true);
      expect(s.status.code).toBe(2);
      expect(s.end).toBe(EPOCH + 500n);
    }
    const kc = byName(spans, 'zone_key_create');
    expect(kc.events).toContainEqual({
      name: 'zsd.finding',
      time: EPOCH + 500n,
      attributes: { 'zsd.finding': 'deadlock', 'zsd.finding.message': 'every live thread is blocked' },
    });
    expect(report.unfinished).toBe(3);
    expect(report.exported).toBe(3);
  });

  it('exports only the operations the filter selects', async () => {
    const { spans, report } = await exportEvents(protocol, keyDeleteDuringCreate(), { filter: '-zone_create' });
    expect(spans.map((s) => s.name).sort()).toEqual(['zone_key_delete', 'zsd.destroy', 'zsd.shutdown', 'zsd.wait_for_inprogress']);
    // The wait still links to the create span, which was never started: no dangling link.
    expect(byName(spans, 'zsd.wait_for_inprogress').links).toEqual([]);
    expect(report.spans).toBe(4);
  });
});
