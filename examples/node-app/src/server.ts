/*
 * The service over node:http: reads the request body (bounded), hands method, URL and body to
 * app.ts and writes the response. It owns the listening socket and nothing else; probes live in
 * app.ts and db.ts, tracing in trace.ts.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProbeRegistry } from '@zsdtrace/probes/provider';
import { createApp, type App } from './app.js';
import { Database } from './db.js';
import { declareAppProbes, type AppProbes } from './probes.js';

/** Request bodies larger than this are refused with 413. */
const MAX_BODY = 64 * 1024;

export interface ServiceOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The registry to declare the `app` provider on; a new one by default. */
  readonly registry?: ProbeRegistry;
  /** Number of users the fake database starts with. */
  readonly users?: number;
}

export interface Service {
  readonly registry: ProbeRegistry;
  readonly probes: AppProbes;
  readonly app: App;
  /** `http://host:port` of the listening socket. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes idle keep-alive connections. */
  close(): Promise<void>;
}

export async function startService(opts: ServiceOptions = {}): Promise<Service> {
  const registry = opts.registry ?? new ProbeRegistry();
  const probes = declareAppProbes(registry);
  const app = createApp(new Database(probes, opts.users), probes);
  const server = createServer((req, res) => serve(app, req, res));
  const host = opts.host ?? '127.0.0.1';
  await listen(server, opts.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  return {
    registry,
    probes,
    app,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => close(server),
  };
}

function serve(app: App, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) refused = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return reply(res, 413, JSON.stringify({ error: 'body too large' }));
    const r = app.handle(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString('utf8'));
    reply(res, r.status, r.body);
  });
}

function reply(res: ServerResponse, status: number, body: string): void {
  const type = body.startsWith('{') || body.startsWith('[') ? 'application/json' : 'text/plain';
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((e) => (e ? reject(e) : resolve()));
    server.closeIdleConnections();
  });
}
