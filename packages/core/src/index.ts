/*
 * @zsdtrace/core: a deterministic simulation of the illumos zone-specific data framework.
 * The public surface, listed explicitly.
 */

export { createEngine } from './engine.js';
export type { Engine, EngineOptions, EngineState, Finding, RunResult } from './engine.js';
export type { Workload } from './workload/types.js';
export { loadWorkload } from './workload/load.js';
export { validateWorkload } from './workload/validate.js';
export { builtinWorkloads } from './workload/builtins.js';
export { WorkloadError } from './workload/errors.js';
export { engineLibraries } from './providers/types.js';
export { zoneStatusNames, zoneStatusTable } from './zone/zone.js';
export { ALGORITHMS } from './algorithm.js';
export type { Algorithm } from './algorithm.js';
export type { TraceEvent, TraceListener, Phase, Operation } from './trace/events.js';
export {
  PROPERTIES,
  PROPERTY_TITLES,
  addSeedResult,
  COVERAGE_CASES,
  COVERAGE_ITEMS,
  PROBE_SITES,
  ScheduleMismatch,
  WAIT_PATHS,
  addCoverage,
  createCoverageTracker,
  createTraceChecker,
  emptyStats,
  expandCoverageNames,
  emptyExhaustiveResult,
  exploreExhaustive,
  joinBoundPasses,
  mergeExhaustiveResults,
  findingKind,
  followSchedule,
  scheduleHarness,
  emptySummary,
  formatEvent,
  messageShape,
  runSeed,
  runSeedDetailed,
  sortedFailures,
  statusName,
} from './verify/index.js';
export type {
  CheckerStats,
  CoverageCase,
  CoverageTracker,
  ExhaustiveFinding,
  ExhaustiveOptions,
  ExhaustiveResult,
  ExplorableEngine,
  ExploreHarness,
  ExplorePolicy,
  PolicyEngineFactory,
  ScheduleOutcome,
  EngineFactory,
  EngineLike,
  ExploreSummary,
  FailureGroup,
  FindingLike,
  FindingRecord,
  FinishInput,
  KindCount,
  PropertyId,
  SeedDetail,
  SeedResult,
  SeedRunOptions,
  SeedViolation,
  TraceChecker,
  TraceCheckerOptions,
  Violation,
} from './verify/index.js';
