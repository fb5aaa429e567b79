/*
 * The zone lifecycle around ZSD (spec 3): zone_create and zsched, zone_boot, zone_shutdown,
 * zone_destroy, with the status rules of spec 3.3-3.5. Each is a coroutine run by the calling
 * simulated thread (zoneadmd for the syscalls; zsched is its own thread). The ZSD steps go
 * through `s.ops`, so the same lifecycle drives the current and the legacy algorithm.
 *
 * Return values follow the syscalls: zone_create gives the zone; the others give 0 or an errno
 * (EINVAL 22, EBUSY 16).
 */

import type { Co } from '../sim/thread.js';
import { zoneHold, zoneRele } from './refs.js';
import type { ZoneSystem } from './system.js';
import { ZoneStatus, type Zone } from './zone.js';

export const EINVAL = 22;
export const EBUSY = 16;

/** Simulated work inside the lifecycle (ns): zsched setup, init start, killing processes. */
export interface LifecycleCosts {
  zschedSetup: number;
  initStart: number;
  zoneEmpty: number;
}

export function* zoneCreate(s: ZoneSystem, name: string, exclusiveIp: boolean, costs: LifecycleCosts): Co<Zone> {
  const k = s.k;
  const f = s.P.fbt.zone_create;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, name, exclusiveIp ? 1 : 0);
  k.tracker.touch(s.byId);
  const z = s.newZone(s.nextZoneId++, name, exclusiveIp);
  const opId = s.opBegin('zone_create', { zone: z.zone_id });
  // Insert into the hash and append to zone_active, still UNINITIALIZED (spec 3.2 step 2).
  yield k.enter(s.zonehash_lock);
  k.tracker.touch(s.byId);
  s.byId.set(z.zone_id, z);
  z.hashed = true;
  s.active.append(z);
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  // newproc(zsched): zsched's own hold is taken on its behalf before it runs.
  z.zone_ref++;
  k.spawn('zsched', z.zone_name, -1, () => zsched(s, z, costs));
  yield s.statusWait(z, ZoneStatus.READY);
  s.opEnd('zone_create', opId, { zone: z.zone_id }, z.zone_id);
  s.fnOut(f, z.zone_id);
  return z;
}

function* zsched(s: ZoneSystem, z: Zone, costs: LifecycleCosts): Co {
  const k = s.k;
  const f = s.P.fbt.zsched;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  if (k.startWork(costs.zschedSetup)) yield;
  yield s.ops.zschedInit(s, z);
  k.cur.daemon = true;
  yield s.statusWait(z, ZoneStatus.BOOTING);
  k.cur.daemon = false;
  if (z.zone_status === ZoneStatus.BOOTING) {
    if (k.startWork(costs.initStart)) yield;
    yield k.enter(s.zone_status_lock);
    if (z.zone_status === ZoneStatus.BOOTING) yield s.statusSet(z, ZoneStatus.RUNNING);
    if (!k.exitInPlace(s.zone_status_lock)) yield;
  }
  k.cur.daemon = true;
  yield s.statusWait(z, ZoneStatus.DYING);
  k.cur.daemon = false;
  // zsched exits; releasing the zone's last task makes it DEAD (spec 3.5 step 2).
  yield k.enter(s.zone_status_lock);
  yield s.statusSet(z, ZoneStatus.DEAD);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  yield zoneRele(s, z);
  s.fnOut(f, 0);
}

/**
 * A zone kernel thread (zthread_create): it idles until the zone is EMPTY, winds down for `linger`
 * ns (a shutdown callback telling it to stop, say), then zthread_exit: the last one of an EMPTY
 * zone sets DOWN under zone_status_lock (G08 zone.c:3014-3015).
 */
export function* zthread(s: ZoneSystem, z: Zone, linger: () => number): Co {
  const k = s.k;
  k.cur.daemon = true;
  yield s.statusWait(z, ZoneStatus.EMPTY);
  k.cur.daemon = false;
  yield k.sleep(linger());
  yield k.enter(s.zone_status_lock);
  z.zone_kthreads--;
  if (z.zone_kthreads === 0 && z.zone_status === ZoneStatus.EMPTY) yield s.statusSet(z, ZoneStatus.DOWN);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
}

/** Looks a zone up in the hash under zonehash_lock (the caller holds it). */
function lookup(s: ZoneSystem, id: number): Zone | null {
  const z = s.byId.get(id);
  return z && z.hashed ? z : null;
}

