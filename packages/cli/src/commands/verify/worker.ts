/*
 * Worker-thread entry of `zsdtrace verify`: builds its engine factories from the config in
 * workerData, then answers each job: a `{ from, to }` chunk of seeds with the compact seed
 * results, or an exhaustive part (one shard of the schedule tree, pool.ts) with the explorer's
 * result. Bundled to dist/verify-worker.js beside dist/zsdtrace.js; from sources it runs under tsx.
 *
 * It never prints: every failure goes back to the parent as an `error` message.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { exploreExhaustive, runSeed, scheduleHarness } from './core.js';
import type { EngineFactory, ExhaustiveResult, PolicyEngineFactory, SeedResult } from './core.js';
import type { ExploreConfig } from './args.js';
import { makeEngineFactory, makePolicyEngineFactory } from './engine.js';

export interface WorkerChunk {
  readonly kind: 'seeds';
  readonly from: number;
  readonly to: number;
}

/** One shard of an exhaustive search, its budget shared with the other parts through `budget`. */
export interface ExhaustivePart {
  readonly kind: 'exhaustive';
  readonly shard: { readonly index: number; readonly count: number };
  readonly minPreemptions?: number;
  readonly maxPreemptions?: number;
  readonly maxSchedules: number;
  readonly maxMs: number;
  readonly por: boolean;
  readonly budget: SharedArrayBuffer;
}

export type WorkerJob = WorkerChunk | ExhaustivePart;

export type WorkerReply =
  | { readonly kind: 'results'; readonly results: readonly SeedResult[] }
  | { readonly kind: 'exhaustive'; readonly result: ExhaustiveResult }
  | { readonly kind: 'error'; readonly message: string };

const port = parentPort;
if (port) {
  const config = (workerData as { config: ExploreConfig }).config;
  let factory: EngineFactory | undefined;
  let policyFactory: PolicyEngineFactory | undefined;
  port.on('message', (job: WorkerJob) => {
    try {
      if (job.kind === 'exhaustive') {
        policyFactory ??= makePolicyEngineFactory(config);
        const result = exploreExhaustive(scheduleHarness(policyFactory, config.algorithm), {
          ...(job.minPreemptions !== undefined && { minPreemptions: job.minPreemptions }),
          ...(job.maxPreemptions !== undefined && { maxPreemptions: job.maxPreemptions }),
          maxSchedules: job.maxSchedules,
          maxMs: job.maxMs,
          por: job.por,
          now: () => performance.now(),
          shard: job.shard,
          sharedBudget: new Int32Array(job.budget),
        });
        port.postMessage({ kind: 'exhaustive', result } satisfies WorkerReply);
        return;
      }
      factory ??= makeEngineFactory(config);
      const results: SeedResult[] = [];
      for (let seed = job.from; seed < job.to; seed++) results.push(runSeed(factory, seed, { algorithm: config.algorithm }));
      port.postMessage({ kind: 'results', results } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ kind: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
    }
  });
}
