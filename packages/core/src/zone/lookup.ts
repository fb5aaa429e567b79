/*
 * Lookups the rest of the kernel and the callbacks use (spec 3.3): zone_find_by_id (READY..DOWN
 * only, takes a hold) and zone_getattr's status check (>= INITIALIZED since 5880, >= READY in
 * the legacy design). zone_find_by_id_nolock lives with the algorithms (src/zsd).
 */

import type { Co } from '../sim/thread.js';
import { zoneHold } from './refs.js';
import type { ZoneSystem } from './system.js';
import { ZoneStatus, type Zone } from './zone.js';

/** Returns the zone with a hold (release with zoneRele), or null. */
export function* zoneFindById(s: ZoneSystem, id: number): Co<Zone | null> {
  const f = s.P.fbt.zone_find_by_id;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id);
  yield s.k.enter(s.zonehash_lock);
  let z = s.hashTablesReady ? (s.byId.get(id) ?? null) : null;
  if (z && (z.zone_status < ZoneStatus.READY || z.zone_status > ZoneStatus.DOWN)) z = null;
  if (z) yield zoneHold(s, z);
  if (!s.k.exitInPlace(s.zonehash_lock)) yield;
  s.fnOut(f, z);
  return z;
}

/** zone_getattr(ZONE_ATTR_STATUS): the status, or -1 (EINVAL) if the zone is not visible. */
export function* zoneGetattrStatus(s: ZoneSystem, id: number): Co<number> {
  const f = s.P.fbt.zone_getattr;
  s.fnIn(f);
  if (f.entry.enabled) s.fire(f.entry, id, 0);
  yield s.k.enter(s.zonehash_lock);
  const z = s.byId.get(id);
  const min = s.algorithm === 'legacy' ? ZoneStatus.READY : ZoneStatus.INITIALIZED;
  const rc = z && z.zone_status >= min ? z.zone_status : -1;
  if (!s.k.exitInPlace(s.zonehash_lock)) yield;
  s.fnOut(f, rc);
  return rc;
}
