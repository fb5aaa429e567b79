/*
 * The ZSD entry points the zone lifecycle and the workloads call, implemented twice: `current`
 * (the 2008 design, src/zsd/current.ts) and `legacy` (the pre-2008 design of spec 5.1,
 * src/zsd/legacy.ts). Both act on the same ZoneSystem state.
 */

import type { KMutex } from '../sim/mutex.js';
import type { Co } from '../sim/thread.js';
import type { ZoneSystem, ZsdOps } from '../zone/system.js';
import type { Zone } from '../zone/zone.js';

export type Teardown = 'shutdown' | 'destroy';

/** The interface lives with the state it acts on (zone/system.ts). */
export type { ZsdOps };

/** An apply function of spec 2.12-2.14: returns true if a lock was dropped. */
export type ApplyFn = (s: ZoneSystem, lockp: KMutex | null, zoneLockHeld: boolean, z: Zone, key: number) => Co<boolean>;

/** Yields forever: used right after a fatal finding so the thread goes no further. */
export function* halt(): Co<never> {
  for (;;) yield;
}
