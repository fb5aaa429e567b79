/*
 * The streaming trace checker: fed the engine's events one by one (spec 4.1 alphabet), it runs
 * every property check against the state before the event, then updates the state. `finish()`
 * adds the end-of-run properties — P7 (no step-limit finding: the apply loops terminated) and L1
 * (every needed create completed, judged only on a run that completed) — and returns the
 * violations.
 *
 * Order matters: checks read the model before `apply()`; statistics are gathered last.
 *
 * The 2008 properties describe the `current` algorithm. Under `legacy` (the pre-2008 design of
 * spec 5.1, which runs callbacks under framework locks on purpose) only the properties that design
 * also promises are checked: P4 and P7. Its failures are the engine's findings (deadlock,
 * recursive enter, lock order).
 */

import type { Algorithm } from '../algorithm.js';
import type { TraceEvent } from '../trace/events.js';
import { checkEntry } from './check-entry.js';
import { checkLifecycle } from './check-lifecycle.js';
import { checkLocks } from './check-locks.js';
import { checkOps } from './check-ops.js';
import type { Report } from './report.js';
import { STAGE, TraceModel } from './trace-model.js';
import { PROPERTIES, emptyStats, type CheckerStats, type FindingLike, type PropertyId, type Violation } from './violation.js';

export interface TraceCheckerOptions {
  /** Which algorithm produced the trace; selects the properties checked. Default `current`. */
  readonly algorithm?: Algorithm;
  /** Restrict checking to these properties (default: all that apply to the algorithm). */
  readonly properties?: readonly PropertyId[];
  /** Violations kept per property (all are counted). Default 10. */
  readonly keepPerProperty?: number;
}

export interface FinishInput {
  /** The engine's findings for the run (merged with `finding` events seen). */
  readonly findings?: readonly FindingLike[];
  /** Whether the run completed; default: no finding at all. L1 is judged only then. */
  readonly complete?: boolean;
}

export interface TraceChecker {
  /** Feeds one event, in trace order. */
  onEvent(e: TraceEvent): void;
  /** Ends the trace and returns every violation kept, in the order found. */
  finish(input?: FinishInput): Violation[];
  /** Statistics so far. */
  stats(): Readonly<CheckerStats>;
  /** Violations counted per property (including those not kept). */
  counts(): Readonly<Partial<Record<PropertyId, number>>>;
}

const LEGACY_PROPERTIES: readonly PropertyId[] = ['P4', 'P7'];

export function createTraceChecker(options: TraceCheckerOptions = {}): TraceChecker {
  const enabled = new Set<PropertyId>(options.properties ?? (options.algorithm === 'legacy' ? LEGACY_PROPERTIES : PROPERTIES));
  const keep = options.keepPerProperty ?? 10;
  const model = new TraceModel();
  const stats = emptyStats();
  const counts: Partial<Record<PropertyId, number>> = {};
  const violations: Violation[] = [];
  const seenFindings: FindingLike[] = [];
  let finished = false;

  const report: Report = (property, message, at, events, zone, key) => {
    if (!enabled.has(property)) return;
    const n = (counts[property] ?? 0) + 1;
    counts[property] = n;
    stats.violations++;
    if (n > keep) return;
    const v: Violation = { property, message, t: at.t, events: events.slice(-12) };
    violations.push(zone === undefined && key === undefined ? v : { ...v, ...(zone !== undefined && { zone }), ...(key !== undefined && { key }) });
  };

  const countStats = (e: TraceEvent): void => {
    stats.events++;
    switch (e.kind) {
      case 'start':
        stats.callbacks++;
        stats.sdtEvents++;
        return;
      case 'needed':
      case 'inprogress':
      case 'end':
      case 'completed':
        stats.sdtEvents++;
        return;
      case 'waitCreator':
      case 'waitInprogress': {
        stats.sdtEvents++;
        const creator = e.kind === 'waitCreator';
        if (creator) stats.waitCreator++;
        else stats.waitInprogress++;
        // A wait loop fires its probe once per iteration (spec 2.16); count the loop once.
        if (model.thread(e.tid).wait !== `${e.kind}:${e.zone}:${e.key}`) {
          if (creator) stats.distinctWaitCreator++;
          else stats.distinctWaitInprogress++;
        }
        return;
      }
      case 'finding':
        stats.findingEvents++;
        seenFindings.push({ kind: e.finding, message: e.message });
        return;
      default:
        return;
    }
  };

  return {
    onEvent(e) {
      checkEntry(model, e, report);
      checkLocks(model, e, report);
      checkLifecycle(model, e, report);
      checkOps(model, e, report);
      countStats(e);
      model.apply(e);
    },
    finish(input = {}) {
      if (finished) return violations;
      finished = true;
      const findings = [...seenFindings, ...(input.findings ?? [])];
      const last = model.recent.toArray();
      const tEnd = last[last.length - 1]?.t ?? 0;
      const stepLimit = findings.find((f) => f.kind === 'step-limit');
      if (stepLimit) report('P7', `the run did not terminate: ${stepLimit.message}`, { t: tEnd }, last);
      const complete = input.complete ?? findings.length === 0;
      if (complete) {
        for (const en of model.entries.values()) {
          const cr = en.phases[0].stage;
          if (cr >= STAGE.needed && cr < STAGE.completed) {
            report('L1', `the create of key ${en.key} on zone ${en.zone} was marked needed but never completed`, { t: tEnd }, en.recent.toArray(), en.zone, en.key);
          }
        }
      }
      return violations;
    },
    stats: () => stats,
    counts: () => counts,
  };
}
