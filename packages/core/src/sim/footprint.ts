/*
 * Step footprints for the exhaustive explorer's partial-order reduction (docs/verify.md).
 *
 * A step is what one thread runs between two scheduling points. Its footprint is every object
 * through which it can interact with another thread's step: the lock word of every mutex it
 * acquired, released or found taken (KMutex), the data of every mutex it held at some point of
 * the step (KMutex.guarded), the condition variables it waited on or woke, and the objects the
 * model reads or writes outside the lock that protects them (the zone layer touches those
 * explicitly). Two steps of different threads whose footprints are disjoint commute.
 *
 * A lock held across a step is named by its data, not by its word: a step that only holds the
 * lock leaves the owner and the waiters as they were, so it commutes with another thread's
 * attempt that finds the lock taken and queues (that attempt reads the owner, which the step did
 * not change, and no thread can reach the lock's data while the holder has it). Tracking is off
 * (`null`) outside exploration.
 */

import type { HeldLock } from './thread.js';

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

  begin(holds: readonly HeldLock[]): void {
    if (!this.on) return;
    const fp = new Set<object>();
    for (let i = 0; i < holds.length; i++) fp.add(holds[i]!.guarded);
    this.fp = fp;
  }

  touch(o: object): void {
    if (this.fp) this.fp.add(o);
  }

  end(tid: number, holds: readonly HeldLock[], readyAfter: boolean): StepRecord | null {
    const fp = this.fp;
    if (!fp) return null;
    for (let i = 0; i < holds.length; i++) fp.add(holds[i]!.guarded);
    this.fp = null;
    return { tid, fp, readyAfter };
  }
}
