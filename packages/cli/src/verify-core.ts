/*
 * The verifier of @zsdtrace/core (packages/core/src/verify) as the CLI uses it. The package's
 * entry point lists the engine's surface; the CLI reaches the verifier through this one module,
 * so every verify-* file imports it from one place.
 */

export {
  PROPERTY_TITLES,
  addSeedResult,
  emptySummary,
  formatEvent,
  runSeed,
  runSeedDetailed,
  sortedFailures,
} from '../../core/src/verify/index.js';
export type {
  EngineFactory,
  ExploreSummary,
  PropertyId,
  SeedDetail,
  SeedResult,
} from '../../core/src/verify/index.js';
