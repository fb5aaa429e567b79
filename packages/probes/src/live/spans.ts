/*
 * HTTP exchanges as span events for --otlp: one per server request (from its start to the end
 * of its response) and one per client request (http and fetch/undici), with what OpenTelemetry's
 * HTTP semantic conventions ask for and the W3C traceparent the request carried. Built on the
 * same diagnostics channels as the node provider, subscribed only while exporting.
 */

import { performance } from 'node:perf_hooks';
import { on, undiciHeader } from './node-provider.js';
import type { HttpSpanEvent } from './wire.js';

/** Nanoseconds since the epoch, to the microsecond, as a decimal string. */
function wallNs(): string {
  return (BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n).toString();
}

interface Pending {
  readonly startNs: string;
  readonly method: string;
  readonly url: string;
  readonly traceparent: string;
  readonly userAgent: string;
  status: number;
}

type Req = {
  method?: string;
  url?: string;
  path?: string;
  host?: string;
  protocol?: string;
  headers?: Record<string, unknown>;
  socket?: { localAddress?: string; localPort?: number; encrypted?: boolean; remoteAddress?: string; remotePort?: number } | null;
  httpVersion?: string;
  getHeader?: (n: string) => unknown;
};

function str(v: unknown): string {
  return v === undefined || v === null ? '' : Array.isArray(v) ? String(v[0]) : String(v);
}

/** Subscribes the span channels; returns the unsubscribe. */
export function traceHttpSpans(emit: (s: HttpSpanEvent) => void): () => void {
  const server = new WeakMap<object, Pending>();
  const client = new WeakMap<object, Pending>();
  const offs = [
    on('http.server.request.start', (m) => {
      const r = m.request as Req;
      server.set(r, {
        startNs: wallNs(),
        method: r.method ?? '',
        url: r.url ?? '',
        traceparent: str(r.headers?.traceparent),
        userAgent: str(r.headers?.['user-agent']),
        status: 0,
      });
    }),
    on('http.server.response.finish', (m) => {
      const r = m.request as Req;
      const p = server.get(r);
      if (!p) return;
      server.delete(r);
      const res = m.response as { statusCode?: number };
      const s = r.socket ?? {};
      const [host, port] = hostPort(str(r.headers?.host), s.localAddress ?? '', s.localPort ?? 0);
      emit({
        kind: 'server', method: p.method, url: p.url, status: res.statusCode ?? 0, startNs: p.startNs, endNs: wallNs(),
        serverAddress: host, serverPort: port, peerAddress: s.remoteAddress ?? '', peerPort: s.remotePort ?? 0,
        scheme: s.encrypted ? 'https' : 'http', protocolVersion: r.httpVersion ?? '1.1', userAgent: p.userAgent,
        traceparent: p.traceparent, error: '',
      });
    }),
    on('http.client.request.start', (m) => {
      const r = m.request as Req;
      const get = (n: string): string => str(r.getHeader?.(n));
      client.set(r, { startNs: wallNs(), method: r.method ?? '', url: r.path ?? '', traceparent: get('traceparent'), userAgent: get('user-agent'), status: 0 });
    }),
    on('http.client.response.finish', (m) => {
      const r = m.request as Req;
      const p = client.get(r);
      if (!p) return;
      client.delete(r);
      const res = m.response as { statusCode?: number; httpVersion?: string };
      const scheme = r.protocol === 'https:' ? 'https' : 'http';
      const [host, port] = hostPort(str(r.getHeader?.('host')), r.host ?? '', scheme === 'https' ? 443 : 80);
      emit({
        kind: 'client', method: p.method, url: `${scheme}://${host}:${port}${p.url}`, status: res.statusCode ?? 0,
        startNs: p.startNs, endNs: wallNs(), serverAddress: host, serverPort: port,
        peerAddress: r.socket?.remoteAddress ?? '', peerPort: r.socket?.remotePort ?? 0, scheme,
        protocolVersion: res.httpVersion ?? '1.1', userAgent: p.userAgent, traceparent: p.traceparent, error: '',
      });
    }),
    on('undici:request:create', (m) => {
      const r = m.request as { method?: string; origin?: unknown; path?: string; headers?: unknown };
      client.set(r, {
        startNs: wallNs(), method: r.method ?? '', url: `${str(r.origin)}${r.path ?? ''}`,
        traceparent: undiciHeader(r.headers, 'traceparent'), userAgent: undiciHeader(r.headers, 'user-agent'), status: 0,
      });
    }),
    on('undici:request:headers', (m) => {
      const p = client.get(m.request as object);
      if (p) p.status = (m.response as { statusCode?: number }).statusCode ?? 0;
    }),
    on('undici:request:trailers', (m) => undiciDone(m.request as object, '')),
    on('undici:request:error', (m) => undiciDone(m.request as object, (m.error as Error | undefined)?.name ?? 'Error')),
  ];

  function undiciDone(req: object, error: string): void {
    const p = client.get(req);
    if (!p) return;
    client.delete(req);
    let u: URL | null = null;
    try {
      u = new URL(p.url);
    } catch {
      /* not a URL: no address attributes */
    }
    const scheme = u?.protocol === 'https:' ? 'https' : 'http';
    emit({
      kind: 'client', method: p.method, url: p.url, status: p.status, startNs: p.startNs, endNs: wallNs(),
      serverAddress: u?.hostname ?? '', serverPort: Number(u?.port) || (scheme === 'https' ? 443 : 80),
      peerAddress: '', peerPort: 0, scheme, protocolVersion: '1.1', userAgent: p.userAgent, traceparent: p.traceparent, error,
    });
  }

  return () => {
    for (const off of offs) off();
  };
}

/** The host and port a Host header names, else the defaults. */
function hostPort(hostHeader: string, host: string, port: number): [string, number] {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostHeader);
  if (!m || m[1] === '') return [host, port];
  return [m[1]!, m[2] ? Number(m[2]) : port];
}
