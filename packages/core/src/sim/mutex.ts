/*
 * Adaptive kernel mutexes (kmutex_t) and the documented lock order of spec 1.5.
 *
 * A mutex has an owner and a FIFO of blocked waiters; release wakes one waiter, which then
 * contends again (no hand-off), as an adaptive mutex does. The `container` lets the kernel notice
 * a mutex_enter on a lock that lives inside freed memory (a freed zone_t: spec 4.6 T2).
 * The fields `lock_name` and `addr` are what D sees through lockstat's `args[0]`.
 */

import { objectArray } from './object-array.js';
import type { SimThread } from './thread.js';
import { stringHash } from './trace-log.js';

/** Documented order (spec 1.5): a lock may be taken only while holding locks of lower rank. */
export const lockRanks = {
  pool_lock: 1,
  cpu_lock: 2,
  zonehash_lock: 3,
  zone_status_lock: 4,
  zone_lock: 5,
  zsd_key_lock: 6,
  pidlock: 7,
  p_lock: 8,
} as const;

export type RankedLock = keyof typeof lockRanks;

/** Who returned a piece of memory to the allocator, and how (for use-after-free reports). */
export interface FreeRecord {
  readonly tid: number;
  readonly label: string;
  readonly t: number;
  readonly by: 'zone_key_delete' | 'zone_free';
}

export interface Freeable {
  readonly freed: boolean;
  readonly freedBy: FreeRecord | null;
}

export class KMutex {
  owner: SimThread | null = null;
  readonly waiters: SimThread[] = objectArray();
  /** 0 = not in the documented order (no order check). */
  readonly rank: number;
  /** stringHash(label), for the trace's lock events. */
  readonly labelHash: number;
  /**
   * Stands for the data the lock protects in step footprints (sim/footprint.ts), apart from the
   * lock word (owner and waiters), which the mutex itself stands for: every step of a thread that
   * holds the lock names it, and so does a read of that data made without the lock.
   */
  readonly guarded: { readonly label: string };

  constructor(
    /** The lock's class name, as lockstat shows it (`zone_lock`). */
    readonly lock_name: string,
    /** Unique name in trace events and reports (`zone_lock:3`). */
    readonly label: string,
    readonly addr: number,
    readonly container: Freeable | null = null,
  ) {
    this.rank = (lockRanks as Record<string, number>)[lock_name] ?? 0;
    this.labelHash = stringHash(label);
    this.guarded = { label: `${label} data` };
  }

  /** tid of the owner or 0 (the D-visible `lock_owner`). */
  get lock_owner(): number {
    return this.owner?.tid ?? 0;
  }
}
