/*
 * --otlp on a live service: one span per HTTP exchange, server and client (http and fetch),
 * with OpenTelemetry's HTTP semantic conventions, continuing the caller's W3C traceparent,
 * exported to a real OTLP/HTTP receiver on loopback.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../packages/cli/test/otlp/receiver.js';
import { startService, zsdtrace, type Service } from './lib/live.js';

let service: Service | null = null;
let receiver: Receiver | null = null;
afterEach(async () => {
  await service?.stop();
  await receiver?.close();
  service = receiver = null;
});

const SERVER = 2;
const CLIENT = 3;

describe('zsdtrace -p --otlp', () => {
  it('exports a span per request with the HTTP semantic conventions', async () => {
    service = await startService();
    receiver = await startReceiver();
    const t = zsdtrace(['-q', '-n', 'BEGIN { printf("ready\\n"); }', '-p', String(service.pid), '--otlp', receiver.url, '--otlp-protocol', 'json']);
    await t.waitOut(/ready/);
    const port = Number(new URL(service.base).port);
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect((await fetch(`${service.base}/users/7?x=1`, { headers: { traceparent: parent } })).status).toBe(200);
    expect((await fetch(`${service.base}/error`, { method: 'GET' })).status).toBe(500);
    expect((await fetch(`${service.base}/proxy`)).status).toBe(200);
    t.child.kill('SIGINT');
    const { status } = await t.exited;
    expect(status).toBe(0);
    expect(t.stderr).toMatch(/zsdtrace: otlp: \d+ spans exported to /);
    const spans = receiver.spans;
    const user = spans.find((s) => s.attributes['url.path'] === '/users/7')!;
    expect(user).toBeDefined();
    expect(user.kind).toBe(SERVER);
    expect(user.name).toBe('GET');
    expect(user.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(user.parentSpanId).toBe('b7ad6b7169203331');
    expect(user.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.path': '/users/7',
      'url.query': 'x=1',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'server.port': port,
      'network.protocol.version': '1.1',
    });
    expect(user.end).toBeGreaterThan(user.start);
    const failed = spans.find((s) => s.attributes['url.path'] === '/error')!;
    expect(failed.attributes['http.response.status_code']).toBe(500);
    expect(failed.attributes['error.type']).toBe('500');
    expect(failed.status.code).toBe(2);
    expect(failed.parentSpanId).toBe('');
    // /proxy calls /users/1 with fetch and /users/2 with http.get: two client spans, two more server spans.
    const clients = spans.filter((s) => s.kind === CLIENT).map((s) => s.attributes['url.full']).sort();
    expect(clients).toEqual([`${service.base}/users/1`, `${service.base}/users/2`]);
    for (const c of spans.filter((s) => s.kind === CLIENT)) {
      expect(c.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200, 'server.address': '127.0.0.1', 'server.port': port });
    }
    const servers = spans.filter((s) => s.kind === SERVER).map((s) => s.attributes['url.path']).sort();
    expect(servers).toEqual(['/error', '/proxy', '/users/1', '/users/2', '/users/7']);
    expect(user.resource['process.pid']).toBe(service.pid);
  });
});
