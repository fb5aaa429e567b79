/*
 * exit() and the halt that follows it (d-language.md 2.7): exit() records the status (as a
 * 32-bit int, dtrace's exit status) and marks the firing; at the end of that firing the fused
 * probe function calls the `afterExit` given by the runtime, which halts every probe and
 * notifies whoever waits for the exit. END still runs afterwards (runtime.ts stop()).
 */

import type { DIntValue } from './int64.js';

export class ExitState {
  exited = false;
  exitStatus = 0;
  /** No clause runs while halted (after exit(), and outside BEGIN/END once stopped). */
  halted = false;
  /** exit() was called during the current firing; afterExit runs when the firing ends. */
  exitPending = false;
  /**
   * True while END runs. dtrace records exit() once while tracing is active (later calls are
   * dropped), but an exit() in END replaces the status.
   */
  coolingDown = false;

  exit(status: DIntValue): void {
    if (this.exited && !this.coolingDown) return;
    this.exited = true;
    this.exitStatus = Number(BigInt.asIntN(32, BigInt(status)));
    this.exitPending = true;
  }
}
