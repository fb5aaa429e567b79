/*
 * Speculation buffers (d-language.md 2.10): `nspec` buffers of `specsize` bytes each.
 * speculation() takes a free one (or counts an unavailable drop and yields 0), speculate()
 * directs a clause's records to it, commit() hands its firings to the principal buffer in
 * order and discard() drops them; either frees the buffer. A firing that does not fit is a
 * speculative drop.
 */

import type { Firing } from '../program/value-model.js';
import type { DropCounters } from './drops.js';
import type { DIntValue } from './int64.js';

interface SpecBuffer {
  active: boolean;
  bytes: number;
  firings: Firing[];
}

export class SpeculationBuffers {
  private readonly specs: SpecBuffer[];

  constructor(
    nspec: number,
    private readonly drops: DropCounters,
    private readonly specsize: () => number,
    private readonly emit: (f: Firing) => void,
  ) {
    this.specs = Array.from({ length: Math.max(0, nspec) }, () => ({ active: false, bytes: 0, firings: [] }));
  }

  speculation(): number {
    const i = this.specs.findIndex((b) => !b.active);
    if (i < 0) {
      this.drops['speculation-unavailable']++;
      return 0;
    }
    this.specs[i]!.active = true;
    return i + 1;
  }

  /**
   * The buffer id speculate(id) directs records to: `id` if it is active and has room for
   * `needed` more bytes (else a speculative drop), else 0 (none).
   */
  speculate(id: DIntValue, needed = 0): number {
    const n = Number(id);
    const buf = n > 0 && n <= this.specs.length ? this.specs[n - 1]! : undefined;
    if (!buf?.active) return 0;
    if (buf.bytes + needed > this.specsize()) {
      this.drops.speculative++;
      return 0;
    }
    return n;
  }

  /** Keeps a firing of `size` bytes in buffer `id` (1-based), if active and it fits. */
  hold(id: number, f: Firing, size: number): void {
    const buf = this.specs[id - 1];
    if (!buf || !buf.active) return;
    if (buf.bytes + size > this.specsize()) {
      this.drops.speculative++;
      return;
    }
    buf.bytes += size;
    buf.firings.push(f);
  }

  commit(id: DIntValue): void {
    const buf = this.specs[Number(id) - 1];
    if (!buf || !buf.active) return;
    const fs = buf.firings;
    free(buf);
    for (const f of fs) this.emit(f);
  }

  discard(id: DIntValue): void {
    const buf = this.specs[Number(id) - 1];
    if (buf) free(buf);
  }
}

function free(buf: SpecBuffer): void {
  buf.active = false;
  buf.bytes = 0;
  buf.firings = [];
}
