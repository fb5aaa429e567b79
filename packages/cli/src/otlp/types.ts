/*
 * The public types of the OpenTelemetry export (`zsdtrace --otlp`).
 *
 * Input: options the CLI assembles from its flags and the environment. Output: an exporter whose
 * `listener` is registered with `engine.onEvent`, live counters, and a final report that the CLI
 * prints at exit. Invariant kept by every implementation: once `shutdown()` has resolved,
 * `spans === exported + dropped + failed` (nothing is lost without being counted).
 * Types only: no behaviour lives here.
 */

import type { TraceListener } from '@zsdtrace/core';

/** Wire format of OTLP/HTTP: `json` (exporter-trace-otlp-http) or `protobuf` (-proto). */
export type OtlpProtocol = 'json' | 'protobuf';

/** Optional name resolver; events carry only ids. Unknown names are simply not attributed. */
export interface OtlpNames {
  zone(id: number): string | undefined;
  thread(tid: number): string | undefined;
  key(key: number): string | undefined;
}

export interface OtlpOptions {
  /** Collector URL; resolve it with `resolveOtlpUrl` (default http://localhost:4318/v1/traces). */
  url?: string;
  /** Default: OTEL_EXPORTER_OTLP_TRACES_PROTOCOL / OTEL_EXPORTER_OTLP_PROTOCOL, else protobuf. */
  protocol?: OtlpProtocol;
  /** Extra request headers; they win over OTEL_EXPORTER_OTLP_(TRACES_)HEADERS. */
  headers?: Record<string, string>;
  /** Environment to read OTEL_* from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Facts of the run, exported as resource attributes zsd.workload, zsd.seed, zsd.algorithm. */
  resource: { workload: string; seed: number; algorithm: string };
  /** Wall-clock nanoseconds at virtual time 0: a span at virtual t is stamped wallEpochNs + t. */
  wallEpochNs: bigint;
  /** `--otlp-filter`: which operations become traces (see parseOtlpFilter). Default `all`. */
  filter?: string;
  /** Lock acquisitions blocked at least this long (ns) become span events. Default 1 (any block). */
  lockThresholdNs?: number;
  /** Bound of the export queue, in spans; spans beyond it are dropped and counted. */
  maxQueueSize?: number;
  /** Budget of one export (with its retries) and of `shutdown()`. Default 10 000 ms. */
  exportTimeoutMs?: number;
  /** Receives export errors and OpenTelemetry's own diagnostics. */
  diag?: (msg: string) => void;
  /** Resolves zone, thread and key names for span attributes. */
  names?: OtlpNames;
}

export interface OtlpStats {
  /** Spans ended and handed to the export queue (or dropped on the way in). */
  spans: number;
  /** Spans the collector acknowledged. */
  exported: number;
  /** Spans discarded because the queue was full. */
  dropped: number;
  /** Spans whose export failed (after retries), or still undelivered when shutdown's budget ran out. */
  failed: number;
  /** HTTP attempts beyond the first of each export (429/502/503/504, network errors). */
  retries: number;
  /** Spans queued or in flight. */
  pending: number;
}

export interface OtlpReport extends OtlpStats {
  url: string;
  protocol: OtlpProtocol;
  /** Spans still open at shutdown, ended at the last virtual time seen and marked unfinished. */
  unfinished: number;
  /** True when shutdown gave up waiting for the collector. */
  timedOut: boolean;
  /** Why spans were not delivered: distinct reasons with the number of spans each. */
  reasons: readonly { reason: string; spans: number }[];
}

export interface OtlpExporter {
  /** Register with `engine.onEvent`. Never throws into the engine. */
  listener: TraceListener;
  stats(): OtlpStats;
  /** Ends open spans, flushes and closes; resolves within the export timeout. Idempotent. */
  shutdown(): Promise<OtlpReport>;
}
