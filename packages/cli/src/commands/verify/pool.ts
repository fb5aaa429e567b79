/*
 * Spreads a range of seeds over worker threads (DESIGN §5: `verify` uses both cores) and folds
 * their compact results into one summary. Seeds are handed out in chunks to whichever worker is
 * free, so a slow seed does not hold the other core idle; the summary does not depend on the
 * order in which chunks come back. An exhaustive search is spread the same way, as shards of its
 * schedule tree (exploreExhaustiveParts), several per worker so that the parts balance.
 *
 * The worker file is `verify-worker.js` beside the running module (the esbuild bundle puts it
 * next to dist/zsdtrace.js). Running from TypeScript sources there is no such file — and on
 * Node 20 a TypeScript loader cannot be registered inside a worker thread — so seeds then run in
 * this thread, as they do with workers = 0.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addSeedResult, emptyExhaustiveResult, emptySummary, runSeed } from './core.js';
import type { EngineFactory, ExploreSummary } from './core.js';
import type { ExploreConfig } from './args.js';
import type { ExhaustiveResult } from './core.js';
import type { ExhaustivePart, WorkerChunk, WorkerJob, WorkerReply } from './worker.js';

export interface WorkerSpec {
  readonly url: URL;
  readonly execArgv: readonly string[];
}

/**
 * Finds the bundled worker entry beside this module, or one folder up (the bundle keeps shared
 * code in `dist/chunks/`), or null (run in this thread).
 */
export function resolveWorkerSpec(base: string = import.meta.url): WorkerSpec | null {
  for (const rel of ['./verify-worker.js', '../verify-worker.js']) {
    const js = new URL(rel, base);
    if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return { url: js, execArgv: [] };
  }
  return null;
}

export interface ExploreRequest {
  readonly config: ExploreConfig;
  readonly seedBase: number;
  readonly count: number;
  /** Worker threads to use; 0 runs in this thread. */
  readonly workers: number;
  readonly worker: WorkerSpec | null;
  /** Makes the in-process factory (only called when seeds run in this thread). */
  readonly makeFactory: (c: ExploreConfig) => EngineFactory | Promise<EngineFactory>;
  readonly onProgress: (done: number, total: number) => void;
}

export interface ExploreOutcome {
  readonly summary: ExploreSummary;
  /** Worker threads that ran at least one chunk of seeds (0 = in-process). */
  readonly workers: number;
}

export async function exploreSeeds(req: ExploreRequest): Promise<ExploreOutcome> {
  const n = Math.min(req.workers, req.count);
  if (n <= 0 || !req.worker) return { summary: await exploreInProcess(req), workers: 0 };
  return exploreWithWorkers(req, req.worker, n);
}

async function exploreInProcess(req: ExploreRequest): Promise<ExploreSummary> {
  const factory = await req.makeFactory(req.config);
  const summary = emptySummary();
  for (let i = 0; i < req.count; i++) {
    addSeedResult(summary, runSeed(factory, req.seedBase + i, { algorithm: req.config.algorithm }));
    req.onProgress(i + 1, req.count);
  }
  return summary;
}

function exploreWithWorkers(req: ExploreRequest, spec: WorkerSpec, n: number): Promise<ExploreOutcome> {
  const summary = emptySummary();
  // About 25 chunks per worker: progress stays smooth and the tail stays short.
  const chunkSize = Math.max(1, Math.min(500, Math.ceil(req.count / (n * 25))));
  const end = req.seedBase + req.count;
  let next = req.seedBase;
  let done = 0;
  // Counted from the replies, so the summary reports workers that really ran seeds.
  const ran = new Set<Worker>();
  return runJobs<WorkerChunk>(spec, req.config, n, {
    next: () => {
      if (next >= end) return null;
      const chunk: WorkerChunk = { kind: 'seeds', from: next, to: Math.min(end, next + chunkSize) };
      next = chunk.to;
      return chunk;
    },
    take: (w, m) => {
      if (m.kind !== 'results') return `verify worker answered a chunk of seeds with ${m.kind}`;
      ran.add(w);
      for (const r of m.results) addSeedResult(summary, r);
      done += m.results.length;
      req.onProgress(done, req.count);
      return null;
    },
  }).then(() => ({ summary, workers: ran.size }));
}

