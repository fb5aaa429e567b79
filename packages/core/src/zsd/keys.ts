/*
 * zone_key_create and zone_key_delete, 2008 design (spec 2.3, 2.4).
 *
 * key_create: register the template under zsd_key_lock alone, mark eligible zones (status
 * INITIALIZED..EMPTY, no entry yet) under zonehash_lock one zone_lock at a time, then run the
 * creates through zsd_apply_all_zones. `*keyp` is stored in the key-lock block (2008) or, with
 * the 2009 option, as the last step (spec 3.7).
 * key_delete: unlink the template, mark SN/DN everywhere, run both teardown passes, free the
 * entries under zonehash_lock + zone_lock. Returns -1 if the key is not registered.
 */

import type { Co } from '../sim/thread.js';
import type { KeyVar, ZoneSystem } from '../zone/system.js';
import { ZoneStatus } from '../zone/zone.js';
import { applyAllZones, applyCreate, applyDestroy, applyShutdown } from './apply.js';
import { callbackLetters, ZsdEntry, ZsdFlag, zsdFind, zsdFindMru, type KeyCallbacks } from './entry.js';

export function* keyCreate(s: ZoneSystem, keyVar: KeyVar, fns: KeyCallbacks): Co {
  const k = s.k;
  const f = s.P.fbt.zone_key_create;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, keyVar.addr, fns.createAddr, fns.shutdownAddr, fns.destroyAddr);
  const opId = s.opBegin('zone_key_create');

  // Global list first, so any zone configured from now on copies the key (spec 2.3 step 2).
  yield k.enter(s.zsd_key_lock);
  const key = ++s.zsd_keyval;
  s.registered.append(new ZsdEntry(key, fns, s.entryAddr(), -1));
  s.keyInfo.set(key, { name: fns.name, create: !!fns.create, shutdown: !!fns.shutdown, destroy: !!fns.destroy });
  if (!s.publishKeyAfterCreate) publish(s, keyVar, key);
  if (!k.exitInPlace(s.zsd_key_lock)) yield;

  yield k.enter(s.zonehash_lock);
  // zone_active cannot change while zonehash_lock is held, so walking the links is safe.
  for (let z = s.active.head; z; z = z.lnext) {
    yield k.enter(z.zone_lock);
    const st = z.zone_status;
    if (st >= ZoneStatus.DOWN || st === ZoneStatus.UNINITIALIZED) {
      s.emit({ kind: 'markVisit', t: s.now, tid: s.tid, zone: z.zone_id, key, status: st, decision: 'skip' });
    } else if (zsdFindMru(z.zsd, key)) {
      // Copied by zone_zsd_configure after the template went on the global list.
      s.emit({ kind: 'markVisit', t: s.now, tid: s.tid, zone: z.zone_id, key, status: st, decision: 'exists' });
    } else {
      const e = new ZsdEntry(key, fns, s.entryAddr(), z.zone_id);
      s.emit({ kind: 'markVisit', t: s.now, tid: s.tid, zone: z.zone_id, key, status: st, decision: 'alloc' });
      s.log.allocEvent(s.now, s.tid, z.zone_id, key, 'keyCreate', callbackLetters(fns));
      if (fns.create) {
        e.zsd_flags = ZsdFlag.CREATE_NEEDED;
        s.log.neededEvent(s.now, s.tid, 'create', z.zone_id, key, 'keyCreate');
        const p = s.P.sdt.createNeededKeyCreate;
        if (p.enabled) s.fire(p, z, key);
      }
      z.zsd.append(e);
    }
    if (!k.exitInPlace(z.zone_lock)) yield;
  }
  if (!k.exitInPlace(s.zonehash_lock)) yield;

  if (fns.create) yield applyAllZones(s, applyCreate, key);
  if (s.publishKeyAfterCreate) publish(s, keyVar, key);
  s.opEnd('zone_key_create', opId, { key });
  s.fnOut(f, 0);
}

function publish(s: ZoneSystem, keyVar: KeyVar, key: number): void {
  keyVar.value = key;
  s.emit({ kind: 'keyPublish', t: s.now, tid: s.tid, key });
}

export function* keyDelete(s: ZoneSystem, key: number): Co<number> {
  const k = s.k;
  const f = s.P.fbt.zone_key_delete;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, key);
  const opId = s.opBegin('zone_key_delete', { key });

  yield k.enter(s.zsd_key_lock);
  const t = zsdFindMru(s.registered, key);
  if (!t) {
    if (!k.exitInPlace(s.zsd_key_lock)) yield;
    s.opEnd('zone_key_delete', opId, { key }, -1);
    s.fnOut(f, -1);
    return -1;
  }
  s.registered.remove(t);
  s.keyInfo.delete(key);
  if (!k.exitInPlace(s.zsd_key_lock)) yield;

  // Phase 2: mark every zone that has an entry, whatever its status.
  yield k.enter(s.zonehash_lock);
  for (let z = s.active.head; z; z = z.lnext) {
    yield k.enter(z.zone_lock);
    const e = zsdFindMru(z.zsd, key);
    if (e) {
      if (e.fns.shutdown && (e.zsd_flags & ZsdFlag.SHUTDOWN_ALL) === 0) {
        e.zsd_flags |= ZsdFlag.SHUTDOWN_NEEDED;
        s.log.neededEvent(s.now, s.tid, 'shutdown', z.zone_id, key, 'keyDelete');
        const p = s.P.sdt.shutdownNeededKeyDelete;
        if (p.enabled) s.fire(p, z, key);
      }
      if (e.fns.destroy && (e.zsd_flags & ZsdFlag.DESTROY_ALL) === 0) {
        e.zsd_flags |= ZsdFlag.DESTROY_NEEDED;
        s.log.neededEvent(s.now, s.tid, 'destroy', z.zone_id, key, 'keyDelete');
        const p = s.P.sdt.destroyNeededKeyDelete;
        if (p.enabled) s.fire(p, z, key);
      }
    }
    if (!k.exitInPlace(z.zone_lock)) yield;
  }
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  t.freed = true;

  // Phase 4: both passes always run; they also wait out pending creators and work in progress.
  yield applyAllZones(s, applyShutdown, key);
  yield applyAllZones(s, applyDestroy, key);

  // Phase 5: free the entries still on zone_active's zones.
  yield k.enter(s.zonehash_lock);
  for (let z = s.active.head; z; z = z.lnext) {
    yield k.enter(z.zone_lock);
    const e = zsdFind(z.zsd, key);
    if (e) {
      if ((e.zsd_flags & ZsdFlag.ALL_INPROGRESS) !== 0) s.assertFailed(`key_delete frees (zone ${z.zone_id}, key ${key}) in progress`);
      z.zsd.remove(e);
      s.markFreed(e, 'zone_key_delete');
      s.log.freeEvent(s.now, s.tid, z.zone_id, key, 'keyDelete');
    }
    if (!k.exitInPlace(z.zone_lock)) yield;
  }
  if (!k.exitInPlace(s.zonehash_lock)) yield;
  s.opEnd('zone_key_delete', opId, { key }, 0);
  s.fnOut(f, 0);
  return 0;
}
