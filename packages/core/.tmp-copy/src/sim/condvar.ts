/*
 * Condition variables (kcondvar_t). Waiters queue in arrival order; broadcast wakes all of them,
 * signal the first. The mutex is supplied at each wait (cv_wait(cv, mp)), as in the kernel.
 */

import type { SimThread } from './thread.js';

export class CondVar {
  readonly waiters: SimThread[] = [];

  constructor(
    /** For reports: `zsd_cv(zone 3, key 2)`. */
    readonly label: string,
  ) {}
}
