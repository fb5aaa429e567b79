/*
 * The ZSD entry points the zone lifecycle and the workloads call, implemented twice: `current`
 * (the 2008 design, src/zsd/current.ts) and `legacy` (the pre-2008 design of spec 5.1,
 * src/zsd/legacy.ts). Both act on the same ZoneSystem state.
 */

import type { KMutex } from '../sim/mutex.js';
import type { Co } from '../sim/thread.js';
import type { KeyVar, ZoneSystem } from '../zone/system.js';
import type { Zone } from '../zone/zone.js';
import type { KeyCallbacks } from './entry.js';

export type Teardown = 'shutdown' | 'destroy';

export interface ZsdOps {
  /** zone_key_create(&keyVar, create, shutdown, destroy). */
  keyCreate(s: ZoneSystem, keyVar: KeyVar, fns: KeyCallbacks): Co;
  /** zone_key_delete(key): 0, or -1 if the key is not registered. */
  keyDelete(s: ZoneSystem, key: number): Co<number>;
  /** zsched's ZSD part: configure under pool/cpu/zonehash locks through READY (spec 3.2 steps 4-6). */
  zschedInit(s: ZoneSystem, z: Zone): Co;
  /** zone_zsd_callbacks(zone, ZSD_SHUTDOWN | ZSD_DESTROY). */
  zsdCallbacks(s: ZoneSystem, z: Zone, ct: Teardown): Co;
  getspecific(s: ZoneSystem, key: number, z: Zone): Co<number>;
  setspecific(s: ZoneSystem, key: number, z: Zone, data: number): Co<number>;
  findByIdNolock(s: ZoneSystem, id: number): Co<Zone | null>;
}

/** An apply function of spec 2.12-2.14: returns true if a lock was dropped. */
export type ApplyFn = (s: ZoneSystem, lockp: KMutex | null, zoneLockHeld: boolean, z: Zone, key: number) => Co<boolean>;

/** Yields forever: used right after a fatal finding so the thread goes no further. */
export function* halt(): Co<never> {
  for (;;) yield;
}
