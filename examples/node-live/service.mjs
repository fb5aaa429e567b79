// A small HTTP service to trace live with zsdtrace (-p PID or -c 'node service.mjs'). It knows
// nothing about tracing. Routes: GET /users/:id, GET /slow, POST /orders, GET /missing (404),
// GET /error (500), GET /cpu (burns CPU in fib()), GET /report (allocates: a report of n rows,
// garbage right after), GET /proxy (calls /users/1 with fetch and
// with http.get), GET /healthz (liveness, with the diagnostics channels that have subscribers).
// Usage: node service.mjs [port]   (0 or none: any free port; the address is printed on stderr)

import * as dc from 'node:diagnostics_channel';
import http from 'node:http';

const CHANNELS = [
  'http.server.request.start', 'http.server.response.finish', 'http.client.request.start',
  'http.client.response.finish', 'net.server.socket', 'net.client.socket', 'undici:request:create',
  'undici:request:headers', 'undici:request:trailers', 'undici:request:error',
];

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function getJson(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

const server = http.createServer((req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const url = new URL(req.url, 'http://localhost');
  const user = /^\/users\/(\d+)$/.exec(url.pathname);
  if (req.method === 'GET' && user) return send(200, { id: Number(user[1]), name: `user${user[1]}` });
  if (req.method === 'GET' && url.pathname === '/slow') return setTimeout(() => send(200, { slow: true }), 20);
  if (req.method === 'POST' && url.pathname === '/orders') {
    req.resume();
    return req.on('end', () => send(201, { created: true }));
  }
  if (req.method === 'GET' && url.pathname === '/error') return send(500, { error: 'boom' });
  if (req.method === 'GET' && url.pathname === '/cpu') return send(200, { fib: fib(Number(url.searchParams.get('n') ?? 25)) });
  if (req.method === 'GET' && url.pathname === '/report') {
    const rows = Array.from({ length: Number(url.searchParams.get('n') ?? 20000) }, (_, i) => ({ i, label: `row ${i}` }));
    return send(200, { rows: rows.length, total: rows.reduce((a, r) => a + r.i, 0) });
  }
  if (req.method === 'GET' && url.pathname === '/proxy') {
    const base = `http://127.0.0.1:${server.address().port}`;
    return Promise.all([fetch(`${base}/users/1`).then((r) => r.json()), getJson(`${base}/users/2`)])
      .then(([a, b]) => send(200, { a, b }))
      .catch((e) => send(502, { error: String(e) }));
  }
  if (req.method === 'GET' && url.pathname === '/healthz') {
    const subscribed = CHANNELS.filter((c) => dc.channel(c).hasSubscribers);
    return send(200, { ok: true, pid: process.pid, subscribed, resources: process.getActiveResourcesInfo() });
  }
  send(404, { error: 'not found' });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stderr.write(`service ${process.pid} listening on http://127.0.0.1:${server.address().port}\n`);
});
// Stops by itself after STOP_AFTER_MS when set (tests and the -c examples).
if (process.env.STOP_AFTER_MS) setTimeout(() => server.close(), Number(process.env.STOP_AFTER_MS)).unref();
// When asked to (-c examples), it serves N requests and closes.
let left = Number(process.env.SERVE_REQUESTS ?? 0);
if (left > 0) server.on('request', (_req, res) => res.on('finish', () => --left === 0 && server.close()));
