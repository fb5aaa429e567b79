/*
 * The trace sink of one run: fans events out to listeners, folds every event into a running
 * FNV-1a hash (same seed + workload + options => same hash), and keeps the last events for
 * finding reports.
 *
 * Invariant: the hash depends only on the events' fields, in emission order. It must not
 * retain events beyond the small ring (a continuous run emits without end).
 */

import type { TraceEvent, TraceListener } from '../trace/events.js';

const RING = 20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class TraceLog {
  private readonly listeners: TraceListener[] = [];
  private readonly ring: (TraceEvent | undefined)[] = new Array<TraceEvent | undefined>(RING);
  private readonly stringHashes = new Map<string, number>();
  private hash = FNV_OFFSET;
  count = 0;

  on(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(e: TraceEvent): void {
    this.ring[this.count % RING] = e;
    this.count++;
    this.fold(e);
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(e);
  }

  /** The last events, oldest first. */
  recent(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const n = Math.min(this.count, RING);
    for (let i = this.count - n; i < this.count; i++) out.push(this.ring[i % RING]!);
    return out;
  }

  digest(): string {
    return (this.hash >>> 0).toString(16).padStart(8, '0') + ':' + this.count.toString(16);
  }

  private fold(e: TraceEvent): void {
    let h = this.hash;
    const rec = e as unknown as Record<string, unknown>;
    for (const k in rec) {
      h = mixNumber(h, this.str(k));
      const v = rec[k];
      if (typeof v === 'number') h = mixNumber(h, v);
      else if (typeof v === 'string') h = mixNumber(h, this.str(v));
    }
    this.hash = h;
  }

  private str(s: string): number {
    let v = this.stringHashes.get(s);
    if (v === undefined) {
      v = FNV_OFFSET;
      for (let i = 0; i < s.length; i++) v = Math.imul(v ^ s.charCodeAt(i), FNV_PRIME);
      this.stringHashes.set(s, v);
    }
    return v;
  }
}

/** FNV-1a over the low and high 32-bit halves of a safe integer. */
function mixNumber(h: number, v: number): number {
  const lo = v | 0;
  const hi = Math.floor(v / 0x1_0000_0000) | 0;
  h = Math.imul(h ^ (lo & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (lo >>> 16), FNV_PRIME);
  h = Math.imul(h ^ hi, FNV_PRIME);
  return h;
}
