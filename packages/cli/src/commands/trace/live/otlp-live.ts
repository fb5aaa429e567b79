/*
 * --otlp on live Node.js targets: each HTTP exchange an agent reports becomes one OTLP span,
 * SERVER or CLIENT, with OpenTelemetry's HTTP semantic conventions (http.request.method,
 * url.path / url.full, http.response.status_code, server.address, …) and, when the request
 * carried a W3C traceparent, in that trace as a child of the caller's span. Spans go out
 * through the same queue and OTLP/HTTP transport as the simulated kernel's.
 */

import { randomBytes } from 'node:crypto';
import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime, type SpanContext } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { HttpSpanEvent } from '@zsdtrace/probes';
import type { CliArgs } from '../../../args.js';
import { parseKeyValueList, resolveOtlpHeaders, resolveOtlpProtocol, resolveOtlpUrl } from '../../../otlp/config.js';
import { attachDiag } from '../../../otlp/diag-bridge.js';
import { OTLP_DEFAULTS } from '../../../otlp/exporter.js';
import { QueueProcessor } from '../../../otlp/queue-processor.js';
import { formatOtlpReport } from '../../../otlp/report.js';
import { SpanRecord, SpanSource } from '../../../otlp/span-record.js';
import { createOtlpTransport } from '../../../otlp/transport.js';

/** The methods semantic conventions know; any other is reported as `_OTHER`. */
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE', 'QUERY']);

class HttpSpan extends SpanRecord {
  override readonly kind: SpanKind;
  constructor(source: SpanSource, name: string, ctx: SpanContext, parent: SpanContext | undefined, start: HrTime, attrs: Attributes, kind: SpanKind) {
    super(source, name, ctx, parent, start, attrs);
    this.kind = kind;
  }
}

/** A W3C traceparent's context (version 00 layout), or null if it is not one. */
export function parseTraceparent(header: string): SpanContext | null {
  const m = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(header.trim().toLowerCase());
  if (!m || m[1] === 'ff' || /^0+$/.test(m[2]!) || /^0+$/.test(m[3]!)) return null;
  return { traceId: m[2]!, spanId: m[3]!, traceFlags: parseInt(m[4]!, 16) & TraceFlags.SAMPLED, isRemote: true };
}

function hr(ns: string): HrTime {
  const n = BigInt(ns);
  return [Number(n / 1_000_000_000n), Number(n % 1_000_000_000n)];
}

/** The span's name, kind and attributes under the HTTP semantic conventions. */
export function httpSpanShape(e: HttpSpanEvent): { name: string; kind: SpanKind; attributes: Attributes; error: boolean } {
  const method = e.method.toUpperCase();
  const known = KNOWN_METHODS.has(method);
  const attributes: Attributes = { 'http.request.method': known ? method : '_OTHER' };
  if (!known) attributes['http.request.method_original'] = e.method;
  if (e.status > 0) attributes['http.response.status_code'] = e.status;
  if (e.serverAddress !== '') attributes['server.address'] = e.serverAddress;
  if (e.serverPort > 0) attributes['server.port'] = e.serverPort;
  if (e.peerAddress !== '') attributes['network.peer.address'] = e.peerAddress;
  if (e.peerPort > 0) attributes['network.peer.port'] = e.peerPort;
  if (e.protocolVersion !== '') attributes['network.protocol.version'] = e.protocolVersion;
  if (e.userAgent !== '') attributes['user_agent.original'] = e.userAgent;
  let error: boolean;
  if (e.kind === 'server') {
    const q = e.url.indexOf('?');
    attributes['url.path'] = q < 0 ? e.url : e.url.slice(0, q);
    if (q >= 0) attributes['url.query'] = e.url.slice(q + 1);
    attributes['url.scheme'] = e.scheme;
    if (e.peerAddress !== '') attributes['client.address'] = e.peerAddress;
    error = e.status >= 500 || e.error !== '';
  } else {
    attributes['url.full'] = e.url;
    error = e.status >= 400 || e.error !== '';
  }
  if (error) attributes['error.type'] = e.error !== '' ? e.error : String(e.status);
  const kind = e.kind === 'server' ? SpanKind.SERVER : SpanKind.CLIENT;
  return { name: known ? method : 'HTTP', kind, attributes, error };
}

export interface LiveOtlp {
  span(pid: number, e: HttpSpanEvent): void;
  finish(): Promise<void>;
}

export function startLiveOtlp(args: CliArgs, env: NodeJS.ProcessEnv, err: (s: string) => void, execname: () => string): LiveOtlp {
  const say = (m: string): void => err(`zsdtrace: otlp: ${m}\n`);
  const url = resolveOtlpUrl(typeof args.otlp === 'string' ? args.otlp : undefined, env);
  const protocol = resolveOtlpProtocol(args.otlpProtocol, env, say);
  const timeoutMs = args.otlpTimeoutMs ?? OTLP_DEFAULTS.exportTimeoutMs;
  const detachDiag = attachDiag(say);
  const transport = createOtlpTransport({ url, protocol, headers: resolveOtlpHeaders(undefined, env), timeoutMs });
  const processor = new QueueProcessor({
    exporter: transport.exporter,
    maxQueueSize: OTLP_DEFAULTS.maxQueueSize,
    maxBatchSize: OTLP_DEFAULTS.maxBatchSize,
    delayMs: OTLP_DEFAULTS.delayMs,
    attempts: transport.attempts,
    explain: transport.lastProblem,
    warn: say,
  });
  const sources = new Map<number, SpanSource>();
  const sourceFor = (pid: number): SpanSource => {
    let s = sources.get(pid);
    if (!s) {
      const attrs: Record<string, string | number> = {
        'service.name': env.OTEL_SERVICE_NAME || execname(),
        ...parseKeyValueList(env.OTEL_RESOURCE_ATTRIBUTES),
        'process.pid': pid,
        'process.executable.name': execname(),
      };
      s = new SpanSource(resourceFromAttributes(attrs), { name: 'zsdtrace' }, processor);
      sources.set(pid, s);
    }
    return s;
  };
  return {
    span(pid, e) {
      try {
        const shape = httpSpanShape(e);
        const parent = parseTraceparent(e.traceparent) ?? undefined;
        const ctx: SpanContext = {
          traceId: parent?.traceId ?? randomBytes(16).toString('hex'),
          spanId: randomBytes(8).toString('hex'),
          traceFlags: TraceFlags.SAMPLED,
        };
        const span = new HttpSpan(sourceFor(pid), shape.name, ctx, parent, hr(e.startNs), shape.attributes, shape.kind);
        if (shape.error) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end(hr(e.endNs));
      } catch (x) {
        say(`internal error on an HTTP span, please report: ${String(x)}`);
      }
    },
    async finish() {
      const cause = `no answer from the collector within the export timeout (${timeoutMs} ms)`;
      const timedOut = await processor.drain(timeoutMs, cause);
      processor.close('exporter shut down');
      transport.close();
      transport.exporter.shutdown().catch(() => {});
      detachDiag();
      const report = { ...processor.stats(), url, protocol, unfinished: 0, timedOut, reasons: processor.lossReasons() };
      for (const line of formatOtlpReport(report, url)) err(`${line}\n`);
    },
  };
}
