/*
 * The latest aggregations and counters each live target sent when asked (the dashboard's
 * refresh), combined over the targets for display.
 */

import type { AggSnapshot, Counters } from '@zsdtrace/probes';
import { mergeAggregations } from './merge.js';

/** The latest snapshot of each target, fed by the session's observer. */
export class LiveSnapshots {
  private readonly aggs = new Map<number, readonly AggSnapshot[]>();
  private readonly counters = new Map<number, Counters>();

  update(pid: number, aggs: readonly AggSnapshot[], counters: Counters): void {
    this.aggs.set(pid, aggs);
    this.counters.set(pid, counters);
  }

  merged(): AggSnapshot[] {
    return mergeAggregations([...this.aggs.values()]);
  }

  totals(): { firings: number; errors: number; drops: number } {
    let firings = 0;
    let errors = 0;
    let drops = 0;
    for (const c of this.counters.values()) {
      firings += c.firings;
      errors += c.errors;
      drops += Object.values(c.drops).reduce((a, b) => a + b, 0);
    }
    return { firings, errors, drops };
  }
}

