/*
 * Condition variables (kcondvar_t). Waiters queue in arrival order; broadcast wakes all of them,
 * signal the first. The mutex is supplied at each wait (cv_wait(cv, mp)), as in the kernel.
 */

import { objectArray } from './object-array.js';
import type { SimThread } from './thread.js';

export class CondVar {
  /*
   * The queue is made at the first wait: a zone has one CV per key and most are only ever
   * broadcast to nobody, which `idle` answers without the queue (one object less per entry,
   * and one memory access less per completed callback).
   */
  private queue: SimThread[] | null = null;

  /** The waiters, oldest first. */
  get waiters(): SimThread[] {
    return (this.queue ??= objectArray());
  }

  /** Nobody waits. */
  get idle(): boolean {
    return this.queue === null || this.queue.length === 0;
  }

  /**
   * The label reads `<name>(zone <zone>)`, or `<name>(zone <zone>, key <key>)` with a key: it is
   * built only when a report asks for it, as a zone has one CV per key and most are never named.
   */
  constructor(
    private readonly name: string,
    private readonly zone: number,
    private readonly key = -1,
  ) {}

  /** For reports: `zsd_cv(zone 3, key 2)`. */
  get label(): string {
    return this.key < 0 ? `${this.name}(zone ${this.zone})` : `${this.name}(zone ${this.zone}, key ${this.key})`;
  }
}
