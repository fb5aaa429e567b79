/*
 * Step footprints for the exhaustive explorer's partial-order reduction (docs/verify.md).
 *
 * A step is what one thread runs between two scheduling points. Its footprint is every object
 * through which it can interact with another thread's step: the mutexes it held or operated on,
 * the condition variables it waited on or woke, and the objects the model reads or writes outside
 * the lock that protects them (the zone layer touches those explicitly). Two steps of different
 * threads whose footprints are disjoint commute. Tracking is off (`null`) outside exploration.
 */


/** One executed step, as the kernel reports it to an exploring policy. */
export interface StepRecord {
  readonly tid: number;
  readonly fp: ReadonlySet<object>;
  /** The thread is ready again right after its step (it neither blocked, waited nor finished). */
  readonly readyAfter: boolean;
}

/** Shared by the kernel and the objects that report unprotected accesses (zones). */
export class Tracker {
  /** The current step's footprint while exploring, otherwise null. */
  fp: Set<object> | null = null;
  /** On when the engine was built for exploration. */
  on = false;

  begin(holds: readonly object[]): void {
    if (this.on) this.fp = new Set<object>(holds);
  }

  touch(o: object): void {
    if (this.fp) this.fp.add(o);
  }

  end(tid: number, holds: readonly object[], readyAfter: boolean): StepRecord | null {
    const fp = this.fp;
    if (!fp) return null;
    for (const m of holds) fp.add(m);
    this.fp = null;
    return { tid, fp, readyAfter };
  }
}
