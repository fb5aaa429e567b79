/*
 * Builds the verifier's engine factory from an explore config: loads the workload once (builtin
 * name or JSON path, with `--param` values) and makes one engine per seed. Shared by the command
 * (in-process runs, replay) and the worker threads.
 *
 * Throws the engine's WorkloadError for a bad workload; the command reports it as a usage error.
 */

import { createEngine, loadWorkload } from '@zsdtrace/core';
import type { EngineFactory } from './core.js';
import type { ExploreConfig } from './args.js';

export function makeEngineFactory(c: ExploreConfig): EngineFactory {
  const workload = loadWorkload(c.workload, c.params);
  return (seed) =>
    createEngine({
      workload,
      seed,
      algorithm: c.algorithm,
      publishKeyAfterCreate: c.publishKeyAfterCreate,
      policy: c.policy,
      ...(c.pctDepth !== undefined && { pctDepth: c.pctDepth }),
      ...(c.maxSteps !== undefined && { maxSteps: c.maxSteps }),
    });
}
