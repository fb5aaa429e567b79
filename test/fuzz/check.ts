/*
 * The fuzzer's oracle. Each input runs in this process through the real entry points — the
 * compiler, loadWorkload and the CLI's main() with captured streams — and is classified:
 * `ok`, `error` (a clean refusal: a D_* tag or a `zsdtrace: …` message and exit status 1/2),
 * or a finding: `crash` (a JavaScript exception escaped, or "internal error" was printed),
 * `nondeterministic` (a program that compiles printed different output on two runs of s3),
 * `memory` (the process grew past the limit).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createEngine, engineLibraries, loadWorkload, WorkloadError } from '@zsdtrace/core';
import { compile } from '@zsdtrace/probes';
import { main } from '../../packages/cli/src/main.js';

export type Kind = 'ok' | 'error' | 'crash' | 'nondeterministic' | 'memory';
export interface Outcome {
  readonly kind: Kind;
  /** The message, with numbers and quoted text replaced, for counting distinct messages. */
  readonly message: string;
}

export const RSS_LIMIT = 1024 * 1024 * 1024;

const registry = createEngine({ workload: loadWorkload('s3') }).registry;

/** A message with its variable parts blanked, so that similar messages count once. */
export function shape(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"[^"]*"|'[^']*'/g, 'Q')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 160);
}

function memory(): Outcome | null {
  const rss = process.memoryUsage.rss();
  return rss > RSS_LIMIT ? { kind: 'memory', message: `rss ${rss}` } : null;
}

/** Compiles `text` as a script against the s3 engine's probes. */
export function checkCompile(text: string): Outcome & { compiled: boolean } {
  try {
    const r = compile([{ text, kind: 'script', name: 'fuzz.d' }], { registry, libraries: engineLibraries, options: {} });
    const m = memory();
    if (m) return { ...m, compiled: false };
    if (r.program) return { kind: 'ok', message: 'compiled', compiled: true };
    const d = r.diagnostics[0];
    if (!d || !/^D_[A-Z0-9_]+$/.test(d.code) || d.message === '') return { kind: 'crash', message: `diagnostic without a D_ tag: ${JSON.stringify(d)}`, compiled: false };
    return { kind: 'error', message: `${d.code} ${shape(d.message)}`, compiled: false };
  } catch (e) {
    return { kind: 'crash', message: `compile threw: ${(e as Error)?.stack ?? String(e)}`, compiled: false };
  }
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += String(chunk);
    cb();
  }
}

/** Runs the CLI's main() on `argv` with captured streams. */
export async function runMain(argv: readonly string[]): Promise<{ status: number; stdout: string; stderr: string } | { thrown: unknown }> {
  const stdout = new Capture();
  const stderr = new Capture();
  try {
    const status = await main(argv, { stdout, stderr, env: {} });
    return { status, stdout: stdout.text, stderr: stderr.text };
  } catch (e) {
    return { thrown: e };
  }
}

function classifyRun(r: Awaited<ReturnType<typeof runMain>>): Outcome {
  if ('thrown' in r) return { kind: 'crash', message: `main threw: ${(r.thrown as Error)?.stack ?? String(r.thrown)}` };
  if (/internal error/.test(r.stderr)) return { kind: 'crash', message: r.stderr.slice(0, 2000) };
  const m = memory();
  if (m) return m;
  if (r.status === 0) return { kind: 'ok', message: 'status 0' };
  const line = r.stderr.split('\n').find((l) => l.startsWith('zsdtrace: ')) ?? '';
  if (line === '' && r.status !== 0 && r.stderr.trim() !== '' && !/Usage:/.test(r.stderr)) return { kind: 'crash', message: `status ${r.status} without a message: ${r.stderr.slice(0, 500)}` };
  return { kind: 'error', message: `status ${r.status} ${shape(line)}` };
}

/** A compiling program runs on s3 twice, bounded in virtual time; both runs must print the same. */
export async function checkRun(dir: string, text: string): Promise<Outcome> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'prog.d');
  writeFileSync(file, text);
  const argv = ['-c', 's3', '--seed', '7', '--fast', '--duration', '2ms', '-s', file];
  const a = await runMain(argv);
  const first = classifyRun(a);
  if (first.kind === 'crash' || first.kind === 'memory') return first;
  const b = await runMain(argv);
  const second = classifyRun(b);
  if (second.kind === 'crash' || second.kind === 'memory') return second;
  if ('stdout' in a && 'stdout' in b && (a.stdout !== b.stdout || a.status !== b.status)) {
    return { kind: 'nondeterministic', message: `two runs differ: ${JSON.stringify(a.stdout.slice(0, 300))} / ${JSON.stringify(b.stdout.slice(0, 300))}` };
  }
  return first;
}

/** A workload file: loadWorkload must return or throw a WorkloadError; a valid one must run. */
export async function checkWorkload(dir: string, json: unknown): Promise<Outcome> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'workload.json');
  writeFileSync(file, JSON.stringify(json) ?? 'undefined');
  try {
    loadWorkload(file);
  } catch (e) {
    if (e instanceof WorkloadError) return { kind: 'error', message: shape(e.reason) };
    return { kind: 'crash', message: `loadWorkload threw: ${(e as Error)?.stack ?? String(e)}` };
  }
  return classifyRun(await runMain(['--workload', file, '--fast', '--duration', '1ms', '-q', '-n', 'BEGIN { trace(1); }']));
}

/** A CLI argument vector, bounded in virtual time and kept inside `dir`. */
export async function checkArgv(dir: string, argv: readonly string[]): Promise<Outcome> {
  mkdirSync(dir, { recursive: true });
  const bounded = argv.flatMap((a) => (a === '-o' ? ['-o', join(dir, 'out.txt')] : a === '-s' ? ['-s', join(dir, 'missing.d')] : [a]));
  return classifyRun(await runMain([...bounded, '--fast', '--duration', '1ms']));
}
