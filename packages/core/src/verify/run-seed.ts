/*
 * Runs one seed: builds an engine through the caller's factory, streams its events into a
 * TraceChecker, and returns a compact, structured-cloneable result (what a worker thread sends
 * back) or, for a replay, the full detail: findings with reports, violations with their events,
 * and the tail of the trace.
 *
 * It knows the engine only through the small `EngineLike` shape below, so the verifier can be
 * tested on hand-made engines and never imports the simulator. It must not print.
 */

import type { Algorithm } from '../algorithm.js';
import type { TraceEvent } from '../trace/events.js';
import { createCoverageTracker } from './coverage.js';
import { EventRing } from './event-ring.js';
import { createTraceChecker } from './trace-checker.js';
import type { PropertyId, Violation } from './violation.js';

/** What the verifier uses of an engine finding. */
export interface FindingRecord {
  readonly kind: string;
  /** For a use-after-free: T1, T2 or other (spec 4.6). */
  readonly hazard?: string;
  readonly message: string;
  readonly report: string;
}

/** What the verifier uses of an engine. */
export interface EngineLike {
  onEvent(listener: (e: TraceEvent) => void): unknown;
  run(): { readonly findings: readonly FindingRecord[]; readonly steps: number; readonly virtualNs: number };
}

/** Makes a fresh engine for one seed. */
export type EngineFactory = (seed: number) => EngineLike;

export interface SeedRunOptions {
  /** Selects the properties checked (spec 4 describes `current`). */
  readonly algorithm: Algorithm;
}

export interface SeedViolation {
  readonly property: PropertyId;
  readonly message: string;
  readonly t: number;
}

/** Everything the explorer aggregates about one seed. Plain data: crosses worker boundaries. */
export interface SeedResult {
  readonly seed: number;
  readonly events: number;
  readonly probeFirings: number;
  readonly steps: number;
  readonly virtualNs: number;
  readonly waitCreator: number;
  readonly waitInprogress: number;
  readonly distinctWaitCreator: number;
  readonly distinctWaitInprogress: number;
  readonly callbacks: number;
  readonly findings: readonly FindingRecord[];
  /** The violations kept (the first few per property). */
  readonly violations: readonly SeedViolation[];
  /** All violations counted, by property. */
  readonly violationCounts: Readonly<Partial<Record<PropertyId, number>>>;
  /** Coverage items reached, with counts (coverage.ts). */
  readonly coverage: Readonly<Record<string, number>>;
}

export interface SeedDetail {
  readonly result: SeedResult;
  readonly violations: readonly Violation[];
  /** The last events of the run, oldest first. */
  readonly tail: readonly TraceEvent[];
}

/** Longest finding report carried in a compact result (replay prints the whole one). */
const REPORT_LIMIT = 4000;

export function runSeedDetailed(factory: EngineFactory, seed: number, opts: SeedRunOptions, tailLength = 40): SeedDetail {
  const engine = factory(seed);
  const checker = createTraceChecker({ algorithm: opts.algorithm });
  const tail = new EventRing(Math.max(1, tailLength));
  const coverage = createCoverageTracker({ algorithm: opts.algorithm });
  engine.onEvent((e) => {
    checker.onEvent(e);
    coverage.onEvent(e);
    tail.push(e);
  });
  const run = engine.run();
  const findings = run.findings.map((f) => ({ kind: f.kind, ...(f.hazard !== undefined && { hazard: f.hazard }), message: f.message, report: f.report }));
  const violations = checker.finish({ findings });
  const st = checker.stats();
  const result: SeedResult = {
    seed,
    events: st.events,
    // SDT probe sites the run passed (spec 1.6): what would fire with every probe enabled. The
    // engine's own count covers only enabled probes, which is none during verification.
    probeFirings: st.sdtEvents,
    steps: run.steps,
    virtualNs: run.virtualNs,
    waitCreator: st.waitCreator,
    waitInprogress: st.waitInprogress,
    distinctWaitCreator: st.distinctWaitCreator,
    distinctWaitInprogress: st.distinctWaitInprogress,
    callbacks: st.callbacks,
    findings,
    violations: violations.map((v) => ({ property: v.property, message: v.message, t: v.t })),
    violationCounts: { ...checker.counts() },
    coverage: { ...coverage.counts() },
  };
  return { result, violations, tail: tail.toArray() };
}

/** One seed, compact: what a worker sends back. */
export function runSeed(factory: EngineFactory, seed: number, opts: SeedRunOptions): SeedResult {
  const { result } = runSeedDetailed(factory, seed, opts, 1);
  if (result.findings.every((f) => f.report.length <= REPORT_LIMIT)) return result;
  return {
    ...result,
    findings: result.findings.map((f) => (f.report.length <= REPORT_LIMIT ? f : { ...f, report: `${f.report.slice(0, REPORT_LIMIT)}\n…` })),
  };
}
