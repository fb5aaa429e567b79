/*
 * `zsdtrace verify`: explores many seeds of a workload under one scheduling policy and algorithm,
 * checks every trace against the properties of spec section 4, and summarises what it found with
 * a replay command per distinct failure; or, with `--seed S --replay`, runs one seed and prints
 * its full report.
 *
 * Exit status: 0 nothing found, 1 something found, 2 usage error (including a bad workload).
 * Streams are injected, so the whole command is testable as strings; the engine factory and the
 * worker entry can be replaced for tests (`runVerifyWith`).
 */

import { readFileSync } from 'node:fs';
import { expandCoverageNames, runSeedDetailed } from './core.js';
import type { EngineFactory, PolicyEngineFactory } from './core.js';
import { parseVerifyArgs, type ExploreConfig, type VerifyOptions } from './args.js';
import { coverageCheck } from './coverage-report.js';
import { lastLine, readSavedSchedule, replaySchedule, runExhaustive, savedConfig } from './exhaustive.js';
import { verifyHelp } from './help.js';
import { mergeSummaries } from './merge.js';
import { exploreSeeds, resolveWorkerSpec, type WorkerSpec } from './pool.js';
import { createProgress, seedsLine } from './progress.js';
import { formatMergedExhaustive, formatReplay, formatSummary, summaryFromJson, summaryJson } from './report.js';

export interface VerifyIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export interface VerifyDeps {
  readonly makeFactory: (c: ExploreConfig) => EngineFactory | Promise<EngineFactory>;
  /** Untimed engines driven by a scheduling policy (--exhaustive, --replay FILE). */
  readonly makePolicyFactory?: (c: ExploreConfig) => PolicyEngineFactory | Promise<PolicyEngineFactory>;
  /** The worker entry to start, or null to run in this thread. */
  readonly worker: () => WorkerSpec | null;
  readonly now: () => number;
}

/** Worker threads by default: the two cores of the machines this runs on (docs/toolchain.md). */
const DEFAULT_WORKERS = 2;

const defaultDeps: VerifyDeps = {
  // Loaded lazily so that argument errors never pay for loading the engine.
  makeFactory: async (c) => (await import('./engine.js')).makeEngineFactory(c),
  makePolicyFactory: async (c) => (await import('./engine.js')).makePolicyEngineFactory(c),
  worker: () => resolveWorkerSpec(),
  now: () => performance.now(),
};

export function runVerify(argv: readonly string[], io: VerifyIo): Promise<number> {
  return runVerifyWith(argv, io, defaultDeps);
}

/** The engine's WorkloadError (code E_WORKLOAD): a bad workload name, file or parameter. */
function isWorkloadError(err: unknown): err is Error {
  return err instanceof Error && (err as { code?: unknown }).code === 'E_WORKLOAD';
}

export async function runVerifyWith(argv: readonly string[], io: VerifyIo, deps: VerifyDeps): Promise<number> {
  if (argv[0] === 'merge') return runMerge(argv.slice(1), io);
  const parsed = parseVerifyArgs(argv);
  if ('error' in parsed) {
    io.stderr.write(`zsdtrace: verify: ${parsed.error}\n`);
    return 2;
  }
  let o = parsed.options;
  if (o.help) {
    io.stdout.write(verifyHelp('zsdtrace'));
    return 0;
  }
  const required = expandCoverageNames(o.requireCoverage);
  if ('error' in required) {
    io.stderr.write(`zsdtrace: verify: ${required.error}\n`);
    return 2;
  }
  o = { ...o, requireCoverage: required.items };

  if (o.replayFile !== undefined) return replayFile(o, o.replayFile, io, deps);
  if (o.exhaustive) {
    let make: PolicyEngineFactory;
    try {
      make = await (deps.makePolicyFactory ?? defaultDeps.makePolicyFactory!)(o.config);
    } catch (err) {
      if (!isWorkloadError(err)) throw err;
      io.stderr.write(`zsdtrace: verify: ${err.message}\n`);
      return 2;
    }
    const spec = deps.worker();
    const workers = o.workers ?? DEFAULT_WORKERS;
    return (await runExhaustive(o, make, io, deps.now, spec && workers >= 2 ? { workers, worker: spec } : null)).code;
  }

  let factory: EngineFactory;
  try {
    factory = await deps.makeFactory(o.config);
  } catch (err) {
    if (!isWorkloadError(err)) throw err;
    io.stderr.write(`zsdtrace: verify: ${err.message}\n`);
    return 2;
  }

  if (o.replay && o.seed !== undefined) {
    const detail = runSeedDetailed(factory, o.seed, { algorithm: o.config.algorithm });
    if (o.json) io.stdout.write(`${JSON.stringify(detail)}\n`);
    else io.stdout.write(formatReplay(detail, o));
    return detail.result.findings.length > 0 || detail.violations.length > 0 ? 1 : 0;
  }

  // --shard I/N: the I-th contiguous block of the seed range.
  let seedBase = o.seedBase;
  let count = o.seeds;
  if (o.shard) {
    const from = Math.floor((o.seeds * o.shard.index) / o.shard.count);
    const to = Math.floor((o.seeds * (o.shard.index + 1)) / o.shard.count);
    seedBase = o.seedBase + from;
    count = to - from;
  }
  const started = deps.now();
  const progress = createProgress(io.stderr, deps.now);
  const outcome = await exploreSeeds({
    config: o.config,
    seedBase,
    count,
    workers: o.workers ?? DEFAULT_WORKERS,
    worker: deps.worker(),
    makeFactory: () => factory,
    onProgress: (done, total) => progress.update(() => seedsLine(done, total, (deps.now() - started) / 1000), done === total),
  });
  progress.finish();
  const ctx = {
    options: o,
    elapsedMs: deps.now() - started,
    workers: outcome.workers,
    seedRanges: count > 0 ? [[seedBase, seedBase + count - 1] as const] : [],
  };
  if (o.json) io.stdout.write(`${JSON.stringify(summaryJson(outcome.summary, ctx))}\n`);
  else io.stdout.write(formatSummary(outcome.summary, ctx));
  const missing = coverageCheck(outcome.summary.coverage, o.requireCoverage);
  if (o.json && missing.length > 0) io.stderr.write(`zsdtrace: verify: coverage not reached: ${missing.join(', ')}\n`);
  return outcome.summary.failingSeeds > 0 || missing.length > 0 ? 1 : 0;
}

