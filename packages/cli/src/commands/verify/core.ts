/*
 * The verifier of @zsdtrace/core (its src/verify, exported from the package's entry point) as the
 * CLI uses it. The CLI reaches the verifier through this one module, so every verify file imports
 * it from one place.
 */

export {
  COVERAGE_CASES,
  COVERAGE_ITEMS,
  PROBE_SITES,
  PROPERTY_TITLES,
  ScheduleMismatch,
  WAIT_PATHS,
  addSeedResult,
  emptySummary,
  expandCoverageNames,
  emptyExhaustiveResult,
  exploreExhaustive,
  joinBoundPasses,
  mergeExhaustiveResults,
  followSchedule,
  formatEvent,
  messageShape,
  runSeed,
  runSeedDetailed,
  scheduleHarness,
  sortedFailures,
} from '@zsdtrace/core';
export type {
  EngineFactory,
  ExhaustiveFinding,
  ExhaustiveResult,
  ExploreSummary,
  FailureGroup,
  PolicyEngineFactory,
  PropertyId,
  SeedDetail,
  SeedResult,
} from '@zsdtrace/core';
