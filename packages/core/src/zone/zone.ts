/*
 * The zone_t of the simulation and the zone status values of spec 1.3.
 *
 * A zone carries the fields D sees (`zone_id`, `zone_name`, `zone_status`, `addr`) and the
 * kernel state the spec names: its zone_lock (protecting refs and the zone_zsd list), the
 * status CV, the references that keep it alive (zone_ref, zone_cred_ref) and its links on
 * zone_active. `freed` marks the zone_t as returned to the allocator (spec 4.6 T2): touching
 * it afterwards is a finding, never a crash.
 */

import { CondVar } from '../sim/condvar.js';
import { KList, type Linked } from '../sim/list.js';
import { KMutex, type FreeRecord } from '../sim/mutex.js';
import type { ZsdEntry } from '../zsd/entry.js';

/** Spec 1.3: the ordered zone_status_t values. */
export const ZoneStatus = {
  UNINITIALIZED: 0,
  INITIALIZED: 1,
  READY: 2,
  BOOTING: 3,
  RUNNING: 4,
  SHUTTING_DOWN: 5,
  EMPTY: 6,
  DOWN: 7,
  DYING: 8,
  DEAD: 9,
} as const;

export type ZoneStatusValue = (typeof ZoneStatus)[keyof typeof ZoneStatus];

/** Names indexed by status value (spec 1.3 order). */
export const zoneStatusNames: readonly string[] = [
  'uninitialized',
  'initialized',
  'ready',
  'booting',
  'running',
  'shutting_down',
  'empty',
  'down',
  'dying',
  'dead',
];

/** Pre-5880 flag: "ZSD destructor callbacks run" (legacy algorithm only, spec 1.4). */
export const ZF_DESTROYED = 0x1;
export const ZF_NET_EXCL = 0x2;

export const GLOBAL_ZONEID = 0;

export class Zone implements Linked<Zone> {
  zone_status: number = ZoneStatus.UNINITIALIZED;
  freed = false;
  freedBy: FreeRecord | null = null;
  lprev: Zone | null = null;
  lnext: Zone | null = null;
  lon: object | null = null;
  readonly zone_lock: KMutex;
  /** Broadcast on every status change; waiters use zone_status_lock. */
  readonly zone_cv: CondVar;
  /** Broadcast when zone_ref drops to 0 (zone_destroy waits for it with zone_lock). */
  readonly destroy_cv: CondVar;
  readonly zsd = new KList<ZsdEntry>();
  zone_ref = 0;
  zone_cred_ref = 0;
  zone_flags = 0;
  /** Live zone kernel threads (zthread_create); the last zthread_exit makes an EMPTY zone DOWN. */
  zone_kthreads = 0;
  /** In the id hash (between zone_create's insert and zone_destroy's removal). */
  hashed = false;

  constructor(
    readonly zone_id: number,
    readonly zone_name: string,
    readonly addr: number,
    exclusiveIp: boolean,
  ) {
    this.zone_lock = new KMutex('zone_lock', `zone_lock:${zone_id}`, addr + 0x80, this);
    this.zone_cv = new CondVar(`zone_cv(zone ${zone_id})`);
    this.destroy_cv = new CondVar(`zone_destroy_cv(zone ${zone_id})`);
    if (exclusiveIp) this.zone_flags |= ZF_NET_EXCL;
  }

  get statusName(): string {
    return zoneStatusNames[this.zone_status] ?? String(this.zone_status);
  }
}
