/*
 * A real OTLP/HTTP receiver on 127.0.0.1 (ephemeral port) for the export tests. It decodes what
 * arrives, JSON with JSON.parse and protobuf with protobufjs built from the opentelemetry-proto
 * schema subset, into one normalised span shape; and it can misbehave on purpose: answer a
 * status (optionally only for the first N requests), or stall and never answer.
 */

import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';
import { TRACE_PROTO } from './otlp-proto.js';

export type AttrValue = string | number | boolean;

export interface WireSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  start: bigint;
  end: bigint;
  attributes: Record<string, AttrValue>;
  links: { traceId: string; spanId: string; attributes: Record<string, AttrValue> }[];
  events: { name: string; time: bigint; attributes: Record<string, AttrValue> }[];
  status: { code: number; message: string };
  resource: Record<string, AttrValue>;
  /** SpanKind as OTLP numbers it (1 internal, 2 server, 3 client); 0 when absent. */
  kind: number;
}

export interface Behaviour {
  /** HTTP status to answer with (default 200). */
  status?: number;
  /** Apply `status` only to the first N requests, then answer 200. */
  times?: number;
  /** Extra response headers for error answers (e.g. Retry-After). */
  headers?: Record<string, string>;
  /** Never answer. */
  stall?: boolean;
}

export interface Receiver {
  url: string;
  spans: WireSpan[];
  requests: { contentType: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const root = protobuf.parse(TRACE_PROTO).root;
const Request = root.lookupType('opentelemetry.proto.ExportTraceServiceRequest');

interface RawKv { key: string; value?: Record<string, unknown> }

function anyValue(v: Record<string, unknown> | undefined): AttrValue {
  if (v === undefined) return '';
  for (const k of ['stringValue', 'boolValue', 'doubleValue'] as const) if (v[k] !== undefined) return v[k] as AttrValue;
  if (v['intValue'] !== undefined) return Number(v['intValue']);
  return JSON.stringify(v);
}

function attrs(list: RawKv[] | undefined): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const kv of list ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

const hex = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? (/^[0-9a-f]*$/i.test(v) ? v.toLowerCase() : Buffer.from(v, 'base64').toString('hex')) : Buffer.from(v as Uint8Array).toString('hex');

/** Both encodings normalised through the protobuf JSON mapping (camelCase, longs as strings). */
function normalise(body: { resourceSpans?: unknown[] }): WireSpan[] {
  const out: WireSpan[] = [];
  for (const rs of (body.resourceSpans ?? []) as Record<string, any>[]) {
    const resource = attrs(rs['resource']?.attributes);
    for (const ss of (rs['scopeSpans'] ?? []) as Record<string, any>[]) {
      for (const s of (ss['spans'] ?? []) as Record<string, any>[]) {
        out.push({
          name: s['name'],
          traceId: hex(s['traceId']),
          spanId: hex(s['spanId']),
          parentSpanId: hex(s['parentSpanId']),
          start: BigInt(s['startTimeUnixNano']),
          end: BigInt(s['endTimeUnixNano']),
          attributes: attrs(s['attributes']),
          links: ((s['links'] ?? []) as Record<string, any>[]).map((l) => ({
            traceId: hex(l['traceId']),
            spanId: hex(l['spanId']),
            attributes: attrs(l['attributes']),
          })),
          events: ((s['events'] ?? []) as Record<string, any>[]).map((e) => ({
            name: e['name'],
            time: BigInt(e['timeUnixNano']),
            attributes: attrs(e['attributes']),
          })),
          status: { code: Number(s['status']?.code ?? 0), message: s['status']?.message ?? '' },
          resource,
          kind: Number(s['kind'] ?? 0),
        });
      }
    }
  }
  return out;
}

export function decodeOtlp(contentType: string, body: Buffer): WireSpan[] {
  if (contentType.includes('json')) return normalise(JSON.parse(body.toString('utf8')));
  const msg = Request.decode(body);
  return normalise(Request.toObject(msg, { longs: String, bytes: String, defaults: false }) as { resourceSpans?: unknown[] });
}

export async function startReceiver(b: Behaviour = {}): Promise<Receiver> {
  const spans: WireSpan[] = [];
  const requests: Receiver['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const contentType = req.headers['content-type'] ?? '';
      requests.push({ contentType, headers: req.headers });
      if (b.stall) return;
      const status = b.status !== undefined && (b.times === undefined || requests.length <= b.times) ? b.status : 200;
      if (status !== 200) {
        res.writeHead(status, b.headers).end();
        return;
      }
      spans.push(...decodeOtlp(contentType, Buffer.concat(chunks)));
      res.writeHead(200, { 'content-type': contentType.includes('json') ? 'application/json' : 'application/x-protobuf' });
      res.end(contentType.includes('json') ? '{}' : Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    spans,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port taken from the OS and released again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1/traces`;
}
