/*
 * The bin's code cache (src/start.ts), end to end on the bundled CLI: a first start writes a
 * cache for the bundle, later starts use it, and no state of the cache (absent, corrupt, its
 * directory impossible to create, turned off) changes what the command prints or its status.
 */

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../../test/lib/run-cli.js';

const PROGRAM = ['-q', '-n', 'BEGIN { printf("%d %s\\n", 6 * 7, "ok"); exit(3); }'];

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zsdtrace-cache-test-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function expectProgramOutput(r: CliResult): void {
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('42 ok\n\n');
  expect(r.status).toBe(3);
}

function cacheFiles(xdg: string): string[] {
  try {
    return readdirSync(join(xdg, 'zsdtrace'));
  } catch {
    return [];
  }
}

describe('zsdtrace start-up code cache', () => {
  it('writes one cache for the bundle and Node on the first start, and uses it after', async () => {
    const xdg = tempDir();
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    const files = cacheFiles(xdg);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^zsdtrace-[0-9a-f]+-\\d+-\\d+-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
    const written = readFileSync(join(xdg, 'zsdtrace', files[0]!));
    expect(written.length).toBeGreaterThan(0);
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    // An accepted cache is not written again.
    expect(readFileSync(join(xdg, 'zsdtrace', files[0]!)).equals(written)).toBe(true);
  });

  it('replaces a corrupt cache and prints the same', async () => {
    const xdg = tempDir();
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    const file = join(xdg, 'zsdtrace', cacheFiles(xdg)[0]!);
    writeFileSync(file, Buffer.from('not a V8 code cache'));
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    expect(readFileSync(file).toString()).not.toBe('not a V8 code cache');
  });

  it("removes an earlier bundle's cache when it writes its own", async () => {
    const xdg = tempDir();
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    const current = cacheFiles(xdg)[0]!;
    const stale = 'zsdtrace-0123456789abcdef-1-1-v0.0.0-x64.v8cache';
    writeFileSync(join(xdg, 'zsdtrace', stale), 'old');
    writeFileSync(join(xdg, 'zsdtrace', 'unrelated.txt'), 'kept');
    rmSync(join(xdg, 'zsdtrace', current));
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    expect(cacheFiles(xdg).sort()).toEqual([current, 'unrelated.txt'].sort());
  });

  it('runs without a cache when its directory cannot be made', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: blocker } }));
    expect(readFileSync(blocker, 'utf8')).toBe('');
  });

  it('neither reads nor writes a cache in a directory others can write', async () => {
    const xdg = tempDir();
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    const dir = join(xdg, 'zsdtrace');
    const file = join(dir, cacheFiles(xdg)[0]!);
    chmodSync(dir, 0o777);
    // A planted cache: were it read, V8 would reject it and the start would write a new one.
    writeFileSync(file, Buffer.from('planted'));
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    expect(readFileSync(file).toString()).toBe('planted');
    rmSync(file);
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg } }));
    expect(cacheFiles(xdg)).toEqual([]);
  });

  it('writes nothing with ZSDTRACE_CODE_CACHE=0', async () => {
    const xdg = tempDir();
    expectProgramOutput(await runCli(PROGRAM, { env: { XDG_CACHE_HOME: xdg, ZSDTRACE_CODE_CACHE: '0' } }));
    expect(cacheFiles(xdg)).toEqual([]);
  });
});
