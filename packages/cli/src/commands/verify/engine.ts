/*
 * Builds the verifier's engines from an explore config: loads the workload once (builtin name or
 * JSON path, with `--param` values) and makes one engine per seed; for --exhaustive and for
 * replaying a saved schedule, one untimed engine per schedule, all sharing one probe registry.
 * Shared by the command (in-process runs, replay) and the worker threads.
 *
 * Throws the engine's WorkloadError for a bad workload; the command reports it as a usage error.
 */

import { createEngine, loadWorkload } from '@zsdtrace/core';
import { ProbeRegistry } from '@zsdtrace/probes/provider';
import type { EngineFactory, PolicyEngineFactory } from './core.js';
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

/** Untimed engines scheduled by the given policy (the explorer's, or a replay of a schedule). */
export function makePolicyEngineFactory(c: ExploreConfig): PolicyEngineFactory {
  const workload = loadWorkload(c.workload, c.params);
  const registry = new ProbeRegistry();
  return (policy) =>
    createEngine({
      workload,
      seed: 1,
      algorithm: c.algorithm,
      publishKeyAfterCreate: c.publishKeyAfterCreate,
      untimed: true,
      schedulePolicy: policy,
      registry,
      maxSteps: c.maxSteps ?? 1_000_000,
    });
}
