/*
 * zsdtrace -c CMD with a Node.js command: the agent preloaded into the process the command
 * starts, $target its pid, dtrace's `pid N has exited` when it ends, and END run there.
 */

import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requests, servicePath, zsdtrace } from './lib/live.js';

describe('zsdtrace -c with a Node.js command', () => {
  it('traces the service it starts until it exits, with $target its pid', async () => {
    const script = [
      'BEGIN { printf("target %d\\n", $target); }',
      'node*:::http-server-request /pid == $target/ { @[args[0]->method, execname] = count(); }',
      'END { printf("end\\n"); }',
    ].join('\n');
    const t = zsdtrace(['-q', '-n', script, '-c', `node ${servicePath} 0`], { SERVE_REQUESTS: '4' });
    const [, base] = await t.waitErr(/service \d+ listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const pid = Number(/service (\d+)/.exec(t.stderr)![1]);
    expect(await requests(base!, [['GET', '/users/1'], ['POST', '/orders'], ['GET', '/missing'], ['GET', '/slow']])).toEqual([200, 201, 404, 200]);
    const { status } = await t.exited;
    expect(status).toBe(0);
    expect(t.stderr).toContain(`zsdtrace: pid ${pid} has exited\n`);
    const lines = t.stdout.split('\n');
    expect(lines[0]).toBe(`target ${pid}`);
    expect(lines[1]).toBe('end');
    const rows = lines.slice(2).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
    expect(rows).toEqual([['POST', 'node', '1'], ['GET', 'node', '3']]);
  });

  it('runs BEGIN and END in a process that exits at once', async () => {
    const t = zsdtrace(['-q', '-n', 'BEGIN { printf("begin %d\\n", $target); } END { printf("end %d\\n", pid); }', '-c', 'node -e 0']);
    const { status } = await t.exited;
    expect(status).toBe(0);
    const pid = Number(/^begin (\d+)$/m.exec(t.stdout)![1]);
    expect(pid).toBeGreaterThan(0);
    expect(t.stdout).toBe(`begin ${pid}\nend ${pid}\n\n`);
    expect(t.stderr).toBe(`zsdtrace: pid ${pid} has exited\n`);
  });

  it('reports a command that cannot be run', async () => {
    const t = zsdtrace(['-n', 'BEGIN', '-c', 'no-such-command-zsd']);
    const { status } = await t.exited;
    expect(status).toBe(1);
    expect(t.stderr).toBe('zsdtrace: failed to execute no-such-command-zsd: No such file or directory\n');
  });

  it('reports a compile error from the target and stops the command', async () => {
    const t = zsdtrace(['-n', 'node*:::http-server-request { @[args[0]->nosuch] = count(); }', '-c', `node ${servicePath} 0`]);
    const { status } = await t.exited;
    expect(status).toBe(1);
    expect(t.stderr.split('\n')[0]).toBe(
      'zsdtrace: invalid probe specifier node*:::http-server-request { @[args[0]->nosuch] = count(); }: in action list: nosuch is not a member of node_http_request_t',
    );
  });
});

describe('profile-N in a live Node.js process', () => {
  it('samples the JavaScript stack with jstack() and folds it for flame graphs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsd-live-'));
    const script = join(dir, 'spin.js');
    writeFileSync(
      script,
      'function spin(ms) {\n  const t = Date.now();\n  let x = 0;\n  while (Date.now() - t < ms) x += Math.sqrt(x + 1);\n  return x;\n}\nspin(400);\n',
    );
    try {
      const t = zsdtrace(['-q', '-n', 'profile-997 { @[jstack()] = count(); }', '-c', `node ${script}`, '--format', 'folded']);
      const { status } = await t.exited;
      expect(status).toBe(0);
      const lines = t.stdout.split('\n').filter((l) => l !== '');
      const spin = lines.filter((l) => l.includes(`;spin (${script}:1) `));
      expect(spin.length).toBe(1);
      expect(spin[0]).toMatch(new RegExp(`\\(anonymous\\) \\(${script.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1\\);spin \\(.*:1\\) (\\d+)$`));
      const n = Number(/ (\d+)$/.exec(spin[0]!)![1]);
      expect(n).toBeGreaterThan(10);
      // Frames name the line where their function starts (V8's profile nodes); every line is
      // frames then a count.
      for (const l of lines) expect(l).toMatch(/^\S.* \d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
