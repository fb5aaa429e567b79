/*
 * A fixed-size ring of the most recent trace events, kept per entry, per thread and per run so
 * that a violation can show what led up to it without the checker storing whole traces.
 */

import type { TraceEvent } from '../trace/events.js';

export class EventRing {
  private readonly buf: (TraceEvent | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.buf = new Array<TraceEvent | undefined>(capacity);
  }

  push(e: TraceEvent): void {
    this.buf[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** The events held, oldest first. */
  toArray(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const e = this.buf[(start + i) % this.capacity];
      if (e) out.push(e);
    }
    return out;
  }
}
