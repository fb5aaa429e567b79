/*
 * The per-zone ZSD functions of the 2008 design: zone_zsd_configure and the zsched block around
 * it (spec 2.7, 3.2), zone_zsd_callbacks (2.8), zone_getspecific / zone_setspecific (2.5, 2.6)
 * and zone_find_by_id_nolock (2.17). No callback ever runs under a framework lock here.
 */

import type { Co } from '../sim/thread.js';
import type { ZoneSystem } from '../zone/system.js';
import { ZoneStatus, type Zone } from '../zone/zone.js';
import { applyAllKeys, applyCreate, applyDestroy, applyShutdown } from './apply.js';
import { callbackLetters, ZsdEntry, ZsdFlag, zsdFind, zsdFindMru } from './entry.js';
import type { Teardown } from './ops.js';

/**
 * zsched, spec 3.2 steps 4-6: pool_lock -> cpu_lock -> zonehash_lock, configure, INITIALIZED
 * under zone_status_lock; release; run the creates unlocked; READY.
 */
export function* zschedInit(s: ZoneSystem, z: Zone): Co {
  const k = s.k;
  yield k.enter(s.pool_lock);
  yield k.enter(s.cpu_lock);
  yield k.enter(s.zonehash_lock);
  yield zoneZsdConfigure(s, z);
  yield k.enter(s.zone_status_lock);
  yield s.statusSet(z, ZoneStatus.INITIALIZED);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  if (!k.exitInPlace(s.cpu_lock)) yield;
  if (!k.exitInPlace(s.pool_lock)) yield;

  yield applyAllKeys(s, applyCreate, z);

  yield k.enter(s.zone_status_lock);
  yield s.statusSet(z, ZoneStatus.READY);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
}

/** Spec 2.7: copy every registered key into the new zone; CN where there is a create. */
function* zoneZsdConfigure(s: ZoneSystem, z: Zone): Co {
  const k = s.k;
  const f = s.P.fbt.zone_zsd_configure;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  s.assert(s.zonehash_lock.owner === k.cur, 'zone_zsd_configure without zonehash_lock');
  if (z.zone_status !== ZoneStatus.UNINITIALIZED) s.assertFailed(`configure of zone ${z.zone_id} not UNINITIALIZED`);
  k.tracker.touch(z.zone_lock.guarded);
  if (z.zsd.size !== 0) s.assertFailed(`configure of zone ${z.zone_id} with a non-empty zone_zsd`);
  yield k.enter(z.zone_lock);
  yield k.enter(s.zsd_key_lock);
  for (let t = s.registered.head; t; t = t.lnext) {
    if (zsdFind(z.zsd, t.zsd_key) !== null) s.assertFailed(`zone ${z.zone_id} already has key ${t.zsd_key}`);
    const e = new ZsdEntry(t.zsd_key, t.fns, s.entryAddr(), z.zone_id);
    s.log.allocEvent(s.now, s.tid, z.zone_id, t.zsd_key, 'configure', callbackLetters(t.fns));
    if (t.fns.create) {
      e.zsd_flags = ZsdFlag.CREATE_NEEDED;
      s.log.neededEvent(s.now, s.tid, 'create', z.zone_id, t.zsd_key, 'configure');
      const p = s.P.sdt.createNeededConfigure;
      if (p.enabled) s.fire(p, z, t.zsd_key);
    }
    z.zsd.append(e);
  }
  if (!k.exitInPlace(s.zsd_key_lock)) yield;
  if (!k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, 0);
}

/** Spec 2.8: mark from the zone's own list, then a shutdown pass and a destroy pass. */
export function* zsdCallbacks(s: ZoneSystem, z: Zone, ct: Teardown): Co {
  const k = s.k;
  const f = s.P.fbt.zone_zsd_callbacks;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z, ct === 'shutdown' ? 1 : 2);
  if (ct === 'shutdown') {
    if (z.zone_status < ZoneStatus.EMPTY) s.assertFailed(`ZSD_SHUTDOWN on zone ${z.zone_id} below EMPTY`);
  } else if (z.zone_status < ZoneStatus.DOWN) s.assertFailed(`ZSD_DESTROY on zone ${z.zone_id} below DOWN`);
  yield k.enter(z.zone_lock);
  for (let e = z.zsd.head; e; e = e.lnext) {
    if (ct === 'shutdown' && e.fns.shutdown && (e.zsd_flags & ZsdFlag.SHUTDOWN_ALL) === 0) {
      e.zsd_flags |= ZsdFlag.SHUTDOWN_NEEDED;
      s.log.neededEvent(s.now, s.tid, 'shutdown', z.zone_id, e.zsd_key, 'zoneShutdown');
      const p = s.P.sdt.shutdownNeededCallbacks;
      if (p.enabled) s.fire(p, z, e.zsd_key);
    }
    if (ct === 'destroy' && e.fns.destroy && (e.zsd_flags & ZsdFlag.DESTROY_ALL) === 0) {
      e.zsd_flags |= ZsdFlag.DESTROY_NEEDED;
      s.log.neededEvent(s.now, s.tid, 'destroy', z.zone_id, e.zsd_key, 'zoneDestroy');
      const p = s.P.sdt.destroyNeededCallbacks;
      if (p.enabled) s.fire(p, z, e.zsd_key);
    }
  }
  if (!k.exitInPlace(z.zone_lock)) yield;
  // Both passes whatever ct is (spec 2.8 step 3).
  yield applyAllKeys(s, applyShutdown, z);
  yield applyAllKeys(s, applyDestroy, z);
  s.fnOut(f, 0);
}

/** Spec 2.6. */
export function* getspecific(s: ZoneSystem, key: number, z: Zone): Co<number> {
  const f = s.P.fbt.zone_getspecific;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, key, z);
  yield s.k.enter(z.zone_lock);
  const e = zsdFindMru(z.zsd, key);
  const value = e ? e.zsd_data : 0;
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  s.emit({ kind: 'getspecific', t: s.now, tid: s.tid, zone: z.zone_id, key, value });
  s.fnOut(f, value);
  return value;
}

/** Spec 2.5: no entry is an error now (-1); no flag changes, no probes. */
export function* setspecific(s: ZoneSystem, key: number, z: Zone, data: number): Co<number> {
  const f = s.P.fbt.zone_setspecific;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, key, z, data);
  yield s.k.enter(z.zone_lock);
  const e = zsdFindMru(z.zsd, key);
  if (e) e.zsd_data = data;
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  const rc = e ? 0 : -1;
  s.emit({ kind: 'setspecific', t: s.now, tid: s.tid, zone: z.zone_id, key, value: data, rc });
  s.fnOut(f, rc);
  return rc;
}

/** Spec 2.17: takes zonehash_lock itself; any status; no hold. zone0 before zone_init. */
export function* findByIdNolock(s: ZoneSystem, id: number): Co<Zone | null> {
  const f = s.P.fbt.zone_find_by_id_nolock;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  yield s.k.enter(s.zonehash_lock);
  const z = s.hashTablesReady ? (s.byId.get(id) ?? null) : s.zone0;
  if (!s.k.exitInPlace(s.zonehash_lock)) yield;
  s.fnOut(f, z);
  return z;
}
