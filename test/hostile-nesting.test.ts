/*
 * Deep nesting through the real bundled CLI: the shapes docs/limits.md promises compile and
 * print the right value (on the large-stack thread, main thread's stack being too small), in
 * less than 1 GB of memory; one level past a limit is its D_NEST_DEPTH message, never a
 * JavaScript stack.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../packages/probes/src/program/limits.js';
import { assertBuilt, cliPath, root } from './lib/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zsdtrace-nesting-'));
// Loaded into the CLI's process: reports its peak memory (threads included) as it exits.
const rssHook = join(tmp, 'rss-hook.mjs');
writeFileSync(rssHook, "process.on('exit', () => process.stderr.write(`maxrss-kb=${process.resourceUsage().maxRSS}\\n`));\n");

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
  maxRssKb: number;
}

function runScript(name: string, text: string): Promise<Run> {
  assertBuilt();
  const file = join(tmp, name);
  writeFileSync(file, text);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', rssHook, cliPath, '-q', '-xerrtags', '-s', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const rss = /maxrss-kb=(\d+)\n/.exec(stderr);
      resolve({ stdout, stderr: stderr.replace(/maxrss-kb=\d+\n/, ''), status, maxRssKb: Number(rss?.[1]) });
    });
  });
}

const N = 10_000;
const CHAIN = 100_000;

describe('deep nesting compiles and runs', () => {
  const shapes: [string, string, string][] = [
    ['parentheses', `BEGIN { trace(${'('.repeat(N)}41${')'.repeat(N)} + 1); exit(0); }`, '42'],
    ['conditionals', `BEGIN { x = 1; trace(${'x ? '.repeat(N)}7${' : 2'.repeat(N)}); exit(0); }`, '7'],
    ['if statements', `BEGIN { x = 1; n = 0; ${'if (x) { n++; '.repeat(N)}trace(n);${' }'.repeat(N)} exit(0); }`, String(N)],
    ['a sum', `BEGIN { trace(${Array(CHAIN).fill('1').join(' + ')}); exit(0); }`, String(CHAIN)],
    ['a chain of &&', `BEGIN { a = 1; trace(${Array(CHAIN).fill('a').join(' && ')}); b = 0; trace(${Array(CHAIN - 1).fill('a').join(' && ')} && b); exit(0); }`, '10'],
  ];
  for (const [what, text, out] of shapes) {
    it(`runs ${N.toLocaleString('en')} levels or ${CHAIN.toLocaleString('en')} terms of ${what} in less than 1 GB`, async () => {
      const r = await runScript(`${what.replace(/\W/g, '-')}.d`, text);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(out);
      expect(r.maxRssKb).toBeGreaterThan(0);
      expect(r.maxRssKb).toBeLessThan(1024 * 1024);
    }, 180_000);
  }
});

describe('nesting past the limits', () => {
  const M = LIMITS.nesting;
  const cases: [string, string, RegExp][] = [
    ['parentheses', `BEGIN { trace(${'('.repeat(M)}1${')'.repeat(M)}); }`, new RegExp(`\\[D_NEST_DEPTH\\] .*program nested more than ${M} levels deep`)],
    ['conditionals', `BEGIN { x = 1; trace(${'x ? 1 : '.repeat(M)}2); }`, /\[D_NEST_DEPTH\] .*program nested more than/],
    ['if statements', `BEGIN { x = 1; ${'if (x) '.repeat(M + 1)}trace(1); }`, /\[D_NEST_DEPTH\] .*program nested more than/],
    ['unary operators', `BEGIN { x = 1; trace(${'!'.repeat(M + 1)}x); }`, /\[D_NEST_DEPTH\] .*program nested more than/],
    ['a sum', `BEGIN { trace(${Array(LIMITS.expressionDepth + 1).fill('1').join(' + ')}); }`, new RegExp(`\\[D_NEST_DEPTH\\] .*expression nested more than ${LIMITS.expressionDepth} levels deep`)],
  ];
  for (const [what, text, message] of cases) {
    it(`refuses ${what} one level past the limit with its message`, async () => {
      const r = await runScript(`over-${what.replace(/\W/g, '-')}.d`, text);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.stderr).toMatch(message);
      expect(r.status).toBe(1);
      expect(r.maxRssKb).toBeLessThan(1024 * 1024);
    }, 180_000);
  }
});
