/*
 * The OTLP/HTTP exporter (JSON or protobuf) on an HTTP agent that this module owns.
 *
 * Owning the agent gives two things the SDK does not offer: a count of HTTP attempts (the
 * SDK's retrying transport retries 429/502/503/504 and network errors silently, so retries are
 * attempts beyond the first of each export), and a way to abandon a collector that stalls:
 * `close()` destroys the agent's sockets and refuses new connections with a non-retryable
 * error, so no retry timer keeps the process waiting after shutdown gave up.
 *
 * The agent does not keep connections alive, so each attempt opens exactly one connection and
 * `createConnection` counts attempts. Must not: retry by itself, or throw from `export`.
 */

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OtlpProtocol } from './types.js';

export interface OtlpTransport {
  readonly exporter: SpanExporter;
  /** HTTP attempts started so far (connections opened). */
  attempts(): number;
  /** The last thing that went wrong on the wire (HTTP status or socket error), if anything. */
  lastProblem(): string | undefined;
  /** Abandon in-flight requests and refuse new ones. */
  close(): void;
}

export interface OtlpTransportOptions {
  url: string;
  protocol: OtlpProtocol;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Error given to requests made after `close()`; its code is not one the SDK retries. */
export class OtlpClosedError extends Error {
  readonly code = 'ZSDTRACE_OTLP_CLOSED';
  constructor() {
    super('export abandoned at shutdown');
    this.name = 'OtlpClosedError';
  }
}

export function createOtlpTransport(o: OtlpTransportOptions): OtlpTransport {
  let attempts = 0;
  let closed = false;
  let problem: string | undefined;
  const agents: (http.Agent | https.Agent)[] = [];

  // Node publishes every finished response here; keep the statuses of this exporter's requests
  // so that a report can say "HTTP 503" rather than the SDK's "retryable status".
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request: { agent?: unknown }; response: http.IncomingMessage };
    if (!agents.some((a) => a === request.agent)) return;
    const code = response.statusCode ?? 0;
    if (code >= 300) problem = `HTTP ${code}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
  };
  subscribe('http.client.response.finish', onResponse);

  const agentFor = (protocol: string): http.Agent | https.Agent => {
    const agent = protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
    const open = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) => {
      if (closed) {
        // Node's agent accepts an error through the callback in place of a socket.
        (callback as ((err: Error | null, s?: Duplex) => void) | undefined)?.(new OtlpClosedError());
        return undefined;
      }
      attempts++;
      const socket = open(options, callback);
      socket?.once('error', (err: Error) => {
        problem = err.message;
      });
      return socket;
    };
    agents.push(agent);
    if (closed) agent.destroy();
    return agent;
  };

  const config = {
    url: o.url,
    headers: o.headers,
    timeoutMillis: o.timeoutMs,
    httpAgentOptions: agentFor,
  };
  const exporter: SpanExporter = o.protocol === 'json' ? new JsonTraceExporter(config) : new ProtoTraceExporter(config);

  return {
    exporter,
    attempts: () => attempts,
    lastProblem: () => problem,
    close(): void {
      if (!closed) unsubscribe('http.client.response.finish', onResponse);
      closed = true;
      for (const a of agents) a.destroy();
    },
  };
}