export function* zoneBoot(s: ZoneSystem, id: number): Co<number> {
  const k = s.k;
  const f = s.P.fbt.zone_boot;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  const opId = s.opBegin('zone_boot', { zone: id });
  yield k.enter(s.zonehash_lock);
  yield k.enter(s.zone_status_lock);
  const z = lookup(s, id);
  let rc = 0;
  if (!z || z.zone_status !== ZoneStatus.READY) rc = EINVAL;
  else yield s.statusSet(z, ZoneStatus.BOOTING);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  if (z && rc === 0) yield s.statusWait(z, ZoneStatus.RUNNING);
  s.opEnd('zone_boot', opId, { zone: id }, rc);
  s.fnOut(f, rc);
  return rc;
}

/** Spec 3.4. */
export function* zoneShutdown(s: ZoneSystem, id: number, costs: LifecycleCosts): Co<number> {
  const k = s.k;
  const f = s.P.fbt.zone_shutdown;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  const opId = s.opBegin('zone_shutdown', { zone: id });
  yield k.enter(s.zonehash_lock);
  yield k.enter(s.zone_status_lock);
  const z = lookup(s, id);
  let rc = -1;
  if (!z || z.zone_status < ZoneStatus.READY) rc = EINVAL;
  else if (z.zone_status >= ZoneStatus.DOWN) rc = 0; // no callbacks on this path
  else {
    // User tasks exist only once the zone ran init.
    if (z.zone_status < ZoneStatus.EMPTY) {
      const next = z.zone_status === ZoneStatus.RUNNING ? ZoneStatus.SHUTTING_DOWN : ZoneStatus.EMPTY;
      if (next > z.zone_status) yield s.statusSet(z, next);
    }
    yield zoneHold(s, z);
  }
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  if (z && rc < 0) {
    if (z.zone_status < ZoneStatus.EMPTY) {
      // zone_empty(): kill the zone's processes; the last task's release makes it EMPTY.
      if (k.startWork(costs.zoneEmpty)) yield;
      yield k.enter(s.zone_status_lock);
      if (z.zone_status < ZoneStatus.EMPTY) yield s.statusSet(z, ZoneStatus.EMPTY);
      if (!k.exitInPlace(s.zone_status_lock)) yield;
    }
    yield s.ops.zsdCallbacks(s, z, 'shutdown');
    // Spec 3.4 step 5: with no kernel threads left this thread sets DOWN; otherwise the last
    // zthread_exit does, maybe while the callbacks above were still running, and it waits.
    if (z.zone_kthreads === 0) {
      yield k.enter(s.zone_status_lock);
      if (z.zone_status < ZoneStatus.DOWN) yield s.statusSet(z, ZoneStatus.DOWN);
      if (!k.exitInPlace(s.zone_status_lock)) yield;
    } else yield s.statusWait(z, ZoneStatus.DOWN);
    yield zoneRele(s, z);
    rc = 0;
  }
  s.opEnd('zone_shutdown', opId, { zone: id }, rc);
  s.fnOut(f, rc);
  return rc;
}

/** Spec 3.5. */
export function* zoneDestroy(s: ZoneSystem, id: number): Co<number> {
  const k = s.k;
  const f = s.P.fbt.zone_destroy;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  const opId = s.opBegin('zone_destroy', { zone: id });
  yield k.enter(s.zonehash_lock);
  yield k.enter(s.zone_status_lock);
  const z = lookup(s, id);
  let rc = 0;
  if (!z) rc = EINVAL;
  else if (z.zone_status < ZoneStatus.DOWN) rc = EBUSY;
  else {
    if (z.zone_status === ZoneStatus.DOWN) yield s.statusSet(z, ZoneStatus.DYING);
    yield zoneHold(s, z);
  }
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  if (z && rc === 0) {
    yield s.statusWait(z, ZoneStatus.DEAD);
    yield s.ops.zsdCallbacks(s, z, 'destroy');
    // Wait until only our hold is left (ZONE_IS_UNREF), then leave zone_active.
    yield k.enter(z.zone_lock);
    while (z.zone_ref > 1) yield k.cvWait(z.destroy_cv, z.zone_lock);
    if (!k.exitInPlace(z.zone_lock)) yield;
    yield k.enter(s.zonehash_lock);
    k.tracker.touch(s.byId);
    s.byId.delete(z.zone_id);
    z.hashed = false;
    s.active.remove(z);
    if (!k.exitInPlace(s.zonehash_lock)) yield;
    if (z.zone_cred_ref > 0) s.deathrow.add(z);
    yield zoneRele(s, z);
  }
  s.opEnd('zone_destroy', opId, { zone: id }, rc);
  s.fnOut(f, rc);
  return rc;
}
