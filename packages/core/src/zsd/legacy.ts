/*
 * The `legacy` algorithm: the pre-2008 ZSD design (spec 5.1), kept to show why it was replaced.
 *
 * Callbacks run inside framework critical sections: key_create and key_delete stop the world
 * (zonehash_lock plus every zone_lock) around their callbacks; zone_zsd_configure runs creates
 * under pool_lock, cpu_lock, zonehash_lock and zsd_key_lock; zone_zsd_callbacks holds
 * zsd_key_lock across every shutdown/destroy callback. A callback that calls zone_find_by_id or
 * crfree therefore panics ("recursive mutex_enter", scenario S1) or deadlocks (S2), and the
 * kernel's detectors report it. There are no per-entry flags and no SDT probes in this design
 * (they came with 5880); the trace still carries alloc/free/start/end events.
 */

import type { Co } from '../sim/thread.js';
import type { KeyVar, ZoneSystem } from '../zone/system.js';
import { ZF_DESTROYED, ZoneStatus, type Zone } from '../zone/zone.js';
import { callbackLetters, ZsdEntry, zsdFind, zsdFindMru, type KeyCallbacks } from './entry.js';
import type { Teardown, ZsdOps } from './ops.js';
import { getspecific } from './zone-zsd.js';

function* lockTheWorld(s: ZoneSystem): Co<Zone[]> {
  yield s.k.enter(s.zonehash_lock);
  const zones: Zone[] = [];
  for (let z = s.active.head; z; z = z.lnext) {
    yield s.k.enter(z.zone_lock);
    zones.push(z);
  }
  return zones;
}

function* unlockTheWorld(s: ZoneSystem, zones: readonly Zone[]): Co {
  for (let i = zones.length - 1; i >= 0; i--) if (!s.k.exitInPlace(zones[i]!.zone_lock)) yield;
  if (!s.k.exitInPlace(s.zonehash_lock)) yield;
}

function* runCreate(s: ZoneSystem, z: Zone, e: ZsdEntry): Co {
  s.log.phaseEvent('start', s.now, s.tid, 'create', z.zone_id, e.zsd_key);
  s.callbacks++;
  const r = (yield e.fns.create!(z.zone_id)) as number;
  s.log.endResultEvent(s.now, s.tid, 'create', z.zone_id, e.zsd_key, r);
  e.zsd_data = r;
}

function* runTeardown(s: ZoneSystem, ct: Teardown, fns: KeyCallbacks, zone: number, key: number, data: number): Co {
  const cb = ct === 'shutdown' ? fns.shutdown : fns.destroy;
  if (!cb) return;
  s.log.phaseEvent('start', s.now, s.tid, ct, zone, key);
  s.callbacks++;
  yield cb(zone, data);
  s.log.phaseEvent('end', s.now, s.tid, ct, zone, key);
}

function* keyCreate(s: ZoneSystem, keyVar: KeyVar, fns: KeyCallbacks): Co {
  const f = s.P.fbt.zone_key_create;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, keyVar.addr, fns.createAddr, fns.shutdownAddr, fns.destroyAddr);
  const opId = s.opBegin('zone_key_create');
  const zones = (yield lockTheWorld(s)) as Zone[];
  yield s.k.enter(s.zsd_key_lock);
  const key = ++s.zsd_keyval;
  s.registered.append(new ZsdEntry(key, fns, s.entryAddr(), -1));
  s.keyInfo.set(key, { name: fns.name, create: !!fns.create, shutdown: !!fns.shutdown, destroy: !!fns.destroy });
  keyVar.value = key;
  s.emit({ kind: 'keyPublish', t: s.now, tid: s.tid, key });
  if (!s.k.exitInPlace(s.zsd_key_lock)) yield;
  if (fns.create) {
    for (const z of zones) {
      const e = new ZsdEntry(key, fns, s.entryAddr(), z.zone_id);
      s.log.allocEvent(s.now, s.tid, z.zone_id, key, 'keyCreate', callbackLetters(fns));
      yield runCreate(s, z, e);
      z.zsd.append(e);
    }
  }
  yield unlockTheWorld(s, zones);
  s.opEnd('zone_key_create', opId, { key });
  s.fnOut(f, 0);
}

function* keyDelete(s: ZoneSystem, key: number): Co<number> {
  const f = s.P.fbt.zone_key_delete;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, key);
  const opId = s.opBegin('zone_key_delete', { key });
  const zones = (yield lockTheWorld(s)) as Zone[];
  yield s.k.enter(s.zsd_key_lock);
  const t = zsdFindMru(s.registered, key);
  if (t) {
    s.registered.remove(t);
    s.keyInfo.delete(key);
  }
  if (!s.k.exitInPlace(s.zsd_key_lock)) yield;
  if (t) {
    for (const z of zones) {
      if (z.zone_flags & ZF_DESTROYED) continue;
      const e = zsdFindMru(z.zsd, key);
      const data = e ? e.zsd_data : 0;
      if (e) {
        z.zsd.remove(e);
        s.markFreed(e, 'zone_key_delete');
        s.log.freeEvent(s.now, s.tid, z.zone_id, key, 'keyDelete');
      }
      yield runTeardown(s, 'shutdown', t.fns, z.zone_id, key, data);
      yield runTeardown(s, 'destroy', t.fns, z.zone_id, key, data);
    }
    t.freed = true;
  }
  yield unlockTheWorld(s, zones);
  const rc = t ? 0 : -1;
  s.opEnd('zone_key_delete', opId, { key }, rc);
  s.fnOut(f, rc);
  return rc;
}