/**
 * Hands jobs to `n` worker threads, each to whichever worker is free, until `next` has none
 * left; `take` gets each reply (an `error` reply, an unexpected one, a crash or an exit in the
 * middle of a job rejects, and every worker is stopped).
 */
function runJobs<J extends WorkerJob>(
  spec: WorkerSpec,
  config: ExploreConfig,
  n: number,
  jobs: { next: () => J | null; take: (w: Worker, reply: WorkerReply, job: J) => string | null },
): Promise<void> {
  const workers: Worker[] = [];
  const busy = new Map<Worker, J>();
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    let finished = 0;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker): void => {
      busy.delete(w);
      const job = jobs.next();
      if (job === null) {
        void w.terminate();
        if (++finished === workers.length && !failed) resolve();
        return;
      }
      busy.set(w, job);
      w.postMessage(job);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(spec.url, { workerData: { config }, execArgv: [...spec.execArgv] });
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (failed) return;
        const job = busy.get(w);
        const problem = m.kind === 'error' ? `verify worker failed: ${m.message}` : job ? jobs.take(w, m, job) : 'verify worker answered with no job';
        if (problem !== null) {
          fail(new Error(problem));
          return;
        }
        feed(w);
      });
      w.on('error', (err) => fail(err));
      w.on('exit', (code) => {
        if (busy.has(w) && !failed) fail(new Error(`verify worker exited with status ${code}`));
      });
    }
    for (const w of workers) feed(w);
  });
}

export interface ExhaustivePartsRequest {
  readonly config: ExploreConfig;
  readonly workers: number;
  readonly worker: WorkerSpec;
  /** The parts to run, each one shard of the schedule tree, handed to whichever worker is free. */
  readonly parts: readonly Omit<ExhaustivePart, 'kind' | 'maxMs' | 'budget'>[];
  /** Date.now() after which no part goes on. */
  readonly deadline: number;
  /** Slot 0: schedules run by all parts so far (the explorers add to it). */
  readonly budget: Int32Array;
}

/**
 * Runs the parts of one exhaustive search on worker threads; the results of the parts that ran,
 * in part order, and an incomplete empty result for each part the deadline left unstarted.
 */
export function exploreExhaustiveParts(req: ExhaustivePartsRequest): Promise<ExhaustiveResult[]> {
  const results: ExhaustiveResult[] = req.parts.map((p) => notStarted(p.minPreemptions ?? 0));
  const n = Math.max(1, Math.min(req.workers, req.parts.length));
  const index = new Map<ExhaustivePart, number>();
  let next = 0;
  return runJobs<ExhaustivePart>(req.worker, req.config, n, {
    next: () => {
      // Past the deadline, parts not started yet are not started (the search is incomplete).
      if (next >= req.parts.length || Date.now() >= req.deadline) return null;
      const job: ExhaustivePart = {
        kind: 'exhaustive',
        ...req.parts[next]!,
        maxMs: Math.max(0, req.deadline - Date.now()),
        budget: req.budget.buffer as SharedArrayBuffer,
      };
      index.set(job, next++);
      return job;
    },
    take: (_w, m, job) => {
      if (m.kind !== 'exhaustive') return `verify worker answered an exhaustive part with ${m.kind}`;
      results[index.get(job)!] = m.result;
      return null;
    },
  }).then(() => results);
}

function notStarted(bound: number): ExhaustiveResult {
  return { ...emptyExhaustiveResult(bound), passes: [{ bound, schedules: 0, complete: false }] };
}
