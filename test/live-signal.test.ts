/*
 * zsdtrace -c CMD when the command's process does not exit by itself: dtrace's notices for a
 * process killed by a signal (`pid N terminated by SIGTERM`) or exiting with a non-zero status
 * (`pid N exited with status 3`), and END still run with the aggregations printed, as dtrace
 * runs END on what the kernel kept.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zsdtrace } from './lib/live.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zsd-live-signal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A program that serves three GETs to itself, then ends with `ending` (JavaScript). */
function selfServing(name: string, ending: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      "const http = require('node:http');",
      "const server = http.createServer((req, res) => res.end('ok'));",
      "server.listen(0, '127.0.0.1', async () => {",
      '  const { port } = server.address();',
      '  for (let i = 0; i < 3; i++) {',
      "    await new Promise((resolve) => http.get({ host: '127.0.0.1', port, path: '/' + i }, (r) => { r.resume(); r.on('end', resolve); }));",
      '  }',
      `  ${ending}`,
      '});',
      '',
    ].join('\n'),
  );
  return file;
}

/** stdout as lines of words, blank lines left out. */
function rows(stdout: string): string[][] {
  return stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
}

const SCRIPT = 'node*:::http-server-request { @[args[0]->method] = count(); } END { printf("end %d\\n", pid); }';

describe('zsdtrace -c with a command that does not exit by itself', () => {
  it('runs END and prints the aggregations when the process is killed by a signal', async () => {
    const file = selfServing('term.js', "process.kill(process.pid, 'SIGTERM');");
    const t = zsdtrace(['-q', '-n', SCRIPT, '-c', `node ${file}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const pid = Number(/^end (\d+)$/m.exec(t.stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(t.stderr).toBe(`zsdtrace: pid ${pid} terminated by SIGTERM\n`);
    expect(rows(t.stdout)).toEqual([['end', String(pid)], ['GET', '3']]);
  });

  it('leaves a program that handles the signal itself to its own handler', async () => {
    const file = selfServing(
      'handled.js',
      "process.on('SIGTERM', () => { console.error('handled'); server.close(); }); process.kill(process.pid, 'SIGTERM');",
    );
    const t = zsdtrace(['-q', '-n', SCRIPT, '-c', `node ${file}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const pid = Number(/^end (\d+)$/m.exec(t.stdout)?.[1]);
    expect(t.stderr).toBe(`handled\nzsdtrace: pid ${pid} has exited\n`);
    expect(rows(t.stdout)).toEqual([['end', String(pid)], ['GET', '3']]);
  });

  it('names the signal when the process cannot run END (SIGKILL)', async () => {
    const file = selfServing('kill.js', "process.kill(process.pid, 'SIGKILL');");
    const t = zsdtrace(['-q', '-n', SCRIPT, '-c', `node ${file}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    expect(t.stderr).toMatch(/^zsdtrace: pid \d+ terminated by SIGKILL\n$/);
  });

  it('does not blame the command for the kill that ends the trace (--duration)', async () => {
    const file = selfServing('stays.js', 'setInterval(() => {}, 1000);');
    const t = zsdtrace(['-q', '-n', SCRIPT, '--duration', '1500ms', '-c', `node ${file}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const pid = Number(/^end (\d+)$/m.exec(t.stdout)?.[1]);
    expect(t.stderr).toBe(`zsdtrace: pid ${pid} has exited\n`);
    expect(rows(t.stdout)).toEqual([['end', String(pid)], ['GET', '3']]);
  });

  it('reports a non-zero exit status as dtrace does', async () => {
    const file = selfServing('status.js', 'server.close(); process.exitCode = 3;');
    const t = zsdtrace(['-q', '-n', SCRIPT, '-c', `node ${file}`]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const pid = Number(/^end (\d+)$/m.exec(t.stdout)?.[1]);
    expect(t.stderr).toBe(`zsdtrace: pid ${pid} exited with status 3\n`);
    expect(rows(t.stdout)).toEqual([['end', String(pid)], ['GET', '3']]);
  });
});