/** Old zsched flow: creates run inside configure, under every global lock; then straight to READY. */
function* zschedInit(s: ZoneSystem, z: Zone): Co {
  const k = s.k;
  yield k.enter(s.pool_lock);
  yield k.enter(s.cpu_lock);
  yield k.enter(s.zonehash_lock);
  const f = s.P.fbt.zone_zsd_configure;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield k.enter(s.zsd_key_lock);
  for (let t = s.registered.head; t; t = t.lnext) {
    if (!t.fns.create || zsdFind(z.zsd, t.zsd_key)) continue;
    const e = new ZsdEntry(t.zsd_key, t.fns, s.entryAddr(), z.zone_id);
    s.log.allocEvent(s.now, s.tid, z.zone_id, t.zsd_key, 'configure', callbackLetters(t.fns));
    yield runCreate(s, z, e);
    z.zsd.append(e);
  }
  if (!k.exitInPlace(s.zsd_key_lock)) yield;
  s.fnOut(f, 0);
  yield k.enter(s.zone_status_lock);
  yield s.statusSet(z, ZoneStatus.READY);
  if (!k.exitInPlace(s.zone_status_lock)) yield;
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  if (!k.exitInPlace(s.cpu_lock)) yield;
  if (!k.exitInPlace(s.pool_lock)) yield;
}

/** Old zone_zsd_callbacks: walks the global list holding zsd_key_lock across each callback. */
function* zsdCallbacks(s: ZoneSystem, z: Zone, ct: Teardown): Co {
  const k = s.k;
  const f = s.P.fbt.zone_zsd_callbacks;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z, ct === 'shutdown' ? 1 : 2);
  yield k.enter(z.zone_lock);
  const skip = ct === 'destroy' && (z.zone_flags & ZF_DESTROYED) !== 0;
  if (ct === 'destroy') z.zone_flags |= ZF_DESTROYED;
  if (!k.exitInPlace(z.zone_lock)) yield;
  if (!skip) {
    yield k.enter(s.zsd_key_lock);
    for (let t = s.registered.head; t; t = t.lnext) {
      if (!(ct === 'shutdown' ? t.fns.shutdown : t.fns.destroy)) continue;
      // The old lookup held zsd_key_lock alone, not zone_lock (spec 5.1, G08p zone_zsd_callbacks): the
      // callback gets whatever the list holds at that moment.
      k.tracker.touch(z.zone_lock.guarded);
      const e = zsdFind(z.zsd, t.zsd_key);
      const data = e ? e.zsd_data : 0;
      yield k.preempt();
      yield runTeardown(s, ct, t.fns, z.zone_id, t.zsd_key, data);
    }
    if (!k.exitInPlace(s.zsd_key_lock)) yield;
  }
  s.fnOut(f, 0);
}

/** Old zone_setspecific: creates the entry lazily, taking zsd_key_lock under zone_lock. */
function* setspecific(s: ZoneSystem, key: number, z: Zone, data: number): Co<number> {
  const k = s.k;
  const f = s.P.fbt.zone_setspecific;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, key, z, data);
  yield k.enter(z.zone_lock);
  let e = zsdFindMru(z.zsd, key);
  if (!e) {
    yield k.enter(s.zsd_key_lock);
    const t = zsdFind(s.registered, key);
    if (t) {
      e = new ZsdEntry(key, t.fns, s.entryAddr(), z.zone_id);
      s.log.allocEvent(s.now, s.tid, z.zone_id, key, 'keyCreate', callbackLetters(t.fns));
      z.zsd.prepend(e);
    }
    if (!k.exitInPlace(s.zsd_key_lock)) yield;
  }
  if (e) e.zsd_data = data;
  if (!k.exitInPlace(z.zone_lock)) yield;
  const rc = e ? 0 : -1;
  s.emit({ kind: 'setspecific', t: s.now, tid: s.tid, zone: z.zone_id, key, value: data, rc });
  s.fnOut(f, rc);
  return rc;
}

/** Old helper: relies on the caller already holding zonehash_lock (ASSERT). */
function* findByIdNolock(s: ZoneSystem, id: number): Co<Zone | null> {
  const f = s.P.fbt.zone_find_by_id_nolock;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  s.assert(s.zonehash_lock.owner === s.k.cur, 'zone_find_by_id_nolock: zonehash_lock not held by caller');
  s.k.tracker.touch(s.byId);
  const z = s.hashTablesReady ? (s.byId.get(id) ?? null) : s.zone0;
  yield s.k.preempt();
  s.fnOut(f, z);
  return z;
}

export const legacyOps: ZsdOps = {
  keyCreate,
  keyDelete,
  zschedInit,
  zsdCallbacks,
  getspecific,
  setspecific,
  findByIdNolock,
};
