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
import type { Tracker } from '../sim/footprint.js';
import { KMutex, type FreeRecord } from '../sim/mutex.js';
import type { ZsdEntry } from '../zsd/entry.js';

/**
 * Spec 1.3, the one zone-status table: each zone_status_t value in order, with its C name and the
 * lower-case name zsdtrace shows (state(), the dashboard). Everything else derives from it.
 */
export const zoneStatusTable = [
  { id: 'UNINITIALIZED', name: 'uninitialized' },
  { id: 'INITIALIZED', name: 'initialized' },
  { id: 'READY', name: 'ready' },
  { id: 'BOOTING', name: 'booting' },
  { id: 'RUNNING', name: 'running' },
  { id: 'SHUTTING_DOWN', name: 'shutting_down' },
  { id: 'EMPTY', name: 'empty' },
  { id: 'DOWN', name: 'down' },
  { id: 'DYING', name: 'dying' },
  { id: 'DEAD', name: 'dead' },
] as const;

type StatusId = (typeof zoneStatusTable)[number]['id'];

/** The values by C name: `ZoneStatus.READY` is 2. */
export const ZoneStatus = Object.fromEntries(zoneStatusTable.map((s, i) => [s.id, i])) as { readonly [K in StatusId]: number };

/** Names indexed by status value (spec 1.3 order). */
export const zoneStatusNames: readonly string[] = zoneStatusTable.map((s) => s.name);

/** The C name of a status value (`READY`), for verifier messages. */
export function zoneStatusId(s: number): string {
  return zoneStatusTable[s]?.id ?? (s < 0 ? 'unknown' : String(s));
}

/** Pre-5880 flag: "ZSD destructor callbacks run" (legacy algorithm only, spec 1.4). */
export const ZF_DESTROYED = 0x1;
export const ZF_NET_EXCL = 0x2;

export const GLOBAL_ZONEID = 0;

export class Zone implements Linked<Zone> {
  private status: number = ZoneStatus.UNINITIALIZED;
  private isFreed = false;
  private inHash = false;
  private kthreads = 0;
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

  constructor(
    readonly zone_id: number,
    readonly zone_name: string,
    readonly addr: number,
    exclusiveIp: boolean,
    /** Step footprints: these four fields are read without the lock their writers hold. */
    private readonly tracker: Tracker,
  ) {
    this.zone_lock = new KMutex('zone_lock', `zone_lock:${zone_id}`, addr + 0x80, this);
    this.zone_cv = new CondVar('zone_cv', zone_id);
    this.destroy_cv = new CondVar('zone_destroy_cv', zone_id);
    if (exclusiveIp) this.zone_flags |= ZF_NET_EXCL;
  }

  /*
   * Fields read outside the lock that protects their writes (zone_status under zone_lock or no
   * lock at all, hashed under zone_lock, freed and zone_kthreads anywhere): each access counts in
   * the step's footprint, so the explorer orders such steps against each other (docs/verify.md).
   */
  get zone_status(): number {
    this.tracker.touch(this);
    return this.status;
  }

  set zone_status(v: number) {
    this.tracker.touch(this);
    this.status = v;
  }

  /** Returned to the allocator (spec 4.6). */
  get freed(): boolean {
    this.tracker.touch(this);
    return this.isFreed;
  }

  set freed(v: boolean) {
    this.tracker.touch(this);
    this.isFreed = v;
  }

  /** In the id hash (between zone_create's insert and zone_destroy's removal). */
  get hashed(): boolean {
    this.tracker.touch(this);
    return this.inHash;
  }

  set hashed(v: boolean) {
    this.tracker.touch(this);
    this.inHash = v;
  }

  /** Live zone kernel threads (zthread_create); the last zthread_exit makes an EMPTY zone DOWN. */
  get zone_kthreads(): number {
    this.tracker.touch(this);
    return this.kthreads;
  }

  set zone_kthreads(v: number) {
    this.tracker.touch(this);
    this.kthreads = v;
  }

  get statusName(): string {
    return zoneStatusNames[this.zone_status] ?? String(this.zone_status);
  }
}
