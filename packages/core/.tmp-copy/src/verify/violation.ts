/*
 * The verifier's vocabulary: property ids (spec 4.2 safety I1–I9, 4.3 postconditions P1–P7,
 * 4.4 liveness L1), what a violation carries, and the statistics a checker gathers.
 *
 * A violation is data, not an exception: the checker keeps going after one so that a run reports
 * everything it broke. The events attached are the last ones relevant to the violation (the
 * entry's, the thread's or the run's), oldest first, so a reader can see how it got there.
 */

import type { TraceEvent } from '../trace/events.js';

export const PROPERTIES = [
  'I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9',
  'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7',
  'L1',
] as const;

export type PropertyId = (typeof PROPERTIES)[number];

/** One line per property, used in summaries and reports. */
export const PROPERTY_TITLES: Readonly<Record<PropertyId, string>> = {
  I1: 'forward-only, at most once per phase',
  I2: 'one callback per entry at a time',
  I3: 'create before shutdown/destroy',
  I4: 'callbacks run without framework locks',
  I5: 'create eligibility',
  I6: 'no duplicate entries',
  I7: 'lifecycle marking preconditions',
  I8: 'zone_getspecific/zone_setspecific data',
  I9: 'lock order',
  P1: 'zone_key_create completes its creates',
  P2: 'zone_key_delete leaves nothing behind',
  P3: 'READY after configured creates',
  P4: 'zone_create returns after READY',
  P5: 'zone_shutdown completes its shutdowns',
  P6: 'zone_destroy completes its destroys',
  P7: 'apply loops terminate',
  L1: 'every needed create completes',
};

export interface Violation {
  readonly property: PropertyId;
  readonly message: string;
  /** Virtual time of the event that exposed the violation. */
  readonly t: number;
  readonly zone?: number;
  readonly key?: number;
  /** The last relevant events, oldest first. */
  readonly events: readonly TraceEvent[];
}

/** What the checker needs to know of an engine finding (a subset of the engine's Finding). */
export interface FindingLike {
  readonly kind: string;
  readonly message: string;
}

export interface CheckerStats {
  /** Every event fed to the checker. */
  events: number;
  /** Events that correspond to an `sdt` probe site (needed … completed, the two waits). */
  sdtEvents: number;
  /** Callback executions (start events). */
  callbacks: number;
  /** zsd-wait-for-creator firings (one per loop iteration). */
  waitCreator: number;
  /** zsd-wait-for-inprogress firings (one per loop iteration). */
  waitInprogress: number;
  /** Distinct waits for a creator (a loop of one or more iterations by one thread). */
  distinctWaitCreator: number;
  /** Distinct waits for work in progress. */
  distinctWaitInprogress: number;
  /** `finding` events the engine emitted. */
  findingEvents: number;
  /** Violations found, all counted even when only the first few per property are kept. */
  violations: number;
}

export function emptyStats(): CheckerStats {
  return {
    events: 0,
    sdtEvents: 0,
    callbacks: 0,
    waitCreator: 0,
    waitInprogress: 0,
    distinctWaitCreator: 0,
    distinctWaitInprogress: 0,
    findingEvents: 0,
    violations: 0,
  };
}
