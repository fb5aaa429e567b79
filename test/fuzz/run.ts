/*
 * `pnpm fuzz [--runs N] [--seed S] [--out DIR]`: the fuzzer for as long as asked. The loop
 * runs in a child process; this parent is its watchdog: an input that makes no progress for
 * HANG_MS is a hang, and the child is killed and the input written out. Findings (crashes,
 * hangs, nondeterminism, memory past the limit) are written to DIR as minimal reproducers, one
 * JSON file each; the summary gives inputs, time, distinct messages and peak RSS.
 */

import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HANG_MS = 60_000;
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) }, out: { type: 'string', default: 'fuzz-findings' }, child: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const out = resolve(values.out!);

if (values.child) {
  const { fuzz } = await import('./fuzz.js');
  const stats = await fuzz({
    root,
    dir: out,
    seed,
    runs,
    onInput: (input, n) => process.send!({ t: 'input', n, input }),
  });
  process.send!({ t: 'done', inputs: stats.inputs, findings: stats.findings, messages: stats.messages.size, peakRss: stats.peakRss });
  process.disconnect();
} else {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const child = fork(here, ['--child', '--runs', String(runs), '--seed', String(seed), '--out', out], { execArgv: process.execArgv });
  let last: { n: number; input: unknown } | null = null;
  let timer = setTimeout(hang, HANG_MS);
  function hang(): void {
    writeFileSync(join(out, `hang-${seed}-${last?.n ?? 0}.json`), JSON.stringify({ kind: 'hang', input: last?.input }, null, 2));
    console.log(`hang after ${HANG_MS / 1000}s on input ${last?.n}: written to ${out}`);
    child.kill('SIGKILL');
  }
  child.on('message', (m: { t: string; n?: number; input?: unknown; inputs?: number; findings?: { input: unknown; outcome: { kind: string; message: string } }[]; messages?: number; peakRss?: number }) => {
    if (m.t === 'input') {
      last = { n: m.n!, input: m.input };
      clearTimeout(timer);
      timer = setTimeout(hang, HANG_MS);
      if (m.n! % 1000 === 0) console.log(`${m.n} inputs, ${((Date.now() - started) / 1000).toFixed(0)}s`);
      return;
    }
    clearTimeout(timer);
    for (const [i, f] of m.findings!.entries()) writeFileSync(join(out, `${f.outcome.kind}-${seed}-${i}.json`), JSON.stringify(f, null, 2));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`inputs ${m.inputs}, time ${secs}s, findings ${m.findings!.length}, distinct messages ${m.messages}, peak RSS ${(m.peakRss! / 1048576).toFixed(0)} MB`);
    for (const f of m.findings!) console.log(`  ${f.outcome.kind}: ${f.outcome.message.split('\n')[0]}`);
    process.exitCode = m.findings!.length > 0 ? 1 : 0;
  });
  child.on('exit', (code) => {
    clearTimeout(timer);
    if (code !== 0 && process.exitCode === undefined) process.exitCode = 1;
  });
}
