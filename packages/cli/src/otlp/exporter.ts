/*
 * createOtlpExporter: wires the span model, the counting queue and the OTLP/HTTP transport
 * behind the `OtlpExporter` contract (types.ts).
 *
 *   engine event -> listener -> span model -> SpanRecord -> QueueProcessor -> OTLP/HTTP exporter
 *
 * Lifecycle: the listener works from creation; `shutdown()` stops it, ends the spans still open
 * at the last virtual time, drains the queue within `exportTimeoutMs`, then abandons whatever the
 * collector has not acknowledged (counted as failed, with the reason) and closes the transport.
 * A collector that is down or stalls therefore costs at most the export timeout at exit and
 * never blocks the engine: export happens on the event loop, between the engine's slices.
 *
 * Must not: throw from the listener, wait longer than the timeout, lose a span without counting.
 */

import { resourceFromAttributes } from '@opentelemetry/resources';
import type { HrTime } from '@opentelemetry/api';
import type { TraceEvent, TraceListener } from '@zsdtrace/core';
import { resolveOtlpHeaders, resolveOtlpProtocol, resolveOtlpUrl, resolveResourceAttributes } from './config.js';
import { attachDiag } from './diag-bridge.js';
import { parseOtlpFilter } from './filter.js';
import { QueueProcessor } from './queue-processor.js';
import { createSpanModel } from './span-model.js';
import { SpanSource } from './span-record.js';
import { createOtlpTransport } from './transport.js';
import type { OtlpExporter, OtlpOptions, OtlpReport } from './types.js';

export const OTLP_DEFAULTS = {
  exportTimeoutMs: 10_000,
  /** Enough for every span of a finite workload run synchronously between two exports. */
  maxQueueSize: 262_144,
  maxBatchSize: 2_048,
  delayMs: 500,
  lockThresholdNs: 1,
} as const;

/** A programmer or configuration error in the options (a bad filter should be caught earlier). */
export class OtlpConfigError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'OtlpConfigError';
    this.code = code;
  }
}

/** Virtual ns -> wall-clock HrTime, exact to the nanosecond (no float ns since 1970). */
export function virtualClock(wallEpochNs: bigint): (t: number) => HrTime {
  const sec = Number(wallEpochNs / 1_000_000_000n);
  const rem = Number(wallEpochNs % 1_000_000_000n);
  return (t) => {
    const ns = rem + Math.trunc(t);
    const carry = Math.floor(ns / 1_000_000_000);
    return [sec + carry, ns - carry * 1_000_000_000];
  };
}

export function createOtlpExporter(opts: OtlpOptions): OtlpExporter {
  const env = opts.env ?? process.env;
  const say = opts.diag ?? (() => {});
  const parsed = parseOtlpFilter(opts.filter);
  if (!parsed.ok) throw new OtlpConfigError(parsed.code, parsed.message);
  const url = opts.url ?? resolveOtlpUrl(undefined, env);
  const protocol = resolveOtlpProtocol(opts.protocol, env, say);
  const timeoutMs = opts.exportTimeoutMs ?? OTLP_DEFAULTS.exportTimeoutMs;
  const detachDiag = attachDiag(say);

  const transport = createOtlpTransport({ url, protocol, headers: resolveOtlpHeaders(opts.headers, env), timeoutMs });
  const processor = new QueueProcessor({
    exporter: transport.exporter,
    maxQueueSize: opts.maxQueueSize ?? OTLP_DEFAULTS.maxQueueSize,
    maxBatchSize: OTLP_DEFAULTS.maxBatchSize,
    delayMs: OTLP_DEFAULTS.delayMs,
    attempts: transport.attempts,
    explain: transport.lastProblem,
    warn: say,
  });
  const spans = new SpanSource(
    resourceFromAttributes(resolveResourceAttributes(opts.resource, env)),
    { name: 'zsdtrace' },
    processor,
  );
  const model = createSpanModel({
    spans,
    filter: parsed.filter,
    clock: virtualClock(opts.wallEpochNs),
    lockThresholdNs: opts.lockThresholdNs ?? OTLP_DEFAULTS.lockThresholdNs,
    ...(opts.names !== undefined ? { names: opts.names } : {}),
  });

  let stopped = false;
  let internalErrors = 0;
  const listener: TraceListener = (e: TraceEvent) => {
    if (stopped) return;
    try {
      model.onEvent(e);
    } catch (err) {
      // The engine must never see an exporter failure; report the first one, count the rest.
      if (internalErrors++ === 0) say(`internal error on a ${e.kind} event, please report: ${String(err)}`);
    }
  };

  let final: Promise<OtlpReport> | null = null;
  const shutdown = async (): Promise<OtlpReport> => {
    stopped = true;
    const unfinished = model.endAll();
    const cause = (): string => {
      const last = transport.lastProblem();
      return `no answer from the collector within the export timeout (${timeoutMs} ms)${last !== undefined ? `; last error: ${last}` : ''}`;
    };
    const timedOut = await processor.drain(timeoutMs, cause());
    processor.close('exporter shut down');
    transport.close();
    // The SDK exporter's own shutdown awaits requests already abandoned above: do not wait on it.
    transport.exporter.shutdown().catch(() => {});
    detachDiag();
    const s = processor.stats();
    return { ...s, url, protocol, unfinished, timedOut, reasons: processor.lossReasons() };
  };

  return {
    listener,
    stats: () => processor.stats(),
    shutdown: () => (final ??= shutdown()),
  };
}
