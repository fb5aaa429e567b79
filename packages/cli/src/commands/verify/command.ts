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

import { runSeedDetailed } from './core.js';
import type { EngineFactory } from './core.js';
import { parseVerifyArgs, type ExploreConfig } from './args.js';
import { exploreSeeds, resolveWorkerSpec, type WorkerSpec } from './pool.js';
import { createProgress } from './progress.js';
import { formatReplay, formatSummary, summaryJson } from './report.js';

export interface VerifyIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export interface VerifyDeps {
  readonly makeFactory: (c: ExploreConfig) => EngineFactory | Promise<EngineFactory>;
  /** The worker entry to start, or null to run in this thread. */
  readonly worker: () => WorkerSpec | null;
  readonly now: () => number;
}

/** Worker threads by default: the two cores of the machines this runs on (docs/toolchain.md). */
const DEFAULT_WORKERS = 2;

const defaultDeps: VerifyDeps = {
  // Loaded lazily so that argument errors never pay for loading the engine.
  makeFactory: async (c) => (await import('./engine.js')).makeEngineFactory(c),
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
  const parsed = parseVerifyArgs(argv);
  if ('error' in parsed) {
    io.stderr.write(`zsdtrace: verify: ${parsed.error}\n`);
    return 2;
  }
  const o = parsed.options;
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

  const started = deps.now();
  const progress = createProgress(io.stderr, deps.now);
  const outcome = await exploreSeeds({
    config: o.config,
    seedBase: o.seedBase,
    count: o.seeds,
    workers: o.workers ?? DEFAULT_WORKERS,
    worker: deps.worker(),
    makeFactory: () => factory,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const ctx = { options: o, elapsedMs: deps.now() - started, workers: outcome.workers };
  if (o.json) io.stdout.write(`${JSON.stringify(summaryJson(outcome.summary, ctx))}\n`);
  else io.stdout.write(formatSummary(outcome.summary, ctx));
  return outcome.summary.failingSeeds > 0 ? 1 : 0;
}
