/*
 * D compiler and runtime benchmarks, as ratios measured in one process:
 * - an enabled probe with a predicate and `@[probefunc] = count()`, against a hand-written
 *   closure doing the same work and a diagnostics_channel subscriber doing it (goal: no slower
 *   than the closure);
 * - four clauses fused on one probe;
 * - `@ = quantize(timestamp - self->ts)`;
 * - compile time of a 1,000-clause script (goal < 100 ms), the front end's share of it, the
 *   same front end through chevrotain alone (what a script outside the common forms of
 *   scan-common.ts and parse-common.ts pays), and the one-off construction of the chevrotain
 *   lexer and parser (paid once by a process whose script needs them).
 */

import { spawnSync } from 'node:child_process';
import diagnostics_channel from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import { benchClauses } from './lib/compile-cold.js';
import { compile } from '../packages/probes/src/lang/compile.js';
import { buildAst } from '../packages/probes/src/lang/ast-builder.js';
import { DiagnosticSink, LineMap } from '../packages/probes/src/lang/diagnostics.js';
import { createDLexer, lex, lexWithChevrotain } from '../packages/probes/src/lang/lexer.js';
import { DParser, parse, parseWithGrammar } from '../packages/probes/src/lang/parser.js';
import { KEYWORDS } from '../packages/probes/src/lang/tokens.js';
import { createRuntime } from '../packages/probes/src/runtime/runtime.js';
import { ProbeRegistry } from '../packages/probes/src/provider/registry.js';
import { Provider } from '../packages/probes/src/provider/provider.js';
import { createNodeHost } from '../packages/probes/src/provider/node-host.js';
import type { RuntimeSink } from '../packages/probes/src/program/value-model.js';
import type { Probe } from '../packages/probes/src/provider/probe.js';

type Report = (row: { name: string; value: number; unit: string; note?: string }) => void;

const N = 2_000_000;
const sink: RuntimeSink = { firing() {}, fault() {}, drop() {}, error() {} };

