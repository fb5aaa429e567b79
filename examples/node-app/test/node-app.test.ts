/*
 * node-app end to end: the service listens on 127.0.0.1 (port 0), a bounded number of requests
 * goes over HTTP, and what the D script counted must equal what the client sent and received.
 * In-process for the tracer API, and as a real process for TRACE / --trace and SIGINT.
 */

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracing } from '@zsdtrace/probes';
import { requestMix, sendRequests, type Sent } from '../src/load.js';
import { startService, type Service } from '../src/server.js';
import { SQL } from '../src/db.js';

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, '..');

/** `" %8d"` int key, `" %16lld"` value (d-language.md 2.4). */
const intRow = (key: number, n: number): string => ` ${String(key).padStart(8)} ${String(n).padStart(16)}\n`;

function tally<K>(items: readonly K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** dtrace's exit order: by value ascending, ties by key ascending. */
function sortedRows<K extends number | string>(counts: Map<K, number>): [K, number][] {
  return [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The statements each request runs, from the routes in app.ts. */
function statementsOf(s: Sent): string[] {
  const { method, path } = s.spec;
  if (method === 'POST' && path === '/orders') return s.status === 201 ? [SQL.userById, SQL.insertOrder] : [SQL.userById];
  if (method !== 'GET') return [];
  if (path === '/users') return [SQL.allUsers];
  if (/^\/users\/\d+$/.test(path)) return [SQL.userById];
  if (/^\/users\/\d+\/orders$/.test(path)) return s.status === 200 ? [SQL.userById, SQL.ordersByUser] : [SQL.userById];
  return [];
}

describe('node-app in process', () => {
  let service: Service | null = null;
  afterEach(async () => {
    await service?.close();
    service = null;
  });

  it('counts every response by status, as the client saw them', async () => {
    service = await startService({ port: 0, host: '127.0.0.1' });
    const tracer = startTracing('app:::request-done { @[args[1]] = count(); }', { registry: service.registry });
    const sent = await sendRequests(service.url, requestMix(40));
    const text = tracer.stop();
    expect(service.probes.requestDone.enabled).toBe(false);

    const byStatus = tally(sent.map((s) => s.status));
    // The mix exercises every outcome: 200, 201, 404 and 405.
    expect([...byStatus.keys()].sort()).toEqual([200, 201, 404, 405]);
    expect(text).toBe('\n' + sortedRows(byStatus).map(([k, n]) => intRow(k, n)).join(''));
  });

  it('sees each request start with its method, and each statement the database ran', async () => {
    service = await startService({ port: 0, host: '127.0.0.1' });
    const tracer = startTracing(
      'app:::request-start { @methods[args[0]] = count(); } app:::query { @sql[args[0]] = count(); }',
      { registry: service.registry },
    );
    const sent = await sendRequests(service.url, requestMix(24), 3);
    const [methods, sql] = tracer.snapshot();
    tracer.stop();

    const expectedMethods = tally(sent.map((s) => s.spec.method));
    expect(new Map(methods?.entries.map((e) => [e.key[0], e.value]))).toEqual(expectedMethods);
    const expectedSql = tally(sent.flatMap(statementsOf));
    expect(new Map(sql?.entries.map((e) => [e.key[0], e.value]))).toEqual(expectedSql);
  });

  it('measures a latency for every request', async () => {
    service = await startService({ port: 0, host: '127.0.0.1' });
    const tracer = startTracing('app:::request-done { @n = count(); @zero = sum(args[2] == 0); @lat = quantize(args[2]); }', {
      registry: service.registry,
    });
    await sendRequests(service.url, requestMix(16));
    const aggs = new Map(tracer.snapshot().map((a) => [a.name, a]));
    tracer.stop();
    expect(aggs.get('n')?.entries[0]?.value).toBe(16);
    // A latency is measured whenever request-done is enabled, so none is reported as 0.
    expect(aggs.get('zero')?.entries[0]?.value).toBe(0);
    const buckets = aggs.get('lat')?.entries[0]?.value as readonly number[];
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(16);
  });

  it('fires nothing while no tracer runs, and counts from when one starts', async () => {
    service = await startService({ port: 0, host: '127.0.0.1' });
    const { requestStart, requestDone, query } = service.probes;
    expect([requestStart.enabled, requestDone.enabled, query.enabled]).toEqual([false, false, false]);
    const sent = await sendRequests(service.url, requestMix(8));
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 404, 201, 404, 405]);
    const tracer = startTracing('app:::request-done { @ = count(); }', { registry: service.registry });
    await sendRequests(service.url, requestMix(3));
    expect(tracer.stop()).toBe('\n' + ` ${'3'.padStart(16)}\n`);
  });
});

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/**
 * Runs src/main.ts as a process. `drive` gets the service URL once it listens; when it resolves,
 * the process gets SIGINT (unless `drive` is absent and the process ends by itself).
 */
function runApp(args: string[], env: Record<string, string>, drive?: (url: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
      cwd: appDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let driving = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m && drive && !driving) {
        driving = true;
        drive(m[1]!).then(
          () => child.kill('SIGINT'),
          (e: unknown) => {
            child.kill('SIGKILL');
            reject(e);
          },
        );
      }
    });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

describe('node-app as a process', () => {
  it('traces itself from TRACE and prints the aggregation on SIGINT', async () => {
    let sent: Sent[] = [];
    const run = await runApp(['--port', '0', '--host', '127.0.0.1'], { TRACE: 'app:::request-done { @[args[1]] = count(); }' }, async (url) => {
      sent = await sendRequests(url, requestMix(20));
    });
    expect(run.stderr).toMatch(/^node-app: listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(run.status).toBe(0);
    expect(sent).toHaveLength(20);
    const byStatus = tally(sent.map((s) => s.status));
    expect(run.stdout).toBe('\n' + sortedRows(byStatus).map(([k, n]) => intRow(k, n)).join(''));
  });

  it('runs a --trace script against its own --load and exits', async () => {
    const run = await runApp(['--trace', 'scripts/queries.d', '--load', '16'], {});
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    // The format's rows: statement, calls, rows, mean latency; one row per statement run.
    const calls = new Map(lines.map((l) => [l.slice(0, 60).trimEnd(), Number(/(\d+) calls/.exec(l)?.[1])]));
    expect(calls.get(SQL.allUsers)).toBe(2);
    expect(calls.get(SQL.insertOrder)).toBe(2);
    expect(calls.get(SQL.ordersByUser)).toBe(2);
    // GET /users/N, /users/N/orders, /users/999 and the POST each look a user up.
    expect(calls.get(SQL.userById)).toBe(8);
  });

  it('reports a script that does not compile as dtrace does, and exits 1', async () => {
    const run = await runApp(['--port', '0'], { TRACE: 'app:::no-such-probe { @ = count(); }' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'zsdtrace: invalid probe specifier app:::no-such-probe { @ = count(); }: ' +
        'probe description app:::no-such-probe does not match any probes\n',
    );
  });
});
