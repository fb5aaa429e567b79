/*
 * Real engine runs exported to a loopback receiver: the spans must agree with the engine's own
 * event stream (one callback span per `start` event, one wait span per `waitEnd`, each linked to
 * a callback on the same zone and key), form well-rooted traces, carry the events' times, and
 * account for every span. Several workloads and seeds, both algorithms.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, loadWorkload } from '@zsdtrace/core';
import type { TraceEvent } from '@zsdtrace/core';
import { createOtlpExporter, OTLP_OPERATIONS } from '../../src/otlp/index.js';
import type { OtlpReport } from '../../src/otlp/index.js';
import { startReceiver } from './receiver.js';
import type { Receiver, WireSpan } from './receiver.js';
import { EPOCH } from './scenarios.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const CALLBACKS = new Set(['zsd.create', 'zsd.shutdown', 'zsd.destroy']);
const WAITS = new Set(['zsd.wait_for_creator', 'zsd.wait_for_inprogress']);

async function exportRun(
  workload: string,
  seed: number,
  algorithm: 'current' | 'legacy',
): Promise<{ events: TraceEvent[]; spans: WireSpan[]; report: OtlpReport }> {
  receiver = await startReceiver();
  const engine = createEngine({ workload: loadWorkload(workload), seed, algorithm });
  const events: TraceEvent[] = [];
  engine.onEvent((e) => events.push(e));
  const exporter = createOtlpExporter({
    url: receiver.url,
    env: {},
    resource: { workload, seed, algorithm },
    wallEpochNs: EPOCH,
    exportTimeoutMs: 10_000,
  });
  engine.onEvent(exporter.listener);
  engine.run();
  const report = await exporter.shutdown();
  return { events, spans: receiver.spans, report };
}

const count = (events: TraceEvent[], kind: TraceEvent['kind']): number => events.filter((e) => e.kind === kind).length;

describe.each([
  ['s3', 1, 'current'],
  ['s4', 1, 'current'],
  ['s4', 2, 'current'],
  ['module-churn', 1, 'current'],
  ['module-churn', 3, 'current'],
  ['illumos', 1, 'current'],
  ['illumos', 2, 'current'],
  ['s4', 1, 'legacy'],
] as const)('engine run %s seed %i (%s)', (workload, seed, algorithm) => {
  it('exports one callback span per start event, at the event times', async () => {
    const { events, spans, report } = await exportRun(workload, seed, algorithm);
    const callbackSpans = spans.filter((s) => CALLBACKS.has(s.name));
    expect(callbackSpans.length).toBe(count(events, 'start'));
    expect(callbackSpans.length).toBeGreaterThan(0);
    const startTimes = events.filter((e) => e.kind === 'start').map((e) => EPOCH + BigInt(e.t));
    const spanTimes = callbackSpans.map((s) => s.start);
    const sort = (xs: bigint[]): bigint[] => xs.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sort(spanTimes)).toEqual(sort(startTimes));
    expect(report).toMatchObject({ spans: spans.length, exported: spans.length, dropped: 0, failed: 0, pending: 0 });
  });

  it('roots every trace in an operation and every child in its own trace', async () => {
    const { spans } = await exportRun(workload, seed, algorithm);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const s of spans) {
      expect(s.end >= s.start).toBe(true);
      if (s.parentSpanId === '') {
        expect(OTLP_OPERATIONS as readonly string[]).toContain(s.name);
        continue;
      }
      const parent = byId.get(s.parentSpanId);
      expect(parent).toBeDefined();
      expect(parent?.traceId).toBe(s.traceId);
    }
  });

  it('exports one wait span per waitEnd, linked to a callback on the same entry', async () => {
    const { events, spans } = await exportRun(workload, seed, algorithm);
    const waits = spans.filter((s) => WAITS.has(s.name));
    expect(waits.length).toBe(count(events, 'waitEnd'));
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const w of waits) {
      expect(w.links.length).toBeGreaterThan(0);
      for (const l of w.links) {
        const target = byId.get(l.spanId);
        expect(target && CALLBACKS.has(target.name)).toBe(true);
        expect(target?.attributes['zone.id']).toBe(w.attributes['zone.id']);
        expect(target?.attributes['zsd.key']).toBe(w.attributes['zsd.key']);
      }
    }
  });
});

describe('engine runs that end in a finding', () => {
  it('exports a legacy deadlock with ERROR status and unfinished operations', async () => {
    const { events, spans, report } = await exportRun('s1', 1, 'legacy');
    expect(count(events, 'finding')).toBeGreaterThan(0);
    expect(report.unfinished).toBeGreaterThan(0);
    const unfinished = spans.filter((s) => s.attributes['zsd.unfinished'] === true);
    expect(unfinished.length).toBe(report.unfinished);
    expect(unfinished.every((s) => s.status.code === 2)).toBe(true);
    expect(spans.some((s) => s.events.some((e) => e.name === 'zsd.finding'))).toBe(true);
    expect(report.exported + report.dropped + report.failed).toBe(report.spans);
  });
});
