/*
 * The verifier of @zsdtrace/core (its src/verify, exported from the package's entry point) as the
 * CLI uses it. The CLI reaches the verifier through this one module, so every verify-* file
 * imports it from one place.
 */

export {
  PROPERTY_TITLES,
  addSeedResult,
  emptySummary,
  formatEvent,
  runSeed,
  runSeedDetailed,
  sortedFailures,
} from '@zsdtrace/core';
export type {
  EngineFactory,
  ExploreSummary,
  PropertyId,
  SeedDetail,
  SeedResult,
} from '@zsdtrace/core';
