/*
 * Worker-thread entry of `zsdtrace verify`: builds an engine factory from the config in
 * workerData, then answers each `{ from, to }` chunk of seeds with the compact seed results.
 * Bundled to dist/verify-worker.js beside dist/zsdtrace.js; from sources it runs under tsx.
 *
 * It never prints: every failure goes back to the parent as an `error` message.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { runSeed } from './core.js';
import type { EngineFactory, SeedResult } from './core.js';
import type { ExploreConfig } from './args.js';
import { makeEngineFactory } from './engine.js';

export interface WorkerChunk {
  readonly from: number;
  readonly to: number;
}

export type WorkerReply =
  | { readonly kind: 'results'; readonly results: readonly SeedResult[] }
  | { readonly kind: 'error'; readonly message: string };

const port = parentPort;
if (port) {
  const config = (workerData as { config: ExploreConfig }).config;
  let factory: EngineFactory | undefined;
  port.on('message', (chunk: WorkerChunk) => {
    try {
      factory ??= makeEngineFactory(config);
      const results: SeedResult[] = [];
      for (let seed = chunk.from; seed < chunk.to; seed++) results.push(runSeed(factory, seed, { algorithm: config.algorithm }));
      port.postMessage({ kind: 'results', results } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ kind: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
    }
  });
}
