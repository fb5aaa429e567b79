/*
 * The arguments of the node provider's request probes in a live process: the translated
 * structs (read member by member when a clause reads them) and the positional copies of their
 * members (computed only for the arguments the enabled clauses read), each clause seeing the
 * same values whichever arguments the others read.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zsdtrace } from './lib/live.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zsd-live-args-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves two GETs to itself (one through a proxy-like X-Forwarded-For), then exits. */
function program(): string {
  const file = join(dir, 'serve.js');
  writeFileSync(
    file,
    [
      "const http = require('node:http');",
      "const server = http.createServer((req, res) => res.end('ok'));",
      "server.listen(0, '127.0.0.1', async () => {",
      '  const { port } = server.address();',
      "  for (const headers of [{}, { 'x-forwarded-for': '10.1.2.3' }]) {",
      "    await new Promise((resolve) => http.get({ host: '127.0.0.1', port, path: '/p?q=1', headers, agent: false }, (r) => { r.resume(); r.on('end', resolve); }));",
      '  }',
      '  server.close();',
      '});',
      '',
    ].join('\n'),
  );
  return file;
}

describe('node*:::http-server-request arguments in a live process', () => {
  it('gives every clause the arguments it reads, positional or through the structs', async () => {
    const script = [
      'node*:::http-server-request { printf("A %s %s %s|\\n", args[0]->method, args[0]->url, args[0]->forwardedFor); }',
      'node*:::http-server-request { printf("B %s %s %d %d %d\\n", args[4], args[5], args[2] == args[1]->remoteAddress, args[3] == args[1]->remotePort && args[3] > 0, args[6] == args[1]->fd && args[6] > 0); }',
      'node*:::http-server-request { printf("C %s %d\\n", args[1]->remoteAddress, args[1]->bufferSize >= 0); }',
    ].join('\n');
    const t = zsdtrace(['-q', '-n', script, '-c', `node ${program()}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    expect(t.stdout.split('\n').filter((l) => l !== '')).toEqual([
      'A GET /p?q=1 |',
      'B GET /p?q=1 1 1 1',
      'C 127.0.0.1 1',
      'A GET /p?q=1 10.1.2.3|',
      'B GET /p?q=1 1 1 1',
      'C 127.0.0.1 1',
    ]);
  });

  it('computes the positional arguments a clause alone reads', async () => {
    const script = 'node*:::http-server-request { printf("%s %s %s %d\\n", args[4], args[5], args[2], args[3] > 0); }';
    const t = zsdtrace(['-q', '-n', script, '-c', `node ${program()}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    expect(t.stdout.split('\n').filter((l) => l !== '')).toEqual(['GET /p?q=1 127.0.0.1 1', 'GET /p?q=1 127.0.0.1 1']);
  });
});
