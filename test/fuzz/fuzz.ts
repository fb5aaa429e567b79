/*
 * The fuzzing loop shared by the test suite's short run and `pnpm fuzz`: fast-check draws
 * inputs of five kinds (generated D programs, deep programs, corpus mutants, workload files,
 * argument vectors), the oracle (check.ts) classifies each, and a finding fails the property
 * so that fast-check shrinks it to a minimal reproducer. After a finding the loop goes on with
 * the next seed until the requested number of inputs has run.
 */

import fc from 'fast-check';
import { join } from 'node:path';
import { checkArgv, checkCompile, checkRun, checkWorkload, type Outcome } from './check.js';
import { deepProgram, dProgram } from './d-programs.js';
import { argv, corpusMutant, corpusScripts, workloadJson } from './inputs.js';

export type Input =
  | { readonly kind: 'program' | 'deep' | 'mutant'; readonly text: string }
  | { readonly kind: 'workload'; readonly json: unknown }
  | { readonly kind: 'argv'; readonly argv: readonly string[] };

export function inputs(root: string): fc.Arbitrary<Input> {
  const scripts = corpusScripts(root);
  return fc.oneof(
    { weight: 5, arbitrary: dProgram.map((text) => ({ kind: 'program' as const, text })) },
    { weight: 1, arbitrary: deepProgram.map((text) => ({ kind: 'deep' as const, text })) },
    { weight: 4, arbitrary: corpusMutant(scripts).map((text) => ({ kind: 'mutant' as const, text })) },
    { weight: 1, arbitrary: workloadJson.map((json) => ({ kind: 'workload' as const, json })) },
    { weight: 1, arbitrary: argv.map((a) => ({ kind: 'argv' as const, argv: a })) },
  );
}

export async function check(dir: string, input: Input): Promise<Outcome> {
  switch (input.kind) {
    case 'workload':
      return checkWorkload(dir, input.json);
    case 'argv':
      return checkArgv(dir, input.argv);
    default: {
      const c = checkCompile(input.text);
      if (!c.compiled) return c;
      return checkRun(dir, input.text);
    }
  }
}

export const isFinding = (o: Outcome): boolean => o.kind !== 'ok' && o.kind !== 'error';

export interface FuzzStats {
  inputs: number;
  findings: { input: Input; outcome: Outcome }[];
  messages: Map<string, number>;
  peakRss: number;
}

export interface FuzzOptions {
  readonly root: string;
  readonly dir: string;
  readonly seed: number;
  readonly runs: number;
  /** Called before each input (the watchdog of `pnpm fuzz` records it). */
  readonly onInput?: (input: Input, n: number) => void;
  /** Stop after this many findings (the test suite stops at the first). */
  readonly maxFindings?: number;
}

export async function fuzz(opts: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = { inputs: 0, findings: [], messages: new Map(), peakRss: 0 };
  const arb = inputs(opts.root);
  let seed = opts.seed;
  while (stats.inputs < opts.runs && stats.findings.length < (opts.maxFindings ?? Infinity)) {
    let last: Outcome | null = null;
    const prop = fc.asyncProperty(arb, async (input) => {
      stats.inputs++;
      opts.onInput?.(input, stats.inputs);
      const o = await check(join(opts.dir, 'work'), input);
      stats.peakRss = Math.max(stats.peakRss, process.memoryUsage.rss());
      stats.messages.set(o.message, (stats.messages.get(o.message) ?? 0) + 1);
      last = o;
      return !isFinding(o);
    });
    const left = opts.runs - stats.inputs;
    const r = await fc.check(prop, { seed, numRuns: left, endOnFailure: false });
    if (r.failed && r.counterexample) {
      const input = r.counterexample[0];
      const outcome = await check(join(opts.dir, 'work'), input);
      stats.findings.push({ input, outcome: isFinding(outcome) ? outcome : (last ?? outcome) });
    }
    seed++;
    if (!r.failed) break;
  }
  return stats;
}
