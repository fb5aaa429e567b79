/*
 * The runtime's drop counters (dtrace's drop kinds, d-language.md 2.9): every part of the
 * context counts into one shared record, and the context reports what is new since the last
 * report to the sink (dtrace reports drops once per switch/status interval).
 */

import type { DropKind, RuntimeSink } from '../program/value-model.js';

export type DropCounters = Record<DropKind, number>;

export function newDropCounters(): DropCounters {
  return {
    principal: 0, aggregation: 0, dynamic: 0, 'dynamic-rinsing': 0, 'dynamic-dirty': 0,
    speculative: 0, 'speculation-busy': 0, 'speculation-unavailable': 0, error: 0,
  };
}

/** Reports to the sink each kind's drops since the previous report. */
export class DropReporter {
  private readonly reported: Partial<Record<DropKind, number>> = {};

  constructor(private readonly sink: RuntimeSink) {}

  report(total: DropCounters): void {
    for (const kind of Object.keys(total) as DropKind[]) {
      const n = total[kind];
      const prev = this.reported[kind] ?? 0;
      if (n > prev) this.sink.drop({ kind, count: n - prev });
      this.reported[kind] = n;
    }
  }
}
