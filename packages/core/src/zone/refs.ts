/*
 * Zone references and freeing: zone_hold/zone_rele, zone_cred_hold/zone_cred_rele, zone_free
 * and zone_free_zsd (spec 2.9, 3.5). A zone is freed when both counts are zero and it is off
 * zone_active (destroyed, possibly after waiting on deathrow for cred references). Freeing
 * marks every remaining entry and the zone_t `freed`, so a late access is a finding (T1/T2).
 */

import type { Co } from '../sim/thread.js';
import { ZsdFlag } from '../zsd/entry.js';
import type { ZoneSystem } from './system.js';
import type { Zone } from './zone.js';

export function* zoneHold(s: ZoneSystem, z: Zone): Co {
  const f = s.P.fbt.zone_hold;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield s.k.enter(z.zone_lock);
  z.zone_ref++;
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, 0);
}

export function* zoneRele(s: ZoneSystem, z: Zone): Co {
  const f = s.P.fbt.zone_rele;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield s.k.enter(z.zone_lock);
  z.zone_ref--;
  if (z.zone_ref < 0) s.assertFailed(`zone ${z.zone_id} zone_ref below zero`);
  const free = z.zone_ref === 0 && z.zone_cred_ref === 0 && !z.hashed;
  // zone_destroy waits for its own hold to be the last one.
  if (z.zone_ref <= 1) {
    s.k.wakeAll(z.destroy_cv);
    yield;
  }
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  if (free) yield zoneFree(s, z);
  s.fnOut(f, 0);
}

export function* zoneCredHold(s: ZoneSystem, z: Zone): Co {
  const f = s.P.fbt.zone_cred_hold;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield s.k.enter(z.zone_lock);
  z.zone_cred_ref++;
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, 0);
}

/**
 * crfree of a zone cred: zone_lock traffic, and the last reference of a destroyed zone frees it.
 * `drop` false models a crfree whose cred holds no reference of its own on this zone.
 */
export function* zoneCredRele(s: ZoneSystem, z: Zone, drop = true): Co {
  const f = s.P.fbt.zone_cred_rele;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield s.k.enter(z.zone_lock);
  if (drop && z.zone_cred_ref > 0) z.zone_cred_ref--;
  const free = z.zone_ref === 0 && z.zone_cred_ref === 0 && !z.hashed;
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  if (free) yield zoneFree(s, z);
  s.fnOut(f, 0);
}

function* zoneFree(s: ZoneSystem, z: Zone): Co {
  const f = s.P.fbt.zone_free;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  s.deathrow.delete(z);
  yield zoneFreeZsd(s, z);
  s.markFreed(z, 'zone_free');
  s.fnOut(f, 0);
}

/** Spec 2.9: unlink and free every entry under zone_lock; no callbacks, no probes. */
function* zoneFreeZsd(s: ZoneSystem, z: Zone): Co {
  const f = s.P.fbt.zone_free_zsd;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, z);
  yield s.k.enter(z.zone_lock);
  for (let e = z.zsd.head; e; e = z.zsd.head) {
    if ((e.zsd_flags & ZsdFlag.ALL_INPROGRESS) !== 0) s.assertFailed(`zone_free_zsd: (zone ${z.zone_id}, key ${e.zsd_key}) in progress`);
    z.zsd.remove(e);
    s.markFreed(e, 'zone_free');
    s.log.freeEvent(s.now, s.tid, z.zone_id, e.zsd_key, 'zoneFree');
  }
  if (!s.k.exitInPlace(z.zone_lock)) yield;
  s.fnOut(f, 0);
}