async function replayFile(o: VerifyOptions, file: string, io: VerifyIo, deps: VerifyDeps): Promise<number> {
  let saved;
  try {
    saved = readSavedSchedule(file);
  } catch (err) {
    io.stderr.write(`zsdtrace: verify: ${(err as Error).message}\n`);
    return 2;
  }
  const config = savedConfig(saved);
  let make: PolicyEngineFactory;
  try {
    make = await (deps.makePolicyFactory ?? defaultDeps.makePolicyFactory!)(config);
  } catch (err) {
    if (!isWorkloadError(err)) throw err;
    io.stderr.write(`zsdtrace: verify: ${err.message}\n`);
    return 2;
  }
  let detail;
  try {
    detail = replaySchedule(saved, make);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'E_SCHEDULE') throw err;
    io.stderr.write(`zsdtrace: verify: ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const ro: VerifyOptions = { ...o, config, paramArgs: saved.paramArgs ?? [] };
  if (o.json) io.stdout.write(`${JSON.stringify(detail)}\n`);
  else io.stdout.write(formatReplay(detail, ro, `schedule ${file} (${saved.preemptions} preemptions, ${saved.schedule.length} decisions)`));
  return detail.result.findings.length > 0 || detail.violations.length > 0 ? 1 : 0;
}

function runMerge(argv: readonly string[], io: VerifyIo): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const bad = files.find((f) => f.startsWith('--'));
  if (bad !== undefined) {
    io.stderr.write(`zsdtrace: verify: merge: unknown option '${bad}'\n`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr.write('zsdtrace: verify: merge needs the --json summaries to combine: zsdtrace verify merge a.json b.json ...\n');
    return 2;
  }
  const docs: Record<string, unknown>[] = [];
  for (const f of files) {
    try {
      const d = JSON.parse(readFileSync(f, 'utf8')) as unknown;
      if (!d || typeof d !== 'object' || Array.isArray(d)) throw new Error('not a JSON object');
      docs.push(d as Record<string, unknown>);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      io.stderr.write(`zsdtrace: verify: merge: cannot read ${f}: ${e.code ?? e.message}\n`);
      return 2;
    }
  }
  const r = mergeSummaries(docs, files);
  if ('error' in r) {
    io.stderr.write(`zsdtrace: verify: merge: ${r.error}\n`);
    return 2;
  }
  const m = r.merged;
  if (json) io.stdout.write(`${JSON.stringify(m)}\n`);
  else if (m.mode === 'seeds') {
    const { summary, ctx } = summaryFromJson(m);
    io.stdout.write(formatSummary(summary, ctx));
  } else {
    io.stdout.write(formatMergedExhaustive(m));
    io.stdout.write(`${lastLine(String(m.workload), String(m.algorithm), { schedules: Number(m.schedules), bound: Number(m.bound), complete: m.complete === true, findings: (m.findings as unknown[]).length })}\n`);
  }
  const failed = m.mode === 'seeds' ? Number(m.failingSeeds) > 0 : (m.findings as unknown[]).length > 0;
  return failed ? 1 : 0;
}
