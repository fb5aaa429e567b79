/*
 * The scripts of examples/node-live answer their questions: each runs against the example
 * service started with -c, under a known request mix.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requests, servicePath, zsdtrace } from './lib/live.js';
import { root } from './lib/run-cli.js';

const script = (name: string): string => join(root, 'examples/node-live/scripts', name);

const MIX = [
  ['GET', '/users/1'], ['GET', '/users/1'], ['GET', '/missing'], ['POST', '/orders'], ['GET', '/error'], ['GET', '/proxy'], ['GET', '/report'],
] as const;

/** Runs a script on the service started by -c; the service exits after the mix (and /proxy's two). */
async function traced(name: string): Promise<{ stdout: string; stderr: string; status: number | null }> {
  const t = zsdtrace(['-s', script(name), '-c', `node ${servicePath} 0`], { SERVE_REQUESTS: String(MIX.length + 2) });
  const [, base] = await t.waitErr(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  // The agent compiled before the service started listening; its probes are enabled.
  expect(await requests(base!, MIX)).toEqual([200, 200, 404, 201, 500, 200, 200]);
  const { status } = await t.exited;
  return { stdout: t.stdout, stderr: t.stderr, status };
}

describe('examples/node-live scripts', () => {
  it('requests.d counts requests served and made', async () => {
    const r = await traced('requests.d');
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').map((l) => l.trim().split(/\s+/));
    const count = (method: string, url: string): string | undefined => rows.find((x) => x[0] === method && x[1] === url)?.[2];
    expect(count('GET', '/users/1')).toBe('3'); // two from the mix, one from /proxy's fetch
    expect(count('GET', '/users/2')).toBe('1');
    expect(count('POST', '/orders')).toBe('1');
    expect(count('GET', '/proxy')).toBe('1');
    const made = rows.filter((x) => x.length === 4 && x[1] === '127.0.0.1').map((x) => x.join(' ')).sort();
    expect(made).toEqual(['GET 127.0.0.1 /users/1 1', 'GET 127.0.0.1 /users/2 1']);
  });

  it('latency-by-status.d has a distribution per status', async () => {
    const r = await traced('latency-by-status.d');
    expect(r.status).toBe(0);
    const statuses = [...r.stdout.matchAll(/latency \(us\) for status\s+(\d+)/g)].map((m) => m[1]).sort();
    expect(statuses).toEqual(['200', '201', '404', '500']);
    const counts = [...r.stdout.matchAll(/\|[@ ]+(\d+)\s*$/gm)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counts).toBe(MIX.length + 2);
  });

  it('slowest-urls.d reports every URL with its count', async () => {
    const r = await traced('slowest-urls.d');
    expect(r.status).toBe(0);
    const rows = new Map(r.stdout.split('\n').slice(1).filter((l) => l.startsWith('/')).map((l) => [l.split(/\s+/)[0], Number(l.split(/\s+/)[1])]));
    expect(Object.fromEntries(rows)).toEqual({ '/users/1': 3, '/users/2': 1, '/missing': 1, '/orders': 1, '/error': 1, '/proxy': 1, '/report': 1 });
  });
});
