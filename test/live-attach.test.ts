/*
 * zsdtrace -p: a running service (examples/node-live) traced with scripts in the style of
 * Node's former DTrace provider, a known request mix, and the service left exactly as it was.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { health, requests, startService, zsdtrace, type Service } from './lib/live.js';

const MIX = [
  ['GET', '/users/1'], ['GET', '/users/2'], ['GET', '/users/1'], ['POST', '/orders'],
  ['GET', '/missing'], ['GET', '/error'], ['GET', '/slow'],
] as const;

let service: Service | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

describe('zsdtrace -p', () => {
  it('counts requests by method and URL, and detaches leaving no subscriber behind', async () => {
    service = await startService();
    const before = await health(service.base);
    expect(before.subscribed).toEqual([]);
    const t = zsdtrace(['-n', 'node*:::http-server-request { @[args[0]->method, args[0]->url] = count(); }', '-p', String(service.pid)]);
    await t.waitErr(/matched 1 probe/);
    expect(await requests(service.base, MIX)).toEqual([200, 200, 200, 201, 404, 500, 200]);
    const during = await health(service.base);
    expect(during.subscribed).toEqual(['http.server.request.start']);
    t.child.kill('SIGINT');
    const { status } = await t.exited;
    expect(t.stderr).toBe(`zsdtrace: description 'node*:::http-server-request' matched 1 probe\n`);
    expect(status).toBe(0);
    const rows = t.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
    expect(rows).toEqual([
      ['GET', '/error', '1'],
      ['GET', '/healthz', '1'],
      ['GET', '/missing', '1'],
      ['GET', '/slow', '1'],
      ['GET', '/users/2', '1'],
      ['POST', '/orders', '1'],
      ['GET', '/users/1', '2'],
    ]);
    // The service runs on as before: serving, no subscriber, no timer or handle of ours.
    const after = await health(service.base);
    expect(after.subscribed).toEqual([]);
    expect(after.resources).toEqual(before.resources);
    expect(service.stderr).not.toMatch(/Error|Exception/);
  });

  it('ends on exit() with latency by response in the former provider style', async () => {
    service = await startService();
    const script = [
      'BEGIN { printf("ready\\n"); }',
      'node*:::http-server-request { ts[args[1]->fd] = timestamp; }',
      'node*:::http-server-response /ts[args[0]->fd]/ { @lat = quantize(timestamp - ts[args[0]->fd]); @n = count(); ts[args[0]->fd] = 0; }',
      'node*:::http-server-response /++done == 4/ { exit(3); }',
    ].join('\n');
    const t = zsdtrace(['-q', '-n', script, '-p', String(service.pid)]);
    await t.waitOut(/ready\n/);
    await requests(service.base, MIX.slice(0, 4));
    const { status } = await t.exited;
    expect(status).toBe(3);
    expect(t.stdout.startsWith('ready\n')).toBe(true);
    expect(t.stdout).toMatch(/^\s+value\s+-+ Distribution -+ count\s*$/m);
    expect(t.stdout.trim().split('\n').at(-1)!.trim()).toBe('4');
    const counts = [...t.stdout.matchAll(/\|\S*\s+(\d+)\s*$/gm)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counts).toBe(4);
    expect((await health(service.base)).subscribed).toEqual([]);
  });

  it('traces several -p targets at once and combines their aggregations', async () => {
    service = await startService();
    const other = await startService();
    try {
      const t = zsdtrace(['-q', '-n', 'BEGIN { printf("ready %d\\n", pid); } node*:::http-server-request { @[pid] = count(); @all = count(); }', '-p', String(service.pid), '-p', String(other.pid)]);
      await t.waitOut(/ready \d+\n[^]*ready \d+\n/);
      await requests(service.base, [['GET', '/users/1']]);
      await requests(other.base, [['GET', '/users/1'], ['GET', '/users/2']]);
      t.child.kill('SIGINT');
      const { status } = await t.exited;
      expect(status).toBe(0);
      const rows = t.stdout.split('\n').filter((l) => /^\s+\d+(\s+\d+)?$/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
      expect(rows).toContainEqual([service.pid, 1]);
      expect(rows).toContainEqual([other.pid, 2]);
      expect(rows).toContainEqual([3]);
      expect((await health(other.base)).subscribed).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it('lists the target\'s node provider with -l', async () => {
    service = await startService();
    const t = zsdtrace(['-l', '-P', `node${service.pid}`, '-p', String(service.pid)]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const names = t.stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
    expect(names.map((r) => r.slice(1, 3))).toEqual(Array(10).fill([`node${service.pid}`, 'node']));
    expect(names.map((r) => r[4])).toEqual([
      'net-server-connection', 'net-stream-end', 'net-socket-read', 'net-socket-write', 'http-server-request',
      'http-server-response', 'http-client-request', 'http-client-response', 'gc-start', 'gc-done',
    ]);
  });

  it('runs END in a target killed by SIGTERM, which then dies of it', async () => {
    service = await startService();
    const script = 'BEGIN { printf("ready\\n"); } node*:::http-server-request { @n = count(); } END { printf("end\\n"); }';
    const t = zsdtrace(['-q', '-n', script, '-p', String(service.pid)]);
    await t.waitOut(/ready\n/);
    expect(await requests(service.base, [['GET', '/users/1'], ['GET', '/missing']])).toEqual([200, 404]);
    service.child.kill('SIGTERM');
    const [{ status }, died] = await Promise.all([t.exited, service.exited]);
    expect(died.signal).toBe('SIGTERM');
    expect(status).toBe(0);
    expect(t.stderr).toBe(`zsdtrace: pid ${service.pid} terminated by SIGTERM\n`);
    expect(t.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim())).toEqual(['ready', 'end', '2']);
  });

  it('refuses a process that is not Node.js and leaves it running', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const t = zsdtrace(['-n', 'node*:::http-server-request', '-p', String(sleeper.pid)]);
      const { status } = await t.exited;
      expect(status).toBe(1);
      expect(t.stderr).toBe(`zsdtrace: failed to grab pid ${sleeper.pid}: not a Node.js process (sleep)\n`);
      expect(sleeper.exitCode).toBe(null);
      expect(sleeper.signalCode).toBe(null);
    } finally {
      sleeper.kill();
    }
  });

  it('says so for a pid that does not exist', async () => {
    const t = zsdtrace(['-n', 'BEGIN', '-p', '999999999']);
    const { status } = await t.exited;
    expect(status).toBe(1);
    expect(t.stderr).toBe('zsdtrace: failed to grab pid 999999999: No such process\n');
  });
});
