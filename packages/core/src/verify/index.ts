/*
 * The verifier's public surface: a streaming checker of the properties of spec section 4 over
 * engine traces, a seed runner that pairs an engine with a checker, and the explorer's summary.
 *
 * Module map, in the order an event flows:
 *   trace-model.ts      state rebuilt from events (entries, zones, threads, operations)
 *   check-entry.ts      I1 I2 I3 I6 I8, P2(c)
 *   check-locks.ts      I4 I9
 *   check-lifecycle.ts  I5 I7 P3 P4
 *   check-ops.ts        P1 P2 P5 P6
 *   trace-checker.ts    runs the checks, then the model; P7 and L1 at finish
 *   run-seed.ts         one engine run through a checker
 *   explore-summary.ts  many seed results into one summary with grouped failures
 *   coverage.ts         N1–N7, probe sites and wait paths reached by a run
 *   exhaustive.ts       every schedule up to a preemption bound, with sleep-set POR
 *   exhaustive-merge.ts the results of explorers that searched other shards, as one
 *   schedule-run.ts     one explored schedule through checker and coverage; replay of one
 */

export { createTraceChecker } from './trace-checker.js';
export type { TraceChecker, TraceCheckerOptions, FinishInput } from './trace-checker.js';
export { PROPERTIES, PROPERTY_TITLES, emptyStats } from './violation.js';
export type { PropertyId, Violation, CheckerStats, FindingLike } from './violation.js';
export { runSeed, runSeedDetailed } from './run-seed.js';
export type { EngineLike, EngineFactory, FindingRecord, SeedResult, SeedDetail, SeedRunOptions, SeedViolation } from './run-seed.js';
export { emptySummary, addSeedResult, findingKind, messageShape, sortedFailures } from './explore-summary.js';
export type { ExploreSummary, FailureGroup, KindCount } from './explore-summary.js';
export { formatEvent } from './format-event.js';
export { emptyExhaustiveResult, exploreExhaustive } from './exhaustive.js';
export { joinBoundPasses, mergeExhaustiveResults } from './exhaustive-merge.js';
export type { ExhaustiveFinding, ExhaustiveOptions, ExhaustiveResult, ExploreHarness, ExplorePolicy, ScheduleOutcome } from './exhaustive.js';
export { scheduleHarness, followSchedule, ScheduleMismatch } from './schedule-run.js';
export type { ExplorableEngine, PolicyEngineFactory } from './schedule-run.js';
export { COVERAGE_CASES, COVERAGE_ITEMS, PROBE_SITES, WAIT_PATHS, addCoverage, createCoverageTracker, expandCoverageNames } from './coverage.js';
export type { CoverageCase, CoverageTracker } from './coverage.js';
export { statusName } from './trace-model.js';
