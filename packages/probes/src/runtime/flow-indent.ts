/*
 * -F (flowindent): the call depth of each thread, counted over the entry/return firings that
 * produce output, as dtrace counts over the records it consumes, but per thread rather than
 * per CPU so that interleaved simulated threads do not disturb each other's indentation.
 */

import type { Firing } from '../program/value-model.js';

export class FlowIndent {
  private readonly depth = new Map<number, number>();

  /** The flow mark of an `entry` or `return` firing on thread `tid`, moving its depth. */
  flowOf(tid: number, name: string): Firing['flow'] {
    const d = this.depth.get(tid) ?? 0;
    if (name === 'entry') {
      this.depth.set(tid, d + 1);
      return { kind: 'entry', depth: d };
    }
    const nd = d > 0 ? d - 1 : 0;
    if (nd === 0) this.depth.delete(tid);
    else this.depth.set(tid, nd);
    return { kind: 'return', depth: nd };
  }
}