function nsPerCall(fn: (i: number) => void, n = N): number {
  for (let i = 0; i < n / 10; i++) fn(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  return Number(process.hrtime.bigint() - t0) / n;
}

function setup(script: string): { probe: Probe; ms: number } {
  const registry = new ProbeRegistry();
  const probe = new Provider('bench', registry).probe('mod', 'worker', 'work', ['int']);
  const t0 = performance.now();
  const res = compile([{ text: script, kind: 'script', name: 'bench.d' }], { registry });
  const ms = performance.now() - t0;
  if (!res.program) throw new Error(JSON.stringify(res.diagnostics));
  createRuntime(res.program, { host: createNodeHost(), registry, sink }).start();
  return { probe, ms };
}

export default async function (report: Report): Promise<void> {
  // 0. The 1,000-clause compile in fresh processes, first, while this process's own background
  //    compiler and GC threads are idle (they share the machine's cores with the child).
  const fresh: number[] = [];
  for (let r = 0; r < 7; r++) {
    const out = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL('./lib/compile-cold.ts', import.meta.url)), '--run'], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`compile-cold failed: ${out.stderr}`);
    fresh.push(Number(out.stdout.trim()));
  }
  fresh.sort((a, b) => a - b);
  report({ name: 'lang: compile 1,000-clause script', value: fresh[3]!, unit: 'ms', note: `goal < 100 ms; median of 7 fresh processes, range ${fresh[0]!.toFixed(1)}..${fresh[6]!.toFixed(1)}` });

  // 1. predicate + count per probefunc.
  const { probe } = setup('bench:::work /arg0 > 10/ { @[probefunc] = count(); }');
  const counts = new Map<string, number>();
  const closure = (a0: number, func: string): void => {
    if (a0 > 10) counts.set(func, (counts.get(func) ?? 0) + 1);
  };
  // Each side has a timing loop of its own (a shared loop's call site favours whichever function
  // it sees first), and the two alternate over 9 rounds; the ratio is the median of the rounds'.
  const M = N / 4;
  const timeD = (): number => {
    for (let i = 0; i < M / 10; i++) if (probe.enabled) probe.fire(i & 31);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < M; i++) if (probe.enabled) probe.fire(i & 31);
    return Number(process.hrtime.bigint() - t0) / M;
  };
  const timeClosure = (): number => {
    for (let i = 0; i < M / 10; i++) closure(i & 31, 'worker');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < M; i++) closure(i & 31, 'worker');
    return Number(process.hrtime.bigint() - t0) / M;
  };
  const rounds: { d: number; c: number }[] = [];
  for (let r = 0; r < 9; r++) rounds.push({ d: timeD(), c: timeClosure() });
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const d = median(rounds.map((x) => x.d));
  const c = median(rounds.map((x) => x.c));
  const ratio = median(rounds.map((x) => x.d / x.c));
  const ch = diagnostics_channel.channel('zsdtrace.bench');
  const dcCounts = new Map<string, number>();
  ch.subscribe((msg) => {
    const m = msg as { a0: number; func: string };
    if (m.a0 > 10) dcCounts.set(m.func, (dcCounts.get(m.func) ?? 0) + 1);
  });
  const dc = nsPerCall((i) => {
    if (ch.hasSubscribers) ch.publish({ a0: i & 31, func: 'worker' });
  });
  report({ name: 'lang: D predicate + count()', value: d, unit: 'ns/call' });
  report({ name: 'lang: hand-written closure', value: c, unit: 'ns/call' });
  report({ name: 'lang: diagnostics_channel subscriber', value: dc, unit: 'ns/call' });
  report({ name: 'lang: D / closure', value: ratio, unit: 'ratio', note: 'goal <= 0.7; median of 9 interleaved rounds' });
  report({ name: 'lang: D / diagnostics_channel', value: d / dc, unit: 'ratio' });

  // 2. four clauses on one probe.
  const four = setup(
    'bench:::work { @a = count(); } bench:::work /arg0 & 1/ { @b = sum(arg0); } bench:::work { @c[arg0 & 3] = count(); } bench:::work { @d = max(arg0); }',
  ).probe;
  const f4 = nsPerCall((i) => {
    if (four.enabled) four.fire(i);
  });
  report({ name: 'lang: four clauses on one probe', value: f4, unit: 'ns/call' });
  report({ name: 'lang: four clauses / one clause', value: f4 / d, unit: 'ratio' });

  // 3. latency quantize with a thread-local timestamp.
  const q = setup('bench:::work /arg0 == 0/ { self->ts = timestamp; } bench:::work /arg0 == 1 && self->ts/ { @ = quantize(timestamp - self->ts); self->ts = 0; }').probe;
  const fq = nsPerCall((i) => {
    if (q.enabled) q.fire(i & 1);
  }, N / 4);
  report({ name: 'lang: quantize(timestamp - self->ts) per firing', value: fq, unit: 'ns/call' });

  // 4. compile time for 1,000 clauses (~34,000 tokens): the whole compile once after a
  //    one-clause warm-up (what a CLI run pays), then the front end (lex + parse + AST) on its
  //    own, warm, as an upper bound of its share; the rest is semantic checks and code generation.
  const clauses = benchClauses();
  const big = clauses.join('\n');
  setup(clauses[0]!);
  const { ms } = setup(big);
  report({ name: 'lang: compile 1,000-clause script, in this process', value: ms, unit: 'ms', note: 'one cold compile' });
  const types = new Set<string>(KEYWORDS);
  const front = (): number => {
    const t0 = performance.now();
    const tokens = lex(big, types).tokens;
    const parsed = parse(tokens, types);
    if (!parsed.tree) throw new Error('bench script failed to parse');
    buildAst(parsed.tree, new DiagnosticSink(0, new LineMap(big)), 'script');
    return performance.now() - t0;
  };
  const runs = [front(), front(), front(), front(), front()].sort((a, b) => a - b);
  const frontMs = runs[2]!;
  report({ name: 'lang: lex + parse + AST, 1,000 clauses', value: frontMs, unit: 'ms', note: 'median of 5, after the compile above' });
  report({ name: 'lang: front end / whole compile', value: frontMs / ms, unit: 'ratio' });
  const grammarFront = (): number => {
    const t0 = performance.now();
    const tokens = lexWithChevrotain(big, types).tokens;
    const parsed = parseWithGrammar(tokens, types);
    if (!parsed.tree) throw new Error('bench script failed to parse');
    buildAst(parsed.tree, new DiagnosticSink(0, new LineMap(big)), 'script');
    return performance.now() - t0;
  };
  const grammarRuns = [grammarFront(), grammarFront(), grammarFront(), grammarFront(), grammarFront()].sort((a, b) => a - b);
  report({ name: 'lang: the same through chevrotain alone (the fallback)', value: grammarRuns[2]!, unit: 'ms', note: 'median of 5' });
  // Construction again, in a process where chevrotain's code is already warm: a lower bound of
  // what a process pays once when its script needs chevrotain (lexer analysis, grammar
  // recording and lookahead precomputation).
  const t0 = performance.now();
  createDLexer();
  const t1 = performance.now();
  new DParser();
  const t2 = performance.now();
  report({ name: 'lang: chevrotain Lexer construction', value: t1 - t0, unit: 'ms', note: 'once per process' });
  report({ name: 'lang: chevrotain parser construction (performSelfAnalysis)', value: t2 - t1, unit: 'ms', note: 'once per process' });
}
